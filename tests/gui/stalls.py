"""Measuring how long the GUI thread is kept from its event loop."""

from __future__ import annotations

import time

from PySide6.QtCore import QObject, QTimer

TICK_MS = 2


class StallMonitor(QObject):
    """A timer that should fire every 2 ms: each late tick is a stall of the GUI thread."""

    def __init__(self):
        super().__init__()
        self.stalls: list[float] = []
        self._last = None
        self._timer = QTimer(self, interval=TICK_MS)
        self._timer.timeout.connect(self._tick)

    def start(self) -> None:
        self._last = time.perf_counter()
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    def _tick(self) -> None:
        now = time.perf_counter()
        self.stalls.append(now - self._last)
        self._last = now

    def worst(self) -> float:
        return max(self.stalls, default=0.0)
