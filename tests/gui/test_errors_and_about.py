"""Errors leave a trace: the window's messages say where the log is, Help → About says what a
shop needs to ask for help, and the window's tag edits name tags as the command line does
(issue 12, items 1 and 4)."""

from importlib.metadata import version

import pytest
from PySide6.QtWidgets import QMessageBox
from sqlalchemy import select

from fashiondesk.core import logs, services
from fashiondesk.core.catalogue.models import CUSTOM, Tag
from fashiondesk.gui.jobs import log_hint


@pytest.fixture
def log_file():
    path = logs.setup()
    assert path is not None
    return path


def test_a_failed_index_run_is_logged_and_the_message_says_where(qtbot, window, log_file, messages, monkeypatch):
    def broken(*_args, **_kwargs):
        raise RuntimeError("the model file is damaged")

    monkeypatch.setattr(services, "index", broken)
    with qtbot.waitSignal(window.index_finished, timeout=10_000) as ended:
        window.start_indexing()
    assert ended.args[0] is None
    assert messages == ["Indexing stopped: the model file is damaged" + log_hint()]
    assert messages[0].endswith("(details in ~/.local/state/fashiondesk/log/fashiondesk.log)")
    text = log_file.read_text(encoding="utf-8")
    assert "Traceback" in text and "RuntimeError: the model file is damaged" in text


def test_a_failed_task_is_logged_and_the_message_says_where(qtbot, window, log_file, messages, tmp_path):
    target = tmp_path / "no such folder" / "export.csv"
    window.export_to(str(target))
    qtbot.waitUntil(lambda: bool(messages), timeout=10_000)
    assert messages[0].endswith(log_hint()) and log_hint()
    assert str(target.parent) in log_file.read_text(encoding="utf-8")


def test_a_failed_tag_edit_is_logged_and_shown(qtbot, window, log_file, messages, monkeypatch):
    def locked(*_args):
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(services, "snapshot", locked)
    window.tag_edits.apply("add the tag sale", [1], services.add_custom_tag, [1], "sale")
    assert messages == ["Input/output error" + log_hint()]
    assert "add the tag sale failed" in log_file.read_text(encoding="utf-8")


def test_about_names_version_catalogue_model_and_log(qtbot, window, catalogue, log_file, monkeypatch):
    shown = []
    monkeypatch.setattr(QMessageBox, "about", lambda _parent, title, text: shown.append((title, text)))
    help_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Help")
    assert window.about_action in help_menu.actions()
    window.about_action.trigger()
    [(title, text)] = shown
    assert title == "About fashiondesk"
    for fact in (version("fashiondesk"), catalogue.location, services.model_version(), str(log_file)):
        assert fact in text


def test_the_window_starts_the_log(qtbot, qapp, tmp_path, monkeypatch):
    """`fashiondesk` opens the window with its log file set up, as the commands have theirs."""
    from PySide6.QtCore import QTimer

    from fashiondesk.gui import app
    from fashiondesk.gui.settings import open_settings

    monkeypatch.setattr(app, "open_settings", lambda: open_settings(tmp_path / "s.ini"))
    QTimer.singleShot(200, lambda: [w.close() for w in qapp.topLevelWidgets() if w.isVisible()])
    assert app.run(str(tmp_path / "c.db")) == 0
    text = logs.log_path().read_text(encoding="utf-8")
    assert "window starting" in text


def test_the_window_and_the_command_line_name_tags_alike(qtbot, window, catalogue, embedder, sample_photos):
    folder = sample_photos(2)
    services.add_folders(catalogue, [str(folder)])
    services.index(catalogue, embedder=embedder)
    window.refresh()
    qtbot.waitUntil(lambda: window.model.rowCount() == 2)
    by_window, by_cli = window.model.rows()

    for name in ("Été", "été", " ÉTÉ "):  # the window: one tag
        window.grid.select_photo(by_window.id)
        window.detail.add_tag.emit(by_window.id, name)
    services.tag(catalogue, [by_cli.path], add=["Été", "été", " ÉTÉ "])  # the command line: one tag
    window.grid.select_photo(by_cli.id)
    window.detail.add_tag.emit(by_cli.id, "ÉTÉ")  # the window, on the command line's tag: still one

    with catalogue.sessions() as session:
        names = {pid: sorted(n for p, n in session.execute(select(Tag.photo_id, Tag.name).where(Tag.kind == CUSTOM))
                             if p == pid) for pid in (by_window.id, by_cli.id)}
    assert names == {by_window.id: ["Été"], by_cli.id: ["Été"]}
    assert services.tag(catalogue, [by_window.path], remove=["ÉTÉ"]) == 1  # and the CLI removes the window's
