"""Staff's tags: added, removed and corrected, from the command line and the window alike.

The window's edits (accept, reject, choose a category, add, undo) are the catalogue's
``edits`` functions, named here so that both front ends come through one door and compare
names with one rule (``tag_key``).
"""

from __future__ import annotations

from typing import Sequence

from fashiondesk.core.catalogue.db import Catalogue
from fashiondesk.core.catalogue.edits import (  # noqa: F401 - the window's edits
    TagError,
    TagSnapshot,
    accept_categories,
    category_spelling,
    accept_tag,
    add_custom_tag,
    clean_name,
    hold_write_lock,
    put_category,
    reject_categories,
    remove_tag,
    set_categories,
    set_category,
    snapshot,
    tag_key,
)
from fashiondesk.core.catalogue.edits import restore as put_back  # noqa: F401 - undo
from fashiondesk.core.catalogue.models import CUSTOM, MANUAL, Rejection, Tag
from fashiondesk.core.records import FILE
from fashiondesk.core.services.errors import UserError
from fashiondesk.core.services.paths import photos_by_path


def clean_tag(name: str) -> str:
    try:
        return clean_name(name)
    except TagError as exc:
        raise UserError(exc.args[0] if exc.args else str(exc)) from exc


def tag(
    catalogue: Catalogue, paths: Sequence[str], add: Sequence[str] = (), remove: Sequence[str] = (),
    category: str | None = None,
) -> int:
    """Add or remove custom tags on catalogued photos, and set their staff category (any name:
    a new one is allowed); returns how many photos changed.

    Names are compared with ``tag_key``, the window's rule too. Removal does not apply the
    naming rules, so a tag stored before them (with a ';', say) can still be removed.
    """
    add = [clean_tag(t) for t in add]
    remove_keys = {tag_key(t) for t in remove if t.strip()}
    category = clean_tag(category) if category is not None else None
    changed = 0
    with catalogue.write_turn, catalogue.sessions() as session, session.begin():
        hold_write_lock(session)
        category = category_spelling(session, category) if category is not None else None
        for photo in photos_by_path(session, paths):
            current = {tag_key(t.name): t for t in photo.tags if t.kind == CUSTOM}
            before = set(current)
            for name in add:
                if tag_key(name) not in current:
                    new = Tag(photo_id=photo.id, kind=CUSTOM, name=name, source=MANUAL)
                    session.add(new)
                    current[tag_key(name)] = new
            for key in remove_keys:
                existing = current.pop(key, None)
                if existing is not None:
                    if existing.source == FILE:  # not read back from the photo's keywords
                        session.merge(Rejection(photo_id=photo.id, kind=CUSTOM, key=key))
                    session.delete(existing)
            recategorised = category is not None and put_category(session, photo.id, category)
            changed += set(current) != before or recategorised
    return changed
