"""Learning from staff's categories in the background, and what the window says about it.

``Teacher`` keeps the catalogue's learned categories up to date: a category edit asks for a
learn ``LEARN_DELAY_MS`` after the last one (each new edit starts the wait again), a check
(start-up, after indexing, after an undo) learns only when ``services.needs_learning`` says
so. One learn runs at a time, on its own job queue; asked for while one runs, one more
follows it. While indexing runs nothing starts: indexing re-learns at its end, and the
window's check afterwards catches the rest.

``TeachingStatus`` is the status bar's note of the last teaching; ``ExamplesBox`` shows the
staff examples behind a learned category in the detail panel. None of this writes a tag.
"""

from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QObject, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QLabel, QSizePolicy, QVBoxLayout, QWidget

from fashiondesk.core import services
from fashiondesk.core.records import CATEGORY, Hit
from fashiondesk.gui import kinds
from fashiondesk.gui.i18n import translate
from fashiondesk.gui.jobs import Job, Jobs
from fashiondesk.gui.strip import PhotoStrip
from fashiondesk.gui.thumbnails import ThumbnailLoader

LEARN_DELAY_MS = 1500
RETRY_FIRST_MS, RETRY_MAX_MS = 5_000, 300_000
LEARNING_TEXT = QT_TRANSLATE_NOOP("Learning", "learning…")
STATUS_CHARS = 64


class Teacher(QObject):
    started = Signal()
    learned = Signal(object)  # Teaching
    failed = Signal(str)
    ended = Signal()  # a learn or a check ended, however it ended

    def __init__(self, catalogue: services.Catalogue, busy: Callable[[], bool] = lambda: False,
                 delay_ms: int = LEARN_DELAY_MS, parent: QObject | None = None):
        super().__init__(parent)
        self._catalogue = catalogue
        self._busy = busy
        self.delay_ms = delay_ms
        self._jobs = Jobs("learning", threads=1, parent=self)
        self._job: Job | None = None
        self._learning = False  # the running job is a learn, not only a check
        self._failures = 0  # failed runs in a row: the next try waits longer (another process's run)
        self._wanted: bool | None = None  # None: nothing asked; False: a check; True: a learn
        self._timer = QTimer(self, singleShot=True)
        self._timer.timeout.connect(self._go)

    # -- asking ------------------------------------------------------------------------

    def edited(self) -> None:
        """Staff's categories changed: learn once they have stopped changing for a moment."""
        self._want(True)
        self._timer.start(self.delay_ms)

    def check(self) -> None:
        """Learn soon if the catalogue needs it (new photos, an undo, a restore)."""
        self._want(False)
        if not self._timer.isActive():  # an edit's wait is not cut short
            self._timer.start(0)

    def stop(self) -> None:
        """For closing: nothing new starts; waits for a learn under way."""
        self._timer.stop()
        self._wanted = None
        self._jobs.stop()

    # -- state ---------------------------------------------------------------------------

    def is_learning(self) -> bool:
        return self._job is not None and self._learning

    def is_idle(self) -> bool:
        return self._job is None and self._wanted is None and not self._timer.isActive()

    # -- running -------------------------------------------------------------------------

    def _want(self, force: bool) -> None:
        self._wanted = force or bool(self._wanted)

    def _go(self) -> None:
        if self._wanted is None or self._job is not None:
            return  # nothing to do, or it follows the run under way (``_ended``)
        if self._busy():
            return  # indexing: it learns at its end, and the window checks again then
        force, self._wanted = self._wanted, None
        if force:
            self._learning = True
            self.started.emit()
            self._job = self._jobs.run(services.learn, self._catalogue, done=self._learned, error=self._failed)
        else:
            self._job = self._jobs.run(services.needs_learning, self._catalogue, done=self._checked,
                                       error=self._failed)

    def _checked(self, needed: bool) -> None:
        self._job = None
        if needed:
            self._want(True)
        self._ended()

    def _learned(self, teaching: services.Teaching) -> None:
        self._job = None
        self._failures = 0
        self.learned.emit(teaching)
        self._ended()

    def _failed(self, message: str) -> None:
        self._job = None
        if self._busy():  # refused: indexing started meanwhile; it learns at its end, then a check
            self._want(self._learning)
        else:
            # Another process's index run holding the catalogue, say: look again later, each
            # time a little later (5 s, 10 s, ... at most 5 minutes), until it works.
            self._failures += 1
            self._want(False)
            self._timer.start(min(RETRY_MAX_MS, RETRY_FIRST_MS * 2 ** (self._failures - 1)))
            self.failed.emit(message)
        self._ended()

    def _ended(self) -> None:
        self._learning = False
        self.ended.emit()
        if self._wanted is not None and not self._timer.isActive():
            self._go()  # asked for while that one ran (or the check found it needed): now


# -- what the window says ------------------------------------------------------------------


def describe(teaching: services.Teaching) -> str:
    """``Teaching.describe`` in the window's language."""
    if not teaching.categories:
        if teaching.waiting:
            return translate("Learning", "nothing learned yet: {waiting}").format(
                waiting=translate("Learning", "; ").join(waiting_texts(teaching)))
        return translate("Learning", "nothing learned yet: the categories are the shipped model's")
    taught = sum(1 for _, n in teaching.categories if n)
    text = (translate("Learning", "learned from 1 staff category") if teaching.examples == 1 else
            translate("Learning", "learned from {n} staff categories").format(n=teaching.examples)) + " · " + \
        (translate("Learning", "1 category taught") if taught == 1 else
         translate("Learning", "{n} categories taught").format(n=taught))
    if teaching.accuracy is not None:
        text += translate("Learning", " · {share} of staff's examples predicted right from the others").format(
            share=f"{teaching.accuracy:.0%}")
    return text


def waiting_texts(teaching: services.Teaching) -> list[str]:
    return [translate("Learning", "{name}: {n} of {needed} examples needed before it is suggested").format(
        name=kinds.display(CATEGORY, name), n=n, needed=teaching.min_examples) for name, n in teaching.waiting]


def teaching_tooltip(teaching: services.Teaching | None) -> str:
    if teaching is None:
        return translate("Learning", "Nothing learned yet. Each category you set, accept or correct teaches "
                                     "fashiondesk; it then re-checks every photo's automatic category.")
    said = describe(teaching)
    lines = [said[:1].upper() + said[1:] + translate("Learning", ".")]
    taught = sorted(((n, name) for name, n in teaching.categories if n), key=lambda t: (-t[0], t[1]))
    if taught:
        lines += ["", translate("Learning", "Taught by staff (examples):")]
        lines += [f"    {kinds.display(CATEGORY, name)}: {n}" for n, name in taught]
    untaught = sum(1 for _, n in teaching.categories if not n)
    if untaught:
        lines.append(translate("Learning", "1 other category: no staff examples yet, suggested as fashiondesk first "
                                           "learned it") if untaught == 1 else
                     translate("Learning", "{n} other categories: no staff examples yet, suggested as fashiondesk "
                                           "first learned them").format(n=untaught))
    if teaching.waiting:
        lines += ["", translate("Learning", "Not suggested yet:")]
        lines += [f"    {part}" for part in waiting_texts(teaching)]
    if teaching.photos:
        lines += ["", translate("Learning", "Last run: {photos} automatic categories checked, {changed} changed, in "
                                            "{seconds} s.").format(photos=f"{teaching.photos:,}",
                                                                   changed=f"{teaching.changed:,}",
                                                                   seconds=f"{teaching.seconds:.1f}")]
    return "\n".join(lines)


def taught_examples(teaching: services.Teaching | None, name: str) -> int:
    """How many staff examples the last learning had of this category (0: none, so a
    learned suggestion of it is the shipped model's reading, re-weighed, not taught)."""
    if teaching is None:
        return 0
    key = services.tag_key(name)
    return sum(n for category, n in teaching.categories if services.tag_key(category) == key)


def waiting_note(teaching: services.Teaching | None, name: str) -> str:
    """For a staff category still waiting for examples: "blazer: 3 of 5 examples —
    fashiondesk starts suggesting it at 5"; otherwise ""."""
    if teaching is None:
        return ""
    key = services.tag_key(name)
    for waiting, n in teaching.waiting:
        if services.tag_key(waiting) == key:
            return translate("Learning", "{name}: {n} of {needed} examples — fashiondesk starts suggesting it at "
                                         "{needed}").format(name=waiting, n=n, needed=teaching.min_examples)
    return ""


def category_names(teaching: services.Teaching | None) -> list[str]:
    """The categories the last teaching knows: taught ones, then those waiting for examples."""
    if teaching is None:
        return []
    return [name for name, _ in teaching.categories] + [name for name, _ in teaching.waiting]


class TeachingStatus(QLabel):
    """The status bar's note: what the last teaching learned, or "learning…" while it runs.
    Quiet (the placeholder colour) and elided when the status bar is short of room; the
    tooltip has the whole story."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setAccessibleName("Learning from staff categories")
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        self.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.teaching: services.Teaching | None = None
        self.full_text = ""
        self.show_teaching(None)

    def show_teaching(self, teaching: services.Teaching | None) -> None:
        self.teaching = teaching
        self.setToolTip(teaching_tooltip(teaching))
        self._say(describe(teaching) if teaching is not None
                  else translate("Learning", "nothing learned from staff categories yet"))

    def show_learning(self) -> None:
        self._say(translate("Learning", LEARNING_TEXT))

    def show_failure(self, message: str) -> None:
        self.setToolTip(message + "\n\n" + teaching_tooltip(self.teaching))
        self._say(translate("Learning", "could not learn from staff categories"))

    def _say(self, text: str) -> None:
        self.full_text = text
        self._elide()
        self.updateGeometry()

    def _elide(self) -> None:
        super().setText(self.fontMetrics().elidedText(self.full_text, Qt.TextElideMode.ElideRight, self.width()))

    def sizeHint(self) -> QSize:
        # At most STATUS_CHARS average characters: the status bar's messages (on its left) come first.
        widest = self.fontMetrics().averageCharWidth() * STATUS_CHARS
        text = self.fontMetrics().horizontalAdvance(self.full_text) + 8
        return QSize(min(text, widest), super().sizeHint().height())

    def minimumSizeHint(self) -> QSize:
        return QSize(min(120, self.sizeHint().width()), super().minimumSizeHint().height())

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._elide()


class ExamplesBox(QWidget):
    """Where a learned category came from: the staff examples of it nearest to the photo,
    as thumbnails (``services.examples_behind``); choosing one goes to that photo."""

    def __init__(self, thumbnails: ThumbnailLoader, parent=None):
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.caption = QLabel(wordWrap=True)
        self.caption.setTextFormat(Qt.TextFormat.PlainText)  # category names are staff's own text
        self.strip = PhotoStrip(thumbnails, "Staff examples")
        self.chosen = self.strip.chosen
        layout.addWidget(self.caption)
        layout.addWidget(self.strip)
        self.photo_id: int | None = None
        self.category = ""
        self.setVisible(False)

    def looking(self, photo_id: int, category: str) -> None:
        self.photo_id, self.category = photo_id, category
        self.strip.clear()
        self.caption.setText(translate("Learning", "Looking for the staff examples behind “{name}”…").format(
            name=kinds.display(CATEGORY, category)))
        self.setVisible(True)

    def show_examples(self, photo_id: int, hits: list[Hit]) -> None:
        if photo_id != self.photo_id:
            return  # asked for another photo, or closed since
        name = self.category
        shown = kinds.display(CATEGORY, name)
        self.strip.show_hits(hits, lambda h: f"{h.score:.2f}",
                             lambda h: f"{h.path}\n" + translate("Learning", "set to {name} by staff · similarity "
                                                                             "{score}").format(name=shown,
                                                                                               score=f"{h.score:.3f}"))
        self.caption.setText(
            translate("Learning", "Suggested because staff called photos like these “{name}” (most alike first):")
            .format(name=shown) if hits
            else translate("Learning", "No staff example of “{name}” yet: this is the shipped model's suggestion, "
                                       "adjusted by what staff taught about the other categories.").format(name=shown))

    def show_error(self, photo_id: int, message: str) -> None:
        if photo_id == self.photo_id:
            self.strip.clear()
            self.caption.setText(message)

    def close_box(self) -> None:
        self.photo_id, self.category = None, ""
        self.strip.clear()
        self.setVisible(False)
