"""A progress line on stderr: count, rate and ETA; redrawn in place on a terminal,
printed every few seconds otherwise (logs, CI)."""

from __future__ import annotations

import sys
import time

from fashiondesk.core.progress import Progress


def _clock(seconds: float | None) -> str:
    if seconds is None:
        return "--:--"
    seconds = int(seconds + 0.5)
    h, rest = divmod(seconds, 3600)
    m, s = divmod(rest, 60)
    return f"{h}:{m:02d}:{s:02d}" if h else f"{m:02d}:{s:02d}"


class ProgressBar:
    def __init__(self, stream=None, width: int = 30, interval: float = 5.0):
        self.stream = stream or sys.stderr
        self.width = width
        self.tty = self.stream.isatty()
        self.interval = interval if not self.tty else 0.1
        self._last = 0.0
        self._drawn = False

    def line(self, p: Progress) -> str:
        frac = p.done / p.total if p.total else 1.0
        filled = int(frac * self.width)
        bar = "#" * filled + "-" * (self.width - filled)
        failed = f"  {p.failed} failed" if p.failed else ""
        return f"[{bar}] {p.done}/{p.total}  {p.rate:5.1f} photos/s  ETA {_clock(p.eta)}{failed}"

    def __call__(self, p: Progress) -> None:
        now = time.monotonic()
        if now - self._last < self.interval and p.done < p.total:
            return
        self._last = now
        if self.tty:
            self.stream.write("\r" + self.line(p) + "\x1b[K")
            self._drawn = True
        else:
            self.stream.write(self.line(p) + "\n")
        self.stream.flush()

    def finish(self) -> None:
        if self._drawn:
            self.stream.write("\n")
            self.stream.flush()
            self._drawn = False
