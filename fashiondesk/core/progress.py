"""What long-running core functions share with their callers: progress and cancellation."""

from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import Callable


class CancelToken:
    """Set from any thread; long work checks it between small steps."""

    def __init__(self) -> None:
        self._event = threading.Event()

    def cancel(self) -> None:
        self._event.set()

    @property
    def cancelled(self) -> bool:
        return self._event.is_set()


@dataclass(frozen=True)
class Progress:
    done: int
    total: int
    failed: int
    elapsed: float  # seconds since the work started
    current: str = ""

    @property
    def rate(self) -> float:
        return self.done / self.elapsed if self.elapsed > 0 else 0.0

    @property
    def eta(self) -> float | None:
        rate = self.rate
        return (self.total - self.done) / rate if rate > 0 else None


ProgressCallback = Callable[[Progress], None]


def no_progress(_progress: Progress) -> None:
    pass
