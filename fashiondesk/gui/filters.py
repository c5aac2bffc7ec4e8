"""The toolbar's search box and category and colour filters, and the grid's title line."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLineEdit, QWidget

from fashiondesk.core.services.browse import (
    ALL,
    FOLDER,
    MISSING_SCOPE,
    RESULTS,
    REVIEW,
    TAG,
    GridFilter,
    SidebarCounts,
)
from fashiondesk.gui.sidebar import swatch

ANY_CATEGORY = "All categories"
ANY_COLOUR = "All colours"
SEARCH_DELAY_MS = 250


class FilterBar(QWidget):
    changed = Signal(object, object, str)  # category or None, colour or None, search text

    def __init__(self, categories: list[str], parent=None):
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 0, 4, 0)
        self.search = QLineEdit(placeholderText="Search tags and file names")
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(220)
        self.search.setAccessibleName("Search")
        self.category = QComboBox()
        self.category.setAccessibleName("Category filter")
        self.category.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.colour = QComboBox()
        self.colour.setAccessibleName("Colour filter")
        self.colour.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self._fill(self.category, ANY_CATEGORY, [(c, None) for c in categories])
        self._fill(self.colour, ANY_COLOUR, [])
        layout.addWidget(self.search, 1)
        layout.addWidget(self.category)
        layout.addWidget(self.colour)
        self._typing = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._typing.timeout.connect(self._emit)
        self.search.textChanged.connect(lambda _t: self._typing.start())
        self.search.returnPressed.connect(self._emit)
        self.category.currentIndexChanged.connect(lambda _i: self._emit())
        self.colour.currentIndexChanged.connect(lambda _i: self._emit())
        self._last: tuple | None = (None, None, "")

    @staticmethod
    def _fill(combo: QComboBox, any_text: str, entries: list[tuple[str, str | None]]) -> None:
        current = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(any_text, None)
        for name, value in entries:
            if value is not None:
                combo.addItem(swatch(value), name, name)
            else:
                combo.addItem(name, name)
        found = combo.findData(current) if current is not None else 0
        combo.setCurrentIndex(max(0, found))
        combo.blockSignals(False)

    def set_choices(self, counts: SidebarCounts) -> None:
        """Offer the categories and colours the catalogue has (besides the model's)."""
        known = [self.category.itemData(i) for i in range(1, self.category.count())]
        extra = [name for name, _n in counts.categories if name not in known]
        if extra:
            self._fill(self.category, ANY_CATEGORY, [(c, None) for c in known + extra])
        colours = [(name, value or "#888888") for name, value, _n in counts.colours]
        if [self.colour.itemData(i) for i in range(1, self.colour.count())] != [c for c, _v in colours]:
            self._fill(self.colour, ANY_COLOUR, colours)

    def set_category(self, name: str | None) -> None:
        index = self.category.findData(name) if name else 0
        self.category.setCurrentIndex(max(0, index))

    def set_colour(self, name: str | None) -> None:
        index = self.colour.findData(name) if name else 0
        self.colour.setCurrentIndex(max(0, index))

    def clear(self) -> None:
        for widget in (self.search, self.category, self.colour):
            widget.blockSignals(True)
        self.search.clear()
        self.category.setCurrentIndex(0)
        self.colour.setCurrentIndex(0)
        for widget in (self.search, self.category, self.colour):
            widget.blockSignals(False)
        self._last = (None, None, "")

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def _emit(self) -> None:
        self._typing.stop()
        state = (self.category.currentData(), self.colour.currentData(), self.search.text().strip())
        if state != self._last:
            self._last = state
            self.changed.emit(*state)


def scope_title(flt: GridFilter, shown: int | None, counts: SidebarCounts | None, results_title: str = "") -> str:
    if flt.scope == REVIEW:
        title = "Needs review, least sure first"
    elif flt.scope == MISSING_SCOPE:
        title = "Missing files"
    elif flt.scope == FOLDER:
        path = next((p for fid, p, _n in (counts.folders if counts else ()) if fid == flt.value), "")
        title = f"Folder {path}"
    elif flt.scope == TAG:
        title = f"Tagged “{flt.value}”"
    elif flt.scope == RESULTS:
        title = f"{results_title}, most similar first" if results_title else "Similar items"
    else:
        title = "All photos" if flt.scope == ALL else flt.scope
    narrowed = [x for x in (flt.category, flt.colour) if x]
    if flt.text:
        narrowed.append(f"“{flt.text}”")
    if narrowed:
        title += " · " + " · ".join(narrowed)
    if shown is not None:
        title += f" · {shown:,} photo{'s' if shown != 1 else ''}"
    return title
