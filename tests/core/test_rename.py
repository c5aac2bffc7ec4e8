"""Renaming a photo: the file on disk and the catalogue's path in one step, the photo kept (issue 14, item 9)."""

from __future__ import annotations

import os
from datetime import datetime

import pytest
from sqlalchemy import func, insert, select

from fashiondesk.core import services
from fashiondesk.core.catalogue import rename as core_rename
from fashiondesk.core.catalogue.lock import exclusive
from fashiondesk.core.catalogue.models import (
    AUTO,
    CATEGORY,
    CUSTOM,
    MANUAL,
    MISSING,
    OK,
    Embedding,
    Folder,
    Photo,
    Rejection,
    Tag,
)
from fashiondesk.core.services.rename import new_file_name, rename_photo
from fashiondesk.core.services.safety import run_lock
from tests.conftest import solid


def _photo(catalogue, path, status=OK) -> int:
    """A catalogued photo at ``path`` with a category, a custom tag, a rejection and an embedding."""
    now = datetime(2026, 11, 28)
    folder = os.path.dirname(path)
    with catalogue.sessions() as session, session.begin():
        fid = session.scalar(select(Folder.id).where(Folder.path == folder)) or session.execute(
            insert(Folder).values(path=folder, added_at=now).returning(Folder.id)).scalar_one()
        st = os.stat(path) if os.path.exists(path) else None
        pid = session.execute(insert(Photo).values(
            folder_id=fid, path=str(path), content_hash="ab" * 16, size=st.st_size if st else 1,
            mtime=st.st_mtime if st else 1.0, inode=st.st_ino if st else None, status=status,
            indexed_at=now).returning(Photo.id)).scalar_one()
        session.add(Tag(photo_id=pid, kind=CATEGORY, name="dress", source=AUTO, confidence=0.9))
        session.add(Tag(photo_id=pid, kind=CUSTOM, name="summer sale", source=MANUAL))
        session.add(Rejection(photo_id=pid, kind="colour", key="red"))
        session.add(Embedding(photo_id=pid, model_version="m1", vector=b"\x00" * 16))
    return pid


def _state(catalogue, pid):
    """Everything the catalogue holds about a photo except its path."""
    with catalogue.sessions() as session:
        tags = sorted(session.execute(select(Tag.id, Tag.kind, Tag.name, Tag.source).where(Tag.photo_id == pid)))
        rejected = list(session.execute(select(Rejection.kind, Rejection.key).where(Rejection.photo_id == pid)))
        vectors = list(session.execute(
            select(Embedding.model_version, Embedding.vector).where(Embedding.photo_id == pid)))
        photo = session.get(Photo, pid)
        facts = (photo.folder_id, photo.content_hash, photo.size, photo.mtime, photo.inode, photo.status)
    return tags, rejected, vectors, facts


def _path(catalogue, pid):
    with catalogue.sessions() as session:
        return session.get(Photo, pid).path


def test_a_renamed_photo_keeps_its_row_and_everything_on_it(catalogue, tmp_path):
    old = solid(tmp_path / "shop" / "IMG_0001.jpg", fmt="JPEG")
    pid = _photo(catalogue, str(old))
    before = _state(catalogue, pid)

    new = rename_photo(catalogue, pid, "red summer dress")

    assert new == str(tmp_path / "shop" / "red summer dress.jpg")  # the extension kept
    assert os.path.isfile(new) and not old.exists()
    assert _path(catalogue, pid) == new
    assert _state(catalogue, pid) == before  # same id, tags, rejections, embedding, file facts
    detail = services.browse.photo_detail(catalogue, pid)
    assert detail.path == new and {t.name for t in detail.tags} == {"dress", "summer sale"}
    with catalogue.sessions() as session:
        assert session.scalar(select(func.count()).select_from(Photo)) == 1


def test_a_photo_in_a_subfolder_stays_in_it(catalogue, tmp_path):
    old = solid(tmp_path / "shop" / "winter" / "a.JPG", fmt="JPEG")
    pid = _photo(catalogue, str(old))
    assert rename_photo(catalogue, pid, "coat.jpg") == str(tmp_path / "shop" / "winter" / "coat.jpg")


def test_the_same_name_changes_nothing(catalogue, tmp_path):
    old = solid(tmp_path / "shop" / "a.jpg", fmt="JPEG")
    pid = _photo(catalogue, str(old))
    assert rename_photo(catalogue, pid, "a") == str(old) and old.exists()


def test_an_existing_file_is_never_replaced(catalogue, tmp_path):
    old = solid(tmp_path / "shop" / "a.jpg", (255, 0, 0), fmt="JPEG")
    other = solid(tmp_path / "shop" / "b.jpg", (0, 0, 255), fmt="JPEG")
    before = other.read_bytes()
    pid = _photo(catalogue, str(old))
    with pytest.raises(services.UserError, match="already a file called b.jpg"):
        rename_photo(catalogue, pid, "b")
    assert old.exists() and other.read_bytes() == before and _path(catalogue, pid) == str(old)


def test_a_missing_file_is_not_renamed(catalogue, tmp_path):
    gone = tmp_path / "shop" / "gone.jpg"
    gone.parent.mkdir()
    pid = _photo(catalogue, str(gone), status=MISSING)
    with pytest.raises(services.UserError, match="no longer in its folder"):
        rename_photo(catalogue, pid, "back")
    deleted = solid(tmp_path / "shop" / "deleted.jpg", fmt="JPEG")  # deleted since the last index run
    pid = _photo(catalogue, str(deleted))
    deleted.unlink()
    with pytest.raises(services.UserError, match="no longer in its folder"):
        rename_photo(catalogue, pid, "back")
    assert _path(catalogue, pid) == str(deleted)


def test_a_photo_that_left_the_catalogue_is_refused(catalogue):
    with pytest.raises(services.UserError, match="no longer in the catalogue"):
        rename_photo(catalogue, 12345, "x")


def test_a_name_another_photo_still_holds_is_refused(catalogue, tmp_path):
    old = solid(tmp_path / "shop" / "a.jpg", fmt="JPEG")
    pid = _photo(catalogue, str(old))
    _photo(catalogue, str(tmp_path / "shop" / "b.jpg"))  # its file went since the last index run
    with pytest.raises(services.UserError, match="still recorded as b.jpg"):
        rename_photo(catalogue, pid, "b")
    assert old.exists()


def test_the_file_gets_its_name_back_when_the_catalogue_cannot_be_updated(catalogue, tmp_path, monkeypatch):
    old = solid(tmp_path / "shop" / "a.jpg", fmt="JPEG")
    pid = _photo(catalogue, str(old))

    def refuse(*args):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(core_rename, "_record", refuse)
    with pytest.raises(services.UserError, match="not renamed: the disk is full"):
        rename_photo(catalogue, pid, "b")
    assert old.exists() and not (tmp_path / "shop" / "b.jpg").exists()
    assert _path(catalogue, pid) == str(old)


def test_a_file_the_disk_will_not_rename_is_told_plainly(catalogue, tmp_path, monkeypatch):
    old = solid(tmp_path / "shop" / "a.jpg", fmt="JPEG")
    pid = _photo(catalogue, str(old))

    def denied(*args):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(core_rename.os, "rename", denied)
    with pytest.raises(services.UserError, match="a.jpg could not be renamed: Permission denied"):
        rename_photo(catalogue, pid, "b")
    assert _path(catalogue, pid) == str(old)


def test_no_rename_while_the_catalogue_is_being_indexed(catalogue, tmp_path):
    old = solid(tmp_path / "shop" / "a.jpg", fmt="JPEG")
    pid = _photo(catalogue, str(old))
    with exclusive(run_lock(catalogue)):  # as an index run holds it
        with pytest.raises(services.UserError, match="rename the photo when that has finished"):
            rename_photo(catalogue, pid, "b")
    assert old.exists() and _path(catalogue, pid) == str(old)


@pytest.mark.parametrize("typed, expected", [
    ("red dress", "red dress.jpg"),
    ("  red dress  ", "red dress.jpg"),
    ("red dress.jpg", "red dress.jpg"),
    ("red dress.JPG", "red dress.JPG"),
    ("red.dress", "red.dress.jpg"),
    ("red dress. ", "red dress.jpg"),
    ("robe d’été", "robe d’été.jpg"),
    ("confiner", "confiner.jpg"),  # only the whole word CON is Windows's
])
def test_names_that_are_taken(typed, expected):
    assert new_file_name(typed, "IMG_0001.jpg") == expected


@pytest.mark.parametrize("typed, why", [
    ("", "Type a new name"),
    ("   ", "Type a new name"),
    (".", "Type a new name"),
    ("..", "Type a new name"),
    ("winter/coat", "cannot contain / or"),
    ("..\\coat", "cannot contain / or"),
    ("coat?", "cannot contain ?"),
    ('a<b>:"|*', 'cannot contain " * : < > |'),
    ("coat\tblue", "invisible characters"),
    (".hidden", "start with a dot"),
    ("coat.png", "stays a .jpg file"),
    ("con", "Windows keeps for itself"),
    ("NUL.jpg", "Windows keeps for itself"),
    ("x" * 300, "too long"),
])
def test_names_that_are_refused(typed, why):
    with pytest.raises(core_rename.RenameError, match=why.replace("?", r"\?").replace("*", r"\*").replace("|", r"\|")):
        new_file_name(typed, "IMG_0001.jpg")


def test_the_next_index_run_finds_the_renamed_photo_unchanged(catalogue, embedder, sample_photos, monkeypatch):
    """Nothing read again, nothing doubled: the same photo, with its tags, at its new name."""
    folder = sample_photos(3)
    services.add_folders(catalogue, [folder])
    services.index(catalogue, embedder=embedder)
    first = sorted(folder.glob("*.jpg"))[0]
    services.tag(catalogue, [str(first)], add=["summer sale"])
    with catalogue.sessions() as session:
        pid = session.scalar(select(Photo.id).where(Photo.path == str(first)))
    before = _state(catalogue, pid)

    new = rename_photo(catalogue, pid, "blue coat")

    from fashiondesk.core.vision import pipeline

    def boom(*args):
        raise AssertionError("a renamed file was read again")

    monkeypatch.setattr(pipeline, "decode", boom)
    summary = services.index(catalogue, embedder=embedder)
    assert summary.unchanged == 3 and summary.indexed == 0 and summary.missing == 0 and not summary.relinked
    assert _path(catalogue, pid) == new and _state(catalogue, pid) == before
    with catalogue.sessions() as session:
        assert session.scalar(select(func.count()).select_from(Photo)) == 3
