"""Photos whose files left during this run, and where they may have gone.

Two rules of ``identity`` that need more than a hash:

- *Moved and edited at once* (a batch tool that renames and resizes, a folder renamed and
  its photos re-saved): a new file that still looks like a photo whose file left in this
  run (deleted, overwritten, or in a watched folder that is no longer there) at a cosine
  of ``SAME_PHOTO`` or more is that photo. Only photos that left in this run are
  candidates: a photo deleted last season does not come back on a new shot of a similar
  garment.
- *A copy, then the original deleted* (photos copied to another drive, the old ones
  removed later): while both files exist they are two photos; when the original's file
  goes, its photo takes the copy's place, with the tags staff gave either of them.
"""

from __future__ import annotations

from typing import Iterable, Sequence

import numpy as np
from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session

from fashiondesk.core.catalogue.edits import tag_key
from fashiondesk.core.catalogue.models import CATEGORY, MANUAL, Embedding, LookPhoto, Photo, Tag

# Same threshold as rule 2 (see identity.SAME_PHOTO); kept here so both read the same number.
from fashiondesk.core.catalogue.identity import SAME_PHOTO


class Orphans:
    """The run's photos whose files left, with their embeddings, for the writer to match."""

    def __init__(self, model_version: str, ids: Iterable[int] = ()):
        self._model_version = model_version
        self._waiting: set[int] = set(ids)
        self._vectors: dict[int, np.ndarray] = {}
        self._loaded: set[int] = set()
        # The vectors stacked once, and again only when the set changes: most new photos
        # match nothing, and stacking thousands of vectors for each would cost more than the
        # comparison (an unplugged drive's photos are all candidates).
        self._stacked: tuple[list[int], np.ndarray] | None = None

    def add(self, ids: Iterable[int]) -> None:
        ids = set(ids)
        self._waiting.update(ids)
        self._loaded -= ids

    def take(self, session: Session, vector: bytes) -> int | None:
        """The photo this embedding is, if one that left looks the same; it is taken."""
        self._load(session)
        if not self._vectors:
            return None
        if self._stacked is None:
            ids = list(self._vectors)
            self._stacked = ids, np.stack([self._vectors[i] for i in ids])
        ids, matrix = self._stacked
        scores = matrix @ np.frombuffer(vector, dtype=np.float32)
        best = int(np.argmax(scores))
        if scores[best] < SAME_PHOTO:
            return None
        chosen = ids[best]
        self._vectors.pop(chosen)
        self._waiting.discard(chosen)
        self._stacked = None
        return chosen

    def _load(self, session: Session) -> None:
        todo = sorted(self._waiting - self._loaded)
        for start in range(0, len(todo), 500):
            part = todo[start : start + 500]
            rows = session.execute(
                select(Embedding.photo_id, Embedding.vector)
                .where(Embedding.photo_id.in_(part), Embedding.model_version == self._model_version)
            )
            for photo_id, blob in rows:
                self._vectors[photo_id] = np.frombuffer(blob, dtype=np.float32)
                self._stacked = None
        self._loaded.update(todo)


def merge_copies(session: Session, pairs: Sequence[tuple[int, int]]) -> list[tuple[str, str]]:
    """Each (original, copy): the original's file is gone and the copy holds its bytes; the
    original takes the copy's place with both photos' staff tags, the copy's product when
    it had none, and the looks either was in. Returns (old, new) paths."""
    moved: list[tuple[str, str]] = []
    for original_id, copy_id in pairs:
        original, copy = session.get(Photo, original_id), session.get(Photo, copy_id)
        if original is None or copy is None or copy.content_hash != original.content_hash:
            continue
        _take_staff_tags(session, original_id, copy_id)
        if session.scalar(select(Embedding.photo_id).where(Embedding.photo_id == copy_id).limit(1)) is not None:
            session.execute(delete(Embedding).where(Embedding.photo_id == original_id))
            session.execute(update(Embedding).where(Embedding.photo_id == copy_id).values(photo_id=original_id))
        values = dict(path=copy.path, folder_id=copy.folder_id, size=copy.size, mtime=copy.mtime, inode=copy.inode,
                      status=copy.status, error=copy.error, width=copy.width, height=copy.height)
        if original.product_id is None and copy.product_id is not None:
            values.update(product_id=copy.product_id, product_position=copy.product_position)
        _take_looks(session, original_id, copy_id)
        old_path, new_path = original.path, copy.path
        session.execute(delete(Photo).where(Photo.id == copy_id))
        session.flush()
        session.execute(update(Photo).where(Photo.id == original_id).values(**values))
        session.expire_all()
        moved.append((old_path, new_path))
    return moved


def _take_looks(session: Session, original_id: int, copy_id: int) -> None:
    """The looks the copy was in now hold the original (once)."""
    mine = set(session.scalars(select(LookPhoto.look_id).where(LookPhoto.photo_id == original_id)))
    for member in session.scalars(select(LookPhoto).where(LookPhoto.photo_id == copy_id)).all():
        if member.look_id in mine:
            session.delete(member)
        else:
            session.execute(update(LookPhoto).where(LookPhoto.look_id == member.look_id, LookPhoto.photo_id == copy_id)
                            .values(photo_id=original_id))
    session.flush()


def _take_staff_tags(session: Session, original_id: int, copy_id: int) -> None:
    """The copy's staff tags join the original's; of two staff categories, the newer wins."""
    mine = {(t.kind, tag_key(t.name)): t for t in session.scalars(select(Tag).where(Tag.photo_id == original_id))}
    my_category = next((t for t in mine.values() if t.kind == CATEGORY and t.source == MANUAL), None)
    for tag in session.scalars(select(Tag).where(Tag.photo_id == copy_id, Tag.source == MANUAL)).all():
        if tag.kind == CATEGORY:
            if my_category is not None and my_category.created_at >= tag.created_at:
                continue
            session.execute(delete(Tag).where(Tag.photo_id == original_id, Tag.kind == CATEGORY))
            session.flush()
            tag.photo_id = original_id
        elif (tag.kind, tag_key(tag.name)) not in mine:
            tag.photo_id = original_id
            mine[(tag.kind, tag_key(tag.name))] = tag
    session.flush()
