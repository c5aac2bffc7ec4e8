"""View → Sort by and Thumbnail size: how the grid orders and draws the photos, remembered.

The window does the work (``MainWindow.set_sort`` and ``set_thumbnail_size``); this module
makes the menu, says each order in words, and keeps both choices in the settings file.
"""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import QT_TRANSLATE_NOOP, QSettings
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
from fashiondesk.gui import i18n
from fashiondesk.gui.grid import EDGES
from fashiondesk.gui.i18n import translate
from fashiondesk.gui.thumbnails import GRID_EDGE

SORT_KEY = "view/sort"
EDGE_KEY = "view/thumbnail_size"

# (order, menu text, what it does)
SORT_CHOICES = (
    (SORT_FOLDER, QT_TRANSLATE_NOOP("View", "Folder order"),
     QT_TRANSLATE_NOOP("View", "Folder by folder, as the files lie (Needs review: least sure first)")),
    (SORT_NAME, QT_TRANSLATE_NOOP("View", "File name"),
     QT_TRANSLATE_NOOP("View", "By file name, A to Z; IMG_2 comes before IMG_10")),
    (SORT_DATE, QT_TRANSLATE_NOOP("View", "Date, newest first"),
     QT_TRANSLATE_NOOP("View", "The newest photos first (the date the file was last saved)")),
    (SORT_CONFIDENCE, QT_TRANSLATE_NOOP("View", "Least sure first"),
     QT_TRANSLATE_NOOP("View", "No category first, then the categories fashiondesk is least sure of")),
)
SIZE_NAMES = {96: QT_TRANSLATE_NOOP("View", "Smallest"), 128: QT_TRANSLATE_NOOP("View", "Small"),
              160: QT_TRANSLATE_NOOP("View", "Usual size"), 200: QT_TRANSLATE_NOOP("View", "Large"),
              240: QT_TRANSLATE_NOOP("View", "Largest")}


def order_text(flt: GridFilter) -> str:
    """The grid's order in a few words, for its title ("" for plain folder order)."""
    if flt.scope == RESULTS:
        return translate("View", "most similar first")
    if flt.sort == SORT_NAME:
        return translate("View", "by name")
    if flt.sort == SORT_DATE:
        return translate("View", "newest first")
    if flt.sort == SORT_CONFIDENCE or flt.scope == REVIEW:
        return translate("View", "least sure first")
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
    sort_menu = menu.addMenu(translate("View", "Sort by"))
    sorts = QActionGroup(sort_menu)
    for sort, text, tip in SORT_CHOICES:
        text, tip = translate("View", text), translate("View", tip)
        act = QAction(text, sorts, checkable=True)
        act.setData(sort)
        act.setStatusTip(tip)
        act.setToolTip(tip)
        act.triggered.connect(partial(window.set_sort, sort))
        sort_menu.addAction(act)
    sort_menu.aboutToShow.connect(lambda: _check(sorts, window.filter.sort))
    _check(sorts, window.filter.sort)

    size_menu = menu.addMenu(translate("View", "Thumbnail size"))
    for text, keys, step in ((translate("View", "Larger"), ("Ctrl+=", "Ctrl++"), larger),
                             (translate("View", "Smaller"), ("Ctrl+-",), smaller)):
        act = QAction(text, window)
        act.setShortcuts([QKeySequence(k) for k in keys])
        act.triggered.connect(lambda _checked=False, step=step: window.set_thumbnail_size(step(window.grid.edge)))
        size_menu.addAction(act)
        window.addAction(act)  # the keys work wherever the window has the focus
    size_menu.addSeparator()
    sizes = QActionGroup(size_menu)
    for edge in EDGES:
        act = QAction(translate("View", SIZE_NAMES[edge]) if edge in SIZE_NAMES else f"{edge} px", sizes, checkable=True)
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
    if getattr(window, "settings", None) is not None:
        _language_menu(window, menu.addMenu(translate("View", "Language")))


def _language_menu(window, menu: QMenu) -> None:
    """System / English / 简体中文, remembered; it applies when the window next opens."""
    current = str(window.settings.value(i18n.LANGUAGE_KEY, i18n.SYSTEM))
    group = QActionGroup(menu)
    for key, text in ((i18n.SYSTEM, translate("View", "As the system")), *i18n.LANGUAGES.items()):
        act = QAction(text, group, checkable=True)
        act.setChecked(key == current)
        act.triggered.connect(partial(_choose_language, window, key))
        menu.addAction(act)


def _choose_language(window, key: str) -> None:
    i18n.choose(window.settings, key)
    window.statusBar().showMessage(translate("View", "The language changes the next time fashiondesk opens"), 10_000)


def _check(group: QActionGroup, value: object) -> None:
    for act in group.actions():
        act.setChecked(act.data() == value)
