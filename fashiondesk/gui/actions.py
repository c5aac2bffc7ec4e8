"""The main window's toolbar and menus: each action, its shortcut and where it shows."""

from __future__ import annotations

from functools import partial

from PySide6.QtGui import QAction, QKeySequence

from fashiondesk.gui.about import show_about


def _action(window, text, slot, shortcut=None, tip=None) -> QAction:
    act = QAction(text, window)
    act.triggered.connect(slot)
    if shortcut:
        act.setShortcut(QKeySequence(shortcut))
    keys = QKeySequence(shortcut).toString(QKeySequence.SequenceFormat.NativeText) if shortcut else ""
    act.setToolTip(f"{tip or text} ({keys})" if keys else tip or text)
    return act


def build_actions(window) -> None:
    """Give ``window`` (a MainWindow) its actions as attributes, its toolbar and its menus."""
    action = partial(_action, window)
    toolbar = window.addToolBar("Main")
    toolbar.setObjectName("main toolbar")
    toolbar.setMovable(False)

    window.add_folder_action = action("Add folder…", window.choose_folder, QKeySequence.StandardKey.Open)
    window.rescan_action = action("Rescan", window.start_indexing, "F5", "Look for new, changed and moved photos")
    window.export_action = action("Export CSV…", window.choose_export, "Ctrl+E")
    window.restore_action = action("Restore from backup…", window.restorer.start,
                                   tip="Bring the catalogue back to how it was on an earlier day")
    window.search_action = action("Search", window.filters.focus_search, QKeySequence.StandardKey.Find)
    window.undo_action = action("Undo", window.undo, QKeySequence.StandardKey.Undo, "Undo the last tag change")
    window.undo_action.setEnabled(False)
    window.about_action = action("About fashiondesk", lambda: show_about(window, window.catalogue),
                                 tip="Version, catalogue, model and log file")
    window.about_action.setMenuRole(QAction.MenuRole.AboutRole)

    toolbar.addAction(window.add_folder_action)
    toolbar.addAction(window.rescan_action)
    toolbar.addSeparator()
    toolbar.addWidget(window.filters)
    toolbar.addSeparator()
    toolbar.addAction(window.export_action)
    window.addAction(window.search_action)

    menus = window.menuBar()
    file = menus.addMenu("&File")
    for act in (window.add_folder_action, window.rescan_action, window.export_action):
        file.addAction(act)
    file.addSeparator()
    file.addAction(window.restore_action)
    file.addSeparator()
    file.addAction(action("Quit", window.close, QKeySequence.StandardKey.Quit))
    menus.addMenu("&Edit").addAction(window.undo_action)
    menus.addMenu("&Help").addAction(window.about_action)
