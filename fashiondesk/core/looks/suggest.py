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
closer than ``SAME_PHOTO``). Change the weights here; ``tests/core/test_outfits.py``
checks the rules they implement.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

import numpy as np
from sqlalchemy import select
from sqlalchemy.orm import Session

from fashiondesk.core.catalogue.models import CATEGORY, COLOUR, MANUAL, OK, Photo, Product, Tag
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

    def role(self, category: str) -> str | None:
        if category not in self._role_of:
            self._role_of[category] = role_of(category, self.roles)
        return self._role_of[category]


def best_category(tags) -> tuple[str, float, bool] | None:
    """(name, sure, staff's) of a photo's category tags: staff's first, else the surest."""
    best = max(tags, key=lambda t: (t.source == MANUAL, t.confidence or 0.0), default=None)
    if best is None:
        return None
    return best.name, 1.0 if best.source == MANUAL else float(best.confidence or 0.0), best.source == MANUAL


def read_shop(session: Session, roles: dict[str, str], unsure_below: float, looks: list[list[int]]) -> Shop:
    tags: dict[int, list] = defaultdict(list)
    query = select(Tag.photo_id, Tag.name, Tag.source, Tag.confidence).join(Photo, Photo.id == Tag.photo_id) \
        .where(Tag.kind == CATEGORY, Photo.status == OK)
    for row in session.execute(query):
        tags[row.photo_id].append(row)
    categories = {}
    for photo_id, own in tags.items():
        best = best_category(own)
        if best is not None:
            categories[photo_id] = (best[0], best[1])
    return Shop(categories, roles, unsure_below, looks)


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


def suggest(session: Session, index: VectorIndex, shop: Shop, garment: Piece, vector: np.ndarray,
            k: int) -> list[Suggestion]:
    """Up to ``k`` pieces for each role the garment needs, best first within each role."""
    vector = np.asarray(vector, dtype=np.float32)
    live = index.live_ids
    learned_pairs = _look_pairs(session, index, shop, garment.role)
    chosen_first: list[Piece] = []
    answer: list[Suggestion] = []
    exclude = {garment.photo_id}
    for role in NEEDS[garment.role]:
        pool = _pool(shop, role, live) - exclude
        if not pool:
            continue
        near = index.query(vector[None], min(POOL, len(pool)), allow=pool.__contains__)[0]
        ids = [pid for pid, _ in near]
        found = pieces(session, shop, ids)
        if not found:
            continue
        vectors = dict(zip(ids, index.vectors(ids)))
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
        kept: list[tuple[float, int, Piece, tuple]] = []
        for item in scored:
            if len(kept) == k:
                break
            if any(_same(item[2], other[2], vectors) for other in kept):
                continue
            kept.append(item)
        if kept:
            chosen_first.append(kept[0][2])
        answer += [Suggestion(role, pid, piece.path, piece.category, round(score, 4), parts)
                   for score, pid, piece, parts in kept]
        exclude |= {pid for _s, pid, _p, _parts in kept}
    return answer


def _pool(shop: Shop, role: str, live: set[int]) -> set[int]:
    """Photos of the role in the index: those whose category is sure, else (none sure) all."""
    members = [(pid, sure) for pid, (category, sure) in shop.categories.items()
               if shop.role(category) == role and pid in live]
    sure = {pid for pid, s in members if s >= shop.unsure_below}
    return sure or {pid for pid, _ in members}


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


def _look_pairs(session: Session, index: VectorIndex, shop: Shop, role: str) -> dict[str, list[tuple[np.ndarray, np.ndarray, int]]]:
    """{other role: [(vector of the look's piece of ``role``, vector of its piece of the
    other role, look number)]} over the saved looks."""
    live = index.live_ids
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
        vectors = dict(zip(ids, index.vectors(ids)))
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
