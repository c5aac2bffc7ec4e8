"""The main window's toolbar and menus: each action, its shortcut and where it shows."""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence

from fashiondesk.gui.about import show_about
from fashiondesk.gui.editing import REDO_TOO
from fashiondesk.gui.help_menu import build_help_menu
from fashiondesk.gui.i18n import translate
from fashiondesk.gui.review import CATEGORY_KEYS, shown
from fashiondesk.gui.view_menu import build_view_menu


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

    window.add_folder_action = action(translate("Menus", "Add folder…"), window.choose_folder, QKeySequence.StandardKey.Open)
    window.rescan_action = action(translate("Menus", "Rescan"), window.start_indexing, "F5",
                                   translate("Menus", "Look for new, changed and moved photos"))
    shop = window.shop_files
    window.export_action = action(translate("Menus", "Export…"), shop.choose_export, "Ctrl+E",
                                  translate("Menus", "Write the catalogue as CSV: for the till, a spreadsheet, Shopify or WooCommerce"))
    window.import_action = action(translate("Menus", "Import spreadsheet…"), shop.choose_import, "Ctrl+I",
                                  translate("Menus", "Read products, prices, sizes, stock and tags from a spreadsheet saved as CSV"))
    window.sidecars_action = action(translate("Menus", "Write keyword sidecars (XMP)…"), shop.write_sidecars,
                                    tip=translate("Menus", "Put the tags of the photos shown into photo.jpg.xmp files, for Lightroom, digiKam and Bridge"))
    window.restore_action = action(translate("Menus", "Restore from backup…"), window.restorer.start,
                                   tip=translate("Menus", "Bring the catalogue back to how it was on an earlier day"))
    window.search_action = action(translate("Menus", "Search"), window.filters.focus_search, QKeySequence.StandardKey.Find)
    window.undo_action = action(translate("Menus", "Undo"), window.undo, QKeySequence.StandardKey.Undo,
                                translate("Menus", "Undo the last tag change"))
    window.undo_action.setEnabled(False)
    window.redo_action = action(translate("Menus", "Redo"), window.redo, QKeySequence.StandardKey.Redo,
                                translate("Menus", "Make the tag change undone again"))
    # Every key the platform has for Redo (Ctrl+Shift+Z and Ctrl+Y here), and Ctrl+Y wherever it lacks it.
    redo_keys = QKeySequence.keyBindings(QKeySequence.StandardKey.Redo)
    window.redo_action.setShortcuts(redo_keys + ([] if QKeySequence(REDO_TOO) in redo_keys else [QKeySequence(REDO_TOO)]))
    window.redo_action.setEnabled(False)
    window.about_action = action(translate("Menus", "About fashiondesk"), lambda: show_about(window, window.catalogue),
                                 tip=translate("Menus", "Version, catalogue, model and log file"))
    window.about_action.setMenuRole(QAction.MenuRole.AboutRole)

    toolbar.addAction(window.add_folder_action)
    toolbar.addAction(window.rescan_action)
    toolbar.addSeparator()
    toolbar.addWidget(window.filters)
    toolbar.addSeparator()
    toolbar.addAction(window.export_action)
    window.addAction(window.search_action)

    menus = window.menuBar()
    file = menus.addMenu(translate("Menus", "&File"))
    for act in (window.add_folder_action, window.rescan_action):
        file.addAction(act)
    file.addSeparator()
    for act in (window.import_action, window.export_action, window.sidecars_action):
        file.addAction(act)
    file.addSeparator()
    file.addAction(window.restore_action)
    file.addSeparator()
    file.addAction(action(translate("Menus", "Quit"), window.close, QKeySequence.StandardKey.Quit))
    edit = menus.addMenu(translate("Menus", "&Edit"))
    edit.addAction(window.undo_action)
    edit.addAction(window.redo_action)
    build_view_menu(window, menus.addMenu(translate("Menus", "&View")))
    _review_menu(window, menus.addMenu(translate("Menus", "&Review")), action)
    build_help_menu(window, menus.addMenu(translate("Menus", "&Help")))


def _review_menu(window, menu, action) -> None:
    """Decisions by single keys. They act only while the grid or the detail panel has the
    focus (a text field there keeps its keys): never from the toolbar's search or filters."""
    review = window.review
    window.accept_action = action(translate("Menus", "Accept the category"), review.accept, "A",
                                  translate("Menus", "The automatic category is right (on every photo selected)"))
    window.reject_action = action(translate("Menus", "Reject the category"), review.reject, "R",
                                  translate("Menus", "The automatic category is wrong (on every photo selected)"))
    window.type_category_action = action(translate("Menus", "Type a category…"), window.detail.focus_category, "C",
                                         translate("Menus", "Type a category's name in the Category box, then Enter"))
    window.next_action = action(translate("Menus", "Next photo to review"), review.go_to_next, "N")
    window.review_action = action(translate("Menus", "Photos to review"), window.show_review, "Ctrl+R",
                                  translate("Menus", "Show the photos that need review, the first one selected"))
    window.advance_action = action(translate("Menus", "Move on after each decision"), review.set_advance,
                                   tip=translate("Menus", "After a decision on one photo, select the next photo to review"))
    window.advance_action.setCheckable(True)
    window.advance_action.setChecked(review.advance)
    choose = menu.addMenu(translate("Menus", "Set the category"))
    window.category_actions = []
    for number, key in enumerate(CATEGORY_KEYS, start=1):
        act = action(str(number), partial(review.choose_number, number), key)
        window.category_actions.append(act)
        choose.addAction(act)
    choose.aboutToShow.connect(partial(_name_category_keys, window))
    _name_category_keys(window)
    keyed = [window.accept_action, window.reject_action, window.type_category_action, window.next_action,
             *window.category_actions]
    for act in keyed:
        act.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        window.grid.addAction(act)
        window.detail.addAction(act)
    menu.addAction(window.review_action)
    menu.addSeparator()
    for act in (window.accept_action, window.reject_action, window.type_category_action):
        menu.addAction(act)
    menu.insertMenu(window.type_category_action, choose)
    menu.addSeparator()
    menu.addAction(window.next_action)
    menu.addAction(window.advance_action)
    menu.addSeparator()
    window.duplicates_action = action(translate("Menus", "Find duplicates…"), window.find_duplicates, None,
                                      translate("Menus", "The same photo kept several times (copies, resized, "
                                                         "cropped or edited), with the one to keep"))
    menu.addAction(window.duplicates_action)


def _name_category_keys(window) -> None:
    names = window.detail.category_choices()
    for number, act in enumerate(window.category_actions, start=1):
        act.setText(shown(names[number - 1]) if number <= len(names) else "")
        act.setVisible(number <= len(names))
