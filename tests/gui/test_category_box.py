"""The Category box writes only what staff choose: Return or a click in its list. Leaving
it puts back what the catalogue says; a tag rewritten meanwhile is not accepted blind."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from fashiondesk.core import services
from tests.gui.test_teaching import _filled, _tags_table


def _leave(qtbot, window):
    window.grid.setFocus()
    QApplication.processEvents()
    qtbot.wait(50)


def test_focus_and_unconfirmed_typing_write_nothing(qtbot, window, catalogue):
    clusters = _filled(qtbot, window, catalogue, n=60)
    dress, skirt = clusters["dress"][0], clusters["skirt"][0]
    services.set_category(catalogue, dress, "Dress")  # staff's spelling differs in case from the list's
    window.refresh()
    qtbot.waitUntil(window.settled)
    before = _tags_table(catalogue)
    box = window.detail.category
    for photo_id in (dress, skirt):
        assert window.grid.select_photo(photo_id)
        box.setFocus()
        QApplication.processEvents()
        _leave(qtbot, window)
    assert window.grid.select_photo(skirt)
    box.setFocus()
    box.lineEdit().selectAll()
    qtbot.keyClicks(box.lineEdit(), "sk")  # completes to "skirt" inline; never confirmed
    qtbot.keyClicks(box.lineEdit(), "")
    _leave(qtbot, window)
    assert _tags_table(catalogue) == before
    assert box.currentText() == window.detail.photo.category.name


def test_a_tag_rewritten_meanwhile_is_not_accepted(qtbot, window, catalogue, messages):
    clusters = _filled(qtbot, window, catalogue, n=60)
    photo = clusters["blazer"][0]
    assert window.grid.select_photo(photo)
    shown = window.detail.photo.category
    assert shown.source == "auto"
    with catalogue.sessions() as session, session.begin():  # learning rewrites it under the panel
        from fashiondesk.core.catalogue.models import Tag

        session.get(Tag, shown.id).name = "blazer"
    window.detail.accept_button.click()
    qtbot.waitUntil(lambda: window.detail.photo.category.name == "blazer")
    assert window.detail.photo.category.source == "auto"  # not accepted: staff never saw "blazer"


def test_another_photo_under_the_box_takes_its_focus_away(qtbot, window, catalogue):
    clusters = _filled(qtbot, window, catalogue, n=60)
    first, other = clusters["hat"][0], clusters["shoes"][0]
    assert window.grid.select_photo(first)
    box = window.detail.category
    box.setFocus()
    box.lineEdit().selectAll()
    qtbot.keyClicks(box.lineEdit(), "parka")
    before = _tags_table(catalogue)
    window.detail.show_photo(services.browse.photo_detail(catalogue, other))  # as a refresh would
    assert not box.lineEdit().hasFocus()
    assert QApplication.focusWidget() is not box.lineEdit()
    qtbot.keyClick(QApplication.focusWidget() or window, Qt.Key.Key_Return)  # a stray Enter: not into the box
    assert _tags_table(catalogue) == before
