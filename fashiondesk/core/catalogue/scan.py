"""Folder scan: which files need reading, which are unchanged, which have gone.

Only ``os.scandir`` metadata is used here (size, mtime and inode), so re-scanning an
unchanged folder of thousands of photos costs a directory walk and one catalogue query.
Which photo a new or changed file is (a moved one, an edited one, a new one) is decided
from content hashes afterwards (see ``identity.py``).
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import Iterator, Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from fashiondesk.core.catalogue.models import FAILED, MISSING, OK, Embedding, Folder, Photo, TagRun
from fashiondesk.core.files import is_image_name
from fashiondesk.core.messages import translate
from fashiondesk.core.records import FileEntry, Retag, SourceRun


@dataclass
class ScanPlan:
    to_read: list[FileEntry] = field(default_factory=list)
    unchanged: int = 0
    still_failing: int = 0
    gone: list[int] = field(default_factory=list)  # photo ids whose files vanished
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (path, reason)
    skipped_by_folder: dict[int, list[tuple[str, str]]] = field(default_factory=dict)  # for each folder walked
    unavailable: list[str] = field(default_factory=list)  # folders that are not there
    away_folder_ids: list[int] = field(default_factory=list)  # their ids: their photos may turn up elsewhere
    walked_folder_ids: list[int] = field(default_factory=list)  # the folders this run looked into
    inodes: list[tuple[int, int]] = field(default_factory=list)  # (photo id, inode) to record; same file
    retag: list[Retag] = field(default_factory=list)  # unchanged photos an automatic source must tag again


# Why a file with a photo's name is not taken (shown by the window in its language).
UNLISTED = translate("Photos", "cannot list folder: {why}")
DANGLING = translate("Photos", "a link that leads nowhere (or round in a loop)")
NOT_REGULAR = translate("Photos", "not a regular file")
NO_FACTS = translate("Photos", "cannot read file facts: {why}")
NOT_UTF8 = translate("Photos", "file name is not valid UTF-8")


def walk(root: str, skipped: list[tuple[str, str]]) -> Iterator[tuple[str, int, float, int | None]]:
    """Image files under root as (path, size, mtime, inode), recursively; hidden files and
    folders left out. Everything with a photo's name that cannot be taken (not a regular
    file, a name that is not UTF-8, a folder that cannot be listed) is added to skipped."""
    stack = [root]
    while stack:
        folder = stack.pop()
        try:
            with os.scandir(folder) as entries:
                items = list(entries)
        except OSError as exc:
            skipped.append((folder, UNLISTED.format(why=exc.strerror or str(exc))))
            continue
        for entry in items:
            name = entry.name
            if name.startswith("."):
                continue
            try:
                if entry.is_dir(follow_symlinks=False):
                    stack.append(entry.path)
                    continue
                if not is_image_name(name):
                    continue
                if not entry.is_file():
                    dangling = entry.is_symlink() and not os.path.exists(entry.path)
                    reason = DANGLING if dangling else NOT_REGULAR
                    skipped.append((_printable(entry.path), reason))
                    continue
                stat = entry.stat()
            except OSError as exc:
                skipped.append((entry.path, NO_FACTS.format(why=exc.strerror or str(exc))))
                continue
            try:
                entry.path.encode("utf-8")
            except UnicodeEncodeError:
                skipped.append((_printable(entry.path), NOT_UTF8))
                continue
            yield entry.path, stat.st_size, stat.st_mtime, _inode(entry)


def _inode(entry: os.DirEntry) -> int | None:
    """The file's inode (its file index on Windows, where ``stat()`` of a directory entry
    leaves it 0); None where the file system has none."""
    try:
        return entry.inode() or None
    except OSError:
        return None


def _printable(path: str) -> str:
    """A path that can be printed and stored whatever bytes its name holds."""
    return os.fsencode(path).decode("utf-8", "backslashreplace")


def stale_retags(
    session: Session, photos: Sequence[tuple[int, str, str | None]], runs: Sequence[SourceRun], model_version: str
) -> list[Retag]:
    """Of these (photo id, path, content hash), the photos a source must tag again and can
    from what is stored (photos that moved in this run, say, without a decode)."""
    if not runs or not photos:
        return []
    found = []
    for start in range(0, len(photos), 500):
        part = list(photos[start : start + 500])
        ids = [p[0] for p in part]
        tagged: dict[int, dict[str, str]] = {}
        for photo_id, kind, version in session.execute(
            select(TagRun.photo_id, TagRun.kind, TagRun.version).where(TagRun.photo_id.in_(ids))
        ):
            tagged.setdefault(photo_id, {})[kind] = version
        stored = {
            photo_id: {"pixels"} | {n for n, there in (("logits", logits), ("garment_map", garment_map)) if there}
            for photo_id, logits, garment_map in session.execute(
                select(Embedding.photo_id, Embedding.logits.is_not(None), Embedding.garment_map.is_not(None))
                .where(Embedding.photo_id.in_(ids), Embedding.model_version == model_version)
            )
        }
        for photo_id, path, digest in part:
            stale = [r for r in runs if tagged.get(photo_id, {}).get(r.kind) != r.version]
            if stale and photo_id in stored and all(r.needs <= stored[photo_id] for r in stale):
                found.append(Retag(photo_id, path, tuple(r.kind for r in stale), None, None, digest))
    return found


def _tag_runs(session: Session, folder_id: int) -> dict[int, dict[str, str]]:
    found: dict[int, dict[str, str]] = {}
    for photo_id, kind, version in session.execute(
        select(TagRun.photo_id, TagRun.kind, TagRun.version)
        .join(Photo, Photo.id == TagRun.photo_id)
        .where(Photo.folder_id == folder_id)
    ):
        found.setdefault(photo_id, {})[kind] = version
    return found


def present(path: str, session: Session, folder_id: int) -> bool:
    """Is the watched folder there? Not if it is gone, nor if it is empty while the catalogue
    has photos in it: an unplugged drive or an unmounted share leaves an empty mount point,
    and that must not make every photo missing."""
    if not os.path.isdir(path):
        return False
    try:
        with os.scandir(path) as entries:
            if next(entries, None) is not None:
                return True
    except OSError:
        return True  # cannot tell: the walk reports it, and marks nothing missing
    return session.scalar(select(Photo.id).where(Photo.folder_id == folder_id, Photo.status != MISSING).limit(1)) is None


def plan(
    session: Session, folders: list[Folder], model_version: str, only: set[int] | None = None,
    runs: Sequence[SourceRun] = (),
) -> ScanPlan:
    """Walk the folders (those in ``only``, if given). Every folder that is not there is
    reported, scanned or not: its photos may be the ones that turn up in another folder."""
    result = ScanPlan()
    for folder in folders:
        if not present(folder.path, session, folder.id):
            result.unavailable.append(folder.path)
            result.away_folder_ids.append(folder.id)
            continue
        if only is not None and folder.id not in only:
            continue
        known = {
            row.path: row
            for row in session.execute(
                select(Photo.id, Photo.path, Photo.size, Photo.mtime, Photo.inode, Photo.status, Photo.content_hash).where(
                    Photo.folder_id == folder.id, Photo.status != MISSING
                )
            )
        }
        embedded = {
            photo_id: {name for name, there in (("logits", logits), ("garment_map", garment_map)) if there}
            for photo_id, logits, garment_map in session.execute(
                select(Embedding.photo_id, Embedding.logits.is_not(None), Embedding.garment_map.is_not(None))
                .join(Photo, Photo.id == Embedding.photo_id)
                .where(Photo.folder_id == folder.id, Embedding.model_version == model_version)
            )
        }
        tagged = _tag_runs(session, folder.id) if runs else {}
        result.walked_folder_ids.append(folder.id)
        seen = set()
        skipped = result.skipped_by_folder.setdefault(folder.id, [])
        for path, size, mtime, inode in walk(folder.path, skipped):
            seen.add(path)
            row = known.get(path)
            # A file renamed onto this path keeps its own size and mtime; its inode gives it away.
            same = (
                row is not None and row.size == size and row.mtime == mtime
                and (row.inode is None or inode is None or row.inode == inode)
            )
            if row is None or not same:
                result.to_read.append(
                    FileEntry(path, size, mtime, folder.id, inode, None if row is None else row.id, stat_changed=row is not None)
                )
                continue
            if row.inode is None and inode is not None:
                result.inodes.append((row.id, inode))
            stale = [r for r in runs if tagged.get(row.id, {}).get(r.kind) != r.version]
            if row.status == OK and row.id in embedded and stale:
                # A source's method changed: tag again from what is stored, where it is enough.
                stored = {"pixels"} | embedded[row.id]
                if all(r.needs <= stored for r in stale):
                    result.retag.append(Retag(row.id, path, tuple(r.kind for r in stale), None, None, row.content_hash))
                    result.unchanged += 1
                else:  # indexed before the model's outputs were kept: read once more, to keep them
                    result.to_read.append(FileEntry(path, size, mtime, folder.id, inode, row.id, retag_only=True))
            elif row.status == OK and row.id in embedded:
                result.unchanged += 1
            elif row.status == FAILED:
                result.still_failing += 1
            else:
                result.to_read.append(FileEntry(path, size, mtime, folder.id, inode, row.id))
        # A folder that could not be listed (a share that hiccuped, a permission) says
        # nothing about the photos in it: they are not marked missing.
        unlisted = [path + os.sep for path, reason in skipped if reason.startswith(UNLISTED.format(why=""))]
        result.gone.extend(
            row.id for path, row in known.items()
            if path not in seen and not any(path.startswith(u) for u in unlisted)
        )
        result.skipped.extend(skipped)
    result.to_read.sort(key=lambda e: e.path)
    return result
