"""File → Restore from backup…, and the day's backup when the window opens (issue 11, item 3)."""

from datetime import datetime
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from fashiondesk.core import services
from fashiondesk.core.catalogue.backup import Backup
from fashiondesk.core.catalogue.queries import ALL, TAG
from fashiondesk.gui import backups_dialog, dialogs
from fashiondesk.gui.backups_dialog import EMPTY, BackupsDialog, reason_text, when_long
from fashiondesk.gui.main_window import MainWindow


def _build(catalogue, embedder, folder):
    services.add_folders(catalogue, [str(folder)])
    services.index(catalogue, embedder=embedder)


def _detail_tags(window):
    return [window.detail.tags.item(i).text() for i in range(window.detail.tags.count())]


def test_restore_brings_the_window_back_to_the_backup(qtbot, window, catalogue, embedder, sample_photos, monkeypatch):
    _build(catalogue, embedder, sample_photos(4))
    taken = services.backup_now(catalogue, "daily")
    window.refresh()
    qtbot.waitUntil(lambda: window.model.rowCount() == 4)
    first = window.model.rows()[0].id
    window.grid.select_photo(first)
    window.detail.add_tag.emit(first, "after the backup")
    assert "after the backup" in _detail_tags(window) and window.undo_action.isEnabled()
    qtbot.waitUntil(lambda: ("after the backup", 1) in window.sidebar.counts.tags)
    window.sidebar.select_key(("scope", TAG, "after the backup"))
    qtbot.waitUntil(lambda: window.filter.scope == TAG and window.settled() and window.model.rowCount() == 1)

    offered, questions = [], []

    def choose(_parent, backups):
        offered.extend(backups)
        return next(b for b in backups if b.path == taken)

    monkeypatch.setattr(backups_dialog, "choose_backup", choose)
    monkeypatch.setattr(dialogs, "confirm", lambda _p, _title, text, details, action: questions.append(details) or True)
    with qtbot.waitSignal(window.restorer.restored, timeout=30_000):
        window.restore_action.trigger()
    chosen = next(b for b in offered if b.path == taken)
    assert chosen.reason == "daily" and chosen.photos == 4
    assert questions == [f"The catalogue will go back to how it was on {when_long(chosen.taken)} "
                         f"(4 photos, {chosen.tags} tags). The current state is backed up first: to return to it, "
                         "restore the backup taken “before restoring”."]

    # Everything the window held is dropped: selection, detail, undo, the tag view.
    assert window.detail.photo is None and window.grid.current_photo_id() is None
    assert not window.undo_action.isEnabled()
    qtbot.waitUntil(lambda: window.filter.scope == ALL and window.settled() and window.model.rowCount() == 4)
    qtbot.waitUntil(lambda: window.sidebar.counts is not None and window.sidebar.counts.photos == 4)
    assert "after the backup" not in dict(window.sidebar.counts.tags)
    window.grid.select_photo(window.model.rows()[0].id)
    assert window.detail.photo is not None
    assert "after the backup" not in _detail_tags(window)
    message = window.statusBar().currentMessage()
    assert message.startswith("Restored the catalogue as it was on ") and "-before-restore.db" in message
    assert [b.reason for b in services.list_backups(catalogue)][0] == "before-restore"
    # Similar items still come (the in-memory index was dropped and rebuilt).
    qtbot.waitUntil(lambda: window.detail.similar.count() == 3, timeout=30_000)


def test_restore_cancelled_changes_nothing(qtbot, window, catalogue, embedder, sample_photos, monkeypatch):
    _build(catalogue, embedder, sample_photos(2))
    services.backup_now(catalogue, "daily")
    seen = []
    monkeypatch.setattr(backups_dialog, "choose_backup", lambda _p, backups: seen.append(backups) or backups[0])
    monkeypatch.setattr(dialogs, "confirm", lambda *_args: False)
    window.restore_action.trigger()
    qtbot.waitUntil(lambda: bool(seen))
    qtbot.wait(200)
    assert [b.reason for b in services.list_backups(catalogue)] == ["daily"]  # no "before-restore": no restore
    seen.clear()
    monkeypatch.setattr(backups_dialog, "choose_backup", lambda _p, backups: seen.append(backups) or None)
    window.restore_action.trigger()
    qtbot.waitUntil(lambda: bool(seen))
    assert [b.reason for b in services.list_backups(catalogue)] == ["daily"]


def test_restore_is_refused_while_indexing(qtbot, window, sample_photos, messages, monkeypatch):
    monkeypatch.setattr(backups_dialog, "choose_backup", lambda *_a: (_ for _ in ()).throw(AssertionError("asked")))
    with qtbot.waitSignal(window.index_finished, timeout=120_000):
        window.add_folders([str(sample_photos(6))])
        assert not window.restore_action.isEnabled()
        window.restorer.start()
    assert messages == [backups_dialog.WHILE_INDEXING]
    assert window.restore_action.isEnabled()


def test_the_dialog_lists_backups_in_plain_words(qtbot):
    backups = [
        Backup(Path("/b/3.db"), datetime(2025, 3, 14, 9, 5), "before-restore", 1200, 5400),
        Backup(Path("/b/2.db"), datetime(2025, 3, 13, 18, 30), "before-remove-folder", 1250, 5500),
        Backup(Path("/b/1.db"), datetime(2025, 3, 12, 8, 0), "daily", None, None),
    ]
    dialog = BackupsDialog(backups)
    qtbot.addWidget(dialog)
    rows = [[dialog.list.topLevelItem(r).text(c) for c in range(4)] for r in range(3)]
    assert [r[1] for r in rows] == ["before restoring", "before removing a folder", "daily"]
    assert rows[1][2:] == ["1,250", "5,500"] and rows[2][2:] == ["—", "—"]
    assert rows[0][0] and rows[0][0] != rows[1][0]  # the locale's date and time
    assert dialog.chosen() is backups[0] and dialog.restore_button.isEnabled()
    unreadable = dialog.list.topLevelItem(2)
    assert not unreadable.flags() & Qt.ItemFlag.ItemIsSelectable and "cannot be read" in unreadable.toolTip(0)
    dialog.list.setCurrentItem(dialog.list.topLevelItem(1))
    assert dialog.chosen() is backups[1]
    assert reason_text("before-something-new") == "before something new"

    empty = BackupsDialog([])
    qtbot.addWidget(empty)
    assert empty.intro.text() == EMPTY == "No backups yet: one is taken each day the catalogue changes."
    assert not empty.restore_button.isVisibleTo(empty) and empty.chosen() is None
    empty.show()
    empty.buttons.rejected.emit()
    assert empty.result() == QDialog.DialogCode.Rejected


def test_the_days_backup_is_taken_at_start(qtbot, catalogue, embedder, settings, sample_photos, tmp_path):
    _build(catalogue, embedder, sample_photos(2))
    win = MainWindow(catalogue, settings, tmp_path / "thumbs")
    qtbot.addWidget(win)
    try:
        qtbot.waitUntil(lambda: [b.reason for b in services.list_backups(catalogue)] == ["daily"], timeout=10_000)
    finally:
        win.shutdown()


def test_a_failed_start_up_backup_is_a_status_bar_warning(qtbot, catalogue, settings, tmp_path, messages, monkeypatch):
    def fail(_catalogue):
        raise services.UserError("cannot back up the catalogue to /full/disk: disk full")

    monkeypatch.setattr(services, "daily_backup", fail)
    win = MainWindow(catalogue, settings, tmp_path / "thumbs")
    qtbot.addWidget(win)
    win.show()
    try:
        qtbot.waitUntil(lambda: "No backup of the catalogue today" in win.statusBar().currentMessage())
        assert "disk full" in win.statusBar().currentMessage()
        assert messages == []  # no dialog
    finally:
        win.shutdown()
