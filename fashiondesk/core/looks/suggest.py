"""Pieces of the shop's own stock that complete the look of a garment.

For each role the garment needs (``roles.NEEDS``), the candidates are the photos whose
category plays that role: staff's categories, and automatic ones the model is sure of
(those still to review only when a role has nothing else). The ``POOL`` candidates
closest to the garment in the embedding space are scored:

    score = stock x colour x (1/2 + 1/2 x (STYLE x style + SURE x sure + LEARNED x learned))

Colour is a rule, the rest are preferences: a piece whose colours clash comes after every
piece whose colours go, whatever its other merits.

- ``colour``: harmony (``harmony.py``, in [0, 1]) with the garment and with the first
  piece already chosen for each earlier role, the worst of them, so the first row of
  every role makes one outfit with at most one statement colour;
- ``style``: how close the piece's embedding is to the garment's (their cosine, 0 when
  negative): casual with casual, a print with what suits it;
- ``sure``: 1 for staff's category, else the model's calibrated confidence;
- ``learned``: from the looks staff saved, how much the pair (garment, piece) resembles a
  pair they put together: the best, over saved pairs (x of the garment's role, y of the
  piece's), of cos(garment, x) x cos(piece, y). Its weight grows with the looks that
  have such a pair (``LEARNED_PER_LOOK`` each, up to ``LEARNED``); the rest goes to style;
- ``stock``: 1, or ``OUT_OF_STOCK`` when the piece's product has none left.

A role's list holds no two photos of one product and no near-duplicates (embeddings
closer than ``SAME_PHOTO``, or one photo altered, by the duplicates check of their
fingerprints: a crop or an edit can move the embedding a long way). Change the weights here; ``tests/core/test_outfits.py``
checks the rules they implement.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Callable

import numpy as np
from sqlalchemy import select
from sqlalchemy.orm import Session

from fashiondesk.core.catalogue.models import CATEGORY, COLOUR, MANUAL, OK, Fingerprint, Photo, Product, Tag
from fashiondesk.core.index.duplicates import is_near, near_scores
from fashiondesk.core.index.hnsw import VectorIndex
from fashiondesk.core.looks import harmony
from fashiondesk.core.looks.harmony import Colour
from fashiondesk.core.looks.roles import NEEDS, role_of

STYLE, SURE, LEARNED = 0.45, 0.30, 0.25  # the preferences' weights; they sum to 1
LEARNED_PER_LOOK = 0.08
OUT_OF_STOCK = 0.5
POOL = 150  # candidates per role taken from the index
SAME_PHOTO = 0.97  # cosine above which two photos count as the same picture


@dataclass(frozen=True)
class Piece:
    photo_id: int | None  # None: a photo from outside the catalogue
    path: str
    category: str
    role: str
    sure: float
    colours: tuple[Colour, ...]
    product_id: int | None = None
    stock: int | None = None
    also: str | None = None  # the role of its second reading, when its category is unsure


def needed(garment: Piece) -> list[str]:
    """The roles to fill: those its category needs, then, for an unsure category, those its
    second reading needs besides (a top the model half takes for a dress gets a bottom),
    never a role either reading plays. The first reading's needs are always kept."""
    own = {garment.role, garment.also}
    extra = [r for r in NEEDS.get(garment.also or "", ()) if r not in own]
    return list(dict.fromkeys(list(NEEDS[garment.role]) + extra))


@dataclass(frozen=True)
class Suggestion:
    role: str
    photo_id: int
    path: str
    category: str
    score: float
    parts: tuple[tuple[str, float], ...] = ()  # what the score is made of, for a tooltip


@dataclass
class Shop:
    """What the ranking needs of the catalogue, read once per answer."""

    categories: dict[int, tuple[str, float]]  # photo: (category, sure) of the photos there
    roles: dict[str, str]  # staff's roles
    unsure_below: float
    looks: list[list[int]] = field(default_factory=list)
    _role_of: dict[str, str | None] = field(default_factory=dict)
    _members: dict[str, list[tuple[int, float]]] | None = None

    def members(self, role: str) -> list[tuple[int, float]]:
        """(photo, sure) of every photo whose category plays ``role``."""
        if self._members is None:
            by_category: dict[str, list[tuple[int, float]]] = defaultdict(list)
            for pid, (category, sure) in self.categories.items():
                by_category[category].append((pid, sure))
            self._members = defaultdict(list)
            for category, found in by_category.items():
                category_role = self.role(category)
                if category_role:
                    self._members[category_role] += found
        return self._members.get(role, [])

    def role(self, category: str) -> str | None:
        if category not in self._role_of:
            self._role_of[category] = role_of(category, self.roles)
        return self._role_of[category]


def read_shop(session: Session, roles: dict[str, str], unsure_below: float, looks: list[list[int]]) -> Shop:
    """Every photo's category (staff's first, else the surest), in one pass over plain rows."""
    query = select(Tag.photo_id, Tag.name, Tag.source, Tag.confidence).join(Photo, Photo.id == Tag.photo_id) \
        .where(Tag.kind == CATEGORY, Photo.status == OK)
    categories: dict[int, tuple[str, float]] = {}
    rank: dict[int, tuple[bool, float]] = {}
    # The driver's plain tuples: 20,000 rows in a few milliseconds.
    compiled = query.compile(dialect=session.get_bind().dialect, compile_kwargs={"literal_binds": True})
    for photo_id, name, source, confidence in session.connection().exec_driver_sql(str(compiled)).fetchall():
        staff = source == MANUAL
        key = (staff, 1.0 if staff else float(confidence or 0.0))
        if photo_id not in rank or key > rank[photo_id]:
            rank[photo_id] = key
            categories[photo_id] = (name, key[1])
    return Shop(categories, roles, unsure_below, looks)


class ShopCache:
    """The last ``Shop`` read, kept while the catalogue's categories stay as they were (a
    window asks again and again): checked by one aggregate over the category tags (ids,
    names, sources, confidences), and dropped by ``forget`` whenever the window's photos
    change."""

    SIGNATURE = ("SELECT count(*), max(id), total(source = 'manual'), total(confidence), total(id * length(name)), "
                 "total(id * unicode(name)), total(id * unicode(substr(name, -1))), "
                 "total(length(name) * (source = 'manual') * id) FROM tags WHERE kind = 'category'")

    def __init__(self) -> None:
        self._key: tuple | None = None
        self._shop: Shop | None = None

    def forget(self) -> None:
        self._shop = None

    def get(self, session: Session, roles: dict[str, str], unsure_below: float, looks: list[list[int]]) -> Shop:
        signature = tuple(session.connection().exec_driver_sql(self.SIGNATURE).one())
        photos = tuple(session.connection().exec_driver_sql(
            "SELECT count(*), max(id) FROM photos WHERE status = 'ok'").one())
        key = (signature, photos, tuple(sorted(roles.items())), unsure_below)
        if self._shop is None or key != self._key:
            self._shop = read_shop(session, roles, unsure_below, looks)
            self._key = key
        self._shop.looks = looks
        return self._shop


def pieces(session: Session, shop: Shop, photo_ids: list[int]) -> dict[int, Piece]:
    """The pieces for these photos (those with a category that has a role)."""
    colours: dict[int, list[Colour]] = defaultdict(list)
    for start in range(0, len(photo_ids), 500):
        chunk = photo_ids[start:start + 500]
        for pid, name, share, value in session.execute(
                select(Tag.photo_id, Tag.name, Tag.confidence, Tag.value).where(Tag.kind == COLOUR, Tag.photo_id.in_(chunk))):
            colours[pid].append(Colour(name, float(share or 0.0), value))
    found = {}
    for start in range(0, len(photo_ids), 500):
        chunk = photo_ids[start:start + 500]
        rows = session.execute(select(Photo.id, Photo.path, Photo.product_id, Product.stock)
                               .join(Product, Product.id == Photo.product_id, isouter=True).where(Photo.id.in_(chunk)))
        for pid, path, product_id, stock in rows:
            category = shop.categories.get(pid)
            role = shop.role(category[0]) if category else None
            if category and role:
                found[pid] = Piece(pid, path, category[0], role, category[1],
                                   tuple(sorted(colours.get(pid, []), key=lambda c: -c.share)), product_id, stock)
    return found


VectorsOf = Callable[[list[int]], np.ndarray]
Scored = tuple[float, int, Piece, tuple]  # (score, photo id, piece, the score's parts)


def suggest(session: Session, index: VectorIndex, shop: Shop, garment: Piece, vector: np.ndarray,
            k: int, vectors_of: VectorsOf) -> list[Suggestion]:
    """Up to ``k`` pieces for each role the garment needs, best first within each role.
    ``vectors_of(ids)``: the photos' embeddings, in order (hnswlib hands them out slowly)."""
    vector = np.asarray(vector, dtype=np.float32)
    live = index.live_ids
    learned_pairs = _look_pairs(shop, garment.role, live, vectors_of)
    chosen_first: list[Piece] = []
    wide: list[tuple[int, float]] = []
    exclude = {garment.photo_id}
    copies = _Copies(session)
    lists: list[tuple[str, list, dict[int, np.ndarray]]] = []
    for role in needed(garment):
        pool = _pool(shop, role, live) - exclude
        if not pool:
            continue
        near = _nearest(index, vector, pool, vectors_of, wide)
        ids = [pid for pid, _ in near]
        found = pieces(session, shop, ids)
        if not found:
            continue
        vectors = dict(zip(ids, vectors_of(ids)))
        closeness = {pid: max(0.0, cos) for pid, cos in near}
        learned, looks_behind = _learned(learned_pairs.get(role, []), vector, vectors)
        weight = min(LEARNED, LEARNED_PER_LOOK * looks_behind)
        scored = []
        for pid, piece in found.items():
            colour = _colour(piece, garment, chosen_first)
            style, sure = closeness.get(pid, 0.0), piece.sure
            stock = OUT_OF_STOCK if piece.stock is not None and piece.stock <= 0 else 1.0
            liked = (STYLE + LEARNED - weight) * style + SURE * sure + weight * learned.get(pid, 0.0)
            score = stock * colour * (0.5 + 0.5 * liked)
            parts = (("colour", colour), ("style", style), ("sure", sure), ("learned", learned.get(pid, 0.0)),
                     ("stock", stock))
            scored.append((score, pid, piece, parts))
        scored.sort(key=lambda s: (-s[0], s[1]))
        kept, _unsure = _keep(scored, k, vectors, copies)
        if kept:
            chosen_first.append(kept[0][2])
        lists.append((role, scored, vectors))
        exclude |= {pid for _s, pid, _p, _parts in kept}
    # Altered copies among the pieces kept, every role's pairs checked in one go (the check
    # costs the same for one pair as for a dozen); a piece found a copy of one before it
    # makes way for the next, whose pairs are checked in turn.
    while True:
        kept_lists = [_keep(scored, k, vectors, copies) for _role, scored, vectors in lists]
        unsure = [pair for _kept, pairs in kept_lists for pair in pairs]
        if not unsure:
            break
        copies.check(unsure)
    return [Suggestion(role, pid, piece.path, piece.category, round(score, 4), parts)
            for (role, _scored, _vectors), (kept, _pairs) in zip(lists, kept_lists)
            for score, pid, piece, parts in kept]


def _keep(scored: list[Scored], k: int, vectors: dict[int, np.ndarray],
          copies: "_Copies") -> tuple[list[Scored], list[tuple[int, int]]]:
    """The first ``k`` pieces of ``scored`` that are not the same as one kept before them,
    and the pairs among them whose copy check is still to be made (taken as not copies)."""
    kept: list[Scored] = []
    unsure: list[tuple[int, int]] = []
    for item in scored:
        if len(kept) == k:
            break
        pairs = []
        for other in kept:
            if _same(item[2], other[2], vectors):
                break
            verdict = copies.known(item[1], other[1])
            if verdict:
                break
            if verdict is None:
                pairs.append((item[1], other[1]))
        else:
            kept.append(item)
            unsure += pairs
    return kept, unsure


WIDE = 2000  # nearest photos of any role, looked through when a filtered search falls short


def _nearest(index: VectorIndex, vector: np.ndarray, pool: set[int], vectors_of: VectorsOf,
             wide: list) -> list[tuple[int, float]]:
    """The ``POOL`` photos of ``pool`` closest to ``vector``, as (id, cosine), closest first.

    Through the index's filtered search; when that cannot reach a quarter of them (seen
    with a role of 1,500 photos among 20,000 copies of a few hundred), from the ``WIDE``
    nearest photos of any role (``wide``, asked once and kept); else exactly."""
    enough = min(POOL // 4, len(pool))
    near = index.query(vector[None], min(POOL, len(pool)), allow=pool.__contains__)[0]
    if len(near) >= enough:
        return near
    if not wide:
        wide.extend(index.query(vector[None], WIDE)[0])
    found = [(pid, cos) for pid, cos in wide if pid in pool][:POOL]
    if len(found) >= enough:
        return found
    ids = sorted(pool)
    scoring = getattr(vectors_of, "scores", None)
    scores = scoring(ids, vector) if scoring is not None else vectors_of(ids) @ vector
    best = np.argsort(-scores)[:POOL]
    return [(ids[i], float(scores[i])) for i in best]


def _pool(shop: Shop, role: str, live: set[int]) -> set[int]:
    """Photos of the role in the index: those whose category is sure, else (none sure) all."""
    members = shop.members(role)
    sure = {pid for pid, s in members if s >= shop.unsure_below and pid in live}
    return sure or {pid for pid, _ in members if pid in live}


def _colour(piece: Piece, garment: Piece, chosen: list[Piece]) -> float:
    scores = [harmony.garments(list(piece.colours), piece.role, list(garment.colours), garment.role)]
    scores += [harmony.garments(list(piece.colours), piece.role, list(c.colours), c.role) for c in chosen]
    return min(scores)


def _same(a: Piece, b: Piece, vectors: dict[int, np.ndarray]) -> bool:
    if a.product_id is not None and a.product_id == b.product_id:
        return True
    if a.photo_id in vectors and b.photo_id in vectors:
        return float(vectors[a.photo_id] @ vectors[b.photo_id]) > SAME_PHOTO
    return False


class _Copies:
    """Whether two photos are one photo altered (a crop, an edit: their embeddings may differ
    a lot), by the duplicates check on their fingerprints; checked only for the pieces about
    to be kept, each pair once. Photos without a fingerprint are never copies."""

    def __init__(self, session: Session):
        self._session = session
        self._prints: dict[int, bytes | None] = {}
        self._known: dict[tuple[int, int], bool] = {}

    def known(self, a: int, b: int) -> bool | None:
        """Whether they are copies, or None while that is not checked yet."""
        return self._known.get((min(a, b), max(a, b)))

    def check(self, pairs: list[tuple[int, int]]) -> None:
        pairs = sorted({(min(a, b), max(a, b)) for a, b in pairs})
        wanted = sorted({p for pair in pairs for p in pair if p not in self._prints})
        if wanted:
            self._prints.update(dict.fromkeys(wanted))
            self._prints.update(self._session.execute(
                select(Fingerprint.photo_id, Fingerprint.data).where(Fingerprint.photo_id.in_(wanted))).all())
        checkable = [(a, b) for a, b in pairs if self._prints[a] is not None and self._prints[b] is not None]
        self._known.update(dict.fromkeys(pairs, False))
        if checkable:
            prints = {p: data for p, data in self._prints.items() if data is not None}
            self._known.update(zip(checkable, map(bool, is_near(near_scores(checkable, prints)))))


def _look_pairs(shop: Shop, role: str, live: set[int],
                vectors_of: VectorsOf) -> dict[str, list[tuple[np.ndarray, np.ndarray, int]]]:
    """{other role: [(vector of the look's piece of ``role``, vector of its piece of the
    other role, look number)]} over the saved looks."""
    out: dict[str, list[tuple[np.ndarray, np.ndarray, int]]] = defaultdict(list)
    for number, members in enumerate(shop.looks):
        ids = [pid for pid in members if pid in live and pid in shop.categories]
        by_role: dict[str, list[int]] = defaultdict(list)
        for pid in ids:
            piece_role = shop.role(shop.categories[pid][0])
            if piece_role:
                by_role[piece_role].append(pid)
        if role not in by_role:
            continue
        vectors = dict(zip(ids, vectors_of(ids)))
        for mine in by_role[role]:
            for other_role, others in by_role.items():
                if other_role != role:
                    out[other_role] += [(vectors[mine], vectors[o], number) for o in others]
    return out


def _learned(pairs: list[tuple[np.ndarray, np.ndarray, int]], garment: np.ndarray,
             candidates: dict[int, np.ndarray]) -> tuple[dict[int, float], int]:
    """{candidate: learned score in [0, 1]} and how many looks stand behind them."""
    if not pairs or not candidates:
        return {}, 0
    xs = np.stack([x for x, _y, _n in pairs])
    ys = np.stack([y for _x, y, _n in pairs])
    like_garment = np.clip(xs @ garment, 0.0, 1.0)  # (pairs,)
    ids = list(candidates)
    like_piece = np.clip(np.stack([candidates[i] for i in ids]) @ ys.T, 0.0, 1.0)  # (candidates, pairs)
    best = (like_piece * like_garment[None, :]).max(axis=1)
    return dict(zip(ids, best.tolist())), len({n for _x, _y, n in pairs})
