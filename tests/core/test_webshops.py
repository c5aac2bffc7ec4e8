import csv
import io

import pytest

from fashiondesk.core import services
from fashiondesk.core.catalogue.models import CATEGORY, Tag
from fashiondesk.core.export.webshops import SHOPIFY, WOOCOMMERCE
from tests.core.shop_rows import add_photos


@pytest.fixture
def shop(catalogue, tmp_path):
    folder = tmp_path / "photos"
    ids = add_photos(catalogue, folder, ["dress front.jpg", "dress back.jpg", "coat.jpg", "odd.jpg"])
    sheet = tmp_path / "s.csv"
    sheet.write_text(
        "path,product,title,price,size,stock,tags,vendor\n"
        f"{folder}/dress front.jpg,DR-1,Navy dress,49.90,S;M;L,3,summer sale;=evil,Maison\n"
        f"{folder}/dress back.jpg,DR-1,,,,,,\n"
        f"{folder}/coat.jpg,CO-1,Wool coat,120,,-2,,\n", encoding="utf-8")
    services.import_sheet(catalogue, sheet)
    with catalogue.sessions() as s, s.begin():  # odd.jpg: a category still to review
        s.query(Tag).filter(Tag.photo_id == ids["odd.jpg"], Tag.kind == CATEGORY).update({"confidence": 0.2})
    return folder, ids


def export(catalogue, fmt, prefix=""):
    out = io.StringIO()
    count = services.export_csv(catalogue, out, fmt, prefix)
    return count, list(csv.DictReader(io.StringIO(out.getvalue()))), out.getvalue().splitlines()[0]


def test_shopify_one_product_per_handle_sizes_as_variants_photos_as_rows(catalogue, shop):
    count, rows, header = export(catalogue, "shopify", "https://cdn.example.com/shop")
    assert header == ",".join(f'"{c}"' for c in SHOPIFY), "Shopify's columns; 'vendor' went into its Vendor"
    assert count == 3
    dress = [r for r in rows if r["URL handle"] == "dr-1"]
    assert len(dress) == 3, "three sizes, two photos: three rows"
    first = dress[0]
    assert (first["Title"], first["Type"], first["Status"], first["Published on online store"]) == \
        ("Navy dress", "dress", "active", "TRUE")
    assert first["Tags"] == "dress, navy, summer sale, '=evil", "formula guard on staff text"
    assert first["Vendor"] == "Maison", "an imported column fills the shop's column of that name"
    assert [(r["Option1 value"], r["SKU"], r["Price"]) for r in dress] == \
        [("S", "DR-1-S", "49.90"), ("M", "DR-1-M", "49.90"), ("L", "DR-1-L", "49.90")]
    assert first["Option1 name"] == "Size" and dress[1]["Title"] == ""
    assert [(r["Product image URL"], r["Image position"]) for r in dress] == [
        ("https://cdn.example.com/shop/dress%20front.jpg", "1"), ("https://cdn.example.com/shop/dress%20back.jpg", "2"),
        ("", "")]
    coat = next(r for r in rows if r["URL handle"] == "co-1")
    assert (coat["Option1 name"], coat["Option1 value"]) == ("Color", "Navy"), "no sizes: the colour is the option"
    assert (coat["Inventory quantity"], coat["Inventory tracker"]) == ("-2", "shopify"), "a number is not guarded"
    odd = next(r for r in rows if r["URL handle"] == "odd")
    assert (odd["Type"], odd["Status"], odd["Title"]) == ("", "draft", "odd"), \
        "a category still to review never reaches the shop; no title and price: a draft"


def test_woocommerce_one_row_per_product(catalogue, shop):
    count, rows, header = export(catalogue, "woocommerce")
    assert header.startswith(",".join(f'"{c}"' for c in WOOCOMMERCE))
    dress = next(r for r in rows if r["SKU"] == "DR-1")
    assert (dress["Name"], dress["Regular price"], dress["Stock"], dress["In stock?"], dress["Published"]) == \
        ("Navy dress", "49.90", "3", "1", "1")
    assert dress["Images"] == "dress%20front.jpg, dress%20back.jpg"
    assert (dress["Categories"], dress["Attribute 1 name"], dress["Attribute 1 value(s)"]) == ("dress", "Color", "Navy")
    assert (dress["Attribute 2 name"], dress["Attribute 2 value(s)"]) == ("Size", "S, M, L")
    odd = next(r for r in rows if r["SKU"] == "odd")
    assert odd["Published"] == "-1", "a draft, and -1 stays a number"


def test_only_what_is_shown(catalogue, shop):
    _, ids = shop
    out = io.StringIO()
    assert services.export_csv(catalogue, out, "shopify", photo_ids={ids["dress back.jpg"]}) == 1
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert {r["URL handle"] for r in rows} == {"dr-1"}, "a shown photo brings its whole product"
    out = io.StringIO()
    assert services.export_csv(catalogue, out, "generic", photo_ids={ids["coat.jpg"]}) == 1


def test_an_unknown_format_is_refused(catalogue):
    with pytest.raises(services.UserError, match="unknown format"):
        services.export_csv(catalogue, io.StringIO(), "magento")


def test_url_handles_are_unique_and_do_not_depend_on_what_is_shown(catalogue, tmp_path):
    ids = add_photos(catalogue, tmp_path / "a", ["dress-01.jpg", "one.jpg", "two.jpg"])
    other = add_photos(catalogue, tmp_path / "b", ["Dress_01.jpg"])
    services.group_photos(catalogue, [ids["one.jpg"]], "Dress 01")
    services.group_photos(catalogue, [ids["two.jpg"]], "DRESS-01")
    _, rows, _ = export(catalogue, "shopify")
    by_image = {r["Product image URL"]: r["URL handle"] for r in rows}
    assert len(set(by_image.values())) == 4, f"four products, four URL handles: {by_image}"
    assert by_image["two.jpg"] == "dress-01", "products first, by handle (DRESS-01 sorts first)"
    out = io.StringIO()
    services.export_csv(catalogue, out, "shopify", photo_ids={other["Dress_01.jpg"]})
    (alone,) = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert alone["URL handle"] == by_image["Dress_01.jpg"], "the same handle when only it is shown"


def test_a_sold_out_product_with_sizes_is_sold_out_in_every_size(catalogue, tmp_path):
    ids = add_photos(catalogue, tmp_path, ["chinos.jpg", "tee.jpg"])
    sheet = tmp_path / "s.csv"
    sheet.write_text(f"path,product,price,size,stock\n{tmp_path}/chinos.jpg,CH-1,59,S;M,0\n"
                     f"{tmp_path}/tee.jpg,TE-1,19,S;M,12\n", encoding="utf-8")
    services.import_sheet(catalogue, sheet)
    _, rows, _ = export(catalogue, "shopify")
    chinos = [(r["Inventory tracker"], r["Inventory quantity"]) for r in rows if r["URL handle"] == "ch-1"]
    tee = [(r["Inventory tracker"], r["Inventory quantity"]) for r in rows if r["URL handle"] == "te-1"]
    assert chinos == [("shopify", "0"), ("shopify", "0")], "sold out: never buyable"
    assert tee == [("", ""), ("", "")], "12 split between sizes in a way fashiondesk does not know: untracked"
    assert ids
