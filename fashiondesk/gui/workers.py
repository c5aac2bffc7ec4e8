"""QThread workers: the window's only way to run anything slow.

Each worker is a QObject moved to its own QThread; requests arrive as queued signals and
results leave as signals, so the GUI thread never waits for the catalogue, the model or
the disk. Only ids, paths and frozen dataclasses cross threads. Every thread started here
is registered in ``running_threads`` so that tests can check none is left behind.
"""

from __future__ import annotations

import time
import weakref
from typing import Sequence

from PySide6.QtCore import QObject, QThread, Signal, Slot

from fashiondesk.core import services
from fashiondesk.core.catalogue.db import Catalogue
from fashiondesk.core.catalogue.queries import GridFilter, grid_rows, sidebar_counts
from fashiondesk.core.progress import CancelToken, Progress

_threads: "weakref.WeakSet[QThread]" = weakref.WeakSet()


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
    """Similar-items searches; the embedder is loaded on first use of an outside photo."""

    results = Signal(int, object)  # request id, list[Hit]
    failed = Signal(int, str)

    def __init__(self, catalogue: Catalogue):
        super().__init__()
        self._catalogue = catalogue
        self._embedder = None

    @Slot(int, object, int)
    def search(self, request_id: int, images: list[str], k: int) -> None:
        try:
            hits = services.similar(self._catalogue, images, k, embedder=self._embedder_for(images))
        except services.UserError as exc:
            self.failed.emit(request_id, str(exc))
        except Exception as exc:
            self.failed.emit(request_id, _readable(exc))
        else:
            self.results.emit(request_id, hits)

    def _embedder_for(self, images: list[str]):
        from fashiondesk.core.index.similar import photo_vectors
        from fashiondesk.core.vision.spec import shipped_spec

        if self._embedder is None and photo_vectors(self._catalogue, shipped_spec().version, images) is None:
            from fashiondesk.core.vision.runtime import Embedder

            self._embedder = Embedder.load()
        return self._embedder


class TaskWorker(QObject):
    """Runs one plain function (an export, say) and reports its result or its error."""

    finished = Signal(object)
    failed = Signal(str)

    def __init__(self, fn, *args):
        super().__init__()
        self._fn, self._args = fn, args

    @Slot()
    def run(self) -> None:
        try:
            result = self._fn(*self._args)
        except services.UserError as exc:
            self.failed.emit(str(exc))
        except Exception as exc:
            self.failed.emit(_readable(exc))
        else:
            self.finished.emit(result)


def _readable(exc: BaseException) -> str:
    if isinstance(exc, OSError) and exc.strerror:
        return f"{exc.strerror}: {exc.filename}" if exc.filename else exc.strerror
    return str(exc) or type(exc).__name__
