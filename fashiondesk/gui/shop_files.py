"""The window's doors to a shop's other files: import a spreadsheet, export for the till or
a webshop, write keyword sidecars for photo tools, and group photos into products."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QObject
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
from fashiondesk.gui.i18n import shown, translate

if TYPE_CHECKING:
    from fashiondesk.gui.main_window import MainWindow

ENCODINGS = {"utf-8": "UTF-8", "utf-8-sig": "UTF-8", "utf-16": "Unicode (UTF-16)",
             "cp1252": QT_TRANSLATE_NOOP("Shop files", "Windows Western (cp1252)"),
             "gb18030": QT_TRANSLATE_NOOP("Shop files", "Chinese (GBK/GB18030)"), "latin-1": "Latin-1"}
FORMATS = [
    ("generic", QT_TRANSLATE_NOOP("Shop files", "Every photo and tag (the till, a spreadsheet)")),
    ("shopify", QT_TRANSLATE_NOOP("Shop files", "Shopify product CSV")),
    ("woocommerce", QT_TRANSLATE_NOOP("Shop files", "WooCommerce product CSV")),
]


class ExportDialog(QDialog):
    """What to export: the format, only the photos shown or all, where the shop hosts photos."""

    def __init__(self, parent: QWidget, count: int, filtered: bool, url_prefix: str, fmt: str):
        super().__init__(parent)
        self.setWindowTitle(translate("Shop files", "Export"))
        self.format = QComboBox()
        for key, text in FORMATS:
            self.format.addItem(translate("Shop files", text), key)
        self.format.setCurrentIndex(max(0, [k for k, _ in FORMATS].index(fmt) if fmt in dict(FORMATS) else 0))
        self.only_shown = QCheckBox(translate("Shop files", "Only the 1 photo shown now") if count == 1 else
                                    translate("Shop files", "Only the {n} photos shown now").format(n=f"{count:,}"))
        self.only_shown.setChecked(filtered)
        self.only_shown.setEnabled(filtered)
        self.only_shown.setToolTip(translate("Shop files", "The current folder, category, search and filters; a "
                                                           "webshop file gets the whole product of each photo shown"))
        self.url_prefix = QLineEdit(url_prefix)
        self.url_prefix.setPlaceholderText("https://cdn.example.com/shop/photos/")
        self.url_prefix.setToolTip(translate("Shop files", "Where the shop will host the photos: each image's address "
                                                           "is this, then the photo's path in its folder"))
        self.url_note = QLabel(translate("Shop files", "Empty: the image column holds file names."), wordWrap=True)
        form = QFormLayout()
        form.addRow(translate("Shop files", "Format"), self.format)
        form.addRow("", self.only_shown)
        form.addRow(translate("Shop files", "Image address"), self.url_prefix)
        form.addRow("", self.url_note)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        buttons.addButton(translate("Shop files", "Export…"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.format.currentIndexChanged.connect(self._format_changed)
        self._format_changed()

    def chosen_format(self) -> str:
        return str(self.format.currentData())

    def accept(self) -> None:
        """A webshop file with an image address it cannot fetch from is not written: the note says why."""
        if self.chosen_format() != "generic":
            try:
                services.check_image_address(self.url_prefix.text().strip())
            except services.UserError as exc:
                self.url_note.setText(shown(exc.args[0]))
                self.url_prefix.setFocus()
                return
        super().accept()

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
        path = file_dialogs.save_file(window, translate("Shop files", "Export as CSV"), start,
                                      translate("Shop files", "CSV files (*.csv)"))
        if path:
            self.export_to(path, fmt, prefix, only)

    def export_to(self, path: str, fmt: str = "generic", prefix: str = "", only: set[int] | None = None) -> None:
        window = self._window
        window.settings.setValue("last_export", path)
        window.statusBar().showMessage(translate("Shop files", "Exporting to {path}…").format(path=path))
        done_text = translate("Shop files", "Exported {n} photos to {path}") if fmt == "generic" else \
            translate("Shop files", "Exported {n} products to {path}")
        window.tasks.run(services.export_csv_file, window.catalogue, path, fmt, prefix, only,
                         done=lambda n: window.statusBar().showMessage(done_text.format(n=f"{n:,}", path=path)),
                         error=window._show_error)

    # -- import ------------------------------------------------------------------------

    def choose_import(self) -> None:
        window = self._window
        start = str(window.settings.value("last_import", "") or "")
        path = file_dialogs.open_file(window, translate("Shop files", "Import a spreadsheet"), start,
                                      translate("Shop files", "CSV files (*.csv *.txt);;All files (*)"))
        if not path:
            return
        window.settings.setValue("last_import", path)
        window.statusBar().showMessage(translate("Shop files", "Reading {path}…").format(path=path))
        window.tasks.run(services.import_sheet, window.catalogue, path, True,
                         done=lambda result: self._confirm_import(path, result), error=self._import_refused)

    def _confirm_import(self, path: str, result) -> None:
        window = self._window
        window.statusBar().clearMessage()
        if not result.changes:
            QMessageBox.information(window, translate("Shop files", "Import"), translate(
                "Shop files", "{n} rows read: the catalogue already says all of this. Nothing to change.").format(
                n=f"{result.rows:,}"))
            return
        separator = {",": translate("Shop files", "commas"), ";": translate("Shop files", "semicolons"),
                     "\t": translate("Shop files", "tabs")}.get(result.delimiter, repr(result.delimiter))
        encoding = translate("Shop files", ENCODINGS[result.encoding]) if result.encoding in ENCODINGS else result.encoding
        read = translate("Shop files", "1 row read (as {encoding}, separated by {separator}).") if result.rows == 1 \
            else translate("Shop files", "{n} rows read (as {encoding}, separated by {separator}).")
        lines = [read.format(n=f"{result.rows:,}", encoding=encoding, separator=separator) + " "
                 + translate("Shop files", "Importing will make these changes:"), ""]
        for count, one, many in (
                (result.products_created, translate("Shop files", "1 new product"),
                 translate("Shop files", "{n} new products")),
                (result.products_changed, translate("Shop files", "1 product changed"),
                 translate("Shop files", "{n} products changed")),
                (result.photos_moved, translate("Shop files", "1 photo put in a product or moved within one"),
                 translate("Shop files", "{n} photos put in a product or moved within one")),
                (result.categories_set, translate("Shop files", "1 category set"),
                 translate("Shop files", "{n} categories set")),
                (result.tags_added, translate("Shop files", "1 tag added"), translate("Shop files", "{n} tags added"))):
            if count:
                lines.append("• " + (one if count == 1 else many.format(n=f"{count:,}")))
        if result.extra_columns:
            lines += ["", translate("Shop files", "Kept with the products and exported back: {columns}").format(
                columns=", ".join(result.extra_columns))]
        box = QMessageBox(QMessageBox.Icon.Question, translate("Shop files", "Import"), "\n".join(lines), parent=window)
        go = box.addButton(translate("Shop files", "Import"), QMessageBox.ButtonRole.AcceptRole)
        _cancel_by_default(box)
        box.exec()
        if box.clickedButton() is not go:
            return
        window.tasks.run(services.import_sheet, window.catalogue, path, False,
                         done=lambda r: self._imported(path, r), error=self._import_refused)

    def _imported(self, path: str, result) -> None:
        self._window.statusBar().showMessage(translate("Shop files", "Imported {path}: {n} changes").format(
            path=path, n=f"{result.changes:,}"))
        self._window.refresh()
        self._window._show_current()

    def _import_refused(self, message: str) -> None:
        window = self._window
        window.statusBar().showMessage(translate("Shop files", "The spreadsheet was not imported"), 15_000)
        first, _, rest = message.partition("\n")
        rows = [line.strip() for line in rest.splitlines() if line.strip() and not line.strip().startswith("(details")]
        box = QMessageBox(QMessageBox.Icon.Warning, translate("Shop files", "Import"), first, parent=window)
        if rows:
            shown = rows[:8] + ([translate("Shop files", "… and {n} more (Show Details…)").format(n=len(rows) - 8)]
                                if len(rows) > 8 else [])
            box.setInformativeText("\n".join(shown) + "\n\n" + translate(
                "Shop files", "Fix these rows in the spreadsheet, save it, and import it again. Nothing was changed."))
            box.setDetailedText("\n".join(rows))
        box.exec()

    # -- keyword sidecars ----------------------------------------------------------------

    def write_sidecars(self) -> None:
        window = self._window
        ids = [row.id for row in window.model.rows()]
        if not ids:
            return
        box = QMessageBox(
            QMessageBox.Icon.Question, translate("Shop files", "Write keywords"),
            (translate("Shop files", "Write the category, colours and tags of the 1 photo shown into XMP sidecars "
                                     "beside them (photo.jpg.xmp), for Lightroom, digiKam and Bridge?") if len(ids) == 1
             else translate("Shop files", "Write the category, colours and tags of the {n} photos shown into XMP "
                                          "sidecars beside them (photo.jpg.xmp), for Lightroom, digiKam and Bridge?")
             .format(n=f"{len(ids):,}")) + "\n\n" +
            translate("Shop files", "The photos themselves are not changed; a sidecar that is there keeps its other "
                                    "keywords and settings."),
            parent=window)
        inside = QCheckBox(translate("Shop files", "Put them inside the JPEG photos instead"))
        inside.setToolTip(translate("Shop files", "For tools that read no sidecar. The picture is not re-compressed, "
                                                  "and each original is first copied to {folder}").format(
            folder=services.originals_folder(window.catalogue)))
        box.setCheckBox(inside)
        go = box.addButton(translate("Shop files", "Write"), QMessageBox.ButtonRole.AcceptRole)
        _cancel_by_default(box)
        box.exec()
        if box.clickedButton() is not go:
            return
        into_photos = inside.isChecked()  # the box is gone when the answer comes
        window.statusBar().showMessage(translate("Shop files", "Writing keywords…"))
        window.tasks.run(partial(services.write_xmp, inside=into_photos), window.catalogue, None, ids,
                         done=lambda report: self._sidecars_written(report, into_photos),
                         error=window._show_error)

    def _sidecars_written(self, report, inside: bool = False) -> None:
        done = translate("Shop files", "{n} photos given their keywords inside") if inside else \
            translate("Shop files", "{n} sidecars written")
        text = done.format(n=f"{report.written:,}") + translate("Shop files", ", ") + translate(
            "Shop files", "{n} already up to date").format(n=f"{report.unchanged:,}")
        if report.failed:
            path, reason = report.failed[0]
            self._window._show_error(text + translate("Shop files", "; ") + translate(
                "Shop files", "{n} could not be written, e.g. {path}: {reason}").format(
                n=f"{len(report.failed):,}", path=path if inside else path + ".xmp", reason=reason))
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
                window, translate("Shop files", "Group as one product"),
                translate("Shop files", "These photos are in different products ({names}). Grouping them moves them "
                                        "all into one; the products keep their other photos and their fields. Go on?")
                .format(names=names))
            if answer != QMessageBox.StandardButton.Yes:
                return
        handle, ok = QInputDialog.getText(
            window, translate("Shop files", "Group as one product"),
            (translate("Shop files", "The 1 photo selected becomes one product.") if len(rows) == 1 else
             translate("Shop files", "The {n} photos selected become one product.").format(n=len(rows))) + "\n" +
            translate("Shop files", "Its SKU or handle (leave empty to name it after the first photo, or keep the "
                                    "product they are in):"))
        if not ok:
            return
        window.tasks.run(services.group_photos, window.catalogue, [r.id for r in rows], handle.strip() or None,
                         done=self._grouped, error=window._show_error)

    def _grouped(self, product) -> None:
        self._window.statusBar().showMessage(translate("Shop files", "Product {handle}: {n} photos").format(
            handle=product.handle, n=len(product.photo_ids)))
        self._window._show_current()
        self._window._search_strip()  # similar items list each product once: ask again

    # -- looks -----------------------------------------------------------------------------

    def save_selected_look(self) -> None:
        rows = self._window.review.targets()
        if len(rows) < 2:
            self._window.statusBar().showMessage(
                translate("Shop files", "Select two or more photos worn together, then save them as a look"), 10_000)
            return
        self.save_look([r.id for r in rows])

    def save_look(self, photo_ids: list[int]) -> None:
        window = self._window
        name, ok = QInputDialog.getText(window, translate("Shop files", "Save look"), translate(
            "Shop files", "A name for this look of {n} photos (suggestions learn from the looks you save):").format(
            n=len(photo_ids)))
        if not ok:
            return
        window.tasks.run(services.save_look, window.catalogue, photo_ids, name.strip() or None,
                         done=lambda _id: window.statusBar().showMessage(translate(
                             "Shop files", "Look saved: {n} photos. Suggestions now learn from it.").format(
                             n=len(photo_ids))),
                         error=window._show_error)

    def ungroup(self) -> None:
        window = self._window
        rows = window.review.targets()
        window.tasks.run(services.ungroup_photos, window.catalogue, [r.id for r in rows],
                         done=self._ungrouped, error=window._show_error)

    def _ungrouped(self, count: int) -> None:
        self._window.statusBar().showMessage(
            translate("Shop files", "1 photo taken out of its product") if count == 1 else
            translate("Shop files", "{n} photos taken out of their products").format(n=count) if count else
            translate("Shop files", "Those photos are in no product"))
        self._window._show_current()
        self._window._search_strip()


def _sibling(path: str, name: str):
    from pathlib import Path

    return Path(path).with_name(name)


def _cancel_by_default(box: QMessageBox) -> None:
    """Enter (a key held from the file dialog, say) must not change a thousand products or
    rewrite the photos: only a click on the action does."""
    cancel = box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(cancel)
    box.setEscapeButton(cancel)
