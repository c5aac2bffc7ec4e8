"""Duplicates: exact copies, the same photo altered, and similar photos, with the file to keep."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable

import numpy as np
from sqlalchemy import exists, func, select

from fashiondesk.core.catalogue.db import Catalogue
from fashiondesk.core.catalogue.models import Embedding, Fingerprint, Photo
from fashiondesk.core.index import duplicates as finder
from fashiondesk.core.index.store import indexed_ids, load_vectors, open_index
from fashiondesk.core.records import OK
from fashiondesk.core.services.errors import UserError
from fashiondesk.core.vision.spec import shipped_spec

KINDS = finder.KINDS
DEFAULT_THRESHOLD = finder.DEFAULT_THRESHOLD
SIMILAR_THRESHOLD = finder.SIMILAR_THRESHOLD


@dataclass(frozen=True)
class Copy:
    photo_id: int
    path: str
    width: int | None
    height: int | None
    size: int
    keep: bool  # the one suggested to keep: the most pixels, then the oldest file


@dataclass(frozen=True)
class DuplicateGroup:
    kind: str  # "exact", "near" or "similar"
    score: float  # the weakest link: 1.0 for exact copies, detail agreement, or embedding cosine
    photos: tuple[Copy, ...]  # the one to keep first


@dataclass
class Duplicates:
    groups: list[DuplicateGroup] = field(default_factory=list)
    unchecked: int = 0  # photos without a fingerprint yet (indexed before it existed): exact and similar only


def _keep_order(photo: Photo) -> tuple:
    """The most pixels; among equals the oldest file (an edit or a re-save is newer than its
    original), then the largest."""
    return (-(photo.width or 0) * (photo.height or 0), photo.mtime, -max(photo.size, 0), len(photo.path), photo.id)


def find(catalogue: Catalogue, threshold: float | None = None, kinds: Iterable[str] = ("exact", "near"),
         similar: float | None = None) -> Duplicates:
    """Groups of ``kinds`` among the catalogue's photos; ``threshold`` is the share of fine
    detail two photos must have in common once aligned to be the same photo (0-1). The
    checks of the arguments stay English: only the command line sets them."""
    threshold = DEFAULT_THRESHOLD if threshold is None else threshold
    similar = SIMILAR_THRESHOLD if similar is None else similar
    if not 0.0 < threshold <= 1.0:
        raise UserError("the threshold is a share of detail in common, above 0 and at most 1")
    if not -1.0 <= similar <= 1.0:
        raise UserError("the similar threshold is a cosine similarity between -1 and 1")
    kinds = tuple(kinds)
    if not kinds:
        raise UserError("name at least one kind of duplicate: exact, near or similar")
    unknown = [k for k in kinds if k not in KINDS]
    if unknown:
        raise UserError(f"unknown kind of duplicate: {', '.join(unknown)} (choose from exact, near, similar)")
    spec = shipped_spec()
    ids = sorted(indexed_ids(catalogue, spec.version))
    if not ids:
        return Duplicates()
    chunks, order = [], []
    for chunk_ids, vectors in load_vectors(catalogue, spec.version, ids):
        order.extend(chunk_ids)
        chunks.append(vectors)
    with catalogue.sessions() as session:
        photos = {p.id: p for p in session.scalars(select(Photo).where(Photo.status == OK))}
        session.expunge_all()
        unchecked = session.scalar(select(func.count()).select_from(Photo).where(
            Photo.status == OK, Photo.id.in_(select(Embedding.photo_id).where(Embedding.model_version == spec.version)),
            ~exists().where(Fingerprint.photo_id == Photo.id))) or 0

    def load_prints(wanted: set[int]) -> dict[int, bytes]:
        """Only the fingerprints of photos in a candidate pair (20,000 of them are 97 MB)."""
        ordered = sorted(wanted)
        found: dict[int, bytes] = {}
        with catalogue.sessions() as session:
            for start in range(0, len(ordered), 5000):
                found.update(session.execute(select(Fingerprint.photo_id, Fingerprint.data).where(
                    Fingerprint.photo_id.in_(ordered[start : start + 5000]))).all())
        return found

    index = open_index(catalogue, spec.version, spec.embedding_dim)
    hashes = {pid: photos[pid].content_hash for pid in order if pid in photos}
    last = (float("inf"),)

    def rank(photo_id: int) -> tuple:
        return _keep_order(photos[photo_id]) if photo_id in photos else last

    groups = finder.find_groups(index, order, np.concatenate(chunks), hashes, load_prints, threshold, similar, kinds,
                                rank)
    out = Duplicates(unchecked=unchecked if "near" in kinds else 0)
    for group in groups:
        members = sorted((photos[i] for i in group.photo_ids if i in photos), key=_keep_order)
        if len(members) < 2:
            continue
        copies = tuple(Copy(p.id, p.path, p.width, p.height, p.size, keep=n == 0 and group.kind != "similar")
                       for n, p in enumerate(members))
        out.groups.append(DuplicateGroup(group.kind, group.min_score, copies))
    return out
