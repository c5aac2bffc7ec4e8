"""The detail panel's Category box: staff type a category or pick one from its list, and
only Return or a pick in the list chooses. Everything else — focus coming and going, the
mouse wheel, arrow keys, Escape, a list or menu opening — leaves the catalogue's category
in the box and chooses nothing.

Qt's editable QComboBox chooses on its own in several of those cases ("activated" when it
loses focus with a text matching an item, on arrow keys in a closed box), and it delivers
its focus to the box and hands it to its line edit directly: so the box and its line edit
are both watched here, and a choice counts only once the box was reached for (typing, its
focus or its list) and only once per reach (Return arrives twice: the line edit's
``returnPressed``, then again through the box).
"""

from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QComboBox, QLineEdit

from fashiondesk.core import services
from fashiondesk.core.services.browse import TagSource

STEP_KEYS = (Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_PageUp, Qt.Key.Key_PageDown)


class CategoryBox(QComboBox):
    chosen = Signal(str)  # a stored name, chosen by Return or a pick in the list
    left = Signal()  # Escape: nothing chosen, the keys go elsewhere

    def __init__(self, names: TagSource, categories: list[str], wheel: Callable[[QEvent], None], parent=None):
        super().__init__(parent, editable=True)
        self._names = names  # stored names and how they are shown
        self._wheel = wheel  # where the mouse wheel over the box goes (the panel's scrolling)
        self.catalogue_name = ""  # the category the catalogue has for the photo shown
        self._armed = False
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.setAccessibleName("Category")
        for name in categories:
            self.addItem(names.display(name), name)
        edit = self.lineEdit()  # editable: it has one
        assert edit is not None
        self.edit: QLineEdit = edit
        self.activated.connect(self._choose)
        edit.returnPressed.connect(self._choose)
        edit.textEdited.connect(self._arm)
        for watched in (self, edit, self.view()):
            watched.installEventFilter(self)
        matching = self.completer()
        if matching is not None:
            matching.setCaseSensitivity(Qt.CaseSensitivity.CaseSensitive)

    # -- what it shows -------------------------------------------------------------------

    def choices(self) -> list[str]:
        """The list, as stored names: shipped categories, then those staff taught."""
        return [self.itemData(i) for i in range(self.count())]

    def add_names(self, names: list[str]) -> None:
        """Offer categories staff taught besides the shipped ones (the text typed stays)."""
        known = {services.tag_key(name) for name in self.choices()}
        text = self.currentText()
        for name in names:
            if services.tag_key(name) not in known:
                known.add(services.tag_key(name))
                self.addItem(self._names.display(name), name)
        if self.currentText() != text:
            self.setCurrentText(text)

    def show_name(self, name: str) -> None:
        """Show the catalogue's category (stored name, "" for none); nothing is chosen."""
        self.catalogue_name = name
        shown = self._names.display(name)
        # The current item must be the one shown: an editable box whose text differs from its
        # current item "activates" the item matching its text when it loses focus.
        self.setCurrentIndex(self.findText(shown) if name else -1)
        self.setCurrentText(shown)
        self.edit.setModified(False)

    def typing(self) -> bool:
        """Staff are typing a name (a refresh of the same photo leaves it alone)."""
        return self.edit.hasFocus() and self.edit.isModified()

    def another_photo(self) -> None:
        """Another photo is shown under the box: whatever is pressed next is not for it."""
        self._armed = False
        if self.edit.hasFocus():
            self.edit.clearFocus()

    def begin_typing(self) -> None:
        """Type-ahead: the name is selected, so typing replaces it."""
        if self.isEnabled():
            self.setFocus(Qt.FocusReason.ShortcutFocusReason)
            self.edit.selectAll()

    # -- choosing ------------------------------------------------------------------------

    def _arm(self, *_args) -> None:
        self._armed = True

    def _put_back(self) -> None:
        self._armed = False
        self.show_name(self.catalogue_name)

    def _choose(self, *_args) -> None:
        typed = self.currentText().strip()
        listed = self.findText(typed, Qt.MatchFlag.MatchFixedString)  # a name as shown, in any case
        text = self._one_spelling(str(self.itemData(listed)) if listed >= 0 and self.itemData(listed)
                                  else self._names.stored(typed))
        self.edit.setModified(False)  # chosen: what the catalogue says next is shown
        if text and self._armed:
            self._armed = False
            self.chosen.emit(text)

    def _one_spelling(self, name: str) -> str:
        """A name typed in another case than one in the list ("Skirt") is that category."""
        return next((known for known in self.choices() if services.tag_key(known) == services.tag_key(name)), name)

    def eventFilter(self, watched, event) -> bool:
        kind = event.type()
        if watched is self and kind == QEvent.Type.Wheel:
            # Scrolling past the box must not turn it to another name: the panel scrolls.
            self._wheel(event)
            return True
        if kind in (QEvent.Type.FocusIn, QEvent.Type.Show):
            self._arm()
        if watched is self.view():
            return False
        if kind == QEvent.Type.FocusOut:
            # Put back before the box's own handler, which would choose the item matching
            # the text; a list or menu opening too (what was typed goes), but a name then
            # picked in the box's list still counts.
            self._put_back()
            if event.reason() == Qt.FocusReason.PopupFocusReason:
                self._armed = True
        elif kind == QEvent.Type.KeyPress and not self.view().isVisible():
            if event.key() in STEP_KEYS:  # a closed box would step to the next name and choose it
                self.showPopup()
                return True
            if event.key() == Qt.Key.Key_Escape:
                self._put_back()
                self.left.emit()
                return True
        return False
