"""Products and spreadsheets: group photos into a product, import a shop's spreadsheet."""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Sequence

from sqlalchemy import select

from fashiondesk.core.catalogue import products as catalogue_products
from fashiondesk.core.catalogue.db import Catalogue
from fashiondesk.core.catalogue.edits import hold_write_lock
from fashiondesk.core.catalogue.models import Photo, Product
from fashiondesk.core.export.csv_export import PRODUCT_COLUMNS, columns, kinds
from fashiondesk.core.export.importer import MAX_LISTED, ImportResult, apply
from fashiondesk.core.export.sheet import SheetError, read_sheet
from fashiondesk.core.messages import Message, joined, translate
from fashiondesk.core.services.errors import UserError
from fashiondesk.core.services.paths import photos_by_path


READ_BACK = {"path", "category", "category_set_by", "tags", *PRODUCT_COLUMNS}


@dataclass(frozen=True)
class ProductInfo:
    id: int
    handle: str
    title: str | None
    price: str | None
    sizes: tuple[str, ...]
    stock: int | None
    extra: tuple[tuple[str, str], ...]
    photo_ids: tuple[int, ...]  # in the product's order


def _info(session, product: Product) -> ProductInfo:
    ids = tuple(session.scalars(select(Photo.id).where(Photo.product_id == product.id)
                                .order_by(Photo.product_position, Photo.path)))
    return ProductInfo(product.id, product.handle, product.title, product.price,
                       tuple(s for s in (product.sizes or "").split(";") if s), product.stock,
                       tuple(sorted(catalogue_products.extra_fields(product).items())), ids)


def photo_ids_at(catalogue: Catalogue, paths: Sequence[str]) -> list[int]:
    """The catalogued photos at these paths, in order; UserError names one that is not."""
    with catalogue.sessions() as session:
        return [photo.id for photo in photos_by_path(session, paths)]


def product_of(catalogue: Catalogue, photo_id: int) -> ProductInfo | None:
    with catalogue.sessions() as session:
        photo = session.get(Photo, photo_id)
        if photo is None or photo.product_id is None:
            return None
        product = session.get(Product, photo.product_id)
        return _info(session, product) if product is not None else None


def group_photos(catalogue: Catalogue, photo_ids: Sequence[int], handle: str | None = None) -> ProductInfo:
    """One product of the photos (see ``catalogue.products.group``)."""
    handle = " ".join(handle.split()) if handle else None
    if len(set(photo_ids)) < 1:
        raise UserError(translate("Products", "choose the photos to group first"))
    with catalogue.write_turn, catalogue.sessions() as session, session.begin():
        hold_write_lock(session)
        try:
            product = catalogue_products.group(session, photo_ids, handle)
        except ValueError as exc:
            raise UserError(translate("Products", "those photos are no longer in the catalogue")) from exc
        return _info(session, product)


def ungroup_photos(catalogue: Catalogue, photo_ids: Sequence[int]) -> int:
    with catalogue.write_turn, catalogue.sessions() as session, session.begin():
        hold_write_lock(session)
        return catalogue_products.ungroup(session, photo_ids)


def import_sheet(catalogue: Catalogue, path: str | os.PathLike, check: bool = False,
                 encoding: str | None = None) -> ImportResult:
    """Apply a spreadsheet (see ``export/importer.py``) in one transaction; with ``check``,
    only say what would change. Any error refuses the whole file: UserError lists the
    first 20 rows at fault."""
    path = os.fspath(path)
    try:
        with open(path, "rb") as fh:
            data = fh.read()
    except OSError as exc:
        raise UserError(translate("Import", "cannot read {path}: {why}").format(path=path, why=exc.strerror or exc)) from exc
    try:
        sheet = read_sheet(data, encoding)
    except SheetError as exc:
        raise UserError(translate("Import", "{path}: {why}").format(path=path, why=exc.args[0])) from exc
    folder = os.path.dirname(os.path.abspath(path))
    with catalogue.write_turn, catalogue.sessions() as session:
        hold_write_lock(session)
        try:
            # The export's columns that are worked out (a kind of tag no longer declared, say)
            # are not read back as product fields.
            exported = set(columns(kinds(session))) - READ_BACK
            result = apply(session, sheet, folder, exported)
            if result.errors:
                session.rollback()
                more = len(result.errors) - MAX_LISTED
                head = translate("Import", "{path}: nothing was imported; 1 problem to fix first:").format(path=path) \
                    if len(result.errors) == 1 else translate("Import", "{path}: nothing was imported; {n} problems to fix first:").format(path=path, n=len(result.errors))
                lines = [head, *("  " + e if not isinstance(e, Message) else
                                 Message("", "  {line}", {"line": e}) for e in result.errors[:MAX_LISTED])]
                if more > 0:
                    lines.append(translate("Import", "  ... and {n} more").format(n=more))
                raise UserError(joined("\n", lines))
            if check:
                session.rollback()
            else:
                session.commit()
        except BaseException:
            session.rollback()
            raise
    return result
