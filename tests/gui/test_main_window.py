"""The window end to end: add a folder, watch it fill, look, correct, find, export."""

import csv
import shutil
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QMimeData, QPoint, Qt, QUrl
from PySide6.QtGui import QDropEvent
from sqlalchemy import select

from fashiondesk.core.catalogue.models import CATEGORY, CUSTOM, MANUAL, Tag
from fashiondesk.core.catalogue.queries import RESULTS, REVIEW


def _tags(catalogue, kind):
    with catalogue.sessions() as session:
        return list(session.execute(select(Tag.photo_id, Tag.name, Tag.source).where(Tag.kind == kind)))


def _index(qtbot, window, folders, timeout=120_000):
    with qtbot.waitSignal(window.index_finished, timeout=timeout) as blocker:
        window.add_folders([str(f) for f in folders])
    return blocker.args[0]


def test_add_folder_select_correct_and_export(qtbot, window, catalogue, sample_photos, tmp_path):
    folder = sample_photos(6)
    assert window.detail.preview.text() == "Select a photo to see its details"
    progress = []
    window.index_status.bar.valueChanged.connect(progress.append)
    summary = _index(qtbot, window, [folder])
    assert summary.indexed == 6 and not summary.cancelled
    assert progress, "the status bar showed no progress"
    qtbot.waitUntil(lambda: window.model.rowCount() == 6)
    qtbot.waitUntil(lambda: window.sidebar.counts is not None and window.sidebar.counts.photos == 6)

    window.grid.setFocus()
    qtbot.keyClick(window.grid, Qt.Key.Key_Right)  # the first key press makes the first photo current
    first = window.grid.current_photo_id()
    assert first is not None
    assert window.detail.photo.id == first
    assert window.detail.title.text().endswith(".jpg")
    qtbot.waitUntil(lambda: window.detail.similar.count() == 5, timeout=30_000)
    assert first not in [window.detail.similar.item(i).data(Qt.ItemDataRole.UserRole + 1) for i in range(5)]

    # Accept the automatic category: it becomes the staff's own.
    category = window.detail.photo.category
    qtbot.mouseClick(window.detail.accept_button, Qt.MouseButton.LeftButton)
    assert (first, category.name, MANUAL) in _tags(catalogue, CATEGORY)
    assert not window.detail.accept_button.isEnabled()

    # Change it: the old category is replaced, not duplicated.
    window.grid.select_photo(first)  # Accept moved on to the next photo to review, if any
    window.detail.category.setFocus()
    window.detail.category.lineEdit().selectAll()
    qtbot.keyClicks(window.detail.category.lineEdit(), "skirt")
    qtbot.keyClick(window.detail.category.lineEdit(), Qt.Key.Key_Return)
    assert [t for t in _tags(catalogue, CATEGORY) if t[0] == first] == [(first, "skirt", MANUAL)]

    # Add a manual tag with the keyboard; it shows in the sidebar.
    qtbot.keyClick(window.grid, Qt.Key.Key_Return)
    assert window.detail.new_tag.hasFocus()
    qtbot.keyClicks(window.detail.new_tag, "summer sale")
    qtbot.keyClick(window.detail.new_tag, Qt.Key.Key_Return)
    assert (first, "summer sale", MANUAL) in _tags(catalogue, CUSTOM)
    qtbot.waitUntil(lambda: ("summer sale", 1) in window.sidebar.counts.tags)

    # A click in the similar strip moves to that photo.
    target = window.detail.similar.item(0)
    target_id = target.data(Qt.ItemDataRole.UserRole + 1)
    window.detail.similar.itemClicked.emit(target)
    assert window.grid.current_photo_id() == target_id

    out = tmp_path / "export.csv"
    window.export_to(str(out))
    qtbot.waitUntil(out.exists, timeout=10_000)
    qtbot.waitUntil(lambda: "Exported 6 photos" in window.statusBar().currentMessage())
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    tagged = [r for r in rows if r["tags"] == "summer sale"]
    assert len(tagged) == 1 and tagged[0]["category"] == "skirt"


def test_delete_key_removes_a_tag_and_search_finds_tags(qtbot, window, catalogue, sample_photos):
    _index(qtbot, window, [sample_photos(4)])
    qtbot.waitUntil(lambda: window.model.rowCount() == 4)
    window.grid.select_photo(window.model.rows()[1].id)
    window.detail.add_tag.emit(window.detail.photo.id, "window display")
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.filters.search.hasFocus()
    qtbot.keyClicks(window.filters.search, "WINDOW disp")
    qtbot.waitUntil(lambda: bool(window.filter.text) and window.settled() and window.model.rowCount() == 1)
    assert window.scope_label.text().endswith("1 photo")

    window.detail.tags.setFocus()
    texts = [window.detail.tags.item(i).text() for i in range(window.detail.tags.count())]
    window.detail.tags.setCurrentRow(texts.index("window display"))  # after the colour tags
    qtbot.keyClick(window.detail.tags, Qt.Key.Key_Delete)
    assert _tags(catalogue, CUSTOM) == []
    window.filters.search.clear()
    qtbot.waitUntil(lambda: window.model.rowCount() == 4)

    # Colour tags from indexing: in the sidebar with counts, and the colour filter narrows.
    qtbot.waitUntil(lambda: bool(window.sidebar.counts.colours))
    name, _hex, count = min(window.sidebar.counts.colours, key=lambda c: c[2])
    window.sidebar.select_key(("colour", name))
    assert window.filters.colour.currentData() == name
    qtbot.waitUntil(lambda: window.filter.colour == name and window.settled() and window.model.rowCount() == count)


def test_needs_review_lists_least_sure_first(qtbot, window, catalogue, sample_photos):
    _index(qtbot, window, [sample_photos(6)])
    with catalogue.sessions() as session, session.begin():
        tags = list(session.scalars(select(Tag).where(Tag.kind == CATEGORY).order_by(Tag.photo_id)))
        tags[0].confidence, tags[1].confidence, tags[2].confidence = 0.55, 0.31, 0.99
    window.refresh()
    qtbot.waitUntil(lambda: window.sidebar.counts is not None and window.sidebar.counts.review >= 2)
    window.sidebar.select_key(("scope", REVIEW, None))
    qtbot.waitUntil(lambda: window.filter.scope == REVIEW and window.model.rowCount() == window.sidebar.counts.review)
    ids = [r.id for r in window.model.rows()]
    assert ids[:2] == [tags[1].photo_id, tags[0].photo_id]
    # Accepting one takes it off the list.
    window.grid.select_photo(ids[0])
    qtbot.mouseClick(window.detail.accept_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: ids[0] not in [r.id for r in window.model.rows()])


def _drop(window, paths):
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    event = QDropEvent(QPoint(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                       Qt.KeyboardModifier.NoModifier)
    window.dropEvent(event)


def test_drop_a_folder_then_a_customer_photo(qtbot, window, sample_photos, tmp_path):
    folder = sample_photos(6)
    with qtbot.waitSignal(window.index_finished, timeout=120_000):
        _drop(window, [folder])
    qtbot.waitUntil(lambda: window.model.rowCount() == 6)
    original = sorted(folder.iterdir())[2]
    outside = tmp_path / "customer.jpg"
    shutil.copy(original, outside)
    _drop(window, [outside])
    qtbot.waitUntil(lambda: window.filter.scope == RESULTS and window.settled(), timeout=60_000)
    assert window.model.rowCount() == 6
    assert window.model.rows()[0].path == str(original)
    assert "customer.jpg" in window.scope_label.text()


def test_unreadable_photos_are_listed_not_fatal(qtbot, window, sample_photos):
    folder = sample_photos(3)
    (folder / "broken.jpg").write_bytes(b"\xff\xd8\xff\xe0 this is not a jpeg")
    (folder / "empty.png").write_bytes(b"")
    summary = _index(qtbot, window, [folder])
    assert summary.indexed == 3 and len(summary.failed) == 2
    qtbot.waitUntil(lambda: window.failures_button.isVisible())
    assert window.failures_button.text() == "2 photos could not be read"
    qtbot.mouseClick(window.failures_button, Qt.MouseButton.LeftButton)
    assert window.failures.isVisible()
    rows = dict(window.failures.rows())
    assert set(rows) == {str(folder / "broken.jpg"), str(folder / "empty.png")}
    assert all(reason and "Traceback" not in reason for reason in rows.values())


def _many_photos(sample_photos, tmp_path, n):
    folder = sample_photos(30, tmp_path / "src")
    big = tmp_path / "big"
    big.mkdir()
    sources = sorted(folder.iterdir())
    for i in range(n):
        shutil.copy(sources[i % 30], big / f"p{i:04d}.jpg")
    return big


def test_cancel_mid_run_keeps_what_was_done(qtbot, window, catalogue, sample_photos, tmp_path):
    big = _many_photos(sample_photos, tmp_path, 400)
    with qtbot.waitSignal(window.index_finished, timeout=120_000) as blocker:
        window.add_folders([str(big)])
        qtbot.waitUntil(lambda: window.index_status.bar.value() >= 32, timeout=60_000)
        qtbot.mouseClick(window.index_status.cancel, Qt.MouseButton.LeftButton)
    summary = blocker.args[0]
    assert summary.cancelled and 0 < summary.indexed < 400
    assert not window.is_indexing() and not window.index_status.isVisible()
    qtbot.waitUntil(lambda: window.model.rowCount() == summary.indexed)
    with qtbot.waitSignal(window.index_finished, timeout=120_000) as blocker:
        window.start_indexing()
    assert blocker.args[0].indexed == 400 - summary.indexed
    qtbot.waitUntil(lambda: window.model.rowCount() == 400)


def test_grid_fills_while_indexing(qtbot, window, sample_photos, tmp_path):
    big = _many_photos(sample_photos, tmp_path, 300)
    seen = []
    window.model.rowsInserted.connect(lambda *_: seen.append(window.model.rowCount()))
    window.model.modelReset.connect(lambda: seen.append(window.model.rowCount()))
    with qtbot.waitSignal(window.index_finished, timeout=120_000):
        window.add_folders([str(big)])
    qtbot.waitUntil(lambda: window.model.rowCount() == 300)
    assert any(0 < n < 300 for n in seen), f"the grid only filled at the end: {seen}"


def test_closing_during_indexing_cancels_and_loses_nothing(qtbot, window, catalogue, sample_photos, tmp_path):
    big = _many_photos(sample_photos, tmp_path, 400)
    with qtbot.waitSignal(window.index_finished, timeout=120_000) as blocker:
        window.add_folders([str(big)])
        qtbot.waitUntil(lambda: window.index_status.bar.value() >= 32, timeout=60_000)
        window.close()
        assert window.isVisible(), "the window waits for the worker to stop"
    assert blocker.args[0].cancelled
    qtbot.waitUntil(lambda: not window.isVisible())
    from fashiondesk.core import services

    rest = services.index(catalogue)
    assert rest.indexed + blocker.args[0].indexed == 400 and not rest.failed


def test_layout_and_last_folder_are_remembered(qtbot, catalogue, settings, sample_photos, tmp_path):
    from fashiondesk.gui.main_window import MainWindow

    first = MainWindow(catalogue, settings, tmp_path / "thumbs")
    qtbot.addWidget(first)
    first.show()
    first.resize(700, 520)  # the offscreen screen is 800 x 600
    first.splitter.setSizes([120, 300, 280])
    with qtbot.waitSignal(first.index_finished, timeout=120_000):
        first.add_folders([str(sample_photos(2))])
    sizes = first.splitter.sizes()
    first.close()
    second = MainWindow(catalogue, settings, tmp_path / "thumbs")
    qtbot.addWidget(second)
    second.show()
    assert (second.width(), second.height()) == (700, 520)
    assert second.splitter.sizes() == sizes
    assert settings.value("last_folder") == str(tmp_path / "photos")
    second.close()


def test_window_start_does_not_import_torch(tmp_path):
    code = (
        "import sys\n"
        "from fashiondesk.gui.app import application, open_settings\n"
        "from fashiondesk.gui.main_window import MainWindow\n"
        "from fashiondesk.core.catalogue.db import open_catalogue\n"
        "app = application()\n"
        f"w = MainWindow(open_catalogue({str(tmp_path / 'c.db')!r}), open_settings(), None)\n"
        "w.show(); app.processEvents(); w.close()\n"
        "print('torch' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120,
                         env={**__import__("os").environ, "QT_QPA_PLATFORM": "offscreen"})
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip().endswith("False")


def test_undo_puts_back_what_an_edit_changed(qtbot, window, catalogue, sample_photos):
    _index(qtbot, window, [sample_photos(2)])
    qtbot.waitUntil(lambda: window.model.rowCount() == 2)
    window.grid.select_photo(window.model.rows()[0].id)
    photo = window.detail.photo.id
    before = sorted(_tags(catalogue, CATEGORY))
    qtbot.mouseClick(window.detail.reject_button, Qt.MouseButton.LeftButton)  # a mis-click
    assert [t for t in _tags(catalogue, CATEGORY) if t[0] == photo] == []
    window.detail.add_tag.emit(photo, "sale")
    assert window.undo_action.text() == f"Undo {Path(window.detail.photo.path).stem}: add the tag sale"
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert _tags(catalogue, CUSTOM) == []
    window.undo()
    assert sorted(_tags(catalogue, CATEGORY)) == before
    assert not window.undo_action.isEnabled()


def test_indexing_from_the_window_leaves_its_thumbnails_where_the_grid_reads_them(
        qtbot, window, sample_photos, tmp_path, monkeypatch):
    from fashiondesk.core import services as core_services
    from fashiondesk.core.thumbnails import INDEXED_EDGE, cache_name

    folder = sample_photos(4)
    with qtbot.waitSignal(window.index_finished, timeout=120_000):
        window.add_folders([str(folder)])
    thumbs = tmp_path / "thumbs"  # the window fixture's thumbnail folder
    photos = sorted(folder.iterdir())
    assert all((thumbs / cache_name(str(p), INDEXED_EDGE)).exists() for p in photos)

    def no_decode(path, edge):
        raise AssertionError("decoded although indexing left a thumbnail")

    monkeypatch.setattr(core_services, "preview", no_decode)
    window.thumbnails.forget(str(photos[0]))
    window.thumbnails.pixmap(str(photos[0]))
    qtbot.waitUntil(lambda: window.thumbnails.in_memory(str(photos[0]), 160) is not None, timeout=10_000)


def test_an_index_run_cut_short_is_finished_when_the_window_opens(qtbot, catalogue, settings, sample_photos, tmp_path):
    from fashiondesk.core import services
    from fashiondesk.core.services import indexing
    from fashiondesk.gui.main_window import MainWindow

    services.add_folders(catalogue, [sample_photos(3)])
    indexing._mark_unfinished(catalogue, True)  # as a killed run leaves it
    window = MainWindow(catalogue, settings, tmp_path / "thumbs")
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitSignal(window.index_finished, timeout=120_000):
        assert window.finish_interrupted_indexing()
    qtbot.waitUntil(lambda: window.model.rowCount() == 3)
    assert not services.index_unfinished(catalogue) and not window.finish_interrupted_indexing()
    window.close()
