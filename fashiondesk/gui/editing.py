"""Tag edits from the window, each undoable: the tags they touch are kept beforehand."""

from __future__ import annotations

import logging
from collections import Counter

from PySide6.QtCore import QEvent, QObject, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QComboBox, QLineEdit, QWidget

from fashiondesk.core import services
from fashiondesk.core.records import AUTO
from fashiondesk.gui.i18n import translate
from fashiondesk.gui.jobs import failure_text

UNDO_STEPS = 50
log = logging.getLogger("fashiondesk.gui")


class TagEdits(QObject):
    changed = Signal(str)  # what happened: the edit's description, or "Undone: " and it
    undone = Signal(tuple)  # the photo ids an undo put back
    failed = Signal(str)
    undo_text = Signal(str)  # "" when there is nothing to undo
    # Staff's categories changed (True: an edit of a category) or may have (False: an undo,
    # which puts back automatic categories as they were too): the learned ones may be due.
    categories_edited = Signal(bool)

    def __init__(self, catalogue: services.Catalogue, parent=None):
        super().__init__(parent)
        self._catalogue = catalogue
        # Each step: the tags before the edit, and as the edit left them.
        self._undo: list[tuple[services.TagSnapshot, services.TagSnapshot]] = []

    def apply(self, description: str, photo_ids: list[int], fn, *args, category: bool = False) -> bool:
        """``fn(catalogue, *args)``: one of the tag edits ``services`` names (accept_tag, ...);
        ``category``: it sets, accepts or removes a category (``categories_edited`` follows).
        ``description`` names the photo and the change ("IMG_0239: t-shirt → skirt"). False
        if the edit was refused or failed (nothing changed; ``failed`` says why)."""
        try:
            before = services.snapshot(self._catalogue, photo_ids, description)
            changed = fn(self._catalogue, *args)
            after = services.snapshot(self._catalogue, photo_ids, description)
        except services.TagError as exc:  # a name the rules refuse: say why, nothing changed
            log.info("%s refused: %s", description, exc)
            self.failed.emit(str(exc))
            return False
        except Exception as exc:  # a busy or damaged catalogue, a bug: logged, one line shown
            self.failed.emit(failure_text(exc, description))
            return False
        if changed == 0:  # the edits that count what they change found nothing to: no undo step
            return True
        self._undo.append((before, after))
        del self._undo[:-UNDO_STEPS]
        self.undo_text.emit(description)
        self.changed.emit(description)
        if category:
            self.categories_edited.emit(True)
        return True

    def undo(self) -> None:
        if not self._undo:
            return
        snap, after = self._undo.pop()
        try:
            if not _same(services.snapshot(self._catalogue, list(snap.photo_ids), snap.description), after):
                failed = translate("Review", "Cannot undo {what}: staff changed these tags since (in another "
                                             "window?); nothing was undone").format(what=snap.description)
            else:
                services.put_back(self._catalogue, snap)
                failed = ""
        except Exception as exc:
            failed = failure_text(exc, f"undo {snap.description}")
            self._undo.append((snap, after))  # nothing was put back: it can be tried again
        self.undo_text.emit(self._undo[-1][0].description if self._undo else "")
        if failed:
            self.failed.emit(failed)
        else:
            self.changed.emit(translate("Review", "Undone: {what}").format(what=snap.description))
            self.undone.emit(snap.photo_ids)
            self.categories_edited.emit(False)

    def clear(self) -> None:
        """Forget every step: after a restore or a removed folder the photos they name may be gone."""
        self._undo.clear()
        self.undo_text.emit("")


def _same(now: services.TagSnapshot, then: services.TagSnapshot) -> bool:
    """The same staff tags and rejections, in whatever order the catalogue lists them.
    Automatic tags may differ: learning and indexing rewrite them, and an undo may put them
    back as they were (learning looks again after it)."""
    def staff(snap: services.TagSnapshot) -> Counter:
        return Counter(row for row in snap.rows if row[3] != AUTO)

    return staff(now) == staff(then) and set(now.rejected) == set(then.rejected)


class UndoFromAnywhere(QObject):
    """Ctrl+Z undoes the last tag edit wherever the focus is in the window: a text field
    keeps the key only while it has typing of its own to undo (a tag half typed).

    It watches the window's text fields only. An application-wide filter would run Python
    for every event of every widget, each call waiting for the GIL while learning or
    indexing runs Python on another thread: it made the window's longest stalls during a
    learn twice as long (benchmarks/gui_learning.py)."""

    def __init__(self, window: QWidget):
        super().__init__(window)
        # An editable box (the Category box) has the focus itself, its line edit does not.
        for field in [*window.findChildren(QLineEdit), *window.findChildren(QComboBox)]:
            field.installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:
        if event.type() != QEvent.Type.ShortcutOverride or not event.matches(QKeySequence.StandardKey.Undo):
            return False
        field = watched.lineEdit() if isinstance(watched, QComboBox) else watched
        if isinstance(field, QLineEdit) and not field.isUndoAvailable():
            event.ignore()  # not the field's: the window's Undo shortcut takes it
            return True
        return False
