"""CSV export for the web shop or the till: one row per photo, UTF-8, header row.

Columns: path, category, category_confidence, category_unsure, colours, tags, status,
width, height. ``category_unsure`` is "yes" for an automatic category whose calibrated
confidence is below the model's ``unsure_below`` (to review), empty otherwise.

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

from fashiondesk.core.catalogue.models import CATEGORY, COLOUR, CUSTOM, MANUAL, Photo, Tag

COLUMNS = ("path", "category", "category_confidence", "category_unsure", "colours", "tags", "status", "width", "height")
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


def _best_category(tags: list[Tag]) -> Tag | None:
    categories = [t for t in tags if t.kind == CATEGORY]
    if not categories:
        return None
    return max(categories, key=lambda t: (t.source == MANUAL, t.confidence or 0.0))


def rows(session: Session, unsure_below: float = 0.0):
    tags_by_photo: dict[int, list[Tag]] = defaultdict(list)
    for tag in session.scalars(select(Tag)):
        tags_by_photo[tag.photo_id].append(tag)
    for photo in session.scalars(select(Photo).order_by(Photo.path)):
        tags = tags_by_photo.get(photo.id, [])
        category = _best_category(tags)
        colours = sorted((t for t in tags if t.kind == COLOUR), key=lambda t: -(t.confidence or 0.0))
        custom = sorted(t.name for t in tags if t.kind == CUSTOM)
        yield {
            "path": photo.path,
            "category": category.name if category else "",
            "category_confidence": (
                f"{category.confidence:.3f}" if category and category.confidence is not None else ""
            ),
            "category_unsure": (
                "yes" if category and category.source != MANUAL and (category.confidence or 0.0) < unsure_below else ""
            ),
            "colours": _join(t.name for t in colours),
            "tags": _join(custom),
            "status": photo.status,
            "width": photo.width or "",
            "height": photo.height or "",
        }


def write_csv(session: Session, out, unsure_below: float = 0.0) -> int:
    writer = csv.DictWriter(out, fieldnames=COLUMNS, dialect=ExportDialect)
    writer.writeheader()
    count = 0
    for row in rows(session, unsure_below):
        writer.writerow({k: neutralise(v) if isinstance(v, str) else v for k, v in row.items()})
        count += 1
    return count
