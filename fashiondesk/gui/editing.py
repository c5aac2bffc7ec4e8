"""Tag edits from the window, each undoable: the tags they touch are kept beforehand."""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, Signal

from fashiondesk.core import services
from fashiondesk.gui.jobs import failure_text

UNDO_STEPS = 50
log = logging.getLogger("fashiondesk.gui")


class TagEdits(QObject):
    changed = Signal(str)  # what happened, e.g. "Undone: add the tag sale"; "" for an edit
    failed = Signal(str)
    undo_text = Signal(str)  # "" when there is nothing to undo
    # Staff's categories changed (True: an edit of a category) or may have (False: an undo,
    # which puts back automatic categories as they were too): the learned ones may be due.
    categories_edited = Signal(bool)

    def __init__(self, catalogue: services.Catalogue, parent=None):
        super().__init__(parent)
        self._catalogue = catalogue
        self._undo: list[services.TagSnapshot] = []

    def apply(self, description: str, photo_ids: list[int], fn, *args, category: bool = False) -> None:
        """``fn(catalogue, *args)``: one of the tag edits ``services`` names (accept_tag, ...);
        ``category``: it sets, accepts or removes a category (``categories_edited`` follows)."""
        try:
            before = services.snapshot(self._catalogue, photo_ids, description)
            fn(self._catalogue, *args)
        except services.TagError as exc:  # a name the rules refuse: say why, nothing changed
            log.info("%s refused: %s", description, exc)
            self.failed.emit(str(exc))
            return
        except Exception as exc:  # a busy or damaged catalogue, a bug: logged, one line shown
            self.failed.emit(failure_text(exc, description))
            return
        self._undo.append(before)
        del self._undo[:-UNDO_STEPS]
        self.undo_text.emit(self._undo[-1].description)
        self.changed.emit("")
        if category:
            self.categories_edited.emit(True)

    def undo(self) -> None:
        if not self._undo:
            return
        snap = self._undo.pop()
        try:
            services.put_back(self._catalogue, snap)
        except Exception as exc:
            failed = failure_text(exc, f"undo {snap.description}")
            self._undo.append(snap)  # nothing was put back: it can be tried again
        else:
            failed = ""
        self.undo_text.emit(self._undo[-1].description if self._undo else "")
        if failed:
            self.failed.emit(failed)
        else:
            self.changed.emit(f"Undone: {snap.description}")
            self.categories_edited.emit(False)

    def clear(self) -> None:
        """Forget every step: after a restore or a removed folder the photos they name may be gone."""
        self._undo.clear()
        self.undo_text.emit("")
