"""Product fields, categories and tags from a shop's spreadsheet: all or nothing.

Columns (names in any case; the words in brackets are read the same):

- ``path`` (file, filename, photo): the photo, absolute or relative to the CSV's folder.
  Required. A row naming a photo the catalogue does not hold refuses the whole import.
- ``product`` (sku, handle, url handle): the product the photo belongs to; rows with the
  same value are one product, its photos in the order of ``position`` (image position)
  where given, else of the rows. Empty: the photo stays in the product it is in.
- ``title``, ``price`` (regular price), ``size`` (sizes; ';'-separated), ``stock``
  (qty, quantity): the product's fields. A row with such a field and no product gives its
  photo a product of its own, named after the file.
- ``tags`` (keywords): staff tags, ';'-separated, added to those the photo has (an import
  never removes a tag).
- ``category``: the staff category, unless a ``category_set_by`` column says someone else
  chose it (so an export of fashiondesk's read back changes nothing).
- fashiondesk's own export columns that are worked out, not chosen (``category_confidence``,
  ``category_unsure``, ``colours``, ``status``, ``width``, ``height``) are not read.
- Any other column is kept with the product and exported back.

An empty cell leaves the field as it is. Rows of one product that disagree on a field,
a bad price or stock, a tag that breaks the naming rules, a photo named twice: each is
an error, and any error refuses the lot.
"""

from __future__ import annotations

import os
from collections import defaultdict
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from fashiondesk.core.catalogue.edits import TagError, category_spelling, clean_name, put_category, tag_key
from fashiondesk.core.catalogue.models import CATEGORY, CUSTOM, MANUAL, MISSING, Photo, Product, Tag
from fashiondesk.core.catalogue.products import extra_fields, free_handle, set_extra, slug
from fashiondesk.core.export.sheet import Sheet, parse_price, parse_stock, split_list, unguard
from fashiondesk.core.tagsources import source

ALIASES = {
    "path": ("path", "file", "filename", "file name", "photo"),
    "product": ("product", "sku", "handle", "url handle", "product handle"),
    "title": ("title", "product title", "product name"),
    "price": ("price", "regular price"),
    "size": ("size", "sizes"),
    "stock": ("stock", "qty", "quantity", "inventory quantity"),
    "tags": ("tags", "keywords"),
    "category": ("category",),
    "set_by": ("category_set_by",),
    "position": ("position", "image position"),
}
NOT_READ = ("category_confidence", "category_unsure", "colours", "status", "width", "height")
PRODUCT_FIELDS = ("title", "price", "size", "stock")
MAX_LISTED = 20


@dataclass
class ImportResult:
    rows: int = 0
    products_created: int = 0
    products_changed: int = 0
    photos_moved: int = 0  # photos that joined a product or changed place in one
    categories_set: int = 0
    tags_added: int = 0
    errors: list[str] = field(default_factory=list)  # "line N: why"
    extra_columns: list[str] = field(default_factory=list)
    encoding: str = ""
    delimiter: str = ""

    @property
    def changes(self) -> int:
        return self.products_created + self.products_changed + self.photos_moved + self.categories_set + self.tags_added


def roles(header: list[str]) -> tuple[dict[str, int], dict[str, int], list[str]]:
    """{role: column} for the columns fashiondesk reads, {name: column} for the others to
    keep, and the problems with the header."""
    known = {alias: role for role, aliases in ALIASES.items() for alias in aliases}
    found: dict[str, int] = {}
    extra: dict[str, int] = {}
    problems = []
    seen: dict[str, int] = {}
    for column, name in enumerate(header):
        key = " ".join(name.replace("_", " ").split()).casefold()
        if not key:
            continue
        if key in seen:
            problems.append(f"the header names {name!r} twice (columns {seen[key] + 1} and {column + 1})")
            continue
        seen[key] = column
        role = known.get(key) or known.get(name.strip().casefold())
        if role:
            found[role] = column
        elif name.strip().casefold() not in NOT_READ:
            extra[name.strip()] = column
    if "path" not in found:
        problems.append("there is no 'path' column: it names each row's photo (absolute, or relative to the CSV's folder)")
    return found, extra, problems


@dataclass
class _Target:
    """The product one or more rows describe."""

    lines: list[int] = field(default_factory=list)
    photo_ids: list[int] = field(default_factory=list)
    positions: list[int | None] = field(default_factory=list)
    values: dict[str, tuple[object, int]] = field(default_factory=dict)  # field -> (value, line)


def _photo_index(session: Session) -> dict[str, tuple[int, int | None]]:
    """{path: (photo id, product id)}; a photo there wins over one missing from that path."""
    index: dict[str, tuple[int, int | None]] = {}
    rows = session.execute(select(Photo.path, Photo.id, Photo.product_id, Photo.status)
                           .order_by(Photo.status != MISSING, Photo.id))
    for path, photo_id, product_id, _status in rows:
        index[path] = (photo_id, product_id)
    return index


def _find(index: dict[str, tuple[int, int | None]], cell: str, folder: str) -> tuple[int, int | None] | None:
    raw = os.path.expanduser(unguard(cell.strip()))
    path = os.path.normpath(raw if os.path.isabs(raw) else os.path.join(folder, raw))
    hit = index.get(path)
    if hit is None:
        real = os.path.join(os.path.realpath(os.path.dirname(path)), os.path.basename(path))
        hit = index.get(real)
    return hit


def apply(session: Session, sheet: Sheet, folder: str) -> ImportResult:
    """Read the sheet into the session (the caller commits, or rolls back for a dry run or
    when ``errors`` is not empty)."""
    result = ImportResult(rows=len(sheet.rows), encoding=sheet.encoding, delimiter=sheet.delimiter)
    columns, extra_columns, problems = roles(sheet.header)
    result.extra_columns = list(extra_columns)
    if problems:
        result.errors = problems
        return result
    errors = result.errors
    index = _photo_index(session)
    category_source = source(CATEGORY)
    by_handle: dict[str, _Target] = defaultdict(_Target)
    by_product: dict[int, _Target] = defaultdict(_Target)
    alone: dict[int, _Target] = {}
    photo_line: dict[int, int] = {}
    categories: dict[int, str] = {}
    new_tags: dict[int, list[str]] = defaultdict(list)
    set_by_column = columns.get("set_by")

    def cell(row: list[str], role: str) -> str:
        column = columns.get(role)
        return row[column].strip() if column is not None else ""

    for line, row in enumerate(sheet.rows, start=2):
        raw_path = cell(row, "path")
        if not raw_path:
            errors.append(f"line {line}: no path")
            continue
        hit = _find(index, raw_path, folder)
        if hit is None:
            errors.append(f"line {line}: not in the catalogue: {raw_path}")
            continue
        photo_id, product_id = hit
        if photo_id in photo_line:
            errors.append(f"line {line}: the same photo as line {photo_line[photo_id]}: {raw_path}")
            continue
        photo_line[photo_id] = line
        values: dict[str, object] = {}
        try:
            if cell(row, "title"):
                values["title"] = unguard(cell(row, "title"))
            if cell(row, "price"):
                values["price"] = parse_price(cell(row, "price"))
            if cell(row, "size"):
                values["size"] = ";".join(split_list(cell(row, "size")))
            if cell(row, "stock"):
                values["stock"] = parse_stock(cell(row, "stock"))
            position = parse_stock(cell(row, "position")) if cell(row, "position") else None
            for name, column in extra_columns.items():
                if row[column].strip():
                    values["extra:" + name] = unguard(row[column].strip())
            tags = [clean_name(t) for t in split_list(cell(row, "tags"))]
            chosen_by_staff = set_by_column is None or row[set_by_column].strip().casefold() in ("", "staff")
            if cell(row, "category") and chosen_by_staff:
                name = clean_name(unguard(cell(row, "category")))
                categories[photo_id] = category_source.stored(name) if category_source else name
        except (ValueError, TagError) as exc:
            errors.append(f"line {line}: {exc}")
            continue
        new_tags[photo_id] = tags
        handle = unguard(cell(row, "product"))
        if handle:
            target = by_handle[handle]
        elif product_id is not None:
            target = by_product[product_id]
        elif values:
            target = alone[photo_id] = _Target()
        else:
            continue
        target.lines.append(line)
        target.photo_ids.append(photo_id)
        target.positions.append(position)
        for name, value in values.items():
            before = target.values.get(name)
            if before is not None and before[0] != value:
                shown = name.removeprefix("extra:")
                errors.append(f"line {line}: {shown} {value!r} differs from {before[0]!r} on line {before[1]} "
                              "for the same product")
            else:
                target.values.setdefault(name, (value, line))
    if errors:
        return result

    products = {p.handle: p for p in session.scalars(select(Product))}
    taken = set(products)
    for handle, target in by_handle.items():
        product = products.get(handle)
        if product is None:
            product = products[handle] = Product(handle=handle)
            session.add(product)
            result.products_created += 1
        _fill(product, target, result, created=product.id is None)
    session.flush()
    for product_id, target in by_product.items():
        product = session.get(Product, product_id)
        if product is not None:
            _fill(product, target, result, created=False)
    photos = {p.id: p for p in session.scalars(select(Photo).where(Photo.id.in_(list(photo_line))))}
    for photo_id, target in alone.items():
        handle = free_handle(session, slug(os.path.splitext(os.path.basename(photos[photo_id].path))[0]), taken)
        taken.add(handle)
        product = Product(handle=handle)
        session.add(product)
        result.products_created += 1
        _fill(product, target, result, created=True)
        by_handle[handle] = target
        products[handle] = product
    session.flush()
    for handle, target in by_handle.items():
        order = sorted(range(len(target.photo_ids)), key=lambda n: (target.positions[n] is None, target.positions[n] or 0, n))
        result.photos_moved += _place(session, products[handle], [photos[target.photo_ids[n]] for n in order])
    _write_tags(session, photos, categories, new_tags, result)
    return result


def _fill(product: Product, target: _Target, result: ImportResult, created: bool) -> None:
    before = (product.title, product.price, product.sizes, product.stock, product.extra)
    values = {name: value for name, (value, _line) in target.values.items()}
    if "title" in values:
        product.title = str(values["title"])
    if "price" in values:
        product.price = str(values["price"])
    if "size" in values:
        product.sizes = str(values["size"])
    if "stock" in values:
        stock = values["stock"]
        product.stock = stock if isinstance(stock, int) else None
    extra = {name.removeprefix("extra:"): str(v) for name, v in values.items() if name.startswith("extra:")}
    if extra and extra_fields(product) != {**extra_fields(product), **extra}:
        set_extra(product, extra)
    if not created and before != (product.title, product.price, product.sizes, product.stock, product.extra):
        result.products_changed += 1


def _place(session: Session, product: Product, listed: list[Photo]) -> int:
    """The listed photos first, in the sheet's order, then the product's others; returns
    how many photos joined it or changed place in it."""
    listed_ids = {p.id for p in listed}
    others = [] if product.id is None else list(session.scalars(
        select(Photo).where(Photo.product_id == product.id, Photo.id.not_in(listed_ids))
        .order_by(Photo.product_position, Photo.path)))
    left = {p.product_id for p in listed if p.product_id not in (None, product.id)}
    changed = 0
    for position, photo in enumerate(listed + others, start=1):
        if (photo.product_id, photo.product_position) != (product.id, position):
            changed += 1
        photo.product_id, photo.product_position = product.id, position
    session.flush()
    for old in left:
        rest = session.scalars(select(Photo).where(Photo.product_id == old).order_by(Photo.product_position, Photo.path))
        for position, photo in enumerate(rest, start=1):
            photo.product_position = position
    return changed


def _write_tags(session: Session, photos: dict[int, Photo], categories: dict[int, str],
                new_tags: dict[int, list[str]], result: ImportResult) -> None:
    wanted = [pid for pid, names in new_tags.items() if names]
    have: dict[int, set[str]] = defaultdict(set)
    for pid, name in session.execute(select(Tag.photo_id, Tag.name).where(Tag.kind == CUSTOM,
                                                                           Tag.photo_id.in_(wanted))):
        have[pid].add(tag_key(name))
    for pid in wanted:
        for name in new_tags[pid]:
            if tag_key(name) not in have[pid]:
                have[pid].add(tag_key(name))
                session.add(Tag(photo_id=pid, kind=CUSTOM, name=name, source=MANUAL))
                result.tags_added += 1
    spelt: dict[str, str] = {}
    for pid, name in categories.items():
        if name not in spelt:
            spelt[name] = category_spelling(session, name)
        result.categories_set += put_category(session, pid, spelt[name])
