"""What staff keep about outfits: the role they give their own categories, and saved looks."""

from __future__ import annotations

from collections import defaultdict
from typing import Sequence

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from fashiondesk.core.catalogue.models import Look, LookPhoto, Meta, Photo
from fashiondesk.core.looks.roles import ROLES

ROLE_KEY = "role:"  # Meta key prefix, then the category's case-folded name


def chosen_roles(session: Session) -> dict[str, str]:
    """{case-folded category name: role} as staff set them."""
    rows = session.execute(select(Meta.key, Meta.value).where(Meta.key.like(f"{ROLE_KEY}%")))
    return {key[len(ROLE_KEY):]: value for key, value in rows if value in ROLES}


def choose_role(session: Session, category: str, role: str | None) -> None:
    """Give a category a role (None: back to the shipped one or the guess from its name)."""
    key = ROLE_KEY + category.strip().casefold()
    session.execute(delete(Meta).where(Meta.key == key))
    if role is not None:
        if role not in ROLES:
            raise ValueError(f"{role!r} is not a role: choose one of {', '.join(ROLES)}")
        session.add(Meta(key=key, value=role))


def save_look(session: Session, photo_ids: Sequence[int], name: str) -> Look:
    ids = list(dict.fromkeys(photo_ids))
    found = set(session.scalars(select(Photo.id).where(Photo.id.in_(ids))))
    if len(found) < 2:
        raise ValueError("a look needs at least two photos that are in the catalogue")
    look = Look(name=name)
    session.add(look)
    session.flush()
    session.add_all(LookPhoto(look_id=look.id, photo_id=pid, position=n)
                    for n, pid in enumerate((i for i in ids if i in found), start=1))
    return look


def looks(session: Session) -> list[tuple[int, str, list[int]]]:
    """Every saved look: (id, name, photo ids in order), oldest first."""
    members: dict[int, list[int]] = defaultdict(list)
    for look_id, photo_id in session.execute(select(LookPhoto.look_id, LookPhoto.photo_id)
                                             .order_by(LookPhoto.look_id, LookPhoto.position)):
        members[look_id].append(photo_id)
    return [(look.id, look.name, members.get(look.id, [])) for look in session.scalars(select(Look).order_by(Look.id))]


def delete_look(session: Session, look_id: int) -> bool:
    return bool(session.execute(delete(Look).where(Look.id == look_id)).rowcount)  # type: ignore[attr-defined]
