"""The detail panel: preview, file facts, tags to accept, reject or edit, similar items."""

from __future__ import annotations

import os

from PySide6.QtCore import QSize, QStringListModel, Qt, Signal
from PySide6.QtGui import QKeyEvent, QPalette, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QCompleter,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from fashiondesk.core.records import AUTO, CATEGORY, COLOUR, FAILED, MISSING, Hit
from fashiondesk.core.services.browse import PhotoDetail, TagInfo, TagSource, needs_review
from fashiondesk.gui import kinds
from fashiondesk.gui.sidebar import swatch
from fashiondesk.gui.thumbnails import GRID_EDGE, PREVIEW_EDGE, ThumbnailLoader

TagRole = Qt.ItemDataRole.UserRole + 1
SIMILAR_EDGE = 96


class TagList(QListWidget):
    """One photo's tags (besides the category in its own box), grouped by kind under each
    kind's heading; Delete removes the selected one."""

    remove_requested = Signal(int)  # tag id

    def keyPressEvent(self, event: QKeyEvent) -> None:
        tag = self.current_tag()
        if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and tag is not None:
            self.remove_requested.emit(tag.id)
            return
        super().keyPressEvent(event)

    def current_tag(self) -> TagInfo | None:
        item = self.currentItem()
        return item.data(TagRole) if item is not None else None  # None on a heading

    def add_heading(self, text: str) -> None:
        item = QListWidgetItem(text)
        item.setFlags(Qt.ItemFlag.NoItemFlags)  # not selectable, skipped by the arrow keys
        font = item.font()
        font.setBold(True)
        item.setFont(font)
        item.setForeground(self.palette().color(QPalette.ColorRole.PlaceholderText))
        self.addItem(item)

    def add_tag(self, tag: TagInfo, source: TagSource | None) -> None:
        item = QListWidgetItem(tag_text(tag))
        item.setData(TagRole, tag)
        shown = tag.value or (source.swatch(tag.name) if source else None)
        if (source is not None and source.swatches) or tag.value:
            item.setIcon(swatch(shown))
        singular = source.singular if source else tag.kind
        item.setToolTip(f"{singular} {tag.value or ''}".strip())
        self.addItem(item)


def tag_groups(photo: PhotoDetail, declared: dict[str, TagSource]) -> list[tuple[str, list[TagInfo]]]:
    """The photo's tags for the list, by kind: the declared kinds shown in the detail panel
    in their order, then any kind not declared (never hidden). The category in its own box
    is left out."""
    shown_apart = photo.category.id if photo.category is not None else None
    by_kind: dict[str, list[TagInfo]] = {}
    for tag in photo.tags:
        if tag.id != shown_apart:
            by_kind.setdefault(tag.kind, []).append(tag)
    order = [k for k, s in declared.items() if s.detail] + [k for k in by_kind if k not in declared]
    return [(kinds.heading(k, declared), by_kind[k]) for k in order if k in by_kind]


def _size_text(size: int) -> str:
    for unit in ("bytes", "KB", "MB", "GB"):
        if size < 1024 or unit == "GB":
            return f"{size:,.0f} {unit}" if unit == "bytes" else f"{size:,.1f} {unit}"
        size /= 1024
    return ""


def tag_text(tag: TagInfo) -> str:
    if tag.source == AUTO and tag.confidence is not None:
        share = "share" if tag.kind == COLOUR else "sure"
        return f"{tag.name}   (automatic, {tag.confidence:.0%} {share})"
    return tag.name


class DetailPanel(QScrollArea):
    """Shows one photo. Edits go out as signals; the window applies them and reloads."""

    accept_tag = Signal(int)  # tag id
    remove_tag = Signal(int)  # tag id
    set_category = Signal(int, str)  # photo id, name
    add_tag = Signal(int, str)  # photo id, name
    similar_chosen = Signal(int)  # photo id
    more_like_this = Signal(int)  # photo id

    def __init__(self, thumbnails: ThumbnailLoader, categories: list[str], unsure_below: float, parent=None):
        super().__init__(parent)
        self._thumbnails = thumbnails
        self._unsure_below = unsure_below
        self._categories = categories
        self.photo: PhotoDetail | None = None
        self.setWidgetResizable(True)
        self.setMinimumWidth(280)
        body = QWidget()
        layout = QVBoxLayout(body)

        self.preview = QLabel(alignment=Qt.AlignmentFlag.AlignCenter)
        self.preview.setMinimumHeight(160)
        self.preview.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.title = QLabel(textInteractionFlags=Qt.TextInteractionFlag.TextSelectableByMouse)
        font = self.title.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.title.setFont(font)
        self.title.setWordWrap(True)
        self.facts = QLabel(textInteractionFlags=Qt.TextInteractionFlag.TextSelectableByMouse, wordWrap=True)
        self.warning = QLabel(wordWrap=True)
        self.warning.setStyleSheet("color: #c0392b;")
        layout.addWidget(self.preview)
        layout.addWidget(self.title)
        layout.addWidget(self.facts)
        layout.addWidget(self.warning)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.category = QComboBox(editable=True)
        self.category.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.category.addItems(categories)
        self.category.setAccessibleName("Category")
        self.category.activated.connect(self._category_chosen)
        self.category.lineEdit().returnPressed.connect(self._category_chosen)
        self.category_state = QLabel(wordWrap=True)
        self.accept_button = QPushButton("Accept")
        self.accept_button.setToolTip("Confirm the automatic category")
        self.reject_button = QPushButton("Reject")
        self.reject_button.setToolTip("Remove the automatic category")
        self.accept_button.clicked.connect(lambda: self._emit_for_category(self.accept_tag))
        self.reject_button.clicked.connect(lambda: self._emit_for_category(self.remove_tag))
        buttons = QHBoxLayout()
        buttons.addWidget(self.category_state, 1)
        buttons.addWidget(self.accept_button)
        buttons.addWidget(self.reject_button)
        form.addRow(kinds.singular(CATEGORY).capitalize(), self.category)
        form.addRow("", buttons)
        layout.addLayout(form)

        self.tags = TagList()
        self.tags.setAccessibleName("Tags")  # each kind under its heading ("Colours")
        self.tags.setSizeAdjustPolicy(QListWidget.SizeAdjustPolicy.AdjustToContents)
        self.tags.setMaximumHeight(8 * self.fontMetrics().height() + 16)
        self.tags.remove_requested.connect(self.remove_tag)
        self.tags.currentItemChanged.connect(self._tag_selected)
        layout.addWidget(self.tags)
        tag_buttons = QHBoxLayout()
        self.accept_tag_button = QPushButton("Accept")
        self.remove_tag_button = QPushButton("Remove")
        self.accept_tag_button.clicked.connect(lambda: self._emit_for_tag(self.accept_tag))
        self.remove_tag_button.clicked.connect(lambda: self._emit_for_tag(self.remove_tag))
        tag_buttons.addWidget(self.accept_tag_button)
        tag_buttons.addWidget(self.remove_tag_button)
        tag_buttons.addStretch()
        layout.addLayout(tag_buttons)
        self.new_tag = QLineEdit(placeholderText="Add a tag and press Enter")
        self.new_tag.setAccessibleName("New tag")
        self._tag_names = QStringListModel(self)
        completer = QCompleter(self._tag_names, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.new_tag.setCompleter(completer)
        self.new_tag.returnPressed.connect(self._add_tag)
        layout.addWidget(self.new_tag)

        similar_header = QHBoxLayout()
        similar_header.addWidget(QLabel("Similar items"))
        similar_header.addStretch()
        self.more_button = QPushButton("Show all in grid")
        self.more_button.setToolTip("Show the most similar photos in the grid, best first")
        self.more_button.clicked.connect(lambda: self.photo and self.more_like_this.emit(self.photo.id))
        similar_header.addWidget(self.more_button)
        layout.addLayout(similar_header)
        self.similar = QListWidget()
        self.similar.setAccessibleName("Similar items")
        self.similar.setViewMode(QListView.ViewMode.IconMode)
        self.similar.setFlow(QListView.Flow.LeftToRight)
        self.similar.setWrapping(False)
        self.similar.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.similar.setResizeMode(QListView.ResizeMode.Adjust)
        self.similar.setIconSize(QSize(SIMILAR_EDGE, SIMILAR_EDGE))
        self.similar.setMovement(QListView.Movement.Static)
        self.similar.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        line = self.fontMetrics().height()
        self.similar.setGridSize(QSize(SIMILAR_EDGE + 12, SIMILAR_EDGE + line + 12))
        strip = SIMILAR_EDGE + line + 12 + self.similar.horizontalScrollBar().sizeHint().height() + 8
        self.similar.setFixedHeight(strip)
        self.similar.itemActivated.connect(self._similar_clicked)
        self.similar.itemClicked.connect(self._similar_clicked)
        layout.addWidget(self.similar)
        self.similar_state = QLabel(wordWrap=True)
        layout.addWidget(self.similar_state)
        layout.addStretch()
        self.setWidget(body)
        thumbnails.ready.connect(self._thumbnail_ready)
        self.show_photo(None)

    # -- content ---------------------------------------------------------------------

    def set_tag_names(self, names: list[str]) -> None:
        self._tag_names.setStringList(names)

    def show_photo(self, photo: PhotoDetail | None) -> None:
        same_photo = photo is not None and self.photo is not None and photo.id == self.photo.id
        self.photo = photo
        declared = kinds.sources()
        enabled = photo is not None
        for widget in (self.category, self.new_tag, self.tags, self.more_button):
            widget.setEnabled(enabled)
        if photo is None:
            self.preview.setPixmap(QPixmap())
            self.preview.setText("Select a photo to see its details")
            self.title.clear()
            self.facts.clear()
            self.warning.clear()
            self.warning.hide()
            self.category.setCurrentText("")
            self.category_state.clear()
            self.tags.clear()
            self.similar.clear()
            self.similar_state.clear()
            self._update_buttons()
            return
        self.title.setText(os.path.basename(photo.path))
        self.title.setToolTip(photo.path)
        facts = [os.path.dirname(photo.path)]
        if photo.width and photo.height:
            facts.append(f"{photo.width} × {photo.height} pixels, {_size_text(photo.size)}")
        if photo.indexed_at:
            facts.append(f"Indexed {photo.indexed_at:%d %b %Y, %H:%M}")
        self.facts.setText("\n".join(facts))
        self.warning.setText(
            "This file is missing from its folder; its tags are kept." if photo.status == MISSING
            else f"Could not be read: {photo.error}" if photo.status == FAILED else ""
        )
        self.warning.setVisible(bool(self.warning.text()))
        self._show_category(photo.category)
        self.tags.clear()
        for heading, tags in tag_groups(photo, declared):
            self.tags.add_heading(heading)
            for tag in tags:
                self.tags.add_tag(tag, declared.get(tag.kind))
        self._update_buttons()
        self._show_preview()
        if not same_photo:
            self.similar.clear()
            self.similar_state.setText("Looking for similar items…")

    def _show_category(self, tag: TagInfo | None) -> None:
        self.category.setCurrentText(tag.name if tag else "")
        if tag is None:
            self.category_state.setText("No category yet: choose one.")
        elif tag.source == AUTO:
            state = f"Automatic, {tag.confidence:.0%} sure" if tag.confidence is not None else "Automatic"
            self.category_state.setText(state + (" — please check" if self._is_unsure(tag) else ""))
        else:
            self.category_state.setText("Set by staff")

    def _is_unsure(self, tag: TagInfo) -> bool:
        return needs_review(tag.name, tag.source, tag.confidence, self._unsure_below)

    def _show_preview(self) -> None:
        if self.photo is None:
            return
        pixmap = self._thumbnails.pixmap(self.photo.path, PREVIEW_EDGE)
        if pixmap is None:
            pixmap = self._thumbnails.pixmap(self.photo.path, GRID_EDGE)
        if pixmap is None:
            self.preview.setText("No preview" if self._thumbnails.failed(self.photo.path, PREVIEW_EDGE) else "Loading…")
            return
        # At most about a third of the panel's height, so tags and similar items stay in view.
        width = max(160, self.viewport().width() - 24)
        height = max(160, min(width, self.viewport().height() * 3 // 10))
        dpr = pixmap.devicePixelRatio()
        scaled = pixmap.scaled(round(width * dpr), round(height * dpr), Qt.AspectRatioMode.KeepAspectRatio,
                               Qt.TransformationMode.SmoothTransformation)
        scaled.setDevicePixelRatio(dpr)
        self.preview.setPixmap(scaled)

    def show_similar(self, hits: list[Hit]) -> None:
        self.similar.clear()
        for hit in hits:
            item = QListWidgetItem(f"{hit.score:.2f}")
            item.setData(TagRole, hit.photo_id)
            item.setData(Qt.ItemDataRole.UserRole + 2, hit.path)
            item.setToolTip(f"{hit.path}\nsimilarity {hit.score:.3f}")
            pixmap = self._thumbnails.pixmap(hit.path, GRID_EDGE)
            if pixmap is not None:
                item.setIcon(pixmap)
            self.similar.addItem(item)
        self.similar_state.setText("" if hits else "No similar items found yet.")

    def show_similar_error(self, message: str) -> None:
        self.similar.clear()
        self.similar_state.setText(message)

    def _thumbnail_ready(self, path: str, edge: int) -> None:
        if self.photo is not None and path == self.photo.path:
            self._show_preview()
        for i in range(self.similar.count()):
            item = self.similar.item(i)
            if item.data(Qt.ItemDataRole.UserRole + 2) == path and edge == GRID_EDGE:
                pixmap = self._thumbnails.pixmap(path, GRID_EDGE)
                if pixmap is not None:
                    item.setIcon(pixmap)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._show_preview()

    # -- edits -----------------------------------------------------------------------

    def _category_chosen(self, *_args) -> None:
        text = self.category.currentText().strip()
        current = self.photo.category if self.photo else None
        if self.photo is None or not text:
            return
        if current is not None and current.name == text and current.source != AUTO:
            return
        if current is not None and current.name == text:
            self.accept_tag.emit(current.id)
        else:
            self.set_category.emit(self.photo.id, text)

    def _emit_for_category(self, signal) -> None:
        if self.photo is not None and self.photo.category is not None:
            signal.emit(self.photo.category.id)

    def _emit_for_tag(self, signal) -> None:
        tag = self.tags.current_tag()
        if tag is not None:
            signal.emit(tag.id)

    def _tag_selected(self, *_args) -> None:
        self._update_buttons()

    def _update_buttons(self) -> None:
        category = self.photo.category if self.photo else None
        self.accept_button.setEnabled(category is not None and category.source == AUTO)
        self.reject_button.setEnabled(category is not None and category.source == AUTO)
        tag = self.tags.current_tag()
        self.accept_tag_button.setEnabled(tag is not None and tag.source == AUTO)
        self.remove_tag_button.setEnabled(tag is not None)

    def _add_tag(self) -> None:
        text = self.new_tag.text().strip()
        if self.photo is not None and text:
            self.add_tag.emit(self.photo.id, text)
            self.new_tag.clear()

    def _similar_clicked(self, item: QListWidgetItem) -> None:
        self.similar_chosen.emit(item.data(TagRole))

    def focus_tags(self) -> None:
        self.new_tag.setFocus()
