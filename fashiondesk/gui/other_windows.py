"""Another fashiondesk window on the same catalogue (issue 14, item 13).

The first window to open a catalogue keeps a lock file beside it (``<catalogue>.window-lock``,
Qt's ``QLockFile``). A window that finds it taken says so in the status bar and tries again
at each check: when the other window closes, it takes the lock and the notice goes. A lock
left by a window that crashed is seen as stale (its process is gone) and taken over at once.

Every few seconds each window also asks the catalogue whether it changed (another window's
edits; this window's own writes count too, see ``services.changes``) and says so with
``changed_elsewhere``; the window then shows the catalogue again.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QLockFile, QObject, QTimer, Signal
from PySide6.QtWidgets import QLabel

from fashiondesk.core import services
from fashiondesk.core.services.changes import ChangeWatch, window_lock
from fashiondesk.gui.i18n import translate

CHECK_MS = 2000
NOTICE = QT_TRANSLATE_NOOP("Other windows", "Another fashiondesk window has this catalogue open")
NOTICE_TIP = QT_TRANSLATE_NOOP(
    "Other windows", "Edits from both windows are kept; each window shows the other's changes within a few seconds.")
log = logging.getLogger("fashiondesk.gui")


class OtherWindows(QObject):
    """``notice`` (for the status bar) shows while another window has the catalogue open;
    ``changed_elsewhere`` fires when the catalogue changed under this window.

    ``busy``: while it says True (the window is indexing, and shows the catalogue as it
    fills anyway) a change is kept back, and told at the first check after."""

    changed_elsewhere = Signal()

    def __init__(self, catalogue: services.Catalogue, busy: Callable[[], bool] = lambda: False,
                 parent: QObject | None = None, interval_ms: int = CHECK_MS):
        super().__init__(parent)
        self._catalogue = catalogue
        self._busy = busy
        path = window_lock(catalogue)
        self._lock = QLockFile(str(path)) if path is not None else None
        if self._lock is not None:
            # Only a lock whose process is gone is stale. By default Qt also calls one older
            # than 30 seconds stale (a window keeps its lock for hours); where the file
            # system's own lock does not protect the holder, it would be taken over.
            self._lock.setStaleLockTime(0)
        self._lock_failed = False
        self._watch: ChangeWatch | None = None
        self._pending = False
        self.others = False  # another window has the catalogue open
        self.notice = QLabel(translate("Other windows", NOTICE))
        self.notice.setToolTip(translate("Other windows", NOTICE_TIP))
        self.notice.setVisible(False)
        self._timer = QTimer(self, interval=interval_ms)
        self._timer.timeout.connect(self.check)

    def start(self) -> None:
        """Take the lock (or find it taken), start watching; then check every interval."""
        if self._watch is None:
            self._watch = ChangeWatch(self._catalogue)
        self._look_for_others()
        self._timer.start()

    def check(self) -> None:
        self._look_for_others()
        if self._watch is not None and self._watch.changed():
            self._pending = True
        if self._pending and not self._busy():
            self._pending = False
            self.changed_elsewhere.emit()

    def own_write(self) -> None:
        """This window has just written (an edit, a learn) and shows it already: the change
        is not another window's. (One made by another window in the same moment is shown
        with the next change; edits stay safe, each checks what staff saw.)"""
        if self._watch is not None:
            self._watch.changed()

    def stop(self) -> None:
        """For closing: no more checks, the lock given back; safe to call twice."""
        self._timer.stop()
        if self._watch is not None:
            self._watch.close()
            self._watch = None
        if self._lock is not None and self._lock.isLocked():
            self._lock.unlock()

    def _look_for_others(self) -> None:
        if self._lock is None or self._lock.isLocked():
            return  # no file to share, or this is the first window: nothing to say
        if self._lock.tryLock(0):
            self._set_others(False)
        elif self._lock.error() == QLockFile.LockError.LockFailedError:
            self._set_others(True)
        elif not self._lock_failed:  # cannot write beside the catalogue, say: no notice, logged once
            self._lock_failed = True
            log.warning("cannot take the window lock %s: %s", self._lock.fileName(), self._lock.error())

    def _set_others(self, others: bool) -> None:
        if others != self.others:
            log.info("another window has this catalogue open" if others else "no other window has this catalogue open")
        self.others = others
        self.notice.setVisible(others)
