"""Category decisions on several photos at once: all or nothing, only what staff saw."""

from __future__ import annotations

from datetime import datetime

import pytest
from sqlalchemy import insert, select

from fashiondesk.core import services
from fashiondesk.core.catalogue.models import AUTO, CATEGORY, MANUAL, OK, Folder, Photo, Rejection, Tag


def _photos(catalogue, categories: list[tuple[str, str] | None]) -> list[int]:
    """One photo per entry, with that (name, source) as its category, or none."""
    now = datetime(2026, 11, 28)
    with catalogue.sessions() as session, session.begin():
        fid = session.execute(insert(Folder).values(path="/shop", added_at=now).returning(Folder.id)).scalar_one()
        ids = []
        for i, category in enumerate(categories):
            pid = session.execute(insert(Photo).values(
                folder_id=fid, path=f"/shop/p{i}.jpg", content_hash=f"{i:032x}", size=1, mtime=1.0,
                status=OK, indexed_at=now).returning(Photo.id)).scalar_one()
            ids.append(pid)
            if category is not None:
                session.add(Tag(photo_id=pid, kind=CATEGORY, name=category[0], source=category[1],
                                confidence=0.5 if category[1] == AUTO else None))
    return ids


def _categories(catalogue) -> dict[int, tuple[str, str]]:
    with catalogue.sessions() as session:
        rows = session.execute(select(Tag.photo_id, Tag.name, Tag.source).where(Tag.kind == CATEGORY))
        return {pid: (name, source) for pid, name, source in rows}


def test_accepting_several_confirms_the_automatic_ones_only(catalogue):
    a, b, c = _photos(catalogue, [("dress", AUTO), ("skirt", MANUAL), ("hat", AUTO)])
    shown = {a: ("dress", AUTO), b: ("skirt", MANUAL), c: ("hat", AUTO)}
    assert services.accept_categories(catalogue, shown) == 2
    assert _categories(catalogue) == {a: ("dress", MANUAL), b: ("skirt", MANUAL), c: ("hat", MANUAL)}


def test_a_category_changed_meanwhile_refuses_the_lot(catalogue):
    a, b = _photos(catalogue, [("dress", AUTO), ("hat", AUTO)])
    before = _categories(catalogue)
    with pytest.raises(services.TagError, match="1 of these photos"):
        services.accept_categories(catalogue, {a: ("dress", AUTO), b: ("shoes", AUTO)})
    with pytest.raises(services.TagError):
        services.reject_categories(catalogue, {a: ("dress", AUTO), b: ("hat", MANUAL)})
    assert _categories(catalogue) == before


def test_a_photo_without_category_is_not_as_shown(catalogue):
    (a,) = _photos(catalogue, [None])
    with pytest.raises(services.TagError):
        services.accept_categories(catalogue, {a: ("dress", AUTO)})


def test_rejecting_several_is_remembered_and_leaves_staff_categories(catalogue):
    a, b = _photos(catalogue, [("dress", AUTO), ("skirt", MANUAL)])
    assert services.reject_categories(catalogue, {a: ("dress", AUTO), b: ("skirt", MANUAL)}) == 1
    assert _categories(catalogue) == {b: ("skirt", MANUAL)}
    with catalogue.sessions() as session:
        assert list(session.execute(select(Rejection.photo_id, Rejection.key))) == [(a, "dress")]


def test_setting_several_replaces_every_category_and_undo_puts_them_back(catalogue):
    a, b, c = _photos(catalogue, [("dress", AUTO), ("skirt", MANUAL), None])
    before = _categories(catalogue)
    snap = services.snapshot(catalogue, [a, b, c], "3 photos: → Blazer")
    assert services.set_categories(catalogue, [a, b, c], " Blazer ") == 3
    assert _categories(catalogue) == {a: ("Blazer", MANUAL), b: ("Blazer", MANUAL), c: ("Blazer", MANUAL)}
    assert services.set_categories(catalogue, [a, b], "Blazer") == 0
    services.put_back(catalogue, snap)
    assert _categories(catalogue) == before


def test_setting_several_refuses_a_photo_that_left(catalogue):
    (a,) = _photos(catalogue, [("dress", AUTO)])
    with pytest.raises(services.TagError):
        services.set_categories(catalogue, [a, a + 100], "hat")
    with pytest.raises(services.TagError):
        services.set_categories(catalogue, [a], "a;b")
    assert _categories(catalogue) == {a: ("dress", AUTO)}


def test_shipped_category_names_are_shown_as_a_shop_says_them():
    from fashiondesk.core.records import CATEGORY
    from fashiondesk.core.tagsources import source

    categories = source(CATEGORY)
    assert categories.display("outwear") == "outerwear" and categories.display("longsleeve") == "long-sleeve top"
    assert categories.display("dress") == "dress" and categories.display("blazer") == "blazer"
    assert categories.stored("Outerwear ") == "outwear" and categories.stored("T-SHIRT") == "t-shirt"
    assert categories.stored("blazer") == "blazer"
