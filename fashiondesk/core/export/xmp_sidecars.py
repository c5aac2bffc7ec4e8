"""fashiondesk's tags as XMP sidecars (``photo.jpg.xmp``) that photo tools read.

Each photo's category (staff's, or an automatic one that needs no review, under the name
a shop uses), its colours and staff's own tags go into the sidecar's keywords
(``core/keywords.py``: flat, hierarchical under ``fashiondesk|``, and digiKam's list). An
existing sidecar is merged: other tools' keywords and fields are kept. The photo itself
is never touched. A sidecar is written whole beside itself, then renamed over the old
one, and only when its content changes.
"""

from __future__ import annotations

from collections import defaultdict

from sqlalchemy import select
from sqlalchemy.orm import Session

from fashiondesk.core import keywords
from fashiondesk.core.files import write_whole
from fashiondesk.core.catalogue.models import CATEGORY, COLOUR, CUSTOM, MANUAL, OK, Photo, Tag
from fashiondesk.core.tagsources import source


def photo_keywords(session: Session, unsure_below: float,
                   photo_ids: set[int] | None = None) -> dict[int, tuple[str, list[tuple[str, str]]]]:
    """{photo id: (path, [(group, keyword)])} for the photos there (all, or ``photo_ids``)."""
    query = select(Photo.id, Photo.path).where(Photo.status == OK)
    photos = {pid: path for pid, path in session.execute(query) if photo_ids is None or pid in photo_ids}
    tags: dict[int, list[Tag]] = defaultdict(list)
    for tag in session.scalars(select(Tag).where(Tag.kind.in_([CATEGORY, COLOUR, CUSTOM]))):
        if tag.photo_id in photos:
            tags[tag.photo_id].append(tag)
    category = source(CATEGORY)
    result = {}
    for pid, path in photos.items():
        words: list[tuple[str, str]] = []
        own = tags.get(pid, [])
        chosen = [t for t in own if t.kind == CATEGORY and (t.source == MANUAL or (t.confidence or 0.0) >= unsure_below)]
        if chosen:
            best = max(chosen, key=lambda t: (t.source == MANUAL, t.confidence or 0.0))
            words.append(("category", category.display(best.name) if category else best.name))
        colours = sorted((t for t in own if t.kind == COLOUR), key=lambda t: (t.source != MANUAL, -(t.confidence or 0.0)))
        words += [("colour", t.name) for t in colours]
        words += sorted(("tag", t.name) for t in own if t.kind == CUSTOM and t.source == MANUAL)
        result[pid] = (path, words)
    return result


def sidecar_path(photo: str) -> str:
    return photo + ".xmp"


def write_sidecar(photo: str, words: list[tuple[str, str]]) -> bool:
    """Merge the keywords into the photo's sidecar; False when it already said so.
    Raises OSError or keywords.XmpError (a sidecar that is not XMP is left as it is)."""
    path = sidecar_path(photo)
    try:
        with open(path, "rb") as fh:
            existing: bytes | None = fh.read()
    except FileNotFoundError:
        existing = None
    merged = keywords.merge(existing, words)
    if existing is not None and merged == existing:
        return False
    write_whole(path, merged, path + ".part")
    return True
