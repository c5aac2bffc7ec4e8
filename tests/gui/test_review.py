"""The review loop: decisions by key, on one photo (then the next to review) or on every
photo selected, undo from anywhere, and nothing written that staff did not choose."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QItemSelectionModel, QPoint, Qt
from PySide6.QtWidgets import QApplication
from sqlalchemy import update

from fashiondesk.core.catalogue.models import Tag
from fashiondesk.gui.review import shown
from tests.gui.embedded import fill_embedded
from tests.gui.test_teaching import _tags_table

N = 40


@pytest.fixture
def review(qtbot, window, catalogue):
    """40 photos; every other one's automatic category is unsure (to review). Learning
    waits for good, so only the decisions change categories."""
    qtbot.waitUntil(window.teacher.is_idle)
    window.teacher.delay_ms = 10**8
    fill_embedded(catalogue, N)
    with catalogue.sessions() as session, session.begin():
        session.execute(update(Tag).where(Tag.photo_id % 2 == 0).values(confidence=0.4))
    window.refresh()
    qtbot.waitUntil(lambda: window.settled() and window.model.rowCount() == N)
    window.grid.setFocus()
    return window


def _category(catalogue, photo_id):
    from fashiondesk.core import services

    tag = services.browse.photo_detail(catalogue, photo_id).category
    return (tag.name, tag.source) if tag is not None else None


def _press(qtbot, window, key, modifier=Qt.KeyboardModifier.NoModifier):
    target = QApplication.focusWidget() or window
    qtbot.keyClick(target, key, modifier)
    qtbot.wait(5)  # moving on happens once the key press is handled


def _tag_by_keys(qtbot, window, photo_id, name):
    """Select the photo, type the tag in the tag field and press Return; the field."""
    window.grid.select_photo(photo_id)
    field = window.detail.new_tag
    field.setFocus()
    qtbot.keyClicks(field, name)
    qtbot.keyClick(field, Qt.Key.Key_Return)
    return field


def _unsure(window):
    return [r.id for r in window.model.rows() if window.model.is_unsure(r)]


def test_keys_decide_and_move_on_to_the_next_photo_to_review(qtbot, review, catalogue):
    window = review
    first, second, third, fourth, fifth = _unsure(window)[:5]
    window.grid.select_photo(first)
    window.grid.setFocus()
    name = _category(catalogue, first)[0]

    _press(qtbot, window, Qt.Key.Key_A)  # accept
    assert _category(catalogue, first) == (name, "manual")
    assert window.grid.current_photo_id() == second  # the sure photo between was skipped
    assert window.statusBar().currentMessage() == f"photo-{first - 1:06d}: accept {shown(name)}"

    rejected = _category(catalogue, second)[0]
    _press(qtbot, window, Qt.Key.Key_R)  # reject
    assert _category(catalogue, second) is None
    assert window.grid.current_photo_id() == third

    _press(qtbot, window, Qt.Key.Key_3)  # the third category of the box's list
    chosen = window.detail.category_choices()[2]
    assert _category(catalogue, third) == (chosen, "manual")
    assert window.grid.current_photo_id() == fourth

    _press(qtbot, window, Qt.Key.Key_C)  # type a category
    assert window.detail.category.lineEdit().hasFocus()
    qtbot.keyClicks(window.detail.category.lineEdit(), "blazer")
    _press(qtbot, window, Qt.Key.Key_Return)
    assert _category(catalogue, fourth) == ("blazer", "manual")
    assert _category(catalogue, fifth)[1] == "auto"  # Return reaches the box twice: never the next photo
    assert window.grid.current_photo_id() == fifth
    assert window.grid.hasFocus()  # the keys are the grid's again

    # Undo from the grid: the last decision, said in words, and back to that photo.
    _press(qtbot, window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert _category(catalogue, fourth)[1] == "auto"
    assert window.statusBar().currentMessage().startswith(f"Undone: photo-{fourth - 1:06d}: ")
    assert window.statusBar().currentMessage().endswith(" → blazer")
    assert window.grid.current_photo_id() == fourth
    assert rejected and _category(catalogue, second) is None  # earlier decisions stay


def test_the_rejected_photo_is_not_offered_again_and_the_end_is_said(qtbot, review, catalogue):
    window = review
    unsure = _unsure(window)
    window.grid.select_photo(unsure[0])
    for _ in unsure:
        _press(qtbot, window, Qt.Key.Key_R)
    assert all(_category(catalogue, p) is None for p in unsure)
    assert window.statusBar().currentMessage() == "Nothing else to review here."


def test_moving_on_can_be_turned_off(qtbot, review, catalogue, settings):
    window = review
    window.advance_action.trigger()  # unchecks it
    assert settings.value("review/advance", type=bool) is False
    first = _unsure(window)[0]
    window.grid.select_photo(first)
    _press(qtbot, window, Qt.Key.Key_A)
    assert window.grid.current_photo_id() == first


def test_several_selected_get_the_decision_and_are_told_so(qtbot, review, catalogue):
    window = review
    unsure = _unsure(window)[:3]
    window.grid.select_photo(unsure[0])
    selection = window.grid.selectionModel()
    for photo_id in unsure[1:]:
        selection.select(window.model.index(window.model.row_of_id(photo_id)), QItemSelectionModel.SelectionFlag.Select)
    assert window.detail.selection_note.isVisible()
    assert window.detail.selection_note.text().startswith("3 photos selected.")

    window.detail.accept_button.click()
    assert [_category(catalogue, p)[1] for p in unsure] == ["manual"] * 3
    assert window.statusBar().currentMessage() == "3 photos: accept 3 automatic categories"
    assert window.grid.current_photo_id() == unsure[0]  # a decision on several: no moving on

    window.detail.category.lineEdit().selectAll()
    qtbot.keyClicks(window.detail.category.lineEdit(), "blazer")
    qtbot.keyClick(window.detail.category.lineEdit(), Qt.Key.Key_Return)
    assert [_category(catalogue, p) for p in unsure] == [("blazer", "manual")] * 3
    window.undo()
    assert [_category(catalogue, p)[1] for p in unsure] == ["manual"] * 3
    assert {_category(catalogue, p)[0] for p in unsure} != {"blazer"}

    window.grid.select_photo(unsure[0])  # one again: the note goes
    assert not window.detail.selection_note.isVisible()


def test_undo_works_from_the_tag_field_and_after_remove(qtbot, review, catalogue):
    window = review
    photo = window.model.rows()[0].id
    field = _tag_by_keys(qtbot, window, photo, "sale")
    assert "sale" in [t.name for t in window.detail.photo.tags]
    qtbot.keyClick(field, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert "sale" not in [t.name for t in window.detail.photo.tags]
    assert field.text() == ""
    assert window.statusBar().currentMessage() == f"Undone: {Path(window.detail.photo.path).stem}: add the tag sale"

    qtbot.keyClicks(field, "new in")  # typing of its own: Ctrl+Z undoes the typing
    qtbot.keyClick(field, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert field.text() == ""
    field.setText("")

    window.detail.add_tag.emit(photo, "sale")
    tags = window.detail.tags
    row = next(i for i in range(tags.count()) if tags.item(i).text() == "sale")
    tags.setCurrentRow(row)
    window.detail.remove_tag_button.click()
    assert "sale" not in [t.name for t in window.detail.photo.tags]
    assert QApplication.focusWidget() is tags  # not the tag field
    _press(qtbot, window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert "sale" in [t.name for t in window.detail.photo.tags]


def test_focus_walks_through_the_detail_panel_and_changes_nothing(qtbot, review, catalogue):
    window = review
    before = _tags_table(catalogue)
    for photo_id in [r.id for r in window.model.rows()[:4]]:
        window.grid.select_photo(photo_id)
        window.grid.setFocus()
        seen = set()
        for _ in range(40):  # Tab round the whole window, through every field of the panel
            _press(qtbot, window, Qt.Key.Key_Tab)
            seen.add(QApplication.focusWidget())
        assert window.detail.category.lineEdit() in seen or window.detail.category in seen
        assert window.detail.new_tag in seen and window.detail.tags in seen
        for _ in range(40):
            _press(qtbot, window, Qt.Key.Key_Backtab)
        window.grid.setFocus()
    assert _tags_table(catalogue) == before


def test_review_keys_are_only_the_grid_and_panel_s(qtbot, review, catalogue):
    """Typed in the search box, "a", "r" and digits are a search, never a decision."""
    window = review
    before = _tags_table(catalogue)
    window.grid.select_photo(_unsure(window)[0])
    window.filters.search.setFocus()
    qtbot.keyClicks(window.filters.search, "ar 13 c")
    qtbot.wait(10)
    assert _tags_table(catalogue) == before


def test_a_second_return_from_the_box_never_decides_for_the_next_photo(qtbot, review, catalogue):
    """Qt delivers Return in an editable box twice (the line edit's signal, then again via
    the box): the second must not accept the next photo's automatic category."""
    window = review
    first, second = _unsure(window)[:2]
    window.grid.select_photo(first)
    edit = window.detail.category.lineEdit()
    edit.selectAll()
    qtbot.keyClicks(edit, "blazer")
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    qtbot.wait(5)
    edit.returnPressed.emit()  # again, as it comes
    window.detail.category.activated.emit(0)
    qtbot.wait(5)
    assert _category(catalogue, first) == ("blazer", "manual")
    assert window.grid.current_photo_id() == second
    assert _category(catalogue, second)[1] == "auto"


def test_categories_are_shown_as_a_shop_says_them_and_stored_as_before(qtbot, review, catalogue):
    """The shipped model's "outwear" shows as "outerwear"; typed so, it is stored as "outwear"."""
    window = review
    blazer = next(r.id for r in window.model.rows() if r.category == "outwear")
    window.grid.select_photo(blazer)
    assert window.detail.category.currentText() == "outerwear"
    assert "outerwear" in [window.detail.category.itemText(i) for i in range(window.detail.category.count())]
    assert "outwear" in window.detail.category_choices()
    qtbot.waitUntil(lambda: window.sidebar.counts is not None)
    texts = [window.sidebar.topLevelItem(g).child(i).text(0) for g in range(window.sidebar.topLevelItemCount())
             for i in range(window.sidebar.topLevelItem(g).childCount())]
    assert "outerwear" in texts and "outwear" not in texts
    box = window.filters.boxes["category"]
    assert box.itemData(box.findText("outerwear")) == "outwear"

    hat = next(r.id for r in window.model.rows() if r.category == "hat")
    window.grid.select_photo(hat)
    edit = window.detail.category.lineEdit()
    edit.selectAll()
    qtbot.keyClicks(edit, "Outerwear")
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert _category(catalogue, hat) == ("outwear", "manual")
    assert window.statusBar().currentMessage().endswith("hat → outerwear")


def test_a_review_session_of_100_photos_by_keyboard_alone(qtbot, window, catalogue):
    """Every photo to review, decided with the keys only: one key when the suggestion is
    right (A) or the right category is a shipped one (its number); C, the name and Enter for
    a category of the shop's own. Prints the key presses per photo."""
    qtbot.waitUntil(window.teacher.is_idle)
    window.teacher.delay_ms = 10**8  # learning would change the suggestions under the session
    clusters = fill_embedded(catalogue, 100)
    truth = {pid: name for name, ids in clusters.items() for pid in ids}
    with catalogue.sessions() as session, session.begin():
        session.execute(update(Tag).values(confidence=0.4))  # all to review
    window.refresh()
    qtbot.waitUntil(lambda: window.settled() and window.model.rowCount() == 100)
    presses = 0

    def press(key, modifier=Qt.KeyboardModifier.NoModifier):
        nonlocal presses
        presses += 1
        qtbot.keyClick(QApplication.focusWidget() or window, key, modifier)

    def type_in(text):
        nonlocal presses
        presses += len(text)
        qtbot.keyClicks(QApplication.focusWidget(), text)

    press(Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)  # Review → Photos to review
    qtbot.waitUntil(lambda: window.filter.scope == "review" and window.grid.current_photo_id() is not None)
    choices = window.detail.category_choices()
    for _ in range(100):
        qtbot.waitUntil(lambda: window.grid.current_photo_id() is not None and window.grid.hasFocus())
        photo = window.grid.current_photo_id()
        suggested = window.detail.photo.category.name
        want = truth[photo]
        if suggested == want:
            press(Qt.Key.Key_A)
        elif want in choices[:10]:
            number = choices.index(want) + 1
            press(getattr(Qt.Key, f"Key_{number % 10}"))
        else:
            press(Qt.Key.Key_C)
            type_in(want)
            press(Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: window.grid.current_photo_id() != photo or window.statusBar().currentMessage()
                        == "Nothing else to review here.")
    categories = {pid: _category(catalogue, pid) for pid in truth}
    assert categories == {pid: (want, "manual") for pid, want in truth.items()}
    # The end is said either way round: the status bar, if the advance ran before the view
    # let go of the last photo, and the grid's empty state in any case (a loaded machine
    # reorders the two).
    qtbot.waitUntil(lambda: window.model.rowCount() == 0 and window.empty.isVisible())
    assert window.empty.title.text() == "Nothing to review"
    print(f"\n100 photos reviewed with {presses} key presses: {presses / 100:.2f} a photo")
    assert presses <= 100 * 1 + 10 * 7 + 1  # blazers (10) take C + 6 letters + Enter; the rest one key


def test_the_mouse_wheel_over_the_category_box_changes_nothing(qtbot, review, catalogue):
    from PySide6.QtCore import QPointF
    from PySide6.QtGui import QWheelEvent

    window = review
    photo = window.model.rows()[0].id
    window.grid.select_photo(photo)
    box = window.detail.category
    before, shown = _tags_table(catalogue), box.currentText()
    for delta in (-120, -120, 120, -360):
        point = QPointF(box.rect().center())
        event = QWheelEvent(point, QPointF(box.mapToGlobal(box.rect().center())), QPoint(0, 0), QPoint(0, delta),
                            Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase,
                            False)
        QApplication.sendEvent(box, event)
    assert box.currentText() == shown
    window.grid.setFocus()
    qtbot.wait(10)
    assert _tags_table(catalogue) == before


def _type_in_box(qtbot, window, text):
    """As staff do: C, then the keys go where Qt sends them (the box has the focus)."""
    _press(qtbot, window, Qt.Key.Key_C)
    qtbot.keyClicks(QApplication.focusWidget(), text)


def _click_photo(qtbot, window, photo_id):
    index = window.model.index(window.model.row_of_id(photo_id))
    window.grid.scrollTo(index)
    qtbot.mouseClick(window.grid.viewport(), Qt.MouseButton.LeftButton, pos=window.grid.visualRect(index).center())
    qtbot.wait(5)


def test_typing_in_the_box_then_leaving_it_writes_nothing(qtbot, review, catalogue):
    window = review
    before = _tags_table(catalogue)
    unsure = _unsure(window)
    for typed, leave in (("skirt", "click"), ("long-sleeve top", "click"), ("sk", "click"), ("pants", "tab"),
                         ("hat", "tag field"), ("sh", "tab")):
        window.grid.select_photo(unsure[0])
        window.grid.setFocus()
        shown = window.detail.category.currentText()
        _type_in_box(qtbot, window, typed)
        if leave == "click":
            _click_photo(qtbot, window, unsure[3])
        elif leave == "tab":
            _press(qtbot, window, Qt.Key.Key_Tab)
        else:
            qtbot.mouseClick(window.detail.new_tag, Qt.MouseButton.LeftButton)
        qtbot.wait(10)
        assert _tags_table(catalogue) == before, f"{typed!r} then {leave} wrote a category"
        window.grid.select_photo(unsure[0])
        assert window.detail.category.currentText() == shown


def test_escape_in_the_box_puts_back_and_gives_the_keys_back(qtbot, review, catalogue):
    window = review
    before = _tags_table(catalogue)
    first = _unsure(window)[0]
    window.grid.select_photo(first)
    window.grid.setFocus()
    shown = window.detail.category.currentText()
    _type_in_box(qtbot, window, "jacket")
    _press(qtbot, window, Qt.Key.Key_Escape)
    assert window.detail.category.currentText() == shown
    assert window.grid.hasFocus()
    _click_photo(qtbot, window, _unsure(window)[2])
    assert _tags_table(catalogue) == before
    window.grid.select_photo(first)
    window.grid.setFocus()
    _press(qtbot, window, Qt.Key.Key_A)  # the grid's key again: a decision, not a letter typed
    assert _category(catalogue, first)[1] == "manual"


def test_undo_selects_the_photo_alone_and_works_from_the_box(qtbot, review, catalogue):
    from fashiondesk.gui.review import selected_count

    window = review
    first, second = _unsure(window)[:2]
    window.grid.select_photo(first)
    window.grid.setFocus()
    _press(qtbot, window, Qt.Key.Key_R)
    assert window.grid.current_photo_id() == second
    _press(qtbot, window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.grid.current_photo_id() == first and selected_count(window.grid) == 1
    _press(qtbot, window, Qt.Key.Key_A)
    assert _category(catalogue, first)[1] == "manual" and _category(catalogue, second)[1] == "auto"

    _press(qtbot, window, Qt.Key.Key_C)  # in the box, nothing typed: Ctrl+Z is the window's
    _press(qtbot, window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert _category(catalogue, first)[1] == "auto"


def test_a_name_typed_in_another_case_is_the_same_category(qtbot, review, catalogue):
    window = review
    photo = _unsure(window)[0]
    window.grid.select_photo(photo)
    window.grid.setFocus()
    _type_in_box(qtbot, window, "Skirt")
    _press(qtbot, window, Qt.Key.Key_Return)
    assert _category(catalogue, photo) == ("skirt", "manual")


def test_in_needs_review_the_next_photo_follows_a_decision_even_without_moving_on(qtbot, review, catalogue):
    window = review
    window.advance_action.trigger()  # off
    _press(qtbot, window, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.filter.scope == "review" and window.settled())
    rows = [r.id for r in window.model.rows()]
    _click_photo(qtbot, window, rows[2])
    _press(qtbot, window, Qt.Key.Key_A)
    qtbot.waitUntil(lambda: window.settled() and rows[2] not in [r.id for r in window.model.rows()])
    assert window.grid.current_photo_id() == rows[3] == window.detail.photo.id  # not the one before it

    _press(qtbot, window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # back in the view, and shown
    qtbot.waitUntil(lambda: window.settled() and window.grid.current_photo_id() == rows[2])


def test_arrow_keys_in_the_box_open_its_list_and_choose_nothing(qtbot, review, catalogue):
    window = review
    before = _tags_table(catalogue)
    window.grid.select_photo(_unsure(window)[0])
    window.grid.setFocus()
    _press(qtbot, window, Qt.Key.Key_C)
    for key in (Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_PageDown):
        qtbot.keyClick(QApplication.focusWidget(), key)
        qtbot.wait(5)
        assert _tags_table(catalogue) == before
        window.detail.category.hidePopup()
    _press(qtbot, window, Qt.Key.Key_Escape)
    assert _tags_table(catalogue) == before


def test_after_remove_tag_nothing_is_picked_until_staff_pick_it(qtbot, review, catalogue):
    window = review
    photo = window.model.rows()[0].id
    window.grid.select_photo(photo)
    for name in ("sale", "new in"):
        window.detail.add_tag.emit(photo, name)
    tags = window.detail.tags
    row = next(i for i in range(tags.count()) if tags.item(i).text() == "sale")
    tags.setCurrentRow(row)
    window.detail.remove_tag_button.click()
    assert not window.detail.remove_tag_button.isEnabled()
    _press(qtbot, window, Qt.Key.Key_Delete)  # in the list: no tag picked, nothing removed
    assert "new in" in [t.name for t in window.detail.photo.tags]


def test_ctrl_z_in_the_box_gives_the_keys_back_to_the_grid(qtbot, review, catalogue):
    window = review
    first = _unsure(window)[0]
    window.grid.select_photo(first)
    window.grid.setFocus()
    _press(qtbot, window, Qt.Key.Key_A)
    _press(qtbot, window, Qt.Key.Key_C)
    _press(qtbot, window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert _category(catalogue, first)[1] == "auto"
    assert window.grid.hasFocus()


def test_a_new_name_typed_in_another_case_is_one_category(qtbot, review, catalogue):
    window = review
    a, b, c = _unsure(window)[:3]
    for photo, typed in ((a, "Blazer"), (b, "blazer"), (c, "BLAZER ")):
        window.grid.select_photo(photo)
        window.grid.setFocus()
        _type_in_box(qtbot, window, typed)
        _press(qtbot, window, Qt.Key.Key_Return)
    assert {_category(catalogue, p) for p in (a, b, c)} == {("Blazer", "manual")}


def test_a_tag_typed_for_one_photo_is_not_left_for_the_next(qtbot, review, catalogue):
    window = review
    rows = window.model.rows()
    window.grid.select_photo(rows[0].id)
    qtbot.keyClicks(window.detail.new_tag, "summer sale")
    window.grid.select_photo(rows[5].id)
    assert window.detail.new_tag.text() == ""
    qtbot.keyClicks(window.detail.new_tag, "window")
    qtbot.keyClick(window.detail.new_tag, Qt.Key.Key_Escape)
    assert window.detail.new_tag.text() == ""
    window.detail.add_tag.emit(rows[5].id, "sale")
    window.detail.add_tag.emit(rows[5].id, "Sale")  # it has it already: no second undo step
    window.undo()
    assert "sale" not in [t.name for t in window.detail.photo.tags]
    assert not window.undo_action.isEnabled()


def test_typing_then_opening_a_list_or_menu_writes_nothing(qtbot, review, catalogue):
    """Qt's box chose the name typed as its line edit lost focus to a popup (its own list,
    Alt+Down, a click on its arrow, or a menu): what was typed goes instead."""
    window = review
    before = _tags_table(catalogue)
    box = window.detail.category
    photo = _unsure(window)[0]
    for typed, opening in (("skirt", "down"), ("sh", "alt+down"), ("sh", "arrow"), ("hat", "showPopup")):
        window.grid.select_photo(photo)
        window.grid.setFocus()
        shown = box.currentText()
        _type_in_box(qtbot, window, typed)
        if opening == "down":
            qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Down)
        elif opening == "alt+down":
            qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
        elif opening == "arrow":
            qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=box.rect().center() + QPoint(box.width() // 2 - 8, 0))
        else:
            box.showPopup()
        qtbot.wait(20)
        assert _tags_table(catalogue) == before, f"{typed!r} then {opening} wrote a category"
        box.hidePopup()
        qtbot.wait(5)
        assert box.currentText() == shown
        _click_photo(qtbot, window, _unsure(window)[3])
        assert _tags_table(catalogue) == before
    # A name picked in the list still counts.
    window.grid.select_photo(photo)
    window.grid.setFocus()
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=box.rect().center() + QPoint(box.width() // 2 - 8, 0))
    qtbot.wait(20)
    view = box.view()
    assert view.isVisible()
    view.setCurrentIndex(box.model().index(box.findData("skirt"), 0))  # moved to with the arrow keys
    qtbot.keyClick(view, Qt.Key.Key_Return)  # the list has the keys while it is open
    qtbot.wait(20)
    assert _category(catalogue, photo) == ("skirt", "manual")


def test_a_tag_clicked_in_the_list_can_be_confirmed_or_removed(qtbot, review, catalogue):
    window = review
    photo = window.model.rows()[0].id
    window.grid.select_photo(photo)
    window.detail.add_tag.emit(photo, "sale")
    tags = window.detail.tags
    item = next(tags.item(i) for i in range(tags.count()) if tags.item(i).text() == "sale")
    qtbot.mouseClick(tags.viewport(), Qt.MouseButton.LeftButton, pos=tags.visualItemRect(item).center())
    assert window.detail.remove_tag_button.isEnabled()
    window.detail.remove_tag_button.click()
    assert "sale" not in [t.name for t in window.detail.photo.tags]


def test_photos_to_review_behind_a_filter_selects_the_first_once_it_is_cleared(qtbot, review, catalogue):
    window = review
    window.filters.search.setText("no such photo")
    window.filters.search.returnPressed.emit()
    qtbot.waitUntil(lambda: window.settled() and window.model.rowCount() == 0)
    _press(qtbot, window, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.settled() and window.filter.scope == "review")
    assert window.empty.isVisible() and window.empty.button.text() == "Clear search and filters"
    window.empty.button.click()
    qtbot.waitUntil(lambda: window.settled() and window.model.rowCount() > 0)
    assert window.grid.current_photo_id() == window.model.rows()[0].id == window.detail.photo.id


def test_a_photo_that_only_has_the_focus_is_never_the_one_decided_on(qtbot, review, catalogue):
    """Ctrl+arrows and Ctrl+Home move the focus without selecting, and Ctrl+click takes the
    photo clicked out of the selection: the panel keeps showing a highlighted photo, and A
    accepts that one, never the photo with the focus alone."""
    window = review
    rows = [r.id for r in window.model.rows()]
    unsure = _unsure(window)
    chosen = unsure[3]
    before = _tags_table(catalogue)
    _click_photo(qtbot, window, chosen)
    for key in (Qt.Key.Key_Right, Qt.Key.Key_Right, Qt.Key.Key_Home):
        _press(qtbot, window, key, Qt.KeyboardModifier.ControlModifier)
        assert window.detail.photo.id == chosen  # the panel stays with the highlighted photo
    assert window.model.row_of_id(rows[0]) == window.grid.currentIndex().row() != window.model.row_of_id(chosen)
    _press(qtbot, window, Qt.Key.Key_A)
    tags, _ = _tags_table(catalogue)
    assert {row[1] for row in set(tags) ^ set(before[0])} == {chosen}

    # Ctrl+click on the only selected photo: nothing is highlighted, nothing is shown or decided on.
    other = unsure[5]
    _click_photo(qtbot, window, other)
    index = window.model.index(window.model.row_of_id(other))
    qtbot.mouseClick(window.grid.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.ControlModifier,
                     window.grid.visualRect(index).center())
    qtbot.wait(5)
    assert window.grid.currentIndex() == index and window.detail.photo is None
    before = _tags_table(catalogue)
    _press(qtbot, window, Qt.Key.Key_A)
    assert _tags_table(catalogue) == before


def test_redo_makes_an_undone_edit_again_and_a_new_edit_ends_it(qtbot, review, catalogue):
    """Ctrl+Shift+Z and Ctrl+Y redo what Ctrl+Z undid, from the grid or the tag field; a new
    edit after an undo leaves nothing to redo."""
    window = review
    photo = window.model.rows()[0].id
    field = _tag_by_keys(qtbot, window, photo, "sale")
    names = lambda: [t.name for t in window.detail.photo.tags]  # noqa: E731
    assert not window.redo_action.isEnabled()
    qtbot.keyClick(field, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert "sale" not in names() and window.redo_action.isEnabled()
    assert window.redo_action.text().startswith("Redo ") and window.redo_action.text().endswith("add the tag sale")
    qtbot.keyClick(field, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert "sale" in names() and not window.redo_action.isEnabled()
    assert window.statusBar().currentMessage().startswith("Redone: ")
    window.grid.setFocus()
    _press(qtbot, window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert "sale" not in names()
    _press(qtbot, window, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert "sale" in names()

    _press(qtbot, window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    window.detail.add_tag.emit(photo, "linen")  # a new edit: the undone one stays undone
    assert not window.redo_action.isEnabled()
    before = _tags_table(catalogue)
    _press(qtbot, window, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert _tags_table(catalogue) == before and "sale" not in names() and "linen" in names()


def test_words_typed_beside_the_tag_field_go_into_it_and_decide_nothing(qtbot, review, catalogue):
    """A click beside the tag field leaves the focus on the panel; the words typed next
    become a tag being typed instead of review keys (R rejects, A accepts, N moves on)."""
    window = review
    photo = _unsure(window)[0]
    window.grid.select_photo(photo)
    window.detail.tags.setFocus()  # where a click just beside the field leaves it
    before = _tags_table(catalogue)
    for char in "summer sale":
        target = QApplication.focusWidget()
        qtbot.keyClicks(target, char)
    assert window.detail.new_tag.text() == "summer sale"
    assert _tags_table(catalogue) == before and window.detail.photo.id == photo
    qtbot.keyClick(window.detail.new_tag, Qt.Key.Key_Return)
    assert "summer sale" in [t.name for t in window.detail.photo.tags]


def test_letters_typed_in_the_open_category_list_choose_in_it(qtbot, review, catalogue):
    """C, then Down opens the Category box's list: typing 'sk' jumps to skirt there and Enter
    chooses it (the letters must not go to the tag field, leaving Enter to confirm the
    automatic category as staff's). Found by a review."""
    window = review
    photo = _unsure(window)[0]
    window.grid.select_photo(photo)
    window.grid.setFocus()
    _press(qtbot, window, Qt.Key.Key_C)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Down)
    qtbot.wait(20)
    view = window.detail.category.view()
    qtbot.keyClicks(view, "sk")
    qtbot.wait(20)
    assert view.currentIndex().data() == "skirt" and window.detail.new_tag.text() == ""
    qtbot.keyClick(view, Qt.Key.Key_Return)
    qtbot.wait(50)
    assert _category(catalogue, photo) == ("skirt", "manual")


def test_one_detail_load_per_move(qtbot, review, monkeypatch):
    """The panel reads a photo once per move, however Qt orders its selection signals."""
    from fashiondesk.core import services

    window = review
    rows = [r.id for r in window.model.rows()]
    _click_photo(qtbot, window, rows[5])
    calls = []
    real = services.browse.photo_detail
    monkeypatch.setattr(services.browse, "photo_detail", lambda *a, **k: calls.append(a[1]) or real(*a, **k))
    window.grid.select_photo(rows[9])
    qtbot.wait(10)
    _press(qtbot, window, Qt.Key.Key_Right)
    qtbot.wait(10)
    assert calls == [rows[9], rows[10]]
