import pytest

pytest.importorskip("PySide6")

from PySide6.QtWidgets import QMessageBox  # noqa: E402

from fashiondesk.gui.app import open_settings  # noqa: E402
from fashiondesk.gui.main_window import MainWindow  # noqa: E402
from fashiondesk.gui.workers import running_threads  # noqa: E402


@pytest.fixture(autouse=True)
def no_dangling_threads(qapp):
    yield
    for _ in range(50):
        if not running_threads():
            break
        qapp.processEvents()
        running_threads()[0].wait(100) if running_threads() else None
    assert not running_threads(), f"QThreads left running: {[t.objectName() for t in running_threads()]}"


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
