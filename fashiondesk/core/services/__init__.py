"""The use cases, as plain functions the CLI and the GUI both call."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import Callable, Sequence

import numpy as np
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from fashiondesk.core.catalogue.db import Catalogue
from fashiondesk.core.catalogue.edits import TagError, clean_name
from fashiondesk.core.catalogue.lock import Busy, exclusive
from fashiondesk.core.catalogue.models import (
    CUSTOM,
    FAILED,
    MANUAL,
    MISSING,
    Embedding,
    Folder,
    Photo,
    SkippedFile,
    Tag,
)
from fashiondesk.core.catalogue.scan import plan
from fashiondesk.core.catalogue.identity import resolve
from fashiondesk.core.catalogue.writer import (
    Failed,
    Writer,
    apply_results,
    mark_missing,
    move_photos,
    record_inodes,
    record_skipped,
)
from fashiondesk.core.index.hnsw import VectorIndex
from fashiondesk.core.index.similar import (
    Filters,
    Hit,
    catalogued_ids,
    mean_direction,
    photo_vectors,
    search,
)
from fashiondesk.core.index.store import index_path, open_index
from fashiondesk.core.services.errors import UserError
from fashiondesk.core.services.folders import FolderInfo, Removed, folders, relocate, remove, removal_counts
from fashiondesk.core.services.safety import (
    backup_now,
    check_output,
    daily_backup,
    database_file,
    list_backups,
    restore,
)
from fashiondesk.core.progress import CancelToken, ProgressCallback, no_progress
from fashiondesk.core.vision.pipeline import extract
from fashiondesk.core.vision.runtime import Embedder
from fashiondesk.core.vision.spec import shipped_spec
from fashiondesk.core.vision.tagging import auto_tagger


def _norm(path: str | os.PathLike) -> str:
    return os.path.abspath(os.path.expanduser(os.fspath(path)))


def _real(path: str | os.PathLike) -> str:
    """A folder's one true name: the same folder reached through a link is not catalogued twice."""
    return os.path.realpath(os.path.expanduser(os.fspath(path)))


def _inside(child: str, parent: str) -> bool:
    return child == parent or child.startswith(parent.rstrip(os.sep) + os.sep)


def add_folders(catalogue: Catalogue, paths: Sequence[str | os.PathLike]) -> list[str]:
    """Record folders to watch; a folder inside one already watched is covered by it."""
    added = []
    with catalogue.sessions() as session, session.begin():
        for raw in paths:
            path = _real(raw)
            if not os.path.isdir(path):
                raise UserError(f"not a folder: {raw}")
            folders = list(session.scalars(select(Folder)))
            if any(_inside(path, f.path) or _inside(path, _real(f.path)) for f in folders):
                continue
            folder = Folder(path=path)
            session.add(folder)
            session.flush()
            for inner in folders:
                if _inside(inner.path, path):
                    session.execute(
                        Photo.__table__.update().where(Photo.folder_id == inner.id).values(folder_id=folder.id)
                    )
                    session.delete(inner)
            added.append(path)
    return added


@dataclass
class IndexSummary:
    indexed: int = 0
    unchanged: int = 0
    relinked: list[tuple[str, str]] = field(default_factory=list)  # (old path, new path)
    replaced: list[str] = field(default_factory=list)  # paths now holding a different photo
    failed: list[tuple[str, str]] = field(default_factory=list)  # (path, reason)
    still_failing: int = 0
    missing: int = 0
    unavailable: list[str] = field(default_factory=list)
    cancelled: bool = False
    model_version: str = ""
    added: list[str] = field(default_factory=list)  # folders added by this run


def index(
    catalogue: Catalogue,
    progress: ProgressCallback = no_progress,
    cancel: CancelToken | None = None,
    embedder: Embedder | None = None,
    folder_paths: Sequence[str] | None = None,
    add: bool = False,
) -> IndexSummary:
    """Bring the catalogue up to date with its folders (all, or those named; with ``add``,
    the named folders are first added to the catalogue).

    Only one run per catalogue at a time: a second one (another window, the command
    line) is refused with a UserError, before it has changed anything.
    """
    try:
        with exclusive(index_path(catalogue).with_suffix(".lock")):
            added = add_folders(catalogue, folder_paths) if add and folder_paths else []
            summary = _index(catalogue, progress, cancel, embedder, folder_paths)
            summary.added = added
            return summary
    except Busy:
        raise UserError(
            "this catalogue is being indexed by another fashiondesk; try again when it has finished"
        ) from None


# Short transactions: the window's tag edits never wait long behind a big move.
MOVES_PER_TRANSACTION = 500


def _index(
    catalogue: Catalogue,
    progress: ProgressCallback,
    cancel: CancelToken | None,
    embedder: Embedder | None,
    folder_paths: Sequence[str] | None,
) -> IndexSummary:
    cancel = cancel or CancelToken()
    embedder = embedder or Embedder.load()
    summary = IndexSummary(model_version=embedder.version)
    with catalogue.sessions() as session:
        folders = list(session.scalars(select(Folder).order_by(Folder.path)))
        only = None
        if folder_paths is not None:
            wanted = [_real(p) for p in folder_paths]
            only = {
                f.id for f in folders
                if any(_inside(w, p) or _inside(p, w) for w in wanted for p in {f.path, _real(f.path)})
            }
        scan = plan(session, folders, embedder.version, only)
        work = resolve(session, scan, embedder.version, cancel)
        missing_before = _count_missing(session)
        session.expunge_all()
    summary.unchanged = scan.unchanged
    summary.still_failing = scan.still_failing
    summary.unavailable = scan.unavailable
    summary.failed.extend(scan.skipped)

    def record(outcomes, entries, results=None):
        for n, (outcome, entry) in enumerate(zip(outcomes, entries)):
            if outcome.skipped:
                summary.failed.append((entry.path, outcome.skipped))
                continue
            if outcome.relinked_from:
                summary.relinked.append((outcome.relinked_from, entry.path))
            if outcome.replaced:
                summary.replaced.append(entry.path)
            if results is not None and isinstance(results[n], Failed):
                summary.failed.append((entry.path, results[n].reason))
            elif results is not None:
                summary.indexed += 1

    with Writer(catalogue.sessions) as writer:
        writer.submit(mark_missing, scan.gone)
        writer.submit(record_inodes, scan.inodes)
        writer.submit(record_skipped, scan.skipped_by_folder)
        for start in range(0, len(work.moved), MOVES_PER_TRANSACTION):
            if cancel.cancelled:
                break
            chunk = work.moved[start : start + MOVES_PER_TRANSACTION]
            writer.submit(move_photos, chunk, done=lambda outcomes, chunk=chunk: record(outcomes, chunk))

        def sink(results):
            entries = [r.entry for r in results]
            writer.submit(apply_results, results, done=lambda outcomes: record(outcomes, entries, results))

        extract(work.to_read, embedder, sink, progress, cancel, tagger=auto_tagger(embedder.spec))
    summary.cancelled = cancel.cancelled
    with catalogue.sessions() as session:
        summary.missing = max(0, _count_missing(session) - missing_before)
    # After the catalogue, never before: a crash in between is repaired on the next open.
    open_index(catalogue, embedder.version, embedder.spec.embedding_dim)
    return summary


def _count_missing(session: Session) -> int:
    return session.scalar(select(func.count()).select_from(Photo).where(Photo.status == MISSING)) or 0


def similar(
    catalogue: Catalogue,
    images: Sequence[str],
    k: int = 10,
    filters: Filters = Filters(),
    embedder: Embedder | None = None,
    index: VectorIndex | None = None,
    load_embedder: Callable[[], Embedder] = Embedder.load,
) -> list[Hit]:
    """Photos most like the given ones (catalogued paths or any image files), best first.

    Catalogued photos are excluded from their own results. Images that are not in the
    catalogue are decoded and embedded on the fly, with the same preprocessing. A caller
    that keeps an index open (the window) passes it; otherwise it is opened and synced.
    ``load_embedder`` is called only when an outside photo needs embedding (the window
    passes one that keeps the model loaded between searches).
    """
    if not images:
        raise UserError("give at least one photo to compare with")
    if k < 1:
        raise UserError("-k must be at least 1")
    spec = embedder.spec if embedder else shipped_spec()
    ids = catalogued_ids(catalogue, spec.version, images)
    inside = [pid for pid in ids if pid is not None]
    outside = [image for image, pid in zip(images, ids) if pid is None]
    vectors = []
    if inside:
        vectors.append(photo_vectors(catalogue, spec.version, [i for i, pid in zip(images, ids) if pid is not None])[1])
    if outside:
        vectors.append(_embed_files(outside, embedder or load_embedder()))
    vectors = np.concatenate(vectors)
    exclude = set(inside)
    if index is None:
        index = open_index(catalogue, spec.version, spec.embedding_dim)
    return search(catalogue, index, mean_direction(vectors), k, exclude, filters)


def duplicates(catalogue: Catalogue, threshold: float | None = None) -> list[list[tuple[str, float]]]:
    """Groups of near-identical photos as lists of (path, weakest link score)."""
    from fashiondesk.core.index.duplicates import DEFAULT_THRESHOLD, find_groups
    from fashiondesk.core.index.store import indexed_ids, load_vectors

    threshold = DEFAULT_THRESHOLD if threshold is None else threshold
    if not -1.0 <= threshold <= 1.0:
        raise UserError("the threshold is a cosine similarity between -1 and 1")
    spec = shipped_spec()
    index = open_index(catalogue, spec.version, spec.embedding_dim)
    ids, chunks = [], []
    for chunk_ids, vectors in load_vectors(catalogue, spec.version, sorted(indexed_ids(catalogue, spec.version))):
        ids.extend(chunk_ids)
        chunks.append(vectors)
    if not ids:
        return []
    groups = find_groups(index, ids, np.concatenate(chunks), threshold)
    with catalogue.sessions() as session:
        paths = dict(session.execute(select(Photo.id, Photo.path)).all())
    return [[(paths[i], g.min_score) for i in g.photo_ids] for g in groups]


def _embed_files(paths: Sequence[str], embedder: Embedder) -> np.ndarray:
    from fashiondesk.core.vision.imageload import UnreadableImage, load_rgb, read_photo

    batch = []
    for path in paths:
        try:
            data = read_photo(path)  # refuses pipes, devices and huge files before reading them
            batch.append(load_rgb(data, embedder.spec.input_size, embedder.spec.crop_pct).pixels)
        except UnreadableImage as exc:
            raise UserError(f"{path}: {exc}") from exc
    return embedder.run(np.stack(batch)).embeddings


def _spellings(raw: str | os.PathLike) -> list[str]:
    """The ways a given path may be recorded: as given, and through its folder's real name."""
    plain = _norm(raw)
    real = os.path.join(_real(os.path.dirname(plain)), os.path.basename(plain))
    return [plain] if real == plain else [plain, real]


def _photo_at(session: Session, raw: str | os.PathLike) -> Photo | None:
    """The photo recorded at a path: the one there now, else the latest one missing from it."""
    return session.scalar(
        select(Photo).where(Photo.path.in_(_spellings(raw))).order_by(Photo.status == MISSING, Photo.id.desc()).limit(1)
    )


def _photos_by_path(session: Session, paths: Sequence[str]) -> list[Photo]:
    photos = []
    for raw in paths:
        photo = _photo_at(session, raw)
        if photo is None:
            raise UserError(f"not in the catalogue: {raw}")
        photos.append(photo)
    return photos


def clean_tag(name: str) -> str:
    try:
        return clean_name(name)
    except TagError as exc:
        raise UserError(str(exc)) from exc


def tag(catalogue: Catalogue, paths: Sequence[str], add: Sequence[str] = (), remove: Sequence[str] = ()) -> int:
    """Add or remove custom tags on catalogued photos; returns how many photos changed."""
    add = [clean_tag(t) for t in add]
    # Removal matches names as stored, so a tag written before today's naming rules can go.
    remove = [" ".join(t.split()) for t in remove if t.strip()]
    with catalogue.sessions() as session, session.begin():
        photos = _photos_by_path(session, paths)
        for photo in photos:
            current = {t.name.casefold(): t for t in photo.tags if t.kind == CUSTOM}
            for name in add:
                if name.casefold() not in current:
                    tag = Tag(photo_id=photo.id, kind=CUSTOM, name=name, source=MANUAL)
                    session.add(tag)
                    current[name.casefold()] = tag
            for name in remove:
                existing = current.pop(name.casefold(), None)
                if existing is not None:
                    session.delete(existing)
    return len(photos)


@dataclass(frozen=True)
class CatalogueInfo:
    location: str
    schema_version: int
    folders: list[str]
    photos_by_status: dict[str, int]
    tags_by_kind: dict[str, int]
    embeddings_by_model: dict[str, int]
    model_version: str


def info(catalogue: Catalogue, model_version: str) -> CatalogueInfo:
    from fashiondesk.core.catalogue.migrations import read_version

    with catalogue.sessions() as session:
        version = read_version(session.connection())
        return CatalogueInfo(
            location=catalogue.location,
            schema_version=version or 0,
            folders=list(session.scalars(select(Folder.path).order_by(Folder.path))),
            photos_by_status=dict(session.execute(select(Photo.status, func.count()).group_by(Photo.status)).all()),
            tags_by_kind=dict(session.execute(select(Tag.kind, func.count()).group_by(Tag.kind)).all()),
            embeddings_by_model=dict(
                session.execute(select(Embedding.model_version, func.count()).group_by(Embedding.model_version)).all()
            ),
            model_version=model_version,
        )


def failures(catalogue: Catalogue) -> list[tuple[str, str]]:
    """Photos that could not be read and files the scan could not take, with the reason."""
    with catalogue.sessions() as session:
        found = list(session.execute(select(Photo.path, Photo.error).where(Photo.status == FAILED)))
        found += list(session.execute(select(SkippedFile.path, SkippedFile.reason)))
    return sorted((tuple(row) for row in found), key=lambda row: row[0])


def export_csv_file(catalogue: Catalogue, path: str | os.PathLike) -> int:
    """Write the CSV next to its destination, then rename: a failed export leaves no half file."""
    path = os.fspath(path)
    tmp = f"{path}.part"
    check_output(catalogue, path)
    check_output(catalogue, tmp)
    try:
        with open(tmp, "w", encoding="utf-8", newline="") as out:
            count = export_csv(catalogue, out)
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp, path)
    except OSError as exc:
        if os.path.exists(tmp):
            os.remove(tmp)
        raise UserError(f"cannot write {path}: {exc.strerror or exc}") from exc
    return count


def export_csv(catalogue: Catalogue, out) -> int:
    from fashiondesk.core.export.csv_export import write_csv

    unsure_below = shipped_spec().unsure_below
    with catalogue.sessions() as session:
        return write_csv(session, out, unsure_below)
