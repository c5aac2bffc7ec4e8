"""View → Sort by and Thumbnail size: how the grid orders and draws the photos, remembered.

The window does the work (``MainWindow.set_sort`` and ``set_thumbnail_size``); this module
makes the menu, says each order in words, and keeps both choices in the settings file.
"""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import QSettings
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMenu

from fashiondesk.core.services.browse import (
    RESULTS,
    REVIEW,
    SORT_CONFIDENCE,
    SORT_DATE,
    SORT_FOLDER,
    SORT_NAME,
    SORTS,
    GridFilter,
)
from fashiondesk.gui.grid import EDGES
from fashiondesk.gui.thumbnails import GRID_EDGE

SORT_KEY = "view/sort"
EDGE_KEY = "view/thumbnail_size"

# (order, menu text, what it does)
SORT_CHOICES = (
    (SORT_FOLDER, "Folder order", "Folder by folder, as the files lie (Needs review: least sure first)"),
    (SORT_NAME, "File name", "By file name, A to Z; IMG_2 comes before IMG_10"),
    (SORT_DATE, "Date, newest first", "The newest photos first (the date the file was last saved)"),
    (SORT_CONFIDENCE, "Least sure first", "No category first, then the categories fashiondesk is least sure of"),
)
SIZE_NAMES = {96: "Smallest", 128: "Small", 160: "Usual size", 200: "Large", 240: "Largest"}


def order_text(flt: GridFilter) -> str:
    """The grid's order in a few words, for its title ("" for plain folder order)."""
    if flt.scope == RESULTS:
        return "most similar first"
    if flt.sort == SORT_NAME:
        return "by name"
    if flt.sort == SORT_DATE:
        return "newest first"
    if flt.sort == SORT_CONFIDENCE or flt.scope == REVIEW:
        return "least sure first"
    return ""


# -- remembered ------------------------------------------------------------------------

def saved_sort(settings: QSettings) -> str:
    sort = str(settings.value(SORT_KEY, SORT_FOLDER))
    return sort if sort in SORTS else SORT_FOLDER


def remember_sort(settings: QSettings, sort: str) -> None:
    settings.setValue(SORT_KEY, sort)


def saved_edge(settings: QSettings) -> int:
    try:
        edge = int(str(settings.value(EDGE_KEY, GRID_EDGE)))
    except ValueError:
        return GRID_EDGE
    return edge if edge in EDGES else GRID_EDGE


def remember_edge(settings: QSettings, edge: int) -> None:
    settings.setValue(EDGE_KEY, edge)


def larger(edge: int) -> int:
    return next((e for e in EDGES if e > edge), EDGES[-1])


def smaller(edge: int) -> int:
    return next((e for e in reversed(EDGES) if e < edge), EDGES[0])


# -- the menu --------------------------------------------------------------------------

def build_view_menu(window, menu: QMenu) -> None:
    """Fill ``menu`` with "Sort by" and "Thumbnail size"; Ctrl+wheel on the grid changes
    the size too. ``window`` is a MainWindow (``filter``, ``grid``, ``set_sort``,
    ``set_thumbnail_size``)."""
    sort_menu = menu.addMenu("Sort by")
    sorts = QActionGroup(sort_menu)
    for sort, text, tip in SORT_CHOICES:
        act = QAction(text, sorts, checkable=True)
        act.setData(sort)
        act.setStatusTip(tip)
        act.setToolTip(tip)
        act.triggered.connect(partial(window.set_sort, sort))
        sort_menu.addAction(act)
    sort_menu.aboutToShow.connect(lambda: _check(sorts, window.filter.sort))
    _check(sorts, window.filter.sort)

    size_menu = menu.addMenu("Thumbnail size")
    for text, keys, step in (("Larger", ("Ctrl+=", "Ctrl++"), larger), ("Smaller", ("Ctrl+-",), smaller)):
        act = QAction(text, window)
        act.setShortcuts([QKeySequence(k) for k in keys])
        act.triggered.connect(lambda _checked=False, step=step: window.set_thumbnail_size(step(window.grid.edge)))
        size_menu.addAction(act)
        window.addAction(act)  # the keys work wherever the window has the focus
    size_menu.addSeparator()
    sizes = QActionGroup(size_menu)
    for edge in EDGES:
        act = QAction(SIZE_NAMES.get(edge, f"{edge} pixels"), sizes, checkable=True)
        act.setData(edge)
        act.triggered.connect(partial(window.set_thumbnail_size, edge))
        if edge == GRID_EDGE:
            act.setShortcut(QKeySequence("Ctrl+0"))
            window.addAction(act)
        size_menu.addAction(act)
    size_menu.aboutToShow.connect(lambda: _check(sizes, window.grid.edge))
    _check(sizes, window.grid.edge)
    window.grid.edge_step.connect(
        lambda step: window.set_thumbnail_size((larger if step > 0 else smaller)(window.grid.edge)))


def _check(group: QActionGroup, value: object) -> None:
    for act in group.actions():
        act.setChecked(act.data() == value)
