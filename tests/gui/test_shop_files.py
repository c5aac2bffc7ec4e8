"""The window's products, spreadsheet import, webshop export and keyword sidecars (issue 17)."""

from __future__ import annotations

import csv

import pytest
from PySide6.QtCore import QItemSelectionModel
from PySide6.QtWidgets import QDialog, QInputDialog, QMessageBox

from fashiondesk.core import services
from fashiondesk.gui import file_dialogs
from fashiondesk.gui.grid import PhotoIdRole
from fashiondesk.gui.shop_files import ExportDialog


def _ready(qtbot, window, catalogue, embedder, folder, n):
    services.add_folders(catalogue, [str(folder)])
    services.index(catalogue, embedder=embedder)
    window.refresh()
    qtbot.waitUntil(lambda: window.settled() and window.model.rowCount() == n)


def _select(window, rows):
    """Those photos alone, whatever modifier keys Qt thinks are held (the grid's own
    setCurrentIndex reads them: a test before that pressed Ctrl+Y left Ctrl held)."""
    grid, model = window.grid, window.model
    grid.selectionModel().setCurrentIndex(model.index(rows[0]), QItemSelectionModel.SelectionFlag.ClearAndSelect)
    for row in rows[1:]:
        grid.selectionModel().select(model.index(row), QItemSelectionModel.SelectionFlag.Select)


def test_grouping_the_selected_photos_shows_the_product_and_similar_items_list_it_once(
        qtbot, window, catalogue, embedder, sample_photos, monkeypatch):
    _ready(qtbot, window, catalogue, embedder, sample_photos(6), 6)
    _select(window, [1, 2])
    asked = []
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: (asked.append(a[2]), ("DR-7", True))[1])
    window.photo_menu.menu_for(window.model.index(1))  # the menu offers it
    window.shop_files.group()
    assert "The 2 photos selected become one product" in asked[0]
    grouped = {window.model.index(r).data(PhotoIdRole) for r in (1, 2)}
    qtbot.waitUntil(lambda: "Product DR-7: 2 photos" in window.detail.facts.text())
    # Similar items of another photo: the two photos of DR-7 count as one item.
    _select(window, [0])
    strip = window.detail.similar_section.strip
    shown = window.model.index(0).data(PhotoIdRole)
    # 6 photos: itself and one of DR-7's left out (the strip of the photo shown before may linger a moment)
    qtbot.waitUntil(lambda: strip.count() == 4 and shown not in strip.photo_ids(), timeout=10_000)
    assert len(set(strip.photo_ids()) & grouped) == 1
    tips = [strip.item(i).toolTip() for i in range(strip.count())]
    assert sum("Product DR-7" in tip for tip in tips) == 1
    _select(window, [1])
    qtbot.waitUntil(lambda: "Product DR-7" in window.detail.facts.text())
    window.shop_files.ungroup()
    qtbot.waitUntil(lambda: "Product DR-7" not in window.detail.facts.text())
    assert "1 photo taken out of its product" in window.statusBar().currentMessage()


def test_a_spreadsheet_import_says_what_will_change_first(qtbot, window, catalogue, embedder, sample_photos,
                                                          monkeypatch, tmp_path):
    folder = sample_photos(3)
    _ready(qtbot, window, catalogue, embedder, folder, 3)
    photo = sorted(folder.glob("*.jpg"))[0]
    sheet = tmp_path / "stock.csv"
    sheet.write_text(f"path,product,price,tags\n{photo},K-1,19.90,linen\n", encoding="utf-8")
    monkeypatch.setattr(file_dialogs, "open_file", lambda *a, **k: str(sheet))
    asked = []

    def answer(box):
        asked.append(box.text())
        assert box.standardButton(box.defaultButton()) == QMessageBox.StandardButton.Cancel  # Enter changes nothing
        box.buttons()[0].click() if len(asked) > 1 else None  # Cancel the first time, Import the second
        return 0

    monkeypatch.setattr(QMessageBox, "exec", answer)
    window.shop_files.choose_import()
    qtbot.waitUntil(lambda: len(asked) == 1)
    assert "1 row read (as UTF-8, separated by commas). Importing will make these changes" in asked[0]
    assert "• 1 new product\n" in asked[0]
    assert services.product_of(catalogue, services.photo_ids_at(catalogue, [str(photo)])[0]) is None, "cancelled"
    window.shop_files.choose_import()
    qtbot.waitUntil(lambda: "Imported" in window.statusBar().currentMessage(), timeout=10_000)
    product = services.product_of(catalogue, services.photo_ids_at(catalogue, [str(photo)])[0])
    assert (product.handle, product.price) == ("K-1", "19.90")


def test_a_refused_import_lists_the_rows_to_fix(qtbot, window, catalogue, monkeypatch, tmp_path):
    sheet = tmp_path / "bad.csv"
    sheet.write_text("path,price\n/nowhere/a.jpg,1\n", encoding="utf-8")
    monkeypatch.setattr(file_dialogs, "open_file", lambda *a, **k: str(sheet))
    boxes = []
    monkeypatch.setattr(QMessageBox, "exec",
                        lambda box: boxes.append((box.text(), box.detailedText(), box.informativeText())) or 0)
    window.shop_files.choose_import()
    qtbot.waitUntil(lambda: bool(boxes))
    assert "nothing was imported; 1 problem to fix first" in boxes[0][0]
    assert "line 2: not in the catalogue: /nowhere/a.jpg" in boxes[0][1]
    assert "line 2: not in the catalogue" in boxes[0][2], "the rows are in the box itself, not only in its details"


def test_export_for_shopify_of_only_what_is_shown(qtbot, window, catalogue, embedder, sample_photos, monkeypatch,
                                                  tmp_path):
    folder = sample_photos(4)
    _ready(qtbot, window, catalogue, embedder, folder, 4)
    window.filters.search.setText(sorted(folder.glob("*.jpg"))[0].stem)
    qtbot.waitUntil(lambda: window.model.rowCount() == 1)
    seen = []

    def fill(dialog):
        seen.append((dialog.only_shown.isEnabled(), dialog.only_shown.isChecked(), dialog.only_shown.text()))
        dialog.format.setCurrentIndex(1)
        dialog.url_prefix.setText("https://cdn.example.com/p")
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(ExportDialog, "exec", fill)
    out = tmp_path / "shopify.csv"
    monkeypatch.setattr(file_dialogs, "save_file", lambda *a, **k: str(out))
    window.shop_files.choose_export()
    qtbot.waitUntil(out.exists, timeout=10_000)
    assert seen == [(True, True, "Only the 1 photo shown now")]
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assert len(rows) == 1 and rows[0]["Product image URL"].startswith("https://cdn.example.com/p/")
    assert window.settings.value("export/format") == "shopify"


def test_keyword_sidecars_for_the_photos_shown(qtbot, window, catalogue, embedder, sample_photos, monkeypatch):
    folder = sample_photos(2)
    _ready(qtbot, window, catalogue, embedder, folder, 2)
    asked = []

    def answer(box, inside=False):
        asked.append(box.text())
        assert box.standardButton(box.defaultButton()) == QMessageBox.StandardButton.Cancel
        box.checkBox().setChecked(inside)
        box.buttons()[0].click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", answer)
    window.shop_files.write_sidecars()
    qtbot.waitUntil(lambda: "2 sidecars written" in window.statusBar().currentMessage(), timeout=10_000)
    assert "The photos themselves are not changed" in asked[0]
    assert all((folder / (p.name + ".xmp")).exists() for p in folder.glob("*.jpg"))
    monkeypatch.setattr(QMessageBox, "exec", lambda box: answer(box, inside=True))
    window.shop_files.write_sidecars()
    qtbot.waitUntil(lambda: "2 photos given their keywords inside" in window.statusBar().currentMessage(),
                    timeout=10_000)
    assert len(list(services.originals_folder(catalogue).glob("*.jpg"))) == 2


def test_goes_with_rows_per_role_a_click_goes_there_and_save_look(qtbot, window, catalogue, embedder, sample_photos,
                                                                   monkeypatch):
    folder = sample_photos(30)
    _ready(qtbot, window, catalogue, embedder, folder, 30)
    goes = window.detail.goes_with
    assert not goes.is_open() and not goes.body.isVisible(), "folded until staff open it"
    tee = next(r for r in range(30) if window.model.index(r).data().startswith("t-shirt-1"))
    _select(window, [tee])
    goes.toggle.click()
    qtbot.waitUntil(lambda: len(goes._strips) == 4, timeout=15_000)
    labels = [goes.rows.itemAtPosition(r, 0).widget().text() for r in range(4)]
    assert labels == ["Bottoms", "Shoes", "Outerwear", "Accessories"]
    assert window.settings.value("detail/goes_with_open", type=bool)
    first_shoe = goes._strips[1].photo_ids()[0]
    goes._strips[1].chosen.emit(first_shoe)
    qtbot.waitUntil(lambda: window.detail.photo is not None and window.detail.photo.id == first_shoe)
    _select(window, [tee])
    qtbot.waitUntil(lambda: len(goes._strips) == 4 and goes.save_button.isEnabled(), timeout=15_000)
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("Summer", True))
    goes.save_button.click()
    qtbot.waitUntil(lambda: "Look saved" in window.statusBar().currentMessage())
    (look_id, name, members), = services.looks(catalogue)
    assert name == "Summer" and len(members) == 5 and members[0] == window.model.index(tee).data(PhotoIdRole)


def test_an_image_address_a_shop_cannot_fetch_from_keeps_the_export_dialog_open(qtbot, window):
    """A file path typed as the image address (seen in a hands-on test) would give the web
    shop addresses it cannot fetch: the dialog says so and stays open; an empty address or
    an https one is taken, and the plain export has none."""
    dialog = ExportDialog(window, 3, False, "", "shopify")
    qtbot.addWidget(dialog)
    dialog.url_prefix.setText("/tmp/handson-out/shopify.csv")
    dialog.accept()
    assert dialog.result() != QDialog.DialogCode.Accepted and "https://" in dialog.url_note.text()
    for good in ("", "https://cdn.example.com/shop/photos/", "http://shop.example.com"):
        dialog.url_prefix.setText(good)
        dialog.setResult(0)
        dialog.accept()
        assert dialog.result() == QDialog.DialogCode.Accepted, good
    with pytest.raises(services.UserError, match="https://"):
        services.check_image_address("C:\\photos\\")
