"""View → Sort by and Thumbnail size, and the Help menu (issue 14, item 10).

The menus are tested on their own (a stand-in window records what they ask for), then
through the real window's ``set_sort`` and ``set_thumbnail_size``.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QDesktopServices, QKeySequence, QWheelEvent
from PySide6.QtWidgets import QApplication, QMainWindow, QMenu, QMessageBox

from fashiondesk.core import logs, services
from fashiondesk.core.services.browse import (
    ALL,
    RESULTS,
    REVIEW,
    SORT_CONFIDENCE,
    SORT_DATE,
    SORT_FOLDER,
    SORT_NAME,
    GridFilter,
    GridRow,
)
from fashiondesk.gui import help_menu
from fashiondesk.gui.about import about_text
from fashiondesk.gui.grid import EDGES, LARGE_EDGE, PhotoGrid, PhotoGridModel
from fashiondesk.gui.help_menu import TextPage, build_help_menu, log_folder
from fashiondesk.gui.main_window import MainWindow
from fashiondesk.gui.thumbnails import GRID_EDGE, ThumbnailLoader
from fashiondesk.gui.view_menu import (
    EDGE_KEY,
    SORT_KEY,
    build_view_menu,
    larger,
    order_text,
    saved_edge,
    saved_sort,
    smaller,
)
from tests.conftest import solid
from tests.gui.embedded import fill_embedded

def rows(n: int) -> list[GridRow]:
    return [GridRow(i, f"/p/{i:05d}.jpg", "ok", "dress", 0.9, "auto") for i in range(1, n + 1)]


class StandIn(QMainWindow):
    """What ``build_view_menu`` needs of a MainWindow, recording what it is asked."""

    def __init__(self, tmp_path: Path):
        super().__init__()
        self.thumbnails = ThumbnailLoader(tmp_path / "thumbs")
        self.model = PhotoGridModel(self.thumbnails, 0.8)
        self.grid = PhotoGrid(self.model)
        self.setCentralWidget(self.grid)
        self.filter = GridFilter()
        self.asked: list[tuple[str, object]] = []

    def set_sort(self, sort: str) -> None:
        self.asked.append(("sort", sort))
        self.filter = GridFilter(sort=sort)

    def set_thumbnail_size(self, edge: int) -> None:
        self.asked.append(("size", edge))
        self.grid.set_edge(edge)


@pytest.fixture
def stand_in(qtbot, tmp_path):
    win = StandIn(tmp_path)
    qtbot.addWidget(win)
    win.resize(900, 700)
    win.show()
    yield win
    win.thumbnails.close()


def _submenu(menu: QMenu, title: str) -> QMenu:
    found = next((a.menu() for a in menu.actions() if a.menu() is not None and a.text() == title), None)
    assert found is not None, f"no {title!r} in {[a.text() for a in menu.actions()]}"
    return found


def _action(menu: QMenu, text: str):
    found = next((a for a in menu.actions() if a.text() == text), None)
    assert found is not None, f"no {text!r} in {[a.text() for a in menu.actions()]}"
    return found


def _checked(menu: QMenu) -> list[str]:
    menu.aboutToShow.emit()
    return [a.text() for a in menu.actions() if a.isChecked()]


# -- View → Sort by ------------------------------------------------------------------------

def test_sort_by_offers_each_order_one_at_a_time(stand_in):
    menu = QMenu()
    build_view_menu(stand_in, menu)
    sort = _submenu(menu, "Sort by")
    assert [a.text() for a in sort.actions()] == ["Folder order", "File name", "Date, newest first",
                                                  "Least sure first"]
    assert _checked(sort) == ["Folder order"]
    _action(sort, "File name").trigger()
    _action(sort, "Least sure first").trigger()
    assert stand_in.asked == [("sort", SORT_NAME), ("sort", SORT_CONFIDENCE)]
    assert _checked(sort) == ["Least sure first"]
    stand_in.filter = GridFilter(sort=SORT_DATE)  # set elsewhere: the menu shows it when opened
    assert _checked(sort) == ["Date, newest first"]


def test_the_order_is_said_in_words():
    assert order_text(GridFilter()) == ""
    assert order_text(GridFilter(scope=REVIEW)) == "least sure first"  # as Needs review always was
    assert order_text(GridFilter(scope=REVIEW, sort=SORT_NAME)) == "by name"
    assert order_text(GridFilter(sort=SORT_DATE)) == "newest first"
    assert order_text(GridFilter(sort=SORT_CONFIDENCE)) == "least sure first"
    assert order_text(GridFilter(scope=RESULTS, sort=SORT_NAME)) == "most similar first"


def test_saved_choices_are_read_back_and_junk_is_ignored(settings):
    assert saved_sort(settings) == SORT_FOLDER and saved_edge(settings) == GRID_EDGE
    settings.setValue(SORT_KEY, SORT_DATE)
    settings.setValue(EDGE_KEY, 200)
    assert saved_sort(settings) == SORT_DATE and saved_edge(settings) == 200
    settings.setValue(SORT_KEY, "by colour")
    settings.setValue(EDGE_KEY, "huge")
    assert saved_sort(settings) == SORT_FOLDER and saved_edge(settings) == GRID_EDGE
    settings.setValue(EDGE_KEY, 150)  # not one of the sizes offered
    assert saved_edge(settings) == GRID_EDGE


# -- View → Thumbnail size -----------------------------------------------------------------

def test_larger_and_smaller_step_through_the_sizes_and_stop_at_the_ends():
    assert EDGES == (96, 128, 160, 200, 240)
    assert [larger(e) for e in EDGES] == [128, 160, 200, 240, 240]
    assert [smaller(e) for e in EDGES] == [96, 96, 128, 160, 200]


def test_thumbnail_size_keys_and_ctrl_wheel(qtbot, stand_in):
    menu = QMenu()
    build_view_menu(stand_in, menu)
    size = _submenu(menu, "Thumbnail size")
    larger_action, smaller_action = _action(size, "Larger"), _action(size, "Smaller")
    assert QKeySequence("Ctrl+=") in larger_action.shortcuts() and QKeySequence("Ctrl++") in larger_action.shortcuts()
    assert smaller_action.shortcut() == QKeySequence("Ctrl+-")
    usual = _action(size, "Usual size")
    assert usual.shortcut() == QKeySequence("Ctrl+0")
    assert _checked(size) == ["Usual size"]
    larger_action.trigger()
    larger_action.trigger()
    larger_action.trigger()  # already the largest
    assert stand_in.grid.edge == 240 and _checked(size) == ["Largest"]
    smaller_action.trigger()
    usual.trigger()
    assert [edge for what, edge in stand_in.asked] == [200, 240, 240, 200, 160]

    stand_in.asked.clear()
    viewport = stand_in.grid.viewport()

    def wheel(delta: int, modifiers=Qt.KeyboardModifier.ControlModifier) -> None:
        event = QWheelEvent(QPointF(50, 50), QPointF(viewport.mapToGlobal(QPoint(50, 50))), QPoint(0, 0),
                            QPoint(0, delta), Qt.MouseButton.NoButton, modifiers, Qt.ScrollPhase.NoScrollPhase,
                            False)
        QApplication.sendEvent(viewport, event)

    wheel(120)  # one notch up: larger
    wheel(-60)
    wheel(-60)  # a touchpad's two half steps down: one size smaller
    wheel(-120, Qt.KeyboardModifier.NoModifier)  # without Ctrl it scrolls
    assert stand_in.asked == [("size", 200), ("size", 160)]


def test_the_cells_follow_the_size_and_the_current_photo_stays_in_view(qtbot, stand_in):
    grid, model = stand_in.grid, stand_in.model
    model.set_rows(rows(6000))  # more than one batch of the grid's layout
    qtbot.wait(100)
    assert grid.select_photo(4500)
    qtbot.wait(100)
    for edge in (96, 240, 128, 200, 160):
        grid.set_edge(edge)
        qtbot.wait(50)
        cell = grid.visualRect(grid.currentIndex())
        assert cell.width() == edge + 8 and grid.gridSize().height() == cell.height()
        assert grid.viewport().rect().intersects(cell), edge
        assert model.source_edge == (GRID_EDGE if edge <= GRID_EDGE else LARGE_EDGE)


def test_a_thumbnail_arriving_keeps_the_place_of_a_long_grid(qtbot, stand_in):
    """QListView lays out every cell again on any change of data, in batches: before, a grid
    scrolled past its first 2,000 photos jumped back there each time a thumbnail arrived."""
    grid, model = stand_in.grid, stand_in.model
    model.set_rows(rows(6000))
    qtbot.wait(100)
    bar = grid.verticalScrollBar()
    bar.setValue(bar.maximum() * 3 // 4)
    place = bar.value()
    for row in (4600, 4601, 4602):
        model.dataChanged.emit(model.index(row), model.index(row), [Qt.ItemDataRole.DecorationRole])
    qtbot.wait(100)
    assert bar.value() == place


def test_a_larger_size_shows_the_usual_thumbnail_until_its_own_arrives(qtbot, tmp_path):
    photo = solid(tmp_path / "dress.png", size=(900, 1200))
    loader = ThumbnailLoader(tmp_path / "cache", scale=1.0)
    model = PhotoGridModel(loader, 0.8)
    model.set_rows([GridRow(1, str(photo), "ok", "dress", 0.9, "auto")])
    index = model.index(0)
    try:
        assert index.data(Qt.ItemDataRole.DecorationRole) is None  # asked for
        qtbot.waitUntil(lambda: index.data(Qt.ItemDataRole.DecorationRole) is not None, timeout=10_000)
        assert index.data(Qt.ItemDataRole.DecorationRole).height() == GRID_EDGE
        model.source_edge = LARGE_EDGE
        with qtbot.waitSignal(model.dataChanged, timeout=10_000):
            assert index.data(Qt.ItemDataRole.DecorationRole).height() == GRID_EDGE  # stands in meanwhile
        assert index.data(Qt.ItemDataRole.DecorationRole).height() == LARGE_EDGE
    finally:
        loader.close()


# -- Help ----------------------------------------------------------------------------------

def _help(window) -> QMenu:
    menu = QMenu(window)
    build_help_menu(window, menu)
    return menu


def test_help_menu_has_the_guide_the_model_card_the_log_folder_and_about(qtbot, window):
    menu = _help(window)
    texts = [a.text() for a in menu.actions() if not a.isSeparator()]
    assert texts == ["Quick guide", "Model card", "Open log folder", "About fashiondesk"]
    assert window.about_action in menu.actions()
    assert _action(menu, "Quick guide").shortcut() == QKeySequence(QKeySequence.StandardKey.HelpContents)


def test_the_quick_guide_explains_the_keys_in_shop_words(qtbot, window):
    _action(_help(window), "Quick guide").trigger()
    page = window.findChild(TextPage, "quick guide")
    assert page is not None and page.isVisible()
    text = page.text.toPlainText()
    for words in ("Add folder", "Needs review", "Select several photos first", "and the key applies to all",
                  "learns again from all your examples", f"{services.MIN_EXAMPLES} examples", "File → Export…", "Group as one product", "Import spreadsheet"):
        assert words in text, words
    for key, what in (("A", "the category is right"), ("R", "the category is wrong"),
                      ("1 to 9, 0", "choose the 1st to 9th category of the Category box's list"),
                      ("C", "type a category's name"), ("N", "go to the next photo to review"),
                      ("Ctrl+Z", "undo the last change")):
        assert f"\n{key}\n{what}" in text, key  # a row of the table of keys
    page.close()
    _action(_help(window), "Quick guide").trigger()  # again: the same page, shown again
    assert window.findChildren(TextPage) == [page] and page.isVisible()


def test_the_model_card_is_shown_from_the_shipped_file(qtbot, window, monkeypatch):
    menu = _help(window)
    _action(menu, "Model card").trigger()
    page = window.findChild(TextPage, "model card")
    text = page.text.toPlainText()
    assert "Model card: lite0-clothing" in text and "unsure below" in text
    assert "|---" not in text and "# Model card" not in text  # a page, not its markdown


def test_a_missing_model_card_is_said(qtbot, window, monkeypatch, tmp_path):
    monkeypatch.setattr(services.browse, "model_card", lambda: tmp_path / "MODEL_CARD.md")
    page = help_menu.show_model_card(window)
    assert page.text.toPlainText().startswith("The model card cannot be read")
    assert str(tmp_path) in page.text.toPlainText()


def test_open_log_folder_opens_where_the_log_is(qtbot, window, monkeypatch):
    opened, told = [], []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url.toLocalFile()) or True)
    monkeypatch.setattr(QMessageBox, "information", lambda _parent, _title, text: told.append(text))
    path = logs.setup()
    assert log_folder() == path.parent
    _action(_help(window), "Open log folder").trigger()
    assert opened == [str(path.parent)] and told == []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: False)  # no file manager
    help_menu.open_log_folder(window)
    assert told and told[0].startswith("The log folder is ")


def test_about_points_to_the_model_card_and_the_guide(catalogue):
    text = about_text(catalogue)
    assert str(services.browse.model_card()) in text and "Quick guide" in text


# -- the window (needs its set_sort and set_thumbnail_size) ---------------------------------

def _fill(qtbot, window, catalogue, n=40):
    qtbot.waitUntil(window.teacher.is_idle)
    window.teacher.delay_ms = 10**8
    fill_embedded(catalogue, n)
    window.refresh()
    qtbot.waitUntil(lambda: window.settled() and window.model.rowCount() == n)


def _menu(window, title: str) -> QMenu:
    return next(a.menu() for a in window.menuBar().actions() if a.text() == title)


def test_sorting_from_the_view_menu_is_kept_across_scopes_and_restarts(qtbot, window, catalogue, settings,
                                                                       tmp_path):
    _fill(qtbot, window, catalogue)
    sort = _submenu(_menu(window, "&View"), "Sort by")
    _action(sort, "Least sure first").trigger()
    qtbot.waitUntil(lambda: window.settled() and window.filter.sort == SORT_CONFIDENCE)
    shown = [r.confidence for r in window.model.rows()]
    assert shown == sorted(shown)
    assert "least sure first" in window.scope_label.text()
    window.filters.search.setText("dress")
    window.filters.search.returnPressed.emit()
    qtbot.waitUntil(lambda: window.settled() and window.filter.text == "dress")
    window.sidebar.select_key(("scope", REVIEW, None))
    qtbot.waitUntil(lambda: window.settled() and window.filter.scope == REVIEW)
    assert window.filter.sort == SORT_CONFIDENCE
    window.show_everything()
    qtbot.waitUntil(lambda: window.settled() and window.filter.scope == ALL)
    assert window.filter.sort == SORT_CONFIDENCE
    window.close()

    again = MainWindow(catalogue, settings, tmp_path / "thumbs")
    qtbot.addWidget(again)
    try:
        assert again.filter.sort == SORT_CONFIDENCE
        assert _checked(_submenu(_menu(again, "&View"), "Sort by")) == ["Least sure first"]
    finally:
        again.shutdown()


def test_the_thumbnail_size_is_kept_across_restarts(qtbot, window, catalogue, settings, tmp_path):
    _fill(qtbot, window, catalogue)
    window.set_thumbnail_size(200)
    assert window.grid.edge == 200
    window.close()
    again = MainWindow(catalogue, settings, tmp_path / "thumbs")
    qtbot.addWidget(again)
    try:
        assert again.grid.edge == 200 and again.model.source_edge == LARGE_EDGE
        assert _checked(_submenu(_menu(again, "&View"), "Thumbnail size")) == ["Large"]
    finally:
        again.shutdown()


def test_the_window_has_the_view_and_help_menus(qtbot, window):
    titles = [a.text() for a in window.menuBar().actions()]
    assert "&View" in titles and titles.index("&View") < titles.index("&Help")
    help_items = [a.text() for a in _menu(window, "&Help").actions() if not a.isSeparator()]
    assert help_items == ["Quick guide", "Model card", "Open log folder", "About fashiondesk"]
