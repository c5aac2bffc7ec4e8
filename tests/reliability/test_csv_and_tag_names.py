"""Issue 11, items 6 and 7: odd file names survive the CSV; tag names cannot smuggle formulas.

Catalogue rows are written straight into the database (as an old catalogue or a strange
folder would have them), so these tests need no model except the CLI one at the end.
"""

import csv
import io
import shutil
import subprocess
import sys
from datetime import datetime

import pytest
from sqlalchemy import insert, select

from fashiondesk.core import services
from fashiondesk.core.catalogue import edits
from fashiondesk.core.catalogue.models import AUTO, COLOUR, CUSTOM, MANUAL, OK, Folder, Photo, Tag

ODD_PATHS = [
    "/shop/a\rb.jpg",
    "/shop/c\nd.jpg",
    "/shop/e\r\nf.jpg",
    "/shop/end\r",
    '/shop/say "hi".jpg',
    "/shop/x;y.jpg",
    "/shop/p,q.jpg",
    '/shop/all\r\n";,.jpg',
]
FORMULA_STARTS = tuple("=+-@\uff1d\uff0b\uff0d\uff20")


def _photos(catalogue, paths, tags=None, colours=None):
    """Photos with these paths; tags/colours: {path: [names]} stored as they are (no cleaning)."""
    now = datetime(2026, 11, 27)
    with catalogue.sessions() as session, session.begin():
        fid = session.execute(insert(Folder).values(path="/shop", added_at=now).returning(Folder.id)).scalar_one()
        ids = {}
        for n, path in enumerate(paths):
            ids[path] = session.execute(insert(Photo).values(
                folder_id=fid, path=path, content_hash=f"{n:032x}", size=1, mtime=1.7e9, width=80, height=120,
                status=OK, error=None, indexed_at=now,
            ).returning(Photo.id)).scalar_one()
        for kind, source, by_path in ((CUSTOM, MANUAL, tags or {}), (COLOUR, AUTO, colours or {})):
            for path, names in by_path.items():
                for rank, name in enumerate(names):
                    session.add(Tag(photo_id=ids[path], kind=kind, name=name, source=source,
                                    confidence=1.0 - rank / 10 if kind == COLOUR else None))
    return ids


def _export_rows(catalogue):
    out = io.StringIO()
    count = services.export_csv(catalogue, out)
    return count, list(csv.DictReader(io.StringIO(out.getvalue())))


def _safe_for_any_separator(cell: str) -> bool:
    """No piece of the cell, split where a ';'-separating spreadsheet would split it, reads as a formula."""
    for piece in cell.split(";"):
        if piece.startswith(("\t", "\r", "\n")) or piece.lstrip().lstrip('"').lstrip().startswith(FORMULA_STARTS):
            return False
    return True


# -- item 6: CR, LF, quotes, ';' and ',' in file names ---------------------------------------


def test_odd_paths_round_trip_one_row_per_photo(catalogue, tmp_path):
    _photos(catalogue, ODD_PATHS)
    count, rows = _export_rows(catalogue)
    assert count == len(ODD_PATHS)
    assert [r["path"] for r in rows] == sorted(ODD_PATHS)
    assert all(r["status"] == "ok" and r["width"] == "80" for r in rows)

    target = tmp_path / "out.csv"  # the file the window and `export --out` write
    assert services.export_csv_file(catalogue, target) == len(ODD_PATHS)
    with open(target, newline="", encoding="utf-8") as fh:
        assert [r["path"] for r in csv.DictReader(fh)] == sorted(ODD_PATHS)


def test_csv_writer_helper_quotes_cr_and_lf():
    from fashiondesk.core.export.csv_export import csv_writer

    out = io.StringIO()
    writer = csv_writer(out)
    writer.writerow(["path", "score"])
    for path in ODD_PATHS:
        writer.writerow([path, "0.5000"])
    assert list(csv.reader(io.StringIO(out.getvalue()))) == [["path", "score"]] + [[p, "0.5000"] for p in ODD_PATHS]


# -- item 7: formulas in joined lists, ';' in tag names ---------------------------------------


def test_no_element_of_a_joined_list_becomes_a_formula(catalogue):
    path = "/shop/sale;=1+1;@SUM(1+1).jpg"
    _photos(catalogue, [path], tags={path: ["2024", "=1+1", "@SUM(1+1)", ' -2', '"=3']},
            colours={path: ["navy", "+1"]})
    _, [row] = _export_rows(catalogue)
    for column in ("path", "colours", "tags"):
        assert _safe_for_any_separator(row[column]), (column, row[column])
    assert "2024" in row["tags"].split(";")  # harmless elements are left alone
    assert len(row["tags"].split(";")) == 5 and len(row["colours"].split(";")) == 2


def test_leading_spaces_and_full_width_signs_are_neutralised():
    from fashiondesk.core.export.csv_export import neutralise

    for cell in [" =1+1", "  @SUM(1)", '"=1+1', "\u3000=1", "\uff1d1+1", "\n=1", "ok;=1", "ok; +1"]:
        assert _safe_for_any_separator(neutralise(cell)), cell
    for cell in ["red dress", "2024", "a b", "Été", "/shop/x;y.jpg"]:
        assert neutralise(cell) == cell


def test_old_tag_with_a_semicolon_stays_one_tag(catalogue):
    one, two = "/shop/one.jpg", "/shop/two.jpg"
    _photos(catalogue, [one, two], tags={one: ["a;b", "c"], two: ["a", "b", "c"]})
    _, rows = _export_rows(catalogue)
    by_path = {r["path"]: r["tags"] for r in rows}
    assert by_path[two] == "a;b;c"
    assert by_path[one] != by_path[two]
    assert by_path[one].split(";") == ["a,b", "c"]


def test_semicolon_is_refused_in_new_tags():
    for name in ["a;b", ";", "sale ;", "a\u037eb"]:  # U+037E is ';' once normalised (NFC)
        with pytest.raises(edits.TagError, match=";"):
            edits.clean_name(name)


def test_tag_length_limit():
    assert edits.clean_name("x" * 100) == "x" * 100
    assert edits.clean_name("  " + "x" * 100 + "\r\n") == "x" * 100  # counted after cleaning
    assert edits.clean_name("x" * 50 + "\u202e" + "x" * 50) == "x" * 100
    with pytest.raises(edits.TagError, match="100"):
        edits.clean_name("x" * 101)


def test_control_and_bidi_characters_are_stripped():
    assert edits.clean_name("summer\r\nsale") == "summer sale"
    assert edits.clean_name("new\tin\x00") == "new in"
    assert edits.clean_name("a\x07b\x7fc\x85d") == "a b c d"
    assert edits.clean_name("\u202eevil\u202c") == "evil"
    assert edits.clean_name("x\u200ey\u200f\u061c\u2066z\u2069\u202a\u202b\u202d\u2067\u2068") == "xyz"
    assert edits.clean_name("E\u0301te\u0301") == "\u00c9t\u00e9"  # NFC
    for name in ["new in", "summer sale", "\u00c9t\u00e9", '=HYPERLINK("x")', "-50%", "t-shirt"]:
        assert edits.clean_name(name) == name
    with pytest.raises(edits.TagError):
        edits.clean_name("\u202e\r\n\t")


def test_services_tag_applies_the_rules(catalogue):
    path = "/shop/one.jpg"
    _photos(catalogue, [path])
    for bad in ["a;b", "x" * 101]:
        with pytest.raises(services.UserError):
            services.tag(catalogue, [path], add=[bad])
    assert services.tag(catalogue, [path], add=["\u202esale\r\n2024\x00"]) == 1
    with catalogue.sessions() as session:
        assert list(session.scalars(select(Tag.name).where(Tag.kind == CUSTOM))) == ["sale 2024"]


def test_window_edit_applies_the_rules(catalogue):
    ids = _photos(catalogue, ["/shop/one.jpg", "/shop/two.jpg"])
    for bad in ["a;b", "x" * 101]:
        with pytest.raises(edits.TagError):
            edits.add_custom_tag(catalogue, list(ids.values()), bad)
    edits.add_custom_tag(catalogue, list(ids.values()), "new\tin\u202e")
    with pytest.raises(edits.TagError):
        edits.set_category(catalogue, ids["/shop/one.jpg"], "dress;=1+1")
    with catalogue.sessions() as session:
        assert list(session.scalars(select(Tag.name).where(Tag.kind == CUSTOM))) == ["new in", "new in"]


# -- item 6 through the CLI: `similar` prints real file names with CR and LF ------------------


@pytest.mark.skipif(sys.platform == "win32", reason="Windows file names cannot hold CR or LF")
def test_cli_similar_output_keeps_cr_and_lf_names(tmp_path, sample_photos):
    folder = sample_photos(6)
    photos = sorted(folder.glob("*.jpg"))
    odd = [folder / "cr\rname.jpg", folder / "lf\nname.jpg", folder / 'q"u;o,te.jpg']
    for src, dst in zip(photos[:3], odd):
        shutil.move(src, dst)
    db = tmp_path / "cat.db"
    run = lambda *a: subprocess.run(  # noqa: E731
        [sys.executable, "-m", "fashiondesk", "--db", str(db), *map(str, a)],
        capture_output=True, timeout=120,  # bytes: text mode would turn the CR into LF
    )
    assert run("index", folder, "--quiet").returncode == 0
    res = run("similar", photos[3], "-k", "5")
    assert res.returncode == 0, res.stderr.decode()
    rows = list(csv.DictReader(io.StringIO(res.stdout.decode("utf-8"))))
    assert len(rows) == 5
    assert {r["path"] for r in rows} == {str(p) for p in odd + photos[4:]}


def test_the_window_and_the_command_line_agree_on_which_tags_are_the_same(catalogue, embedder, sample_photos):
    """'Été' and 'été ' are one tag whichever way staff add them (SQL lower() only folds ASCII)."""
    from sqlalchemy import select

    from fashiondesk.core.catalogue.models import CUSTOM, Photo, Tag

    folder = sample_photos(2)
    services.add_folders(catalogue, [folder])
    services.index(catalogue, embedder=embedder)
    first = str(sorted(folder.glob("*.jpg"))[0])
    with catalogue.sessions() as s:
        pid = s.scalar(select(Photo.id).where(Photo.path == first))
    services.tag(catalogue, [first], add=["Été"])
    edits.add_custom_tag(catalogue, [pid], "été ")
    assert services.tag(catalogue, [first], add=["ÉTÉ"]) == 0
    with catalogue.sessions() as s:
        assert list(s.scalars(select(Tag.name).where(Tag.photo_id == pid, Tag.kind == CUSTOM))) == ["Été"]
    assert services.tag(catalogue, [first], remove=["\u202eétÉ"]) == 1
