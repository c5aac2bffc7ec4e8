"""Keywords a shop already keeps in its photos (Lightroom, digiKam, Bridge): read on index.

From an XMP sidecar (``photo.jpg.xmp``, digiKam's and darktable's name, or ``photo.xmp``,
Lightroom's) and from the file itself (its XMP packet and IPTC keywords), they become
staff tags with the source "file". Each photo is read again only when its bytes or a
sidecar change (``TagRun`` of kind "file" holds what was read). A keyword staff removed in
fashiondesk is remembered (``Rejection``) and not read back; fashiondesk's own keywords
(written by ``write-xmp``) are never read back as tags.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from fashiondesk.core import keywords
from fashiondesk.core.catalogue.edits import TagError, clean_name, tag_key
from fashiondesk.core.catalogue.models import CUSTOM, OK, Photo, Rejection, Tag, TagRun
from fashiondesk.core.records import FILE

RUN = "file"  # TagRun.kind


def sidecars(path: str) -> list[str]:
    """The photo's sidecars that exist, digiKam's name first."""
    names = [path + ".xmp", os.path.splitext(path)[0] + ".xmp"]
    return [n for n in dict.fromkeys(names) if os.path.isfile(n)]


def signature(path: str, content_hash: str | None) -> str:
    """What the keywords were read from: the photo's bytes and each sidecar's size and time."""
    parts = [content_hash or "?"]
    for sidecar in sidecars(path):
        st = os.stat(sidecar)
        parts.append(f"{os.path.basename(sidecar)}:{st.st_size}:{st.st_mtime_ns}")
    return "|".join(parts)


@dataclass(frozen=True)
class ToRead:
    photo_id: int
    path: str
    signature: str


def stale(session: Session, folder_ids: set[int] | None = None) -> list[ToRead]:
    """Photos there whose keywords were never read, or whose bytes or sidecars changed since."""
    done = dict(session.execute(select(TagRun.photo_id, TagRun.version).where(TagRun.kind == RUN)).all())
    query = select(Photo.id, Photo.path, Photo.content_hash).where(Photo.status == OK)
    if folder_ids is not None:
        query = query.where(Photo.folder_id.in_(folder_ids))
    todo = []
    for photo_id, path, content_hash in session.execute(query):
        try:
            now = signature(path, content_hash)
        except OSError:
            continue  # a sidecar that went away meanwhile: the next run reads it
        if done.get(photo_id) != now:
            todo.append(ToRead(photo_id, path, now))
    return todo


def read(path: str) -> tuple[list[str], str]:
    """The photo's keywords (sidecars first, then inside the file) and the first problem met
    ("" when none): an unreadable sidecar does not stop the others being read."""
    found: dict[str, None] = {}
    problem = ""
    for sidecar in sidecars(path):
        try:
            with open(sidecar, "rb") as fh:
                found.update(dict.fromkeys(keywords.read(fh.read())))
        except (OSError, keywords.XmpError) as exc:
            problem = problem or f"{os.path.basename(sidecar)}: {exc}"
    try:
        found.update(dict.fromkeys(keywords.embedded(path)))
    except Exception as exc:  # noqa: BLE001 - Pillow raises many kinds for a damaged header
        problem = problem or f"{os.path.basename(path)}: {type(exc).__name__}: {exc}"
    return list(found), problem


def add(session: Session, photo_id: int, words: list[str], version: str) -> int:
    """Give the photo the keywords it lacks as tags (not those staff removed); returns how many."""
    have = {tag_key(n) for n in session.scalars(select(Tag.name).where(Tag.photo_id == photo_id, Tag.kind == CUSTOM))}
    rejected = set(session.scalars(select(Rejection.key).where(Rejection.photo_id == photo_id,
                                                                Rejection.kind == CUSTOM)))
    added = 0
    for word in words:
        try:
            name = clean_name(word)
        except TagError:
            continue  # a keyword fashiondesk cannot hold as a tag (';' in it, too long)
        key = tag_key(name)
        if key not in have and key not in rejected:
            session.add(Tag(photo_id=photo_id, kind=CUSTOM, name=name, source=FILE))
            have.add(key)
            added += 1
    session.merge(TagRun(photo_id=photo_id, kind=RUN, version=version))
    return added
