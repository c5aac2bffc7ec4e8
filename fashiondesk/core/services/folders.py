"""Watched folders: which are there, and what to do with one that moved or is no longer wanted."""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Any, cast

from sqlalchemy import CursorResult, delete, func, literal, select, update

from fashiondesk.core.messages import translate
from fashiondesk.core.catalogue.db import Catalogue
from fashiondesk.core.catalogue.models import MANUAL, MISSING, Folder, Photo, Tag
from fashiondesk.core.catalogue.scan import present
from fashiondesk.core.services.errors import UserError
from fashiondesk.core.services.paths import inside, not_a_folder
from fashiondesk.core.services.safety import backup_now, nothing_else_running


@dataclass(frozen=True)
class FolderInfo:
    id: int
    path: str
    present: bool  # False: the folder is not there (renamed, moved, a drive not plugged in)
    photos: int  # photos recorded in it, missing ones included
    missing: int


def folders(catalogue: Catalogue) -> list[FolderInfo]:
    with catalogue.sessions() as session:
        counts = {
            (folder_id, status == MISSING): n
            for folder_id, status, n in session.execute(
                select(Photo.folder_id, Photo.status, func.count()).group_by(Photo.folder_id, Photo.status)
            )
        }
        rows = session.execute(select(Folder.id, Folder.path).order_by(Folder.path)).all()
        result = []
        for folder_id, path in rows:
            missing = sum(n for (fid, gone), n in counts.items() if fid == folder_id and gone)
            total = sum(n for (fid, _), n in counts.items() if fid == folder_id)
            result.append(FolderInfo(folder_id, path, present(path, session, folder_id), total, missing))
    return result


def _find(session, raw: str) -> Folder:
    candidates = {os.path.abspath(os.path.expanduser(raw)), os.path.realpath(os.path.expanduser(raw))}
    folder = session.scalar(select(Folder).where(Folder.path.in_(candidates)))
    if folder is None:
        raise UserError(translate("Folders", "not a watched folder: {folder} ('fashiondesk folders' lists them)").format(
            folder=raw))
    return folder


def relocate(catalogue: Catalogue, old: str, new: str) -> int:
    """The folder now lives at ``new``: every photo in it keeps its tags at its new path.
    Returns how many photos were moved. The next index run checks the files."""
    target = os.path.realpath(os.path.expanduser(new))
    if not os.path.isdir(target):
        raise not_a_folder(new)
    with nothing_else_running(catalogue, translate("Catalogue", "relocate the folder")), catalogue.sessions() as session, session.begin():
        folder = _find(session, old)
        others = session.scalars(select(Folder).where(Folder.id != folder.id)).all()
        clash = next((f.path for f in others if inside(target, f.path) or inside(f.path, target)), None)
        if clash is not None:
            raise UserError(translate(
                "Folders", "{new} overlaps the watched folder {clash}; index it instead (photos are recognised by their "
                "content and keep their tags), then 'fashiondesk folders --remove {old}'").format(
                new=new, clash=clash, old=folder.path))
        prefix = folder.path.rstrip(os.sep)
        # An UPDATE's result is a CursorResult (it has rowcount); Session.execute is typed
        # for any statement, so it says Result.
        moved = cast("CursorResult[Any]", session.execute(
            update(Photo)
            .where(Photo.folder_id == folder.id, func.substr(Photo.path, 1, len(prefix) + 1) == prefix + os.sep)
            .values(path=literal(target) + func.substr(Photo.path, len(prefix) + 1))
        )).rowcount
        folder.path = target
    return moved


def removal_counts(catalogue: Catalogue, folder_id: int) -> tuple[int, int]:
    """What removing a folder forgets: its photos, and the tags staff gave them."""
    with catalogue.sessions() as session:
        photos = session.scalar(select(func.count()).select_from(Photo).where(Photo.folder_id == folder_id))
        manual = session.scalar(
            select(func.count()).select_from(Tag).join(Photo, Photo.id == Tag.photo_id)
            .where(Photo.folder_id == folder_id, Tag.source == MANUAL)
        )
    return photos or 0, manual or 0


@dataclass(frozen=True)
class Removed:
    path: str
    photos: int
    manual_tags: int
    backup: str | None  # where the catalogue was backed up first


def remove(catalogue: Catalogue, raw: str) -> Removed:
    """Stop watching a folder and forget its photos, after a backup of the catalogue."""
    with nothing_else_running(catalogue, translate("Catalogue", "remove the folder")):
        with catalogue.sessions() as session:
            folder = _find(session, raw)
            path, folder_id = folder.path, folder.id
        photos, manual = removal_counts(catalogue, folder_id)
        saved = backup_now(catalogue, "before-remove-folder") if photos else None
        with catalogue.sessions() as session, session.begin():
            session.execute(delete(Folder).where(Folder.id == folder_id))
    return Removed(path, photos, manual, str(saved) if saved else None)
