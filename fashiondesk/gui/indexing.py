"""One indexing run at a time in its own QThread; a request during a run queues one more."""

from __future__ import annotations

from PySide6.QtCore import QMetaObject, QObject, Qt, Signal, Slot

from fashiondesk.core.catalogue.db import Catalogue
from fashiondesk.gui.workers import IndexWorker, start_in_thread, stop_thread


class IndexRunner(QObject):
    started = Signal()
    progress = Signal(object)  # Progress
    ended = Signal(object, str)  # IndexSummary or None, error message or ""

    def __init__(self, catalogue: Catalogue, parent=None):
        super().__init__(parent)
        self._catalogue = catalogue
        self._thread = None
        self._worker: IndexWorker | None = None
        self._again = False

    def is_running(self) -> bool:
        return self._thread is not None

    def start(self) -> None:
        """Index every folder; during a run, one more run follows it (new folders, say)."""
        if self.is_running():
            self._again = True
            return
        worker = IndexWorker(self._catalogue)
        self._worker = worker
        self._thread = start_in_thread(worker, "indexing")
        worker.progress.connect(self.progress)
        # Bound slots of this object (which lives on the GUI thread), never lambdas: a
        # lambda would run on the worker's thread.
        worker.finished.connect(self._finished)
        worker.failed.connect(self._failed)
        QMetaObject.invokeMethod(worker, "run", Qt.ConnectionType.QueuedConnection)
        self.started.emit()

    def cancel(self) -> None:
        """Stop soon (the worker checks between photos); nothing done so far is lost."""
        self._again = False
        if self._worker is not None:
            self._worker.cancel_token.cancel()

    def stop(self) -> None:
        """Cancel and wait for the thread: for closing."""
        self.cancel()
        stop_thread(self._thread)

    @Slot(object)
    def _finished(self, summary) -> None:
        self._end(summary, "")

    @Slot(str)
    def _failed(self, message: str) -> None:
        self._end(None, message)

    def _end(self, summary, message: str) -> None:
        stop_thread(self._thread)
        self._thread = None
        self._worker = None
        self.ended.emit(summary, message)
        if self._again:
            self._again = False
            self.start()


def summary_text(summary) -> str:
    parts = [f"{summary.indexed:,} indexed"]
    if summary.unchanged:
        parts.append(f"{summary.unchanged:,} unchanged")
    if summary.failed:
        parts.append(f"{len(summary.failed):,} could not be read")
    if summary.missing:
        parts.append(f"{summary.missing:,} missing")
    if summary.relinked:
        parts.append(f"{len(summary.relinked):,} moved")
    if summary.unavailable:
        parts.append("not found: " + ", ".join(summary.unavailable))
    prefix = "Indexing cancelled" if summary.cancelled else "Indexing done"
    return f"{prefix}: " + ", ".join(parts)
