"""Item 2 of issue 11: tags follow the photo (its bytes), never the file name."""

import io
import os
import shutil
import sqlite3

from PIL import Image
from sqlalchemy import select

from fashiondesk.core import services
from fashiondesk.core.catalogue.db import open_catalogue
from fashiondesk.core.catalogue.models import CUSTOM, MISSING, OK, Photo
from tests.conftest import ROOT, SAMPLE

PICKS = ["dress-1", "hat-2", "pants-3", "shoes-1", "skirt-2", "t-shirt-3"]


def shop(tmp_path, n=5):
    folder = tmp_path / "shop"
    folder.mkdir()
    for i, name in enumerate(PICKS[:n], 1):
        shutil.copy(SAMPLE / f"{name}.jpg", folder / f"IMG_{i:03d}.jpg")
    return folder


def index(catalogue, embedder, folder=None):
    if folder is not None:
        services.add_folders(catalogue, [folder])
    return services.index(catalogue, embedder=embedder)


def sku_by_path(catalogue):
    """Live photos: path -> (their custom tags, their content hash)."""
    with catalogue.sessions() as s:
        return {
            os.path.basename(p.path): ";".join(sorted(t.name for t in p.tags if t.kind == CUSTOM))
            for p in s.scalars(select(Photo).where(Photo.status != MISSING))
        }


def tag_each(catalogue, folder):
    for path in sorted(folder.glob("*.jpg")):
        services.tag(catalogue, [str(path)], add=[f"SKU {path.stem}"])


def test_renumbering_moves_every_tag_with_its_photo(catalogue, embedder, tmp_path):
    folder = shop(tmp_path)
    index(catalogue, embedder, folder)
    tag_each(catalogue, folder)
    for i in range(5, 0, -1):  # IMG_005 -> IMG_006, ..., IMG_001 -> IMG_002
        os.rename(folder / f"IMG_{i:03d}.jpg", folder / f"IMG_{i + 1:03d}.jpg")
    shutil.copy(SAMPLE / "outwear-2.jpg", folder / "IMG_001.jpg")  # a new photo takes the first name
    summary = index(catalogue, embedder)
    assert sku_by_path(catalogue) == {
        "IMG_001.jpg": "", "IMG_002.jpg": "SKU IMG_001", "IMG_003.jpg": "SKU IMG_002",
        "IMG_004.jpg": "SKU IMG_003", "IMG_005.jpg": "SKU IMG_004", "IMG_006.jpg": "SKU IMG_005",
    }
    assert summary.indexed == 1 and len(summary.relinked) == 5 and summary.missing == 0


def test_swapping_two_names_swaps_nothing(catalogue, embedder, tmp_path):
    folder = shop(tmp_path, 3)
    index(catalogue, embedder, folder)
    tag_each(catalogue, folder)
    with catalogue.sessions() as s:
        ids = {os.path.basename(p.path): p.id for p in s.scalars(select(Photo))}
    a, b = folder / "IMG_001.jpg", folder / "IMG_002.jpg"
    os.rename(a, tmp_path / "x")
    os.rename(b, a)
    os.rename(tmp_path / "x", b)
    index(catalogue, embedder)
    assert sku_by_path(catalogue) == {"IMG_001.jpg": "SKU IMG_002", "IMG_002.jpg": "SKU IMG_001", "IMG_003.jpg": "SKU IMG_003"}
    with catalogue.sessions() as s:
        assert {os.path.basename(p.path): p.id for p in s.scalars(select(Photo))} == {
            "IMG_001.jpg": ids["IMG_002.jpg"], "IMG_002.jpg": ids["IMG_001.jpg"], "IMG_003.jpg": ids["IMG_003.jpg"]}


def test_a_rotation_of_names_with_equal_sizes_and_times(catalogue, embedder, tmp_path):
    """Three files of one size and one mtime rotate their names: only their inodes tell."""
    folder = tmp_path / "shop"
    folder.mkdir()
    for i, colour in enumerate([(200, 30, 30), (30, 30, 200), (30, 160, 30)], 1):
        Image.new("RGB", (64, 64), colour).save(folder / f"p{i}.bmp")  # uncompressed: equal sizes
        os.utime(folder / f"p{i}.bmp", (1_700_000_000, 1_700_000_000))
    index(catalogue, embedder, folder)
    for path in sorted(folder.glob("*.bmp")):
        services.tag(catalogue, [str(path)], add=[path.stem])
    os.rename(folder / "p1.bmp", tmp_path / "x")
    os.rename(folder / "p3.bmp", folder / "p1.bmp")
    os.rename(folder / "p2.bmp", folder / "p3.bmp")
    os.rename(tmp_path / "x", folder / "p2.bmp")
    index(catalogue, embedder)
    assert sku_by_path(catalogue) == {"p1.bmp": "p3", "p2.bmp": "p1", "p3.bmp": "p2"}


def test_a_different_photo_saved_over_a_name_is_a_new_photo(catalogue, embedder, tmp_path):
    folder = shop(tmp_path, 2)
    index(catalogue, embedder, folder)
    tag_each(catalogue, folder)
    shutil.copy(SAMPLE / "shorts-1.jpg", folder / "IMG_001.jpg")
    summary = index(catalogue, embedder)
    assert summary.replaced == [str(folder / "IMG_001.jpg")] and summary.missing == 1
    assert sku_by_path(catalogue) == {"IMG_001.jpg": "", "IMG_002.jpg": "SKU IMG_002"}
    with catalogue.sessions() as s:
        gone = s.scalars(select(Photo).where(Photo.status == MISSING)).one()
        assert gone.path == str(folder / "IMG_001.jpg")
        assert [t.name for t in gone.tags if t.kind == CUSTOM] == ["SKU IMG_001"]
    # The old photo's bytes come back under another name: it takes its tags with it.
    shutil.copy(SAMPLE / f"{PICKS[0]}.jpg", folder / "IMG_009.jpg")
    index(catalogue, embedder)
    assert sku_by_path(catalogue)["IMG_009.jpg"] == "SKU IMG_001"


def test_an_edited_photo_keeps_its_tags(catalogue, embedder, tmp_path):
    """Re-saved smaller and a little brighter, in place: the same photo, edited."""
    folder = shop(tmp_path, 2)
    index(catalogue, embedder, folder)
    tag_each(catalogue, folder)
    path = folder / "IMG_002.jpg"
    img = Image.open(path).convert("RGB")
    img = img.resize((img.width * 3 // 4, img.height * 3 // 4)).point(lambda v: min(255, int(v * 1.08)))
    buf = io.BytesIO()
    img.save(buf, "JPEG", quality=80)
    path.write_bytes(buf.getvalue())
    summary = index(catalogue, embedder)
    assert summary.indexed == 1 and not summary.replaced and summary.missing == 0
    assert sku_by_path(catalogue) == {"IMG_001.jpg": "SKU IMG_001", "IMG_002.jpg": "SKU IMG_002"}


def test_a_touched_file_is_not_decoded_again(catalogue, embedder, tmp_path, monkeypatch):
    folder = shop(tmp_path, 2)
    index(catalogue, embedder, folder)
    os.utime(folder / "IMG_001.jpg", (1_600_000_000, 1_600_000_000))
    shutil.copy(folder / "IMG_002.jpg", tmp_path / "copy.jpg")
    os.replace(tmp_path / "copy.jpg", folder / "IMG_002.jpg")  # same bytes, another inode
    from fashiondesk.core.vision import pipeline

    monkeypatch.setattr(pipeline, "decode", lambda *a: (_ for _ in ()).throw(AssertionError("decoded")))
    summary = index(catalogue, embedder)
    assert summary.indexed == 0 and not summary.failed and sku_by_path(catalogue).keys() == {"IMG_001.jpg", "IMG_002.jpg"}
    again = index(catalogue, embedder)
    assert again.unchanged == 2  # the new file facts were recorded


def test_schema_2_catalogue_upgrades_with_every_tag(tmp_path):
    """Version 3 rebuilds the photos table: with foreign keys on, a careless rebuild would
    cascade-delete every tag and embedding."""
    db = tmp_path / "v2.db"
    con = sqlite3.connect(db)
    con.executescript((ROOT / "tests" / "data" / "catalogue_v1.sql").read_text())
    con.execute("ALTER TABLE tags ADD COLUMN value VARCHAR(16)")
    con.execute("UPDATE meta SET value = '2' WHERE key = 'schema_version'")
    con.commit()
    con.close()
    cat = open_catalogue(db)
    try:
        with cat.sessions() as s:
            assert len(s.execute(select(Photo.id)).all()) == 3
            from fashiondesk.core.catalogue.models import Embedding, Tag

            assert len(s.execute(select(Tag.id)).all()) == 3
            assert len(s.execute(select(Embedding.photo_id)).all()) == 1
            assert s.scalar(select(Photo.status).where(Photo.id == 1)) == OK
    finally:
        cat.close()
