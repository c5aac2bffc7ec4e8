"""What the grid says when it has no photo to show: how to start on a new catalogue, or
that a search or filter matched nothing, with the one action that helps."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from fashiondesk.core.services.browse import REVIEW, RESULTS, GridFilter, SidebarCounts
from fashiondesk.gui import kinds
from fashiondesk.gui.i18n import translate

ADD_FOLDER, CLEAR_FILTERS, SHOW_ALL = "add folder", "clear filters", "show all"


@dataclass(frozen=True)
class Empty:
    title: str
    text: str = ""
    action: str = ""  # ADD_FOLDER, CLEAR_FILTERS, SHOW_ALL or none
    button: str = ""


def empty_state(flt: GridFilter, also: kinds.Narrowing, counts: SidebarCounts | None,
                indexing: bool) -> Empty | None:
    """What to say about an empty grid, or None while the counts are not known yet."""
    if counts is None:
        return None
    if counts.photos == 0 and not counts.folders:
        if indexing:
            return Empty(translate("Empty", "Looking for photos…"))
        return Empty(translate("Empty", "Add your photo folder to start"),
                     translate("Empty", "fashiondesk looks at every photo in it and in its subfolders, suggests a "
                               "category and colours for each, and keeps the tags here. Your photo files are never "
                               "changed.\n\nYou can also drop a folder onto this window."),
                     ADD_FOLDER, translate("Empty", "Add your photo folder…"))
    if counts.photos == 0:
        if indexing:
            return Empty(translate("Empty", "Looking for photos…"), "", "", "")
        return Empty(translate("Empty", "No photos in your folders yet"),
                     translate("Empty", "Add photos to the folder, then choose File → Rescan, or add another folder."),
                     ADD_FOLDER, translate("Empty", "Add another folder…"))
    narrowed = kinds.narrowed_names(flt, also) + ([f"“{flt.text}”"] if flt.text else [])
    if narrowed:
        return Empty(translate("Empty", "No photos match {what} here").format(
                         what=translate("Empty", " and ").join(narrowed)),
                     translate("Empty", "Check the spelling, or clear the search and filters to see every photo here."),
                     CLEAR_FILTERS, translate("Empty", "Clear search and filters"))
    if flt.scope == REVIEW:
        return Empty(translate("Empty", "Nothing to review"),
                     translate("Empty", "Every photo has a category set by staff or suggested with confidence."),
                     SHOW_ALL, translate("Empty", "Show all photos"))
    if flt.scope == RESULTS:
        return Empty(translate("Empty", "No similar items found"), "", SHOW_ALL, translate("Empty", "Show all photos"))
    return Empty(translate("Empty", "No photos here"), "", SHOW_ALL, translate("Empty", "Show all photos"))


class EmptyState(QWidget):
    """Laid over the grid's viewport, centred, while the grid is empty."""

    action = Signal(str)  # ADD_FOLDER, CLEAR_FILTERS or SHOW_ALL

    def __init__(self, parent: QWidget):
        super().__init__(parent)
        self._action = ""
        self.title = QLabel(alignment=Qt.AlignmentFlag.AlignCenter, wordWrap=True)
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.title.setFont(font)
        self.text = QLabel(alignment=Qt.AlignmentFlag.AlignCenter, wordWrap=True)
        self.text.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.button = QPushButton()
        self.button.clicked.connect(lambda: self.action.emit(self._action))
        layout = QVBoxLayout(self)
        layout.addStretch()
        layout.addWidget(self.title)
        layout.addWidget(self.text)
        layout.addWidget(self.button, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch()
        parent.installEventFilter(self)  # follows the viewport's size
        self.hide()

    def eventFilter(self, watched, event) -> bool:
        if watched is self.parentWidget() and event.type() == QEvent.Type.Resize:
            self.fit()
        return False

    def show_state(self, state: Empty | None) -> None:
        if state is None:
            self.hide()
            return
        self._action = state.action
        self.title.setText(state.title)
        self.text.setText(state.text)
        self.text.setVisible(bool(state.text))
        self.button.setText(state.button)
        self.button.setVisible(bool(state.action))
        self.fit()
        self.show()

    def fit(self) -> None:
        parent = self.parentWidget()
        if parent is not None:
            width = min(parent.width() - 40, 460)
            self.setGeometry((parent.width() - width) // 2, 0, width, parent.height())
