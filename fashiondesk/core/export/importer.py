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
  ``category_unsure``, ``colours``, ``looks``, ``status``, ``width``, ``height``) are not read.
- Any other column is kept with the product and exported back.

An empty cell leaves the field as it is. Rows of one product that disagree on a field,
a bad price or stock, a tag that breaks the naming rules, a photo named twice: each is
an error, and any error refuses the lot.
"""

from __future__ import annotations

import os
from collections import defaultdict
from dataclasses import dataclass, field

from sqlalchemy import delete, insert, select, update
from sqlalchemy.orm import Session

from fashiondesk.core.catalogue.edits import TagError, category_spelling, clean_name, tag_key
from fashiondesk.core.catalogue.models import CATEGORY, CUSTOM, MANUAL, MISSING, Photo, Product, Tag
from fashiondesk.core.catalogue.products import extra_fields, set_extra, slug
from fashiondesk.core.messages import translate
from fashiondesk.core.export.sheet import Sheet, parse_price, parse_stock, split_list, unguard_cell
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
NOT_READ = ("category_confidence", "category_unsure", "colours", "looks", "status", "width", "height")
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
    errors: list[str] = field(default_factory=list)  # "line N: why" (core.messages: translatable)
    extra_columns: list[str] = field(default_factory=list)
    encoding: str = ""
    delimiter: str = ""

    @property
    def changes(self) -> int:
        return self.products_created + self.products_changed + self.photos_moved + self.categories_set + self.tags_added


def roles(header: list[str], not_read: set[str] | frozenset[str] = frozenset()
          ) -> tuple[dict[str, int], dict[str, int], list[str]]:
    """{role: column} for the columns fashiondesk reads, {name: column} for the others to
    keep (not those in ``not_read``), and the problems with the header."""
    skipped = {n.casefold() for n in NOT_READ} | {n.casefold() for n in not_read}
    known = {alias: role for role, aliases in ALIASES.items() for alias in aliases}
    found: dict[str, int] = {}
    extra: dict[str, int] = {}
    problems: list[str] = []
    seen: dict[str, int] = {}
    for column, raw in enumerate(header):
        name = unguard_cell(raw.strip())
        key = " ".join(name.replace("_", " ").split()).casefold()
        if not key:
            continue
        if key in seen:
            problems.append(translate("Import", "the header names {name} twice (columns {a} and {b})").format(name=repr(name), a=seen[key] + 1, b=column + 1))
            continue
        seen[key] = column
        role = known.get(key) or known.get(name.strip().casefold())
        if role:
            found[role] = column
        elif name.casefold() not in skipped:
            extra[name] = column
    if "path" not in found:
        problems.append(translate("Import", "there is no 'path' column: it names each row's photo (absolute, or "
                                            "relative to the CSV's folder)"))
    return found, extra, problems


@dataclass
class _Target:
    """The product one or more rows describe."""

    lines: list[int] = field(default_factory=list)
    photo_ids: list[int] = field(default_factory=list)
    positions: list[int | None] = field(default_factory=list)
    listed: list[bool] = field(default_factory=list)  # the row says which product the photo is in
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
    raw = os.path.expanduser(cell.strip())
    path = os.path.normpath(raw if os.path.isabs(raw) else os.path.join(folder, raw))
    hit = index.get(path)
    if hit is None:
        real = os.path.join(os.path.realpath(os.path.dirname(path)), os.path.basename(path))
        hit = index.get(real)
    return hit


def apply(session: Session, sheet: Sheet, folder: str, not_read: set[str] | frozenset[str] = frozenset()) -> ImportResult:
    """Read the sheet into the session (the caller commits, or rolls back for a dry run or
    when ``errors`` is not empty). ``not_read``: more column names to leave alone (the
    export's columns of tag kinds, worked out by the caller from the catalogue)."""
    result = ImportResult(rows=len(sheet.rows), encoding=sheet.encoding, delimiter=sheet.delimiter)
    columns, extra_columns, problems = roles(sheet.header, not_read)
    result.extra_columns = list(extra_columns)
    if problems:
        result.errors = problems
        return result
    errors = result.errors
    index = _photo_index(session)
    products = {p.handle: p for p in session.scalars(select(Product))}
    product_ids = {p.id: p for p in products.values()}
    category_source = source(CATEGORY)
    # One target per product the rows describe, whichever way they name it: by its handle
    # (an existing product's id, or a new handle), or a photo already in it.
    targets: dict[tuple[str, object], _Target] = defaultdict(_Target)
    alone: dict[int, _Target] = {}
    photo_line: dict[int, int] = {}
    categories: dict[int, str] = {}
    new_tags: dict[int, list[str]] = defaultdict(list)
    set_by_column = columns.get("set_by")
    lines = sheet.lines or list(range(2, len(sheet.rows) + 2))

    def cell(row: list[str], role: str) -> str:
        column = columns.get(role)
        return unguard_cell(row[column].strip()) if column is not None else ""

    for line, row in zip(lines, sheet.rows):
        raw_path = cell(row, "path")
        if not raw_path:
            errors.append(translate("Import", "line {line}: no path").format(line=line))
            continue
        hit = _find(index, raw_path, folder)
        if hit is None:
            errors.append(translate("Import", "line {line}: not in the catalogue: {path}").format(line=line, path=raw_path))
            continue
        photo_id, product_id = hit
        if photo_id in photo_line:
            errors.append(translate("Import", "line {line}: the same photo as line {other}: {path}").format(line=line, other=photo_line[photo_id], path=raw_path))
            continue
        photo_line[photo_id] = line
        values: dict[str, object] = {}
        try:
            if cell(row, "title"):
                values["title"] = cell(row, "title")
            if cell(row, "price"):
                values["price"] = parse_price(cell(row, "price"))
            if cell(row, "size"):
                values["size"] = ";".join(split_list(cell(row, "size")))
            if cell(row, "stock"):
                values["stock"] = parse_stock(cell(row, "stock"))
            position = parse_stock(cell(row, "position")) if cell(row, "position") else None
            for name, column in extra_columns.items():
                if row[column].strip():
                    values["extra:" + name] = unguard_cell(row[column].strip())
            tags = [clean_name(t) for t in split_list(cell(row, "tags"))]
            chosen_by_staff = set_by_column is None or row[set_by_column].strip().casefold() in ("", "staff")
            if cell(row, "category") and chosen_by_staff:
                name = clean_name(cell(row, "category"))
                categories[photo_id] = category_source.stored(name) if category_source else name
        except (ValueError, TagError) as exc:
            errors.append(translate("Import", "line {line}: {why}").format(line=line, why=exc.args[0] if exc.args else exc))
            continue
        new_tags[photo_id] = tags
        handle = cell(row, "product")
        if handle:
            known = products.get(handle)
            target = targets[("id", known.id) if known is not None else ("new", handle)]
        elif product_id is not None:
            target = targets[("id", product_id)]
        elif values:
            target = alone[photo_id] = _Target()
        else:
            continue
        target.lines.append(line)
        target.photo_ids.append(photo_id)
        target.positions.append(position)
        target.listed.append(bool(handle) or product_id is None)  # rows that say where the photo goes
        for name, value in values.items():
            before = target.values.get(name)
            if before is not None and before[0] != value:
                shown = name.removeprefix("extra:")
                errors.append(translate("Import", "line {line}: {field} {value} differs from {other} on line {other_line} "
                                                  "for the same product").format(line=line, field=shown, value=repr(value), other=repr(before[0]), other_line=before[1]))
            else:
                target.values.setdefault(name, (value, line))
    if errors:
        return result

    paths = {photo_id: path for path, (photo_id, _product) in index.items()}
    to_place: list[tuple[Product, _Target]] = []
    for (kind, key), target in targets.items():
        if kind == "id":
            product = product_ids[key]  # type: ignore[index]
            _fill(product, target, result, created=False)
        else:
            product = products[str(key)] = Product(handle=str(key))
            session.add(product)
            result.products_created += 1
            _fill(product, target, result, created=True)
        to_place.append((product, target))
    taken = set(products)  # every handle, the sheet's new ones too
    for photo_id, target in alone.items():
        base = slug(os.path.splitext(os.path.basename(paths[photo_id]))[0])
        handle, n = base, 1
        while handle in taken:
            n += 1
            handle = f"{base}-{n}"
        taken.add(handle)
        product = products[handle] = Product(handle=handle)
        session.add(product)
        result.products_created += 1
        _fill(product, target, result, created=True)
        to_place.append((product, target))
    session.flush()  # one INSERT for the new products, one UPDATE per set of changed fields
    placing: dict[int, _Target] = {}
    for product, target in to_place:
        listed = [(photo, n) for photo, n, on in zip(target.photo_ids, target.positions, target.listed) if on]
        if listed:
            placing[product.id] = _Target(photo_ids=[photo for photo, _n in listed],
                                          positions=[n for _photo, n in listed])
    result.photos_moved = _place(session, placing)
    _write_tags(session, new_tags, result)
    _write_categories(session, categories, result)
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


def _place(session: Session, targets: dict[int, _Target]) -> int:
    """Each product's listed photos first (by ``position``, else the sheet's order), then
    its other photos; the products they left renumbered. Returns how many photos joined a
    product or changed place in one. One pass over the photos in products, one bulk UPDATE."""
    current: dict[int, tuple[int, int | None]] = {}
    members: dict[int, list[tuple[int, str, int]]] = defaultdict(list)  # product: (position, path, photo)
    for photo_id, product_id, position, path in session.execute(
            select(Photo.id, Photo.product_id, Photo.product_position, Photo.path).where(Photo.product_id.is_not(None))):
        if product_id is not None:
            current[photo_id] = (product_id, position)
            members[product_id].append((position or 0, path, photo_id))
    placed: dict[int, tuple[int, int]] = {}
    claimed = {photo for target in targets.values() for photo in target.photo_ids}  # the sheet says where
    for product_id, target in targets.items():
        order = sorted(range(len(target.photo_ids)),
                       key=lambda n: (target.positions[n] is None, target.positions[n] or 0, n))
        listed = [target.photo_ids[n] for n in order]
        others = [photo for _pos, _path, photo in sorted(members.get(product_id, [])) if photo not in claimed]
        for position, photo in enumerate(listed + others, start=1):
            placed[photo] = (product_id, position)
    moved = sum(1 for photo, where in placed.items() if current.get(photo) != where)
    left = {current[photo][0] for photo in placed if photo in current} - set(targets)
    for product_id in left:
        rest = [photo for _pos, _path, photo in sorted(members[product_id]) if photo not in placed]
        for position, photo in enumerate(rest, start=1):
            placed[photo] = (product_id, position)
    changes = [{"id": photo, "product_id": product_id, "product_position": position}
               for photo, (product_id, position) in placed.items() if current.get(photo) != (product_id, position)]
    if changes:
        session.execute(update(Photo), changes)
    return moved


def _write_tags(session: Session, new_tags: dict[int, list[str]], result: ImportResult) -> None:
    """Staff tags the photos lack, in one INSERT."""
    have: dict[int, set[str]] = defaultdict(set)
    for pid, name in session.execute(select(Tag.photo_id, Tag.name).where(Tag.kind == CUSTOM)):
        have[pid].add(tag_key(name))
    rows = []
    for pid, names in new_tags.items():
        for name in names:
            if tag_key(name) not in have[pid]:
                have[pid].add(tag_key(name))
                rows.append({"photo_id": pid, "kind": CUSTOM, "name": name, "source": MANUAL})
    if rows:
        session.execute(insert(Tag), rows)
    result.tags_added = len(rows)


def _write_categories(session: Session, categories: dict[int, str], result: ImportResult) -> None:
    """Staff categories, as ``edits.put_category`` sets one, for many photos at once."""
    if not categories:
        return
    spelt = {name: category_spelling(session, name) for name in set(categories.values())}
    tags: dict[int, list[Tag]] = defaultdict(list)
    for tag in session.scalars(select(Tag).where(Tag.kind == CATEGORY)):
        if tag.photo_id in categories:
            tags[tag.photo_id].append(tag)
    gone, new = [], []
    for pid, wanted in categories.items():
        name = spelt[wanted]
        current = tags.get(pid, [])
        same = [t for t in current if tag_key(t.name) == tag_key(name)]
        if len(current) == 1 and same and same[0].source == MANUAL and same[0].name == name:
            continue
        gone += [t.id for t in current if t not in same[:1]]
        if same:
            same[0].source, same[0].name = MANUAL, name
        else:
            new.append({"photo_id": pid, "kind": CATEGORY, "name": name, "source": MANUAL})
        result.categories_set += 1
    for start in range(0, len(gone), 500):
        session.execute(delete(Tag).where(Tag.id.in_(gone[start:start + 500])))
    session.flush()
    if new:
        session.execute(insert(Tag), new)
