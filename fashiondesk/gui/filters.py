"""The toolbar's search box and a filter for each declared kind of tag, and the grid's title line."""

from __future__ import annotations

from typing import Mapping

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, QTimer, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLineEdit, QWidget

from fashiondesk.core.records import CATEGORY, COLOUR
from fashiondesk.core.services.browse import (
    ALL,
    FOLDER,
    KIND,
    MISSING_SCOPE,
    RESULTS,
    REVIEW,
    TAG,
    GridFilter,
    SidebarCounts,
    TagSource,
)
from fashiondesk.gui import kinds
from fashiondesk.gui.sidebar import swatch
from fashiondesk.gui.i18n import translate
from fashiondesk.gui.view_menu import order_text

SEARCH_DELAY_MS = 250
NO_SWATCH = "#888888"


ANY = {"Categories": QT_TRANSLATE_NOOP("Filters", "All categories"),
       "Colours": QT_TRANSLATE_NOOP("Filters", "All colours"), "Tags": QT_TRANSLATE_NOOP("Filters", "All tags")}


def any_text(source: TagSource) -> str:
    if source.label in ANY:
        return translate("Filters", ANY[source.label])
    return f"All {source.label[:1].lower()}{source.label[1:]}"  # a kind declared later


class FilterBar(QWidget):
    """The search box, then one box for each kind declared with ``filter``, in the
    declarations' order. ``presets`` are names offered before any photo carries them (the
    model's categories): such a box keeps them and adds the catalogue's own; any other box
    lists the names the catalogue has."""

    changed = Signal(object, str)  # {kind: name or None} for each box, search text

    def __init__(self, presets: Mapping[str, list[str]] | None = None, parent=None):
        super().__init__(parent)
        self._layout = layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 0, 4, 0)
        self.search = QLineEdit(placeholderText=translate("Filters", "Search tags and file names"))
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(220)
        self.search.setAccessibleName("Search")
        layout.addWidget(self.search, 1)
        self._presets = dict(presets or {})
        self.boxes: dict[str, QComboBox] = {}
        self._add_boxes(kinds.sources())
        self._typing = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._typing.timeout.connect(self._emit)
        self.search.textChanged.connect(lambda _t: self._typing.start())
        self.search.returnPressed.connect(self._emit)
        self._last: tuple | None = (self._choices(), "")

    def _add_boxes(self, declared: Mapping[str, TagSource]) -> None:
        """A box for each declared kind with ``filter`` that has none yet, in order."""
        for source in declared.values():
            if not source.filter or source.kind in self.boxes:
                continue
            box = QComboBox()
            box.setAccessibleName(f"{source.singular[:1].upper()}{source.singular[1:]} filter")
            box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
            box.setMaximumWidth(260)  # a long name elides instead of widening the toolbar
            self._fill(box, any_text(source), [(n, None) for n in self._presets.get(source.kind, [])], source)
            box.currentIndexChanged.connect(lambda _i: self._emit())
            self.boxes[source.kind] = box
            order = [k for k in declared if k in self.boxes]
            self._layout.insertWidget(1 + order.index(source.kind), box)

    # The two boxes GridFilter narrows by itself, by name, for scripts and tests.
    @property
    def category(self) -> QComboBox | None:
        return self.boxes.get(CATEGORY)

    @property
    def colour(self) -> QComboBox | None:
        return self.boxes.get(COLOUR)

    @staticmethod
    def _fill(combo: QComboBox, any_text: str, entries: list[tuple[str, str | None]],
              source: TagSource | None = None) -> None:
        current = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(any_text, None)
        for name, value in entries:
            text = kinds.display(source.kind, name) if source is not None else name
            if value is not None:
                combo.addItem(swatch(value), text, name)
            else:
                combo.addItem(text, name)
        found = combo.findData(current) if current is not None else 0
        combo.setCurrentIndex(max(0, found))
        combo.blockSignals(False)

    def set_choices(self, counts: SidebarCounts) -> None:
        """Offer the names the catalogue has, kind by kind (besides any presets)."""
        declared = kinds.sources()
        self._add_boxes(declared)
        for kind, entries in counts.by_kind:
            box, source = self.boxes.get(kind), declared.get(kind)
            if box is None or source is None:
                continue
            known = [box.itemData(i) for i in range(1, box.count())]
            if kind in self._presets:
                extra = [name for name, _v, _n in entries if name not in known]
                if extra:
                    self._fill(box, any_text(source), [(n, None) for n in known + extra], source)
                continue
            offered = [(name, (value or NO_SWATCH) if source.swatches else value) for name, value, _n in entries]
            if known != [name for name, _v in offered]:
                self._fill(box, any_text(source), offered, source)

    def set_choice(self, kind: str, name: str | None) -> None:
        box = self.boxes.get(kind)
        if box is not None:
            box.setCurrentIndex(max(0, box.findData(name) if name else 0))

    def set_category(self, name: str | None) -> None:
        self.set_choice(CATEGORY, name)

    def set_colour(self, name: str | None) -> None:
        self.set_choice(COLOUR, name)

    def clear_and_apply(self) -> None:
        """Clear the search and every filter, and say so (the grid shows everything again)."""
        self.clear()
        self._last = ((), None)  # not what was last said: say it
        self._emit()

    def clear(self) -> None:
        widgets = [self.search, *self.boxes.values()]
        for widget in widgets:
            widget.blockSignals(True)
        self.search.clear()
        for box in self.boxes.values():
            box.setCurrentIndex(0)
        for widget in widgets:
            widget.blockSignals(False)
        self._last = (self._choices(), "")

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def _choices(self) -> tuple[tuple[str, str | None], ...]:
        return tuple((kind, box.currentData()) for kind, box in self.boxes.items())

    def _emit(self) -> None:
        self._typing.stop()
        state = (self._choices(), kinds.stored_terms(self.search.text().strip()))
        if state != self._last:
            self._last = state
            self.changed.emit(dict(state[0]), state[1])


def scope_title(flt: GridFilter, shown: int | None, counts: SidebarCounts | None, results_title: str = "",
                also: kinds.Narrowing = ()) -> str:
    if flt.scope == REVIEW:
        title = translate("Sidebar", "Needs review")
    elif flt.scope == MISSING_SCOPE:
        title = translate("Sidebar", "Missing files")
    elif flt.scope == FOLDER:
        path = next((p for fid, p, _n in (counts.folders if counts else ()) if fid == flt.value), "")
        title = translate("Filters", "Folder {path}").format(path=path)
    elif flt.scope == TAG:
        title = translate("Filters", "Tagged “{tag}”").format(tag=flt.value)
    elif flt.scope == KIND:
        kind, name = flt.value  # type: ignore[misc]
        singular = kinds.singular(kind)
        title = f"{singular[:1].upper()}{singular[1:]} “{kinds.display(kind, name)}”"
    elif flt.scope == RESULTS:
        title = results_title or translate("Similar", "Similar items")
    else:
        title = translate("Sidebar", "All photos") if flt.scope == ALL else flt.scope
    if flt.scope != RESULTS and order_text(flt):
        title += f", {order_text(flt)}"  # "Needs review, least sure first", "All photos, by name"
    narrowed = kinds.narrowed_names(flt, also)
    if flt.text:
        narrowed.append(f"“{flt.text}”")
    if narrowed:
        title += " · " + " · ".join(narrowed)
    if shown is not None:
        title += " · " + (translate("Filters", "1 photo") if shown == 1
                          else translate("Filters", "{n} photos").format(n=f"{shown:,}"))
    return title
