"""Decisions on photos' categories: accept, reject or choose one, from the keyboard, the menu
or the detail panel; on every selected photo at once, or on one photo, after which the grid
moves on to the next photo to review."""

from __future__ import annotations

import bisect
import itertools
import os
from typing import TYPE_CHECKING, Callable

from PySide6.QtCore import QObject, QTimer

from fashiondesk.core import services
from fashiondesk.core.records import AUTO, CATEGORY
from fashiondesk.core.services.browse import GridRow
from fashiondesk.gui import kinds
from fashiondesk.gui.grid import RowRole
from fashiondesk.gui.i18n import translate

if TYPE_CHECKING:
    from fashiondesk.gui.main_window import MainWindow

Shown = dict[int, tuple[str, str]]  # photo id: its category (name, source) as staff saw it
CATEGORY_KEYS = "1234567890"  # the first ten categories of the Category box, in its order
ADVANCE_KEY = "review/advance"


def selected_count(grid) -> int:
    """How many photos the grid has selected, from its ranges (no list of 20,000 indexes)."""
    return sum(r.bottom() - r.top() + 1 for r in grid.selectionModel().selection())


def shown(category: str) -> str:
    return kinds.display(CATEGORY, category)


def file_name(path: str) -> str:
    return os.path.splitext(os.path.basename(path))[0]


class Review(QObject):
    def __init__(self, window: MainWindow):
        super().__init__(window)
        self._window = window
        # Decided in this view: skipped when looking for the next photo to review, so a
        # rejected photo (still without a category) or a grid not refreshed yet never
        # brings staff back to a photo they have just decided on.
        self._decided: set[int] = set()
        self.advance = window.settings.value(ADVANCE_KEY, True, type=bool)

    def set_advance(self, on: bool) -> None:
        self.advance = on
        self._window.settings.setValue(ADVANCE_KEY, on)

    def view_changed(self) -> None:
        self._decided.clear()

    # -- what a decision applies to ------------------------------------------------------

    def targets(self) -> list[GridRow]:
        """The selected photos in the grid's order if several are; otherwise the one the
        panel shows (never a photo that only has the focus: it is not highlighted)."""
        grid = self._window.grid
        current = grid.shown_index()
        if not current.isValid():
            return []
        if selected_count(grid) > 1:
            return [i.data(RowRole) for i in sorted(grid.selectionModel().selectedIndexes(), key=lambda i: i.row())]
        return [current.data(RowRole)]

    def _shown(self, rows: list[GridRow]) -> Shown:
        """Each photo's category as staff see it: the detail panel's for the photo it shows
        (the freshest), the grid's for the others."""
        photo = self._window.detail.photo
        shown: Shown = {}
        for row in rows:
            if photo is not None and photo.id == row.id:
                if photo.category is not None:
                    shown[row.id] = (photo.category.name, photo.category.source)
            elif row.category is not None and row.category_source is not None:
                shown[row.id] = (row.category, row.category_source)
        return shown

    # -- the decisions -------------------------------------------------------------------

    def accept(self) -> None:
        rows = self.targets()
        automatic = {pid: seen for pid, seen in self._shown(rows).items() if seen[1] == AUTO}
        if len(rows) == 1 and not automatic:
            # Nothing automatic to confirm (staff set it, or there is none): that too is decided.
            self._say(f"{file_name(rows[0].path)}: {self._nothing_to(rows[0], accepting=True)}")
            self._decided.add(rows[0].id)
            self._move_on(rows)
            return
        if not automatic:
            self._say(translate("Review", "None of the selected photos has an automatic category to accept."))
            return
        what = (translate("Review", "{photo}: accept {category}").format(
                    photo=file_name(rows[0].path), category=shown(automatic[rows[0].id][0])) if len(rows) == 1
                else translate("Review", "{n} photos: accept {m} automatic categories").format(
                    n=len(rows), m=len(automatic)))
        self._apply(what, rows, services.accept_categories, automatic)

    def reject(self) -> None:
        rows = self.targets()
        automatic = {pid: seen for pid, seen in self._shown(rows).items() if seen[1] == AUTO}
        if not automatic:
            self._say(f"{file_name(rows[0].path)}: {self._nothing_to(rows[0], accepting=False)}" if len(rows) == 1
                      else translate("Review", "None of the selected photos has an automatic category to reject."))
            return
        what = (translate("Review", "{photo}: reject {category}").format(
                    photo=file_name(rows[0].path), category=shown(automatic[rows[0].id][0])) if len(rows) == 1
                else translate("Review", "{n} photos: reject {m} automatic categories").format(
                    n=len(rows), m=len(automatic)))
        self._apply(what, rows, services.reject_categories, automatic)

    def choose(self, name: str) -> None:
        """Make ``name`` the staff category of the photos the decision applies to; choosing
        the automatic category a photo already has accepts it."""
        rows = self.targets()
        name = name.strip()
        if not rows or not name:
            return
        if len(rows) == 1:
            row = rows[0]
            seen = self._shown(rows).get(row.id)
            if seen is not None and seen[0] == name:
                if seen[1] == AUTO:
                    self.accept()
                else:  # staff's already: nothing to write
                    self._decided.add(row.id)
                    self._move_on(rows)
                return
            before = shown(seen[0]) if seen else translate("Review", "no category")
            what = f"{file_name(row.path)}: {before} → {shown(name)}"
        else:
            what = translate("Review", "{n} photos: category → {category}").format(n=len(rows), category=shown(name))
        self._apply(what, rows, services.set_categories, [r.id for r in rows], name)

    def choose_number(self, number: int) -> None:
        """The category at ``number`` (1 to 10) in the Category box's list."""
        names = self._window.detail.category_choices()
        if 1 <= number <= len(names):
            self.choose(names[number - 1])

    def _apply(self, what: str, rows: list[GridRow], fn: Callable, *args) -> None:
        ids = [r.id for r in rows]
        if self._window.tag_edits.apply(what, ids, fn, *args, category=True):
            self._decided.update(ids)
            self._move_on(rows)

    @staticmethod
    def _nothing_to(row: GridRow, accepting: bool) -> str:
        if row.category is None:
            return translate("Review", "no category to accept; choose one") if accepting else \
                translate("Review", "no category to reject; choose one")
        return translate("Review", "{category} was set by staff").format(category=shown(row.category))

    # -- moving on -----------------------------------------------------------------------

    def _move_on(self, rows: list[GridRow]) -> None:
        """After a decision on one photo: the next photo to review, if staff want that.

        Once the key press or click has been handled in full: Return in the Category box
        reaches it twice (the line edit's returnPressed and the box's activated) and the
        second must find the photo decided on, not the next one with its automatic category
        in the box (that would accept it). Staff who moved elsewhere meanwhile stay there."""
        if len(rows) != 1 or not self.advance:
            return
        decided = rows[0].id
        QTimer.singleShot(0, self, lambda: self._window.grid.current_photo_id() == decided and self.go_to_next())

    def go_to_next(self) -> bool:
        next_id = self.next_to_review()
        if next_id is None:
            self._say(translate("Review", "Nothing else to review here."), keep=True)
            return False
        self._window.grid.select_photo(next_id)
        return True

    def next_to_review(self) -> int | None:
        """The first photo after the current one in the grid's order (wrapping round) that
        needs review and has not been decided on in this view."""
        model = self._window.model
        rows, unsure = model.rows(), model.unsure_rows()
        current = self._window.grid.current_photo_id()
        start = model.row_of_id(current) if current is not None else None
        first = bisect.bisect_right(unsure, start) if start is not None else 0
        for i in itertools.chain(unsure[first:], unsure[:first]):
            if rows[i].id not in self._decided and rows[i].id != current:
                return rows[i].id
        return None

    def undone(self, photo_ids: tuple[int, ...]) -> None:
        """An undo put these photos back: back to review, and to the photo if it was one."""
        self._decided.difference_update(photo_ids)
        if len(photo_ids) == 1 and not self._window.grid.select_photo(photo_ids[0]):
            self._window.select_when_shown(photo_ids[0])  # back in the view with the refresh

    def _say(self, message: str, keep: bool = False) -> None:
        self._window.statusBar().showMessage(message, 0 if keep else 8000)

