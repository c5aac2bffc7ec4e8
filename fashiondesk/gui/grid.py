"""The thumbnail grid: a list model over query rows, a painter for its cells, the view."""

from __future__ import annotations

import os
from typing import NamedTuple, Sequence

from PySide6.QtCore import QAbstractListModel, QItemSelectionModel, QModelIndex, QPoint, QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFontMetrics, QKeyEvent, QPainter, QPalette, QWheelEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QListView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
)

from fashiondesk.core.records import AUTO, CATEGORY, MISSING
from fashiondesk.core.services.browse import GridRow, needs_review
from fashiondesk.gui import kinds
from fashiondesk.gui.thumbnails import GRID_EDGE, ThumbnailLoader

PhotoIdRole = Qt.ItemDataRole.UserRole + 1
MAX_RUNS = 64  # more separate insertions or removals than this: a reset is cheaper
RowRole = Qt.ItemDataRole.UserRole + 2
EDGES = (96, 128, 160, 200, 240)  # the thumbnail sizes staff choose from; GRID_EDGE is the usual
LARGE_EDGE = 240  # thumbnails made for cells larger than GRID_EDGE
WHEEL_STEP = 120  # Ctrl+wheel: one size per notch of a mouse wheel (a touchpad's small steps add up)


def source_edge(edge: int) -> int:
    """The thumbnail drawn in a cell of ``edge``: the usual one, scaled down for smaller
    cells; a larger one above (the usual scaled up looks soft, and costs the same to decode)."""
    return GRID_EDGE if edge <= GRID_EDGE else LARGE_EDGE


class Lookups(NamedTuple):
    """Where each photo is among some rows, and which rows need review: made off the GUI
    thread with the rows (``lookups``), so a refresh of 20,000 rows costs the window only
    what Qt does with them."""

    by_path: dict[str, int]
    by_id: dict[int, int]
    unsure: list[int]


def lookups(rows: Sequence[GridRow], unsure_below: float) -> Lookups:
    return Lookups({r.path: i for i, r in enumerate(rows)}, {r.id: i for i, r in enumerate(rows)},
                   [i for i, r in enumerate(rows) if needs_review(r.category, r.category_source, r.confidence,
                                                                  unsure_below)])


class PhotoGridModel(QAbstractListModel):
    def __init__(self, thumbnails: ThumbnailLoader, unsure_below: float, parent=None):
        super().__init__(parent)
        self._rows: list[GridRow] = []
        self._found: Lookups | None = None
        self._thumbnails = thumbnails
        self._unsure_below = unsure_below
        self.source_edge = GRID_EDGE  # the thumbnails asked for: see ``source_edge``
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
            # While the thumbnail of a new size loads, the other size, if at hand, stands in.
            other = LARGE_EDGE if self.source_edge == GRID_EDGE else GRID_EDGE
            return self._thumbnails.pixmap(row.path, self.source_edge) or self._thumbnails.in_memory(row.path, other)
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
            text += f"\n{kinds.display(CATEGORY, row.category)}"
            if row.category_source == AUTO and row.confidence is not None:
                text += f" ({row.confidence:.0%}{', to review' if self.is_unsure(row) else ''})"
        if row.status == MISSING:
            text += "\nThe file is missing from its folder."
        return text

    def is_unsure(self, row: GridRow) -> bool:
        return needs_review(row.category, row.category_source, row.confidence, self._unsure_below)

    def rows(self) -> list[GridRow]:
        return self._rows

    def _lookups(self) -> Lookups:
        if self._found is None:  # rows given without their lookups: made when first asked
            self._found = lookups(self._rows, self._unsure_below)
        return self._found

    def row_of_id(self, photo_id: int) -> int | None:
        return self._lookups().by_id.get(photo_id)

    def unsure_rows(self) -> list[int]:
        """The rows to review, in order."""
        return self._lookups().unsure

    def set_rows(self, rows: Sequence[GridRow], found: Lookups | None = None) -> None:
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
            self._found = found  # a renamed or moved photo keeps its place, not its path
            self.dataChanged.emit(self.index(0), self.index(len(rows) - 1))
            return
        added = _runs(old_ids, new_ids)
        removed = _runs(new_ids, old_ids) if added is None else None
        if added is not None and len(added) <= MAX_RUNS:
            for start, count in added:
                self.beginInsertRows(QModelIndex(), start, start + count - 1)
                self._rows[start:start] = rows[start : start + count]
                self._found = None  # rows moved: made again if asked meanwhile
                self.endInsertRows()
        elif removed is not None and len(removed) <= MAX_RUNS:
            for start, count in reversed(removed):
                self.beginRemoveRows(QModelIndex(), start, start + count - 1)
                del self._rows[start : start + count]
                self._found = None  # rows moved: made again if asked meanwhile
                self.endRemoveRows()
        else:
            self.beginResetModel()
            self._rows = rows
            self._found = found
            self.endResetModel()
            return
        self._rows = rows  # same ids in the same order now; take the fresh values
        self._found = found
        if rows:
            self.dataChanged.emit(self.index(0), self.index(len(rows) - 1))

    def _thumbnail_ready(self, path: str, edge: int) -> None:
        row = self._lookups().by_path.get(path)
        if row is not None and edge == self.source_edge:
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
        self.edge = GRID_EDGE  # the thumbnail's square, in logical pixels

    def cell_size(self, option_font) -> QSize:
        line = QFontMetrics(option_font).height()
        return QSize(self.edge + 8, self.edge + 12 + 2 * line)

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
        edge = self.edge
        image_rect = QRect(rect.x() + (rect.width() - edge) // 2, rect.y() + 4, edge, edge)
        pixmap = index.data(Qt.ItemDataRole.DecorationRole)
        row: GridRow = index.data(RowRole)
        if pixmap is not None and not pixmap.isNull():
            size = pixmap.deviceIndependentSize().toSize().scaled(image_rect.size(), Qt.AspectRatioMode.KeepAspectRatio)
            target = QRect(0, 0, size.width(), size.height())
            target.moveCenter(image_rect.center())
            painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)  # drawn smaller or larger
            painter.drawPixmap(target, pixmap)
        else:
            painter.fillRect(image_rect, palette.color(QPalette.ColorRole.Midlight))
            if self._model._thumbnails.failed(row.path, self._model.source_edge):
                painter.setPen(palette.color(QPalette.ColorRole.PlaceholderText))
                painter.drawText(image_rect, Qt.AlignmentFlag.AlignCenter, "no preview")
        text_role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        painter.setPen(palette.color(text_role))
        metrics = QFontMetrics(option.font)
        line = metrics.height()
        name_rect = QRect(rect.x() + 4, image_rect.bottom() + 4, rect.width() - 8, line)
        painter.drawText(name_rect, Qt.AlignmentFlag.AlignHCenter, metrics.elidedText(
            index.data(Qt.ItemDataRole.DisplayRole), Qt.TextElideMode.ElideMiddle, name_rect.width()))
        label = kinds.display(CATEGORY, row.category) if row.category else "no category"
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
    edge_step = Signal(int)  # Ctrl+wheel: 1 for larger thumbnails, -1 for smaller

    def __init__(self, model: PhotoGridModel, parent=None):
        super().__init__(parent)
        self.setModel(model)
        self._photos = model
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
        self._wheel = 0

    @property
    def edge(self) -> int:
        return self.delegate.edge

    def set_edge(self, edge: int) -> None:
        """Draw the thumbnails ``edge`` pixels square (the cells follow), keeping in view the
        current photo if it is in view, else the photos at the top."""
        if edge == self.delegate.edge:
            return
        current = self.currentIndex()
        keep = current.isValid() and self.viewport().rect().intersects(self.visualRect(current))
        anchor = current if keep else self.indexAt(QPoint(2, 2))
        self.delegate.edge = edge
        self._photos.source_edge = source_edge(edge)
        # Laid out at once (20,000 cells: about 20 ms), not in batches: the first batch would
        # shorten the scroll bar and lose the place.
        self.setLayoutMode(QListView.LayoutMode.SinglePass)
        self._fit_columns()
        self.scheduleDelayedItemsLayout()  # the cells' size changed, if the grid's did not
        self.executeDelayedItemsLayout()
        self.setLayoutMode(QListView.LayoutMode.Batched)
        if anchor.isValid():
            hint = QAbstractItemView.ScrollHint.PositionAtCenter if keep else QAbstractItemView.ScrollHint.PositionAtTop
            self.scrollTo(anchor, hint)
        self.viewport().update()

    def wheelEvent(self, event: QWheelEvent) -> None:
        if not event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            super().wheelEvent(event)
            return
        self._wheel += event.angleDelta().y()
        while abs(self._wheel) >= WHEEL_STEP:
            step = 1 if self._wheel > 0 else -1
            self._wheel -= step * WHEEL_STEP
            self.edge_step.emit(step)
        event.accept()

    def dataChanged(self, top_left, bottom_right, roles=()) -> None:
        """Repaint the cells. QListView would lay out every cell again (it does on any change
        of data), and in batches: the scroll bar shrinks to the first batch, and a grid
        scrolled past its first 2,000 photos jumped back each time a thumbnail arrived.
        The cells are all one size, so no change of data can move them."""
        QAbstractItemView.dataChanged(self, top_left, bottom_right, list(roles))

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

    def shown_index(self) -> QModelIndex:
        """The photo the detail panel shows and decisions apply to: the current one if it is
        selected, else the first selected one. Ctrl+arrows move the focus without selecting,
        and Ctrl+click takes a photo out of the selection with the focus left on it: the
        photo acted on must be one that is highlighted."""
        current = self.currentIndex()
        chosen = self.selectionModel()
        if current.isValid() and chosen.isSelected(current):
            return current
        tops = [r.topLeft() for r in chosen.selection()]
        return min(tops, key=lambda i: i.row()) if tops else QModelIndex()

    def current_photo_id(self) -> int | None:
        index = self.shown_index()
        return index.data(PhotoIdRole) if index.isValid() else None

    def select_photo(self, photo_id: int) -> bool:
        row = self._photos.row_of_id(photo_id)
        if row is None:
            return False
        index = self._photos.index(row)
        # That photo alone, whatever keys are held (Ctrl+Z, say: as a view's own
        # setCurrentIndex it would be a Ctrl+click, added to the selection).
        self.selectionModel().setCurrentIndex(index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        self.scrollTo(index)
        return True
