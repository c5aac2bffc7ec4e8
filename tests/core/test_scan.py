import os
import shutil

from sqlalchemy import select

from fashiondesk.core import services
from fashiondesk.core.catalogue.models import FAILED, MISSING, OK, Embedding, Photo
from tests.conftest import age, solid


def photos(catalogue):
    with catalogue.sessions() as s:
        return {p.path: p for p in s.scalars(select(Photo))}


def run(catalogue, embedder, folder=None):
    if folder is not None:
        services.add_folders(catalogue, [folder])
    return services.index(catalogue, embedder=embedder)


def test_recursive_scan_skips_hidden_and_matches_extensions(catalogue, embedder, tmp_path):
    root = tmp_path / "shop"
    solid(root / "a.JPG", fmt="JPEG")
    solid(root / "sub dir" / "été robe.png")
    solid(root / "deep" / "er" / "c.TiFf", fmt="TIFF")
    solid(root / ".hidden.jpg", fmt="JPEG")
    solid(root / ".cache" / "d.jpg")
    (root / "notes.txt").write_text("not a photo")
    summary = run(catalogue, embedder, root)
    names = sorted(os.path.basename(p) for p in photos(catalogue))
    assert names == ["a.JPG", "c.TiFf", "été robe.png"]
    assert summary.indexed == 3 and not summary.failed


def test_unchanged_files_are_not_read_again(catalogue, embedder, sample_photos, monkeypatch):
    folder = sample_photos(5)
    run(catalogue, embedder, folder)
    from fashiondesk.core.vision import pipeline

    def boom(*args):
        raise AssertionError("an unchanged file was read")

    monkeypatch.setattr(pipeline, "decode", boom)
    summary = run(catalogue, embedder)
    assert summary.unchanged == 5 and summary.indexed == 0


def test_changed_file_is_reindexed(catalogue, embedder, tmp_path):
    """A different picture saved over a photo is a new photo; the old one waits as missing."""
    folder = tmp_path / "shop"
    path = solid(folder / "x.png", (255, 0, 0))
    age(path)
    run(catalogue, embedder, folder)
    before = photos(catalogue)[str(path)]
    solid(path, (0, 0, 255), size=(90, 60))
    summary = run(catalogue, embedder)
    with catalogue.sessions() as s:
        rows = {p.status: p for p in s.scalars(select(Photo).where(Photo.path == str(path)))}
    assert summary.indexed == 1 and summary.replaced == [str(path)] and summary.missing == 1
    assert rows[MISSING].id == before.id and rows[MISSING].content_hash == before.content_hash
    assert rows[OK].content_hash != before.content_hash
    assert (rows[OK].width, rows[OK].height) == (90, 60)


def test_moved_file_keeps_its_tags(catalogue, embedder, sample_photos, tmp_path):
    folder = sample_photos(4)
    run(catalogue, embedder, folder)
    first = sorted(folder.glob("*.jpg"))[0]
    services.tag(catalogue, [str(first)], add=["summer sale"])
    target = folder / "renamed" / "new name.jpg"
    target.parent.mkdir()
    shutil.move(first, target)
    summary = run(catalogue, embedder)
    assert summary.relinked == [(str(first), str(target))]
    moved = photos(catalogue)
    assert str(first) not in moved
    with catalogue.sessions() as s:
        photo = s.scalar(select(Photo).where(Photo.path == str(target)))
        assert photo.status == OK and [t.name for t in photo.tags if t.kind == "custom"] == ["summer sale"]
        assert s.scalar(select(Embedding).where(Embedding.photo_id == photo.id)) is not None
    assert len(moved) == 4


def test_deleted_file_is_marked_missing_and_keeps_manual_tags(catalogue, embedder, sample_photos):
    folder = sample_photos(3)
    run(catalogue, embedder, folder)
    victim = sorted(folder.glob("*.jpg"))[1]
    services.tag(catalogue, [str(victim)], add=["display window"])
    original = victim.read_bytes()
    victim.unlink()
    summary = run(catalogue, embedder)
    assert summary.missing == 1
    p = photos(catalogue)[str(victim)]
    assert p.status == MISSING
    with catalogue.sessions() as s:
        assert [t.name for t in s.get(Photo, p.id).tags if t.kind == "custom"] == ["display window"]
    # It comes back (from a backup, say): same row, status ok again.
    victim.write_bytes(original)
    summary = run(catalogue, embedder)
    again = photos(catalogue)[str(victim)]
    assert again.id == p.id and again.status == OK
    assert summary.indexed == 0 and summary.missing == 0  # already embedded: not decoded again


def test_broken_files_are_recorded_and_the_run_goes_on(catalogue, embedder, tmp_path, sample_photos):
    folder = sample_photos(3)
    (folder / "empty.jpg").write_bytes(b"")
    (folder / "shopping list.png").write_text("milk, eggs")
    good = sorted(folder.glob("*.jpg"))[0].read_bytes()
    (folder / "cut.jpg").write_bytes(good[: len(good) // 3])
    summary = run(catalogue, embedder, folder)
    assert summary.indexed == 3
    reasons = dict(summary.failed)
    assert "empty" in reasons[str(folder / "empty.jpg")]
    assert "not an image" in reasons[str(folder / "shopping list.png")]
    # In a shop's words, not the decoder's ("image file is truncated (10 bytes not processed)").
    assert reasons[str(folder / "cut.jpg")] == "the file is incomplete (cut off while it was copied or downloaded?): copy it again"
    assert photos(catalogue)[str(folder / "empty.jpg")].status == FAILED
    # A second run does not retry files that have not changed.
    again = run(catalogue, embedder)
    assert again.still_failing == 3 and again.indexed == 0 and not again.failed


def test_new_model_version_means_re_embedding(catalogue, embedder, sample_photos):
    import dataclasses

    from fashiondesk.core.vision.runtime import Embedder

    folder = sample_photos(3)
    run(catalogue, embedder, folder)
    newer = Embedder.__new__(Embedder)
    newer.__dict__.update(embedder.__dict__)
    newer.spec = dataclasses.replace(embedder.spec, version="test-version-2")
    summary = services.index(catalogue, embedder=newer)
    assert summary.indexed == 3
    with catalogue.sessions() as s:
        versions = set(s.scalars(select(Embedding.model_version)))
    assert versions == {"test-version-2"}


def test_unavailable_folder_marks_nothing_missing(catalogue, embedder, sample_photos, tmp_path):
    folder = sample_photos(2, tmp_path / "usb stick")
    run(catalogue, embedder, folder)
    shutil.rmtree(folder)
    summary = run(catalogue, embedder)
    assert summary.unavailable == [str(folder)] and summary.missing == 0
    assert all(p.status == OK for p in photos(catalogue).values())


def test_nested_folder_is_covered_by_its_parent(catalogue, tmp_path):
    (tmp_path / "a" / "b").mkdir(parents=True)
    assert services.add_folders(catalogue, [tmp_path / "a" / "b"]) == [str(tmp_path / "a" / "b")]
    assert services.add_folders(catalogue, [tmp_path / "a"]) == [str(tmp_path / "a")]
    assert services.add_folders(catalogue, [tmp_path / "a" / "b"]) == []
    with catalogue.sessions() as s:
        from fashiondesk.core.catalogue.models import Folder

        assert list(s.scalars(select(Folder.path))) == [str(tmp_path / "a")]
