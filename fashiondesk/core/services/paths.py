"""How the use cases find what a user names: folders by their real name, photos by path."""

from __future__ import annotations

import os
from typing import Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from fashiondesk.core.catalogue.models import MISSING, Photo
from fashiondesk.core.messages import translate
from fashiondesk.core.services.errors import UserError


def norm(path: str | os.PathLike) -> str:
    """An absolute path, as the user gave it (links not followed)."""
    return os.path.abspath(os.path.expanduser(os.fspath(path)))


def real(path: str | os.PathLike) -> str:
    """A folder's one true name: the same folder reached through a link is not catalogued twice."""
    return os.path.realpath(os.path.expanduser(os.fspath(path)))


def inside(child: str, parent: str) -> bool:
    """Whether child is parent or lies within it (paths as strings)."""
    return child == parent or child.startswith(parent.rstrip(os.sep) + os.sep)


def spellings(raw: str | os.PathLike) -> list[str]:
    """The ways a given path may be recorded: as given, and through its folder's real name."""
    plain = norm(raw)
    through_links = os.path.join(real(os.path.dirname(plain)), os.path.basename(plain))
    return [plain] if through_links == plain else [plain, through_links]


def photo_at(session: Session, raw: str | os.PathLike) -> Photo | None:
    """The photo recorded at a path: the one there now, else the latest one missing from it."""
    return session.scalar(
        select(Photo).where(Photo.path.in_(spellings(raw))).order_by(Photo.status == MISSING, Photo.id.desc()).limit(1)
    )


def photos_by_path(session: Session, paths: Sequence[str]) -> list[Photo]:
    photos = []
    for raw in paths:
        photo = photo_at(session, raw)
        if photo is None:
            raise UserError(translate("Catalogue", "not in the catalogue: {path}").format(path=raw))
        photos.append(photo)
    return photos


def not_a_folder(raw: str | os.PathLike) -> UserError:
    """The error for a path given as a folder that is not one, saying what it is instead."""
    if os.path.exists(raw):
        return UserError(f"{raw} is a file, not a folder: choose the folder that holds the photos")
    return UserError(f"there is no folder {raw} (moved, renamed, or on a drive that is not connected?)")
