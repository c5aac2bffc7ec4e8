"""What the grid shows: empty states that say how to go on, the detail panel following the
grid's selection, and "Show all in grid" starting from the photo it was asked for."""

from __future__ import annotations

from sqlalchemy import update

from fashiondesk.core.catalogue.models import Tag
from fashiondesk.core.services.browse import REVIEW
from fashiondesk.gui import file_dialogs
from tests.gui.embedded import fill_embedded

N = 40


def _fill(qtbot, window, catalogue, n=N):
    qtbot.waitUntil(window.teacher.is_idle)
    window.teacher.delay_ms = 10**8
    clusters = fill_embedded(catalogue, n)
    window.refresh()
    qtbot.waitUntil(lambda: window.settled() and window.model.rowCount() == n)
    return clusters


def _search(qtbot, window, text):
    window.filters.search.setText(text)
    window.filters.search.returnPressed.emit()
    qtbot.waitUntil(window.settled)


def test_first_launch_says_how_to_start(qtbot, window, sample_photos, monkeypatch):
    qtbot.waitUntil(lambda: window.sidebar.counts is not None and window.settled())
    empty = window.empty
    assert empty.isVisible()
    assert empty.title.text() == "Add your photo folder to start"
    assert "drop a folder" in empty.text.text()
    assert empty.button.isVisible() and empty.button.text() == "Add your photo folder…"
    folder = sample_photos(2)
    monkeypatch.setattr(file_dialogs, "folder", lambda *a, **k: str(folder))
    with qtbot.waitSignal(window.index_finished, timeout=120_000):
        empty.button.click()
    qtbot.waitUntil(lambda: window.model.rowCount() == 2)
    assert not empty.isVisible()


def test_a_search_that_matches_nothing_says_so_and_clears(qtbot, window, catalogue):
    _fill(qtbot, window, catalogue)
    _search(qtbot, window, "no such thing")
    assert window.model.rowCount() == 0
    empty = window.empty
    qtbot.waitUntil(empty.isVisible)
    assert empty.title.text() == "No photos match “no such thing” here"
    assert empty.button.text() == "Clear search and filters"
    empty.button.click()
    qtbot.waitUntil(lambda: window.settled() and window.model.rowCount() == N)
    assert window.filters.search.text() == ""
    assert not empty.isVisible()


def test_nothing_to_review_is_said(qtbot, window, catalogue):
    fill_embedded(catalogue, N)
    with catalogue.sessions() as session, session.begin():  # every automatic category sure
        session.execute(update(Tag).values(confidence=0.99))
    qtbot.waitUntil(window.teacher.is_idle)
    window.refresh()
    window.sidebar.select_key(("scope", REVIEW, None))
    qtbot.waitUntil(lambda: window.settled() and window.filter.scope == REVIEW)
    assert window.model.rowCount() == 0
    assert window.empty.isVisible() and window.empty.title.text() == "Nothing to review"
    window.empty.button.click()  # show all photos
    qtbot.waitUntil(lambda: window.settled() and window.model.rowCount() == N)


def test_the_detail_panel_follows_the_grid_after_a_search(qtbot, window, catalogue):
    clusters = _fill(qtbot, window, catalogue)
    dress = clusters["dress"][1]
    window.grid.select_photo(dress)
    assert window.detail.photo.id == dress
    _search(qtbot, window, "hat")  # the dress leaves the grid
    assert all("/hat/" in r.path for r in window.model.rows())
    current = window.grid.current_photo_id()
    shown = window.detail.photo.id if window.detail.photo is not None else None
    assert shown == current
    if current is not None:
        assert window.grid.selectionModel().isSelected(window.grid.currentIndex())
    hat = clusters["hat"][2]
    window.grid.select_photo(hat)
    _search(qtbot, window, "photo")  # still there: still shown
    assert window.detail.photo.id == hat == window.grid.current_photo_id()


def test_show_all_in_grid_starts_from_the_photo_and_clears_the_search(qtbot, window, catalogue):
    clusters = _fill(qtbot, window, catalogue)
    _search(qtbot, window, "skirt")
    start = clusters["skirt"][0]
    window.grid.select_photo(start)
    window.detail.more_button.click()
    qtbot.waitUntil(lambda: window.settled() and window.filter.scope == "results", timeout=30_000)
    rows = window.model.rows()
    assert rows[0].id == start and len(rows) > 1
    assert window.grid.current_photo_id() == start == window.detail.photo.id
    assert window.filters.search.text() == ""  # the results are not narrowed by it


def test_similar_items_in_words_and_same_colour_first(qtbot, window, catalogue, settings):
    from sqlalchemy import insert

    from fashiondesk.core.catalogue.models import AUTO, COLOUR
    from fashiondesk.core.index.closeness import LITTLE_ALIKE, RELATED, SIMILAR, VERY_SIMILAR

    clusters = _fill(qtbot, window, catalogue, n=300)
    dresses, hats = clusters["dress"], clusters["hat"]
    with catalogue.sessions() as session, session.begin():
        session.execute(insert(Tag), [dict(photo_id=p, kind=COLOUR, name=name, source=AUTO, confidence=share)
                                      for p, name, share in [(dresses[0], "red", 0.7), (dresses[0], "white", 0.2)]
                                      + [(h, "red", 0.6) for h in hats[:3]]])
    strip = window.detail.similar
    window.grid.select_photo(dresses[0])
    qtbot.waitUntil(lambda: strip.count() == 12, timeout=30_000)
    words = [strip.item(i).text() for i in range(12)]
    assert set(words) <= {VERY_SIMILAR, SIMILAR, RELATED, LITTLE_ALIKE}
    assert "0." not in "".join(words)  # no raw numbers
    assert "pairs of photos in this catalogue" in strip.item(0).toolTip()
    assert not set(strip.photo_ids()) & set(hats[:3])  # hats are not like a dress

    window.detail.same_colour.setChecked(True)
    qtbot.waitUntil(lambda: set(strip.photo_ids()[:3]) == set(hats[:3]), timeout=30_000)
    assert settings.value("similar/same_colour", type=bool) is True


def test_a_small_window_keeps_the_grid_and_the_similar_items(qtbot, window, catalogue):
    clusters = _fill(qtbot, window, catalogue)
    window.resize(1024, 700)
    qtbot.wait(50)
    window.grid.select_photo(clusters["dress"][0])
    qtbot.waitUntil(lambda: window.detail.similar.count() > 0, timeout=30_000)
    strip = window.detail.similar
    top_left = strip.mapTo(window, strip.rect().topLeft())
    bottom_right = strip.mapTo(window, strip.rect().bottomRight())
    assert window.rect().contains(top_left) and window.rect().contains(bottom_right)  # wholly in the window
    assert strip.visibleRegion().boundingRect().height() == strip.height()  # not clipped by a scroll area
    assert window.grid.viewport().width() >= window.grid.delegate.cell_size(window.grid.font()).width()
    assert window.detail.scroll.horizontalScrollBar().isHidden() or not window.detail.scroll.horizontalScrollBar().isVisible()
