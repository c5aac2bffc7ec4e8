"""The window's one way to run anything slow (after Picard's ``run_task`` and Anki's ``QueryOp``).

    run_job(window, services.export_csv_file, catalogue, path, done=exported, error=show_error)

    reader = Jobs("catalogue reader", threads=1, parent=window)  # one at a time, in order
    reader.run(services.browse.grid_rows, catalogue, flt, key="rows", done=show_rows)

``run_job`` uses the owner's pool for one-off tasks (``jobs_of``); a ``Jobs`` of its own
suits work that must run in order (queries, similar searches) or in bulk (thumbnails).

``fn(*args)`` runs on one of the ``Jobs``' pool threads; then ``done(result)`` or
``error(message)`` is called on the GUI thread. Only ids, paths and frozen records should
cross: ``fn`` must not touch widgets. Every exception ``fn`` raises is logged with its
traceback on the thread that caught it; ``error`` gets one readable line that ends with
where the log is (``log_hint``). With no ``error``, the ``failed`` signal carries it.

Cancellation is one thing everywhere: each job has a ``CancelToken``, passed to ``fn`` as
``cancel=`` when ``fn`` takes a parameter of that name; ``Job.cancel()`` sets it and ``fn``
returns when it sees it (its result still arrives). ``key=`` names a kind of request: a
newer one with the same key supersedes the older, which is discarded (cancelled, and if it
has not started it never runs; either way its ``done``/``error`` are not called).
``progress=`` (a callable) is passed to ``fn`` as ``progress=``; each call from ``fn``'s
thread reaches ``progress`` on the GUI thread. ``stop()`` discards everything and waits.
"""

from __future__ import annotations

import inspect
import logging
import os
import threading
import types
from pathlib import Path
from typing import Any, Callable

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, Qt, QThreadPool, Signal, Slot

from fashiondesk.core import logs, services
from fashiondesk.core.progress import CancelToken
from fashiondesk.gui.i18n import shown

log = logging.getLogger("fashiondesk.gui")

TASK_THREADS = 8  # one-off tasks (a backup, an export, a folder check) rarely wait for each other


class Job:
    """One piece of background work: what ``Jobs.run`` returns."""

    __slots__ = ("fn", "args", "done", "error", "progress", "key", "_token", "discarded")

    def __init__(self, fn: Callable, args: tuple, done, error, progress, key, token: CancelToken | None):
        self.fn, self.args = fn, args
        self.done, self.error, self.progress, self.key = done, error, progress, key
        self._token = token  # made when first needed, on the GUI thread (a thumbnail needs none)
        self.discarded = False  # set on the GUI thread, read by the pool thread

    @property
    def token(self) -> CancelToken:
        if self._token is None:
            self._token = CancelToken()
        return self._token

    @property
    def name(self) -> str:
        fn = getattr(self.fn, "func", self.fn)  # functools.partial
        return getattr(fn, "__qualname__", None) or repr(fn)

    def cancel(self) -> None:
        """Ask ``fn`` to stop (if it takes ``cancel``); its result or error still arrives."""
        self.token.cancel()

    def discard(self) -> None:
        """Cancel, and never call back: superseded, or its window is closing."""
        self.discarded = True
        if self._token is not None:
            self._token.cancel()


class Jobs(QObject):
    """A pool of ``threads`` threads (1: one job at a time, in the order asked) whose jobs
    report back on the GUI thread. Create it on the GUI thread."""

    failed = Signal(str)  # a job without its own ``error`` failed: the readable line
    _outcome = Signal(object, bool, object)  # job, ok, result or message (from a pool thread)
    _progressed = Signal(object, object)  # job, value (from a pool thread)

    def __init__(self, name: str, threads: int = 1, parent: QObject | None = None):
        super().__init__(parent)
        self.setObjectName(name)
        self._pool = QThreadPool(self)
        self._pool.setObjectName(name)
        self._pool.setMaxThreadCount(threads)
        self._live: set[Job] = set()
        self._latest: dict[Any, Job] = {}
        self._closed = False
        # Bound slots of this object, which lives on the GUI thread: the pool threads'
        # emissions are queued to it (a lambda here would run on the pool thread).
        self._outcome.connect(self._deliver)
        self._progressed.connect(self._report)
        # Deleted without ``stop`` (its window went first): the pool threads tell nobody.
        # The lock makes "not gone, so emit" one step: ``destroyed`` (on the GUI thread, as the
        # object starts to go) waits for an emission under way, and none starts after it.
        self._gone = _Gone()
        gone = self._gone
        self.destroyed.connect(lambda *_: gone.set())

    def run(self, fn: Callable, *args, done: Callable | None = None, error: Callable[[str], None] | None = None,
            progress: Callable | None = None, key: Any = None, cancel: CancelToken | None = None) -> Job:
        """Run ``fn(*args)`` off the GUI thread (see the module's notes); ``cancel`` is a token to
        use instead of a new one (one Cancel button for several jobs)."""
        job = Job(fn, args, done, error, progress, key, cancel)
        if self._closed:  # the window is closing: nothing new starts
            job.discard()
            return job
        if key is not None:
            older = self._latest.get(key)
            if older is not None:
                older.discard()
            self._latest[key] = job
        kwargs: dict[str, Any] = {}
        if _takes(fn, "cancel"):
            kwargs["cancel"] = job.token
        if progress is not None:
            kwargs["progress"] = lambda value: self._post_progress(job, value)
        self._live.add(job)
        self._pool.start(_Runnable(self, job, kwargs, self._gone))
        return job

    def stop(self, timeout_ms: int = 10_000) -> bool:
        """Discard every job, drop those not started, wait for those running; True if all
        ended in time. Nothing starts afterwards; safe to call twice."""
        self._closed = True
        for job in list(self._live):
            job.discard()
        self._pool.clear()
        self._live.clear()
        self._latest.clear()
        return self._pool.waitForDone(timeout_ms)

    def discard(self, key: Any) -> None:
        """Discard the newest job asked for with ``key``, if its answer has not arrived."""
        job = self._latest.pop(key, None)
        if job is not None:
            job.discard()

    # -- on the pool thread ---------------------------------------------------------------

    def _post_progress(self, job: Job, value) -> None:
        if not job.discarded:
            self._gone.unless_gone(self._progressed.emit, job, value)

    # -- on the GUI thread ----------------------------------------------------------------

    @Slot(object, bool, object)
    def _deliver(self, job: Job, ok: bool, value) -> None:
        self._live.discard(job)
        if job.key is not None and self._latest.get(job.key) is job:
            del self._latest[job.key]
        if job.discarded:
            return
        # An exception in ``done`` or ``error`` escapes like any slot's: to sys.excepthook,
        # which the window's start points at the log (app.log_uncaught).
        if ok:
            if job.done is not None:
                job.done(value)
        elif job.error is not None:
            job.error(value)
        else:
            self.failed.emit(value)

    @Slot(object, object)
    def _report(self, job: Job, value) -> None:
        if not job.discarded and job.progress is not None:
            job.progress(value)


class _Gone:
    """Whether the Jobs object has started to go, and a way to emit only while it has not."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._gone = False

    def set(self) -> None:
        with self._lock:
            self._gone = True

    def is_set(self) -> bool:
        return self._gone

    def unless_gone(self, emit: Callable, *args) -> None:
        with self._lock:
            if self._gone:
                return
            try:
                emit(*args)
            except RuntimeError:  # the wrapper knows its object is gone
                pass


class _Runnable(QRunnable):
    def __init__(self, jobs: Jobs, job: Job, kwargs: dict, gone: _Gone):
        super().__init__()
        self._jobs, self._job, self._kwargs, self._gone = jobs, job, kwargs, gone

    def run(self) -> None:
        job, jobs = self._job, self._jobs
        ok, value = True, None
        if not job.discarded:
            try:
                value = job.fn(*job.args, **self._kwargs)
            except Exception as exc:  # logged here, with its traceback; one line goes back
                ok, value = False, failure_text(exc, job.name)
        self._gone.unless_gone(jobs._outcome.emit, job, ok, value)


_TAKES: dict[tuple[Callable, str], bool] = {}


def _takes(fn: Callable, name: str) -> bool:
    """Whether ``fn`` has a parameter called ``name``."""
    plain = getattr(fn, "__func__", fn)  # a bound method: its function
    cacheable = isinstance(plain, types.FunctionType)  # not partials: one per call, never freed
    if cacheable and (plain, name) in _TAKES:
        return _TAKES[plain, name]
    try:
        found = name in inspect.signature(fn).parameters
    except (TypeError, ValueError):  # a builtin without a signature
        found = False
    if cacheable:
        _TAKES[plain, name] = found
    return found


def jobs_of(parent: QObject) -> Jobs:
    """``parent``'s pool for one-off tasks, made on first use (a child: it goes with it)."""
    found = parent.findChild(Jobs, "tasks", Qt.FindChildOption.FindDirectChildrenOnly)
    return found if found is not None else Jobs("tasks", TASK_THREADS, parent)


def run_job(parent: QObject, fn: Callable, *args, **options) -> Job:
    """``jobs_of(parent).run(fn, *args, **options)``: a one-off task for ``parent``."""
    return jobs_of(parent).run(fn, *args, **options)


# -- errors: logged with their traceback, told in one line -----------------------------------


def failure_text(exc: BaseException, doing: str) -> str:
    """Log ``exc`` with its traceback (call this in the ``except`` block) and return the one
    line staff see, ending with where the log is. A UserError (something staff can fix) is
    a warning in the log, anything else an error."""
    if isinstance(exc, services.UserError):
        log.warning("%s refused: %s", doing, exc, exc_info=True)
        text = shown(exc.args[0]) if len(exc.args) == 1 else str(exc)
    else:
        log.exception("%s failed", doing)
        text = readable(exc)
    return text + log_hint()


def readable(exc: BaseException) -> str:
    """One line for staff: what a full disk, a damaged or busy catalogue means and what to
    do (``services.explain``), else the error's own words, never SQL."""
    explained = services.explain(exc)
    if explained:
        return shown(explained)
    if isinstance(exc, OSError) and exc.strerror:
        return f"{exc.strerror}: {exc.filename}" if exc.filename else exc.strerror
    return str(exc) or type(exc).__name__


def log_file() -> Path | None:
    """The file the log is written to, if logging was set up (``logs.setup``) and works."""
    for handler in logs.log.handlers:
        if isinstance(handler, logging.FileHandler):
            return Path(handler.baseFilename)
    return None


def log_hint() -> str:
    """" (details in ~/.local/state/fashiondesk/log/fashiondesk.log)", or "" with no log file."""
    path = log_file()
    return QCoreApplication.translate("Errors", " (details in {path})").format(path=shown_path(path)) \
        if path is not None else ""


def shown_path(path: Path) -> str:
    home = os.path.expanduser("~")
    text = str(path)
    if os.name != "nt" and home not in ("", "/") and text.startswith(home + os.sep):
        return "~" + text[len(home):]
    return text
