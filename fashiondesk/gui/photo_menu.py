"""The grid's photo menu (right-click) and double-click: Preview, Open in image viewer,
Show in folder, Copy path and Rename….

Everything acts on the photo clicked, which becomes the current one first (a photo already
among several selected keeps the selection). Nothing here touches tags; Rename… is the only
change, and it changes the file's name and the catalogue's path together (the photo keeps
its tags and all the rest: ``services.rename``).
"""

from __future__ import annotations

import os
import subprocess
import sys
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QItemSelectionModel, QModelIndex, QObject, QPoint, Qt, QUrl
from PySide6.QtGui import QAction, QDesktopServices, QGuiApplication, QPalette
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QLineEdit, QMenu, QVBoxLayout, QWidget

from fashiondesk.core import services
from fashiondesk.core.records import MISSING
from fashiondesk.core.services.browse import GridRow
from fashiondesk.gui.folder_actions import WHILE_INDEXING
from fashiondesk.gui.grid import RowRole
from fashiondesk.gui.i18n import translate
from fashiondesk.gui.preview import PhotoPreview

if TYPE_CHECKING:
    from fashiondesk.gui.main_window import MainWindow

MISSING_TIP = QT_TRANSLATE_NOOP("Photo menu", "The file is missing from its folder")


def install_photo_menu(window: MainWindow) -> PhotoMenu:
    """Give the window's grid its photo menu and double-click preview."""
    return PhotoMenu(window)


class PhotoMenu(QObject):
    def __init__(self, window: MainWindow):
        super().__init__(window)
        self._window = window
        self.preview = PhotoPreview(window, window.tasks, window.thumbnails)
        self.preview.step.connect(self._step)
        grid = window.grid
        grid.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        grid.customContextMenuRequested.connect(self._menu_requested)
        grid.doubleClicked.connect(lambda index: self.show_preview(index.data(RowRole)))

    # -- the menu ----------------------------------------------------------------------

    def _menu_requested(self, pos: QPoint) -> None:
        grid = self._window.grid
        index = grid.indexAt(pos)  # ``pos`` is in the viewport's coordinates
        if not index.isValid():
            return
        self.choose(index)
        menu = self.menu_for(index)
        menu.aboutToHide.connect(menu.deleteLater)
        menu.popup(grid.viewport().mapToGlobal(pos))

    def choose(self, index: QModelIndex) -> None:
        """Make the photo clicked the current one: selected alone, unless it is already among
        those selected (the selection stays, as in a file manager)."""
        grid = self._window.grid
        selection = grid.selectionModel()
        if selection.isSelected(index):
            selection.setCurrentIndex(index, QItemSelectionModel.SelectionFlag.NoUpdate)
        else:
            selection.setCurrentIndex(index, QItemSelectionModel.SelectionFlag.ClearAndSelect)

    def menu_for(self, index: QModelIndex, parent: QWidget | None = None) -> QMenu:
        row: GridRow = index.data(RowRole)
        missing = row.status == MISSING
        menu = QMenu(parent or self._window.grid)
        menu.setToolTipsVisible(True)

        def add(text: str, slot, tip: str = "", enabled: bool = True) -> QAction:
            action = QAction(text, menu)
            action.setToolTip(tip or text)
            action.setEnabled(enabled)
            action.triggered.connect(slot)
            menu.addAction(action)
            return action

        missing_tip = translate("Photo menu", MISSING_TIP)
        preview = add(translate("Photo menu", "Preview"), lambda: self.show_preview(row),
                      missing_tip if missing else translate("Photo menu", "A larger picture (also on double-click)"),
                      not missing)
        menu.setDefaultAction(preview)
        add(translate("Photo menu", "Open in image viewer"), lambda: self.open_photo(row.path),
            missing_tip if missing else "", not missing)
        add(translate("Photo menu", "Show in folder"), lambda: self.show_folder(row.path))
        add(translate("Photo menu", "Copy path"), lambda: self.copy_path(row.path),
            translate("Photo menu", "Copy where the photo's file is, to paste elsewhere"))
        menu.addSeparator()
        add(translate("Photo menu", "Rename…"), lambda: self.ask_rename(row.id, row.path),
            missing_tip if missing else translate("Photo menu", "Give the file a new name; the photo keeps its tags"),
            not missing)
        menu.addSeparator()
        shop = self._window.shop_files
        add(translate("Photo menu", "Group as one product…"), shop.group,
            translate("Photo menu", "Make the photos selected one product (front, back, detail…), "
                                    "with its SKU or handle"))
        add(translate("Photo menu", "Take out of product"), shop.ungroup,
            translate("Photo menu", "The photos selected become products of their own again"))
        add(translate("Photo menu", "Save as a look…"), shop.save_selected_look,
            translate("Photo menu", "Keep the photos selected as an outfit worn together; "
                                    "suggestions under Goes with learn from the looks you save"))
        return menu

    # -- what the menu does ------------------------------------------------------------

    def show_preview(self, row: GridRow) -> None:
        self.preview.show_photo(row.id, row.path)

    def _step(self, delta: int) -> None:
        """The preview's arrow keys: the photo before or after in the grid."""
        grid = self._window.grid
        index = grid.model().index(grid.currentIndex().row() + delta, 0)
        if index.isValid():
            grid.setCurrentIndex(index)
            grid.scrollTo(index)
            self.show_preview(index.data(RowRole))

    def open_photo(self, path: str) -> None:
        name = os.path.basename(path)
        if not os.path.isfile(path):
            self._window._show_error(translate(
                "Photo menu", "The file {name} is not in its folder any more, so it cannot be opened.").format(name=name))
        elif not QDesktopServices.openUrl(QUrl.fromLocalFile(path)):
            self._window._show_error(translate(
                "Photo menu", "No program to open {name} with was found on this computer.").format(name=name))

    def show_folder(self, path: str) -> None:
        if not show_in_folder(path):
            self._window._show_error(translate(
                "Photo menu", "The folder {folder} could not be opened. "
                              "If it is on a drive, is the drive plugged in?").format(folder=os.path.dirname(path)))

    def copy_path(self, path: str) -> None:
        QGuiApplication.clipboard().setText(path)
        self._window.statusBar().showMessage(
            translate("Photo menu", "Copied the path of {name}").format(name=os.path.basename(path)), 5000)

    def ask_rename(self, photo_id: int, path: str) -> None:
        window = self._window
        if window.is_indexing():  # the catalogue refuses too; this says it before anything is typed
            window._show_error(translate("Folders", WHILE_INDEXING).format(
                doing=translate("Photo menu", "rename the photo")))
            return
        old_name = os.path.basename(path)
        typed = ask_name(window, old_name)
        if typed is None or typed == old_name:
            return
        window.tasks.run(services.rename_photo, window.catalogue, photo_id, typed,
                         done=lambda new: self._renamed(photo_id, path, new), error=window._show_error)

    def _renamed(self, photo_id: int, old: str, new: str) -> None:
        if new == old:
            return
        window = self._window
        window.thumbnails.forget(old)
        self.preview.renamed(photo_id, new)
        window.statusBar().showMessage(translate("Photo menu", "Renamed {old} to {new}").format(
            old=os.path.basename(old), new=os.path.basename(new)), 8000)
        window.refresh()
        window._show_current()

def show_in_folder(path: str, platform: str = sys.platform) -> bool:
    """Open the file manager on the photo's folder; False if it could not be opened.

    Windows Explorer (``explorer /select,PATH``) and the macOS Finder (``open -R PATH``) open
    the folder with the photo picked out. Other systems have no one way to do that: the
    folder opens, as it does for a photo whose file is missing.
    """
    if os.path.isfile(path) and platform in ("win32", "darwin"):
        command = ["explorer", "/select,", os.path.normpath(path)] if platform == "win32" else ["open", "-R", path]
        try:
            subprocess.Popen(command)
            return True
        except OSError:
            pass  # the folder alone, below
    folder = os.path.dirname(path)
    return os.path.isdir(folder) and QDesktopServices.openUrl(QUrl.fromLocalFile(folder))


class RenameDialog(QDialog):
    """The photo's file name to edit, the part before the extension selected."""

    def __init__(self, parent: QWidget | None, name: str):
        super().__init__(parent)
        self.setWindowTitle(translate("Photo menu", "Rename photo"))
        self._stem = os.path.splitext(name)[0]
        extension = os.path.splitext(name)[1]
        label = QLabel(translate("Photo menu", "New name for {name}:").format(name=name))
        label.setTextFormat(Qt.TextFormat.PlainText)
        hint = QLabel(translate("Photo menu", "The photo keeps its tags. Leave out the ending and {extension} is kept.")
                      .format(extension=extension))
        hint.setTextFormat(Qt.TextFormat.PlainText)
        hint.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.edit = QLineEdit(name)
        self.edit.setMinimumWidth(360)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(translate("Photo menu", "Rename"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(self.edit)
        layout.addWidget(hint)
        layout.addWidget(buttons)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.edit.setFocus()
        self.edit.setSelection(0, len(self._stem))


def ask_name(parent: QWidget | None, name: str) -> str | None:
    """The new name typed, or None if cancelled. Tests replace this (looked up at call time)."""
    dialog = RenameDialog(parent, name)
    try:
        return dialog.edit.text() if dialog.exec() == QDialog.DialogCode.Accepted else None
    finally:
        dialog.deleteLater()
