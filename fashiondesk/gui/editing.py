"""Tag edits from the window, each undoable: the tags they touch are kept beforehand."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from fashiondesk.core.catalogue import edits
from fashiondesk.core.catalogue.db import Catalogue

UNDO_STEPS = 50


class TagEdits(QObject):
    changed = Signal(str)  # what happened, e.g. "Undone: add the tag sale"; "" for an edit
    failed = Signal(str)
    undo_text = Signal(str)  # "" when there is nothing to undo

    def __init__(self, catalogue: Catalogue, parent=None):
        super().__init__(parent)
        self._catalogue = catalogue
        self._undo: list[edits.TagSnapshot] = []

    def apply(self, description: str, photo_ids: list[int], fn, *args) -> None:
        before = edits.snapshot(self._catalogue, photo_ids, description)
        try:
            fn(self._catalogue, *args)
        except edits.TagError as exc:
            self.failed.emit(str(exc))
            return
        self._undo.append(before)
        del self._undo[:-UNDO_STEPS]
        self.undo_text.emit(self._undo[-1].description)
        self.changed.emit("")

    def undo(self) -> None:
        if not self._undo:
            return
        snap = self._undo.pop()
        edits.restore(self._catalogue, snap)
        self.undo_text.emit(self._undo[-1].description if self._undo else "")
        self.changed.emit(f"Undone: {snap.description}")

    def clear(self) -> None:
        """Forget every step: after a restore or a removed folder the photos they name may be gone."""
        self._undo.clear()
        self.undo_text.emit("")
