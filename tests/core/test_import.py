import csv
import io

import pytest
from sqlalchemy import select

from fashiondesk.core import services
from fashiondesk.core.catalogue.models import CATEGORY, CUSTOM, MANUAL, Photo, Product, Tag
from fashiondesk.core.export.sheet import decode, parse_price, read_sheet
from tests.core.shop_rows import add_photos


@pytest.fixture
def shop(catalogue, tmp_path):
    folder = tmp_path / "photos"
    ids = add_photos(catalogue, folder, ["front.jpg", "back.jpg", "detail.jpg", "coat.jpg", "été.jpg"])
    return folder, ids


def write(path, text: str, encoding="utf-8", newline="\n"):
    path.write_bytes(text.replace("\n", newline).encode(encoding))
    return path


def state(catalogue):
    """Everything an import may change, comparable."""
    with catalogue.sessions() as s:
        products = {p.id: (p.handle, p.title, p.price, p.sizes, p.stock, p.extra) for p in s.scalars(select(Product))}
        photos = sorted((p.path, products.get(p.product_id), p.product_position) for p in s.scalars(select(Photo)))
        tags = sorted((t.photo_id, t.kind, t.name, t.source) for t in s.scalars(select(Tag)))
    return photos, tags


def test_an_excel_file_gives_products_tags_and_kept_columns(catalogue, shop, tmp_path):
    folder, ids = shop
    sheet = write(tmp_path / "excel.csv",
                  "\ufeffPath;SKU;Title;Price;Size;Stock;Tags;Vendor\n"
                  f"{folder}/front.jpg;DR-1;Robe d'été;49,90;\"S;M\";3;\"summer sale;new in\";Maison\n"
                  "photos/back.jpg;DR-1;;;;;;\n"
                  f"{folder}/coat.jpg;;Wool coat;1.299,00;;;;\n", newline="\r\n")
    result = services.import_sheet(catalogue, sheet)
    assert (result.encoding, result.delimiter, result.extra_columns) == ("utf-8-sig", ";", ["Vendor"])
    assert (result.products_created, result.photos_moved, result.tags_added) == (2, 3, 2)
    with catalogue.sessions() as s:
        dress = s.scalar(select(Product).where(Product.handle == "DR-1"))
        assert (dress.title, dress.price, dress.sizes, dress.stock) == ("Robe d'été", "49.90", "S;M", 3)
        assert dress.extra == '{"Vendor": "Maison"}'
        members = s.execute(select(Photo.id, Photo.product_position).where(Photo.product_id == dress.id)
                            .order_by(Photo.product_position)).all()
        assert members == [(ids["front.jpg"], 1), (ids["back.jpg"], 2)], "in the sheet's order; relative path found"
        coat = s.scalar(select(Product).join(Photo).where(Photo.id == ids["coat.jpg"]))
        assert (coat.handle, coat.price) == ("coat", "1299.00"), "a product of its own, named after the file"
        tags = set(s.scalars(select(Tag.name).where(Tag.kind == CUSTOM, Tag.photo_id == ids["front.jpg"])))
        assert tags == {"summer sale", "new in"}


def test_any_bad_row_refuses_the_whole_file(catalogue, shop, tmp_path):
    folder, _ = shop
    before = state(catalogue)
    lines = ["path,product,price,stock,tags"]
    lines.append(f"{folder}/front.jpg,A,10,1,ok")
    lines.append(f"{folder}/gone.jpg,A,10,1,")
    lines.append(f"{folder}/back.jpg,A,ten,1,")
    lines.append(f"{folder}/detail.jpg,A,12,1,")  # another price for the same product
    lines.append(f"{folder}/coat.jpg,B,5,lots,")
    lines.append(f"{folder}/front.jpg,C,5,1,")  # the same photo again
    lines += [f"{folder}/missing-{n}.jpg,,,," for n in range(30)]
    sheet = write(tmp_path / "bad.csv", "\n".join(lines) + "\n")
    with pytest.raises(services.UserError) as refused:
        services.import_sheet(catalogue, sheet)
    message = str(refused.value)
    assert "nothing was imported; 35 problems" in message
    assert "line 3: not in the catalogue" in message and "gone.jpg" in message
    assert "line 4: 'ten' is not a price" in message
    assert "line 5: price '12' differs from '10' on line 2" in message
    assert "line 6: 'lots' is not a whole number" in message
    assert "line 7: the same photo as line 2" in message
    assert message.count("\n  line") == 20 and "and 15 more" in message, "the first 20, then a count"
    assert state(catalogue) == before, "nothing half-applied"


def test_check_says_what_would_change_and_changes_nothing(catalogue, shop, tmp_path):
    folder, _ = shop
    before = state(catalogue)
    sheet = write(tmp_path / "s.csv", f"path,product,tags,category\n{folder}/front.jpg,X,a;b,blazer\n")
    result = services.import_sheet(catalogue, sheet, check=True)
    assert (result.products_created, result.photos_moved, result.tags_added, result.categories_set) == (1, 1, 2, 1)
    assert state(catalogue) == before
    services.import_sheet(catalogue, sheet)
    assert services.import_sheet(catalogue, sheet, check=True).changes == 0, "the same file again changes nothing"


def test_import_export_import_gives_the_same_catalogue(catalogue, shop, tmp_path):
    folder, ids = shop
    sheet = write(tmp_path / "s.csv",
                  "path,product,title,price,size,stock,tags,category,season\n"
                  f"{folder}/front.jpg,DR-1,Dress,49.9,S;M,3,=cmd;sale,,SS26\n"
                  f"{folder}/back.jpg,DR-1,,,,,,,\n"
                  f"{folder}/coat.jpg,CO-1,Coat,120,,0,,outerwear,\n")
    services.import_sheet(catalogue, sheet)
    services.set_category(catalogue, ids["été.jpg"], "blazer")
    first = state(catalogue)
    exported = tmp_path / "export.csv"
    services.export_csv_file(catalogue, exported)
    assert "'=cmd" in exported.read_text(encoding="utf-8"), "the formula guard"
    again = services.import_sheet(catalogue, exported, check=True)
    assert again.changes == 0, again
    services.import_sheet(catalogue, exported)
    assert state(catalogue) == first
    with catalogue.sessions() as s:
        coat = s.scalar(select(Tag).where(Tag.photo_id == ids["coat.jpg"], Tag.kind == CATEGORY))
        assert (coat.name, coat.source) == ("outwear", MANUAL), "the shop's word for a shipped category"
        assert s.scalar(select(Tag.name).where(Tag.photo_id == ids["front.jpg"], Tag.kind == CUSTOM,
                                               Tag.name.like("=%"))) == "=cmd", "the guard removed on the way in"


def test_an_exported_automatic_category_is_not_made_staffs(catalogue, shop, tmp_path):
    exported = tmp_path / "export.csv"
    services.export_csv_file(catalogue, exported)
    assert services.import_sheet(catalogue, exported).categories_set == 0


@pytest.mark.parametrize("encoding,text", [
    ("utf-8", "名字,价格\n连衣裙,99\n"),
    ("utf-8-sig", "名字,价格\n连衣裙,99\n"),
    ("utf-16", "名字\t价格\n连衣裙\t99\n"),
    ("gb18030", "名字,价格\n连衣裙,99\n"),
    ("cp1252", "name;prix\nRobe d'été;99\n"),
])
def test_the_encodings_excel_writes(encoding, text):
    data = text.encode(encoding)
    assert decode(data)[0].lstrip("\ufeff") == text
    sheet = read_sheet(data)
    assert sheet.rows[0][1] == "99"


def test_a_gbk_sheet_imports_chinese_tags(catalogue, shop, tmp_path):
    folder, ids = shop
    # Excel's plain CSV on Chinese Windows: GBK (é is one of GB2312's pinyin letters).
    sheet = write(tmp_path / "gbk.csv", f"path,product,title,tags\n{folder}/été.jpg,连衣裙-1,红色连衣裙,新品;夏季\n",
                  encoding="gb18030")
    result = services.import_sheet(catalogue, sheet)
    assert result.encoding == "gb18030"
    with catalogue.sessions() as s:
        assert s.scalar(select(Product.title).where(Product.handle == "连衣裙-1")) == "红色连衣裙"
        assert set(s.scalars(select(Tag.name).where(Tag.kind == CUSTOM))) == {"新品", "夏季"}


def test_a_file_without_a_path_column_or_unreadable_is_refused(catalogue, tmp_path):
    with pytest.raises(services.UserError, match="no 'path' column"):
        services.import_sheet(catalogue, write(tmp_path / "a.csv", "file name\n"[:0] + "sku,price\nA,1\n"))
    with pytest.raises(services.UserError, match="empty"):
        services.import_sheet(catalogue, write(tmp_path / "b.csv", "\n\n"))
    with pytest.raises(services.UserError, match="cannot read"):
        services.import_sheet(catalogue, tmp_path / "nowhere.csv")


@pytest.mark.parametrize("cell,price", [
    ("12.50", "12.50"), ("12,50", "12.50"), ("€ 12,50", "12.50"), ("12.50 EUR", "12.50"), ("1.299,00", "1299.00"),
    ("1,299.00", "1299.00"), ("1 299,00", "1299.00"), ("CHF 1'299.00", "1299.00"), ("0.125", "0.125"), ("7", "7"),
])
def test_prices_as_shops_write_them(cell, price):
    assert parse_price(cell) == price


@pytest.mark.parametrize("cell", ["", "ten", "-5", "1,299", "1.299", "12.", "1.2.3"])
def test_prices_that_are_refused(cell):
    with pytest.raises(ValueError):
        parse_price(cell)


def test_the_export_reads_back_with_a_csv_reader(catalogue, shop, tmp_path):
    folder, _ = shop
    services.import_sheet(catalogue, write(tmp_path / "s.csv", f"path,product,colour note\n{folder}/front.jpg,A,x\n"))
    out = io.StringIO()
    services.export_csv(catalogue, out)
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    front = next(r for r in rows if r["path"].endswith("front.jpg"))
    assert (front["product"], front["colour note"]) == ("A", "x")
    assert list(rows[0])[-3:] == ["status", "width", "height"]


# -- found in review ------------------------------------------------------------------------

def _in(catalogue, ids):
    with catalogue.sessions() as s:
        return {name: (s.get(Product, s.get(Photo, pid).product_id).handle if s.get(Photo, pid).product_id else None,
                       s.get(Photo, pid).product_position) for name, pid in ids.items()}


def test_a_photo_the_sheet_moves_leaves_its_old_product_even_when_that_product_is_in_the_sheet(catalogue, shop,
                                                                                              tmp_path):
    folder, ids = shop
    services.group_photos(catalogue, [ids["front.jpg"], ids["back.jpg"]], "B")
    sheet = write(tmp_path / "s.csv", f"path,product\n{folder}/front.jpg,A\n{folder}/detail.jpg,A\n"
                                      f"{folder}/back.jpg,B\n")
    result = services.import_sheet(catalogue, sheet)
    placed = _in(catalogue, {n: ids[n] for n in ("front.jpg", "detail.jpg", "back.jpg")})
    assert placed == {"front.jpg": ("A", 1), "detail.jpg": ("A", 2), "back.jpg": ("B", 1)}
    assert result.photos_moved == 3


def test_rows_that_name_one_product_two_ways_must_agree(catalogue, shop, tmp_path):
    folder, ids = shop
    services.group_photos(catalogue, [ids["front.jpg"], ids["back.jpg"]], "B")
    sheet = write(tmp_path / "s.csv", f"path,product,price\n{folder}/front.jpg,B,10\n{folder}/back.jpg,,20\n")
    with pytest.raises(services.UserError, match="line 3: price '20' differs from '10' on line 2"):
        services.import_sheet(catalogue, sheet)


def test_a_new_handle_and_a_photo_named_like_it_do_not_collide(catalogue, tmp_path):
    ids = add_photos(catalogue, tmp_path, ["front.jpg", "dress.jpg"])
    sheet = write(tmp_path / "s.csv", f"path,product,price\n{tmp_path}/front.jpg,dress,10\n{tmp_path}/dress.jpg,,20\n")
    assert services.import_sheet(catalogue, sheet, check=True).products_created == 2
    services.import_sheet(catalogue, sheet)
    assert _in(catalogue, ids) == {"front.jpg": ("dress", 1), "dress.jpg": ("dress-2", 1)}


def test_guarded_pieces_negative_stock_and_formula_headers_come_back_as_they_were(catalogue, shop, tmp_path):
    folder, ids = shop
    sheet = write(tmp_path / "s.csv", 'path,product,title,stock,=cmd()\n'
                                      f'{folder}/front.jpg,A,"Linen dress; -30% in July",-1,+x\n')
    services.import_sheet(catalogue, sheet)
    first = state(catalogue)
    exported = tmp_path / "e.csv"
    services.export_csv_file(catalogue, exported)
    text = exported.read_text(encoding="utf-8")
    assert "\"'=cmd()\"" in text, "a column staff named is guarded too"
    assert services.import_sheet(catalogue, exported, check=True).changes == 0
    services.import_sheet(catalogue, exported)
    assert state(catalogue) == first
    info = services.product_of(catalogue, ids["front.jpg"])
    assert (info.title, info.stock, info.extra) == ("Linen dress; -30% in July", -1, (("=cmd()", "+x"),))


def test_a_column_of_a_tag_kind_no_longer_declared_is_not_read_as_a_product_field(catalogue, shop, tmp_path):
    folder, ids = shop
    with catalogue.sessions() as s, s.begin():
        s.add(Tag(photo_id=ids["front.jpg"], kind="pattern", name="floral", source=MANUAL))
    exported = tmp_path / "e.csv"
    services.export_csv_file(catalogue, exported)
    assert "pattern" in exported.read_text(encoding="utf-8").splitlines()[0]
    result = services.import_sheet(catalogue, exported, check=True)
    assert result.changes == 0 and "pattern" not in result.extra_columns


def test_errors_name_the_files_own_lines(catalogue, shop, tmp_path):
    folder, _ = shop
    sheet = write(tmp_path / "s.csv", f'path,title\n\n{folder}/front.jpg,"two\nlines"\n\n{folder}/gone.jpg,x\n')
    with pytest.raises(services.UserError, match="line 6: not in the catalogue"):
        services.import_sheet(catalogue, sheet)


@pytest.mark.parametrize("data", [b"\xef\xbb\xbfpath\nCaf\xe9\n", b"\xff\xfep\x00a\x00t", b"\xff\xfe\x00\xd8p\x00"])
def test_a_file_that_lies_about_its_encoding_is_refused_in_words(catalogue, tmp_path, data):
    sheet = tmp_path / "bad.csv"
    sheet.write_bytes(data)
    with pytest.raises(services.UserError, match="says it is Unicode but is not"):
        services.import_sheet(catalogue, sheet)
