"""The extraction pipeline: read + hash + decode on worker threads, batched inference on
the calling thread, results handed to a sink (the catalogue writer) batch by batch.

Decoding (Pillow releases the GIL) overlaps with ONNX Runtime's own threads; a bounded
window of decode jobs keeps memory flat however many files there are, and the decode
threads share one ``DecodeBudget``, so huge images take turns instead of decoding at once.
Files are read with ``read_photo``: pipes, devices, huge files and non-images are refused
before they are read whole. Cancellation is checked per photo and per batch, so it takes
effect within one batch (well under a second).
"""

from __future__ import annotations

import dataclasses
import logging
import time
from collections import deque
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from typing import Callable, Sequence

import numpy as np
from PIL import Image

from fashiondesk.core.files import content_hash
from fashiondesk.core.records import CHANGED_MEANWHILE, Extracted, Failed, FileEntry, Result, Retag, Retagged
from fashiondesk.core.progress import CancelToken, Progress, ProgressCallback, no_progress
from fashiondesk.core.thumbnails import ThumbnailWriter, stamp_of
from fashiondesk.core.vision import fingerprint
from fashiondesk.core.vision.budget import DecodeBudget
from fashiondesk.core.vision.imageload import (
    DECODE_BUDGET,
    LoadedImage,
    UnreadableImage,
    load_rgb,
    open_image,
    read_photo,
    read_photo_stat,
)
from fashiondesk.core.vision.runtime import Embedder, usable_cores
from fashiondesk.core.vision.tagging import PIXELS, Outputs, Source, tag_with

log = logging.getLogger("fashiondesk.pipeline")

# Photos indexed before fingerprints were kept are decoded this large (the shorter side) for
# theirs: what indexing decodes for the model (224 / 0.875), so fingerprints compare alike.
FINGERPRINT_DECODE = 256


@dataclass(frozen=True)
class Decoded:
    """A file's pixels, ready for the model."""

    entry: FileEntry
    content_hash: str
    image: LoadedImage
    fingerprint: bytes | None = None
    error: None = None


@dataclass(frozen=True)
class Undecoded:
    """A file that gave no pixels, and why; ``content_hash`` is None if it could not be read."""

    entry: FileEntry
    content_hash: str | None
    error: str
    transient: bool = False
    changed: bool = False  # the file changed while it was read
    image: None = None


def decode(entry: FileEntry, size: int, crop_pct: float, budget: DecodeBudget | None = None,
           frame: bool = False, thumbnails: ThumbnailWriter | None = None) -> Decoded | Undecoded:
    try:
        data, st = read_photo_stat(entry.path)
    except UnreadableImage as exc:
        # Refused unread: the hash the identity step took this run, if it took one, lets the
        # writer record the failure (a missing hash there would read as "changed meanwhile").
        return Undecoded(entry, entry.expected_hash, str(exc), exc.transient)
    except MemoryError:
        return Undecoded(entry, entry.expected_hash, "file too large to read into memory")
    digest = content_hash(data)
    if st is None:  # saved again while it was read: the bytes may be half of each
        return Undecoded(entry, digest, CHANGED_MEANWHILE, changed=True)
    if (st.st_size, st.st_mtime) != (entry.size, entry.mtime):
        # Saved again since the scan (an editor renames a new file over the old one), or a
        # listing that lags (a network share): the bytes read are stored with their own
        # file facts, never with facts of other bytes.
        entry = dataclasses.replace(entry, size=st.st_size, mtime=st.st_mtime)
    made: list[bytes] = []

    def keep(img: Image.Image, width: int, height: int) -> None:
        """The whole photo as decoded: its fingerprint and thumbnail are made from it."""
        made.append(fingerprint.make(img))
        _thumbnail(thumbnails, entry.path, st, img, width, height)

    try:
        image = load_rgb(data, size, crop_pct, budget, frame, keep)
        return Decoded(entry, digest, image, made[0] if made else None)
    except UnreadableImage as exc:
        return Undecoded(entry, digest, str(exc))
    except MemoryError:
        return Undecoded(entry, digest, "image too large to decode in memory")
    except Exception as exc:  # noqa: BLE001 - a decoder's own error on damaged bytes must not stop the run
        log.warning("decoding %s failed", entry.path, exc_info=True)
        return Undecoded(entry, digest, f"damaged image ({type(exc).__name__}: {exc})")


def _thumbnail(thumbnails: ThumbnailWriter | None, path: str, st, img: Image.Image, width: int, height: int) -> None:
    """The photo's thumbnail into the cache, if the file held still while it was read; a
    cache that cannot be written only costs the window a decode later, never the photo."""
    if thumbnails is None or st is None:
        return
    try:
        thumbnails.write(path, stamp_of(st), img, width, height)
    except Exception:  # noqa: BLE001 - a full, read-only or unreachable cache folder
        log.info("no thumbnail kept for %s", path, exc_info=True)


def _stored(values: np.ndarray | None, n: int, dtype) -> bytes | None:
    return None if values is None else np.ascontiguousarray(values[n], dtype=dtype).tobytes()


def extract(
    entries: Sequence[FileEntry],
    embedder: Embedder,
    sink: Callable[[list[Result]], None],
    progress: ProgressCallback = no_progress,
    cancel: CancelToken | None = None,
    sources: Sequence[Source] = (),
    batch_size: int = 32,
    decode_threads: int = 0,
    thumbnails: ThumbnailWriter | None = None,
) -> int:
    """Process entries in order; returns how many were handed to the sink. With
    ``thumbnails``, each photo's thumbnail is written from the pixels decoded for the model."""
    cancel = cancel or CancelToken()
    # One decode thread more than cores: the model's threads do not spin, and a decode
    # waiting on its file leaves the core to the others.
    decode_threads = decode_threads or usable_cores() + 1
    size = embedder.spec.input_size
    started = time.perf_counter()
    done = failed = 0
    window = batch_size * 3
    budget = DecodeBudget(DECODE_BUDGET)
    pending: deque[Future] = deque()
    batch: list[Decoded | Undecoded] = []
    next_index = 0

    def flush() -> None:
        nonlocal done, failed
        results: list[Result] = []
        good = [d for d in batch if isinstance(d, Decoded)]
        if good:
            images = np.stack([d.image.pixels for d in good])
            prediction = embedder.run(images)
            outputs = Outputs.of(prediction)
            tags = tag_with(list(sources), images, outputs)
            vectors = prediction.embeddings.astype(np.float32)
            runs = tuple((source.kind, source.version) for source in sources)
            for n, (d, vector, tag_set) in enumerate(zip(good, vectors, tags)):
                results.append(
                    Extracted(
                        d.entry, d.content_hash, d.image.width, d.image.height,
                        embedder.version, vector.tobytes(), tag_set,
                        logits=_stored(outputs.logits, n, np.float32),
                        garment_map=_stored(outputs.garment_maps, n, np.float32),
                        runs=runs, fingerprint=d.fingerprint,
                    )
                )
        for item in batch:
            if isinstance(item, Undecoded):
                results.append(Failed(item.entry, item.content_hash, item.error, item.transient, item.changed))
                failed += 1
        sink(results)
        done += len(batch)
        progress(Progress(done, len(entries), failed, time.perf_counter() - started, batch[-1].entry.path))
        batch.clear()

    with ThreadPoolExecutor(decode_threads, thread_name_prefix="fashiondesk-decode") as pool:
        try:
            while not cancel.cancelled:
                while next_index < len(entries) and len(pending) < window:
                    entry = entries[next_index]
                    pending.append(pool.submit(decode, entry, size, embedder.spec.crop_pct, budget,
                                                embedder.spec.frames_studio, thumbnails))
                    next_index += 1
                if not pending:
                    break
                batch.append(pending.popleft().result())
                if len(batch) == batch_size:
                    flush()
            if batch:
                flush()
        finally:
            for future in pending:
                future.cancel()
    return done


def retag(
    entries: Sequence[Retag],
    chosen: Sequence[Source],
    size: int,
    crop_pct: float,
    sink: Callable[[list[Retagged]], None],
    cancel: CancelToken | None = None,
    progress: ProgressCallback = no_progress,
    batch_size: int = 32,
    decode_threads: int = 2,
    frame: bool = False,
) -> int:
    """Tag photos again with the given sources from their stored model outputs, decoding
    only the photos a pixel source needs (with the shared decode budget); the model never
    runs. A photo whose file cannot be read now, or no longer holds the bytes it was
    indexed from, keeps its tags and is handed on with ``retry``: the next run reads it
    whole (and lists it in the failures if it still cannot be read). Returns how many were done."""
    cancel = cancel or CancelToken()
    by_kind = {source.kind: source for source in chosen}
    budget = DecodeBudget(DECODE_BUDGET)
    started = time.perf_counter()
    done = skipped = 0

    def wants_pixels(entry: Retag) -> bool:
        return any(PIXELS in by_kind[k].needs for k in entry.kinds if k in by_kind)

    with ThreadPoolExecutor(decode_threads, thread_name_prefix="fashiondesk-retag") as pool:
        for start in range(0, len(entries), batch_size):
            if cancel.cancelled:
                break
            batch = list(entries[start : start + batch_size])
            decoded = dict(zip(
                (i for i, e in enumerate(batch) if wants_pixels(e)),
                pool.map(lambda e: _pixels(e, size, crop_pct, budget, frame), [e for e in batch if wants_pixels(e)]),
            ))
            results: list[Retagged] = []
            for source in chosen:
                mine = [
                    i for i, e in enumerate(batch)
                    if source.kind in e.kinds and (PIXELS not in source.needs or decoded.get(i) is not None)
                ]
                if not mine:
                    continue
                outputs = Outputs(
                    _array([batch[i].logits for i in mine], np.float32),
                    _maps([batch[i].garment_map for i in mine]),
                )
                pixels = [image for image in (decoded.get(i) for i in mine) if image is not None]
                stack = np.stack(pixels) if PIXELS in source.needs else None
                for i, tags in zip(mine, source.make(stack, outputs)):
                    results.append(Retagged(batch[i].photo_id, ((source.kind, source.version),), tags))
            made: dict[int, set[str]] = {}
            for r in results:
                made.setdefault(r.photo_id, set()).update(kind for kind, _ in r.runs)
            unfinished = [e for e in batch if not {k for k in e.kinds if k in by_kind} <= made.get(e.photo_id, set())]
            results += [Retagged(e.photo_id, (), (), retry=True) for e in unfinished]
            sink(results)
            done += len(batch) - len(unfinished)
            skipped += len(unfinished)
            progress(Progress(start + len(batch), len(entries), skipped, time.perf_counter() - started,
                              batch[-1].path))
    return done


def _pixels(entry: Retag, size: int, crop_pct: float, budget: DecodeBudget, frame: bool = False) -> np.ndarray | None:
    try:
        data = read_photo(entry.path)
        if entry.content_hash is not None and content_hash(data) != entry.content_hash:
            return None  # other bytes than those indexed: the next run reads the file again
        return load_rgb(data, size, crop_pct, budget, frame).pixels
    except (UnreadableImage, MemoryError):
        return None
    except Exception:  # noqa: BLE001 - a decoder's own error: leave this photo for the next run
        log.warning("decoding %s to tag it again failed", entry.path, exc_info=True)
        return None


def fingerprints(
    photos: Sequence[tuple[int, str, str | None]],
    sink: Callable[[list[tuple[int, str, bytes]]], None],
    cancel: CancelToken | None = None,
    progress: ProgressCallback = no_progress,
    thumbnails: ThumbnailWriter | None = None,
    batch_size: int = 64,
    decode_threads: int = 0,
) -> int:
    """Fingerprints (and thumbnails) of photos indexed before fingerprints were kept:
    ``photos`` are (photo id, path, content hash); the sink gets (photo id, content hash,
    fingerprint). A file that cannot be read, or holds other bytes now, is left for the run
    that reads it again. Returns how many were made."""
    cancel = cancel or CancelToken()
    decode_threads = decode_threads or usable_cores()
    budget = DecodeBudget(DECODE_BUDGET)
    started = time.perf_counter()
    made = 0

    def one(item: tuple[int, str, str | None]) -> tuple[int, str, bytes] | None:
        photo_id, path, digest = item
        try:
            data, st = read_photo_stat(path)
            if digest is None or content_hash(data) != digest:
                return None
            img, width, height = open_image(data, draft_to=FINGERPRINT_DECODE, budget=budget)
            _thumbnail(thumbnails, path, st, img, width, height)
            return photo_id, digest, fingerprint.make(img)
        except (UnreadableImage, MemoryError):
            return None
        except Exception:  # noqa: BLE001 - a decoder's own error: this photo keeps no fingerprint for now
            log.warning("decoding %s for its fingerprint failed", path, exc_info=True)
            return None

    with ThreadPoolExecutor(decode_threads, thread_name_prefix="fashiondesk-fingerprint") as pool:
        for start in range(0, len(photos), batch_size):
            if cancel.cancelled:
                break
            batch = photos[start : start + batch_size]
            results = [r for r in pool.map(one, batch) if r is not None]
            sink(results)
            made += len(results)
            progress(Progress(start + len(batch), len(photos), start + len(batch) - made,
                              time.perf_counter() - started, batch[-1][1]))
    return made


def _array(blobs: list[bytes | None], dtype) -> np.ndarray | None:
    present = [b for b in blobs if b is not None]
    if len(present) < len(blobs):
        return None
    return np.stack([np.frombuffer(b, dtype=dtype) for b in present])


def _maps(blobs: list[bytes | None]) -> np.ndarray | None:
    flat = _array(blobs, np.float32)
    if flat is None:
        return None
    side = int(round(flat.shape[1] ** 0.5))
    return flat.reshape(len(flat), side, side).astype(np.float32)
