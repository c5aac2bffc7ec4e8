"""The window's doors to a shop's other files: import a spreadsheet, export for the till or
a webshop, write keyword sidecars for photo tools, and group photos into products."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from fashiondesk.core import services
from fashiondesk.gui import file_dialogs

if TYPE_CHECKING:
    from fashiondesk.gui.main_window import MainWindow

ENCODINGS = {"utf-8": "UTF-8", "utf-8-sig": "UTF-8", "utf-16": "Unicode (UTF-16)",
             "cp1252": "Windows Western (cp1252)", "gb18030": "Chinese (GBK/GB18030)", "latin-1": "Latin-1"}
FORMATS = [
    ("generic", "Every photo and tag (the till, a spreadsheet)"),
    ("shopify", "Shopify product CSV"),
    ("woocommerce", "WooCommerce product CSV"),
]


class ExportDialog(QDialog):
    """What to export: the format, only the photos shown or all, where the shop hosts photos."""

    def __init__(self, parent: QWidget, shown: int, filtered: bool, url_prefix: str, fmt: str):
        super().__init__(parent)
        self.setWindowTitle("Export")
        self.format = QComboBox()
        for key, text in FORMATS:
            self.format.addItem(text, key)
        self.format.setCurrentIndex(max(0, [k for k, _ in FORMATS].index(fmt) if fmt in dict(FORMATS) else 0))
        self.only_shown = QCheckBox(f"Only the {shown:,} photo{'s' if shown != 1 else ''} shown now")
        self.only_shown.setChecked(filtered)
        self.only_shown.setEnabled(filtered)
        self.only_shown.setToolTip("The current folder, category, search and filters; a webshop file gets "
                                   "the whole product of each photo shown")
        self.url_prefix = QLineEdit(url_prefix)
        self.url_prefix.setPlaceholderText("https://cdn.example.com/shop/photos/")
        self.url_prefix.setToolTip("Where the shop will host the photos: each image's address is this, then the "
                                   "photo's path in its folder")
        self.url_note = QLabel("Empty: the image column holds file names.", wordWrap=True)
        form = QFormLayout()
        form.addRow("Format", self.format)
        form.addRow("", self.only_shown)
        form.addRow("Image address", self.url_prefix)
        form.addRow("", self.url_note)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        buttons.addButton("Export…", QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.format.currentIndexChanged.connect(self._format_changed)
        self._format_changed()

    def chosen_format(self) -> str:
        return str(self.format.currentData())

    def _format_changed(self) -> None:
        webshop = self.chosen_format() != "generic"
        self.url_prefix.setEnabled(webshop)
        self.url_note.setVisible(webshop)


class ShopFiles(QObject):
    def __init__(self, window: MainWindow):
        super().__init__(window)
        self._window = window

    # -- export ------------------------------------------------------------------------

    def choose_export(self) -> None:
        window = self._window
        settings = window.settings
        rows = window.model.rows()
        filtered = window.filter != type(window.filter)(sort=window.filter.sort) or bool(window.also)
        dialog = ExportDialog(window, len(rows), filtered, str(settings.value("export/url_prefix", "") or ""),
                              str(settings.value("export/format", "generic") or "generic"))
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        fmt, prefix = dialog.chosen_format(), dialog.url_prefix.text().strip()
        settings.setValue("export/format", fmt)
        settings.setValue("export/url_prefix", prefix)
        only = {row.id for row in rows} if dialog.only_shown.isChecked() else None
        start = str(settings.value("last_export", "") or "")
        name = {"generic": "fashiondesk-export.csv", "shopify": "shopify-products.csv",
                "woocommerce": "woocommerce-products.csv"}[fmt]
        start = str(_sibling(start, name)) if start else name
        path = file_dialogs.save_file(window, "Export as CSV", start, "CSV files (*.csv)")
        if path:
            self.export_to(path, fmt, prefix, only)

    def export_to(self, path: str, fmt: str = "generic", prefix: str = "", only: set[int] | None = None) -> None:
        window = self._window
        window.settings.setValue("last_export", path)
        window.statusBar().showMessage(f"Exporting to {path}…")
        what = "photos" if fmt == "generic" else "products"
        window.tasks.run(services.export_csv_file, window.catalogue, path, fmt, prefix, only,
                         done=lambda n: window.statusBar().showMessage(f"Exported {n:,} {what} to {path}"),
                         error=window._show_error)

    # -- import ------------------------------------------------------------------------

    def choose_import(self) -> None:
        window = self._window
        start = str(window.settings.value("last_import", "") or "")
        path = file_dialogs.open_file(window, "Import a spreadsheet", start, "CSV files (*.csv *.txt);;All files (*)")
        if not path:
            return
        window.settings.setValue("last_import", path)
        window.statusBar().showMessage(f"Reading {path}…")
        window.tasks.run(services.import_sheet, window.catalogue, path, True,
                         done=lambda result: self._confirm_import(path, result), error=self._import_refused)

    def _confirm_import(self, path: str, result) -> None:
        window = self._window
        window.statusBar().clearMessage()
        if not result.changes:
            QMessageBox.information(window, "Import", f"{result.rows:,} rows read: the catalogue already says "
                                                      "all of this. Nothing to change.")
            return
        separator = {",": "commas", ";": "semicolons", "\t": "tabs"}.get(result.delimiter, repr(result.delimiter))
        lines = [f"{result.rows:,} row{'s' if result.rows != 1 else ''} read (as {ENCODINGS.get(result.encoding, result.encoding)}, separated by "
                 f"{separator}). Importing will make these changes:", ""]
        for count, one, many in ((result.products_created, "new product", "new products"),
                                 (result.products_changed, "product changed", "products changed"),
                                 (result.photos_moved, "photo put in a product or moved within one",
                                  "photos put in a product or moved within one"),
                                 (result.categories_set, "category set", "categories set"),
                                 (result.tags_added, "tag added", "tags added")):
            if count:
                lines.append(f"• {count:,} {one if count == 1 else many}")
        if result.extra_columns:
            lines += ["", "Kept with the products and exported back: " + ", ".join(result.extra_columns)]
        box = QMessageBox(QMessageBox.Icon.Question, "Import", "\n".join(lines), parent=window)
        go = box.addButton("Import", QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        if box.clickedButton() is not go:
            return
        window.tasks.run(services.import_sheet, window.catalogue, path, False,
                         done=lambda r: self._imported(path, r), error=self._import_refused)

    def _imported(self, path: str, result) -> None:
        self._window.statusBar().showMessage(f"Imported {path}: {result.changes:,} changes")
        self._window.refresh()
        self._window._show_current()

    def _import_refused(self, message: str) -> None:
        window = self._window
        window.statusBar().showMessage("The spreadsheet was not imported", 15_000)
        first, _, rest = message.partition("\n")
        rows = [line.strip() for line in rest.splitlines() if line.strip() and not line.strip().startswith("(details")]
        box = QMessageBox(QMessageBox.Icon.Warning, "Import", first, parent=window)
        if rows:
            shown = rows[:8] + ([f"… and {len(rows) - 8} more (Show Details…)"] if len(rows) > 8 else [])
            box.setInformativeText("\n".join(shown) + "\n\nFix these rows in the spreadsheet, save it, and import "
                                   "it again. Nothing was changed.")
            box.setDetailedText("\n".join(rows))
        box.exec()

    # -- keyword sidecars ----------------------------------------------------------------

    def write_sidecars(self) -> None:
        window = self._window
        ids = [row.id for row in window.model.rows()]
        if not ids:
            return
        box = QMessageBox(
            QMessageBox.Icon.Question, "Write keywords",
            f"Write the category, colours and tags of the {len(ids):,} photo{'s' if len(ids) != 1 else ''} shown "
            "into XMP sidecars beside them (photo.jpg.xmp), for Lightroom, digiKam and Bridge?\n\n"
            "The photos themselves are not changed; a sidecar that is there keeps its other keywords and settings.",
            parent=window)
        inside = QCheckBox("Put them inside the JPEG photos instead")
        inside.setToolTip("For tools that read no sidecar. The picture is not re-compressed, and each original is "
                          f"first copied to {services.originals_folder(window.catalogue)}")
        box.setCheckBox(inside)
        go = box.addButton("Write", QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        if box.clickedButton() is not go:
            return
        into_photos = inside.isChecked()  # the box is gone when the answer comes
        window.statusBar().showMessage("Writing keywords…")
        window.tasks.run(partial(services.write_xmp, inside=into_photos), window.catalogue, None, ids,
                         done=lambda report: self._sidecars_written(report, into_photos),
                         error=window._show_error)

    def _sidecars_written(self, report, inside: bool = False) -> None:
        what = "photos given their keywords inside" if inside else "sidecars written"
        text = f"{report.written:,} {what}, {report.unchanged:,} already up to date"
        if report.failed:
            path, reason = report.failed[0]
            self._window._show_error(f"{text}; {len(report.failed):,} could not be written, e.g. {path}.xmp: {reason}")
        else:
            self._window.statusBar().showMessage(text)

    # -- products ------------------------------------------------------------------------

    def group(self) -> None:
        window = self._window
        rows = window.review.targets()
        if not rows:
            return
        products = {services.product_of(window.catalogue, r.id) for r in rows} - {None}
        if len(products) > 1:
            names = ", ".join(sorted(p.handle for p in products if p is not None))
            answer = QMessageBox.question(
                window, "Group as one product",
                f"These photos are in different products ({names}). Grouping them moves them all into one; "
                "the products keep their other photos and their fields. Go on?")
            if answer != QMessageBox.StandardButton.Yes:
                return
        handle, ok = QInputDialog.getText(
            window, "Group as one product",
            f"The {len(rows)} photo{'s' if len(rows) != 1 else ''} selected become one product.\n"
            "Its SKU or handle (leave empty to name it after the first photo, or keep the product they are in):")
        if not ok:
            return
        window.tasks.run(services.group_photos, window.catalogue, [r.id for r in rows], handle.strip() or None,
                         done=self._grouped, error=window._show_error)

    def _grouped(self, product) -> None:
        self._window.statusBar().showMessage(f"Product {product.handle}: {len(product.photo_ids)} photos")
        self._window._show_current()
        self._window._search_strip()  # similar items list each product once: ask again

    # -- looks -----------------------------------------------------------------------------

    def save_selected_look(self) -> None:
        rows = self._window.review.targets()
        if len(rows) < 2:
            self._window.statusBar().showMessage("Select two or more photos worn together, then save them as a look",
                                                 10_000)
            return
        self.save_look([r.id for r in rows])

    def save_look(self, photo_ids: list[int]) -> None:
        window = self._window
        name, ok = QInputDialog.getText(window, "Save look", f"A name for this look of {len(photo_ids)} photos "
                                        "(suggestions learn from the looks you save):")
        if not ok:
            return
        window.tasks.run(services.save_look, window.catalogue, photo_ids, name.strip() or None,
                         done=lambda _id: window.statusBar().showMessage(
                             f"Look saved: {len(photo_ids)} photos. Suggestions now learn from it."),
                         error=window._show_error)

    def ungroup(self) -> None:
        window = self._window
        rows = window.review.targets()
        window.tasks.run(services.ungroup_photos, window.catalogue, [r.id for r in rows],
                         done=self._ungrouped, error=window._show_error)

    def _ungrouped(self, count: int) -> None:
        self._window.statusBar().showMessage(
            f"{count} photo{'s' if count != 1 else ''} taken out of {'their products' if count != 1 else 'its product'}"
            if count else "Those photos are in no product")
        self._window._show_current()
        self._window._search_strip()


def _sibling(path: str, name: str):
    from pathlib import Path

    return Path(path).with_name(name)
