"""Keeping the similarity index in step with the catalogue.

The catalogue is the source of truth. On every open the index's live ids are compared
with the photos that are readable and embedded by the current model: what is missing is
added from the stored embeddings, what should not be there is mark-deleted. A different
model version or dimension, or a sidecar that does not match its file, means a rebuild.
So a crash between a catalogue write and an index write leaves nothing unfindable: the
next open repairs it.
"""

from __future__ import annotations

import hashlib
import logging
from pathlib import Path

import numpy as np
from sqlalchemy import func, select

from fashiondesk.core.catalogue.db import Catalogue, default_db_path
from fashiondesk.core.catalogue.models import OK, Embedding, Photo
from fashiondesk.core.index.hnsw import VectorIndex

log = logging.getLogger("fashiondesk.index")

# Model versions renamed without new vectors (catalogue schema 4): an index saved under the
# old name is kept, not rebuilt.
RENAMED = {"lite0-clothing-ffc28458-cam1-colours2": "lite0-clothing-ffc28458-cam1"}


def index_path(catalogue: Catalogue) -> Path:
    db = catalogue.file
    if db is not None:
        return db.with_name(db.name + ".hnsw")
    digest = hashlib.sha256(catalogue.url.encode()).hexdigest()[:12]
    return default_db_path().with_name(f"index-{digest}.hnsw")


def indexed_ids(catalogue: Catalogue, model_version: str) -> set[int]:
    with catalogue.sessions() as session:
        return set(
            session.scalars(
                select(Embedding.photo_id)
                .join(Photo, Photo.id == Embedding.photo_id)
                .where(Embedding.model_version == model_version, Photo.status == OK)
            )
        )


def load_vectors(catalogue: Catalogue, model_version: str, ids: list[int], chunk: int = 2000):
    """Yield (ids, vectors) in chunks, straight from the catalogue's blobs."""
    with catalogue.sessions() as session:
        for start in range(0, len(ids), chunk):
            part = ids[start : start + chunk]
            rows = session.execute(
                select(Embedding.photo_id, Embedding.vector).where(
                    Embedding.model_version == model_version, Embedding.photo_id.in_(part)
                )
            ).all()
            if rows:
                yield [r[0] for r in rows], np.stack([np.frombuffer(r[1], dtype=np.float32) for r in rows])


def _renewed(catalogue: Catalogue, model_version: str, since: int) -> tuple[int, set[int]]:
    """The newest embedding batch, and the photos embedded after batch ``since``."""
    with catalogue.sessions() as session:
        newest = session.scalar(select(func.max(Embedding.seq)).where(Embedding.model_version == model_version))
        renewed = set(
            session.scalars(
                select(Embedding.photo_id).where(Embedding.model_version == model_version, Embedding.seq > since)
            )
        )
    return newest or 0, renewed


def open_index(catalogue: Catalogue, model_version: str, dim: int, save: bool = True) -> VectorIndex:
    path = index_path(catalogue)
    index = VectorIndex.load(path)
    if index is not None and RENAMED.get(index.sidecar.model_version) == model_version:
        index.sidecar.model_version = model_version  # the same vectors under their new name
    if index is None or index.sidecar.model_version != model_version or index.sidecar.dim != dim:
        index = None
    wanted = indexed_ids(catalogue, model_version)
    if index is None:
        index = VectorIndex.create(model_version, dim, capacity=len(wanted) + 1024)
        have: set[int] = set()
        changed = True
    else:
        have = index.live_ids
        changed = False
    extra = have - wanted
    if extra:
        index.remove(extra)
        changed = True
    newest, renewed = _renewed(catalogue, model_version, index.sidecar.seq)
    # Photos not in the index, and photos whose embedding changed since it was saved (an
    # edit kept as the same photo, an id given to a new photo): hnswlib replaces a label's vector.
    missing = sorted((wanted - have) | (renewed & wanted))
    for ids, vectors in load_vectors(catalogue, model_version, missing):
        index.add(ids, vectors)
        changed = True
    if newest != index.sidecar.seq:
        index.sidecar.seq = newest
        changed = True
    if changed and save:
        try:
            index.save(path)
        except OSError as exc:
            # A full disk or a read-only folder: this answer is still right, the next open
            # rebuilds what could not be kept.
            log.warning("could not save the similarity index %s: %s", path, exc)
    return index


class VectorTable:
    """Every indexed photo's embedding in memory (5 KB a photo: 100 MB at 20,000), for
    exact scoring of large candidate sets: hnswlib hands its stored vectors out at about 80
    microseconds each, and one matrix-vector product scores 20,000 photos in a few
    milliseconds. The window keeps one between answers."""

    def __init__(self, ids: list[int], vectors: np.ndarray):
        self._row = {pid: n for n, pid in enumerate(ids)}
        self._vectors = np.ascontiguousarray(vectors, dtype=np.float32)

    @classmethod
    def load(cls, catalogue: Catalogue, model_version: str) -> "VectorTable":
        ids: list[int] = []
        chunks = []
        for chunk_ids, vectors in load_vectors(catalogue, model_version, sorted(indexed_ids(catalogue, model_version))):
            ids += chunk_ids
            chunks.append(vectors)
        return cls(ids, np.concatenate(chunks) if chunks else np.zeros((0, 1), np.float32))

    def __call__(self, ids: list[int]) -> np.ndarray:
        return self._vectors[[self._row[i] for i in ids]]

    def scores(self, ids: list[int], vector: np.ndarray) -> np.ndarray:
        """Cosine of each photo in ``ids`` with ``vector`` (all unit length)."""
        return (self._vectors @ np.asarray(vector, dtype=np.float32))[[self._row[i] for i in ids]]


def vectors_from(catalogue: Catalogue, model_version: str):
    """``ids -> vectors`` read from the catalogue each time (a command answers once)."""

    def read(ids: list[int]) -> np.ndarray:
        found: dict[int, np.ndarray] = {}
        for chunk_ids, vectors in load_vectors(catalogue, model_version, list(ids)):
            found.update(zip(chunk_ids, vectors))
        return np.stack([found[i] for i in ids]) if ids else np.zeros((0, 1), np.float32)

    return read
