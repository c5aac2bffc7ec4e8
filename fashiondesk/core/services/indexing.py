"""Indexing: add folders, bring the catalogue up to date with them."""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Sequence

from sqlalchemy import delete, exists, func, select, update
from sqlalchemy.orm import Session

from fashiondesk.core.messages import translate
from fashiondesk.core.catalogue import file_keywords
from fashiondesk.core.catalogue.db import Catalogue
from fashiondesk.core.catalogue.edits import hold_write_lock
from fashiondesk.core.catalogue.identity import resolve
from fashiondesk.core.catalogue.lock import Busy, exclusive
from fashiondesk.core.catalogue.models import MISSING, Embedding, Fingerprint, Folder, Meta, Photo, utcnow
from fashiondesk.core.catalogue.orphans import Orphans, merge_copies
from fashiondesk.core.catalogue.scan import plan, stale_retags
from fashiondesk.core.catalogue.writer import (
    Failed,
    Writer,
    apply_results,
    apply_retags,
    mark_missing,
    move_photos,
    record_inodes,
    record_skipped,
    store_fingerprints,
)
from fashiondesk.core.index.store import index_path, open_index
from fashiondesk.core.progress import CancelToken, ProgressCallback, no_progress
from fashiondesk.core.records import OK, Retag
from fashiondesk.core.thumbnails import ThumbnailWriter, prune_cache
from fashiondesk.core.thumbnails import default_dir as thumbnails_dir
from fashiondesk.core.services.errors import UserError
from fashiondesk.core.services.paths import inside, not_a_folder, real
from fashiondesk.core.services.teaching import Teaching, learn_now, needs_learning
from fashiondesk.core.vision.pipeline import extract, fingerprints, retag
from fashiondesk.core.vision.runtime import Embedder
from fashiondesk.core.vision.tagging import sources as tag_sources

log = logging.getLogger("fashiondesk.index")


def add_folders(catalogue: Catalogue, paths: Sequence[str | os.PathLike]) -> list[str]:
    """Record folders to watch; a folder inside one already watched is covered by it."""
    added = []
    with catalogue.sessions() as session, session.begin():
        for raw in paths:
            path = real(raw)
            if not os.path.isdir(path):
                raise not_a_folder(raw)
            folders = list(session.scalars(select(Folder)))
            if any(inside(path, f.path) or inside(path, real(f.path)) for f in folders):
                continue
            folder = Folder(path=path)
            session.add(folder)
            session.flush()
            for inner in folders:
                if inside(inner.path, path):
                    session.execute(
                        update(Photo).where(Photo.folder_id == inner.id).values(folder_id=folder.id)
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
    rechecked: int = 0  # files touched (new file facts) whose bytes had not changed
    retagged_ids: set[int] = field(default_factory=set)  # photos tagged again by a newer method
    taught: Teaching | None = None  # learning from staff categories, when this run re-learned
    learning_failed: str = ""  # why learning at the end of the run failed (it runs again next time)
    keywords_added: int = 0  # staff tags read from the photos' own keywords (XMP sidecars, IPTC)
    keyword_problems: list[tuple[str, str]] = field(default_factory=list)  # (path, why a keyword file was skipped)
    fingerprinted: int = 0  # photos indexed before fingerprints were kept that got theirs

    @property
    def retagged(self) -> int:
        return len(self.retagged_ids)


def index(
    catalogue: Catalogue,
    progress: ProgressCallback = no_progress,
    cancel: CancelToken | None = None,
    embedder: Embedder | None = None,
    folder_paths: Sequence[str] | None = None,
    add: bool = False,
    thumbnail_dir: Path | None = None,
) -> IndexSummary:
    """Bring the catalogue up to date with its folders (all, or those named; with ``add``,
    the named folders are first added to the catalogue). Each photo read gets its thumbnail
    in ``thumbnail_dir`` (by default the user's thumbnail cache, where the window looks).

    Only one run per catalogue at a time: a second one (another window, the command
    line) is refused with a UserError, before it has changed anything.
    """
    try:
        with exclusive(index_path(catalogue).with_suffix(".lock")):
            added = add_folders(catalogue, folder_paths) if add and folder_paths else []
            embedder = embedder or Embedder.load()
            thumbnails = ThumbnailWriter(thumbnail_dir or thumbnails_dir())
            _mark_unfinished(catalogue, True)
            summary = _index(catalogue, progress, cancel, embedder, folder_paths, thumbnails)
            if not summary.cancelled:  # stopped (the window closed mid-run, Ctrl+C): the next start finishes it
                _mark_unfinished(catalogue, False)
            prune_cache(thumbnails.folder)  # the command line indexes without the window, which prunes too
            summary.added = added
            if not summary.cancelled:
                _read_keywords(catalogue, summary, cancel)
            # Photos that came in are tagged by what staff taught, not only the shipped model.
            if not summary.cancelled and needs_learning(catalogue, spec=embedder.spec):
                try:
                    summary.taught = learn_now(catalogue, spec=embedder.spec)
                except Exception as exc:  # noqa: BLE001 - the photos are indexed; learning waits for the next run
                    log.exception("learning after the index run failed")
                    summary.learning_failed = f"{type(exc).__name__}: {exc}"
            return summary
    except Busy:
        raise UserError(translate(
            "Catalogue", "this catalogue is being indexed by another fashiondesk (or is learning from staff categories, "
            "being restored or having a folder removed); try again when it has finished")) from None


UNFINISHED = "index_unfinished"  # meta key: when a run started that has not ended (stopped, killed, crashed)


def _mark_unfinished(catalogue: Catalogue, started: bool) -> None:
    with catalogue.write_turn, catalogue.sessions() as session, session.begin():
        hold_write_lock(session)
        if started:
            session.merge(Meta(key=UNFINISHED, value=utcnow().isoformat(timespec="seconds")))
        else:
            session.execute(delete(Meta).where(Meta.key == UNFINISHED))


def index_unfinished(catalogue: Catalogue) -> bool:
    """Whether the last index run was cut short (stopped, killed, the machine turned off):
    the window finishes it when it opens. A run under way elsewhere is not cut short."""
    with catalogue.sessions() as session:
        if session.get(Meta, UNFINISHED) is None:
            return False
    try:
        with exclusive(index_path(catalogue).with_suffix(".lock")):
            return True
    except Busy:
        return False


KEYWORDS_PER_TRANSACTION = 500


def _read_keywords(catalogue: Catalogue, summary: IndexSummary, cancel: CancelToken | None) -> None:
    """Keywords the shop keeps in its photos and sidecars become staff tags (source "file")."""
    with catalogue.sessions() as session:
        todo = file_keywords.stale(session)
    for start in range(0, len(todo), KEYWORDS_PER_TRANSACTION):
        if cancel is not None and cancel.cancelled:
            return
        chunk = todo[start : start + KEYWORDS_PER_TRANSACTION]
        found = []
        for item in chunk:
            words, problem = file_keywords.read(item.path)
            if problem:
                log.warning("keywords of %s: %s", item.path, problem)
                summary.keyword_problems.append((item.path, problem))
            found.append((item, words))
        with catalogue.write_turn, catalogue.sessions() as session, session.begin():
            hold_write_lock(session)
            live = set(session.scalars(select(Photo.id).where(Photo.id.in_([i.photo_id for i in chunk]))))
            summary.keywords_added += file_keywords.add(
                session, [(item.photo_id, words, item.signature) for item, words in found if item.photo_id in live])


# Short transactions: the window's tag edits never wait long behind a big move.
MOVES_PER_TRANSACTION = 500
RETAG_CHUNK = 500  # stored model outputs read at a time for tagging again


def _with_outputs(catalogue: Catalogue, model_version: str, entries: list[Retag]) -> list[Retag]:
    """The entries with their stored logits and garment maps."""
    with catalogue.sessions() as session:
        stored = {
            photo_id: (logits, garment_map)
            for photo_id, logits, garment_map in session.execute(
                select(Embedding.photo_id, Embedding.logits, Embedding.garment_map).where(
                    Embedding.model_version == model_version, Embedding.photo_id.in_([e.photo_id for e in entries])
                )
            )
        }
    return [replace(e, logits=stored[e.photo_id][0], garment_map=stored[e.photo_id][1])
            for e in entries if e.photo_id in stored]


def _offset(progress: ProgressCallback, before: int, total: int) -> ProgressCallback:
    """Progress of one chunk of the re-tag phase, as progress through the whole phase."""
    return lambda p: progress(replace(p, done=before + p.done, total=total, current=f"updating tags: {p.current}"))


def _count(summary: "IndexSummary", ids: list[int]) -> None:
    summary.retagged_ids.update(ids)


def _index(
    catalogue: Catalogue,
    progress: ProgressCallback,
    cancel: CancelToken | None,
    embedder: Embedder | None,
    folder_paths: Sequence[str] | None,
    thumbnails: ThumbnailWriter | None = None,
) -> IndexSummary:
    cancel = cancel or CancelToken()
    embedder = embedder or Embedder.load()
    summary = IndexSummary(model_version=embedder.version)
    with catalogue.sessions() as session:
        folders = list(session.scalars(select(Folder).order_by(Folder.path)))
        only = None
        if folder_paths is not None:
            wanted = [real(p) for p in folder_paths]
            only = {
                f.id for f in folders
                if any(inside(w, p) or inside(p, w) for w in wanted for p in {f.path, real(f.path)})
            }
        sources = tag_sources(embedder.spec)
        scan = plan(session, folders, embedder.version, only, [source.run for source in sources])
        work = resolve(session, scan, embedder.version, cancel)
        # Photos found at a new place without a decode may still need a newer tag source.
        scan.retag += stale_retags(
            session, [(e.photo_id, e.path, e.expected_hash) for e in work.moved if e.photo_id is not None],
            [source.run for source in sources], embedder.version,
        )
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
            elif results is None:
                summary.rechecked += 1
            if outcome.replaced:
                summary.replaced.append(entry.path)
            if results is not None and isinstance(results[n], Failed):
                summary.failed.append((entry.path, results[n].reason))
            elif results is not None and entry.retag_only:
                summary.retagged_ids.add(entry.known_id)
            elif results is not None:
                summary.indexed += 1

    with Writer(catalogue.sessions) as writer:
        writer.submit(mark_missing, scan.gone)
        if work.copies:
            writer.submit(merge_copies, work.copies, done=summary.relinked.extend)
        orphans = Orphans(embedder.version, work.left)
        writer.submit(record_inodes, scan.inodes)
        writer.submit(record_skipped, scan.skipped_by_folder)
        for start in range(0, len(work.moved), MOVES_PER_TRANSACTION):
            if cancel.cancelled:
                break
            chunk = work.moved[start : start + MOVES_PER_TRANSACTION]
            writer.submit(move_photos, chunk, done=lambda outcomes, chunk=chunk: record(outcomes, chunk))

        def sink(results):
            entries = [r.entry for r in results]
            writer.submit(apply_results, results, orphans, done=lambda outcomes: record(outcomes, entries, results))

        extract(work.to_read, embedder, sink, progress, cancel, sources=sources, thumbnails=thumbnails)
        if not cancel.cancelled:
            summary.fingerprinted = _fingerprint_older(catalogue, writer, progress, cancel, thumbnails)
        for start in range(0, len(scan.retag), RETAG_CHUNK):
            if cancel.cancelled:
                break
            retags = _with_outputs(catalogue, embedder.version, scan.retag[start : start + RETAG_CHUNK])
            retag(retags, sources, embedder.spec.input_size, embedder.spec.crop_pct,
                  lambda results: writer.submit(apply_retags, results, done=lambda ids: _count(summary, ids)),
                  cancel, _offset(progress, start, len(scan.retag)), frame=embedder.spec.frames_studio)
    summary.cancelled = cancel.cancelled
    with catalogue.sessions() as session:
        summary.missing = max(0, _count_missing(session) - missing_before)
    # After the catalogue, never before: a crash in between is repaired on the next open.
    open_index(catalogue, embedder.version, embedder.spec.embedding_dim)
    return summary


def _fingerprint_older(catalogue: Catalogue, writer: Writer, progress: ProgressCallback, cancel: CancelToken,
                       thumbnails: ThumbnailWriter | None) -> int:
    """Photos indexed before fingerprints were kept get theirs (one more read of each, once)."""
    with catalogue.sessions() as session:
        todo = [(row[0], row[1], row[2]) for row in session.execute(
            select(Photo.id, Photo.path, Photo.content_hash)
            .where(Photo.status == OK, ~exists().where(Fingerprint.photo_id == Photo.id))
            .order_by(Photo.id)
        )]
    if not todo:
        return 0
    log.info("making the fingerprints of %d photos indexed before they were kept", len(todo))
    return fingerprints(
        todo, lambda made: writer.submit(store_fingerprints, made), cancel,
        lambda p: progress(replace(p, current=f"checking for altered copies: {p.current}")), thumbnails)


def _count_missing(session: Session) -> int:
    return session.scalar(select(func.count()).select_from(Photo).where(Photo.status == MISSING)) or 0
