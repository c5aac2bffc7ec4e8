"""The one place that writes index results: a single thread, short transactions.

Workers hand over frozen results; the writer thread owns its own session and commits each
batch in one transaction, so a kill at any moment leaves every photo either fully
recorded (row, embedding, auto-tags) or not at all, and the next run picks it up.
"""

from __future__ import annotations

import queue
import threading
from dataclasses import dataclass
from typing import Callable, Sequence

import numpy as np
from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session, sessionmaker

from fashiondesk.core.catalogue.models import (
    AUTO,
    CATEGORY,
    FAILED,
    MANUAL,
    MISSING,
    OK,
    Embedding,
    Fingerprint,
    Meta,
    Photo,
    Rejection,
    SkippedFile,
    Tag,
    TagRun,
    utcnow,
)
from fashiondesk.core.catalogue.edits import tag_key
from fashiondesk.core.catalogue.identity import SAME_PHOTO
from fashiondesk.core.catalogue.orphans import Orphans
from fashiondesk.core.records import CHANGED_MEANWHILE, AutoTag, Extracted, Failed, FileEntry, Result, Retagged  # noqa: F401


@dataclass
class Outcome:
    photo_id: int | None
    relinked_from: str | None = None  # the old path, when a moved file was recognised
    replaced: bool = False  # another photo was at this path; it now waits as missing, with its tags
    skipped: str | None = None  # why nothing was written for this file


def _vacate(session: Session, path: str, keep: int | None, orphans: Orphans | None = None) -> bool:
    """Any other photo still recorded at path steps aside as missing (its tags stay with it)."""
    query = update(Photo).where(Photo.path == path, Photo.status != MISSING)
    if keep is not None:
        query = query.where(Photo.id != keep)
    ids = list(session.scalars(query.values(status=MISSING).returning(Photo.id)))
    if orphans is not None:
        orphans.add(ids)
    return bool(ids)


def _looks_the_same(session: Session, old: Photo, result: Extracted) -> bool:
    """Rule 2 of ``identity``: is this changed file the photo that was at its path, edited?"""
    stored = session.scalar(
        select(Embedding.vector).where(Embedding.photo_id == old.id, Embedding.model_version == result.model_version)
    )
    if stored is not None:
        a = np.frombuffer(stored, dtype=np.float32)
        b = np.frombuffer(result.vector, dtype=np.float32)
        return float(a @ b) >= SAME_PHOTO
    # Nothing to compare with: a photo that could never be read was never seen or tagged by
    # its looks, so it stays the same entry; anything else is not assumed to be the same.
    return old.status == FAILED and not session.scalar(select(Embedding.photo_id).where(Embedding.photo_id == old.id))


def _choose(session: Session, result: Result, orphans: Orphans | None) -> Photo | None:
    entry = result.entry
    if entry.photo_id is not None:
        return session.get(Photo, entry.photo_id)
    if entry.compare_with is not None:
        old = session.get(Photo, entry.compare_with)
        if old is not None and isinstance(result, Failed):
            # Bytes that cannot be decoded (a save caught half-written, say) never push the
            # photo that was here aside: it stays, marked failed, until the file reads again.
            return old if old.id == entry.known_id else None
        if old is not None and isinstance(result, Extracted) and _looks_the_same(session, old, result):
            return old
    if isinstance(result, Extracted) and orphans is not None:
        found = orphans.take(session, result.vector)  # moved and edited at once
        if found is not None:
            return session.get(Photo, found)
    return None


def _place(
    session: Session, entry: FileEntry, photo: Photo | None, orphans: Orphans | None = None
) -> tuple[Photo, str | None, bool]:
    """Put the photo (or a new one) at entry.path; returns it, its old path, and whether another
    photo had to step aside."""
    replaced = _vacate(session, entry.path, photo.id if photo is not None else None, orphans)
    old_path = None
    if photo is None:
        photo = Photo(path=entry.path, folder_id=entry.folder_id, size=entry.size, mtime=entry.mtime, status=OK)
        session.add(photo)
    elif photo.path != entry.path:
        old_path, photo.path = photo.path, entry.path
    photo.folder_id = entry.folder_id
    photo.size, photo.mtime, photo.inode = entry.size, entry.mtime, entry.inode
    session.flush()
    return photo, old_path, replaced


def apply_results(session: Session, results: Sequence[Result], orphans: Orphans | None = None) -> list[Outcome]:
    outcomes = []
    seq = None
    for result in results:
        entry = result.entry
        if (isinstance(result, Failed) and result.changed) or (
                entry.expected_hash is not None and result.content_hash is not None
                and result.content_hash != entry.expected_hash):
            outcomes.append(Outcome(None, skipped=CHANGED_MEANWHILE))
            continue
        chosen = _choose(session, result, orphans)
        if isinstance(result, Failed) and chosen is not None:
            outcomes.append(_failed_again(session, chosen, result))
            continue
        photo, old_path, replaced = _place(session, entry, chosen, orphans)
        photo.content_hash = result.content_hash
        photo.indexed_at = utcnow()
        if isinstance(result, Extracted):
            photo.status, photo.error = OK, None
            photo.width, photo.height = result.width, result.height
            kept = session.get(Embedding, (photo.id, result.model_version)) if entry.retag_only else None
            if kept is not None and kept.vector == result.vector:
                # Same bytes, same model: the embedding (and the similarity index) stay as they are.
                kept.logits, kept.garment_map = result.logits, result.garment_map
            else:
                seq = seq or next_seq(session)
                session.execute(delete(Embedding).where(Embedding.photo_id == photo.id))
                session.add(Embedding(photo_id=photo.id, model_version=result.model_version, vector=result.vector,
                                      seq=seq, logits=result.logits, garment_map=result.garment_map))
            _replace_auto_tags(session, photo.id, result.tags, {kind for kind, _ in result.runs})
            _record_runs(session, photo.id, result.runs)
            if result.fingerprint is not None:
                session.merge(Fingerprint(photo_id=photo.id, data=result.fingerprint))
        else:
            photo.status, photo.error = FAILED, result.reason
            if result.transient:
                photo.size = RETRY
        outcomes.append(Outcome(photo.id, old_path, replaced))
    return outcomes


# A photo's recorded size when its file must be read again on the next run whatever its
# file facts say (a read that failed may work next time).
RETRY = -1


def _failed_again(session: Session, photo: Photo, result: Failed) -> Outcome:
    """A known photo whose file cannot be read or decoded now keeps what it is (its hash,
    embedding and tags, all of which describe its last good bytes) and says why it failed."""
    entry = result.entry
    _vacate(session, entry.path, photo.id)
    old_path = None
    if photo.path != entry.path:
        old_path, photo.path = photo.path, entry.path
    photo.folder_id = entry.folder_id
    photo.status, photo.error = FAILED, result.reason
    # New file facts: a file that changes again (a save completed) is read again then.
    photo.size, photo.mtime, photo.inode = entry.size, entry.mtime, entry.inode
    if result.transient:
        photo.size = RETRY
    session.flush()
    return Outcome(photo.id, old_path)


def next_seq(session: Session) -> int:
    """A number for this batch's embeddings, larger than any before: the similarity index
    re-reads every embedding newer than the last one it has (a photo edited in place, an id
    used again)."""
    current = session.scalar(select(Meta.value).where(Meta.key == "embedding_seq"))
    seq = int(current or 0) + 1
    session.merge(Meta(key="embedding_seq", value=str(seq)))
    return seq


def move_photos(session: Session, entries: Sequence[FileEntry]) -> list[Outcome]:
    """Photos found at a new path (or touched) whose bytes are already embedded: no decode.

    In bulk: the photos that move first step aside (as missing, so that two photos swapping
    names never hold one path at once), then whatever else is still at a target path steps
    aside for good, then every photo takes its new place.
    """
    asked = list(entries)
    old = dict(session.execute(select(Photo.id, Photo.path).where(Photo.id.in_([e.photo_id for e in asked]))).all())
    entries = [e for e in asked if e.photo_id in old]
    ids = [e.photo_id for e in entries]
    session.execute(update(Photo).where(Photo.id.in_(ids)).values(status=MISSING))
    vacated = set(
        session.scalars(
            update(Photo)
            .where(Photo.path.in_([e.path for e in entries]), Photo.status != MISSING, Photo.id.not_in(ids))
            .values(status=MISSING)
            .returning(Photo.path)
        )
    )
    session.execute(
        update(Photo),
        [
            dict(id=e.photo_id, path=e.path, folder_id=e.folder_id, size=e.size, mtime=e.mtime, inode=e.inode,
                 status=OK, error=None)
            for e in entries
        ],
    )
    return [
        Outcome(e.photo_id, old[e.photo_id] if old[e.photo_id] != e.path else None, e.path in vacated)
        if e.photo_id in old else Outcome(None, skipped="its catalogue entry was removed during the run")
        for e in asked
    ]


def record_skipped(session: Session, by_folder: dict[int, list[tuple[str, str]]]) -> None:
    """What each folder's scan could not take, replacing what its last scan found."""
    for folder_id, skipped in by_folder.items():
        session.execute(delete(SkippedFile).where(SkippedFile.folder_id == folder_id))
        session.add_all(SkippedFile(folder_id=folder_id, path=path, reason=reason) for path, reason in skipped)


def record_inodes(session: Session, pairs: Sequence[tuple[int, int]]) -> None:
    if pairs:
        session.execute(update(Photo), [dict(id=photo_id, inode=inode) for photo_id, inode in pairs])


def _replace_auto_tags(session: Session, photo_id: int, tags: Sequence[AutoTag], kinds: set[str] | None = None) -> None:
    """The photo's automatic tags (of ``kinds``: those the sources that ran make) become
    ``tags``; staff's tags stay as they are, and a staff category keeps the model's out."""
    existing = {
        (t.kind, t.name): t for t in session.scalars(select(Tag).where(Tag.photo_id == photo_id))
        if kinds is None or t.kind in kinds or t.source == MANUAL
    }
    if any(kind == CATEGORY and tag.source == MANUAL for (kind, _), tag in existing.items()):
        tags = [t for t in tags if t.kind != CATEGORY]
    tags = list({(t.kind, t.name): t for t in tags}.values())  # a source naming a tag twice: once
    rejected = set(session.execute(select(Rejection.kind, Rejection.key).where(Rejection.photo_id == photo_id)).all())
    tags = [t for t in tags if (t.kind, tag_key(t.name)) not in rejected]  # staff said no
    wanted = {(t.kind, t.name) for t in tags}
    for key, tag in existing.items():
        if tag.source == AUTO and key not in wanted:
            session.delete(tag)
    for t in tags:
        found = existing.get((t.kind, t.name))
        if found is None:
            session.add(Tag(photo_id=photo_id, kind=t.kind, name=t.name, source=AUTO, confidence=t.confidence,
                            value=t.value, source_version=t.version))
        elif found.source == AUTO:
            found.confidence, found.value, found.source_version = t.confidence, t.value, t.version
        # A manual tag of the same name stays as staff set it.


def _record_runs(session: Session, photo_id: int, runs: Sequence[tuple[str, str]]) -> None:
    if runs:
        session.execute(delete(TagRun).where(TagRun.photo_id == photo_id, TagRun.kind.in_([k for k, _ in runs])))
        session.add_all(TagRun(photo_id=photo_id, kind=kind, version=version) for kind, version in runs)


def apply_retags(session: Session, results: Sequence[Retagged]) -> list[int]:
    """Automatic tags made again by a newer method (no decode by the model needed)."""
    done = []
    for result in results:
        photo = session.get(Photo, result.photo_id)
        if photo is None:
            continue
        if result.retry:
            photo.size = RETRY
            continue
        _replace_auto_tags(session, result.photo_id, result.tags, {kind for kind, _ in result.runs})
        _record_runs(session, result.photo_id, result.runs)
        done.append(result.photo_id)
    return done


def store_fingerprints(session: Session, made: Sequence[tuple[int, str, bytes]]) -> None:
    """Fingerprints of photos indexed before they were kept: (photo id, the content hash
    they were made from, fingerprint); a photo whose bytes changed meanwhile is skipped."""
    hashes = dict(session.execute(select(Photo.id, Photo.content_hash).where(Photo.id.in_([m[0] for m in made]))).all())
    for photo_id, digest, data in made:
        if hashes.get(photo_id) == digest:
            session.merge(Fingerprint(photo_id=photo_id, data=data))


def mark_missing(session: Session, photo_ids: Sequence[int]) -> None:
    if photo_ids:
        session.execute(update(Photo).where(Photo.id.in_(list(photo_ids))).values(status=MISSING))


class Writer:
    """Runs write jobs one after another on its own thread, each in its own transaction.

    ``submit`` blocks when a few jobs are already waiting, which keeps memory bounded and
    lets the writer set the pace if the disk is slow. An error in a job is raised again
    from the next ``submit`` or from ``close``.
    """

    def __init__(self, sessions: sessionmaker[Session], backlog: int = 4):
        self._sessions = sessions
        self._jobs: queue.Queue = queue.Queue(maxsize=backlog)
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, name="fashiondesk-writer", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while True:
            job = self._jobs.get()
            if job is None:
                return
            fn, args, done = job
            if self._error is not None:
                continue
            try:
                with self._sessions() as session, session.begin():
                    value = fn(session, *args)
                if done is not None:
                    done(value)
            except BaseException as exc:  # noqa: BLE001 - handed to the caller
                self._error = exc

    def _raise_if_failed(self) -> None:
        if self._error is not None:
            raise self._error

    def submit(self, fn: Callable, *args, done: Callable | None = None) -> None:
        self._raise_if_failed()
        self._jobs.put((fn, args, done))

    def close(self) -> None:
        """Wait for every submitted job to be committed."""
        if self._thread.is_alive():
            self._jobs.put(None)
            self._thread.join()
        self._raise_if_failed()

    def __enter__(self) -> "Writer":
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()
