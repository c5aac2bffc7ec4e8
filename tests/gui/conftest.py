import gc
import time

import pytest

pytest.importorskip("PySide6")

from PySide6.QtCore import QThread, QThreadPool  # noqa: E402
from PySide6.QtWidgets import QMessageBox  # noqa: E402

from fashiondesk.core import logs  # noqa: E402
from fashiondesk.gui.app import collect_on_gui_thread, open_settings  # noqa: E402
from fashiondesk.gui.main_window import MainWindow  # noqa: E402


@pytest.fixture(scope="package", autouse=True)
def gui_thread_gc(qapp):
    """As in the window: cyclic garbage collection only on the GUI thread, so a window of an
    earlier test caught in a cycle is never destroyed on a worker thread."""
    collector = collect_on_gui_thread(qapp)
    yield
    collector.stop()  # the tests after these do not turn Qt's event loop



@pytest.fixture(autouse=True)
def no_dangling_threads(qapp, monkeypatch):
    """Fail a test that leaves a QThread running or a thread pool busy (napari's fixture).

    ``QThread.start`` and ``QThreadPool.start``/``tryStart`` are watched for the test's
    length, so whatever the test or the code it drives starts is seen, with no hook in the
    production code. Work still ending gets five seconds, events processed meanwhile.
    """
    threads: dict[int, QThread] = {}
    pools: dict[int, QThreadPool] = {}

    def watch(cls, name, seen):
        original = getattr(cls, name)

        def start(self, *args, **kwargs):
            seen.setdefault(id(self), self)
            return original(self, *args, **kwargs)

        monkeypatch.setattr(cls, name, start)

    watch(QThread, "start", threads)
    watch(QThreadPool, "start", pools)
    watch(QThreadPool, "tryStart", pools)
    yield

    def still_running() -> list[str]:
        found = []
        for thread in threads.values():
            try:
                if thread.isRunning():
                    found.append(f"QThread {thread.objectName()!r}")
            except RuntimeError:  # deleted, so stopped
                pass
        for pool in pools.values():
            try:
                if pool.activeThreadCount():
                    found.append(f"thread pool {pool.objectName()!r}")
            except RuntimeError:
                pass
        return found

    deadline = time.monotonic() + 5
    while still_running() and time.monotonic() < deadline:
        qapp.processEvents()
        time.sleep(0.01)
    left = still_running()
    gc.collect()  # the test's windows go now, on the GUI thread, with nothing else running
    assert not left, f"left running: {left}"


@pytest.fixture(autouse=True)
def own_log_handlers():
    """A test that sets up the log file (the window's start does) leaves no handler behind."""
    before = list(logs.log.handlers)
    level = logs.log.level
    yield
    for handler in logs.log.handlers[:]:
        if handler not in before:
            logs.log.removeHandler(handler)
            handler.close()
    logs.log.setLevel(level)


@pytest.fixture(autouse=True)
def messages(monkeypatch):
    """Warnings the window would show in a dialog, recorded instead of blocking the test."""
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text, *a, **k: shown.append(text))
    return shown


@pytest.fixture
def settings(tmp_path):
    return open_settings(tmp_path / "settings.ini")


@pytest.fixture
def window(qtbot, catalogue, settings, tmp_path):
    win = MainWindow(catalogue, settings, tmp_path / "thumbs")
    qtbot.addWidget(win)
    win.resize(1200, 800)
    win.show()
    yield win
    win.shutdown()
