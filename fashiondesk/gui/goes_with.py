"""The detail panel's "Goes with": pieces of the shop's stock that complete the look of the
photo shown, one row per role (a click goes there), and Save look. It folds away, and
while folded asks for nothing."""

from __future__ import annotations

import os

from PySide6.QtCore import QT_TRANSLATE_NOOP, QSettings, Signal
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QPushButton, QToolButton, QVBoxLayout, QWidget

from fashiondesk.core.records import Hit
from fashiondesk.gui.i18n import translate
from fashiondesk.gui.strip import PhotoStrip
from fashiondesk.gui.thumbnails import ThumbnailLoader

EDGE = 48
ROLE_NAMES = {"top": QT_TRANSLATE_NOOP("Goes with", "Tops"), "bottom": QT_TRANSLATE_NOOP("Goes with", "Bottoms"),
              "dress": QT_TRANSLATE_NOOP("Goes with", "Dresses"), "outerwear": QT_TRANSLATE_NOOP("Goes with", "Outerwear"),
              "shoes": QT_TRANSLATE_NOOP("Goes with", "Shoes"), "accessory": QT_TRANSLATE_NOOP("Goes with", "Accessories")}
OPEN_KEY = "detail/goes_with_open"


class GoesWithSection(QWidget):
    chosen = Signal(int)  # photo id
    wanted = Signal()  # opened: ask for the pieces of the photo shown
    save_look = Signal(list)  # photo ids: the photo shown, then the first piece of each role

    def __init__(self, thumbnails: ThumbnailLoader, settings: QSettings | None = None, parent=None):
        super().__init__(parent)
        self._thumbnails = thumbnails
        self._settings = settings
        self._photo_id: int | None = None
        self._firsts: list[int] = []
        header = QHBoxLayout()
        self.toggle = QToolButton(checkable=True)
        self.toggle.setText(translate("Goes with", "Goes with"))
        self.toggle.setToolButtonStyle(self.toggle.toolButtonStyle().ToolButtonTextBesideIcon)
        self.toggle.setAutoRaise(True)
        self.toggle.setToolTip(translate("Goes with", "Pieces of your stock that complete the look: one row per part of the outfit"))
        header.addWidget(self.toggle)
        header.addStretch()
        self.save_button = QPushButton(translate("Goes with", "Save look"))
        self.save_button.setToolTip(translate("Goes with", "Keep this photo and the first piece of each row as a look; "
                                              "suggestions learn from the looks you save"))
        self.save_button.clicked.connect(self._save)
        header.addWidget(self.save_button)
        self.body = QWidget()
        self.rows = QGridLayout(self.body)
        self.rows.setContentsMargins(0, 0, 0, 0)
        self.state = QLabel(wordWrap=True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(9, 0, 9, 6)
        layout.addLayout(header)
        layout.addWidget(self.body)
        layout.addWidget(self.state)
        self._strips: list[PhotoStrip] = []
        self.toggle.setChecked(bool(settings.value(OPEN_KEY, False, type=bool)) if settings is not None else False)
        self.toggle.toggled.connect(self._toggled)
        self._show_open()

    def is_open(self) -> bool:
        return self.toggle.isChecked()

    def _toggled(self, on: bool) -> None:
        if self._settings is not None:
            self._settings.setValue(OPEN_KEY, on)
        self._show_open()
        if on:
            self.wanted.emit()

    def _show_open(self) -> None:
        on = self.toggle.isChecked()
        self.toggle.setArrowType(self.toggle.arrowType().DownArrow if on else self.toggle.arrowType().RightArrow)
        self.body.setVisible(on)
        self.state.setVisible(on)
        self.save_button.setVisible(on)

    def looking(self, photo_id: int) -> None:
        self._photo_id = photo_id
        self._clear()
        self.save_button.setEnabled(False)
        self.state.setText(translate("Goes with", "Looking for pieces that go with it…"))

    def clear(self) -> None:
        self._photo_id = None
        self._clear()
        self.state.clear()

    def _clear(self) -> None:
        for strip in self._strips:
            strip.deleteLater()
        self._strips = []
        while self.rows.count():
            item = self.rows.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        self._firsts = []

    def show_pieces(self, photo_id: int, pieces: list) -> None:
        """``pieces``: services' suggestions, best first within each role."""
        if photo_id != self._photo_id:
            return
        self._clear()
        by_role: dict[str, list] = {}
        for piece in pieces:
            by_role.setdefault(piece.role, []).append(piece)
        for row, (role, found) in enumerate(by_role.items()):
            label = QLabel(translate("Goes with", ROLE_NAMES[role]) if role in ROLE_NAMES else role.capitalize())
            strip = PhotoStrip(self._thumbnails, f"Goes with: {role}", edge=EDGE, compact=True)
            strip.show_hits([Hit(p.photo_id, p.path, p.score) for p in found], lambda h: "",
                            lambda h, found=found: _tip(next(p for p in found if p.photo_id == h.photo_id)))
            strip.chosen.connect(self.chosen)
            self.rows.addWidget(label, row, 0)
            self.rows.addWidget(strip, row, 1)
            self._strips.append(strip)
            self._firsts.append(found[0].photo_id)
        self.save_button.setEnabled(bool(self._firsts))
        self.state.setText("" if pieces else translate("Goes with", "Nothing in the catalogue completes this look yet."))

    def show_error(self, photo_id: int, message: str) -> None:
        if photo_id == self._photo_id:
            self._clear()
            self.save_button.setEnabled(False)
            self.state.setText(message)

    def _save(self) -> None:
        if self._photo_id is not None and self._firsts:
            self.save_look.emit([self._photo_id, *self._firsts])


def _tip(piece) -> str:
    parts = dict(piece.parts)
    colour = parts.get("colour", 1.0)
    words = "colours go together" if colour >= 0.99 else "colours close or opposite" if colour >= 0.5 else \
        "colours clash"
    extra = ", like a look you saved" if parts.get("learned", 0.0) > 0.3 else ""
    stock = ", out of stock" if parts.get("stock", 1.0) < 1.0 else ""
    return f"{os.path.basename(piece.path)}\n{piece.category}: {words}{extra}{stock}"
