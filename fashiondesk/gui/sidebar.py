"""The sidebar: library views, folders, and a section for each declared kind of tag, with counts."""

from __future__ import annotations

import os

from PySide6.QtCore import QT_TRANSLATE_NOOP, QPoint, Qt, Signal
from PySide6.QtGui import QColor, QIcon, QPalette, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QStyle,
    QTreeWidget,
    QTreeWidgetItem,
)

from fashiondesk.core.services.browse import (
    ALL,
    FOLDER,
    MISSING_SCOPE,
    REVIEW,
    SidebarCounts,
)
from fashiondesk.gui import kinds
from fashiondesk.gui.i18n import translate

KeyRole = Qt.ItemDataRole.UserRole + 1

# Keys: ("scope", scope, value) selects what the grid starts from (a name of a declared
# kind: ("scope", KIND, (kind, name)); staff's tags: ("scope", TAG, name));
# (kind, name) narrows it as that kind's toolbar filter does (category, colour): see kinds.py.

NOT_FOUND = QT_TRANSLATE_NOOP("Sidebar", "not found")


def folder_name(path: str) -> str:
    return os.path.basename(path.rstrip(os.sep)) or path


def not_found_tip(path: str, photos: int) -> str:
    kept = translate("Sidebar", "Its {n} photos and their tags are kept.").format(n=f"{photos:,}") if photos else ""
    return f"{path}\n\n" + translate(
        "Sidebar", "This folder is not there: it may have been renamed or moved, or it is on a drive that is not "
        "plugged in. {kept}\nPlug the drive in and press Rescan, or right-click and choose Relocate… to say where "
        "it is now.").format(kept=kept)


def swatch(hex_value: str | None, edge: int = 14) -> QIcon:
    pixmap = QPixmap(edge, edge)
    pixmap.fill(QColor(hex_value or "#888888"))
    return QIcon(pixmap)


class Sidebar(QTreeWidget):
    chosen = Signal(tuple)  # a key, see above
    folder_menu_requested = Signal(int, str, QPoint)  # folder id, its path, where (global)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setHeaderHidden(True)
        self.setColumnCount(2)
        self.setRootIsDecorated(False)
        self.setIndentation(10)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.header().setStretchLastSection(False)
        self.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.setAccessibleName("Library")
        self.itemSelectionChanged.connect(self._on_selection)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.customContextMenuRequested.connect(self._context_menu)
        self._updating = False
        self._groups: dict[str, QTreeWidgetItem] = {}
        self._absent: frozenset[int] = frozenset()  # ids of folders that are not there
        self.counts: SidebarCounts | None = None

    def set_counts(self, counts: SidebarCounts) -> None:
        """Rebuild the entries, keeping the selection and the expanded groups."""
        if counts == self.counts:
            return
        first = self.counts is None
        self.counts = counts
        selected = self.selected_key()
        collapsed = {name for name, item in self._groups.items() if not item.isExpanded()}
        self._updating = True
        try:
            self.clear()
            self._groups = {}
            library = self._group(translate("Sidebar", "Library"), "Library")
            self._entry(library, translate("Sidebar", "All photos"), counts.photos, ("scope", ALL, None))
            self._entry(library, translate("Sidebar", "Needs review"), counts.review, ("scope", REVIEW, None))
            if counts.missing:
                self._entry(library, translate("Sidebar", "Missing files"), counts.missing,
                            ("scope", MISSING_SCOPE, None))
            folders = self._group(translate("Sidebar", "Folders"), "Folders")
            for fid, path, n in counts.folders:
                self._entry(folders, folder_name(path), n, ("scope", FOLDER, fid))
            self._show_presence()
            declared = kinds.sources()
            for kind, entries in counts.by_kind:
                source = declared.get(kind)
                if source is None or not source.sidebar:
                    continue
                group = self._group(kinds.heading(kind, declared), f"kind:{kind}")
                for name, value, n in entries:
                    item = self._entry(group, kinds.display(kind, name), n, kinds.sidebar_key(source, name))
                    if source.swatches or value is not None:
                        item.setIcon(0, swatch(value))
            for name, item in self._groups.items():
                item.setExpanded(name not in collapsed)
                item.setHidden(item.childCount() == 0)
            if selected or first:
                self.select_key(selected or ("scope", ALL, None))
            else:
                self.clearSelection()  # the grid shows what no entry names (similar items, duplicates)
        finally:
            self._updating = False

    def set_absent(self, folder_ids) -> None:
        """Mark the folders that are not there (a renamed folder, an unplugged drive)."""
        absent = frozenset(folder_ids)
        if absent != self._absent:
            self._absent = absent
            self._show_presence()

    def is_absent(self, folder_id: int) -> bool:
        return folder_id in self._absent

    def folder_items(self) -> list[QTreeWidgetItem]:
        group = self._groups.get("Folders")
        return [group.child(i) for i in range(group.childCount())] if group is not None else []

    def _show_presence(self) -> None:
        """A folder that is not there: greyed, "not found" where the count goes (always in
        view, however narrow the sidebar), and a tooltip that says what to do."""
        paths = {fid: (path, n) for fid, path, n in (self.counts.folders if self.counts else ())}
        grey = self.palette().color(QPalette.ColorRole.PlaceholderText)
        warning = self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        for item in self.folder_items():
            fid = item.data(0, KeyRole)[2]
            path, n = paths.get(fid, ("", 0))
            absent = fid in self._absent
            item.setText(1, translate("Sidebar", NOT_FOUND) if absent else f"{n:,}")
            item.setIcon(0, warning if absent else QIcon())
            tip = not_found_tip(path, n) if absent else path
            for column in (0, 1):
                item.setToolTip(column, tip)
                font = item.font(column)
                font.setItalic(absent)
                item.setFont(column, font)
                item.setForeground(column, grey if absent else self.palette().color(QPalette.ColorRole.Text))

    def start_over(self) -> None:
        """Forget the counts and go back to All photos, quietly: after a restore."""
        self._updating = True
        try:
            self.counts = None
            self.select_key(("scope", ALL, None))
        finally:
            self._updating = False

    def _context_menu(self, pos: QPoint) -> None:
        item = self.itemAt(pos)
        key = item.data(0, KeyRole) if item is not None else None
        if key is not None and key[:2] == ("scope", FOLDER):
            path = next((p for fid, p, _n in self.counts.folders if fid == key[2]), "") if self.counts else ""
            self.folder_menu_requested.emit(key[2], path, self.viewport().mapToGlobal(pos))

    def _group(self, title: str, key: str | None = None) -> QTreeWidgetItem:
        item = QTreeWidgetItem(self, [title])
        font = item.font(0)
        font.setBold(True)
        item.setFont(0, font)
        item.setFlags(Qt.ItemFlag.ItemIsEnabled)
        self._groups[key or title] = item
        return item

    def _entry(self, parent: QTreeWidgetItem, text: str, count: int, key: tuple) -> QTreeWidgetItem:
        item = QTreeWidgetItem(parent, [text, f"{count:,}"])
        item.setData(0, KeyRole, key)
        item.setTextAlignment(1, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return item

    def selected_key(self) -> tuple | None:
        items = self.selectedItems()
        return items[0].data(0, KeyRole) if items else None

    def select_key(self, key: tuple) -> bool:
        for group in self._groups.values():
            for i in range(group.childCount()):
                child = group.child(i)
                if child.data(0, KeyRole) == key:
                    self.setCurrentItem(child)
                    return True
        self.clearSelection()
        return False

    def _on_selection(self) -> None:
        key = self.selected_key()
        if key is not None and not self._updating:
            self.chosen.emit(key)
