"""Similar-items queries: by catalogued photos, by an outside photo, with filters.

Scores are cosine similarities between L2-normalised embeddings, in [-1, 1], best first.
Several query photos are averaged ("more like these"). With a filter (category, tag,
colour), a small set of matches is searched exactly; a large one through the index with
a filter, so k results come back whenever k matches exist.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import AbstractSet, Sequence

import numpy as np
from sqlalchemy import func, select

from fashiondesk.core.catalogue.db import Catalogue
from fashiondesk.core.catalogue.models import CATEGORY, COLOUR, CUSTOM, MISSING, Embedding, Photo, Tag
from fashiondesk.core.index.hnsw import VectorIndex
from fashiondesk.core.records import Hit
from fashiondesk.core.index.store import load_vectors

EXACT_BELOW = 20_000  # filtered sets smaller than this are searched exactly


@dataclass(frozen=True)
class Filters:
    category: str | None = None
    tag: str | None = None
    colour: str | None = None

    def __bool__(self) -> bool:
        return any((self.category, self.tag, self.colour))


def allowed_ids(catalogue: Catalogue, filters: Filters) -> set[int] | None:
    if not filters:
        return None
    result: set[int] | None = None
    with catalogue.sessions() as session:
        for kind, name in ((CATEGORY, filters.category), (CUSTOM, filters.tag), (COLOUR, filters.colour)):
            if not name:
                continue
            ids = set(
                session.scalars(
                    select(Tag.photo_id).where(Tag.kind == kind, func.lower(Tag.name) == name.casefold())
                )
            )
            result = ids if result is None else result & ids
    return result


def catalogued_ids(catalogue: Catalogue, model_version: str, paths: Sequence[str]) -> list[int | None]:
    """The embedded photo at each path (the one there now, else the latest one gone from
    it), or None for a path the catalogue has no embedding for."""
    ids: list[int | None] = []
    with catalogue.sessions() as session:
        for path in paths:
            plain = os.path.abspath(path)
            real = os.path.join(os.path.realpath(os.path.dirname(plain)), os.path.basename(plain))
            ids.append(
                session.scalar(
                    select(Photo.id)
                    .join(Embedding, Embedding.photo_id == Photo.id)
                    .where(Photo.path.in_({plain, real}), Embedding.model_version == model_version)
                    .order_by(Photo.status == MISSING, Photo.id.desc())
                    .limit(1)
                )
            )
    return ids


def photo_vectors(catalogue: Catalogue, model_version: str, paths: Sequence[str]) -> tuple[list[int], np.ndarray] | None:
    """Embeddings of catalogued photos, or None if any path is not catalogued and embedded."""
    found = catalogued_ids(catalogue, model_version, paths)
    if None in found:
        return None
    ids = [pid for pid in found if pid is not None]
    vectors: dict[int, np.ndarray] = {}
    for chunk_ids, chunk in load_vectors(catalogue, model_version, ids):
        vectors.update(zip(chunk_ids, chunk))
    return ids, np.stack([vectors[i] for i in ids])


def mean_direction(vectors: np.ndarray) -> np.ndarray:
    v = np.asarray(vectors, dtype=np.float32).mean(axis=0)
    norm = np.linalg.norm(v)
    return v / norm if norm > 0 else v


def search(
    catalogue: Catalogue,
    index: VectorIndex,
    query: np.ndarray,
    k: int,
    exclude: AbstractSet[int] = frozenset(),
    filters: Filters = Filters(),
) -> list[Hit]:
    allowed = allowed_ids(catalogue, filters)
    if allowed is not None:
        allowed = (allowed & index.live_ids) - set(exclude)
        if len(allowed) < EXACT_BELOW:
            pairs = _exact(catalogue, index.sidecar.model_version, query, sorted(allowed), k)
        else:
            pairs = index.query(query[None], k, allow=allowed.__contains__)[0]
    else:
        pairs = [(i, s) for i, s in index.query(query[None], k + len(exclude))[0] if i not in exclude][:k]
    return _with_paths(catalogue, pairs)


def _exact(catalogue, model_version, query, ids, k) -> list[tuple[int, float]]:
    scored: list[tuple[int, float]] = []
    for chunk_ids, vectors in load_vectors(catalogue, model_version, ids):
        scores = vectors @ query
        scored.extend(zip(chunk_ids, scores.tolist()))
    scored.sort(key=lambda p: -p[1])
    return scored[:k]


def _with_paths(catalogue: Catalogue, pairs: list[tuple[int, float]]) -> list[Hit]:
    if not pairs:
        return []
    with catalogue.sessions() as session:
        paths = dict(session.execute(select(Photo.id, Photo.path).where(Photo.id.in_([p[0] for p in pairs]))).all())
    return [Hit(pid, paths[pid], score) for pid, score in pairs if pid in paths]


def product_members(catalogue: Catalogue, photo_ids: AbstractSet[int]) -> set[int]:
    """The photos in the same products as these (these included)."""
    with catalogue.sessions() as session:
        products = set(session.scalars(select(Photo.product_id).where(
            Photo.id.in_(list(photo_ids)), Photo.product_id.is_not(None))))
        return set(photo_ids) | set(session.scalars(select(Photo.id).where(Photo.product_id.in_(products))))


def one_per_product(catalogue: Catalogue, hits: list[Hit]) -> list[Hit]:
    """The best photo of each product, best first, with the product's handle; a photo in
    no product stands for itself."""
    from fashiondesk.core.catalogue.models import Product

    with catalogue.sessions() as session:
        rows = session.execute(select(Photo.id, Photo.product_id, Product.handle)
                               .join(Product, Product.id == Photo.product_id, isouter=True)
                               .where(Photo.id.in_([h.photo_id for h in hits]))).all()
    of = {pid: (product_id, handle) for pid, product_id, handle in rows}
    seen: set[object] = set()
    kept = []
    for hit in hits:
        product_id, handle = of.get(hit.photo_id, (None, None))
        key = ("product", product_id) if product_id is not None else ("photo", hit.photo_id)
        if key not in seen:
            seen.add(key)
            kept.append(Hit(hit.photo_id, hit.path, hit.score, handle))
    return kept
