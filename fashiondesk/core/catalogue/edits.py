"""Staff's corrections to tags: accept, reject, change the category, add and remove tags.

An accepted automatic tag becomes a manual one (it keeps its confidence and colour value
for the record), so indexing never overwrites it again. A photo has one category: setting
it replaces whatever category tag was there, and a manual category keeps later automatic
ones out (see ``writer._replace_auto_tags``). ``snapshot`` and ``restore`` give the
window its Undo.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from typing import Mapping, Sequence

from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session

from fashiondesk.core.catalogue.db import Catalogue
from fashiondesk.core.catalogue.models import AUTO, CATEGORY, CUSTOM, MANUAL, Meta, Photo, Rejection, Tag
from fashiondesk.core.messages import translate
from fashiondesk.core.records import FILE


def hold_write_lock(session: Session) -> None:
    """Start the session's transaction with a write, so SQLite takes its write lock now and
    everything read after it stays as read until the commit: another window (another
    process) cannot slip an edit in between what an edit reads and what it writes."""
    session.execute(update(Meta).where(Meta.key == "", Meta.key != "").values(value=Meta.value))


class TagError(ValueError):
    """A tag edit that cannot be made; the message says why."""


MAX_TAG_LENGTH = 100
# bidi embeddings/overrides/isolates and marks: they can make a tag display as something else
_BIDI_CONTROLS = dict.fromkeys(map(ord, "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c"))


def _tidy(name: str) -> str:
    name = name.translate(_BIDI_CONTROLS)
    name = "".join(" " if unicodedata.category(c) == "Cc" else c for c in name)
    return unicodedata.normalize("NFC", " ".join(name.split()))


def tag_key(name: str) -> str:
    """What makes two tag names the same tag: tidied as ``clean_name`` does, then case-folded
    ("Été", "été" and "ÉTÉ " are one tag). Every comparison of tag names uses this."""
    return _tidy(name).casefold()


def clean_name(name: str) -> str:
    """The name as stored: NFC, bidi controls removed, control characters (tab, CR, LF, ...)
    and runs of white space made one space, no space at either end. Refuses an empty name,
    one containing ';' (it separates tags in the CSV export) and one over 100 characters."""
    cleaned = _tidy(name)
    if not cleaned:
        raise TagError(translate("Tags", "a tag cannot be empty"))
    if ";" in cleaned:
        raise TagError(translate("Tags", "a tag cannot contain ';' (it separates tags in the CSV export): {name}. Use ',' or '/' instead, or "
            "add two tags").format(name=repr(cleaned)))
    if len(cleaned) > MAX_TAG_LENGTH:
        raise TagError(translate("Tags", "a tag can be at most {most} characters long; this one has {n}").format(most=MAX_TAG_LENGTH, n=len(cleaned)))
    return cleaned


def _as_shown(tag: Tag | None, shown: tuple[str, str] | None) -> None:
    """Refuse an edit of a tag that is no longer what staff saw (learning rewrote it meanwhile,
    say): ``shown`` is the (name, source) the window showed."""
    if tag is not None and shown is not None and (tag.name, tag.source) != tuple(shown):
        raise TagError(translate("Tags", "this tag changed meanwhile (it is now {name}); nothing was done, look again").format(name=repr(tag.name)))


def accept_tag(catalogue: Catalogue, tag_id: int, shown: tuple[str, str] | None = None) -> None:
    with catalogue.write_turn, catalogue.sessions() as session, session.begin():
        hold_write_lock(session)
        tag = session.get(Tag, tag_id)
        _as_shown(tag, shown)
        if tag is not None:
            tag.source = MANUAL


def remove_tag(catalogue: Catalogue, tag_id: int, shown: tuple[str, str] | None = None) -> None:
    """Reject an automatic tag (remembered: no re-tag writes it again) or remove a staff one
    (one read from the photo's keywords is remembered too, so the next read skips it)."""
    with catalogue.write_turn, catalogue.sessions() as session, session.begin():
        hold_write_lock(session)
        tag = session.get(Tag, tag_id)
        _as_shown(tag, shown)
        if tag is None:
            return
        if tag.source in (AUTO, FILE):  # kept from coming back with the next re-tag or keyword read
            session.merge(Rejection(photo_id=tag.photo_id, kind=tag.kind, key=tag_key(tag.name)))
        session.delete(tag)


def set_category(catalogue: Catalogue, photo_id: int, name: str) -> None:
    name = clean_name(name)
    with catalogue.write_turn, catalogue.sessions() as session, session.begin():
        hold_write_lock(session)
        if session.get(Photo, photo_id) is None:
            raise TagError(translate("Tags", "that photo is no longer in the catalogue"))
        put_category(session, photo_id, category_spelling(session, name))


def category_spelling(session: Session, name: str) -> str:
    """The spelling the catalogue already has for a category named so in another case
    ("Blazer" typed where there are blazers): one category, not two in the sidebar and the
    export. A new name is its own."""
    key = tag_key(name)
    known = session.scalars(select(Tag.name).where(Tag.kind == CATEGORY).distinct())
    return next((spelt for spelt in known if tag_key(spelt) == key), name)


def put_category(session: Session, photo_id: int, name: str) -> bool:
    """Make ``name`` (already clean) the photo's staff category; False if it already was."""
    current = list(session.scalars(select(Tag).where(Tag.photo_id == photo_id, Tag.kind == CATEGORY)))
    same = [t for t in current if tag_key(t.name) == tag_key(name)]
    if len(current) == 1 and same and same[0].source == MANUAL and same[0].name == name:
        return False
    for tag in current:
        if tag not in same[:1]:
            session.delete(tag)
    session.flush()
    if same:
        same[0].source, same[0].name = MANUAL, name
    else:
        session.add(Tag(photo_id=photo_id, kind=CATEGORY, name=name, source=MANUAL))
    return True


def _categories_as_shown(session: Session, shown: Mapping[int, tuple[str, str]]) -> list[Tag]:
    """The category tags of the photos in ``shown`` ({photo id: (name, source) as the window
    showed it}); refuses the lot if any differs now (nothing is half-done)."""
    tags = {t.photo_id: t for t in session.scalars(
        select(Tag).where(Tag.photo_id.in_(list(shown)), Tag.kind == CATEGORY))}
    changed = [pid for pid, seen in shown.items()
               if pid not in tags or (tags[pid].name, tags[pid].source) != tuple(seen)]
    if changed:
        raise TagError(translate("Tags", "this photo's category changed meanwhile; nothing was done, look again")
                       if len(shown) == 1 else
                       translate("Tags", "the category of {n} of these photos changed meanwhile; nothing was done, "
                                         "look again").format(n=len(changed)))
    return [tags[pid] for pid in shown]


def accept_categories(catalogue: Catalogue, shown: Mapping[int, tuple[str, str]]) -> int:
    """Confirm the automatic categories of several photos at once; returns how many changed
    (a category staff set already stays as it is)."""
    with catalogue.write_turn, catalogue.sessions() as session, session.begin():
        hold_write_lock(session)
        tags = [t for t in _categories_as_shown(session, shown) if t.source == AUTO]
        for tag in tags:
            tag.source = MANUAL
        return len(tags)


def reject_categories(catalogue: Catalogue, shown: Mapping[int, tuple[str, str]]) -> int:
    """Reject the automatic categories of several photos at once (remembered, as
    ``remove_tag``); a category staff set is left alone. Returns how many were rejected."""
    with catalogue.write_turn, catalogue.sessions() as session, session.begin():
        hold_write_lock(session)
        tags = [t for t in _categories_as_shown(session, shown) if t.source == AUTO]
        for tag in tags:
            session.merge(Rejection(photo_id=tag.photo_id, kind=CATEGORY, key=tag_key(tag.name)))
            session.delete(tag)
        return len(tags)


def set_categories(catalogue: Catalogue, photo_ids: Sequence[int], name: str) -> int:
    """Make ``name`` the staff category of every photo in ``photo_ids``; returns how many
    changed. Refuses the lot if a photo has left the catalogue."""
    name = clean_name(name)
    with catalogue.write_turn, catalogue.sessions() as session, session.begin():
        hold_write_lock(session)
        found = set(session.scalars(select(Photo.id).where(Photo.id.in_(list(photo_ids)))))
        if len(found) < len(set(photo_ids)):
            raise TagError("a photo is no longer in the catalogue; nothing was done, look again")
        name = category_spelling(session, name)
        return sum(put_category(session, photo_id, name) for photo_id in photo_ids)


def add_custom_tag(catalogue: Catalogue, photo_ids: list[int], name: str) -> int:
    """Add staff's tag to the photos that have no tag of that name; returns how many got it."""
    name = clean_name(name)
    added = 0
    with catalogue.write_turn, catalogue.sessions() as session, session.begin():
        hold_write_lock(session)
        for photo_id in photo_ids:
            names = session.scalars(select(Tag.name).where(Tag.photo_id == photo_id, Tag.kind == CUSTOM))
            if tag_key(name) not in {tag_key(n) for n in names} and session.get(Photo, photo_id) is not None:
                session.add(Tag(photo_id=photo_id, kind=CUSTOM, name=name, source=MANUAL))
                added += 1
    return added


@dataclass(frozen=True)
class TagSnapshot:
    """The tags of some photos as they were before an edit, to put back on undo."""

    description: str
    photo_ids: tuple[int, ...]
    rows: tuple[tuple, ...]  # (photo_id, kind, name, source, confidence, value, created_at, source_version)
    rejected: tuple[tuple[int, str, str], ...] = ()  # (photo_id, kind, key)


def snapshot(catalogue: Catalogue, photo_ids: list[int], description: str) -> TagSnapshot:
    with catalogue.sessions() as session:
        rows = session.execute(
            select(Tag.photo_id, Tag.kind, Tag.name, Tag.source, Tag.confidence, Tag.value, Tag.created_at,
                   Tag.source_version).where(
                Tag.photo_id.in_(photo_ids)
            )
        ).all()
        rejected = session.execute(
            select(Rejection.photo_id, Rejection.kind, Rejection.key).where(Rejection.photo_id.in_(photo_ids))
        ).all()
    return TagSnapshot(description, tuple(photo_ids), tuple(tuple(r) for r in rows),
                       tuple((int(p), str(k), str(key)) for p, k, key in rejected))


def restore(catalogue: Catalogue, snap: TagSnapshot) -> None:
    """Give the photos exactly the tags they had when the snapshot was taken."""
    with catalogue.write_turn, catalogue.sessions() as session, session.begin():
        hold_write_lock(session)
        existing = set(session.scalars(select(Photo.id).where(Photo.id.in_(snap.photo_ids))))
        session.execute(delete(Tag).where(Tag.photo_id.in_(snap.photo_ids)))
        session.execute(delete(Rejection).where(Rejection.photo_id.in_(snap.photo_ids)))
        session.add_all(Rejection(photo_id=p, kind=k, key=key) for p, k, key in snap.rejected if p in existing)
        for photo_id, kind, name, source, confidence, value, created_at, source_version in snap.rows:
            if photo_id in existing:
                session.add(Tag(photo_id=photo_id, kind=kind, name=name, source=source,
                                confidence=confidence, value=value, created_at=created_at,
                                source_version=source_version))
