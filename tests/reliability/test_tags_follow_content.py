"""Item 2 of issue 11: tags follow the photo (its bytes), never the file name."""

import io
import os
import shutil
import sqlite3

from PIL import Image
from sqlalchemy import func, select

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


def test_the_old_photo_saved_back_over_its_own_name_takes_its_tags_back(catalogue, embedder, tmp_path):
    """Overwritten, then put back where it was (an undo in a photo editor, a restored
    backup): the photo that waited as missing at that very path is that file again."""
    folder = shop(tmp_path, 2)
    index(catalogue, embedder, folder)
    tag_each(catalogue, folder)
    shutil.copy(SAMPLE / "shorts-1.jpg", folder / "IMG_001.jpg")
    index(catalogue, embedder)
    services.tag(catalogue, [str(folder / "IMG_001.jpg")], add=["shorts SKU"])
    shutil.copy(SAMPLE / f"{PICKS[0]}.jpg", folder / "IMG_001.jpg")
    summary = index(catalogue, embedder)
    assert sku_by_path(catalogue) == {"IMG_001.jpg": "SKU IMG_001", "IMG_002.jpg": "SKU IMG_002"}
    assert summary.indexed == 0 and summary.replaced == [str(folder / "IMG_001.jpg")]
    with catalogue.sessions() as s:
        waiting = s.scalars(select(Photo).where(Photo.status == MISSING)).all()
        assert [[t.name for t in p.tags if t.kind == CUSTOM] for p in waiting] == [["shorts SKU"]]
        assert s.scalar(select(func.count()).select_from(Photo)) == 3


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


def test_kill_minus_9_during_a_renumbering_run_loses_no_tag(tmp_path):
    """Names rotated and new photos added; the run is killed at several moments, then
    completed. Every tag is on the photo it was given to, once."""
    import signal
    import subprocess
    import sys
    import time

    folder = tmp_path / "shop"
    folder.mkdir()
    originals = {}
    for n, src in enumerate(sorted(SAMPLE.glob("*.jpg")) * 2):
        data = src.read_bytes() + bytes([n])  # other bytes: another photo
        name = f"IMG_{n:03d}.jpg"
        (folder / name).write_bytes(data)
        originals[name] = data
    db = tmp_path / "cat.db"

    def run(*args):
        return subprocess.Popen([sys.executable, "-m", "fashiondesk", "--db", str(db), *map(str, args)],
                                stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)

    assert run("index", folder, "--quiet").wait(120) == 0
    cat = open_catalogue(db)
    names = sorted(originals)
    for name in names:
        services.tag(cat, [str(folder / name)], add=[f"SKU {name}"])
    cat.close()
    # Rotate every name by one, and add 40 new photos that need decoding.
    for name in names:
        os.rename(folder / name, folder / f"tmp-{name}")
    for i, name in enumerate(names):
        os.rename(folder / f"tmp-{name}", folder / names[(i + 1) % len(names)])
    for n, src in enumerate(sorted(SAMPLE.glob("*.jpg"))[:40] * 2):
        if n < 40:
            (folder / "new" / f"N{n:02d}.jpg").parent.mkdir(exist_ok=True)
            (folder / "new" / f"N{n:02d}.jpg").write_bytes(src.read_bytes() + b"new" + bytes([n]))
    for delay in (0.6, 1.0, 1.4, 1.8, 2.2):
        proc = run("index", "--quiet")
        time.sleep(delay)
        proc.send_signal(signal.SIGKILL)
        proc.wait(30)
    assert run("index", "--quiet").wait(120) == 0
    cat = open_catalogue(db)
    try:
        with cat.sessions() as s:
            live = list(s.scalars(select(Photo).where(Photo.status != MISSING)))
            assert len(live) == len(names) + 40 and len({p.path for p in live}) == len(live)
            for i, name in enumerate(names):
                holder = names[(i + 1) % len(names)]
                photo = next(p for p in live if p.path == str(folder / holder))
                assert [t.name for t in photo.tags if t.kind == CUSTOM] == [f"SKU {name}"], holder
            assert s.scalar(select(Photo.id).where(Photo.status == MISSING)) is None
        with cat.engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
    finally:
        cat.close()


def test_photos_moved_into_a_new_folder_indexed_alone_keep_their_tags(catalogue, embedder, tmp_path):
    """`index NEWFOLDER` walks only that folder; photos that left another watched folder
    are still recognised (found by size, then by content)."""
    folder = shop(tmp_path, 3)
    index(catalogue, embedder, folder)
    tag_each(catalogue, folder)
    newer = tmp_path / "shop2024"
    newer.mkdir()
    for path in folder.glob("*.jpg"):
        os.rename(path, newer / path.name)
    services.index(catalogue, embedder=embedder, folder_paths=[str(newer)], add=True)
    services.index(catalogue, embedder=embedder)
    assert sku_by_path(catalogue) == {f"IMG_00{i}.jpg": f"SKU IMG_00{i}" for i in (1, 2, 3)}
    with catalogue.sessions() as s:
        assert all(p.path.startswith(str(newer)) and p.status == OK for p in s.scalars(select(Photo)))


def test_a_file_that_cannot_be_read_for_a_while_keeps_everything(catalogue, embedder, tmp_path, monkeypatch):
    """A permission or a share that does not answer: the photo is marked failed, keeps its
    hash, embedding and tags, frees nothing, and is read again as soon as it can be."""
    from fashiondesk.core.catalogue import identity
    from fashiondesk.core.vision import imageload, pipeline

    folder = shop(tmp_path, 2)
    index(catalogue, embedder, folder)
    tag_each(catalogue, folder)
    locked = str(folder / "IMG_001.jpg")
    shutil.copy(locked, folder / "copy of IMG_001.jpg")  # same bytes elsewhere: must not take the tags
    os.utime(locked, (1_600_000_000, 1_600_000_000))
    real_hash, real_read = identity.hash_file, pipeline.read_photo_stat

    def deny(path):
        if str(path) == locked:
            raise imageload.UnreadableImage("cannot read file: Permission denied", transient=True)
        return real_read(path)

    monkeypatch.setattr(identity, "hash_file", lambda p: None if p == locked else real_hash(p))
    monkeypatch.setattr(pipeline, "read_photo_stat", deny)
    summary = index(catalogue, embedder)
    assert [p for p, _ in summary.failed] == [locked]
    with catalogue.sessions() as s:
        photo = s.scalar(select(Photo).where(Photo.path == locked))
        assert photo.status == "failed" and photo.content_hash is not None
        assert [t.name for t in photo.tags if t.kind == CUSTOM] == ["SKU IMG_001"]
    assert sku_by_path(catalogue)["copy of IMG_001.jpg"] == ""
    monkeypatch.undo()
    index(catalogue, embedder)  # readable again: read again, although its file facts did not change
    with catalogue.sessions() as s:
        assert s.scalar(select(Photo.status).where(Photo.path == locked)) == OK
    assert sku_by_path(catalogue)["IMG_001.jpg"] == "SKU IMG_001"


def test_an_edit_caught_half_written_keeps_the_photo(catalogue, embedder, tmp_path):
    folder = shop(tmp_path, 2)
    index(catalogue, embedder, folder)
    tag_each(catalogue, folder)
    path = folder / "IMG_001.jpg"
    img = Image.open(path).convert("RGB")
    buf = io.BytesIO()
    img.resize((img.width * 9 // 10, img.height * 9 // 10)).save(buf, "JPEG", quality=85)
    edited = buf.getvalue()
    path.write_bytes(edited[: len(edited) // 2])  # the indexer looks while the editor saves
    summary = index(catalogue, embedder)
    assert summary.failed and not summary.replaced
    path.write_bytes(edited)
    summary = index(catalogue, embedder)
    assert summary.indexed == 1 and not summary.replaced and summary.missing == 0
    assert sku_by_path(catalogue) == {"IMG_001.jpg": "SKU IMG_001", "IMG_002.jpg": "SKU IMG_002"}


def test_a_decoder_error_on_damaged_bytes_fails_one_photo_not_the_run(catalogue, embedder, tmp_path, monkeypatch):
    from fashiondesk.core.vision import pipeline

    folder = shop(tmp_path, 3)
    real = pipeline.load_rgb

    def poison(data, *args, **kwargs):
        if data == (folder / "IMG_002.jpg").read_bytes():
            raise RuntimeError("Failed to decode frame 0")  # what libavif says of some damaged AVIFs
        return real(data, *args, **kwargs)

    monkeypatch.setattr(pipeline, "load_rgb", poison)
    summary = index(catalogue, embedder, folder)
    assert summary.indexed == 2 and [p for p, _ in summary.failed] == [str(folder / "IMG_002.jpg")]
    assert "damaged" in summary.failed[0][1]


def test_an_edited_photo_is_found_by_its_new_looks(catalogue, embedder, tmp_path):
    """The similarity index follows an embedding that changed under the same photo id."""
    folder = shop(tmp_path, 4)
    index(catalogue, embedder, folder)
    services.similar(catalogue, [str(folder / "IMG_001.jpg")], k=1)  # the index is saved now
    path = folder / "IMG_002.jpg"
    img = Image.open(path).convert("RGB")
    buf = io.BytesIO()
    img.resize((img.width * 3 // 4, img.height * 3 // 4)).save(buf, "JPEG", quality=70)
    path.write_bytes(buf.getvalue())
    index(catalogue, embedder)
    outside = tmp_path / "outside.jpg"
    outside.write_bytes(buf.getvalue())
    hit = services.similar(catalogue, [str(outside)], k=1, embedder=embedder)[0]
    assert hit.path == str(path) and hit.score > 0.999


def test_a_folder_that_cannot_be_listed_marks_nothing_missing(catalogue, embedder, tmp_path, monkeypatch):
    folder = shop(tmp_path, 2)
    (folder / "summer").mkdir()
    shutil.copy(SAMPLE / "hat-1.jpg", folder / "summer" / "hat.jpg")
    index(catalogue, embedder, folder)
    real = os.scandir

    def hiccup(path="."):
        if str(path).endswith("summer"):
            raise OSError(5, "Input/output error")
        return real(path)

    monkeypatch.setattr(os, "scandir", hiccup)
    summary = index(catalogue, embedder)
    assert summary.missing == 0 and any("cannot list folder" in reason for _, reason in summary.failed)
    with catalogue.sessions() as s:
        assert s.scalar(select(Photo.status).where(Photo.path == str(folder / "summer" / "hat.jpg"))) == OK


def test_two_processes_upgrading_at_once_do_the_step_once(tmp_path):
    from fashiondesk.core.catalogue.migrations import STEPS, _upgrade_sqlite
    from sqlalchemy import create_engine

    db = tmp_path / "v1.db"
    con = sqlite3.connect(db)
    con.executescript((ROOT / "tests" / "data" / "catalogue_v1.sql").read_text())
    con.commit()
    con.close()
    engine = create_engine(f"sqlite:///{db}")
    todo = [step for step in STEPS if step[0] > 1]
    _upgrade_sqlite(engine, todo)
    _upgrade_sqlite(engine, todo)  # the second saw version 1 before it got the lock
    engine.dispose()
    cat = open_catalogue(db)
    cat.close()


def test_copies_then_the_originals_deleted_carry_the_tags(catalogue, embedder, tmp_path):
    """Photos copied to another folder (indexed while both exist), the originals deleted
    later: the copies become the photos, with their tags."""
    folder = shop(tmp_path, 3)
    index(catalogue, embedder, folder)
    tag_each(catalogue, folder)
    other = folder / "copied"
    other.mkdir()
    for path in folder.glob("*.jpg"):
        shutil.copy(path, other / path.name)
    index(catalogue, embedder)
    services.tag(catalogue, [str(other / "IMG_002.jpg")], add=["on sale"])  # staff tag the copy meanwhile
    for path in folder.glob("*.jpg"):
        path.unlink()
    summary = index(catalogue, embedder)
    assert summary.missing == 0 and len(summary.relinked) == 3
    assert sku_by_path(catalogue) == {
        "IMG_001.jpg": "SKU IMG_001", "IMG_002.jpg": "SKU IMG_002;on sale", "IMG_003.jpg": "SKU IMG_003"}
    with catalogue.sessions() as s:
        assert {os.path.dirname(p.path) for p in s.scalars(select(Photo))} == {str(other)}


def test_renamed_and_re_saved_in_one_pass_keeps_the_tags(catalogue, embedder, tmp_path):
    """A batch tool renumbers and resizes at once: no bytes match, the looks do."""
    folder = shop(tmp_path, 4)
    index(catalogue, embedder, folder)
    tag_each(catalogue, folder)
    for i in range(4, 0, -1):
        path = folder / f"IMG_{i:03d}.jpg"
        img = Image.open(path).convert("RGB")
        img.resize((img.width * 4 // 5, img.height * 4 // 5)).save(folder / f"IMG_{i + 1:03d}.jpg", quality=80)
        if i == 1:
            path.unlink()
    summary = index(catalogue, embedder)
    assert sku_by_path(catalogue) == {f"IMG_{i + 1:03d}.jpg": f"SKU IMG_{i:03d}" for i in range(1, 5)}
    assert summary.missing == 0


def test_an_empty_mount_point_marks_nothing_missing(catalogue, embedder, tmp_path):
    """An unplugged drive leaves its mount point behind, empty: its photos are not missing."""
    drive = tmp_path / "drive"
    folder = shop(tmp_path, 2)
    folder.rename(drive)
    index(catalogue, embedder, drive)
    for path in drive.glob("*.jpg"):
        path.unlink()  # what an unmounted drive looks like from its mount point
    summary = index(catalogue, embedder)
    assert summary.missing == 0 and summary.unavailable == [str(drive)]
    assert [f.present for f in services.folders(catalogue)] == [False]


def test_copies_in_a_renamed_folder_keep_their_own_tags(catalogue, embedder, tmp_path):
    """Two files of the same bytes, each tagged; one deleted, then the folder renamed and
    indexed as a new folder: the file that stayed is found by its bytes and, among the
    photos that hold them, by its name."""
    folder = _folder_of(tmp_path, a="dress-1", copy="dress-1", c="hat-2")
    index(catalogue, embedder, folder)
    services.tag(catalogue, [str(folder / "a.jpg")], add=["tag A"])
    services.tag(catalogue, [str(folder / "copy.jpg")], add=["tag C"])
    (folder / "a.jpg").unlink()
    folder.rename(tmp_path / "shop2")
    index(catalogue, embedder, tmp_path / "shop2")
    with catalogue.sessions() as s:
        live = {p.path: sorted(t.name for t in p.tags if t.kind == CUSTOM)
                for p in s.scalars(select(Photo).where(Photo.path.startswith(str(tmp_path / "shop2"))))}
    assert live == {str(tmp_path / "shop2" / "copy.jpg"): ["tag C"], str(tmp_path / "shop2" / "c.jpg"): []}


def test_a_run_cut_short_is_known_until_a_run_ends(catalogue, embedder, tmp_path, monkeypatch):
    """A run killed, crashed or stopped (the window closed mid-run) leaves a mark, so the
    window can finish it when it opens; a run that ends clears it. While a run holds the
    catalogue, nothing is cut short."""
    import pytest

    from fashiondesk.core.progress import CancelToken
    from fashiondesk.core.services import indexing

    folder = shop(tmp_path, 2)
    services.add_folders(catalogue, [folder])
    assert not services.index_unfinished(catalogue)
    real = indexing._index

    def power_cut(*args, **kwargs):
        raise RuntimeError("power cut")

    monkeypatch.setattr(indexing, "_index", power_cut)
    with pytest.raises(RuntimeError):
        services.index(catalogue, embedder=embedder)
    assert services.index_unfinished(catalogue)
    monkeypatch.setattr(indexing, "_index", real)
    stopped = CancelToken()
    stopped.cancel()
    assert services.index(catalogue, cancel=stopped, embedder=embedder).cancelled
    assert services.index_unfinished(catalogue)
    from fashiondesk.core.catalogue.lock import exclusive
    from fashiondesk.core.index.store import index_path

    with exclusive(index_path(catalogue).with_suffix(".lock")):  # as a run under way holds it
        assert not services.index_unfinished(catalogue)
    index(catalogue, embedder)
    assert not services.index_unfinished(catalogue)


def test_a_file_renamed_onto_a_deleted_copys_name_keeps_its_own_tags(catalogue, embedder, tmp_path):
    """a.jpg and b.jpg hold the same bytes; b.jpg (the later id) is deleted and waits as
    missing. Staff then tag a.jpg, and rename a.jpg -> b.jpg. The file now at b.jpg is
    a.jpg's file: it was 'just moved' and should keep tag A (the old code did)."""
    folder = _folder_of(tmp_path, a="dress-1", b="dress-1", c="hat-2")
    index(catalogue, embedder, folder)
    services.tag(catalogue, [str(folder / "b.jpg")], add=["tag B"])
    (folder / "b.jpg").unlink()
    index(catalogue, embedder)
    services.tag(catalogue, [str(folder / "a.jpg")], add=["tag A"])
    os.rename(folder / "a.jpg", folder / "b.jpg")
    index(catalogue, embedder)
    assert _live_tags(catalogue) == {"b.jpg": ["tag A"], "c.jpg": []}


def test_copies_in_a_renamed_folder_keep_their_tags_when_a_third_copy_sorts_first(catalogue, embedder, tmp_path):
    """b.jpg and c.jpg, same bytes, tagged; folder renamed and a third copy a.jpg added. Taken
    in path order, a.jpg would take b's photo and b.jpg c's: the files that find their own
    name are matched first."""
    folder = _folder_of(tmp_path, b="dress-1", c="dress-1", d="hat-2")
    index(catalogue, embedder, folder)
    services.tag(catalogue, [str(folder / "b.jpg")], add=["tag B"])
    services.tag(catalogue, [str(folder / "c.jpg")], add=["tag C"])
    shutil.copy(folder / "b.jpg", folder / "a.jpg")
    folder.rename(tmp_path / "shop2")
    index(catalogue, embedder, tmp_path / "shop2")
    tags = _live_tags(catalogue)
    assert tags["b.jpg"] == ["tag B"] and tags["c.jpg"] == ["tag C"], tags


def _live_tags(catalogue):
    with catalogue.sessions() as s:
        return {os.path.basename(p.path): sorted(t.name for t in p.tags if t.kind == CUSTOM)
                for p in s.scalars(select(Photo).where(Photo.status != MISSING))}


def _folder_of(tmp_path, **photos):
    """tmp_path/shop with each name (a.jpg, ...) a copy of a sample photo (dress-1, ...)."""
    folder = tmp_path / "shop"
    folder.mkdir()
    for name, sample in photos.items():
        shutil.copy(SAMPLE / f"{sample}.jpg", folder / f"{name}.jpg")
    return folder
