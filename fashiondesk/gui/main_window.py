"""The main window: composes the views and wires their signals to the core and the jobs."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QMainWindow,
    QMessageBox,
    QSizePolicy,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from fashiondesk.core import services
from fashiondesk.core.records import AUTO, CATEGORY, LEARNED
from fashiondesk.core.services.browse import ALL, FOLDER, RESULTS, REVIEW, GridFilter
from fashiondesk.gui import file_dialogs, kinds
from fashiondesk.gui.i18n import translate
from fashiondesk.gui.actions import build_actions
from fashiondesk.gui.backups_dialog import DailyBackup, Restorer
from fashiondesk.gui.detail import DetailPanel
from fashiondesk.gui.dropping import split_drop
from fashiondesk.gui.editing import TagEdits, TypingGoesToTags, UndoFromAnywhere
from fashiondesk.gui.empty_state import ADD_FOLDER, CLEAR_FILTERS, EmptyState, empty_state
from fashiondesk.gui.filters import FilterBar, scope_title
from fashiondesk.gui.folder_actions import FolderActions
from fashiondesk.gui.grid import Lookups, PhotoGrid, PhotoGridModel, lookups
from fashiondesk.gui.indexing import IndexRunner, summary_text
from fashiondesk.gui.jobs import Jobs, failure_text, jobs_of
from fashiondesk.gui.other_windows import OtherWindows
from fashiondesk.gui.photo_menu import install_photo_menu
from fashiondesk.gui.review import Review, file_name, selected_count
from fashiondesk.gui.settings import restore_layout, save_layout
from fashiondesk.gui.shop_files import ShopFiles
from fashiondesk.gui.sidebar import Sidebar
from fashiondesk.gui.similar import SimilarItems
from fashiondesk.gui.teaching import Teacher, TeachingStatus
from fashiondesk.gui.status import (
    FailuresPanel,
    IndexStatus,
    failures_button_text,
    make_failures_button,
)
from fashiondesk.core.thumbnails import prune_cache
from fashiondesk.gui.thumbnails import ThumbnailLoader
from fashiondesk.gui.view_menu import remember_edge, remember_sort, saved_edge, saved_sort

LIVE_REFRESH_MS = 1000
STRIP_DELAY_MS = 150
EXAMPLES = 6  # staff examples shown behind a learned category


class MainWindow(QMainWindow):
    index_finished = Signal(object)  # IndexSummary, for anyone who waits on a run

    # Made by ``actions.build_actions``:
    add_folder_action: QAction
    rescan_action: QAction
    export_action: QAction
    restore_action: QAction
    search_action: QAction
    undo_action: QAction
    redo_action: QAction
    about_action: QAction

    def __init__(self, catalogue: services.Catalogue, settings: QSettings, thumbnail_dir: Path | None = None):
        super().__init__()
        self.catalogue = catalogue
        self.settings = settings
        self.unsure_below = services.browse.unsure_below()
        categories = services.browse.categories()
        self.setWindowTitle("fashiondesk")
        self.setAcceptDrops(True)
        self.thumbnails = ThumbnailLoader(thumbnail_dir)
        self.filter = GridFilter(sort=saved_sort(settings))
        self.also: kinds.Narrowing = ()  # toolbar filters of kinds GridFilter has no field for
        self._request_id = 0
        self.shown_request = 0  # the newest request whose rows the grid shows
        self._close_when_done = False
        self._index_after_learning = False  # asked for while a learn holds the catalogue's run lock
        self.tasks = jobs_of(self)  # one-off tasks: exports, backups, folder checks
        self._reader = Jobs("catalogue reader", threads=1, parent=self)  # grid rows and counts, in order
        self.similar = SimilarItems(catalogue, self)
        self._pending_select: int | None = None
        self.tag_edits = TagEdits(catalogue, self)
        # Learns from staff's categories; never while indexing runs or waits to run.
        self.teacher = Teacher(catalogue, lambda: self.is_indexing() or self._index_after_learning, parent=self)
        self._results_title = ""
        self._similar_start: int | None = None  # the photo "Show all in grid" started from
        self._select_first = False  # the next rows shown: select the first (Review → Photos to review)

        self.sidebar = Sidebar()
        self.model = PhotoGridModel(self.thumbnails, self.unsure_below, self)
        self.grid = PhotoGrid(self.model)
        self.grid.set_edge(saved_edge(settings))
        self.empty = EmptyState(self.grid.viewport())
        self.scope_label = QLabel()
        # A new title must not resize the grid below it: that would lay out every cell again.
        self.scope_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.detail = DetailPanel(self.thumbnails, categories, self.unsure_below, settings=settings)
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

        self.filters = FilterBar({CATEGORY: categories})  # the model's, offered from the start
        self.folder_actions = FolderActions(catalogue, self.tasks, self, self.is_indexing)
        self.restorer = Restorer(catalogue, self.tasks, self, self.is_indexing)
        self.review = Review(self)
        self.shop_files = ShopFiles(self)
        build_actions(self)
        self._undo_keys = UndoFromAnywhere(self)
        self._typing = TypingGoesToTags(self.detail, self.detail.new_tag)
        self.failures = FailuresPanel(self)
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.failures)
        self.failures.hide()
        self.index_status = IndexStatus()
        self.failures_button = make_failures_button()
        self.teaching_status = TeachingStatus()
        self.statusBar().addPermanentWidget(self.teaching_status)
        self.statusBar().addPermanentWidget(self.index_status)
        self.statusBar().addPermanentWidget(self.failures_button)
        self.statusBar().addPermanentWidget(self.folder_actions.notice)
        # Another window on this catalogue: said in the status bar; its edits shown here within seconds.
        # Held back while indexing or learning: both show what they changed when they end.
        self.other_windows = OtherWindows(catalogue, lambda: self.is_indexing() or self.teacher.is_learning(), self)
        self.statusBar().addPermanentWidget(self.other_windows.notice)
        self.other_windows.changed_elsewhere.connect(self._changed_elsewhere)

        self.tasks.failed.connect(self._show_error)
        self.tag_edits.changed.connect(self._edited)
        self.tag_edits.failed.connect(self._show_error)
        self.tag_edits.failed.connect(lambda _: self._show_current())  # show what the catalogue has now
        self.tag_edits.undo_text.connect(self._undo_text)
        self.tag_edits.redo_text.connect(self._redo_text)
        self.tag_edits.undone.connect(self.review.undone)
        self.tag_edits.categories_edited.connect(lambda edit: self.teacher.edited() if edit else self.teacher.check())
        self.teacher.started.connect(self.teaching_status.show_learning)
        self.teacher.learned.connect(self._learned)
        self.teacher.failed.connect(self.teaching_status.show_failure)
        self.teacher.ended.connect(self._index_waiting)  # success or failure: an index run waiting starts
        self.similar.strip_ready.connect(self.detail.show_similar)
        self.similar.strip_failed.connect(self.detail.show_similar_error)
        self.similar.outfit_ready.connect(self.detail.goes_with.show_pieces)
        self.similar.outfit_failed.connect(self.detail.goes_with.show_error)
        self.detail.goes_with.wanted.connect(self._search_strip)
        self.detail.goes_with.save_look.connect(self.shop_files.save_look)
        self.similar.grid_ready.connect(self._similar_ready)
        self.similar.failed.connect(self._show_error)
        self._live = QTimer(self, interval=LIVE_REFRESH_MS)
        # Similar items for the photo that stays shown: not for each one passed over (held
        # arrow keys, a review decision moving on), each a search competing with the window.
        self._strip_timer = QTimer(self, interval=STRIP_DELAY_MS, singleShot=True)
        self._strip_timer.timeout.connect(self._search_strip)
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
        self.empty.action.connect(self._empty_action)
        self._shown_by_selection: int | None = None
        self.grid.selectionModel().currentChanged.connect(lambda *_: self._current_changed())
        self.grid.selectionModel().selectionChanged.connect(self._selection_changed)
        self.grid.open_requested.connect(lambda _id: self.detail.focus_tags())
        self.detail.accept_tag.connect(lambda tag_id: self._edit_tag(
            translate("Review", "{photo}: confirm the tag {tag}"), services.accept_tag, tag_id))
        self.detail.remove_tag.connect(lambda tag_id: self._edit_tag(
            translate("Review", "{photo}: remove the tag {tag}"), services.remove_tag, tag_id))
        self.detail.accept_category.connect(self.review.accept)
        self.detail.reject_category.connect(self.review.reject)
        self.detail.category_chosen.connect(self._category_chosen)
        self.detail.category_left.connect(lambda: self.grid.setFocus(Qt.FocusReason.OtherFocusReason))
        self.detail.add_tag.connect(self._add_tag)
        self.detail.similar_chosen.connect(self.go_to_photo)
        self.detail.more_like_this.connect(self._more_like_this)
        self.detail.examples_requested.connect(self._examples_requested)
        self.detail.same_colour.setChecked(settings.value("similar/same_colour", False, type=bool))
        self.detail.similar_wanted.connect(self._similar_wanted)
        self.indexer = IndexRunner(catalogue, self, self.thumbnails.cache_dir)
        self.indexer.started.connect(self._index_started)
        self.indexer.progress.connect(self.index_status.update_progress)
        self.indexer.ended.connect(self._index_ended)
        self.index_status.cancel_requested.connect(self.cancel_indexing)
        self.failures_button.clicked.connect(self._show_failures)
        self.photo_menu = install_photo_menu(self)
        restore_layout(self, self.splitter, settings)
        self.tasks.run(prune_cache, self.thumbnails.cache_dir)
        self._offer_tag_names()
        self.refresh()
        self._load_failures()
        self.folder_actions.reload()
        self.daily_backup = DailyBackup(catalogue, self.tasks, self.statusBar().showMessage, self)
        self.daily_backup.start()
        self._show_teaching(services.last_teaching(catalogue))
        self.teacher.check()
        self.other_windows.start()

    # -- what the grid shows ---------------------------------------------------------

    def refresh(self, counts: bool = True) -> None:
        """Ask the catalogue for the grid rows (and the sidebar counts) again, off the GUI
        thread, in order; newer rows supersede rows not shown yet (every count is shown)."""
        self._request_id += 1
        self.similar.tags_changed()
        request_id, flt, also = self._request_id, self.filter, self.also
        self._reader.run(self._read_rows, flt, also, key="rows",
                         done=lambda answer: self._rows_ready(request_id, flt, also, *answer), error=self._show_error)
        if counts:
            self._reader.run(services.browse.sidebar_counts, self.catalogue, self.unsure_below,
                             done=self._counts_ready, error=self._show_error)

    def _changed_elsewhere(self) -> None:
        """The catalogue changed under the window (another window's edits; this window's own
        writes count too): show it as it is now. Kept back while indexing, which refreshes anyway."""
        self.similar.mark_stale()
        self._offer_tag_names()
        self.refresh()
        self._show_current()

    def settled(self) -> bool:
        """True once the grid shows the answer to the newest request."""
        return self.shown_request == self._request_id

    def _live_refresh(self) -> None:
        """While indexing: new photos into the grid, and into the next similar search."""
        self.refresh()
        self.similar.mark_stale()

    def set_filter(self, flt: GridFilter, also: kinds.Narrowing = ()) -> None:
        self.filter, self.also = flt, also
        self.review.view_changed()
        self.scope_label.setText(scope_title(flt, None, self.sidebar.counts, self._results_title, also))
        self.refresh(counts=False)

    def set_sort(self, sort: str) -> None:
        """Order the grid: folder, name, date or least sure first (similar items keep theirs,
        most similar first); remembered. The same photos stay in view, decided or not."""
        remember_sort(self.settings, sort)
        if sort != self.filter.sort:
            self.filter = replace(self.filter, sort=sort)
            self.scope_label.setText(scope_title(self.filter, None, self.sidebar.counts, self._results_title,
                                                 self.also))
            self.refresh(counts=False)

    def set_thumbnail_size(self, edge: int) -> None:
        """Draw the grid's thumbnails ``edge`` pixels square; remembered."""
        remember_edge(self.settings, edge)
        self.grid.set_edge(edge)

    def _sidebar_chosen(self, key: tuple) -> None:
        if key[0] == "scope":  # keeps the toolbar's filters and search
            self.set_filter(GridFilter(scope=key[1], value=key[2], category=self.filter.category,
                                       colour=self.filter.colour, text=self.filter.text,
                                       sort=self.filter.sort), self.also)
        else:  # (kind, name): that kind's toolbar filter
            self.filters.set_choice(key[0], key[1])

    def _filters_changed(self, choices: dict, text: str) -> None:
        self.set_filter(*kinds.narrowed(GridFilter(self.filter.scope, self.filter.value, text=text,
                                                             sort=self.filter.sort), choices))

    def _read_rows(self, flt: GridFilter, also: kinds.Narrowing) -> tuple[list, Lookups]:
        """On the reader thread: the rows, and where each photo is among them."""
        rows = kinds.grid_rows(self.catalogue, flt, also, self.unsure_below)
        return rows, lookups(rows, self.unsure_below)

    def _rows_ready(self, request_id: int, flt: GridFilter, also: kinds.Narrowing, rows: list,
                    found: Lookups | None = None) -> None:
        if request_id != self._request_id:
            return
        current = self._pending_select or self.grid.current_photo_id()
        self._pending_select = None
        after = self._photo_after(current)
        self.model.set_rows(rows, found)
        self.shown_request = request_id
        self.scope_label.setText(scope_title(flt, len(rows), self.sidebar.counts, self._results_title, also))
        if current is not None and self.grid.current_photo_id() != current:
            if not self.grid.select_photo(current) and not (after is not None and self.grid.select_photo(after)):
                # Gone from the view (decided in Needs review, say): the photo that followed
                # it, as reading goes on. Else where Qt kept a current photo, selected too, so
                # the grid and the detail panel show the same photo.
                index = self.grid.currentIndex()
                if index.isValid():
                    self.grid.setCurrentIndex(index)
                self._show_current()
        elif current is None and rows and (flt.scope == RESULTS or self._select_first):
            self.grid.select_photo(rows[0].id)
        if rows or flt.scope != REVIEW:  # Photos to review with nothing shown yet (filters): still
            self._select_first = False
        self._show_empty_state()

    def _offer_tag_names(self) -> None:
        """Staff's tag names for the tag field's completion: at the start and after edits."""
        self.detail.set_tag_names(services.browse.tag_names(self.catalogue))

    def _photo_after(self, photo_id: int | None) -> int | None:
        row = self.model.row_of_id(photo_id) if photo_id is not None else None
        rows = self.model.rows()
        return rows[row + 1].id if row is not None and row + 1 < len(rows) else None

    def _show_empty_state(self) -> None:
        self.empty.show_state(None if self.model.rowCount() or not self.settled() else
                              empty_state(self.filter, self.also, self.sidebar.counts, self.is_indexing()))

    def _empty_action(self, action: str) -> None:
        if action == ADD_FOLDER:
            self.choose_folder()
        elif action == CLEAR_FILTERS:
            self.filters.clear_and_apply()
        else:
            self.show_everything()

    def select_when_shown(self, photo_id: int) -> None:
        """Select the photo when the rows asked for last arrive (it is not in the grid yet)."""
        self._pending_select = photo_id

    def show_review(self) -> None:
        """Needs review in the grid, its first photo selected, the keys the grid's: a review
        session starts with one key press."""
        self.grid.clearSelection()
        self.grid.setCurrentIndex(self.model.index(-1))
        self._select_first = True
        if self.filter.scope != REVIEW and not self.sidebar.select_key(("scope", REVIEW, None)):
            self.set_filter(GridFilter(scope=REVIEW, category=self.filter.category, colour=self.filter.colour,
                                       text=self.filter.text, sort=self.filter.sort), self.also)
        else:
            self.refresh(counts=False)
        self.grid.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def show_everything(self) -> None:
        """All photos, no search, no filter."""
        self.filters.clear()
        self.sidebar.select_key(("scope", ALL, None))
        self.set_filter(GridFilter(sort=self.filter.sort))

    def _counts_ready(self, counts) -> None:
        self.sidebar.set_counts(counts)
        self.filters.set_choices(counts)
        self.failures_button.setText(failures_button_text(counts.failed))
        self.failures_button.setVisible(counts.failed > 0)
        self.scope_label.setText(scope_title(self.filter, self.model.rowCount(), counts, self._results_title,
                                             self.also))
        self._show_empty_state()

    # -- the selected photo ----------------------------------------------------------

    def _selection_changed(self) -> None:
        self.detail.set_selected(selected_count(self.grid))
        shown = self.detail.photo.id if self.detail.photo else None
        if self.grid.current_photo_id() != shown:  # it left the selection (Ctrl+click), or a click
            self._show_current()
            # Qt says the current photo changed right after this: that one is shown already.
            self._shown_by_selection = self.grid.current_photo_id()
            QTimer.singleShot(0, self, lambda: setattr(self, "_shown_by_selection", None))

    def _current_changed(self) -> None:
        if self._shown_by_selection is None or self._shown_by_selection != self.grid.current_photo_id():
            self._show_current()
        self._shown_by_selection = None

    def _show_current(self) -> None:
        photo_id = self.grid.current_photo_id()
        detail = services.browse.photo_detail(self.catalogue, photo_id) if photo_id is not None else None
        previous = self.detail.photo.id if self.detail.photo else None
        self.detail.show_photo(detail)
        if detail is not None and detail.id != previous:
            self._strip_timer.start()

    def _similar_wanted(self) -> None:
        self.settings.setValue("similar/same_colour", self.detail.same_colour.isChecked())
        self._strip_timer.start()

    def _search_strip(self) -> None:
        photo = self.detail.photo
        if photo is not None:
            self.similar.for_strip(photo.path, self.detail.main_colour())
            if self.detail.goes_with.is_open():
                self.detail.goes_with.looking(photo.id)
                self.similar.for_outfit(photo.id, photo.path)

    def go_to_photo(self, photo_id: int) -> None:
        if not self.grid.select_photo(photo_id):
            # Not in the current view: show everything, then select it when the rows come.
            self.show_everything()
            self.model.set_rows([])
            self._pending_select = photo_id
        self.grid.setFocus()

    def _edit_tag(self, what: str, fn, tag_id: int) -> None:
        """Confirm or remove a tag of the photo shown (a colour, staff's own tag): refused if
        the catalogue has it otherwise than shown (learning rewrote it since, say)."""
        photo = self.detail.photo
        tag = next((t for t in photo.tags if t.id == tag_id), None) if photo is not None else None
        if photo is None or tag is None:
            return
        self.tag_edits.apply(what.format(photo=file_name(photo.path), tag=kinds.display(tag.kind, tag.name)),
                             [photo.id], fn, tag_id,
                             (tag.name, tag.source))

    def _add_tag(self, photo_id: int, name: str) -> None:
        ids = [r.id for r in self.review.targets()]
        if photo_id not in ids:
            ids = [photo_id]
        photo = self.detail.photo
        who = translate("Review", "{n} photos").format(n=len(ids)) if len(ids) > 1 else \
            file_name(photo.path) if photo is not None else translate("Review", "a photo")
        self.tag_edits.apply(translate("Review", "{photo}: add the tag {tag}").format(photo=who, tag=name.strip()), ids,
                             services.add_custom_tag, ids, name)

    def _category_chosen(self, name: str) -> None:
        """A category chosen in the box: it goes to the photo (or the selection), then the
        grid has the keys again, so nothing typed next lands in the box on another photo."""
        self.review.choose(name)
        self.grid.setFocus(Qt.FocusReason.OtherFocusReason)

    def undo(self) -> None:
        self.tag_edits.undo()
        if self.detail.category.hasFocus() or QApplication.focusWidget() is None:
            self.grid.setFocus(Qt.FocusReason.OtherFocusReason)  # the review keys are the grid's

    def redo(self) -> None:
        self.tag_edits.redo()
        if self.detail.category.hasFocus() or QApplication.focusWidget() is None:
            self.grid.setFocus(Qt.FocusReason.OtherFocusReason)

    def _edited(self, message: str) -> None:
        self.other_windows.own_write()
        self._offer_tag_names()
        if message:
            self.statusBar().showMessage(message, 8000)
        self._show_current()
        self.refresh()

    def _redo_text(self, description: str) -> None:
        self.redo_action.setEnabled(bool(description))
        self.redo_action.setText(translate("Menus", "Redo {what}").format(what=description) if description
                                 else translate("Menus", "Redo"))

    def _undo_text(self, description: str) -> None:
        self.undo_action.setEnabled(bool(description))
        self.undo_action.setText(translate("Menus", "Undo {what}").format(what=description) if description
                                 else translate("Menus", "Undo"))

    # -- learning from staff's categories ---------------------------------------------

    def _show_teaching(self, teaching: services.Teaching | None) -> None:
        self.teaching_status.show_teaching(teaching)
        self.detail.set_teaching(teaching)

    def _learned(self, teaching: services.Teaching) -> None:
        """Categories re-learned: the grid, the counts and Needs review again (off the GUI
        thread), and the selected photo's details if its category changed."""
        self._show_teaching(teaching)
        self.other_windows.own_write()
        self.refresh()
        photo = self.detail.photo
        category = photo.category if photo is not None else None
        # Changed, or made by the other method now (learned or the shipped model's): "Why?" or not.
        remade = category is not None and category.source == AUTO and \
            category.learned != teaching.version.startswith(LEARNED)
        if photo is not None and (photo.id in teaching.changed_ids or remade):
            self._show_current()

    def _examples_requested(self, photo_id: int) -> None:
        self.tasks.run(services.examples_behind, self.catalogue, photo_id, EXAMPLES, key="examples",
                       done=lambda hits: self.detail.show_examples(photo_id, hits),
                       error=lambda message: self.detail.show_examples_error(photo_id, message))

    # -- similar items ---------------------------------------------------------------

    def _more_like_this(self, photo_id: int) -> None:
        if self.detail.photo is not None:
            self._similar_start = self.detail.photo.id
            self.similar.for_grid(self.detail.photo.path)

    def search_by_photo(self, path: str) -> None:
        """A photo from outside (a customer's picture): its look-alikes fill the grid."""
        self.statusBar().showMessage(translate("Similar", "Looking for photos like {name}…").format(name=Path(path).name))
        self._similar_start = None
        self.similar.for_grid(path)

    def show_results(self, photo_ids: list[int], title: str) -> None:
        """These photos in the grid, in this order, the first one selected (the toolbar's
        search and filters are cleared: they do not apply here)."""
        self._results_title = title
        self.grid.clearSelection()
        self.grid.setCurrentIndex(self.model.index(-1))
        self.sidebar.clearSelection()
        self.filters.clear()
        self._pending_select = photo_ids[0] if photo_ids else None
        self.set_filter(GridFilter(scope=RESULTS, value=tuple(photo_ids), sort=self.filter.sort))

    def find_duplicates(self) -> None:
        """Review → Find duplicates…: one list (asked again, the open one comes to the front)."""
        from fashiondesk.gui.duplicates import DuplicatesDialog

        dialog = self.findChild(DuplicatesDialog)
        if dialog is None:
            dialog = DuplicatesDialog(self)
            dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        dialog.raise_()
        dialog.activateWindow()

    def _similar_ready(self, hits: list, title: str) -> None:
        """Similar items in the grid, best first; from a catalogued photo, that photo first and
        selected. The toolbar's search and filters are cleared: they do not apply here."""
        self.statusBar().clearMessage()
        start = self._similar_start
        ids = ([start] if start is not None else []) + [h.photo_id for h in hits if h.photo_id != start]
        self.show_results(ids, translate("Filters", "{title}, most similar first").format(title=title))
        self._pending_select = start

    # -- indexing --------------------------------------------------------------------

    def add_folders(self, paths: list[str]) -> None:
        try:
            services.add_folders(self.catalogue, paths)
        except Exception as exc:  # not a folder, a busy catalogue: logged, one line shown
            self._show_error(failure_text(exc, "adding folders"))
            return
        self.settings.setValue("last_folder", paths[-1])
        self.start_indexing()

    def finish_interrupted_indexing(self) -> bool:
        """An index run cut short (the window killed, the laptop turned off) is finished as
        the window opens: staff see its photos come in rather than a folder half indexed."""
        if not services.index_unfinished(self.catalogue):
            return False
        self.statusBar().showMessage(translate("Status", "Finishing the indexing that was cut short last time…"), 10_000)
        self.start_indexing()
        return True

    def choose_folder(self) -> None:
        start = str(self.settings.value("last_folder", "") or Path.home())
        folder = file_dialogs.folder(self, translate("Menus", "Add a folder of photos"), start)
        if folder:
            self.add_folders([folder])

    def is_indexing(self) -> bool:
        return self.indexer.is_running()

    def start_indexing(self) -> None:
        if self.teacher.is_learning():  # it holds the catalogue's run lock for a few seconds
            self._index_after_learning = True
            self.statusBar().showMessage(translate("Status", "Indexing starts when learning from staff categories has "
                                                             "finished…"))
            return
        self.indexer.start()

    def _index_waiting(self) -> None:
        if self._index_after_learning:
            self._index_after_learning = False
            self.start_indexing()

    def cancel_indexing(self) -> None:
        self.indexer.cancel()

    def _index_started(self) -> None:
        self._show_empty_state()
        self.index_status.start()
        self.rescan_action.setEnabled(False)
        self.restore_action.setEnabled(False)
        self._live.start()

    def _index_ended(self, summary, message: str) -> None:
        self._live.stop()
        self.index_status.stop()
        self.rescan_action.setEnabled(True)
        self.restore_action.setEnabled(True)
        self.similar.mark_stale()
        self.thumbnails.revalidate()  # a file saved again keeps its path: its old thumbnail goes
        self.refresh()
        self._load_failures()
        self.folder_actions.reload()  # a folder reported not found is shown so, with its fixes
        # Indexing re-learns at its end when the catalogue needs it; edits made meanwhile next.
        taught = summary.taught if summary is not None else None
        self._show_teaching(taught if taught is not None else services.last_teaching(self.catalogue))
        self.teacher.check()
        if summary is not None:
            self.statusBar().showMessage(summary_text(summary))
        else:
            self._show_error(translate("Status", "Indexing stopped: {why}").format(why=message))
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
        self.similar.mark_stale()
        self.refresh()
        self.start_indexing()  # check the files at their new paths

    def _folder_removed(self, folder_id: int) -> None:
        self.tag_edits.clear()  # its steps may name photos that are gone
        self.similar.mark_stale()
        if self.filter.scope == FOLDER and self.filter.value == folder_id:
            self.sidebar.select_key(("scope", ALL, None))
        self.refresh()
        self._load_failures()
        self.teacher.check()  # its photos' staff categories taught too

    def _restored(self, message: str) -> None:
        self.reload_everything()
        self.statusBar().showMessage(message)

    def reload_everything(self) -> None:
        """After a restore photo ids may all differ: drop all the window holds, ask again."""
        self.tag_edits.clear()
        self.similar.forget()
        self._pending_select = None
        self._results_title = ""
        self.filters.clear()
        self.filter, self.also = GridFilter(sort=self.filter.sort), ()
        self.grid.clearSelection()
        self.model.set_rows([])
        self.detail.show_photo(None)
        self.sidebar.start_over()
        self._offer_tag_names()
        self.refresh()
        self._load_failures()
        self.folder_actions.reload()
        self._show_teaching(services.last_teaching(self.catalogue))
        self.teacher.check()

    # -- export ----------------------------------------------------------------------

    def export_to(self, path: str, fmt: str = "generic", prefix: str = "", only: set[int] | None = None) -> None:
        self.shop_files.export_to(path, fmt, prefix, only)

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

    def closeEvent(self, event) -> None:
        if self.is_indexing():
            self._close_when_done = True
            self.cancel_indexing()
            event.ignore()
            return
        save_layout(self, self.splitter, self.settings)
        self.shutdown()
        super().closeEvent(event)

    def shutdown(self) -> None:
        """Stop every job (indexing, tasks, queries, searches) and wait for it; safe to call twice."""
        self.indexer.stop()
        self.teacher.stop()
        self.other_windows.stop()
        for jobs in self.findChildren(Jobs):
            jobs.stop()
        self.thumbnails.close()
