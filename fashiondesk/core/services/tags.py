"""Staff's tags: added, removed and corrected, from the command line and the window alike."""

from __future__ import annotations

from typing import Sequence

from fashiondesk.core.catalogue.db import Catalogue
from fashiondesk.core.catalogue.edits import TagError, clean_name
from fashiondesk.core.catalogue.models import CUSTOM, MANUAL, Tag
from fashiondesk.core.services.errors import UserError
from fashiondesk.core.services.paths import photos_by_path


def clean_tag(name: str) -> str:
    try:
        return clean_name(name)
    except TagError as exc:
        raise UserError(str(exc)) from exc


def tag(catalogue: Catalogue, paths: Sequence[str], add: Sequence[str] = (), remove: Sequence[str] = ()) -> int:
    """Add or remove custom tags on catalogued photos; returns how many photos changed."""
    add = [clean_tag(t) for t in add]
    # Removal matches names as stored, so a tag written before today's naming rules can go.
    remove = [" ".join(t.split()) for t in remove if t.strip()]
    with catalogue.sessions() as session, session.begin():
        photos = photos_by_path(session, paths)
        for photo in photos:
            current = {t.name.casefold(): t for t in photo.tags if t.kind == CUSTOM}
            for name in add:
                if name.casefold() not in current:
                    tag = Tag(photo_id=photo.id, kind=CUSTOM, name=name, source=MANUAL)
                    session.add(tag)
                    current[name.casefold()] = tag
            for name in remove:
                existing = current.pop(name.casefold(), None)
                if existing is not None:
                    session.delete(existing)
    return len(photos)
