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

from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session, sessionmaker

from fashiondesk.core.catalogue.models import AUTO, CATEGORY, FAILED, MANUAL, MISSING, OK, Embedding, Photo, Tag, utcnow
from fashiondesk.core.catalogue.scan import FileEntry


@dataclass(frozen=True)
class AutoTag:
    kind: str
    name: str
    confidence: float | None = None
    value: str | None = None


@dataclass(frozen=True)
class Extracted:
    entry: FileEntry
    content_hash: str
    width: int
    height: int
    model_version: str
    vector: bytes
    tags: tuple[AutoTag, ...] = ()


@dataclass(frozen=True)
class Failed:
    entry: FileEntry
    content_hash: str | None
    reason: str


Result = Extracted | Failed


@dataclass
class Outcome:
    photo_id: int
    relinked_from: str | None = None  # the old path, when a moved file was recognised


def _photo_for(session: Session, entry: FileEntry, content_hash: str | None) -> tuple[Photo, str | None]:
    photo = session.scalar(select(Photo).where(Photo.path == entry.path))
    if photo is not None:
        return photo, None
    if content_hash:
        moved = session.scalar(
            select(Photo)
            .where(Photo.content_hash == content_hash, Photo.status == MISSING)
            .order_by(Photo.id)
            .limit(1)
        )
        if moved is not None:
            old = moved.path
            moved.path = entry.path
            return moved, old
    photo = Photo(path=entry.path, folder_id=entry.folder_id, size=entry.size, mtime=entry.mtime, status=OK)
    session.add(photo)
    return photo, None


def apply_results(session: Session, results: Sequence[Result]) -> list[Outcome]:
    outcomes = []
    for result in results:
        entry = result.entry
        photo, old_path = _photo_for(session, entry, result.content_hash)
        content_changed = photo.content_hash is not None and photo.content_hash != result.content_hash
        photo.folder_id = entry.folder_id
        photo.size, photo.mtime = entry.size, entry.mtime
        photo.content_hash = result.content_hash
        photo.indexed_at = utcnow()
        session.flush()
        if isinstance(result, Extracted):
            photo.status, photo.error = OK, None
            photo.width, photo.height = result.width, result.height
            session.execute(delete(Embedding).where(Embedding.photo_id == photo.id))
            session.add(Embedding(photo_id=photo.id, model_version=result.model_version, vector=result.vector))
            _replace_auto_tags(session, photo.id, result.tags)
        else:
            photo.status, photo.error = FAILED, result.reason
            if content_changed:
                # What was learnt from the old pixels no longer describes the file.
                session.execute(delete(Embedding).where(Embedding.photo_id == photo.id))
                session.execute(delete(Tag).where(Tag.photo_id == photo.id, Tag.source == AUTO))
        outcomes.append(Outcome(photo.id, old_path))
    return outcomes


def _replace_auto_tags(session: Session, photo_id: int, tags: Sequence[AutoTag]) -> None:
    existing = {(t.kind, t.name): t for t in session.scalars(select(Tag).where(Tag.photo_id == photo_id))}
    wanted = {(t.kind, t.name) for t in tags}
    if any(kind == CATEGORY and tag.source == MANUAL for (kind, _), tag in existing.items()):
        # Staff chose this photo's category; the model's guess is not wanted beside it.
        tags = [t for t in tags if t.kind != CATEGORY]
        wanted = {(t.kind, t.name) for t in tags}
    for key, tag in existing.items():
        if tag.source == AUTO and key not in wanted:
            session.delete(tag)
    for t in tags:
        tag = existing.get((t.kind, t.name))
        if tag is None:
            session.add(
                Tag(photo_id=photo_id, kind=t.kind, name=t.name, source=AUTO, confidence=t.confidence, value=t.value)
            )
        elif tag.source == AUTO:
            tag.confidence, tag.value = t.confidence, t.value
        # A manual tag of the same name stays as staff set it.


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
