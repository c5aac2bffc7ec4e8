"""Thumbnails made off the GUI thread, kept in memory and cached on disk.

A request is a (path, edge) pair. Requests wait on a stack, newest first, so the photos
on screen now come before those scrolled past; the stack is capped and what falls off is
simply asked for again when it is painted again. Decoding uses Pillow's JPEG draft mode
(a 24-megapixel JPEG decodes at 1/8 scale) through the indexing pass's reader (HEIC and
AVIF too; pipes, huge files and oversized decodes refused), honours EXIF orientation, and writes a small
JPEG into the cache folder keyed by path, size and modification time, so a changed file
gets a new thumbnail and the next start shows the grid at once. Photos just indexed need
no decode at all: indexing left a thumbnail in the same folder (``core.thumbnails``).
"""

from __future__ import annotations

import os
import threading
from collections import OrderedDict
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QGuiApplication, QImage, QPixmap

from fashiondesk.core import services, thumbnails
from fashiondesk.gui.jobs import Jobs, failure_text

GRID_EDGE = 160
PREVIEW_EDGE = 720
MAX_WAITING = 400


def _stamp(path: str) -> str:
    try:
        return thumbnails.stamp_of(os.stat(path))
    except OSError:
        return "gone"


def _changed_files(known: dict[str, str]) -> list[str]:
    return [path for path, stamp in known.items() if _stamp(path) != stamp]


def _cached(file: Path) -> QImage | None:
    if not file.exists():
        return None
    image = QImage(str(file))
    if image.isNull():
        return None
    try:
        os.utime(file)  # recently used: pruned last
    except OSError:
        pass
    return image


def make_thumbnail(path: str, edge: int, cache_dir: Path, stamp: str | None = None) -> QImage:
    """Read from the disk cache (what indexing wrote, made smaller if need be) or decode;
    an unreadable file gives a null QImage. ``stamp``: the file's, if the caller took it."""
    stamp = stamp or _stamp(path)
    cached = cache_dir / thumbnails.cache_name(path, edge, stamp)
    image = _cached(cached)
    if image is not None:
        return image
    if edge < thumbnails.INDEXED_EDGE:
        indexed = _cached(cache_dir / thumbnails.cache_name(path, thumbnails.INDEXED_EDGE, stamp))
        if indexed is not None:
            if max(indexed.width(), indexed.height()) <= edge:
                return indexed
            return indexed.scaled(edge, edge, Qt.AspectRatioMode.KeepAspectRatio,
                                  Qt.TransformationMode.SmoothTransformation)
    # The indexing pass's reader: pipes and huge files refused, HEIC and AVIF read, decoded
    # memory estimated first and shared with the other thumbnail threads.
    im = services.preview(path, edge)
    if im is None:
        return QImage()
    thumbnails.save(im, cached)
    data = im.tobytes()
    return QImage(data, im.width, im.height, 3 * im.width, QImage.Format.Format_RGB888).copy()


class ThumbnailLoader(QObject):
    """``pixmap(path, edge)`` answers at once: the thumbnail, or None and a request.

    ``edge`` is in logical pixels: the pixmap's device-independent size fits in it.
    """

    ready = Signal(str, int)  # path, edge: ask again, the pixmap is there now

    def __init__(self, cache_dir: Path | None = None, memory_items: int = 3000, threads: int = 2,
                 scale: float | None = None):
        super().__init__()
        self.cache_dir = cache_dir or thumbnails.default_dir()
        # Edges are in logical pixels; at 125% or on a HiDPI screen the decode is larger,
        # so thumbnails stay sharp.
        screen = QGuiApplication.primaryScreen() if scale is None else None
        self.scale = scale or (screen.devicePixelRatio() if screen is not None else 1.0)
        self._memory: OrderedDict[tuple[str, int], QPixmap] = OrderedDict()
        self._stamps: dict[str, str] = {}  # the file's size and time when its thumbnail was made
        self._memory_items = memory_items
        self._failed: set[tuple[str, int]] = set()
        self._lock = threading.Lock()
        self._stack: OrderedDict[tuple[str, int], None] = OrderedDict()
        self._pending: set[tuple[str, int]] = set()
        self._jobs = Jobs("thumbnails", threads, self)
        self._closed = False

    def pixmap(self, path: str, edge: int = GRID_EDGE) -> QPixmap | None:
        key = (path, edge)
        found = self._memory.get(key)
        if found is not None:
            self._memory.move_to_end(key)
            return found
        if key not in self._failed and not self._closed:
            self._request(key)
        return None

    def in_memory(self, path: str, edge: int) -> QPixmap | None:
        """The thumbnail if it is in memory now; nothing is asked for."""
        return self._memory.get((path, edge))

    def failed(self, path: str, edge: int = GRID_EDGE) -> bool:
        return (path, edge) in self._failed

    def forget(self, path: str) -> None:
        """Drop what is known about a file (it changed on disk)."""
        for key in [k for k in self._memory if k[0] == path]:
            del self._memory[key]
        self._failed = {k for k in self._failed if k[0] != path}
        self._stamps.pop(path, None)

    def revalidate(self) -> None:
        """After an index run: the thumbnails in memory of files that changed since they were
        made are dropped and asked for again (``ready`` makes the views repaint them). The
        files are looked at on a pool thread."""
        known = dict(self._stamps)
        self._jobs.run(_changed_files, known, done=self._drop_changed)

    def _drop_changed(self, changed: list[str]) -> None:
        for path in changed:
            edges = {edge for p, edge in list(self._memory) + list(self._failed) if p == path}
            self.forget(path)
            for edge in edges:
                self.ready.emit(path, edge)

    def _request(self, key: tuple[str, int]) -> None:
        with self._lock:
            if key in self._pending:
                if key in self._stack:
                    self._stack.move_to_end(key)
                return
            self._pending.add(key)
            self._stack[key] = None
            while len(self._stack) > MAX_WAITING:
                dropped, _ = self._stack.popitem(last=False)
                self._pending.discard(dropped)
        self._jobs.run(self._decode_newest, done=self._on_done)

    def _decode_newest(self) -> tuple[str, int, QImage] | None:
        """On a pool thread: the newest request waiting, decoded (or None: none waits)."""
        with self._lock:
            if self._closed or not self._stack:
                return None
            (path, edge), _ = self._stack.popitem(last=True)
        try:
            stamp = self._stamps[path] = _stamp(path)  # before the decode: a change after it is seen later
            return path, edge, make_thumbnail(path, round(edge * self.scale), self.cache_dir, stamp)
        except Exception as exc:  # a bug, not a bad file (those give a null image): logged
            failure_text(exc, f"thumbnail of {path}")
            return path, edge, QImage()

    def _on_done(self, made: tuple[str, int, QImage] | None) -> None:
        if made is None:
            return
        path, edge, image = made
        key = (path, edge)
        with self._lock:
            self._pending.discard(key)
        if self._closed:
            return
        if image.isNull():
            self._failed.add(key)
        else:
            pixmap = QPixmap.fromImage(image)
            pixmap.setDevicePixelRatio(self.scale)
            self._memory[key] = pixmap
            while len(self._memory) > self._memory_items:
                self._memory.popitem(last=False)
        self.ready.emit(path, edge)

    def close(self) -> None:
        """Stop taking work and wait for the decodes in flight (a fraction of a second)."""
        with self._lock:
            self._closed = True
            self._stack.clear()
        self._jobs.stop(5000)
