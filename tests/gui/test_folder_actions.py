"""Folders that are not there are shown so, and can be relocated or removed (issue 11, item 1)."""

import os
import shutil

from PySide6.QtWidgets import QApplication
from sqlalchemy import select

from fashiondesk.core import services
from fashiondesk.core.catalogue import edits
from fashiondesk.core.catalogue.models import MANUAL, Photo, Tag
from fashiondesk.core.catalogue.queries import ALL, FOLDER
from fashiondesk.gui import dialogs
from fashiondesk.gui.sidebar import NOT_FOUND, KeyRole


def _build(catalogue, embedder, window, *folders):
    services.add_folders(catalogue, [str(f) for f in folders])
    services.index(catalogue, embedder=embedder)
    window.refresh()
    window.folder_actions.reload()


def _photos(catalogue, folder):
    with catalogue.sessions() as session:
        return list(session.scalars(select(Photo.id).where(Photo.path.startswith(str(folder) + os.sep))))


def _tagged(catalogue, name):
    with catalogue.sessions() as session:
        return list(session.scalars(select(Photo.path).join(Tag, Tag.photo_id == Photo.id).where(Tag.name == name)))


def _folder_item(window, folder):
    for item in window.sidebar.folder_items():
        if item.toolTip(0).startswith(str(folder)):
            return item
    return None


def _menu_texts(window, folder_id):
    menu = window.folder_actions.menu_for(folder_id, "")
    try:
        return [a.text() for a in menu.actions()], {a.text(): a for a in menu.actions()}
    finally:
        menu.deleteLater()


def _wait_for_folders(qtbot, window, n):
    qtbot.waitUntil(lambda: window.sidebar.counts is not None and len(window.sidebar.counts.folders) == n
                    and len(window.folder_actions.infos) == n)


def test_a_folder_that_is_not_there_is_shown_with_its_fixes(qtbot, window, catalogue, embedder, sample_photos,
                                                             tmp_path):
    here = sample_photos(3, tmp_path / "here")
    away = sample_photos(2, tmp_path / "summer")
    _build(catalogue, embedder, window, here, away)
    _wait_for_folders(qtbot, window, 2)
    assert not window.folder_actions.notice.isVisible()
    shutil.move(away, tmp_path / "elsewhere")  # renamed, or a drive unplugged

    window.folder_actions.reload()
    qtbot.waitUntil(lambda: _folder_item(window, away).text(1) == NOT_FOUND)
    item = _folder_item(window, away)
    assert item.text(0) == "summer" and item.font(0).italic()
    assert "not there" in item.toolTip(0) and "Relocate…" in item.toolTip(0)
    assert "2 photos and their tags are kept" in item.toolTip(0)
    present = _folder_item(window, here)
    assert present.text(1) == "3" and not present.font(0).italic()
    assert window.folder_actions.notice.isVisible()
    assert window.folder_actions.notice.text() == "Folder not found: summer"

    away_id = item.data(0, KeyRole)[2]
    here_id = present.data(0, KeyRole)[2]
    assert _menu_texts(window, away_id)[0] == ["Relocate…", "Remove from catalogue…"]
    assert _menu_texts(window, here_id)[0] == ["Remove from catalogue…"]
    notice = window.folder_actions.notice_menu()
    assert [a.text() for a in notice.actions()] == ["Relocate…", "Remove from catalogue…"]
    notice.deleteLater()

    # A right click on a folder asks for its menu; anywhere else, nothing.
    rect = window.sidebar.visualItemRect(item)
    with qtbot.waitSignal(window.sidebar.folder_menu_requested) as blocker:
        window.sidebar.customContextMenuRequested.emit(rect.center())
    assert blocker.args[:2] == [away_id, str(away)]
    popup = QApplication.activePopupWidget()
    if popup is not None:
        popup.close()

    # An index run reports it too, and the folder stays marked.
    with qtbot.waitSignal(window.index_finished, timeout=120_000) as run:
        window.start_indexing()
    assert run.args[0].unavailable == [str(away)]
    assert "not found: " + str(away) in window.statusBar().currentMessage()
    qtbot.waitUntil(lambda: window.sidebar.is_absent(away_id))


def test_relocate_moves_the_photos_and_they_keep_their_tags(qtbot, window, catalogue, embedder, sample_photos,
                                                            tmp_path, monkeypatch):
    old = sample_photos(3, tmp_path / "drive" / "spring")
    _build(catalogue, embedder, window, old)
    ids = _photos(catalogue, old)
    edits.add_custom_tag(catalogue, ids[:2], "window display")
    new = tmp_path / "new drive" / "spring 2025"
    new.parent.mkdir()
    shutil.move(old, new)
    window.folder_actions.reload()
    _wait_for_folders(qtbot, window, 1)
    qtbot.waitUntil(lambda: bool(window.folder_actions.absent()))
    folder_id = window.folder_actions.absent()[0].id

    asked = []
    monkeypatch.setattr(dialogs, "choose_folder", lambda _parent, caption, start: asked.append((caption, start)) or "")
    _menu_texts(window, folder_id)[1]["Relocate…"].trigger()
    assert asked == [("Where is “spring” now?", str(tmp_path / "drive"))]  # the old folder's parent
    assert _photos(catalogue, new) == []  # cancelled: nothing changed

    shutil.rmtree(tmp_path / "drive")  # the old parent is gone too: start from what is there
    monkeypatch.setattr(dialogs, "choose_folder",
                        lambda _parent, caption, start: asked.append((caption, start)) or str(new))
    with qtbot.waitSignal(window.index_finished, timeout=120_000) as run:
        _menu_texts(window, folder_id)[1]["Relocate…"].trigger()
    assert asked[-1][1] == str(tmp_path)
    summary = run.args[0]
    assert summary.unavailable == [] and summary.missing == 0 and not summary.failed
    assert sorted(_photos(catalogue, new)) == sorted(ids)  # the same photos, now at the new place
    tagged = _tagged(catalogue, "window display")
    assert len(tagged) == 2 and all(p.startswith(str(new) + os.sep) for p in tagged)
    qtbot.waitUntil(lambda: not window.folder_actions.absent() and not window.folder_actions.notice.isVisible())
    qtbot.waitUntil(lambda: _folder_item(window, new) is not None and _folder_item(window, new).text(1) == "3")
    qtbot.waitUntil(lambda: window.model.rowCount() == 3)
    assert all(r.path.startswith(str(new)) for r in window.model.rows())


def test_remove_asks_first_and_says_what_is_forgotten(qtbot, window, catalogue, embedder, sample_photos, tmp_path,
                                                      monkeypatch):
    keep = sample_photos(3, tmp_path / "keep")
    gone = sample_photos(2, tmp_path / "old stock")
    _build(catalogue, embedder, window, keep, gone)
    gone_ids = _photos(catalogue, gone)
    edits.add_custom_tag(catalogue, gone_ids, "sale")  # two staff tags
    edits.set_category(catalogue, gone_ids[0], "skirt")  # and a staff category
    with catalogue.sessions() as session:
        staff = len(list(session.scalars(select(Tag.id).where(Tag.source == MANUAL, Tag.photo_id.in_(gone_ids)))))
    _wait_for_folders(qtbot, window, 2)
    qtbot.waitUntil(lambda: window.model.rowCount() == 5)
    folder_id = _folder_item(window, gone).data(0, KeyRole)[2]
    window.sidebar.select_key(("scope", FOLDER, folder_id))
    qtbot.waitUntil(lambda: window.filter.scope == FOLDER and window.settled() and window.model.rowCount() == 2)
    window.detail.add_tag.emit(window.model.rows()[0].id, "to undo")  # an undo step naming a photo to be forgotten
    assert window.undo_action.isEnabled()

    asked = []
    monkeypatch.setattr(dialogs, "confirm", lambda _parent, title, text, details, action: asked.append(
        (text, details, action)) and False)
    _menu_texts(window, folder_id)[1]["Remove from catalogue…"].trigger()
    qtbot.waitUntil(lambda: len(asked) == 1)
    text, details, action = asked[0]
    assert text == "Remove “old stock” from the catalogue?" and action == "Remove from catalogue"
    assert f"its 2 photos and the {staff + 1} tags and categories staff gave them" in details
    assert "backup of the catalogue is taken first" in details and "not touched" in details
    qtbot.wait(200)
    assert len(services.folders(catalogue)) == 2 and len(_photos(catalogue, gone)) == 2  # cancelled: nothing changed
    assert services.list_backups(catalogue) == []

    monkeypatch.setattr(dialogs, "confirm", lambda *_args: True)
    _menu_texts(window, folder_id)[1]["Remove from catalogue…"].trigger()
    qtbot.waitUntil(lambda: "Removed “old stock”" in window.statusBar().currentMessage(), timeout=20_000)
    assert "2 photos forgotten" in window.statusBar().currentMessage()
    assert [f.path for f in services.folders(catalogue)] == [str(keep)]
    assert _photos(catalogue, gone) == [] and len(_photos(catalogue, keep)) == 3
    assert [b.reason for b in services.list_backups(catalogue)] == ["before-remove-folder"]
    qtbot.waitUntil(lambda: window.filter.scope == ALL and window.settled() and window.model.rowCount() == 3)
    qtbot.waitUntil(lambda: len(window.sidebar.counts.folders) == 1)
    assert not window.undo_action.isEnabled()


def test_folder_changes_wait_for_the_index_run(qtbot, window, catalogue, sample_photos, messages):
    folder = sample_photos(6)
    with qtbot.waitSignal(window.index_finished, timeout=120_000):
        window.add_folders([str(folder)])
        assert window.is_indexing()
        folder_id = services.folders(catalogue)[0].id
        window.folder_actions.ask_remove(folder_id, str(folder))
        window.folder_actions.ask_relocate(folder_id, str(folder))
    assert [m for m in messages if "being indexed" in m] == [
        "The catalogue is being indexed; remove the folder when the run has finished (or cancel it).",
        "The catalogue is being indexed; relocate the folder when the run has finished (or cancel it).",
    ]
    assert len(services.folders(catalogue)) == 1


def test_nearest_existing_folder():
    assert dialogs.nearest_existing("/no/such/place/at/all") == "/"
    assert dialogs.nearest_existing(os.getcwd()) == os.getcwd()


def test_confirm_is_true_only_for_the_named_action(qtbot):
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QMessageBox

    def answer(role):
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            next(b for b in box.buttons() if box.buttonRole(b) == role).click()

    def escape_hatch():  # never let a test hang on a dialog
        box = QApplication.activeModalWidget()
        if box is not None:
            box.reject()

    hatch = QTimer(interval=5000, singleShot=True)
    hatch.timeout.connect(escape_hatch)
    try:
        for role, expected in ((QMessageBox.ButtonRole.AcceptRole, True), (QMessageBox.ButtonRole.RejectRole, False)):
            click = QTimer(interval=50, singleShot=True)
            click.timeout.connect(lambda role=role: answer(role))
            click.start()
            hatch.start()
            assert dialogs.confirm(None, "Remove from catalogue", "Remove it?", "Details", "Remove") is expected
    finally:
        hatch.stop()
    box = dialogs.confirm_box(None, "t", "text", "details", "Remove from catalogue")
    qtbot.addWidget(box)
    assert box.buttonRole(box.defaultButton()) == QMessageBox.ButtonRole.RejectRole  # Cancel
