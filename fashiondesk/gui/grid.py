"""The thumbnail grid: a list model over query rows, a painter for its cells, the view."""

from __future__ import annotations

import os
from typing import Sequence

from PySide6.QtCore import QAbstractListModel, QModelIndex, QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFontMetrics, QKeyEvent, QPainter, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QListView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
)

from fashiondesk.core.records import AUTO, MISSING
from fashiondesk.core.services.browse import GridRow, needs_review
from fashiondesk.gui.thumbnails import GRID_EDGE, ThumbnailLoader

PhotoIdRole = Qt.ItemDataRole.UserRole + 1
MAX_RUNS = 64  # more separate insertions or removals than this: a reset is cheaper
RowRole = Qt.ItemDataRole.UserRole + 2


class PhotoGridModel(QAbstractListModel):
    def __init__(self, thumbnails: ThumbnailLoader, unsure_below: float, parent=None):
        super().__init__(parent)
        self._rows: list[GridRow] = []
        self._row_of: dict[str, int] = {}
        self._thumbnails = thumbnails
        self._unsure_below = unsure_below
        thumbnails.ready.connect(self._thumbnail_ready)

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return os.path.basename(row.path)
        if role == Qt.ItemDataRole.DecorationRole:
            return self._thumbnails.pixmap(row.path, GRID_EDGE)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row)
        if role == PhotoIdRole:
            return row.id
        if role == RowRole:
            return row
        return None

    def _tooltip(self, row: GridRow) -> str:
        text = row.path
        if row.category:
            text += f"\n{row.category}"
            if row.category_source == AUTO and row.confidence is not None:
                text += f" ({row.confidence:.0%}{', to review' if self.is_unsure(row) else ''})"
        if row.status == MISSING:
            text += "\nThe file is missing from its folder."
        return text

    def is_unsure(self, row: GridRow) -> bool:
        return needs_review(row.category, row.category_source, row.confidence, self._unsure_below)

    def rows(self) -> list[GridRow]:
        return self._rows

    def row_of_id(self, photo_id: int) -> int | None:
        for i, row in enumerate(self._rows):
            if row.id == photo_id:
                return i
        return None

    def set_rows(self, rows: Sequence[GridRow]) -> None:
        """Replace the rows, as gently as the change allows.

        When rows were only added or only removed, keeping the order of the rest (what a
        live refresh during indexing, or a rescan, usually brings), they are inserted or
        removed in runs: Qt then keeps the selection and the scroll position. Any other
        change (a new filter) resets the model.
        """
        rows = list(rows)
        old = self._rows
        if rows == old:
            return
        old_ids = [r.id for r in old]
        new_ids = [r.id for r in rows]
        if old_ids == new_ids:
            self._rows = rows
            self._index_paths()  # a renamed or moved photo keeps its place, not its path
            self.dataChanged.emit(self.index(0), self.index(len(rows) - 1))
            return
        added = _runs(old_ids, new_ids)
        removed = _runs(new_ids, old_ids) if added is None else None
        if added is not None and len(added) <= MAX_RUNS:
            for start, count in added:
                self.beginInsertRows(QModelIndex(), start, start + count - 1)
                self._rows[start:start] = rows[start : start + count]
                self.endInsertRows()
        elif removed is not None and len(removed) <= MAX_RUNS:
            for start, count in reversed(removed):
                self.beginRemoveRows(QModelIndex(), start, start + count - 1)
                del self._rows[start : start + count]
                self.endRemoveRows()
        else:
            self.beginResetModel()
            self._rows = rows
            self._index_paths()
            self.endResetModel()
            return
        self._rows = rows  # same ids in the same order now; take the fresh values
        self._index_paths()
        if rows:
            self.dataChanged.emit(self.index(0), self.index(len(rows) - 1))

    def _index_paths(self) -> None:
        self._row_of = {r.path: i for i, r in enumerate(self._rows)}

    def _thumbnail_ready(self, path: str, edge: int) -> None:
        row = self._row_of.get(path)
        if row is not None and edge == GRID_EDGE:
            index = self.index(row)
            self.dataChanged.emit(index, index, [Qt.ItemDataRole.DecorationRole])


def _runs(short: list[int], long: list[int]) -> list[tuple[int, int]] | None:
    """If ``long`` is ``short`` with items added (order kept), the added runs as
    (start in ``long``, count), left to right; otherwise None."""
    if len(long) <= len(short):
        return None
    runs: list[tuple[int, int]] = []
    j = 0
    for i, item in enumerate(long):
        if j < len(short) and item == short[j]:
            j += 1
        elif runs and runs[-1][0] + runs[-1][1] == i:
            runs[-1] = (runs[-1][0], runs[-1][1] + 1)
        else:
            runs.append((i, 1))
    return runs if j == len(short) else None


class PhotoDelegate(QStyledItemDelegate):
    """A square thumbnail, the file name below it, and a dot on photos to review."""

    def __init__(self, model: PhotoGridModel, parent=None):
        super().__init__(parent)
        self._model = model

    def cell_size(self, option_font) -> QSize:
        line = QFontMetrics(option_font).height()
        return QSize(GRID_EDGE + 8, GRID_EDGE + 12 + 2 * line)

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:
        return self.cell_size(option.font)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        painter.save()
        palette = option.palette
        rect = option.rect.adjusted(3, 3, -3, -3)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        if selected:
            painter.fillRect(rect, palette.color(QPalette.ColorRole.Highlight))
        elif option.state & QStyle.StateFlag.State_MouseOver:
            painter.fillRect(rect, palette.color(QPalette.ColorRole.AlternateBase))
        image_rect = QRect(rect.x() + (rect.width() - GRID_EDGE) // 2, rect.y() + 4, GRID_EDGE, GRID_EDGE)
        pixmap = index.data(Qt.ItemDataRole.DecorationRole)
        row: GridRow = index.data(RowRole)
        if pixmap is not None and not pixmap.isNull():
            size = pixmap.deviceIndependentSize().toSize().scaled(image_rect.size(), Qt.AspectRatioMode.KeepAspectRatio)
            target = QRect(0, 0, size.width(), size.height())
            target.moveCenter(image_rect.center())
            painter.drawPixmap(target, pixmap)
        else:
            painter.fillRect(image_rect, palette.color(QPalette.ColorRole.Midlight))
            if self._model._thumbnails.failed(row.path):
                painter.setPen(palette.color(QPalette.ColorRole.PlaceholderText))
                painter.drawText(image_rect, Qt.AlignmentFlag.AlignCenter, "no preview")
        text_role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        painter.setPen(palette.color(text_role))
        metrics = QFontMetrics(option.font)
        line = metrics.height()
        name_rect = QRect(rect.x() + 4, image_rect.bottom() + 4, rect.width() - 8, line)
        painter.drawText(name_rect, Qt.AlignmentFlag.AlignHCenter, metrics.elidedText(
            index.data(Qt.ItemDataRole.DisplayRole), Qt.TextElideMode.ElideMiddle, name_rect.width()))
        label = row.category or "no category"
        if row.status == MISSING:
            label = "missing · " + label
        sub_rect = name_rect.translated(0, line)
        if not selected:
            painter.setPen(palette.color(QPalette.ColorRole.PlaceholderText))
        painter.drawText(sub_rect, Qt.AlignmentFlag.AlignHCenter, metrics.elidedText(
            label, Qt.TextElideMode.ElideRight, sub_rect.width() - 14))
        if self._model.is_unsure(row):
            radius = max(4, line // 4)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(230, 150, 20))
            painter.drawEllipse(image_rect.topRight().x() - 3 * radius, image_rect.y() + radius, 2 * radius, 2 * radius)
        painter.restore()


class PhotoGrid(QListView):
    """Icon-mode list; Enter asks for the detail of the current photo."""

    open_requested = Signal(int)  # photo id

    def __init__(self, model: PhotoGridModel, parent=None):
        super().__init__(parent)
        self.setModel(model)
        self.delegate = PhotoDelegate(model, self)
        self.setItemDelegate(self.delegate)
        # List mode flowing left to right with wrapping lays out uniform cells in a
        # fraction of the time icon mode takes (icon mode places every item one by one).
        self.setViewMode(QListView.ViewMode.ListMode)
        self.setFlow(QListView.Flow.LeftToRight)
        self.setWrapping(True)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setMovement(QListView.Movement.Static)
        self.setUniformItemSizes(True)
        self.setLayoutMode(QListView.LayoutMode.Batched)
        self.setBatchSize(2000)
        self._fit_columns()
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.verticalScrollBar().setSingleStep(24)
        self.setMouseTracking(True)
        self.setSpacing(0)
        self.setWordWrap(False)
        self.setAccessibleName("Photos")

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self.open_requested.emit(self.currentIndex().data(PhotoIdRole))
            return
        super().keyPressEvent(event)

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        if event.type() == event.Type.FontChange:
            self._fit_columns()

    def resizeEvent(self, event) -> None:
        self._fit_columns()
        super().resizeEvent(event)

    def _fit_columns(self) -> None:
        """Share the spare width between the columns instead of leaving a gap at the right."""
        cell = self.delegate.cell_size(self.font())
        # QListView lays out a left-to-right flow in the widest viewport less the scroll
        # bar, whether the bar shows or not; the viewport's own width changes with the bar,
        # and columns sized to it wrapped one early when a short list was refilled.
        bar = self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent, None, self.verticalScrollBar())
        width = self.maximumViewportSize().width() - bar - 2
        columns = max(1, width // cell.width())
        size = QSize(max(cell.width(), width // columns), cell.height())
        if size != self.gridSize():
            self.setGridSize(size)

    def current_photo_id(self) -> int | None:
        index = self.currentIndex()
        return index.data(PhotoIdRole) if index.isValid() else None

    def select_photo(self, photo_id: int) -> bool:
        row = self.model().row_of_id(photo_id)
        if row is None:
            return False
        index = self.model().index(row)
        self.setCurrentIndex(index)
        self.scrollTo(index)
        return True
