"""Right-click and double-click on a photo in the grid (issue 14, item 9)."""

from __future__ import annotations

import os

from PySide6.QtCore import QEvent, QItemSelectionModel, QObject, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import QMenu
from sqlalchemy import select

from fashiondesk.core import services
from fashiondesk.core.catalogue.models import Photo, Tag
from fashiondesk.gui import photo_menu
from fashiondesk.gui.grid import PhotoIdRole, RowRole
from fashiondesk.gui.photo_menu import RenameDialog, show_in_folder
from fashiondesk.gui.preview import UNREADABLE
from fashiondesk.gui.thumbnails import GRID_EDGE

TEXTS = ["Preview", "Open in image viewer", "Show in folder", "Copy path", "", "Rename…", "",
         "Group as one product…", "Take out of product", "Save as a look…"]


def _ready(qtbot, window, catalogue, embedder, folder, n):
    services.add_folders(catalogue, [str(folder)])
    services.index(catalogue, embedder=embedder)
    services.tag(catalogue, [str(p) for p in folder.glob("*.jpg")], add=["summer sale"])
    window.refresh()
    qtbot.waitUntil(lambda: window.settled() and window.model.rowCount() == n)
    return window.photo_menu


def _actions(menus, index):
    menu = menus.menu_for(index)
    return menu, {a.text(): a for a in menu.actions()}


def _tags(catalogue):
    with catalogue.sessions() as session:
        return sorted(session.execute(select(Tag.id, Tag.photo_id, Tag.kind, Tag.name, Tag.source)))


def _selected_rows(window):
    return sorted(i.row() for i in window.grid.selectionModel().selectedIndexes())


def test_right_click_selects_the_photo_and_offers_the_menu(qtbot, window, catalogue, embedder, sample_photos):
    menus = _ready(qtbot, window, catalogue, embedder, sample_photos(3), 3)
    grid = window.grid
    assert grid.contextMenuPolicy() == Qt.ContextMenuPolicy.CustomContextMenu
    model = window.model
    grid.setCurrentIndex(model.index(0))

    grid.customContextMenuRequested.emit(grid.visualRect(model.index(2)).center())
    menu = next(m for m in grid.findChildren(QMenu) if m.isVisible())
    assert [a.text() for a in menu.actions()] == TEXTS and menu.defaultAction().text() == "Preview"
    menu.close()
    assert grid.currentIndex().row() == 2 and _selected_rows(window) == [2]
    clicked = model.index(2).data(PhotoIdRole)
    qtbot.waitUntil(lambda: window.detail.photo is not None and window.detail.photo.id == clicked)

    # A photo among several selected becomes the current one; the selection stays.
    grid.selectionModel().select(model.index(0), QItemSelectionModel.SelectionFlag.Select)
    menus.choose(model.index(0))
    assert grid.currentIndex().row() == 0 and _selected_rows(window) == [0, 2]
    menus.choose(model.index(1))  # one not selected: selected alone
    assert grid.currentIndex().row() == 1 and _selected_rows(window) == [1]

    grid.customContextMenuRequested.emit(grid.viewport().rect().bottomRight())  # no photo there: no menu
    assert not any(m.isVisible() for m in grid.findChildren(QMenu))


def test_open_show_in_folder_and_copy_path(qtbot, window, catalogue, embedder, sample_photos, monkeypatch):
    menus = _ready(qtbot, window, catalogue, embedder, sample_photos(2), 2)
    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    tags = _tags(catalogue)
    index = window.model.index(1)
    path = index.data(RowRole).path

    menu, actions = _actions(menus, index)
    actions["Open in image viewer"].trigger()
    actions["Show in folder"].trigger()
    actions["Copy path"].trigger()
    menu.deleteLater()
    if os.name != "nt" and os.uname().sysname != "Darwin":
        assert opened == [QUrl.fromLocalFile(path), QUrl.fromLocalFile(os.path.dirname(path))]
    assert QGuiApplication.clipboard().text() == path
    assert window.statusBar().currentMessage() == f"Copied the path of {os.path.basename(path)}"
    assert _tags(catalogue) == tags  # nothing in the menu touches tags

    # A file gone from its folder: told, not opened.
    os.remove(path)
    opened.clear()
    menu, actions = _actions(menus, index)
    actions["Open in image viewer"].trigger()
    menu.deleteLater()
    assert opened == [] and "is not in its folder any more" in window.statusBar().currentMessage()


def test_show_in_folder_picks_the_photo_out_on_windows_and_macos(tmp_path, monkeypatch):
    photo = tmp_path / "a b.jpg"
    photo.write_bytes(b"x")
    started, opened = [], []
    monkeypatch.setattr(photo_menu.subprocess, "Popen", lambda command: started.append(command))
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    assert show_in_folder(str(photo), "win32") and show_in_folder(str(photo), "darwin")
    assert started == [["explorer", "/select,", os.path.normpath(str(photo))], ["open", "-R", str(photo)]]
    assert opened == []
    assert show_in_folder(str(photo), "linux") and opened == [QUrl.fromLocalFile(str(tmp_path))]
    photo.unlink()  # missing: its folder opens, on every system
    assert show_in_folder(str(photo), "win32") and opened[-1] == QUrl.fromLocalFile(str(tmp_path))
    assert not show_in_folder(str(tmp_path / "gone" / "x.jpg"), "linux")


def test_rename_keeps_the_photo_and_its_tags(qtbot, window, catalogue, embedder, sample_photos, monkeypatch):
    folder = sample_photos(3)
    menus = _ready(qtbot, window, catalogue, embedder, folder, 3)
    asked = []
    monkeypatch.setattr(photo_menu, "ask_name", lambda _parent, name: asked.append(name) or "blue coat")
    index = window.model.index(1)
    photo_id, old = index.data(PhotoIdRole), index.data(RowRole).path
    qtbot.waitUntil(lambda: window.thumbnails.pixmap(old, GRID_EDGE) is not None)
    tags = _tags(catalogue)
    menus.choose(index)
    menus.show_preview(index.data(RowRole))

    menu, actions = _actions(menus, index)
    actions["Rename…"].trigger()
    menu.deleteLater()
    new = str(folder / "blue coat.jpg")
    qtbot.waitUntil(lambda: window.statusBar().currentMessage()
                    == f"Renamed {os.path.basename(old)} to blue coat.jpg")
    assert asked == [os.path.basename(old)]
    assert menus.preview.windowTitle() == "blue coat.jpg"
    assert os.path.isfile(new) and not os.path.exists(old)
    assert _tags(catalogue) == tags  # same photo, same tags
    with catalogue.sessions() as session:
        assert session.get(Photo, photo_id).path == new
    assert window.detail.photo.id == photo_id and window.detail.photo.path == new
    qtbot.waitUntil(lambda: window.settled() and new in [r.path for r in window.model.rows()])
    assert window.model.rows()[window.model.row_of_id(photo_id)].path == new
    qtbot.waitUntil(lambda: window.thumbnails.pixmap(new, GRID_EDGE) is not None)  # a thumbnail at the new name
    menus.preview.close()


def test_a_rename_that_cannot_be_done_changes_nothing(qtbot, window, catalogue, embedder, sample_photos,
                                                      monkeypatch, messages):
    folder = sample_photos(2)
    menus = _ready(qtbot, window, catalogue, embedder, folder, 2)
    first, second = (window.model.index(i).data(RowRole).path for i in (0, 1))
    monkeypatch.setattr(photo_menu, "ask_name", lambda _parent, _name: os.path.basename(second))
    tags = _tags(catalogue)

    menu, actions = _actions(menus, window.model.index(0))
    actions["Rename…"].trigger()
    menu.deleteLater()
    qtbot.waitUntil(lambda: len(messages) == 1)
    assert f"already a file called {os.path.basename(second)}" in messages[0]
    assert os.path.isfile(first) and os.path.isfile(second) and _tags(catalogue) == tags

    # While indexing, it is refused before a name is asked for.
    monkeypatch.setattr(photo_menu, "ask_name", lambda *_: (_ for _ in ()).throw(AssertionError("asked")))
    monkeypatch.setattr(window, "is_indexing", lambda: True)
    menus.ask_rename(window.model.index(0).data(PhotoIdRole), first)
    assert "rename the photo when the run has finished" in messages[-1]


def test_the_rename_dialog_selects_the_name_without_its_ending(qtbot, window):
    dialog = RenameDialog(window, "IMG_0001.final.jpg")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.edit.text() == "IMG_0001.final.jpg" and dialog.edit.selectedText() == "IMG_0001.final"
    dialog.reject()


def test_double_click_previews_the_photo_and_arrows_step_through(qtbot, window, catalogue, embedder,
                                                                 sample_photos):
    menus = _ready(qtbot, window, catalogue, embedder, sample_photos(3), 3)
    preview = menus.preview
    model = window.model
    window.grid.setCurrentIndex(model.index(0))
    window.grid.doubleClicked.emit(model.index(0))
    first = model.index(0).data(RowRole).path
    assert preview.isVisible() and not preview.isModal() and preview.windowTitle() == os.path.basename(first)
    fit = preview.fit()
    # The large picture, scaled to fit the screen's share with its shape kept.
    qtbot.waitUntil(lambda: not preview.image.pixmap().isNull()
                    and max(preview.image.width() / fit.width(), preview.image.height() / fit.height()) > 0.99)
    shown = preview.image.pixmap()
    assert shown.width() > 2 * GRID_EDGE * shown.devicePixelRatio()  # not the grid's thumbnail
    assert preview.image.width() <= fit.width() and preview.image.height() <= fit.height()

    qtbot.keyClick(preview, Qt.Key.Key_Right)
    second = model.index(1).data(RowRole).path
    assert window.grid.currentIndex().row() == 1 and preview.windowTitle() == os.path.basename(second)
    qtbot.keyClick(preview, Qt.Key.Key_Left)
    assert window.grid.currentIndex().row() == 0
    qtbot.keyClick(preview, Qt.Key.Key_Escape)
    assert not preview.isVisible()

    os.remove(second)  # gone since the index run: said so, nothing else
    menus.show_preview(model.index(1).data(RowRole))
    qtbot.waitUntil(lambda: preview.image.text() == UNREADABLE)
    preview.close()


class _Paints(QObject):
    def __init__(self):
        super().__init__()
        self.count = 0

    def eventFilter(self, _watched, event) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.count += 1
        return False


def test_a_renamed_photo_in_the_same_place_gets_its_new_thumbnail_painted(qtbot, window, catalogue, embedder,
                                                                          sample_photos, monkeypatch):
    menus = _ready(qtbot, window, catalogue, embedder, sample_photos(3), 3)
    first = window.model.index(0).data(RowRole).path
    new = os.path.join(os.path.dirname(first), "a" + os.path.basename(first))  # still first in the grid
    monkeypatch.setattr(photo_menu, "ask_name", lambda _parent, name: "a" + name)
    paints = _Paints()
    window.grid.viewport().installEventFilter(paints)
    arrived = []

    def ready(path, edge):
        if path == new and edge == GRID_EDGE:
            arrived.append(path)
            paints.count = 0  # from here on: the grid paints it

    window.thumbnails.ready.connect(ready)
    menus.ask_rename(window.model.index(0).data(PhotoIdRole), first)
    qtbot.waitUntil(lambda: bool(arrived))
    qtbot.waitUntil(lambda: paints.count > 0, timeout=2000)
    assert window.model.index(0).data(RowRole).path == new
    window.grid.viewport().removeEventFilter(paints)
