"""A one-row strip of photo thumbnails (the detail panel's similar items, the staff examples
behind a learned category): a click or Enter on one chooses that photo."""

from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QListView, QListWidget, QListWidgetItem

from fashiondesk.core.records import Hit
from fashiondesk.gui.thumbnails import GRID_EDGE, ThumbnailLoader

PhotoRole = Qt.ItemDataRole.UserRole + 1
PathRole = Qt.ItemDataRole.UserRole + 2
STRIP_EDGE = 96


class PhotoStrip(QListWidget):
    chosen = Signal(int)  # photo id

    def __init__(self, thumbnails: ThumbnailLoader, name: str, parent=None, edge: int = 0, compact: bool = False):
        """``compact``: thumbnails only, no captions and no scroll bar (the Goes with rows)."""
        super().__init__(parent)
        edge = edge or STRIP_EDGE
        self._edge, self._compact = edge, compact
        self._thumbnails = thumbnails
        self.setAccessibleName(name)
        self.setViewMode(QListView.ViewMode.IconMode)
        self.setFlow(QListView.Flow.LeftToRight)
        self.setWrapping(False)
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setIconSize(QSize(edge, edge))
        self.setMovement(QListView.Movement.Static)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        line = 0 if compact else self.fontMetrics().height()
        bar = 0 if compact else self.horizontalScrollBar().sizeHint().height() + 8
        if compact:
            self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
            self.setFrameShape(QListWidget.Shape.NoFrame)
        self.setGridSize(QSize(edge + 8 if compact else edge + 12, edge + line + (8 if compact else 12)))
        self.setFixedHeight(edge + line + (12 if compact else 12) + bar)
        self.itemActivated.connect(self._clicked)
        self.itemClicked.connect(self._clicked)
        thumbnails.ready.connect(self._thumbnail_ready)

    def show_hits(self, hits: list[Hit], caption: Callable[[Hit], str], tooltip: Callable[[Hit], str]) -> None:
        self.clear()
        for hit in hits:
            item = QListWidgetItem(caption(hit))
            item.setData(PhotoRole, hit.photo_id)
            item.setData(PathRole, hit.path)
            item.setToolTip(tooltip(hit))
            pixmap = self._thumbnails.pixmap(hit.path, GRID_EDGE)
            if pixmap is not None:
                item.setIcon(self._fitted(pixmap))
            if self._compact:
                item.setSizeHint(QSize(self._edge + 8, self._edge + 8))
            self.addItem(item)

    def photo_ids(self) -> list[int]:
        return [self.item(i).data(PhotoRole) for i in range(self.count())]

    def _thumbnail_ready(self, path: str, edge: int) -> None:
        if edge != GRID_EDGE:
            return
        for i in range(self.count()):
            item = self.item(i)
            if item.data(PathRole) == path:
                pixmap = self._thumbnails.pixmap(path, GRID_EDGE)
                if pixmap is not None:
                    item.setIcon(self._fitted(pixmap))

    def _fitted(self, pixmap):
        """In a compact strip, the thumbnail made to fit its cell (a wide photo's icon
        otherwise spilled into its neighbour's)."""
        if not self._compact:
            return pixmap
        return pixmap.scaled(self._edge, self._edge, Qt.AspectRatioMode.KeepAspectRatio,
                             Qt.TransformationMode.SmoothTransformation)

    def _clicked(self, item: QListWidgetItem) -> None:
        self.chosen.emit(item.data(PhotoRole))
