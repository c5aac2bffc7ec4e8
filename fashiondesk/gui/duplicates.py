"""Review → Find duplicates…: the same photo kept several times, and similar photos.

The search runs on a task thread (a few seconds for thousands of photos). Each group lists
its photos with the one to keep first (the most pixels, then the largest file); staff can
show a group in the grid, or tag the others (an undoable tag edit). fashiondesk never
deletes or moves a file.
"""

from __future__ import annotations

import os

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QFont, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
)

from fashiondesk.core import services
from fashiondesk.gui.i18n import translate
from fashiondesk.gui.jobs import run_job

THUMB = 64
IdsRole = Qt.ItemDataRole.UserRole + 1  # a group's photo ids, the one to keep first
KindRole = Qt.ItemDataRole.UserRole + 2
IdRole = Qt.ItemDataRole.UserRole + 3  # a photo row's id


def kind_text(kind: str, n: int) -> str:
    if kind == "exact":
        return translate("Duplicates", "Exact copies: {n} files with the same bytes").format(n=n)
    if kind == "near":
        return translate("Duplicates", "The same photo, altered: {n} photos").format(n=n)
    return translate("Duplicates", "Similar photos (other shots): {n} photos").format(n=n)


def file_size(size: int) -> str:
    if size < 1_000_000:
        return translate("Duplicates", "{kb} KB").format(kb=max(1, round(max(size, 0) / 1000)))
    return translate("Duplicates", "{mb:.1f} MB").format(mb=size / 1e6)


class DuplicatesDialog(QDialog):
    def __init__(self, window):
        super().__init__(window)
        self._window = window
        self._items: dict[str, list[QTreeWidgetItem]] = {}
        self._found: services.Duplicates | None = None
        self._searches = 0  # the answer of the latest search only is shown
        # The search runs in the window's pool, so closing this dialog never waits for it;
        # its answer is dropped once the dialog is gone.
        alive = self._alive = {"yes": True}
        self.destroyed.connect(lambda *_: alive.update(yes=False))
        self.setWindowTitle(translate("Duplicates", "Duplicates"))
        layout = QVBoxLayout(self)
        kinds = QHBoxLayout()
        self.exact = QCheckBox(translate("Duplicates", "Exact copies"))
        self.near = QCheckBox(translate("Duplicates", "Altered copies (resized, cropped, edited)"))
        self.similar = QCheckBox(translate("Duplicates", "Similar photos"))
        self.exact.setChecked(True)
        self.near.setChecked(True)
        for box in (self.exact, self.near, self.similar):
            kinds.addWidget(box)
            box.toggled.connect(self.search)
        kinds.addStretch(1)
        layout.addLayout(kinds)
        self.status = QLabel()
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels([translate("Duplicates", "Photo"), translate("Duplicates", "Suggestion"),
                                   translate("Duplicates", "Pixels"), translate("Duplicates", "File"),
                                   translate("Duplicates", "Folder")])
        self.tree.setIconSize(QSize(THUMB, THUMB))
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        self.tree.header().resizeSection(0, 300)
        self.tree.itemSelectionChanged.connect(self._update_buttons)
        self.tree.currentItemChanged.connect(lambda *_: self._update_buttons())
        layout.addWidget(self.tree, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.show_button = QPushButton(translate("Duplicates", "Show in the grid"))
        self.show_button.setToolTip(translate("Duplicates", "The photos of the selected groups (or of every group) "
                                                            "in the grid"))
        self.keep_button = QPushButton(translate("Duplicates", "Keep this one"))
        self.keep_button.setToolTip(translate("Duplicates", "Keep the selected photo of its group instead of the one "
                                                            "suggested: the others are the ones Tag the others… tags"))
        self.tag_button = QPushButton(translate("Duplicates", "Tag the others…"))
        self.tag_button.setToolTip(translate("Duplicates", "Give every photo but the one to keep a tag (of the "
                                                           "selected groups, or of every group); files stay as they are"))
        buttons.addButton(self.keep_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.show_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.tag_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.close)
        # No button answers Enter: an Enter held or pressed again after naming a tag must not
        # ask again and write the suggested name nobody typed.
        for button in buttons.buttons():
            button.setAutoDefault(False)
            button.setDefault(False)
        self.keep_button.clicked.connect(self.keep_selected)
        self.show_button.clicked.connect(self.show_in_grid)
        self.tag_button.clicked.connect(self.tag_others)
        self.addAction(window.undo_action)  # Ctrl+Z undoes a tagging from here too
        layout.addWidget(buttons)
        window.thumbnails.ready.connect(self._thumbnail_ready)
        self.resize(900, 560)
        self.search()

    def kinds(self) -> list[str]:
        return [kind for kind, box in (("exact", self.exact), ("near", self.near), ("similar", self.similar))
                if box.isChecked()]

    def search(self) -> None:
        self.tree.clear()
        self._items.clear()
        self._found = None
        self._update_buttons()
        kinds = self.kinds()
        if not kinds:
            self.status.setText(translate("Duplicates", "Choose what to look for."))
            return
        self.status.setText(translate("Duplicates", "Looking for duplicates…"))
        self._searches += 1
        search, alive = self._searches, self._alive
        run_job(self._window, services.duplicates, self._window.catalogue, None, kinds, key=("duplicates", id(self)),
                done=lambda found: alive["yes"] and self._show(found, search),
                error=lambda message: alive["yes"] and self._failed(message, search))

    def _failed(self, message: str, search: int) -> None:
        if search == self._searches:
            self.status.setText(message)

    def _show(self, found: services.Duplicates, search: int) -> None:
        if search != self._searches:
            return  # the choice changed meanwhile: the latest search answers
        self.tree.clear()
        self._items.clear()
        self._found = found
        bold = QFont(self.tree.font())
        bold.setBold(True)
        for group in found.groups:
            top = QTreeWidgetItem([kind_text(group.kind, len(group.photos))])
            top.setData(0, IdsRole, [p.photo_id for p in group.photos])
            top.setData(0, KindRole, group.kind)
            self.tree.addTopLevelItem(top)
            for photo in group.photos:
                size = f"{photo.width} × {photo.height}" if photo.width and photo.height else ""
                keep = translate("Duplicates", "Keep") if photo.keep else ""
                child = QTreeWidgetItem([os.path.basename(photo.path), keep, size, file_size(photo.size),
                                         os.path.dirname(photo.path)])
                child.setToolTip(0, photo.path)
                child.setData(0, IdRole, photo.photo_id)
                if photo.keep:
                    child.setFont(1, bold)
                top.addChild(child)
                self._items.setdefault(photo.path, []).append(child)
                self._set_icon(child, photo.path)
            top.setExpanded(True)
        n = len(found.groups)
        text = translate("Duplicates", "Groups found: {n}.").format(n=f"{n:,}") if n else \
            translate("Duplicates", "No duplicates found.")
        if found.unchecked:
            text += " " + translate("Duplicates", "Photos indexed before fashiondesk could tell altered copies "
                                                  "apart: {n}; Rescan checks them.").format(n=f"{found.unchecked:,}")
        self.status.setText(text)
        self._update_buttons()

    def _set_icon(self, item: QTreeWidgetItem, path: str) -> None:
        pixmap = self._window.thumbnails.pixmap(path, THUMB)
        if pixmap is None:
            return
        square = QPixmap(pixmap.size().expandedTo(QSize(max(pixmap.width(), pixmap.height()),
                                                         max(pixmap.width(), pixmap.height()))))
        square.setDevicePixelRatio(pixmap.devicePixelRatio())
        square.fill(Qt.GlobalColor.transparent)
        painter = QPainter(square)
        side = max(pixmap.width(), pixmap.height()) / pixmap.devicePixelRatio()
        painter.drawPixmap(int((side - pixmap.deviceIndependentSize().width()) / 2),
                           int((side - pixmap.deviceIndependentSize().height()) / 2), pixmap)
        painter.end()
        item.setIcon(0, QIcon(square))  # centred in a square: the names line up

    def _thumbnail_ready(self, path: str, edge: int) -> None:
        if edge == THUMB:
            for item in self._items.get(path, []):
                self._set_icon(item, path)

    def _chosen_groups(self) -> list[QTreeWidgetItem]:
        """The groups with a selected row (or every group), in the order they are listed."""
        tops = [self.tree.topLevelItem(i) for i in range(self.tree.topLevelItemCount())]
        selected = {id(item if item.parent() is None else item.parent()) for item in self.tree.selectedItems()}
        return [t for t in tops if t is not None and (not selected or id(t) in selected)]

    def _update_buttons(self) -> None:
        has = self.tree.topLevelItemCount() > 0
        self.show_button.setEnabled(has)
        self.tag_button.setEnabled(bool(self._others()))
        item = self.tree.currentItem()
        self.keep_button.setEnabled(item is not None and item.parent() is not None and item.isSelected()
                                    and item.parent().data(0, KindRole) != "similar"
                                    and item.data(0, IdRole) != item.parent().data(0, IdsRole)[0])

    def _others(self) -> list[int]:
        """The photos Tag the others… would tag: all but the one to keep of the chosen groups
        of copies (similar photos are other photos: never)."""
        return [pid for top in self._chosen_groups() if top.data(0, KindRole) != "similar"
                for pid in top.data(0, IdsRole)[1:]]

    def keep_selected(self) -> None:
        """The selected photo becomes its group's one to keep (in this list; nothing is written)."""
        item = self.tree.currentItem()
        if item is None or item.parent() is None:
            return
        top = item.parent()
        ids = list(top.data(0, IdsRole))
        chosen = item.data(0, IdRole)
        top.setData(0, IdsRole, [chosen] + [pid for pid in ids if pid != chosen])
        for i in range(top.childCount()):
            child = top.child(i)
            keep = child.data(0, IdRole) == chosen
            child.setText(1, translate("Duplicates", "Keep") if keep else "")
            font = child.font(1)
            font.setBold(keep)
            child.setFont(1, font)
        self._update_buttons()

    def show_in_grid(self) -> None:
        ids = [pid for top in self._chosen_groups() for pid in top.data(0, IdsRole)]
        if ids:
            self._window.show_results(ids, translate("Duplicates", "Duplicates"))

    def tag_others(self) -> None:
        """Every photo of the chosen groups but the one to keep gets the tag staff name (an
        undoable edit); similar photos are other photos, so they are never tagged."""
        others = self._others()
        if not others:
            return
        name, ok = QInputDialog.getText(
            self, translate("Duplicates", "Tag the others"),
            translate("Duplicates", "Tag for the photos that are not the one to keep ({n}):").format(n=len(others)),
            text=translate("Duplicates", "duplicate"))
        if not ok or not name.strip():
            return
        # An undoable edit; a refused name or a busy catalogue is said in the window's status bar.
        self._window.tag_edits.apply(
            translate("Duplicates", "Duplicates ({n}): add the tag {tag}").format(n=len(others), tag=name.strip()),
            others, services.add_custom_tag, others, name)
