"""CSV export for the web shop or the till: one row per photo, UTF-8, header row.

Columns: path, category, category_confidence, category_unsure, colours, tags, status,
width, height. ``category_unsure`` is "yes" for an automatic category whose calibrated
confidence is below the model's ``unsure_below`` (to review), empty otherwise.
Lists are joined with ';'. A cell a spreadsheet would read as a formula (starting with
= + - @, a tab or a carriage return) is prefixed with a single quote.
"""

from __future__ import annotations

import csv
from collections import defaultdict

from sqlalchemy import select
from sqlalchemy.orm import Session

from fashiondesk.core.catalogue.models import CATEGORY, COLOUR, CUSTOM, MANUAL, Photo, Tag

COLUMNS = ("path", "category", "category_confidence", "category_unsure", "colours", "tags", "status", "width", "height")
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(cell: str) -> str:
    return "'" + cell if cell.startswith(FORMULA_STARTS) else cell


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
            "colours": ";".join(t.name for t in colours),
            "tags": ";".join(custom),
            "status": photo.status,
            "width": photo.width or "",
            "height": photo.height or "",
        }


def write_csv(session: Session, out, unsure_below: float = 0.0) -> int:
    writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    count = 0
    for row in rows(session, unsure_below):
        writer.writerow({k: neutralise(v) if isinstance(v, str) else v for k, v in row.items()})
        count += 1
    return count
