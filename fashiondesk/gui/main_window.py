"""The main window: composes the views and wires their signals to the core and workers."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QFileDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QSizePolicy,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from fashiondesk.core import services
from fashiondesk.core.catalogue import edits
from fashiondesk.core.catalogue.db import Catalogue
from fashiondesk.core.catalogue.queries import (
    ALL,
    FOLDER,
    RESULTS,
    GridFilter,
    photo_detail,
    tag_names,
)
from fashiondesk.core.vision.spec import shipped_spec
from fashiondesk.gui.backups_dialog import DailyBackup, Restorer
from fashiondesk.gui.detail import DetailPanel
from fashiondesk.gui.dropping import split_drop
from fashiondesk.gui.editing import TagEdits
from fashiondesk.gui.filters import FilterBar, scope_title
from fashiondesk.gui.folder_actions import FolderActions
from fashiondesk.gui.grid import PhotoGrid, PhotoGridModel
from fashiondesk.gui.indexing import IndexRunner, summary_text
from fashiondesk.gui.sidebar import Sidebar
from fashiondesk.gui.status import (
    FailuresPanel,
    IndexStatus,
    failures_button_text,
    make_failures_button,
)
from fashiondesk.gui.thumbnails import ThumbnailLoader, prune_cache
from fashiondesk.gui.workers import (
    CatalogueReader,
    SimilarWorker,
    Tasks,
    start_in_thread,
    stop_thread,
)

SIMILAR_STRIP = 12
SIMILAR_GRID = 60
LIVE_REFRESH_MS = 1000


class MainWindow(QMainWindow):
    # Requests to the workers; queued across threads.
    _rows_wanted = Signal(int, object)
    _counts_wanted = Signal()
    _similar_wanted = Signal(int, object, int)
    _similar_stale = Signal()

    index_finished = Signal(object)  # IndexSummary, for anyone who waits on a run

    def __init__(self, catalogue: Catalogue, settings: QSettings, thumbnail_dir: Path | None = None):
        super().__init__()
        self.catalogue = catalogue
        self.settings = settings
        spec = shipped_spec()
        self.unsure_below = spec.unsure_below
        self.setWindowTitle("fashiondesk")
        self.setAcceptDrops(True)
        self.thumbnails = ThumbnailLoader(thumbnail_dir)
        self.filter = GridFilter()
        self._request_id = 0
        self.shown_request = 0  # the newest request whose rows the grid shows
        self._similar_id = 0
        self._similar_for: dict[int, str] = {}
        self._close_when_done = False
        self.tasks = Tasks(self)
        self._pending_select: int | None = None
        self.tag_edits = TagEdits(catalogue, self)
        self._results_title = ""

        self.sidebar = Sidebar()
        self.model = PhotoGridModel(self.thumbnails, self.unsure_below, self)
        self.grid = PhotoGrid(self.model)
        self.scope_label = QLabel()
        # A new title must not resize the grid below it: that would lay out every cell again.
        self.scope_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.detail = DetailPanel(self.thumbnails, list(spec.categories), self.unsure_below)
        centre = QWidget()
        centre_layout = QVBoxLayout(centre)
        centre_layout.setContentsMargins(0, 4, 0, 0)
        centre_layout.addWidget(self.scope_label)
        centre_layout.addWidget(self.grid)
        self.splitter = QSplitter()
        self.splitter.addWidget(self.sidebar)
        self.splitter.addWidget(centre)
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([220, 760, 340])
        self.setCentralWidget(self.splitter)

        self.filters = FilterBar(list(spec.categories))
        self.folder_actions = FolderActions(catalogue, self.tasks, self, self.is_indexing)
        self.restorer = Restorer(catalogue, self.tasks, self, self.is_indexing)
        self._build_actions()
        self.failures = FailuresPanel(self)
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.failures)
        self.failures.hide()
        self.index_status = IndexStatus()
        self.failures_button = make_failures_button()
        self.statusBar().addPermanentWidget(self.index_status)
        self.statusBar().addPermanentWidget(self.failures_button)
        self.statusBar().addPermanentWidget(self.folder_actions.notice)

        self.tasks.failed.connect(self._show_error)
        self.tag_edits.changed.connect(self._edited)
        self.tag_edits.failed.connect(self._show_error)
        self.tag_edits.undo_text.connect(self._undo_text)
        self._reader = CatalogueReader(catalogue, self.unsure_below)
        self._reader_thread = start_in_thread(self._reader, "catalogue reader")
        self._rows_wanted.connect(self._reader.load_rows)
        self._counts_wanted.connect(self._reader.load_counts)
        self._reader.rows_ready.connect(self._rows_ready)
        self._reader.counts_ready.connect(self._counts_ready)
        self._reader.failed.connect(self._show_error)
        self._similar = SimilarWorker(catalogue)
        self._similar_thread = start_in_thread(self._similar, "similar items")
        self._similar_wanted.connect(self._similar.search)
        self._similar_stale.connect(self._similar.mark_stale)
        self._similar.results.connect(self._similar_ready)
        self._similar.failed.connect(self._similar_failed)
        self._live = QTimer(self, interval=LIVE_REFRESH_MS)
        self._live.timeout.connect(self._live_refresh)

        self.sidebar.chosen.connect(self._sidebar_chosen)
        self.sidebar.folder_menu_requested.connect(self.folder_actions.show_menu)
        self.folder_actions.absent_changed.connect(self.sidebar.set_absent)
        self.folder_actions.message.connect(self.statusBar().showMessage)
        self.folder_actions.failed.connect(self._show_error)
        self.folder_actions.relocated.connect(self._folder_relocated)
        self.folder_actions.removed.connect(self._folder_removed)
        self.restorer.restored.connect(self._restored)
        self.restorer.failed.connect(self._show_error)
        self.filters.changed.connect(self._filters_changed)
        self.grid.selectionModel().currentChanged.connect(lambda *_: self._show_current())
        self.grid.open_requested.connect(lambda _id: self.detail.focus_tags())
        self.detail.accept_tag.connect(lambda tag_id: self._edit("accept a tag", None, edits.accept_tag, tag_id))
        self.detail.remove_tag.connect(lambda tag_id: self._edit("remove a tag", None, edits.remove_tag, tag_id))
        self.detail.set_category.connect(
            lambda pid, name: self._edit(f"set the category to {name}", [pid], edits.set_category, pid, name))
        self.detail.add_tag.connect(lambda pid, name: self._edit(
            f"add the tag {name}", self._tag_targets(pid), edits.add_custom_tag, self._tag_targets(pid), name))
        self.detail.similar_chosen.connect(self.go_to_photo)
        self.detail.more_like_this.connect(self._more_like_this)
        self.indexer = IndexRunner(catalogue, self)
        self.indexer.started.connect(self._index_started)
        self.indexer.progress.connect(self.index_status.update_progress)
        self.indexer.ended.connect(self._index_ended)
        self.index_status.cancel_requested.connect(self.cancel_indexing)
        self.failures_button.clicked.connect(self._show_failures)
        self._restore_settings()
        self.tasks.run(prune_cache, self.thumbnails.cache_dir)
        self.refresh()
        self._load_failures()
        self.folder_actions.reload()
        self.daily_backup = DailyBackup(catalogue, self.tasks, self.statusBar().showMessage, self)
        self.daily_backup.start()

    # -- building --------------------------------------------------------------------

    def _build_actions(self) -> None:
        toolbar = self.addToolBar("Main")
        toolbar.setObjectName("main toolbar")
        toolbar.setMovable(False)

        def action(text, slot, shortcut=None, tip=None):
            act = QAction(text, self)
            act.triggered.connect(slot)
            if shortcut:
                act.setShortcut(QKeySequence(shortcut))
            keys = QKeySequence(shortcut).toString(QKeySequence.SequenceFormat.NativeText) if shortcut else ""
            act.setToolTip(f"{tip or text} ({keys})" if keys else tip or text)
            return act

        self.add_folder_action = action("Add folder…", self.choose_folder, QKeySequence.StandardKey.Open)
        self.rescan_action = action("Rescan", self.start_indexing, "F5", "Look for new, changed and moved photos")
        self.export_action = action("Export CSV…", self.choose_export, "Ctrl+E")
        self.restore_action = action("Restore from backup…", self.restorer.start,
                                     tip="Bring the catalogue back to how it was on an earlier day")
        self.search_action = action("Search", self.filters.focus_search, QKeySequence.StandardKey.Find)
        self.undo_action = action("Undo", self.undo, QKeySequence.StandardKey.Undo, "Undo the last tag change")
        self.undo_action.setEnabled(False)
        toolbar.addAction(self.add_folder_action)
        toolbar.addAction(self.rescan_action)
        toolbar.addSeparator()
        toolbar.addWidget(self.filters)
        toolbar.addSeparator()
        toolbar.addAction(self.export_action)
        self.addAction(self.search_action)
        menu = self.menuBar().addMenu("&File")
        for act in (self.add_folder_action, self.rescan_action, self.export_action):
            menu.addAction(act)
        menu.addSeparator()
        menu.addAction(self.restore_action)
        menu.addSeparator()
        menu.addAction(action("Quit", self.close, QKeySequence.StandardKey.Quit))
        self.menuBar().addMenu("&Edit").addAction(self.undo_action)

    # -- what the grid shows ---------------------------------------------------------

    def refresh(self, counts: bool = True) -> None:
        """Ask the reader for the grid rows (and the sidebar counts) again."""
        self._request_id += 1
        self._reader.note_request(self._request_id)
        self._rows_wanted.emit(self._request_id, self.filter)
        if counts:
            self._counts_wanted.emit()

    def settled(self) -> bool:
        """True once the grid shows the answer to the newest request."""
        return self.shown_request == self._request_id

    def _live_refresh(self) -> None:
        """While indexing: new photos into the grid, and into the next similar search."""
        self.refresh()
        self._similar_stale.emit()

    def set_filter(self, flt: GridFilter) -> None:
        self.filter = flt
        self.scope_label.setText(scope_title(flt, None, self.sidebar.counts, self._results_title))
        self.refresh(counts=False)

    def _sidebar_chosen(self, key: tuple) -> None:
        if key[0] == "scope":
            self.set_filter(GridFilter(scope=key[1], value=key[2], category=self.filter.category,
                                       colour=self.filter.colour, text=self.filter.text))
        elif key[0] == "category":
            self.filters.set_category(key[1])
        elif key[0] == "colour":
            self.filters.set_colour(key[1])

    def _filters_changed(self, category: str | None, colour: str | None, text: str) -> None:
        self.set_filter(GridFilter(self.filter.scope, self.filter.value, category, colour, text))

    def _rows_ready(self, request_id: int, flt: GridFilter, rows: list) -> None:
        if request_id != self._request_id:
            return
        current = self._pending_select or self.grid.current_photo_id()
        self._pending_select = None
        self.model.set_rows(rows)
        self.shown_request = request_id
        self.scope_label.setText(scope_title(flt, len(rows), self.sidebar.counts, self._results_title))
        if current is not None and self.grid.current_photo_id() != current:
            if not self.grid.select_photo(current):
                self._show_current()
        elif current is None and rows and flt.scope == RESULTS:
            self.grid.select_photo(rows[0].id)

    def _counts_ready(self, counts) -> None:
        self.sidebar.set_counts(counts)
        self.filters.set_choices(counts)
        self.failures_button.setText(failures_button_text(counts.failed))
        self.failures_button.setVisible(counts.failed > 0)
        self.scope_label.setText(scope_title(self.filter, self.model.rowCount(), counts, self._results_title))

    # -- the selected photo ----------------------------------------------------------

    def _show_current(self) -> None:
        photo_id = self.grid.current_photo_id()
        with self.catalogue.sessions() as session:
            detail = photo_detail(session, photo_id) if photo_id is not None else None
            names = tag_names(session)
        self.detail.set_tag_names(names)
        previous = self.detail.photo.id if self.detail.photo else None
        self.detail.show_photo(detail)
        if detail is not None and detail.id != previous:
            self._ask_similar([detail.path], SIMILAR_STRIP, "strip")

    def go_to_photo(self, photo_id: int) -> None:
        if not self.grid.select_photo(photo_id):
            # Not in the current view: show everything, then select it when the rows come.
            self.filters.clear()
            self.sidebar.select_key(("scope", ALL, None))
            self.set_filter(GridFilter())
            self.model.set_rows([])
            self._pending_select = photo_id
        self.grid.setFocus()

    def _tag_targets(self, photo_id: int) -> list[int]:
        ids = [i.data(Qt.ItemDataRole.UserRole + 1) for i in self.grid.selectionModel().selectedIndexes()]
        return ids if photo_id in ids else [photo_id]

    def _edit(self, description: str, photo_ids: list[int] | None, fn, *args) -> None:
        if photo_ids is None:
            photo_ids = [self.detail.photo.id] if self.detail.photo else []
        self.tag_edits.apply(description, photo_ids, fn, *args)

    def undo(self) -> None:
        self.tag_edits.undo()

    def _edited(self, message: str) -> None:
        if message:
            self.statusBar().showMessage(message, 5000)
        self._show_current()
        self.refresh()

    def _undo_text(self, description: str) -> None:
        self.undo_action.setEnabled(bool(description))
        self.undo_action.setText(f"Undo {description}" if description else "Undo")

    # -- similar items ---------------------------------------------------------------

    def _ask_similar(self, images: list[str], k: int, purpose: str) -> None:
        self._similar_id += 1
        self._similar_for[self._similar_id] = purpose
        self._similar_wanted.emit(self._similar_id, images, k)

    def _more_like_this(self, photo_id: int) -> None:
        if self.detail.photo is not None:
            self._results_title = f"Like {os.path.basename(self.detail.photo.path)}"
            self._ask_similar([self.detail.photo.path], SIMILAR_GRID, "grid")

    def search_by_photo(self, path: str) -> None:
        """A photo from outside (a customer's picture): its look-alikes fill the grid."""
        self._results_title = f"Like {os.path.basename(path)}"
        self.statusBar().showMessage(f"Looking for photos like {os.path.basename(path)}…")
        self._ask_similar([path], SIMILAR_GRID, "grid")

    def _similar_ready(self, request_id: int, hits: list) -> None:
        purpose = self._similar_for.pop(request_id, None)
        if purpose == "strip" and request_id == self._similar_id:
            self.detail.show_similar(hits)
        elif purpose == "grid":
            self.statusBar().clearMessage()
            self.grid.clearSelection()
            self.grid.setCurrentIndex(self.model.index(-1))
            self.sidebar.clearSelection()
            self.set_filter(GridFilter(scope=RESULTS, value=tuple(h.photo_id for h in hits)))

    def _similar_failed(self, request_id: int, message: str) -> None:
        purpose = self._similar_for.pop(request_id, None)
        if purpose == "strip":
            self.detail.show_similar_error(message)
        elif purpose == "grid":
            self._show_error(message)

    # -- indexing --------------------------------------------------------------------

    def add_folders(self, paths: list[str]) -> None:
        try:
            services.add_folders(self.catalogue, paths)
        except services.UserError as exc:
            self._show_error(str(exc))
            return
        self.settings.setValue("last_folder", paths[-1])
        self.start_indexing()

    def choose_folder(self) -> None:
        start = str(self.settings.value("last_folder", "") or Path.home())
        folder = QFileDialog.getExistingDirectory(self, "Add a folder of photos", start)
        if folder:
            self.add_folders([folder])

    def is_indexing(self) -> bool:
        return self.indexer.is_running()

    def start_indexing(self) -> None:
        self.indexer.start()

    def cancel_indexing(self) -> None:
        self.indexer.cancel()

    def _index_started(self) -> None:
        self.index_status.start()
        self.rescan_action.setEnabled(False)
        self.restore_action.setEnabled(False)
        self._live.start()

    def _index_ended(self, summary, message: str) -> None:
        self._live.stop()
        self.index_status.stop()
        self.rescan_action.setEnabled(True)
        self.restore_action.setEnabled(True)
        self._similar_stale.emit()
        self.refresh()
        self._load_failures()
        self.folder_actions.reload()  # a folder reported not found is shown so, with its fixes
        if summary is not None:
            self.statusBar().showMessage(summary_text(summary))
        else:
            self._show_error(f"Indexing stopped: {message}")
        self.index_finished.emit(summary)
        if self._close_when_done and not self.is_indexing():
            self.close()

    def _load_failures(self) -> None:
        self.failures.set_failures(services.failures(self.catalogue))

    def _show_failures(self) -> None:
        self.failures.show()
        self.failures.raise_()

    # -- folders that moved or went away, backups ------------------------------------

    def _folder_relocated(self) -> None:
        self._similar_stale.emit()
        self.refresh()
        self.start_indexing()  # check the files at their new paths

    def _folder_removed(self, folder_id: int) -> None:
        self.tag_edits.clear()  # its steps may name photos that are gone
        self._similar_stale.emit()
        if self.filter.scope == FOLDER and self.filter.value == folder_id:
            self.sidebar.select_key(("scope", ALL, None))
        self.refresh()
        self._load_failures()

    def _restored(self, message: str) -> None:
        self.reload_everything()
        self.statusBar().showMessage(message)

    def reload_everything(self) -> None:
        """After a restore photo ids may all differ: drop all the window holds, ask again."""
        self.tag_edits.clear()
        self._similar_for.clear()
        self._similar_stale.emit()
        self._pending_select = None
        self._results_title = ""
        self.filters.clear()
        self.filter = GridFilter()
        self.grid.clearSelection()
        self.model.set_rows([])
        self.detail.show_photo(None)
        self.sidebar.start_over()
        self.refresh()
        self._load_failures()
        self.folder_actions.reload()

    # -- export ----------------------------------------------------------------------

    def choose_export(self) -> None:
        start = str(self.settings.value("last_export", "") or Path.home() / "fashiondesk-export.csv")
        path, _ = QFileDialog.getSaveFileName(self, "Export the catalogue as CSV", start, "CSV files (*.csv)")
        if path:
            self.export_to(path)

    def export_to(self, path: str) -> None:
        self.settings.setValue("last_export", path)
        self.statusBar().showMessage(f"Exporting to {path}…")
        self.tasks.run(services.export_csv_file, self.catalogue, path,
                       done=lambda n: self.statusBar().showMessage(f"Exported {n:,} photos to {path}"))

    # -- drag and drop, messages, settings, closing -----------------------------------

    def dragEnterEvent(self, event) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:
        folders, images = split_drop(event.mimeData().urls())
        if folders:
            self.add_folders(folders)
        if images:
            self.search_by_photo(images[0])
        event.acceptProposedAction()

    def _show_error(self, message: str) -> None:
        self.statusBar().showMessage(message, 15_000)
        if self.isVisible():
            QMessageBox.warning(self, "fashiondesk", message)

    def _restore_settings(self) -> None:
        geometry = self.settings.value("window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(1320, 820)
        state = self.settings.value("window/state")
        if state is not None:
            self.restoreState(state)
        splitter = self.settings.value("window/splitter")
        if splitter is not None:
            self.splitter.restoreState(splitter)

    def closeEvent(self, event) -> None:
        if self.is_indexing():
            self._close_when_done = True
            self.cancel_indexing()
            event.ignore()
            return
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.setValue("window/state", self.saveState())
        self.settings.setValue("window/splitter", self.splitter.saveState())
        self.settings.sync()
        self.shutdown()
        super().closeEvent(event)

    def shutdown(self) -> None:
        """Stop every worker and wait for it; safe to call twice."""
        self.indexer.stop()
        self.tasks.stop_all()
        stop_thread(self._reader_thread)
        stop_thread(self._similar_thread)
        self.thumbnails.close()
