"""The catalogue as a shop lists it: products, each with its photos in order.

A photo in no product is a product of its own, with a handle made of its file name.
Every product gets a URL handle (its handle made lower-case letters, digits and '-',
``slug``), unique among all the catalogue's products however the export is narrowed,
and the same from one export to the next while the catalogue's products stay the same:
products first, by handle, then photos alone, by path; a handle taken gets -2, -3... A product's category is the first staff category among its
photos (in order), else the surest automatic one that needs no review; an automatic
category still to review is left out, so a webshop never gets a guess. Its colours are
those of its first photo that has any (its front), its tags those of all its photos.
"""

from __future__ import annotations

import os
from collections import defaultdict
from dataclasses import dataclass, field
from urllib.parse import quote

from sqlalchemy import select
from sqlalchemy.orm import Session

from fashiondesk.core.catalogue.models import CATEGORY, COLOUR, CUSTOM, MANUAL, MISSING, Folder, Photo, Product
from fashiondesk.core.catalogue.products import extra_fields, slug
from fashiondesk.core.export.csv_export import tag_rows


@dataclass
class ShopPhoto:
    id: int
    path: str
    relative: str  # to its watched folder, '/'-separated


@dataclass
class ShopProduct:
    handle: str  # the shop's SKU or handle as staff wrote it (a photo alone: its URL handle)
    title: str | None
    price: str | None
    sizes: list[str]
    stock: int | None
    extra: dict[str, str]
    photos: list[ShopPhoto] = field(default_factory=list)
    category: str = ""
    colours: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    url_handle: str = ""


def image_url(photo: ShopPhoto, prefix: str) -> str:
    """Where the shop will host the photo: the prefix, then the photo's path inside its
    watched folder (a flat folder: its file name), each part URL-quoted."""
    quoted = quote(photo.relative, safe="/")
    if not prefix:
        return quoted
    return prefix + ("" if prefix.endswith("/") else "/") + quoted


def shop_products(session: Session, unsure_below: float, photo_ids: set[int] | None = None) -> list[ShopProduct]:
    """Every product that has a photo there (not missing); only those showing one of
    ``photo_ids`` when given. Sorted by handle."""
    folders = dict(session.execute(select(Folder.id, Folder.path)).all())
    query = select(Photo.id, Photo.path, Photo.folder_id, Photo.product_id).where(Photo.status != MISSING) \
        .order_by(Photo.product_position, Photo.path)
    photos_of: dict[int, list[ShopPhoto]] = defaultdict(list)
    alone: list[ShopPhoto] = []
    for photo_id, path, folder_id, product_id in session.execute(query):
        folder = folders.get(folder_id, os.path.dirname(path))
        relative = os.path.relpath(path, folder) if path.startswith(folder) else os.path.basename(path)
        shop_photo = ShopPhoto(photo_id, path, relative.replace(os.sep, "/"))
        if product_id is None:
            alone.append(shop_photo)
        else:
            photos_of[product_id].append(shop_photo)
    products: list[ShopProduct] = []
    for product in session.scalars(select(Product).where(Product.id.in_(list(photos_of))).order_by(Product.handle)):
        products.append(ShopProduct(product.handle, product.title, product.price,
                                    [s for s in (product.sizes or "").split(";") if s], product.stock,
                                    extra_fields(product), photos_of[product.id]))
    for photo in sorted(alone, key=lambda p: p.path):
        products.append(ShopProduct("", None, None, [], None, {}, [photo]))
    taken: set[str] = set()
    for shop_product in products:
        base = slug(shop_product.handle or os.path.splitext(os.path.basename(shop_product.photos[0].path))[0])
        handle, n = base, 1
        while handle in taken:
            n += 1
            handle = f"{base}-{n}"
        taken.add(handle)
        shop_product.url_handle = handle
        shop_product.handle = shop_product.handle or handle
    if photo_ids is not None:
        products = [p for p in products if any(photo.id in photo_ids for photo in p.photos)]
    _add_tags(session, products, unsure_below)
    products.sort(key=lambda p: p.handle)
    return products


def _add_tags(session: Session, products: list[ShopProduct], unsure_below: float) -> None:
    tags: dict[int, list] = defaultdict(list)
    for tag in tag_rows(session):
        tags[tag.photo_id].append(tag)
    for product in products:
        staff, sure = [], []
        for photo in product.photos:
            own = tags.get(photo.id, [])
            for tag in own:
                if tag.kind == CATEGORY:
                    if tag.source == MANUAL:
                        staff.append(tag.name)
                    elif (tag.confidence or 0.0) >= unsure_below:
                        sure.append((tag.confidence or 0.0, tag.name))
                elif tag.kind == CUSTOM and tag.name not in product.tags:
                    product.tags.append(tag.name)
            colours = [t for t in own if t.kind == COLOUR]
            if colours and not product.colours:
                product.colours = [t.name for t in sorted(colours, key=lambda t: (t.source != MANUAL, -(t.confidence or 0.0)))]
        product.category = staff[0] if staff else (max(sure)[1] if sure else "")
