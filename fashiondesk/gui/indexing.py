"""One indexing run at a time, as a job with progress; a request during a run queues one more."""

from __future__ import annotations

import time
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from fashiondesk.core import services
from fashiondesk.core.progress import CancelToken, Progress
from fashiondesk.gui.i18n import translate
from fashiondesk.gui.jobs import Job, Jobs

PROGRESS_EVERY_S = 0.1  # the status bar needs no more; each report costs the GUI thread a repaint


def index_catalogue(catalogue: services.Catalogue, thumbnail_dir: Path | None, progress, cancel: CancelToken):
    """``services.index`` with its progress thinned out to a few reports a second (and the last)."""
    last = 0.0

    def report(p: Progress) -> None:
        nonlocal last
        now = time.monotonic()
        if now - last >= PROGRESS_EVERY_S or p.done == p.total:
            last = now
            progress(p)

    return services.index(catalogue, report, cancel, thumbnail_dir=thumbnail_dir)


class IndexRunner(QObject):
    started = Signal()
    progress = Signal(object)  # Progress
    ended = Signal(object, str)  # IndexSummary or None, error message or ""

    def __init__(self, catalogue: services.Catalogue, parent=None, thumbnail_dir: Path | None = None):
        super().__init__(parent)
        self._catalogue = catalogue
        self._thumbnail_dir = thumbnail_dir
        self._jobs = Jobs("indexing", threads=1, parent=self)
        self._job: Job | None = None
        self._again = False

    def is_running(self) -> bool:
        return self._job is not None

    def start(self) -> None:
        """Index every folder; during a run, one more run follows it (new folders, say)."""
        if self.is_running():
            self._again = True
            return
        self._job = self._jobs.run(index_catalogue, self._catalogue, self._thumbnail_dir, progress=self.progress.emit,
                                   done=self._finished, error=self._failed)
        self.started.emit()

    def cancel(self) -> None:
        """Stop soon (the run checks between photos); nothing done so far is lost."""
        self._again = False
        if self._job is not None:
            self._job.cancel()

    def stop(self) -> None:
        """Cancel and wait for the run to end: for closing."""
        self._again = False
        self._jobs.stop()
        self._job = None

    def _finished(self, summary) -> None:
        self._end(summary, "")

    def _failed(self, message: str) -> None:
        self._end(None, message)

    def _end(self, summary, message: str) -> None:
        self._job = None
        self.ended.emit(summary, message)
        if self._again:
            self._again = False
            self.start()


def summary_text(summary) -> str:
    parts = [translate("Status", "{n} indexed").format(n=f"{summary.indexed:,}")]
    if summary.unchanged:
        parts.append(translate("Status", "{n} unchanged").format(n=f"{summary.unchanged:,}"))
    if summary.failed:
        parts.append(translate("Status", "{n} could not be read").format(n=f"{len(summary.failed):,}"))
    if summary.missing:
        parts.append(translate("Status", "{n} missing").format(n=f"{summary.missing:,}"))
    if summary.relinked:
        parts.append(translate("Status", "{n} moved").format(n=f"{len(summary.relinked):,}"))
    if summary.retagged:
        parts.append(translate("Status", "{n} tagged again by a newer method").format(n=f"{summary.retagged:,}"))
    if summary.unavailable:
        parts.append(translate("Status", "not found: {folders}").format(folders=", ".join(summary.unavailable)))
    prefix = translate("Status", "Indexing cancelled") if summary.cancelled else translate("Status", "Indexing done")
    return translate("Status", "{what}: {parts}").format(what=prefix, parts=", ".join(parts))
