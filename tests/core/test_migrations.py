import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import select

from fashiondesk.core.catalogue.db import open_catalogue
from fashiondesk.core.catalogue.migrations import SCHEMA_VERSION, SchemaError, read_version
from fashiondesk.core.catalogue.models import Embedding, Photo, Tag

V1 = Path(__file__).resolve().parents[1] / "data" / "catalogue_v1.sql"


def write_v1(path: Path) -> Path:
    con = sqlite3.connect(path)
    con.executescript(V1.read_text())
    con.commit()
    con.close()
    return path


def test_new_catalogue_gets_the_current_schema(tmp_path):
    cat = open_catalogue(tmp_path / "new.db")
    with cat.engine.connect() as conn:
        assert read_version(conn) == SCHEMA_VERSION
    assert cat.upgraded_from == 0
    cat.close()


def test_schema_1_catalogue_opens_with_nothing_lost(tmp_path):
    db = write_v1(tmp_path / "old.db")
    cat = open_catalogue(db)
    assert cat.upgraded_from == 1
    with cat.sessions() as s:
        assert read_version(s.connection()) == SCHEMA_VERSION
        photos = {p.path: p for p in s.scalars(select(Photo))}
        assert set(photos) == {"/shop/photos/red dress.jpg", "/shop/photos/broken.jpg", "/shop/photos/sold/coat.jpg"}
        assert photos["/shop/photos/broken.jpg"].error == "empty file (0 bytes)"
        assert photos["/shop/photos/sold/coat.jpg"].status == "missing"
        tags = {(t.photo_id, t.kind, t.name, t.source, t.confidence) for t in s.scalars(select(Tag))}
        assert tags == {
            (1, "custom", "summer sale", "manual", None),
            (1, "category", "dress", "auto", 0.97),
            (3, "custom", "window display", "manual", None),
        }
        assert s.scalar(select(Embedding.vector)) == bytes.fromhex("0000803f00000000")
        # The new column works.
        tag = s.get(Tag, 2)
        tag.value = "#aa0000"
        s.commit()
    cat.close()
    assert (tmp_path / "old.db.schema1.bak").exists(), "a copy of the old catalogue is kept"
    # Opening again is a no-op.
    again = open_catalogue(db)
    assert again.upgraded_from == SCHEMA_VERSION
    again.close()


def test_catalogue_from_a_newer_release_is_refused(tmp_path):
    db = write_v1(tmp_path / "future.db")
    con = sqlite3.connect(db)
    con.execute("UPDATE meta SET value = '999' WHERE key = 'schema_version'")
    con.commit()
    con.close()
    with pytest.raises(SchemaError, match="newer fashiondesk"):
        open_catalogue(db)


def test_db_accepts_an_sqlalchemy_url(tmp_path):
    cat = open_catalogue(f"sqlite:///{tmp_path / 'by-url.db'}")
    assert Path(cat.location) == tmp_path / "by-url.db"
    cat.close()
    assert (tmp_path / "by-url.db").exists()


def _schema(path: Path) -> dict:
    con = sqlite3.connect(path)
    out = {}
    for (table,) in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'"):
        out[table] = sorted((r[1], r[2].upper(), r[3]) for r in con.execute(f"PRAGMA table_info({table})"))
        out[table + " foreign keys"] = sorted(r[2:7] for r in con.execute(f"PRAGMA foreign_key_list({table})"))
        out[table + " indexes"] = sorted(
            r[1] for r in con.execute(f"PRAGMA index_list({table})") if not r[1].startswith("sqlite_autoindex"))
    con.close()
    return out


def test_an_upgraded_catalogue_has_the_schema_of_a_new_one(tmp_path):
    open_catalogue(tmp_path / "new.db").close()
    open_catalogue(write_v1(tmp_path / "old.db")).close()
    assert _schema(tmp_path / "old.db") == _schema(tmp_path / "new.db")
