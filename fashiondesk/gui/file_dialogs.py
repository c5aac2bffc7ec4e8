"""File dialogs that never open the files they list.

Qt's own file dialog (used where the desktop offers no native one: the bundle on Linux,
offscreen) asks its icon provider for each file's icon and type, and the default provider
reads the first bytes of files it cannot name by their extension. Opening and closing a
file drops every POSIX lock this process holds on it, so browsing the catalogue's folder
would drop the window's SQLite locks on ``catalogue.db``, ``-wal`` and ``-shm``: another
process (a command, a second window) could then take the WAL for its own and delete it,
and the window's next writes would be lost or the catalogue damaged (SQLite's "How To
Corrupt", 2.2). The provider here names files by their extension only.
"""

from __future__ import annotations

import os

from PySide6.QtCore import QFileInfo
from PySide6.QtGui import QAbstractFileIconProvider
from PySide6.QtWidgets import QApplication, QFileDialog, QStyle, QWidget


class PlainIcons(QAbstractFileIconProvider):
    def icon(self, what):  # noqa: D401 - Qt's overloads: an IconType, or a QFileInfo
        style = QApplication.style()
        if isinstance(what, QFileInfo):
            kind = QStyle.StandardPixmap.SP_DirIcon if what.isDir() else QStyle.StandardPixmap.SP_FileIcon
        else:
            kind = QStyle.StandardPixmap.SP_DirIcon if what == QAbstractFileIconProvider.IconType.Folder \
                else QStyle.StandardPixmap.SP_FileIcon
        return style.standardIcon(kind)

    def type(self, info: QFileInfo) -> str:
        if info.isDir():
            return "Folder"
        extension = os.path.splitext(info.fileName())[1].lstrip(".").upper()
        return f"{extension} file" if extension else "File"


_PROVIDER: PlainIcons | None = None


def quiet(dialog: QFileDialog) -> QFileDialog:
    """The dialog, listing files without opening them (see the module docstring)."""
    global _PROVIDER
    if _PROVIDER is None:
        _PROVIDER = PlainIcons()
    dialog.setIconProvider(_PROVIDER)
    return dialog


def open_file(parent: QWidget | None, title: str, start: str, filters: str) -> str:
    dialog = quiet(QFileDialog(parent, title, start, filters))
    dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptOpen)
    return dialog.selectedFiles()[0] if dialog.exec() and dialog.selectedFiles() else ""


def save_file(parent: QWidget | None, title: str, start: str, filters: str) -> str:
    dialog = quiet(QFileDialog(parent, title, start, filters))
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dialog.setFileMode(QFileDialog.FileMode.AnyFile)
    return dialog.selectedFiles()[0] if dialog.exec() and dialog.selectedFiles() else ""


def folder(parent: QWidget | None, title: str, start: str) -> str:
    dialog = quiet(QFileDialog(parent, title, start))
    dialog.setFileMode(QFileDialog.FileMode.Directory)
    dialog.setOption(QFileDialog.Option.ShowDirsOnly, True)
    return dialog.selectedFiles()[0] if dialog.exec() and dialog.selectedFiles() else ""
