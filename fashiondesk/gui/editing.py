"""Tag edits from the window, each undoable and redoable: the tags they touch are kept
beforehand and after."""

from __future__ import annotations

import logging
from collections import Counter

from PySide6.QtCore import QEvent, QKeyCombination, QObject, Qt, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication, QComboBox, QLineEdit, QWidget

from fashiondesk.core import services
from fashiondesk.core.records import AUTO
from fashiondesk.gui.i18n import translate
from fashiondesk.gui.jobs import failure_text

UNDO_STEPS = 50
REDO_TOO = QKeyCombination(Qt.KeyboardModifier.ControlModifier, Qt.Key.Key_Y)  # Redo on every platform, as on Windows
log = logging.getLogger("fashiondesk.gui")


class TagEdits(QObject):
    changed = Signal(str)  # what happened: the edit's description, or "Undone: " and it
    undone = Signal(tuple)  # the photo ids an undo put back
    failed = Signal(str)
    undo_text = Signal(str)  # "" when there is nothing to undo
    redo_text = Signal(str)  # "" when there is nothing to redo
    # Staff's categories changed (True: an edit of a category) or may have (False: an undo,
    # which puts back automatic categories as they were too): the learned ones may be due.
    categories_edited = Signal(bool)

    def __init__(self, catalogue: services.Catalogue, parent=None):
        super().__init__(parent)
        self._catalogue = catalogue
        # Each step: the tags before the edit, and as the edit left them.
        self._undo: list[tuple[services.TagSnapshot, services.TagSnapshot]] = []
        self._redo: list[tuple[services.TagSnapshot, services.TagSnapshot]] = []  # steps undone, last on top

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
        self._redo.clear()  # a new edit: what was undone stays undone
        self._texts()
        self.changed.emit(description)
        if category:
            self.categories_edited.emit(True)
        return True

    def undo(self) -> None:
        """Put the tags of the last edit back as they were before it."""
        if self._undo:
            self._step(self._undo, self._redo, 0, translate("Review", "Undone: {what}"), translate(
                "Review", "Cannot undo {what}: staff changed these tags since (in another window?); nothing was undone"))

    def redo(self) -> None:
        """Make the last edit undone again."""
        if self._redo:
            self._step(self._redo, self._undo, 1, translate("Review", "Redone: {what}"), translate(
                "Review", "Cannot redo {what}: staff changed these tags since (in another window?); nothing was redone"))

    def _step(self, source: list, target: list, to: int, done: str, refused: str) -> None:
        """Put back state ``to`` (0: before the edit, 1: after it) of the last step of
        ``source``, if the tags are still as the other state left them; the step moves to
        ``target``."""
        step = source.pop()
        wanted, now = step[to], step[1 - to]
        what = wanted.description
        try:
            if not _same(services.snapshot(self._catalogue, list(wanted.photo_ids), what), now):
                failed = refused.format(what=what)
            else:
                services.put_back(self._catalogue, wanted)
                failed = ""
        except Exception as exc:
            failed = failure_text(exc, ("undo " if to == 0 else "redo ") + what)
            source.append(step)  # nothing was put back: it can be tried again
        if failed:
            self._texts()
            self.failed.emit(failed)
            return
        target.append(step)
        self._texts()
        self.changed.emit(done.format(what=what))
        if to == 0:
            self.undone.emit(wanted.photo_ids)
        self.categories_edited.emit(False)

    def _texts(self) -> None:
        self.undo_text.emit(self._undo[-1][0].description if self._undo else "")
        self.redo_text.emit(self._redo[-1][0].description if self._redo else "")

    def clear(self) -> None:
        """Forget every step: after a restore or a removed folder the photos they name may be gone."""
        self._undo.clear()
        self._redo.clear()
        self._texts()


def _same(now: services.TagSnapshot, then: services.TagSnapshot) -> bool:
    """The same staff tags and rejections, in whatever order the catalogue lists them.
    Automatic tags may differ: learning and indexing rewrite them, and an undo may put them
    back as they were (learning looks again after it)."""
    def staff(snap: services.TagSnapshot) -> Counter:
        return Counter(row for row in snap.rows if row[3] != AUTO)

    return staff(now) == staff(then) and set(now.rejected) == set(then.rejected)


class UndoFromAnywhere(QObject):
    """Ctrl+Z undoes the last tag edit wherever the focus is in the window, and Redo (Ctrl+Shift+Z,
    Ctrl+Y) redoes it: a text field keeps the key only while it has typing of its own to undo
    or redo (a tag half typed).

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
        if event.type() != QEvent.Type.ShortcutOverride:
            return False
        undo = event.matches(QKeySequence.StandardKey.Undo)
        if not (undo or event.matches(QKeySequence.StandardKey.Redo) or event.keyCombination() == REDO_TOO):
            return False
        field = watched.lineEdit() if isinstance(watched, QComboBox) else watched
        if isinstance(field, QLineEdit) and not (field.isUndoAvailable() if undo else field.isRedoAvailable()):
            event.ignore()  # not the field's: the window's shortcut takes it
            return True
        return False


class TypingGoesToTags(QObject):
    """Letters typed while the detail panel has the focus outside its text fields (a click
    just beside the tag field, say) go into the tag field: "summer sale" must become a tag
    being typed, not an R that rejects a category and an A that accepts the next. The review
    keys (A, R, C, N, 1-0) are the window's shortcuts and never arrive here; only the first
    letter of a word that is one of them still acts (and Ctrl+Z undoes it)."""

    def __init__(self, panel: QWidget, field: QLineEdit):
        super().__init__(panel)
        self._field = field
        for widget in [panel, *panel.findChildren(QWidget)]:
            if not _in_a_box(widget, panel):
                widget.installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:
        if event.type() != QEvent.Type.KeyPress or not self._field.isEnabled() or not self._field.isVisible():
            return False
        if QApplication.activePopupWidget() is not None:  # a list open (the Category box's): its own keys
            return False
        text = event.text()
        held = event.modifiers() & ~(Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.KeypadModifier)
        if held or len(text) != 1 or not text.isprintable() or text.isspace():
            return False
        self._field.setFocus(Qt.FocusReason.OtherFocusReason)
        self._field.insert(text)
        return True


def _in_a_box(widget: QObject, panel: QWidget) -> bool:
    """A text field, or part of an editable box (its line edit, its list, even while that
    list is a popup window of its own): typing there is its own."""
    while widget is not None and widget is not panel:
        if isinstance(widget, (QLineEdit, QComboBox)):
            return True
        widget = widget.parent()
    return False
