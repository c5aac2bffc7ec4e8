"""Review → Find duplicates… (issue 21): groups with the one to keep, shown in the grid, the others tagged."""

from __future__ import annotations

import shutil

from PySide6.QtWidgets import QInputDialog

from fashiondesk.core import services
from fashiondesk.gui.duplicates import DuplicatesDialog, IdsRole
from fashiondesk.gui.grid import PhotoIdRole
from tests import alterations


def _shop(qtbot, window, catalogue, embedder, sample_photos):
    folder = sample_photos(4)
    first = sorted(folder.iterdir())[0]
    alterations.save(first, folder / "web copy.jpg", "half size")
    shutil.copy(first, folder / "same bytes.jpg")
    services.add_folders(catalogue, [str(folder)])
    services.index(catalogue, embedder=embedder)
    window.refresh()
    qtbot.waitUntil(lambda: window.settled() and window.model.rowCount() == 6)
    return first


def test_groups_are_listed_with_the_one_to_keep_and_the_others_can_be_tagged(
        qtbot, window, catalogue, embedder, sample_photos, monkeypatch):
    original = _shop(qtbot, window, catalogue, embedder, sample_photos)
    window.find_duplicates()
    dialog = window.findChild(DuplicatesDialog)
    qtbot.waitUntil(lambda: dialog.tree.topLevelItemCount() == 1, timeout=20_000)
    group = dialog.tree.topLevelItem(0)
    rows = [[group.child(i).text(c) for c in range(2)] for i in range(group.childCount())]
    assert sorted(name for name, _ in rows) == sorted([original.name, "web copy.jpg", "same bytes.jpg"])
    assert [name for name, keep in rows if keep] == [rows[0][0]]  # the one to keep, listed first
    assert "web copy.jpg" not in rows[0][0]  # the half-size copy is never the one to keep
    assert "altered" in group.text(0)

    dialog.show_in_grid()
    ids = group.data(0, IdsRole)
    qtbot.waitUntil(lambda: [window.model.index(r).data(PhotoIdRole) for r in range(window.model.rowCount())] == ids)

    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("second copy", True))
    dialog.tag_others()
    tagged = {p.path.rsplit("/", 1)[1] for p in catalogue_photos(catalogue) if "second copy" in p.tags}
    assert tagged == {name for name, keep in rows if not keep}
    qtbot.waitUntil(lambda: window.settled())
    assert window.sidebar.selected_key() is None  # the grid still shows the group: no sidebar entry claims it
    assert window.model.rowCount() == len(ids)
    window.undo()
    assert not any("second copy" in p.tags for p in catalogue_photos(catalogue))
    dialog.close()


def test_nothing_is_written_until_staff_choose(qtbot, window, catalogue, embedder, sample_photos, monkeypatch):
    _shop(qtbot, window, catalogue, embedder, sample_photos)
    window.find_duplicates()
    dialog = window.findChild(DuplicatesDialog)
    qtbot.waitUntil(lambda: dialog.tree.topLevelItemCount() == 1, timeout=20_000)
    dialog.near.setChecked(False)  # searches started one after another: the latest answers, once
    dialog.near.setChecked(True)
    qtbot.waitUntil(lambda: dialog._found is not None, timeout=20_000)
    qtbot.wait(300)
    assert dialog.tree.topLevelItemCount() == 1
    dialog.similar.setChecked(True)  # another search: similar photos too
    qtbot.waitUntil(lambda: dialog.tree.topLevelItemCount() >= 1 and dialog._found is not None, timeout=20_000)
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("", False))  # cancelled
    dialog.tag_others()
    assert not any(p.tags for p in catalogue_photos(catalogue))
    dialog.close()


def catalogue_photos(catalogue):
    """(path, staff tag names) of every photo."""
    from sqlalchemy import select

    from fashiondesk.core.catalogue.models import Photo, Tag

    with catalogue.sessions() as session:
        rows = session.execute(select(Photo.path, Tag.name).outerjoin(
            Tag, (Tag.photo_id == Photo.id) & (Tag.source == "manual"))).all()
    out: dict[str, list[str]] = {}
    for path, name in rows:
        out.setdefault(path, [])
        if name:
            out[path].append(name)
    return [_Row(path, names) for path, names in out.items()]


class _Row:
    def __init__(self, path, tags):
        self.path, self.tags = path, tags



def test_staff_choose_the_one_to_keep_and_enter_never_asks_again(
        qtbot, window, catalogue, embedder, sample_photos, monkeypatch):
    original = _shop(qtbot, window, catalogue, embedder, sample_photos)
    window.find_duplicates()
    window.find_duplicates()  # asked again: the same list comes to the front
    dialogs = window.findChildren(DuplicatesDialog)
    assert len(dialogs) == 1
    dialog = dialogs[0]
    qtbot.waitUntil(lambda: dialog.tree.topLevelItemCount() == 1, timeout=20_000)
    assert not any(b.autoDefault() or b.isDefault() for b in (dialog.keep_button, dialog.show_button, dialog.tag_button))
    group = dialog.tree.topLevelItem(0)
    web = next(group.child(i) for i in range(group.childCount()) if group.child(i).text(0) == "web copy.jpg")
    dialog.tree.setCurrentItem(web)
    assert dialog.keep_button.isEnabled()
    dialog.keep_selected()
    assert web.text(1) and sum(1 for i in range(group.childCount()) if group.child(i).text(1)) == 1
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("older", True))
    dialog.tag_others()
    tagged = {p.path.rsplit("/", 1)[1] for p in catalogue_photos(catalogue) if "older" in p.tags}
    assert tagged == {original.name, "same bytes.jpg"}  # all but the one staff chose to keep
    dialog.close()
