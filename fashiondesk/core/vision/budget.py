"""A memory budget that decodes on several threads share.

Each decode holds its estimated need (``imageload.decode_need``) while it runs, so four
huge images queued at once decode one after another instead of together.
"""

from __future__ import annotations

import threading
from collections import deque
from contextlib import contextmanager
from typing import Iterator


class DecodeBudget:
    """Bytes that decodes on several threads may hold at once.

    A decode waits until its need fits beside the others'; one needing more than the whole
    budget waits until it can run alone. Decodes are let in in the order they asked, so a
    big one is not starved by a stream of small ones.
    """

    def __init__(self, capacity: int):
        self.capacity = capacity
        self.in_use = 0
        self.most_at_once = 0  # the most decodes that held part of the budget together
        self._holders = 0
        self._queue: deque[object] = deque()
        self._changed = threading.Condition()

    @contextmanager
    def hold(self, nbytes: int) -> Iterator[None]:
        take = max(0, min(nbytes, self.capacity))
        ticket = object()
        with self._changed:
            self._queue.append(ticket)
            try:
                while self._queue[0] is not ticket or (self._holders and self.in_use + take > self.capacity):
                    self._changed.wait()
            finally:
                self._queue.remove(ticket)
                self._changed.notify_all()  # the next in line may fit too (or go first, if we gave up)
            self.in_use += take
            self._holders += 1
            self.most_at_once = max(self.most_at_once, self._holders)
        try:
            yield
        finally:
            with self._changed:
                self.in_use -= take
                self._holders -= 1
                self._changed.notify_all()
