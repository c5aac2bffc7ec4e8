"""Staff's corrections to tags: accept, reject, change the category, add and remove tags.

An accepted automatic tag becomes a manual one (it keeps its confidence and colour value
for the record), so indexing never overwrites it again. A photo has one category: setting
it replaces whatever category tag was there, and a manual category keeps later automatic
ones out (see ``writer._replace_auto_tags``).
"""

from __future__ import annotations

from sqlalchemy import delete, func, select

from fashiondesk.core.catalogue.db import Catalogue
from fashiondesk.core.catalogue.models import CATEGORY, CUSTOM, MANUAL, Photo, Tag


class TagError(ValueError):
    """A tag edit that cannot be made; the message says why."""


def clean_name(name: str) -> str:
    cleaned = " ".join(name.split())
    if not cleaned:
        raise TagError("a tag cannot be empty")
    return cleaned


def accept_tag(catalogue: Catalogue, tag_id: int) -> None:
    with catalogue.sessions() as session, session.begin():
        tag = session.get(Tag, tag_id)
        if tag is not None:
            tag.source = MANUAL


def remove_tag(catalogue: Catalogue, tag_id: int) -> None:
    """Reject an automatic tag or remove a manual one."""
    with catalogue.sessions() as session, session.begin():
        session.execute(delete(Tag).where(Tag.id == tag_id))


def set_category(catalogue: Catalogue, photo_id: int, name: str) -> None:
    name = clean_name(name)
    with catalogue.sessions() as session, session.begin():
        if session.get(Photo, photo_id) is None:
            raise TagError("that photo is no longer in the catalogue")
        current = list(session.scalars(select(Tag).where(Tag.photo_id == photo_id, Tag.kind == CATEGORY)))
        same = [t for t in current if t.name.casefold() == name.casefold()]
        for tag in current:
            if tag not in same[:1]:
                session.delete(tag)
        session.flush()
        if same:
            same[0].source, same[0].name = MANUAL, name
        else:
            session.add(Tag(photo_id=photo_id, kind=CATEGORY, name=name, source=MANUAL))


def add_custom_tag(catalogue: Catalogue, photo_ids: list[int], name: str) -> None:
    name = clean_name(name)
    with catalogue.sessions() as session, session.begin():
        for photo_id in photo_ids:
            exists = session.scalar(
                select(Tag.id).where(
                    Tag.photo_id == photo_id, Tag.kind == CUSTOM, func.lower(Tag.name) == name.casefold()
                )
            )
            if exists is None and session.get(Photo, photo_id) is not None:
                session.add(Tag(photo_id=photo_id, kind=CUSTOM, name=name, source=MANUAL))
