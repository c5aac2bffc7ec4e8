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

import logging
import time
from collections import deque
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from typing import Callable, Sequence

import numpy as np

from fashiondesk.core.files import content_hash
from fashiondesk.core.records import AutoTag, Extracted, Failed, FileEntry, Result
from fashiondesk.core.progress import CancelToken, Progress, ProgressCallback, no_progress
from fashiondesk.core.vision.budget import DecodeBudget
from fashiondesk.core.vision.imageload import (
    DECODE_BUDGET,
    LoadedImage,
    UnreadableImage,
    load_rgb,
    read_photo,
)
from fashiondesk.core.vision.runtime import Embedder, Prediction

log = logging.getLogger("fashiondesk.pipeline")


@dataclass(frozen=True)
class Decoded:
    entry: FileEntry
    content_hash: str | None
    image: LoadedImage | None
    error: str | None
    transient: bool = False


def decode(entry: FileEntry, size: int, crop_pct: float, budget: DecodeBudget | None = None) -> Decoded:
    try:
        data = read_photo(entry.path)
    except UnreadableImage as exc:
        # Refused unread: the hash the identity step took this run, if it took one, lets the
        # writer record the failure (a missing hash there would read as "changed meanwhile").
        return Decoded(entry, entry.expected_hash, None, str(exc), exc.transient)
    except MemoryError:
        return Decoded(entry, entry.expected_hash, None, "file too large to read into memory")
    digest = content_hash(data)
    try:
        return Decoded(entry, digest, load_rgb(data, size, crop_pct, budget), None)
    except UnreadableImage as exc:
        return Decoded(entry, digest, None, str(exc))
    except MemoryError:
        return Decoded(entry, digest, None, "image too large to decode in memory")
    except Exception as exc:  # noqa: BLE001 - a decoder's own error on damaged bytes must not stop the run
        log.warning("decoding %s failed", entry.path, exc_info=True)
        return Decoded(entry, digest, None, f"damaged image ({type(exc).__name__}: {exc})")


# Automatic tags for a batch, from the decoded pixels and the model's outputs for them.
Tagger = Callable[[np.ndarray, Prediction], list[tuple[AutoTag, ...]]]


def no_tags(images: np.ndarray, prediction: Prediction) -> list[tuple[AutoTag, ...]]:
    return [() for _ in range(len(images))]


def extract(
    entries: Sequence[FileEntry],
    embedder: Embedder,
    sink: Callable[[list[Result]], None],
    progress: ProgressCallback = no_progress,
    cancel: CancelToken | None = None,
    tagger: Tagger = no_tags,
    batch_size: int = 32,
    decode_threads: int = 2,
) -> int:
    """Process entries in order; returns how many were handed to the sink."""
    cancel = cancel or CancelToken()
    size = embedder.spec.input_size
    started = time.perf_counter()
    done = failed = 0
    window = batch_size * 3
    budget = DecodeBudget(DECODE_BUDGET)
    pending: deque[Future] = deque()
    batch: list[Decoded] = []
    next_index = 0

    def flush() -> None:
        nonlocal done, failed
        results: list[Result] = []
        good = [d for d in batch if d.image is not None]
        if good:
            images = np.stack([d.image.pixels for d in good])
            prediction = embedder.run(images)
            tags = tagger(images, prediction)
            vectors = prediction.embeddings.astype(np.float32)
            for d, vector, tag_set in zip(good, vectors, tags):
                results.append(
                    Extracted(
                        d.entry, d.content_hash, d.image.width, d.image.height,
                        embedder.version, vector.tobytes(), tag_set,
                    )
                )
        for d in batch:
            if d.image is None:
                results.append(Failed(d.entry, d.content_hash, d.error, d.transient))
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
                    pending.append(pool.submit(decode, entry, size, embedder.spec.crop_pct, budget))
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
