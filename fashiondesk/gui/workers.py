"""QThread workers: the window's only way to run anything slow.

Each worker is a QObject moved to its own QThread; requests arrive as queued signals and
results leave as signals, so the GUI thread never waits for the catalogue, the model or
the disk. Only ids, paths and frozen dataclasses cross threads. Every thread started here
is registered in ``running_threads`` so that tests can check none is left behind.
"""

from __future__ import annotations

import logging
import time
import weakref
from typing import Sequence

from PySide6.QtCore import QMetaObject, QObject, Qt, QThread, Signal, Slot

from fashiondesk.core import services
from fashiondesk.core.catalogue.db import Catalogue
from fashiondesk.core.catalogue.queries import GridFilter, grid_rows, sidebar_counts
from fashiondesk.core.progress import CancelToken, Progress

_threads: "weakref.WeakSet[QThread]" = weakref.WeakSet()
log = logging.getLogger("fashiondesk.gui")


def running_threads() -> list[QThread]:
    return [t for t in list(_threads) if t.isRunning()]


def start_in_thread(worker: QObject, name: str) -> QThread:
    thread = QThread()
    thread.setObjectName(name)
    worker.moveToThread(thread)
    thread.finished.connect(worker.deleteLater)
    _threads.add(thread)
    thread.start()
    return thread


def stop_thread(thread: QThread | None, timeout_ms: int = 10_000) -> None:
    if thread is not None and thread.isRunning():
        thread.quit()
        thread.wait(timeout_ms)


class IndexWorker(QObject):
    """Runs ``services.index`` once; progress and the summary come back as signals."""

    progress = Signal(object)  # Progress
    finished = Signal(object)  # IndexSummary
    failed = Signal(str)

    def __init__(self, catalogue: Catalogue, folders: Sequence[str] | None = None):
        super().__init__()
        self._catalogue = catalogue
        self._folders = list(folders) if folders is not None else None
        self.cancel_token = CancelToken()
        self._last_emit = 0.0

    @Slot()
    def run(self) -> None:
        try:
            summary = services.index(
                self._catalogue, self._on_progress, self.cancel_token, folder_paths=self._folders
            )
        except Exception as exc:  # shown to staff as one readable line, never a traceback
            self.failed.emit(_readable(exc))
        else:
            self.finished.emit(summary)

    def _on_progress(self, progress: Progress) -> None:
        now = time.monotonic()
        if now - self._last_emit >= 0.1 or progress.done == progress.total:
            self._last_emit = now
            self.progress.emit(progress)


class CatalogueReader(QObject):
    """Answers grid and sidebar queries off the GUI thread; a newer request supersedes."""

    rows_ready = Signal(int, object, object)  # request id, GridFilter, list[GridRow]
    counts_ready = Signal(object)  # SidebarCounts
    failed = Signal(str)

    def __init__(self, catalogue: Catalogue, unsure_below: float):
        super().__init__()
        self._catalogue = catalogue
        self._unsure_below = unsure_below
        self._latest = 0

    def note_request(self, request_id: int) -> None:
        """Called from the GUI thread before the request is queued."""
        self._latest = request_id

    @Slot(int, object)
    def load_rows(self, request_id: int, flt: GridFilter) -> None:
        if request_id != self._latest:
            return  # superseded while waiting in the queue
        try:
            with self._catalogue.sessions() as session:
                rows = grid_rows(session, flt, self._unsure_below)
        except Exception as exc:
            self.failed.emit(_readable(exc))
            return
        self.rows_ready.emit(request_id, flt, rows)

    @Slot()
    def load_counts(self) -> None:
        try:
            with self._catalogue.sessions() as session:
                counts = sidebar_counts(session, self._unsure_below)
        except Exception as exc:
            self.failed.emit(_readable(exc))
            return
        self.counts_ready.emit(counts)


class SimilarWorker(QObject):
    """Similar-items searches over an index kept in memory between searches.

    The index is opened (and synced with the catalogue) on first use and again after
    ``mark_stale`` (indexing finished); it is never written from here, so the indexing
    run stays its only writer. The embedder is loaded on first use of an outside photo.
    """

    results = Signal(int, object)  # request id, list[Hit]
    failed = Signal(int, str)

    def __init__(self, catalogue: Catalogue):
        super().__init__()
        self._catalogue = catalogue
        self._embedder = None
        self._index = None

    @Slot()
    def mark_stale(self) -> None:
        self._index = None

    def _open_index(self):
        if self._index is None:
            from fashiondesk.core.index.store import open_index
            from fashiondesk.core.vision.spec import shipped_spec

            spec = shipped_spec()
            self._index = open_index(self._catalogue, spec.version, spec.embedding_dim, save=False)
        return self._index

    @Slot(int, object, int)
    def search(self, request_id: int, images: list[str], k: int) -> None:
        try:
            hits = services.similar(
                self._catalogue, images, k, index=self._open_index(), load_embedder=self._loaded_embedder
            )
        except services.UserError as exc:
            self.failed.emit(request_id, str(exc))
        except Exception as exc:
            self.failed.emit(request_id, _readable(exc))
        else:
            self.results.emit(request_id, hits)

    def _loaded_embedder(self):
        if self._embedder is None:
            from fashiondesk.core.vision.runtime import Embedder

            self._embedder = Embedder.load()
        return self._embedder


class TaskWorker(QObject):
    """Runs one plain function (an export, say) and reports its result or its error."""

    finished = Signal(int, object)  # task id, result
    failed = Signal(int, str)  # task id, message

    def __init__(self, task_id: int, fn, *args):
        super().__init__()
        self._id, self._fn, self._args = task_id, fn, args

    @Slot()
    def run(self) -> None:
        try:
            result = self._fn(*self._args)
        except services.UserError as exc:
            self.failed.emit(self._id, str(exc))
        except Exception as exc:
            log.exception("task %s failed", getattr(self._fn, "__name__", self._fn))
            self.failed.emit(self._id, _readable(exc))
        else:
            self.finished.emit(self._id, result)


class Tasks(QObject):
    """One-off jobs (an export, say), each on its own thread until it ends.

    Results arrive in this object's slots, on the GUI thread; ``done`` runs there too.
    """

    failed = Signal(str)

    def __init__(self, parent=None):
        super().__init__(parent)
        self._running: dict[int, tuple[QThread, TaskWorker, object]] = {}
        self._next_id = 0

    def run(self, fn, *args, done=None, error=None) -> None:
        """Run ``fn(*args)`` on its own thread; ``done(result)`` or ``error(message)`` (by
        default the ``failed`` signal) is then called on the GUI thread."""
        self._next_id += 1
        worker = TaskWorker(self._next_id, fn, *args)
        thread = start_in_thread(worker, "task")
        self._running[self._next_id] = (thread, worker, (done, error))
        worker.finished.connect(self._finished)
        worker.failed.connect(self._failed)
        QMetaObject.invokeMethod(worker, "run", Qt.ConnectionType.QueuedConnection)

    @Slot(int, object)
    def _finished(self, task_id: int, result) -> None:
        thread, _worker, (done, _error) = self._running.pop(task_id)
        stop_thread(thread)
        if done is not None:
            done(result)

    @Slot(int, str)
    def _failed(self, task_id: int, message: str) -> None:
        thread, _worker, (_done, error) = self._running.pop(task_id)
        stop_thread(thread)
        if error is not None:
            error(message)
        else:
            self.failed.emit(message)

    def stop_all(self) -> None:
        for thread, _worker, _done in list(self._running.values()):
            stop_thread(thread)


def _readable(exc: BaseException) -> str:
    if isinstance(exc, OSError) and exc.strerror:
        return f"{exc.strerror}: {exc.filename}" if exc.filename else exc.strerror
    return str(exc) or type(exc).__name__
