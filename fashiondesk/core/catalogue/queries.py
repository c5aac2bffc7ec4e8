"""Read-only queries behind the window: grid rows, sidebar counts, one photo's details.

They return plain tuples and frozen dataclasses (never ORM objects), so the results can
cross threads, and they are written as single SQL statements so that a catalogue of
20,000 photos answers within a few tens of milliseconds.
"""

from __future__ import annotations

import os
import re
import sqlite3
from dataclasses import dataclass
from datetime import datetime
from typing import Iterable, NamedTuple, Sequence, cast

from sqlalchemy import and_, case, exists, func, or_, select
from sqlalchemy.orm import Session, aliased

from fashiondesk.core import tagsources
from fashiondesk.core.catalogue.db import fold
from fashiondesk.core.records import AUTO, LEARNED

from fashiondesk.core.catalogue.models import (
    AUTO,
    CATEGORY,
    COLOUR,
    CUSTOM,
    FAILED,
    MISSING,
    OK,
    Folder,
    Photo,
    Product,
    Tag,
)

# Scopes: which photos the grid starts from, before category, colour and text narrow it.
ALL = "all"
REVIEW = "review"
MISSING_SCOPE = "missing"
FOLDER = "folder"
TAG = "tag"
RESULTS = "results"  # an ordered list of photo ids, e.g. similar items for a dropped photo
KIND = "kind"  # photos with a tag (kind, name) of any declared kind

# Orders of the grid (``GridFilter.sort``). RESULTS keeps its own order whatever is chosen.
SORT_FOLDER = "folder"  # by path: folder by folder, as the files lie; in REVIEW, least sure first
SORT_NAME = "name"  # by file name, case-insensitive, numbers in number order (IMG_2 before IMG_10)
SORT_DATE = "date"  # the file's modified time, newest first
SORT_CONFIDENCE = "confidence"  # least sure first: no category, then automatic ones, staff's last
SORTS = (SORT_FOLDER, SORT_NAME, SORT_DATE, SORT_CONFIDENCE)


@dataclass(frozen=True)
class GridFilter:
    scope: str = ALL
    value: object = None  # folder id, tag name, or a tuple of photo ids for RESULTS
    category: str | None = None
    colour: str | None = None
    text: str = ""
    sort: str = SORT_FOLDER


class GridRow(NamedTuple):
    """A tuple of plain values: Python's garbage collector stops tracking such tuples, so
    holding 20,000 of them does not lengthen the collector's pauses (in any thread)."""

    id: int
    path: str
    status: str
    category: str | None
    confidence: float | None
    category_source: str | None


def needs_review(category: str | None, source: str | None, confidence: float | None, unsure_below: float) -> bool:
    """The review rule: no category yet, or an automatic one below the model's threshold."""
    return category is None or (source == AUTO and (confidence or 0.0) < unsure_below)


def _needs_review_clause(cat, unsure_below: float):
    """``needs_review`` in SQL, on the aliased category tag."""
    return or_(cat.id.is_(None), and_(cat.source == AUTO, cat.confidence < unsure_below))


def _category_join():
    return aliased(Tag, name="category_tag")


def grid_rows(session: Session, flt: GridFilter, unsure_below: float) -> list[GridRow]:
    """The photos the grid shows, in display order: ``flt.sort`` (see ``SORTS``), except
    that RESULTS keeps the order of its ids (most similar first)."""
    cat = _category_join()
    query = select(Photo.id, Photo.path, Photo.status, cat.name, cat.confidence, cat.source).outerjoin(
        cat, and_(cat.photo_id == Photo.id, cat.kind == CATEGORY)
    )
    if flt.scope == MISSING_SCOPE:
        query = query.where(Photo.status == MISSING)
    else:
        query = query.where(Photo.status == OK)
    if flt.scope == REVIEW:
        query = query.where(_needs_review_clause(cat, unsure_below))
    elif flt.scope == FOLDER:
        query = query.where(Photo.folder_id == flt.value)
    elif flt.scope == TAG:
        query = query.where(_has_tag(CUSTOM, str(flt.value)))
    elif flt.scope == KIND:
        kind, name = cast(tuple[str, str], flt.value)  # any declared kind of tag (see core/tagsources.py)
        query = query.where(_has_tag(kind, name))
    elif flt.scope == RESULTS:
        query = query.where(Photo.id.in_(list(cast("Iterable[int]", flt.value or ()))))
    if flt.category:
        query = query.where(func.lower(cat.name) == flt.category.casefold())
    if flt.colour:
        query = query.where(_has_tag(COLOUR, flt.colour))
    for term in search_terms(flt.text):  # every word must match: "red dress" is red AND dress
        query = query.where(or_(_matches(Photo.path, term), exists().where(Tag.photo_id == Photo.id,
                                                                           _matches(Tag.name, term))))
    if flt.scope != RESULTS:
        query = query.order_by(*_order(session, flt, cat))
    rows = [GridRow(*r) for r in session.execute(query)]
    if flt.scope == RESULTS:
        order = {pid: i for i, pid in enumerate(cast("Iterable[int]", flt.value or ()))}
        rows.sort(key=lambda r: order[r.id])
    return rows


def _order(session: Session, flt: GridFilter, cat) -> list:
    """ORDER BY for ``flt.sort``; the path last, so equal keys keep folder order. Needs
    review in folder order is least sure first, as it always was: that is how staff review."""
    if flt.sort == SORT_NAME:
        return [_name_key(session), Photo.path]
    if flt.sort == SORT_DATE:
        return [Photo.mtime.desc(), Photo.path]
    if flt.sort == SORT_CONFIDENCE or flt.scope == REVIEW:
        # No category first (0), then automatic categories by confidence, then staff's (sure).
        sureness = case((cat.id.is_(None), 0.0), (cat.source == AUTO, func.coalesce(cat.confidence, 0.0)),
                        else_=2.0)
        return [sureness, Photo.path]
    return [Photo.path]


_NUMBER = re.compile(r"[0-9]+")
NATURAL_NAME = "fashiondesk_natural_name"


def natural_name(path: str) -> str:
    """A photo's file name as a key that sorts case-insensitively with numbers in number
    order: each run of digits gets its length in front ("img_2" → "img_012", "img_10" →
    "img_0210"), so plain string order puts IMG_2 before IMG_10."""
    return _NUMBER.sub(_number_key, os.path.basename(path).casefold())


def _number_key(digits: re.Match) -> str:
    number = digits[0].lstrip("0") or "0"
    return f"{len(number):02d}{number}"


def _name_key(session: Session):
    """``natural_name(path)`` in SQL: a function SQLite calls once a row, registered on the
    connection the first time it is needed. Another database sorts by path, case-insensitive."""
    connection = session.connection()
    if connection.dialect.name != "sqlite":
        return func.lower(Photo.path)
    record = connection.connection  # the pool's record: its ``info`` lasts as long as the connection
    if NATURAL_NAME not in record.info:
        sqlite = cast(sqlite3.Connection, record.driver_connection)
        sqlite.create_function(NATURAL_NAME, 1, natural_name, deterministic=True)
        record.info[NATURAL_NAME] = True
    return getattr(func, NATURAL_NAME)(Photo.path)


def search_terms(text: str) -> list[str]:
    """The words of a search, each matched on its own (in a file name or any tag); a phrase
    in double quotes is one term ("long sleeve")."""
    return [" ".join((quoted or word).split()) for quoted, word in re.findall(r'"([^"]*)"|(\S+)', text)
            if (quoted or word).strip()]


def _has_tag(kind: str, name: str):
    return exists().where(Tag.photo_id == Photo.id, Tag.kind == kind, func.lower(Tag.name) == name.casefold())


def _matches(column, term: str):
    """``term`` anywhere in ``column``, whatever the case and the accents: "elegante" finds
    "été robe élégante.jpg", "crème" finds "Creme". The folding function (``db.fold``) runs
    only on text with a character outside printable ASCII; the rest is compared by SQLite."""
    plain = fold(term) or ""
    folded = f"%{_escape_like(plain)}%"
    ways = [column.ilike(f"%{_escape_like(term)}%", escape="\\")]
    if plain != term.casefold():  # "élégante" typed: "elegante" written finds it too
        ways.append(column.ilike(folded, escape="\\"))
    ways.append(and_(column.op("GLOB")("*[^ -~]*"), func.fd_fold(column).like(folded, escape="\\")))
    return or_(*ways)


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


@dataclass(frozen=True)
class SidebarCounts:
    photos: int
    review: int
    missing: int
    failed: int
    folders: tuple[tuple[int, str, int], ...]  # (id, path, photos)
    categories: tuple[tuple[str, int], ...]
    colours: tuple[tuple[str, str | None, int], ...]  # (name, hex, photos)
    tags: tuple[tuple[str, int], ...]
    # Every declared kind shown in the sidebar: (kind, ((name, swatch or None, photos), ...)),
    # in the declarations' order; the three fields above are the same, kept for their readers.
    by_kind: tuple[tuple[str, tuple[tuple[str, str | None, int], ...]], ...] = ()


def sidebar_counts(session: Session, unsure_below: float) -> SidebarCounts:
    by_status = dict(session.execute(select(Photo.status, func.count()).group_by(Photo.status)).all())
    cat = _category_join()
    review = session.scalar(
        select(func.count())
        .select_from(Photo)
        .outerjoin(cat, and_(cat.photo_id == Photo.id, cat.kind == CATEGORY))
        .where(Photo.status == OK, _needs_review_clause(cat, unsure_below))
    )
    folder_counts = dict(
        session.execute(select(Photo.folder_id, func.count()).where(Photo.status == OK).group_by(Photo.folder_id)).all()
    )
    folders = tuple(
        (fid, path, folder_counts.get(fid, 0))
        for fid, path in session.execute(select(Folder.id, Folder.path).order_by(Folder.path))
    )
    ok_tags = select(Tag.kind, Tag.name, func.max(Tag.value), func.count(func.distinct(Tag.photo_id))).join(
        Photo, Photo.id == Tag.photo_id
    ).where(Photo.status == OK).group_by(Tag.kind, Tag.name)
    categories, colours, tags = [], [], []
    found: dict[str, list[tuple[str, str | None, int]]] = {}
    for kind, name, value, count in session.execute(ok_tags):
        declared_as = tagsources.source(kind)
        # A swatch's own colour for a named colour; photos' measured values vary.
        swatch = (declared_as.swatch(name) if declared_as else None) or (value if kind == COLOUR else None)
        found.setdefault(kind, []).append((name, swatch, count))
        if kind == CATEGORY:
            categories.append((name, count))
        elif kind == COLOUR:
            colours.append((name, swatch, count))
        elif kind == CUSTOM:
            tags.append((name, count))
    by_kind = tuple(
        (s.kind, tuple(sorted(found.get(s.kind, []), key=lambda c: (-c[2], c[0].casefold()) if s.swatches
                              else c[0].casefold())))
        for s in tagsources.declared() if s.sidebar
    )
    return SidebarCounts(
        photos=by_status.get(OK, 0),
        review=review or 0,
        missing=by_status.get(MISSING, 0),
        failed=by_status.get(FAILED, 0),
        folders=folders,
        categories=tuple(sorted(categories, key=lambda c: c[0].casefold())),
        colours=tuple(sorted(colours, key=lambda c: -c[2])),
        tags=tuple(sorted(tags, key=lambda c: c[0].casefold())),
        by_kind=by_kind,
    )


@dataclass(frozen=True)
class TagInfo:
    id: int
    kind: str
    name: str
    source: str
    confidence: float | None
    value: str | None
    version: str | None = None  # of the method that made an automatic tag

    @property
    def learned(self) -> bool:
        """Made by the shop classifier, from staff's examples (``services.examples_behind``)."""
        return self.source == AUTO and (self.version or "").startswith(LEARNED)


@dataclass(frozen=True)
class ProductLine:
    """The product a photo belongs to, as the detail panel tells it."""

    handle: str
    title: str | None
    price: str | None
    sizes: str | None  # ';'-separated
    stock: int | None
    photos: int


@dataclass(frozen=True)
class PhotoDetail:
    id: int
    path: str
    size: int
    width: int | None
    height: int | None
    status: str
    error: str | None
    indexed_at: datetime | None
    tags: tuple[TagInfo, ...]
    product: ProductLine | None = None

    def tags_of(self, kind: str) -> list[TagInfo]:
        return [t for t in self.tags if t.kind == kind]

    @property
    def category(self) -> TagInfo | None:
        found = self.tags_of(CATEGORY)
        return found[0] if found else None


_KIND_ORDER = case({CATEGORY: 0, COLOUR: 1}, value=Tag.kind, else_=2)


def photo_detail(session: Session, photo_id: int) -> PhotoDetail | None:
    photo = session.get(Photo, photo_id)
    if photo is None:
        return None
    tags = session.execute(
        select(Tag.id, Tag.kind, Tag.name, Tag.source, Tag.confidence, Tag.value, Tag.source_version)
        .where(Tag.photo_id == photo_id)
        .order_by(_KIND_ORDER, Tag.confidence.desc(), Tag.name)
    )
    return PhotoDetail(
        photo.id,
        photo.path,
        photo.size,
        photo.width,
        photo.height,
        photo.status,
        photo.error,
        photo.indexed_at,
        tuple(TagInfo(*t) for t in tags),
        _product_line(session, photo.product_id),
    )


def _product_line(session: Session, product_id: int | None) -> ProductLine | None:
    product = session.get(Product, product_id) if product_id is not None else None
    if product is None:
        return None
    photos = session.scalar(select(func.count()).select_from(Photo).where(Photo.product_id == product.id)) or 0
    return ProductLine(product.handle, product.title, product.price, product.sizes, product.stock, photos)


def tag_names(session: Session, kinds: Sequence[str] = (CUSTOM,)) -> list[str]:
    """Distinct tag names in use (for autocomplete), alphabetical."""
    names = session.scalars(select(Tag.name).where(Tag.kind.in_(list(kinds))).distinct())
    return sorted(names, key=str.casefold)
