"""The sidebar: library views, folders, categories, colours and tags, with counts."""

from __future__ import annotations

import os

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QIcon, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QTreeWidget,
    QTreeWidgetItem,
)

from fashiondesk.core.catalogue.queries import (
    ALL,
    FOLDER,
    MISSING_SCOPE,
    REVIEW,
    TAG,
    SidebarCounts,
)

KeyRole = Qt.ItemDataRole.UserRole + 1

# Keys: ("scope", scope, value) selects what the grid starts from;
# ("category", name) and ("colour", name) narrow it, as the toolbar filters do.


def swatch(hex_value: str | None, edge: int = 14) -> QIcon:
    pixmap = QPixmap(edge, edge)
    pixmap.fill(QColor(hex_value or "#888888"))
    return QIcon(pixmap)


class Sidebar(QTreeWidget):
    chosen = Signal(tuple)  # a key, see above

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
        self._updating = False
        self._groups: dict[str, QTreeWidgetItem] = {}
        self.counts: SidebarCounts | None = None

    def set_counts(self, counts: SidebarCounts) -> None:
        """Rebuild the entries, keeping the selection and the expanded groups."""
        if counts == self.counts:
            return
        self.counts = counts
        selected = self.selected_key()
        collapsed = {name for name, item in self._groups.items() if not item.isExpanded()}
        self._updating = True
        try:
            self.clear()
            self._groups = {}
            library = self._group("Library")
            self._entry(library, "All photos", counts.photos, ("scope", ALL, None))
            self._entry(library, "Needs review", counts.review, ("scope", REVIEW, None))
            if counts.missing:
                self._entry(library, "Missing files", counts.missing, ("scope", MISSING_SCOPE, None))
            folders = self._group("Folders")
            for fid, path, n in counts.folders:
                item = self._entry(folders, os.path.basename(path.rstrip(os.sep)) or path, n, ("scope", FOLDER, fid))
                item.setToolTip(0, path)
            categories = self._group("Categories")
            for name, n in counts.categories:
                self._entry(categories, name, n, ("category", name))
            colours = self._group("Colours")
            for name, value, n in counts.colours:
                self._entry(colours, name, n, ("colour", name)).setIcon(0, swatch(value))
            tags = self._group("Tags")
            for name, n in counts.tags:
                self._entry(tags, name, n, ("scope", TAG, name))
            for name, item in self._groups.items():
                item.setExpanded(name not in collapsed)
                item.setHidden(item.childCount() == 0)
            self.select_key(selected or ("scope", ALL, None))
        finally:
            self._updating = False

    def _group(self, title: str) -> QTreeWidgetItem:
        item = QTreeWidgetItem(self, [title])
        font = item.font(0)
        font.setBold(True)
        item.setFont(0, font)
        item.setFlags(Qt.ItemFlag.ItemIsEnabled)
        self._groups[title] = item
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
