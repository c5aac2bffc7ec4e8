"""A scripted session on a large catalogue: filters, searches, scrolling, selections.

Shared by tests/gui/test_responsiveness.py and benchmarks/gui_latency.py. Each step is
timed on the GUI thread from its start until its result is on screen; the stall monitor
records the longest time the event loop was blocked during the whole session.
"""

from __future__ import annotations

import statistics
import time

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from fashiondesk.core.catalogue.queries import REVIEW
from tests.gui.stalls import StallMonitor


def wait_until(condition, timeout=30.0):
    app = QApplication.instance()
    end = time.perf_counter() + timeout
    while not condition():
        if time.perf_counter() > end:
            raise TimeoutError("the window did not settle")
        app.processEvents()
        time.sleep(0.001)


def run_session(window, rounds: int = 3) -> dict:
    app = QApplication.instance()
    monitor = StallMonitor()
    timings: dict[str, list[float]] = {"filter": [], "search": [], "scope": [], "select": [], "scroll": []}

    stall_by_step: dict[str, float] = {}

    def timed(name, action, until):
        before = len(monitor.stalls)
        start = time.perf_counter()
        action()
        wait_until(until)
        app.processEvents()
        timings[name].append(time.perf_counter() - start)
        stall_by_step[name] = max([stall_by_step.get(name, 0.0), *monitor.stalls[before:]])

    monitor.start()
    for _ in range(rounds):
        for category in ("dress", "shoes", None):
            timed("filter", lambda: window.filters.set_category(category),
                  lambda: window.filter.category == category and _shown(window))
        for text in ("collection 1", "photo-0123", ""):
            timed("search", lambda: (window.filters.search.setText(text), window.filters._emit()),
                  lambda: window.filter.text == text and _shown(window))
        for key in (("scope", REVIEW, None), ("scope", "all", None)):
            timed("scope", lambda: window.sidebar.select_key(key),
                  lambda: window.filter.scope == key[1] and _shown(window))
        for step in range(10):
            timed("select", lambda: QTest.keyClick(window.grid, Qt.Key.Key_Right), lambda: True)
        bar = window.grid.verticalScrollBar()
        for value in range(0, bar.maximum(), max(1, bar.maximum() // 20)):
            timed("scroll", lambda: (bar.setValue(value), window.grid.viewport().repaint()), lambda: True)
    monitor.stop()
    return {
        "median_ms": {k: round(statistics.median(v) * 1000, 1) for k, v in timings.items() if v},
        "max_ms": {k: round(max(v) * 1000, 1) for k, v in timings.items() if v},
        "worst_stall_ms": round(monitor.worst() * 1000, 1),
        "stalls_over_50ms": sum(1 for x in monitor.stalls if x > 0.050),
        "p99_stall_ms": round(sorted(monitor.stalls)[int(0.99 * (len(monitor.stalls) - 1))] * 1000, 1),
        "worst_stall_ms_by_step": {k: round(v * 1000, 1) for k, v in stall_by_step.items()},
    }


def _shown(window) -> bool:
    return window.settled()
