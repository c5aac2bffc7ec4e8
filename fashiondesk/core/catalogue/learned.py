"""What the shop classifier reads from the catalogue and what it writes back.

It reads the stored embeddings and category logits of every photo embedded by the current
model, and staff's categories on them (the examples; a photo that is missing, on an
unplugged drive say, still teaches). It writes one automatic category per readable photo
that has no staff category, in one transaction that holds the write lock before it reads
what is there: a category staff set or accepted while it was learning stays as staff left
it, a category staff rejected on a photo is never written there (the next best is), and a
photo removed meanwhile is skipped. The summary of the last learning is kept in ``meta``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

import numpy as np
from sqlalchemy import delete, insert, select, update
from sqlalchemy.orm import Session

from fashiondesk.core.catalogue.edits import hold_write_lock, tag_key  # noqa: F401 - learning holds it too
from fashiondesk.core.catalogue.models import AUTO, CATEGORY, MANUAL, OK, Embedding, Meta, Photo, Rejection, Tag
from fashiondesk.core.records import LEARNED

SUMMARY_KEY = "teaching"


@dataclass(frozen=True)
class Stored:
    photo_ids: np.ndarray  # (N,) int64
    vectors: np.ndarray  # (N, D) float32
    logits: np.ndarray | None  # (N, K) float32, NaN rows where not stored; None when none is
    readable: np.ndarray  # (N,) bool: the photo is there (status ok), so it can be tagged


def stored(session: Session, model_version: str) -> Stored:
    rows = session.execute(
        select(Embedding.photo_id, Embedding.vector, Embedding.logits, Photo.status)
        .join(Photo, Photo.id == Embedding.photo_id)
        .where(Embedding.model_version == model_version)
        .order_by(Embedding.photo_id)
    ).all()
    if not rows:
        return Stored(np.zeros(0, dtype=np.int64), np.zeros((0, 0), dtype=np.float32), None, np.zeros(0, dtype=bool))
    ids = np.fromiter((r[0] for r in rows), dtype=np.int64, count=len(rows))
    vectors = np.frombuffer(b"".join(r[1] for r in rows), dtype=np.float32).reshape(len(rows), -1)
    width = next((len(r[2]) for r in rows if r[2] is not None), 0)
    logits = None
    if width:
        missing = np.full(width // 4, np.nan, dtype=np.float32).tobytes()
        logits = np.frombuffer(b"".join(r[2] if r[2] is not None and len(r[2]) == width else missing for r in rows),
                               dtype=np.float32).reshape(len(rows), -1)
    readable = np.array([r[3] == OK for r in rows], dtype=bool)
    return Stored(ids, vectors, logits, readable)


def automatic_categories(session: Session) -> dict[int, tuple[str, float | None, str | None]]:
    """Each photo's automatic category: name, confidence, version."""
    return {
        int(p): (str(n), c, v) for p, n, c, v in session.execute(
            select(Tag.photo_id, Tag.name, Tag.confidence, Tag.source_version)
            .where(Tag.kind == CATEGORY, Tag.source == AUTO)
        )
    }


def examples(session: Session, model_version: str) -> list[tuple[int, str]]:
    """(photo id, name) of every staff category on a photo embedded by the model."""
    return [
        (int(p), str(n)) for p, n in session.execute(
            select(Tag.photo_id, Tag.name)
            .join(Embedding, (Embedding.photo_id == Tag.photo_id) & (Embedding.model_version == model_version))
            .where(Tag.kind == CATEGORY, Tag.source == MANUAL)
            .order_by(Tag.photo_id)
        )
    ]


def auto_versions(session: Session, model_version: str) -> set[str | None]:
    """The versions of the automatic categories ``write_categories`` would write: those of
    readable photos embedded by the model."""
    return set(session.scalars(
        select(Tag.source_version).join(Photo, Photo.id == Tag.photo_id)
        .join(Embedding, (Embedding.photo_id == Tag.photo_id) & (Embedding.model_version == model_version))
        .where(Tag.kind == CATEGORY, Tag.source == AUTO, Photo.status == OK).distinct()
    ))


def write_categories(
    session: Session, data: Stored, rows: range, classes: list[str], probs: np.ndarray, version: str,
) -> tuple[set[int], int]:
    """Each readable photo's (of ``rows`` of ``data``) most probable category that staff
    have not rejected on it becomes its automatic category, unless staff set one. Returns
    the photos whose category changed name (or that gained or lost one), and how many
    photos were tagged.

    Call it in a transaction begun by ``hold_write_lock``; a few thousand rows at a time
    keep the lock short (staff's edits wait for it)."""
    if not len(rows):
        return set(), 0
    ids = data.photo_ids[rows.start:rows.stop]
    lo, hi = int(ids.min()), int(ids.max())
    current: dict[int, list[tuple[int, str, str, float | None, str | None]]] = {}
    for tag_id, photo_id, name, source, confidence, source_version in session.execute(
        select(Tag.id, Tag.photo_id, Tag.name, Tag.source, Tag.confidence, Tag.source_version)
        .where(Tag.kind == CATEGORY, Tag.photo_id.between(lo, hi))
    ):
        current.setdefault(photo_id, []).append((tag_id, name, source, confidence, source_version))
    rejected: dict[int, set[str]] = {}
    for photo_id, key in session.execute(select(Rejection.photo_id, Rejection.key).where(
            Rejection.kind == CATEGORY, Rejection.photo_id.between(lo, hi))):
        rejected.setdefault(photo_id, set()).add(key)
    readable = set(session.scalars(select(Photo.id).where(Photo.status == OK, Photo.id.between(lo, hi))))
    keys = [tag_key(c) for c in classes]
    ranked = np.argsort(-probs[rows.start:rows.stop], axis=1)
    updates, inserts, removals, changed, tagged = [], [], [], set(), 0
    for offset, photo_id in enumerate(ids.tolist()):
        row = rows.start + offset
        if not data.readable[row] or photo_id not in readable:
            continue
        tags = current.get(photo_id, [])
        if any(source == MANUAL for _, _, source, _, _ in tags):
            continue
        tagged += 1
        no = rejected.get(photo_id, set())
        best = next((int(i) for i in ranked[offset] if keys[i] not in no), None)
        if best is None:
            removals += [t[0] for t in tags]
            if tags:
                changed.add(photo_id)
            continue
        name, confidence = classes[best], round(float(probs[row, best]), 4)
        if tags:
            tag_id, old_name, _, old_confidence, old_version = tags[0]
            removals += [t[0] for t in tags[1:]]
            if (old_name, old_confidence, old_version) != (name, confidence, version):
                updates.append(dict(id=tag_id, name=name, confidence=confidence, source_version=version, value=None))
                if old_name != name:
                    changed.add(photo_id)
        else:
            inserts.append(dict(photo_id=photo_id, kind=CATEGORY, name=name, source=AUTO, confidence=confidence,
                                source_version=version))
            changed.add(photo_id)
    if removals:
        session.execute(delete(Tag).where(Tag.id.in_(removals)))
    if updates:
        session.execute(update(Tag), updates)
    if inserts:
        session.execute(insert(Tag), inserts)
    return changed, tagged


def forget_learned(session: Session) -> set[int]:
    """Remove the automatic categories the shop classifier wrote (when nothing is left to
    make categories from: a model without categories of its own)."""
    ids = set(session.scalars(select(Tag.photo_id).where(
        Tag.kind == CATEGORY, Tag.source == AUTO, Tag.source_version.startswith(LEARNED))))
    if ids:
        session.execute(delete(Tag).where(Tag.kind == CATEGORY, Tag.source == AUTO,
                                          Tag.source_version.startswith(LEARNED)))
    return ids


def save_summary(session: Session, summary: dict) -> None:
    session.merge(Meta(key=SUMMARY_KEY, value=json.dumps(summary, ensure_ascii=False)))


def load_summary(session: Session) -> dict | None:
    value = session.scalar(select(Meta.value).where(Meta.key == SUMMARY_KEY))
    try:
        return json.loads(value) if value else None
    except ValueError:
        return None
