"""Watched folders from the window: which are not there, and Relocate… / Remove from catalogue….

Presence is checked off the GUI thread (a folder on a network drive can take seconds to
answer). Nothing here changes the catalogue without an explicit choice: Relocate follows a
folder chosen in a dialog, Remove follows a confirmation that says what will be forgotten.
"""

from __future__ import annotations

import os
from typing import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QObject, QPoint, Signal
from PySide6.QtGui import QAction, QCursor
from PySide6.QtWidgets import QMenu, QPushButton, QStyle, QWidget

from fashiondesk.core import services
from fashiondesk.gui import dialogs
from fashiondesk.gui.i18n import translate
from fashiondesk.gui.jobs import Jobs
from fashiondesk.gui.sidebar import folder_name

WHILE_INDEXING = QT_TRANSLATE_NOOP(
    "Folders", "The catalogue is being indexed; {doing} when the run has finished (or cancel it).")


def removal_question(path: str, photos: int, staff_tags: int) -> tuple[str, str]:
    """The confirmation's question and its details."""
    text = translate("Folders", "Remove “{name}” from the catalogue?").format(name=folder_name(path))
    if photos:
        forgotten = (translate("Folders", "its 1 photo") if photos == 1
                     else translate("Folders", "its {n} photos").format(n=f"{photos:,}"))
        if staff_tags:
            forgotten += (translate("Folders", " and the 1 tag and categories staff gave them") if staff_tags == 1
                          else translate("Folders", " and the {n} tags and categories staff gave them").format(
                              n=f"{staff_tags:,}"))
        else:
            forgotten += translate("Folders", " (staff have not tagged any of them)")
        details = translate(
            "Folders", "fashiondesk will stop watching {path} and forget {forgotten}. "
                       "The photo files themselves are not touched.\n\n"
                       "A backup of the catalogue is taken first: File → Restore from backup… brings it all back."
        ).format(path=path, forgotten=forgotten)
    else:
        details = translate("Folders", "fashiondesk will stop watching {path}. No photos are recorded in it.").format(
            path=path)
    return text, details


class FolderActions(QObject):
    absent_changed = Signal(object)  # ids of the folders that are not there
    relocated = Signal()  # photo paths changed: reload, then index to check the files
    removed = Signal(int)  # the folder's id: its photos are gone from the catalogue
    message = Signal(str)  # for the status bar
    failed = Signal(str)

    def __init__(self, catalogue: services.Catalogue, tasks: Jobs, window: QWidget, is_indexing: Callable[[], bool]):
        super().__init__(window)
        self._catalogue = catalogue
        self._tasks = tasks
        self._window = window
        self._is_indexing = is_indexing
        self.infos: dict[int, services.FolderInfo] = {}
        # Shown in the status bar while any folder is not there; a click offers the fixes.
        self.notice = QPushButton()
        self.notice.setFlat(True)
        self.notice.setIcon(window.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning))
        self.notice.setVisible(False)
        self.notice.setToolTip(translate("Folders", "Relocate a folder that moved, or remove it from the catalogue"))
        self.notice.clicked.connect(self._notice_clicked)

    # -- which folders are there ------------------------------------------------------

    def reload(self) -> None:
        """Look again which folders are there, off the GUI thread; the newest answer wins."""
        self._tasks.run(services.folders, self._catalogue, key="folder check", done=self._loaded,
                        error=lambda _message: None)  # logged by the job; the next check may do better

    def _loaded(self, infos: list) -> None:
        self.infos = {info.id: info for info in infos}
        absent = [info for info in infos if not info.present]
        self.absent_changed.emit(frozenset(info.id for info in absent))
        if absent:
            self.notice.setText(
                translate("Folders", "Folder not found: {name}").format(name=folder_name(absent[0].path))
                if len(absent) == 1 else translate("Folders", "{n} folders not found").format(n=len(absent)))
        self.notice.setVisible(bool(absent))

    def absent(self) -> list[services.FolderInfo]:
        return [info for info in self.infos.values() if not info.present]

    # -- menus --------------------------------------------------------------------------

    def menu_for(self, folder_id: int, path: str, parent: QWidget | None = None) -> QMenu:
        info = self.infos.get(folder_id)
        path = info.path if info is not None else path
        menu = QMenu(parent or self._window)
        self._add_actions(menu, folder_id, path, info is not None and not info.present)
        return menu

    def _add_actions(self, menu: QMenu, folder_id: int, path: str, absent: bool) -> None:
        if absent:
            relocate = QAction(translate("Folders", "Relocate…"), menu)
            relocate.setToolTip(translate("Folders", "Say where the folder is now; its photos keep their tags"))
            relocate.triggered.connect(lambda: self.ask_relocate(folder_id, path))
            menu.addAction(relocate)
        remove = QAction(translate("Folders", "Remove from catalogue…"), menu)
        remove.triggered.connect(lambda: self.ask_remove(folder_id, path))
        menu.addAction(remove)

    def show_menu(self, folder_id: int, path: str, where: QPoint) -> None:
        menu = self.menu_for(folder_id, path)
        menu.aboutToHide.connect(menu.deleteLater)
        menu.popup(where)

    def notice_menu(self) -> QMenu:
        menu = QMenu(self._window)
        absent = self.absent()
        if len(absent) == 1:
            self._add_actions(menu, absent[0].id, absent[0].path, True)
        for info in absent if len(absent) > 1 else ():
            self._add_actions(menu.addMenu(folder_name(info.path)), info.id, info.path, True)
        return menu

    def _notice_clicked(self) -> None:
        menu = self.notice_menu()
        menu.aboutToHide.connect(menu.deleteLater)
        menu.popup(QCursor.pos())

    # -- relocate -----------------------------------------------------------------------

    def ask_relocate(self, folder_id: int, path: str) -> None:
        if self._is_indexing():
            self.failed.emit(translate("Folders", WHILE_INDEXING).format(
                doing=translate("Folders", "relocate the folder")))
            return
        start = dialogs.nearest_existing(os.path.dirname(path.rstrip(os.sep)))
        new = dialogs.choose_folder(
            self._window, translate("Folders", "Where is “{name}” now?").format(name=folder_name(path)), start)
        if not new:
            return
        dialogs.run_busy(self._window, self._tasks,
                         translate("Folders", "Moving the photos of {name} to {new}…").format(
                             name=folder_name(path), new=new),
                         services.relocate, self._catalogue, path, new,
                         done=lambda n: self._relocated(path, new, n), error=self.failed.emit)

    def _relocated(self, old: str, new: str, photos: int) -> None:
        # The English says "its 1 photo keep their tags" for one photo: kept as it was.
        text = (translate("Folders", "“{name}” is now {new}: its 1 photo keep their tags; checking the files…")
                if photos == 1 else
                translate("Folders", "“{name}” is now {new}: its {n} photos keep their tags; checking the files…"))
        self.message.emit(text.format(name=folder_name(old), new=new, n=f"{photos:,}"))
        self.relocated.emit()
        self.reload()

    # -- remove -------------------------------------------------------------------------

    def ask_remove(self, folder_id: int, path: str) -> None:
        if self._is_indexing():
            self.failed.emit(translate("Folders", WHILE_INDEXING).format(
                doing=translate("Folders", "remove the folder")))
            return
        self._tasks.run(services.removal_counts, self._catalogue, folder_id,
                        done=lambda counts: self._confirm_remove(folder_id, path, *counts), error=self.failed.emit)

    def _confirm_remove(self, folder_id: int, path: str, photos: int, staff_tags: int) -> None:
        text, details = removal_question(path, photos, staff_tags)
        if not dialogs.confirm(self._window, translate("Folders", "Remove from catalogue"), text, details,
                               translate("Folders", "Remove from catalogue")):
            return
        dialogs.run_busy(self._window, self._tasks,
                         translate("Folders", "Backing up the catalogue, then removing {name}…").format(
                             name=folder_name(path)),
                         services.remove, self._catalogue, path,
                         done=lambda gone: self._removed(folder_id, gone), error=self.failed.emit)

    def _removed(self, folder_id: int, gone) -> None:
        text = translate("Folders", "Removed “{name}” from the catalogue").format(name=folder_name(gone.path))
        if gone.photos:
            text += (translate("Folders", " (1 photo forgotten)") if gone.photos == 1
                     else translate("Folders", " ({n} photos forgotten)").format(n=f"{gone.photos:,}"))
        if gone.backup:
            text += translate("Folders", "; a backup was taken first: File → Restore from backup… brings them back")
        self.message.emit(text)
        self.removed.emit(folder_id)
        self.reload()
