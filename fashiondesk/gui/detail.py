"""The detail panel: preview, file facts, tags to accept, reject or edit, similar items;
for a learned category, the staff examples behind it."""

from __future__ import annotations

import html
import os

from PySide6.QtCore import QDateTime, QEvent, QLocale, QStringListModel, Qt, Signal
from PySide6.QtGui import QKeyEvent, QPalette, QPixmap
from PySide6.QtWidgets import (
    QCompleter,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from fashiondesk.core import services
from fashiondesk.core.records import AUTO, CATEGORY, COLOUR, FAILED, MISSING, Hit
from fashiondesk.core.services.browse import PhotoDetail, TagInfo, TagSource, needs_review
from fashiondesk.gui import kinds
from fashiondesk.gui.category_box import CategoryBox
from fashiondesk.gui.sidebar import swatch
from fashiondesk.gui.goes_with import GoesWithSection
from fashiondesk.gui.i18n import stored, translate
from fashiondesk.gui.similar_section import SimilarSection
from fashiondesk.gui.teaching import ExamplesBox, category_names, taught_examples, waiting_note
from fashiondesk.gui.thumbnails import GRID_EDGE, PREVIEW_EDGE, ThumbnailLoader

TagRole = Qt.ItemDataRole.UserRole + 1


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
        """The tag staff picked: the current item only when it is selected too (Qt makes the
        first item current, unselected, when the list gets the focus by the keyboard)."""
        item = self.currentItem()
        return item.data(TagRole) if item is not None and item.isSelected() else None  # None on a heading

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
        singular = translate("Tag names", source.singular) if source else tag.kind
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


def product_text(product) -> str:
    """"Product DR-1 “Summer dress”: 3 photos, 49.90, sizes S, M, L, 4 in stock"."""
    title = f" “{product.title}”" if product.title else ""
    parts = [translate("Detail", "1 photo") if product.photos == 1
             else translate("Detail", "{n} photos").format(n=product.photos)]
    if product.price:
        parts.append(product.price)
    if product.sizes:
        parts.append(translate("Detail", "sizes {sizes}").format(sizes=", ".join(product.sizes.split(";"))))
    if product.stock is not None:
        parts.append(translate("Detail", "{n} in stock").format(n=product.stock))
    return translate("Detail", "Product {handle}{title}: {parts}").format(
        handle=product.handle, title=title, parts=translate("Detail", ", ").join(parts))


def _size_text(size: int) -> str:
    for unit in ("bytes", "KB", "MB", "GB"):
        if size < 1024 or unit == "GB":
            return f"{size:,.0f} {unit}" if unit == "bytes" else f"{size:,.1f} {unit}"
        size /= 1024
    return ""


def tag_text(tag: TagInfo) -> str:
    name = kinds.display(tag.kind, tag.name)
    if tag.source == AUTO and tag.confidence is not None:
        if tag.kind == COLOUR:
            return translate("Detail", "{name}   (automatic, {share} share)").format(
                name=name, share=f"{tag.confidence:.0%}")
        return translate("Detail", "{name}   (automatic, {sure} sure)").format(name=name, sure=f"{tag.confidence:.0%}")
    return name


class DetailPanel(QWidget):
    """Shows one photo. Edits go out as signals; the window applies them and reloads."""

    accept_tag = Signal(int)  # tag id, of a tag in the list (not the category)
    remove_tag = Signal(int)  # tag id, of a tag in the list (not the category)
    accept_category = Signal()  # of the photo, or of every photo selected
    reject_category = Signal()
    category_chosen = Signal(str)  # a name chosen in the Category box (Return or a click)
    add_tag = Signal(int, str)  # photo id, name
    similar_chosen = Signal(int)  # photo id: chosen in the similar items or the staff examples
    more_like_this = Signal(int)  # photo id
    examples_requested = Signal(int)  # photo id: the staff examples behind its learned category
    similar_wanted = Signal()  # the similar items again: "Same colour first" changed
    category_left = Signal()  # Escape in the Category box: nothing chosen, the keys go back

    def __init__(self, thumbnails: ThumbnailLoader, categories: list[str], unsure_below: float, parent=None,
                 settings=None):
        super().__init__(parent)
        self._thumbnails = thumbnails
        self._unsure_below = unsure_below
        self._categories = categories
        self.photo: PhotoDetail | None = None
        self.teaching: services.Teaching | None = None  # the last, for new categories' progress
        self.setMinimumWidth(280)
        # The details scroll; the similar items below them stay in view (a 1024 x 700 window).
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll.setFrameShape(QScrollArea.Shape.NoFrame)
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
        # Elided in the middle to the panel's width (a long file name must not widen the panel).
        self.title.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.facts = QLabel(textInteractionFlags=Qt.TextInteractionFlag.TextSelectableByMouse, wordWrap=True)
        self.warning = QLabel(wordWrap=True)
        self.warning.setStyleSheet("color: #c0392b;")
        layout.addWidget(self.preview)
        layout.addWidget(self.title)
        layout.addWidget(self.facts)
        layout.addWidget(self.warning)
        # Several photos selected: the category and new tags go to all of them.
        self.selection_note = QLabel(wordWrap=True)
        self.selection_note.setAutoFillBackground(True)
        self.selection_note.setBackgroundRole(QPalette.ColorRole.Highlight)
        self.selection_note.setForegroundRole(QPalette.ColorRole.HighlightedText)
        self.selection_note.setMargin(6)
        self.selection_note.hide()
        layout.addWidget(self.selection_note)
        self._selected = 1

        # What staff edit: hidden while no photo is shown.
        self.editing = QWidget()
        editing = QVBoxLayout(self.editing)
        editing.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.editing)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.category = CategoryBox(kinds.ShownNames(kinds.sources()[CATEGORY]), categories,
                                    wheel=lambda event: self.scroll.verticalScrollBar().event(event))
        self.category.chosen.connect(self.category_chosen)
        self.category.left.connect(self.category_left)
        self.category_state = QLabel(wordWrap=True)
        self.category_state.setTextFormat(Qt.TextFormat.RichText)  # "Why?" is a link
        self.category_state.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        self.category_state.linkActivated.connect(self._why)
        self.category_note = QLabel(wordWrap=True)  # a new category's progress towards being suggested
        self.category_note.setTextFormat(Qt.TextFormat.PlainText)
        self.category_note.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.accept_button = QPushButton(translate("Detail", "Accept (A)"))
        self.accept_button.setToolTip(translate("Detail", "The automatic category is right: keep it as staff's (key A)"))
        self.reject_button = QPushButton(translate("Detail", "Reject (R)"))
        self.reject_button.setToolTip(translate("Detail", "The automatic category is wrong: remove it, never suggest "
                                                          "it again for this photo (key R)"))
        self.accept_button.clicked.connect(self.accept_category)
        self.reject_button.clicked.connect(self.reject_category)
        buttons = QHBoxLayout()
        buttons.addWidget(self.accept_button)
        buttons.addWidget(self.reject_button)
        buttons.addStretch()
        form.addRow(translate("Detail", "Category"), self.category)
        form.addRow("", self.category_state)  # its own line: it wraps, never clipped beside the buttons
        form.addRow("", self.category_note)
        form.addRow("", buttons)
        editing.addLayout(form)
        self.examples = ExamplesBox(thumbnails)
        self.examples.chosen.connect(self.similar_chosen)
        editing.addWidget(self.examples)

        self.tags = TagList()
        self.tags.setAccessibleName("Tags")  # each kind under its heading ("Colours")
        self.tags.setSizeAdjustPolicy(QListWidget.SizeAdjustPolicy.AdjustToContents)
        self.tags.setMaximumHeight(8 * self.fontMetrics().height() + 16)
        self.tags.remove_requested.connect(self.remove_tag)
        self.tags.currentItemChanged.connect(self._tag_selected)
        self.tags.itemSelectionChanged.connect(self._tag_selected)  # a click selects after it makes current
        editing.addWidget(self.tags)
        tag_buttons = QHBoxLayout()
        self.accept_tag_button = QPushButton(translate("Detail", "Confirm tag"))
        self.accept_tag_button.setToolTip(translate("Detail", "Keep the selected automatic tag as staff's"))
        self.remove_tag_button = QPushButton(translate("Detail", "Remove tag"))
        self.remove_tag_button.setToolTip(translate("Detail", "Remove the selected tag from this photo (Delete)"))
        self.accept_tag_button.clicked.connect(lambda: self._emit_for_tag(self.accept_tag))
        self.remove_tag_button.clicked.connect(lambda: self._emit_for_tag(self.remove_tag))
        tag_buttons.addWidget(self.accept_tag_button)
        tag_buttons.addWidget(self.remove_tag_button)
        tag_buttons.addStretch()
        editing.addLayout(tag_buttons)
        self.new_tag = QLineEdit(placeholderText=translate("Detail", "Add a tag and press Enter"))
        self.new_tag.setAccessibleName("New tag")
        self._tag_names = QStringListModel(self)
        completer = QCompleter(self._tag_names, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.new_tag.setCompleter(completer)
        self.new_tag.returnPressed.connect(self._add_tag)
        self.new_tag.installEventFilter(self)  # Escape empties it
        editing.addWidget(self.new_tag)

        layout.addStretch()
        self.scroll.setWidget(body)
        self.similar_section = SimilarSection(thumbnails)
        self.similar_section.chosen.connect(self.similar_chosen)
        self.similar_section.show_all.connect(lambda: self.photo and self.more_like_this.emit(self.photo.id))
        self.similar_section.wanted.connect(self.similar_wanted)
        self.similar = self.similar_section.strip
        self.same_colour = self.similar_section.same_colour
        self.more_button = self.similar_section.more_button
        self.similar_state = self.similar_section.state
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.scroll, 1)
        outer.addWidget(self.similar_section)
        self.goes_with = GoesWithSection(thumbnails, settings)
        self.goes_with.chosen.connect(self.similar_chosen)
        outer.addWidget(self.goes_with)
        thumbnails.ready.connect(self._thumbnail_ready)
        self.show_photo(None)

    # -- content ---------------------------------------------------------------------

    def set_tag_names(self, names: list[str]) -> None:
        self._tag_names.setStringList(names)

    def set_teaching(self, teaching: services.Teaching | None) -> None:
        """The last teaching: a new category's progress towards being suggested."""
        self.teaching = teaching
        if self.photo is not None:
            self._show_category(self.photo.category, keep_typing=True)
        self.add_categories(category_names(teaching))

    def add_categories(self, names: list[str]) -> None:
        """Offer categories staff taught besides the shipped ones (the text typed stays)."""
        self.category.add_names(names)

    def category_choices(self) -> list[str]:
        """The Category box's list, as stored names: shipped categories, then those staff taught."""
        return self.category.choices()

    def set_selected(self, count: int) -> None:
        """How many photos the grid has selected: with several, say that decisions go to all."""
        self._selected = count
        name = os.path.basename(self.photo.path) if self.photo is not None else "this photo"
        self.selection_note.setText(translate(
            "Detail", "{count} photos selected. Accept, Reject, a category chosen and a new tag go to all {count}; "
            "the tags listed are {name}'s.").format(count=count, name=name) if count > 1 else "")
        self.selection_note.setVisible(count > 1)
        self._update_buttons()

    def show_photo(self, photo: PhotoDetail | None) -> None:
        same_photo = photo is not None and self.photo is not None and photo.id == self.photo.id
        if not same_photo:
            self.category.another_photo()
            self.new_tag.setText("")  # half typed for another photo: not for this one
        old_category = self.photo.category if same_photo and self.photo is not None else None
        self.photo = photo
        declared = kinds.sources()
        enabled = photo is not None
        for widget in (self.category, self.new_tag, self.tags, self.more_button):
            widget.setEnabled(enabled)
        if photo is None:
            self.preview.setPixmap(QPixmap())
            self.preview.setText(translate("Detail", "Select a photo to see its details"))
            self.title.clear()
            self.facts.clear()
            self.warning.clear()
            self.warning.hide()
            self.category.show_name("")
            self.category_state.clear()
            self.category_note.hide()
            self.examples.close_box()
            self.tags.clear()
            self.similar_section.clear()
            self.goes_with.clear()
            self.editing.hide()
            self.similar_section.hide()
            self.goes_with.hide()
            self._update_buttons()
            return
        self.editing.show()
        self.similar_section.show()
        self.goes_with.show()
        self._show_title()
        self.title.setToolTip(photo.path)
        facts = [os.path.dirname(photo.path)]
        if photo.width and photo.height:
            facts.append(translate("Detail", "{width} × {height} pixels, {size}").format(
                width=photo.width, height=photo.height, size=_size_text(photo.size)))
        if photo.indexed_at:
            when = QDateTime(photo.indexed_at.date(), photo.indexed_at.time())  # in the window's language
            facts.append(translate("Detail", "Indexed {when}").format(
                when=QLocale().toString(when, QLocale.FormatType.ShortFormat)))
        if photo.product is not None:
            facts.append(product_text(photo.product))
        self.facts.setText("\n".join(facts))
        self.warning.setText(
            translate("Detail", "This file is missing from its folder; its tags are kept.") if photo.status == MISSING
            else translate("Detail", "Could not be read: {why}").format(why=stored(photo.error or "")) if photo.status == FAILED
            else ""
        )
        self.warning.setVisible(bool(self.warning.text()))
        if not (same_photo and old_category is not None and photo.category is not None
                and old_category.name == photo.category.name and photo.category.learned):
            self.examples.close_box()  # another photo, or another category: its examples differ
        self._show_category(photo.category, keep_typing=same_photo)
        self.tags.clear()
        for heading, tags in tag_groups(photo, declared):
            self.tags.add_heading(heading)
            for tag in tags:
                self.tags.add_tag(tag, declared.get(tag.kind))
        self.set_selected(self._selected)
        self._show_preview()
        if not same_photo:
            self.similar_section.looking()

    def _show_category(self, tag: TagInfo | None, keep_typing: bool = False) -> None:
        # A refresh of the same photo (a learn finished, say) leaves a name being typed alone.
        if not (keep_typing and self.category.typing()):
            self.category.show_name(tag.name if tag else "")
        if tag is None:
            state = translate("Detail", "No category yet: choose one.")
        elif tag.source == AUTO:
            made = translate("Detail", "Learned from staff") if self._taught(tag) else translate("Detail", "Automatic")
            state = translate("Detail", "{made}, {sure} sure").format(made=made, sure=f"{tag.confidence:.0%}") \
                if tag.confidence is not None else made
            state += translate("Detail", " — please check") if self._is_unsure(tag) else ""
        else:
            state = translate("Detail", "Set by staff")
        link = translate("Detail", "Hide examples") if self.examples.isVisible() else translate("Detail", "Why?")
        self.category_state.setText(html.escape(state) + (
            f' · <a href="why">{html.escape(link).replace(" ", "&nbsp;")}</a>' if self.why_offered() else ""))
        self.category_state.setToolTip(
            translate("Detail", "Why?: the staff examples this suggestion was learned from") if self.why_offered() else "")
        note = waiting_note(self.teaching, tag.name) if tag is not None and tag.source != AUTO else ""
        self.category_note.setText(note)
        self.category_note.setVisible(bool(note))

    def why_offered(self) -> bool:
        """The category is a learned suggestion: "Why?" shows the staff examples behind it."""
        return self.photo is not None and self.photo.category is not None and self._taught(self.photo.category)

    def _taught(self, tag: TagInfo) -> bool:
        """A suggestion learned from staff examples of its category: learning re-weighs every
        photo's category, but one nobody gave an example of is still the shipped model's."""
        return tag.learned and taught_examples(self.teaching, tag.name) > 0

    def _show_title(self) -> None:
        if self.photo is not None:
            name = os.path.basename(self.photo.path)
            width = max(80, self.scroll.viewport().width() - 24)
            self.title.setText(self.title.fontMetrics().elidedText(name, Qt.TextElideMode.ElideMiddle, width))

    def eventFilter(self, watched, event) -> bool:
        if watched is self.new_tag and event.type() == QEvent.Type.KeyPress and event.key() == Qt.Key.Key_Escape:
            self.new_tag.setText("")
            return True
        return super().eventFilter(watched, event)

    def _is_unsure(self, tag: TagInfo) -> bool:
        return needs_review(tag.name, tag.source, tag.confidence, self._unsure_below)

    def _show_preview(self) -> None:
        if self.photo is None:
            return
        pixmap = self._thumbnails.pixmap(self.photo.path, PREVIEW_EDGE)
        if pixmap is None:
            pixmap = self._thumbnails.pixmap(self.photo.path, GRID_EDGE)
        if pixmap is None:
            self.preview.setText(translate("Detail", "No preview") if self._thumbnails.failed(self.photo.path, PREVIEW_EDGE)
                                 else translate("Detail", "Loading…"))
            return
        # At most about a third of the panel's height, so tags and similar items stay in view.
        width = max(160, self.scroll.viewport().width() - 24)
        height = max(160, min(width, self.scroll.viewport().height() * 3 // 10))
        dpr = pixmap.devicePixelRatio()
        scaled = pixmap.scaled(round(width * dpr), round(height * dpr), Qt.AspectRatioMode.KeepAspectRatio,
                               Qt.TransformationMode.SmoothTransformation)
        scaled.setDevicePixelRatio(dpr)
        self.preview.setPixmap(scaled)

    def main_colour(self) -> str | None:
        """The shown photo's colour with the largest share, when "Same colour first" is on."""
        if self.photo is None or not self.same_colour.isChecked():
            return None
        colours = sorted(self.photo.tags_of(COLOUR), key=lambda t: -(t.confidence or 0.0))
        return colours[0].name if colours else None

    def show_similar(self, answer: tuple[list[Hit], services.Closeness]) -> None:
        self.similar_section.show_similar(answer)

    def show_examples(self, photo_id: int, hits: list[Hit]) -> None:
        self.examples.show_examples(photo_id, hits)
        self.scroll.ensureWidgetVisible(self.examples)

    def show_examples_error(self, photo_id: int, message: str) -> None:
        self.examples.show_error(photo_id, message)

    def show_similar_error(self, message: str) -> None:
        self.similar_section.show_error(message)

    def _thumbnail_ready(self, path: str, edge: int) -> None:
        if self.photo is not None and path == self.photo.path:
            self._show_preview()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._show_title()
        self._show_preview()

    # -- edits -----------------------------------------------------------------------

    def _emit_for_tag(self, signal) -> None:
        tag = self.tags.current_tag()
        if tag is not None:
            signal.emit(tag.id)
            # The button may be disabled now; focus stays in the list, not in the next field.
            self.tags.setFocus(Qt.FocusReason.OtherFocusReason)

    def _tag_selected(self, *_args) -> None:
        self._update_buttons()

    def _update_buttons(self) -> None:
        category = self.photo.category if self.photo else None
        automatic = self._selected > 1 or (category is not None and category.source == AUTO)
        self.accept_button.setEnabled(self.photo is not None and automatic)
        self.reject_button.setEnabled(self.photo is not None and automatic)
        tag = self.tags.current_tag()
        self.accept_tag_button.setEnabled(tag is not None and tag.source == AUTO)
        self.remove_tag_button.setEnabled(tag is not None)

    def _add_tag(self) -> None:
        text = self.new_tag.text().strip()
        if self.photo is not None and text:
            self.add_tag.emit(self.photo.id, text)
            self.new_tag.setText("")  # not clear(): that is undoable, and Ctrl+Z must undo the tag

    def _why(self, _link: str = "") -> None:
        """Show (or hide) the staff examples behind the learned category; reads, never writes."""
        if self.examples.isVisible() or not self.why_offered() or self.photo is None:
            self.examples.close_box()
        elif self.photo.category is not None:
            self.examples.looking(self.photo.id, self.photo.category.name)
            self.examples_requested.emit(self.photo.id)
        if self.photo is not None:
            self._show_category(self.photo.category, keep_typing=True)

    def focus_tags(self) -> None:
        self.new_tag.setFocus()

    def focus_category(self) -> None:
        """Type-ahead in the Category box: the name is selected, so typing replaces it."""
        self.category.begin_typing()
