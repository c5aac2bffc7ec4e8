"""Folder scan: which files need reading, which are unchanged, which have gone.

Only ``os.scandir`` metadata is used here (size + mtime), so re-scanning an unchanged
folder of thousands of photos costs a directory walk and one catalogue query. Content
hashes are computed later from the bytes the pipeline reads anyway, and that is where a
moved or renamed file is re-linked to its catalogue entry (see ``writer.py``).
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import Iterator

from sqlalchemy import select
from sqlalchemy.orm import Session

from fashiondesk.core.catalogue.models import FAILED, MISSING, OK, Embedding, Folder, Photo
from fashiondesk.core.vision.imageload import is_image_name


@dataclass(frozen=True)
class FileEntry:
    path: str
    size: int
    mtime: float
    folder_id: int


@dataclass
class ScanPlan:
    to_read: list[FileEntry] = field(default_factory=list)
    unchanged: int = 0
    still_failing: int = 0
    gone: list[int] = field(default_factory=list)  # photo ids whose files vanished
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (path, reason)
    unavailable: list[str] = field(default_factory=list)  # folders that are not there


def walk(root: str, skipped: list[tuple[str, str]]) -> Iterator[tuple[str, int, float]]:
    """Image files under root, recursively; hidden files and folders left out."""
    stack = [root]
    while stack:
        folder = stack.pop()
        try:
            with os.scandir(folder) as entries:
                items = list(entries)
        except OSError as exc:
            skipped.append((folder, f"cannot list folder: {exc.strerror or exc}"))
            continue
        for entry in items:
            name = entry.name
            if name.startswith("."):
                continue
            try:
                if entry.is_dir(follow_symlinks=False):
                    stack.append(entry.path)
                    continue
                if not is_image_name(name) or not entry.is_file():
                    continue
                stat = entry.stat()
            except OSError as exc:
                skipped.append((entry.path, f"cannot read file facts: {exc.strerror or exc}"))
                continue
            try:
                entry.path.encode("utf-8")
            except UnicodeEncodeError:
                skipped.append((os.fsdecode(os.fsencode(entry.path)), "file name is not valid UTF-8"))
                continue
            yield entry.path, stat.st_size, stat.st_mtime


def plan(session: Session, folders: list[Folder], model_version: str) -> ScanPlan:
    result = ScanPlan()
    for folder in folders:
        if not os.path.isdir(folder.path):
            result.unavailable.append(folder.path)
            continue
        known = {
            row.path: row
            for row in session.execute(
                select(Photo.id, Photo.path, Photo.size, Photo.mtime, Photo.status).where(
                    Photo.folder_id == folder.id
                )
            )
        }
        embedded = set(
            session.scalars(
                select(Embedding.photo_id)
                .join(Photo, Photo.id == Embedding.photo_id)
                .where(Photo.folder_id == folder.id, Embedding.model_version == model_version)
            )
        )
        seen = set()
        for path, size, mtime in walk(folder.path, result.skipped):
            seen.add(path)
            row = known.get(path)
            same = row is not None and row.size == size and row.mtime == mtime
            if same and row.status == OK and row.id in embedded:
                result.unchanged += 1
            elif same and row.status == FAILED:
                result.still_failing += 1
            else:
                result.to_read.append(FileEntry(path, size, mtime, folder.id))
        result.gone.extend(
            row.id for path, row in known.items() if path not in seen and row.status != MISSING
        )
    result.to_read.sort(key=lambda e: e.path)
    return result
