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
    Embedding,
    Folder,
    Photo,
    Tag,
)
from fashiondesk.core.catalogue.scan import plan
from fashiondesk.core.catalogue.writer import (
    Failed,
    Writer,
    apply_results,
    mark_missing,
)
from fashiondesk.core.index.hnsw import VectorIndex
from fashiondesk.core.index.similar import (
    Filters,
    Hit,
    mean_direction,
    photo_vectors,
    search,
)
from fashiondesk.core.index.store import index_path, open_index
from fashiondesk.core.progress import CancelToken, ProgressCallback, no_progress
from fashiondesk.core.vision.pipeline import extract
from fashiondesk.core.vision.runtime import Embedder
from fashiondesk.core.vision.spec import shipped_spec
from fashiondesk.core.vision.tagging import auto_tagger


class UserError(Exception):
    """Something the user can fix; the message says what."""


def _norm(path: str | os.PathLike) -> str:
    return os.path.abspath(os.path.expanduser(os.fspath(path)))


def _inside(child: str, parent: str) -> bool:
    return child == parent or child.startswith(parent.rstrip(os.sep) + os.sep)


def add_folders(catalogue: Catalogue, paths: Sequence[str | os.PathLike]) -> list[str]:
    """Record folders to watch; a folder inside one already watched is covered by it."""
    added = []
    with catalogue.sessions() as session, session.begin():
        for raw in paths:
            path = _norm(raw)
            if not os.path.isdir(path):
                raise UserError(f"not a folder: {raw}")
            folders = list(session.scalars(select(Folder)))
            if any(_inside(path, f.path) for f in folders):
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
    failed: list[tuple[str, str]] = field(default_factory=list)  # (path, reason)
    still_failing: int = 0
    missing: int = 0
    unavailable: list[str] = field(default_factory=list)
    cancelled: bool = False
    model_version: str = ""


def index(
    catalogue: Catalogue,
    progress: ProgressCallback = no_progress,
    cancel: CancelToken | None = None,
    embedder: Embedder | None = None,
    folder_paths: Sequence[str] | None = None,
) -> IndexSummary:
    """Bring the catalogue up to date with its folders (all, or those named).

    Only one run per catalogue at a time: a second one (another window, the command
    line) is refused with a UserError rather than doing the same work twice.
    """
    try:
        with exclusive(index_path(catalogue).with_suffix(".lock")):
            return _index(catalogue, progress, cancel, embedder, folder_paths)
    except Busy:
        raise UserError(
            "this catalogue is being indexed by another fashiondesk; try again when it has finished"
        ) from None


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
        if folder_paths is not None:
            wanted = [_norm(p) for p in folder_paths]
            folders = [f for f in folders if any(_inside(w, f.path) or _inside(f.path, w) for w in wanted)]
        scan = plan(session, folders, embedder.version)
        session.expunge_all()
    summary.unchanged = scan.unchanged
    summary.still_failing = scan.still_failing
    summary.missing = len(scan.gone)
    summary.unavailable = scan.unavailable
    summary.failed.extend(scan.skipped)

    def record(outcomes, results):
        for outcome, result in zip(outcomes, results):
            if outcome.relinked_from:
                summary.relinked.append((outcome.relinked_from, result.entry.path))
            if isinstance(result, Failed):
                summary.failed.append((result.entry.path, result.reason))
            else:
                summary.indexed += 1

    with Writer(catalogue.sessions) as writer:
        writer.submit(mark_missing, scan.gone)

        def sink(results):
            writer.submit(apply_results, results, done=lambda outcomes: record(outcomes, results))

        extract(scan.to_read, embedder, sink, progress, cancel, tagger=auto_tagger(embedder.spec))
    summary.cancelled = cancel.cancelled
    # After the catalogue, never before: a crash in between is repaired on the next open.
    open_index(catalogue, embedder.version, embedder.spec.embedding_dim)
    return summary


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
    found = photo_vectors(catalogue, spec.version, images)
    if found is not None:
        exclude, vectors = set(found[0]), found[1]
    else:
        exclude, vectors = set(), _embed_files(images, embedder or load_embedder())
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
    from fashiondesk.core.vision.imageload import UnreadableImage, load_rgb

    batch = []
    for path in paths:
        try:
            with open(path, "rb") as fh:
                data = fh.read()
        except OSError as exc:
            raise UserError(f"cannot read {path}: {exc.strerror or exc}") from exc
        try:
            batch.append(load_rgb(data, embedder.spec.input_size, embedder.spec.crop_pct).pixels)
        except UnreadableImage as exc:
            raise UserError(f"{path}: {exc}") from exc
    return embedder.run(np.stack(batch)).embeddings


def _photos_by_path(session: Session, paths: Sequence[str]) -> list[Photo]:
    photos = []
    for raw in paths:
        photo = session.scalar(select(Photo).where(Photo.path == _norm(raw)))
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
    remove = [clean_tag(t) for t in remove]
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
    with catalogue.sessions() as session:
        return list(session.execute(select(Photo.path, Photo.error).where(Photo.status == FAILED).order_by(Photo.path)))


def export_csv_file(catalogue: Catalogue, path: str | os.PathLike) -> int:
    """Write the CSV next to its destination, then rename: a failed export leaves no half file."""
    path = os.fspath(path)
    tmp = f"{path}.part"
    try:
        with open(tmp, "w", encoding="utf-8", newline="") as out:
            count = export_csv(catalogue, out)
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
