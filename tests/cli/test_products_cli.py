"""The shop's-workflow commands as staff type them: import, group, export formats, write-xmp."""

import csv
import io

from tests.cli.test_cli import fd


def test_import_group_export_and_sidecars_from_the_command_line(tmp_path, sample_photos):
    folder = sample_photos(4, tmp_path / "Photos 连衣裙")
    photos = sorted(folder.glob("*.jpg"))
    db = tmp_path / "cat.db"
    assert fd("index", folder, "--quiet", db=db).returncode == 0

    # Excel in Germany: ';', decimal comma, Windows-1252, CRLF; paths relative to the sheet.
    sheet = folder / "stock.csv"
    sheet.write_bytes(("path;SKU;Title;Price;Tags\r\n"
                       f"{photos[0].name};K-1;Kleid Größe S;49,90;Sommer\r\n"
                       f"{photos[1].name};K-1;;;\r\n").encode("cp1252"))
    check = fd("import", sheet, "--check", db=db)
    assert check.returncode == 0, check.stderr
    assert "would be: 1 products created" in check.stderr and "nothing was changed" in check.stderr
    done = fd("import", sheet, db=db)
    assert done.returncode == 0 and "(cp1252, separated by ';')" in done.stderr

    bad = tmp_path / "bad.csv"
    bad.write_text(f"path,price\n{photos[2]},cheap\n{tmp_path / 'nowhere.jpg'},1\n", encoding="utf-8")
    refused = fd("import", bad, db=db)
    assert refused.returncode == 1
    assert "nothing was imported; 2 problems" in refused.stderr and "line 2: 'cheap' is not a price" in refused.stderr

    grouped = fd("group", photos[2], photos[3], "--product", "K-2", db=db)
    assert grouped.returncode == 0 and "product K-2: 2 photos" in grouped.stderr

    shopify = fd("export", "-", "--format", "shopify", "--image-url-prefix", "https://shop.example/img", db=db)
    assert shopify.returncode == 0, shopify.stderr
    rows = list(csv.DictReader(io.StringIO(shopify.stdout)))
    assert [r["URL handle"] for r in rows] == ["k-1", "k-1", "k-2", "k-2"]
    assert rows[0]["Title"] == "Kleid Größe S" and rows[0]["Price"] == "49.90"
    assert rows[1]["Product image URL"] == f"https://shop.example/img/{photos[1].name}"
    assert "exported 2 products" in shopify.stderr

    similar = fd("similar", photos[0], "-k", "3", "--products", db=db)
    lines = list(csv.reader(io.StringIO(similar.stdout)))
    assert lines[0] == ["path", "score", "product"] and len(lines) == 2, "only K-2 is another product"
    assert lines[1][2] == "K-2"

    written = fd("write-xmp", db=db)
    assert written.returncode == 0 and "4 sidecars written" in written.stderr
    assert b"fashiondesk|tag|Sommer" in (folder / (photos[0].name + ".xmp")).read_bytes()
