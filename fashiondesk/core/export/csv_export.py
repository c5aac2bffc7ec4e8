"""CSV export for the web shop or the till: one row per photo, UTF-8, header row.

Columns: path, then one group per declared kind of tag (``core/tagsources.py``): category,
category_confidence, category_unsure, category_set_by, colours, tags (and any kind declared
later, before tags); then the photo's product: product (its SKU or handle), position (the
photo's place among the product's photos, 1 first), title, price,
size (';'-separated), stock, and any other column staff imported with products (in name
order); then looks (the names of the looks staff saved with the photo in them, ';'-joined);
then status, width, height. ``fashiondesk import`` reads this file back. ``category_unsure`` is "yes" for an
automatic category whose calibrated confidence is below the model's ``unsure_below`` (to
review), empty otherwise. ``category_set_by`` says who chose the category: "staff", "learned"
(the shop classifier, taught by staff's categories) or "model" (the shipped model).

Format (``ExportDialect``, also used by the CLI's ``similar`` and ``duplicates``): comma
separated, every field in double quotes, a double quote inside a field doubled, rows ended
by "\n" (standard output on Windows turns that into "\r\n"). Because every field is
quoted, a carriage return or line feed in a file name stays inside its field on every
Python version, so each photo is exactly one record for any CSV reader.

Lists (colours, tags) are joined with ';'. A tag name can no longer contain ';' (see
``edits.clean_name``); a name stored before that rule has each ';' written as ',' here,
so ``a;b`` stays one element and never reads the same as the two tags ``a`` and ``b``.

Formulas (OWASP "CSV Injection"): a spreadsheet set to split on ';' (the usual list
separator in much of Europe) starts a new cell after every ';', so each ';'-separated
piece of every text cell, not just the start of the cell, is checked. A piece gets a
single quote (') in front when it starts with a tab, carriage return or line feed, or
when, after any leading spaces and double quotes, it starts with = + - @ (or their
full-width forms). The quote makes the spreadsheet read text; it is a visible character
to other readers, so an import that wants the original value removes a leading ' from
such a piece. Control and bidi-override characters are not removed from file names
here: the file name is the key back to the photo.
"""

from __future__ import annotations

import csv
import re
from collections import defaultdict

from sqlalchemy import select
from sqlalchemy.orm import Session

from fashiondesk.core.catalogue.models import MANUAL, Look, LookPhoto, Photo, Product, Tag
from fashiondesk.core.catalogue.products import extra_fields
from fashiondesk.core.records import LEARNED
from fashiondesk.core.tagsources import TagSource, declared
# a piece of a cell a spreadsheet could read as a formula (see the module docstring)
_FORMULA = re.compile(r'[\t\r\n]|[\s"]*[=+\-@\uff1d\uff0b\uff0d\uff20]')


class ExportDialect(csv.excel):
    lineterminator = "\n"
    quoting = csv.QUOTE_ALL


def csv_writer(out):
    """A csv.writer for any CSV fashiondesk prints or saves (``out`` as for csv.writer)."""
    return csv.writer(out, dialect=ExportDialect)


def neutralise(cell: str) -> str:
    """The cell with a ' before each ';'-separated piece that could start a formula."""
    return ";".join("'" + piece if _FORMULA.match(piece) else piece for piece in cell.split(";"))


def _join(names) -> str:
    return ";".join(name.replace(";", ",") for name in names)


def kinds(session: Session) -> list[TagSource]:
    """Every declared kind, and any kind found in the catalogue that nothing declares (a
    source no longer installed, say): exported under its own name rather than dropped."""
    known = declared()
    found = set(session.scalars(select(Tag.kind).distinct())) - {s.kind for s in known}
    extra = [TagSource(kind, kind, kind, kind, one_per_photo=False, version="?") for kind in sorted(found)]
    return known[:-1] + extra + known[-1:] if known else extra


PRODUCT_COLUMNS = ["product", "position", "title", "price", "size", "stock"]


def columns(sources: list[TagSource] | None = None, extra: list[str] | None = None) -> list[str]:
    """The header: the path, then each kind of tag, then the product, then the file."""
    names = ["path"]
    for source in sources if sources is not None else declared():
        names.append(source.csv_column)
        if source.one_per_photo:
            names.append(f"{source.csv_column}_confidence")
            if source.reviewed:
                names += [f"{source.csv_column}_unsure", f"{source.csv_column}_set_by"]
    taken = set(names) | set(PRODUCT_COLUMNS) | {"looks", "status", "width", "height"}
    return names + PRODUCT_COLUMNS + [e for e in extra or [] if e not in taken] + ["looks", "status", "width", "height"]


def _best(tags: list[Tag]) -> Tag | None:
    """Of a one-per-photo kind: staff's choice, else the surest."""
    return max(tags, key=lambda t: (t.source == MANUAL, t.confidence or 0.0)) if tags else None


def _cells(source: TagSource, tags: list[Tag], unsure_below: float) -> dict[str, str]:
    column = source.csv_column
    if not source.one_per_photo:
        if source.version:  # automatic: strongest first
            ordered = [t.name for t in sorted(tags, key=lambda t: -(t.confidence or 0.0))]
        else:
            ordered = sorted(t.name for t in tags)
        return {column: _join(ordered)}
    best = _best(tags)
    cells = {
        column: best.name if best else "",
        f"{column}_confidence": f"{best.confidence:.3f}" if best and best.confidence is not None else "",
    }
    if source.reviewed:
        unsure = best is not None and best.source != MANUAL and (best.confidence or 0.0) < unsure_below
        cells[f"{column}_unsure"] = "yes" if unsure else ""
        cells[f"{column}_set_by"] = _set_by(best)
    return cells


def _set_by(tag: Tag | None) -> str:
    if tag is None:
        return ""
    if tag.source == MANUAL:
        return "staff"
    return "learned" if (tag.source_version or "").startswith(LEARNED) else "model"



def product_cells(session: Session) -> dict[int, dict[str, str]]:
    """{product id: its cells}, staff's own columns included."""
    cells = {}
    for product in session.scalars(select(Product)):
        cells[product.id] = {
            **extra_fields(product), "product": product.handle, "title": product.title or "",
            "price": product.price or "", "size": product.sizes or "",
            "stock": "" if product.stock is None else str(product.stock),
        }
    return cells


def rows(session: Session, unsure_below: float = 0.0, sources: list[TagSource] | None = None,
         photo_ids: set[int] | None = None, products: dict[int, dict[str, str]] | None = None):
    """One row per photo, by path; only those in ``photo_ids`` when given."""
    sources = sources if sources is not None else kinds(session)
    products = products if products is not None else product_cells(session)
    looks = look_names(session)
    tags_by_photo: dict[int, list] = defaultdict(list)
    for tag in tag_rows(session):
        tags_by_photo[tag.photo_id].append(tag)
    query = select(Photo.id, Photo.path, Photo.status, Photo.width, Photo.height, Photo.product_id,
                   Photo.product_position).order_by(Photo.path)
    for photo in session.execute(query):
        if photo_ids is not None and photo.id not in photo_ids:
            continue
        tags = tags_by_photo.get(photo.id, [])
        row: dict[str, str | int] = {"path": photo.path}
        for source in sources:
            row.update(_cells(source, [t for t in tags if t.kind == source.kind], unsure_below))
        if photo.product_id is not None:
            row.update(products.get(photo.product_id, {}))
            row["position"] = photo.product_position or ""
        row.update(looks=_join(looks.get(photo.id, [])), status=photo.status, width=photo.width or "",
                   height=photo.height or "")
        yield row


def look_names(session: Session) -> dict[int, list[str]]:
    """{photo id: the names of the looks it is in}, oldest look first."""
    names: dict[int, list[str]] = defaultdict(list)
    for photo_id, name in session.execute(select(LookPhoto.photo_id, Look.name).join(Look).order_by(Look.id)):
        names[photo_id].append(name)
    return names


def tag_rows(session: Session):
    """Every tag as a plain row (photo_id, kind, name, source, confidence, source_version):
    no ORM objects, so 100,000 tags read in a fraction of a second."""
    return session.execute(select(Tag.photo_id, Tag.kind, Tag.name, Tag.source, Tag.confidence, Tag.source_version))


def write_csv(session: Session, out, unsure_below: float = 0.0, photo_ids: set[int] | None = None) -> int:
    sources = kinds(session)
    products = product_cells(session)
    extra = sorted({name for cells in products.values() for name in cells})
    header = columns(sources, extra)
    writer = csv.DictWriter(out, fieldnames=header, dialect=ExportDialect)
    # Staff named some columns (an imported sheet's own): a name is a cell like any other.
    csv.writer(out, dialect=ExportDialect).writerow([neutralise(name) for name in header])
    count = 0
    for row in rows(session, unsure_below, sources, photo_ids, products):
        writer.writerow({k: neutralise(v) if isinstance(v, str) else v for k, v in row.items()})
        count += 1
    return count
