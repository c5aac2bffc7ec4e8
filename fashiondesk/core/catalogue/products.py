"""Products: several photos of one thing the shop sells, under its SKU or handle.

A photo belongs to at most one product, at a position (1 = the photo shown first). A photo
in no product is a product of its own wherever products are listed (``product_key``).
A product keeps its fields when its photos leave it: grouping photos under the same
handle again finds it, with its price and sizes.
"""

from __future__ import annotations

import json
import os
import re
import unicodedata
from typing import Sequence

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from fashiondesk.core.catalogue.models import Photo, Product

FIELDS = ("title", "price", "sizes", "stock")


def product_key(photo_id: int, product_id: int | None) -> str:
    """What makes two photos one product in a list: their product, else the photo itself."""
    return f"product:{product_id}" if product_id is not None else f"photo:{photo_id}"


def slug(text: str) -> str:
    """A handle made of a name: lower case, letters and digits (any script) joined by '-'.
    Accents are dropped ("Robe d'été" -> "robe-d-ete"); "" becomes "product"."""
    plain = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    words = re.findall(r"[^\W_]+", plain.casefold())
    return "-".join(words) or "product"


def free_handle(session: Session, wanted: str, taken: set[str] | None = None) -> str:
    """``wanted``, or ``wanted-2``, ``wanted-3``... whichever no product holds yet."""
    taken = taken if taken is not None else set()
    existing = set(session.scalars(select(Product.handle).where(Product.handle.like(f"{wanted}%"))))
    handle, n = wanted, 1
    while handle in existing or handle in taken:
        n += 1
        handle = f"{wanted}-{n}"
    return handle


def handle_for(session: Session, photo: Photo) -> str:
    return free_handle(session, slug(os.path.splitext(os.path.basename(photo.path))[0]))


def product_by_handle(session: Session, handle: str) -> Product | None:
    return session.scalar(select(Product).where(Product.handle == handle))


def group(session: Session, photo_ids: Sequence[int], handle: str | None = None) -> Product:
    """Put the photos in one product, in the order given after those already in it.

    With ``handle``: that product (made if new). Without: the product the first of the
    photos already belongs to, else a new one named after the first photo's file.
    """
    photos = {p.id: p for p in session.scalars(select(Photo).where(Photo.id.in_(list(photo_ids))))}
    ordered = [photos[i] for i in dict.fromkeys(photo_ids) if i in photos]
    if not ordered:
        raise ValueError("no photo to group")
    product = product_by_handle(session, handle) if handle else None
    if product is None and handle:
        product = Product(handle=handle)
        session.add(product)
        session.flush()
    if product is None:
        current = next((p.product_id for p in ordered if p.product_id is not None), None)
        product = session.get(Product, current) if current is not None else None
    if product is None:
        product = Product(handle=handle_for(session, ordered[0]))
        session.add(product)
        session.flush()
    left = {p.product_id for p in ordered if p.product_id not in (None, product.id)}
    members = list(session.scalars(select(Photo).where(Photo.product_id == product.id)
                                   .order_by(Photo.product_position, Photo.path)))
    moving = [p for p in ordered if p.product_id != product.id]
    for position, photo in enumerate(members + moving, start=1):
        photo.product_id, photo.product_position = product.id, position
    session.flush()
    for old in left:
        _renumber(session, old)
    return product


def ungroup(session: Session, photo_ids: Sequence[int]) -> int:
    """Take the photos out of their products; returns how many were in one."""
    products = set(session.scalars(select(Photo.product_id).where(
        Photo.id.in_(list(photo_ids)), Photo.product_id.is_not(None))))
    grouped = list(session.scalars(select(Photo).where(Photo.id.in_(list(photo_ids)), Photo.product_id.is_not(None))))
    for photo in grouped:
        photo.product_id, photo.product_position = None, None
    session.flush()
    for product_id in products:
        _renumber(session, product_id)
    return len(grouped)


def _renumber(session: Session, product_id: int | None) -> None:
    if product_id is None:
        return
    members = session.scalars(select(Photo).where(Photo.product_id == product_id)
                              .order_by(Photo.product_position, Photo.path))
    for position, photo in enumerate(members, start=1):
        photo.product_position = position


def extra_fields(product: Product) -> dict[str, str]:
    return json.loads(product.extra) if product.extra else {}


def set_extra(product: Product, fields: dict[str, str]) -> None:
    merged = {**extra_fields(product), **fields}
    product.extra = json.dumps(merged, ensure_ascii=False, sort_keys=True) if merged else None


def photo_count(session: Session, product_id: int) -> int:
    return session.scalar(select(func.count()).select_from(Photo).where(Photo.product_id == product_id)) or 0
