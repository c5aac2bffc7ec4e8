"""Starting the window: the log, the application object, settings, the catalogue, the first scan."""

from __future__ import annotations

import gc
import logging
import sys
from typing import Sequence

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from fashiondesk.gui.settings import SETTINGS_VERSION, open_settings, settings_path  # noqa: F401 - their old home

log = logging.getLogger("fashiondesk.gui")


def application() -> QApplication:
    # Workers run Python too (SQLAlchemy, numpy glue). A shorter GIL switch interval than
    # the default 5 ms lets the GUI thread in sooner, so painting never queues behind them.
    sys.setswitchinterval(0.001)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("fashiondesk")
    app.setApplicationDisplayName("fashiondesk")
    return app


def quiet_gc() -> None:
    """Move everything alive after start-up out of the garbage collector's reach.

    A full collection walks every tracked object in the process (Qt wrappers, SQLAlchemy,
    numpy: a few hundred thousand after start-up) and holds the GIL while it does, which
    froze the window for 30-40 ms whenever a worker thread's allocations triggered one
    (benchmarks/gui_latency.py). Frozen objects are never walked again.
    """
    gc.collect()
    gc.freeze()


class GuiThreadCollector(QObject):
    """Python's cyclic garbage collection, run only on the GUI thread (pyqtgraph's
    ``GarbageCollector``, for the same reason).

    Left automatic, a collection runs on whichever thread happens to allocate past the
    threshold: a decoding or writing thread of an index run, say. A window, a panel or a job
    runner caught in a reference cycle (a slot that is a lambda over ``self``) was then
    destroyed there, its Qt objects deleted from a thread that is not theirs while the GUI
    thread delivered their events: a segmentation fault (seen in the test suite, 1 run in
    10; gdb showed ~QObject on an "indexing" thread against QObject::event on the GUI
    thread). So automatic collection is switched off and this timer does it, by the same
    thresholds, between events on the GUI thread.
    """

    def __init__(self, interval_ms: int = 50, parent: QObject | None = None):
        super().__init__(parent)
        self._thresholds = gc.get_threshold()
        gc.disable()
        self._timer = QTimer(self, interval=interval_ms)
        self._timer.timeout.connect(self.check)
        self._timer.start()

    def check(self) -> None:
        counts = gc.get_count()
        for generation in range(3):
            if counts[generation] <= self._thresholds[generation]:
                break
            gc.collect(generation)

    def stop(self) -> None:
        """Automatic collection again (for tests that go on without an event loop)."""
        global _collector
        self._timer.stop()
        gc.enable()
        if _collector is self:
            _collector = None


_collector: GuiThreadCollector | None = None


def collect_on_gui_thread(app: QApplication) -> GuiThreadCollector:
    """Install the GUI-thread collector once per application (see ``GuiThreadCollector``)."""
    global _collector
    if _collector is None:
        _collector = GuiThreadCollector(parent=app)
    return _collector


def log_uncaught() -> None:
    """An exception that escapes a slot or an event handler goes to the log too (with its
    traceback), then to the hook that was there (Qt's: printed on stderr)."""
    global _hooked
    if _hooked:
        return
    previous = sys.excepthook

    def hook(kind, value, tb):
        if not issubclass(kind, KeyboardInterrupt):
            log.error("uncaught exception in the window", exc_info=(kind, value, tb))
        previous(kind, value, tb)

    sys.excepthook = hook
    _hooked = True


_hooked = False


def run(db: str | None = None, folders: Sequence[str] = (), verbose: bool = False) -> int:
    """Open the window on the catalogue; folders given are added and indexed at once."""
    from fashiondesk.core import logs, services
    from fashiondesk.gui import i18n
    from fashiondesk.gui.i18n import translate
    from fashiondesk.gui.jobs import log_hint
    from fashiondesk.gui.main_window import MainWindow

    logs.setup(verbose)
    log_uncaught()
    log.info("window starting (catalogue %s)", db or "default")
    app = application()
    collect_on_gui_thread(app)
    settings = open_settings()
    language = i18n.chosen(settings)
    if not i18n.install(app, language):
        log.warning("no translation for %s: the window speaks English", language)
    try:
        catalogue = services.open_catalogue(db)
    except Exception as exc:  # a catalogue from a newer release, a read-only disk, ...
        log.exception("the catalogue could not be opened")
        where = db or services.resolve_url(None, check=False).removeprefix("sqlite:///")
        said = services.explain(exc, str(where)) or str(exc)
        QMessageBox.critical(None, "fashiondesk", translate("Errors", "The catalogue could not be opened:\n{why}").format(
            why=said) + log_hint())
        return 1
    try:
        window = MainWindow(catalogue, settings)
        window.show()
        quiet_gc()
        if folders:
            window.add_folders(list(folders))
        else:
            window.finish_interrupted_indexing()
        return app.exec()
    finally:
        catalogue.close()
