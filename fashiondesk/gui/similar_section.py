"""The detail panel's similar items: a header with its options, the strip, a state line.
It sits below the scrolling details, so it stays in view in a small window."""

from __future__ import annotations

import os

from PySide6.QtCore import QT_TRANSLATE_NOOP, Signal
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from fashiondesk.core import services
from fashiondesk.core.records import Hit
from fashiondesk.gui.i18n import translate
from fashiondesk.gui.strip import PhotoStrip
from fashiondesk.gui.thumbnails import ThumbnailLoader


WORDS = {"very similar": QT_TRANSLATE_NOOP("Similar", "very similar"), "similar": QT_TRANSLATE_NOOP("Similar", "similar"),
         "related": QT_TRANSLATE_NOOP("Similar", "related"), "a little alike": QT_TRANSLATE_NOOP("Similar", "a little alike")}
SHARES = {"very similar": "0.1%", "similar": "1%", "related": "10%"}


def closeness_word(closeness: services.Closeness, score: float) -> str:
    """How alike, in words (``services.Closeness``), in the window's language."""
    word = closeness.word(score)
    return translate("Similar", WORDS[word]) if word in WORDS else word


def closeness_tip(closeness: services.Closeness, score: float) -> str:
    word, shown = closeness.word(score), closeness_word(closeness, score)
    where = translate("Similar", "in this catalogue") if closeness.measured_on else \
        translate("Similar", "in the photos fashiondesk was tested on")
    if word not in SHARES:
        return translate("Similar", "{word}: less alike than most photos {where}").format(
            word=shown[:1].upper() + shown[1:], where=where)
    return translate("Similar", "{word}: more alike than all but {share} of pairs of photos {where}").format(
        word=shown[:1].upper() + shown[1:], share=SHARES[word], where=where)


class SimilarSection(QWidget):
    chosen = Signal(int)  # photo id
    show_all = Signal()  # "Show all": the most similar in the grid
    wanted = Signal()  # the items again: "Same colour first" changed

    def __init__(self, thumbnails: ThumbnailLoader, parent=None):
        super().__init__(parent)
        header = QHBoxLayout()
        header.addWidget(QLabel(translate("Similar", "Similar items")))
        header.addStretch()
        self.same_colour = QCheckBox(translate("Similar", "Same colour first"))
        self.same_colour.setToolTip(translate("Similar", "Put similar items of this photo's main colour first"))
        self.same_colour.toggled.connect(lambda _on: self.wanted.emit())
        header.addWidget(self.same_colour)
        self.more_button = QPushButton(translate("Similar", "Show all"))
        self.more_button.setToolTip(translate("Similar", "Show the most similar photos in the grid, best first"))
        self.more_button.clicked.connect(self.show_all)
        header.addWidget(self.more_button)
        self.strip = PhotoStrip(thumbnails, "Similar items")
        self.strip.chosen.connect(self.chosen)
        self.state = QLabel(wordWrap=True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(9, 0, 9, 6)
        layout.addLayout(header)
        layout.addWidget(self.strip)
        layout.addWidget(self.state)

    def looking(self) -> None:
        self.strip.clear()
        self.state.setText(translate("Similar", "Looking for similar items…"))

    def clear(self) -> None:
        self.strip.clear()
        self.state.clear()

    def show_similar(self, answer: tuple[list[Hit], services.Closeness]) -> None:
        hits, closeness = answer
        self.strip.show_hits(hits, lambda h: closeness_word(closeness, h.score),
                             lambda h: f"{os.path.basename(h.path)}\n{closeness_tip(closeness, h.score)}"
                             + ("\n" + translate("Similar", "Product {handle}").format(handle=h.product) if h.product else ""))
        self.state.setText("" if hits else translate("Similar", "No similar items found yet."))

    def show_error(self, message: str) -> None:
        self.strip.clear()
        self.state.setText(message)
