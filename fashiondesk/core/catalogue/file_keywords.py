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

from sqlalchemy import delete, insert, select
from sqlalchemy.orm import Session

from fashiondesk.core import keywords
from fashiondesk.core.catalogue.edits import TagError, clean_name, tag_key
from fashiondesk.core.catalogue.models import CUSTOM, OK, Photo, Rejection, Tag, TagRun
from fashiondesk.core.records import FILE

RUN = "file"  # TagRun.kind


def sidecars(path: str, listing: dict[str, dict[str, os.stat_result]] | None = None) -> list[str]:
    """The photo's sidecars that exist, digiKam's name first. ``listing``: the folders'
    .xmp files already listed (one listing of a folder instead of two looks per photo)."""
    names = list(dict.fromkeys([path + ".xmp", os.path.splitext(path)[0] + ".xmp"]))
    if listing is None:
        return [n for n in names if os.path.isfile(n)]
    folder = os.path.dirname(path)
    if folder not in listing:
        listing[folder] = _xmp_files(folder)
    return [n for n in names if os.path.basename(n) in listing[folder]]


def _xmp_files(folder: str) -> dict[str, os.stat_result]:
    found = {}
    try:
        with os.scandir(folder) as entries:
            for entry in entries:
                if entry.name.lower().endswith(".xmp") and entry.is_file():
                    found[entry.name] = entry.stat()
    except OSError:
        pass
    return found


def signature(path: str, content_hash: str | None, listing: dict[str, dict[str, os.stat_result]] | None = None) -> str:
    """What the keywords were read from: the photo's bytes and each sidecar's size and time."""
    parts = [content_hash or "?"]
    for sidecar in sidecars(path, listing):
        st = listing[os.path.dirname(path)][os.path.basename(sidecar)] if listing is not None else os.stat(sidecar)
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
    listing: dict[str, dict[str, os.stat_result]] = {}
    for photo_id, path, content_hash in session.execute(query):
        try:
            now = signature(path, content_hash, listing)
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


def add(session: Session, found: list[tuple[int, list[str], str]]) -> int:
    """Give each photo the keywords it lacks as tags (not those staff removed), and note
    what was read: ``found`` holds (photo id, keywords, signature). Returns how many tags
    were added. A few statements for the lot, whatever its size (up to ~30,000 photos)."""
    ids = [photo_id for photo_id, _words, _version in found]
    have: dict[int, set[str]] = {i: set() for i in ids}
    for photo_id, name in session.execute(select(Tag.photo_id, Tag.name).where(Tag.kind == CUSTOM, Tag.photo_id.in_(ids))):
        have[photo_id].add(tag_key(name))
    for photo_id, key in session.execute(select(Rejection.photo_id, Rejection.key).where(
            Rejection.kind == CUSTOM, Rejection.photo_id.in_(ids))):
        have[photo_id].add(key)
    rows = []
    for photo_id, words, _version in found:
        for word in words:
            try:
                name = clean_name(word)
            except TagError:
                continue  # a keyword fashiondesk cannot hold as a tag (';' in it, too long)
            if tag_key(name) not in have[photo_id]:
                have[photo_id].add(tag_key(name))
                rows.append({"photo_id": photo_id, "kind": CUSTOM, "name": name, "source": FILE})
    if rows:
        session.execute(insert(Tag), rows)
    session.execute(delete(TagRun).where(TagRun.kind == RUN, TagRun.photo_id.in_(ids)))
    if found:
        session.execute(insert(TagRun), [{"photo_id": photo_id, "kind": RUN, "version": version}
                                         for photo_id, _words, version in found])
    return len(rows)
