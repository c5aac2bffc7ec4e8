"""Thumbnails on disk: small JPEGs in the user's cache folder, named by the photo's path,
size, modification time and edge, so a changed file gets a new one.

Indexing writes one per photo at ``INDEXED_EDGE`` from the pixels it decodes for the model
anyway (a phone photo decoded at 1/8 scale is 504 x 378), so the window's first view of
photos just indexed reads 20 KB files instead of decoding 3 MB JPEGs. The window reads them,
and makes its own at other sizes.
"""

from __future__ import annotations

import hashlib
import os
import threading
from pathlib import Path

from PIL import Image

INDEXED_EDGE = 320  # the grid's 160 px cells on a screen at up to 200%
QUALITY = 85


def default_dir() -> Path:
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("fashiondesk", appauthor=False)) / "thumbnails"


CACHE_LIMIT = 500 * 1024 * 1024  # bytes of thumbnails kept on disk


def prune_cache(cache_dir: Path, limit: int = CACHE_LIMIT) -> int:
    """Delete the least recently written thumbnails until the cache is under 80% of
    ``limit`` (if it is over the limit at all); returns how many were deleted."""
    try:
        entries = [(e.stat().st_mtime, e.stat().st_size, e.path) for e in os.scandir(cache_dir) if e.is_file()]
    except OSError:
        return 0
    total = sum(size for _mtime, size, _path in entries)
    if total <= limit:
        return 0
    deleted = 0
    for _mtime, size, path in sorted(entries):
        if total <= 0.8 * limit:
            break
        try:
            os.remove(path)
        except OSError:
            continue
        total -= size
        deleted += 1
    return deleted


def stamp_of(st: os.stat_result) -> str:
    return f"{st.st_size}:{st.st_mtime_ns}"


def cache_name(path: str, edge: int, stamp: str | None = None) -> str:
    """The cache file's name for ``path`` at ``edge``; ``stamp`` is the file's
    ``stamp_of(stat)``, taken now if not given."""
    if stamp is None:
        try:
            stamp = stamp_of(os.stat(path))
        except OSError:
            stamp = "gone"
    return hashlib.blake2b(f"{path}\0{stamp}\0{edge}".encode(), digest_size=16).hexdigest() + ".jpg"


def save(image: Image.Image, dest: Path) -> None:
    """Write atomically (a reader never sees half a file); a read-only or full cache only
    costs a decode later, so errors are swallowed."""
    try:
        dest.parent.mkdir(parents=True, exist_ok=True)
        tmp = dest.with_suffix(f".{os.getpid()}.{threading.get_ident()}.tmp")  # indexing and the window both write
        image.save(tmp, "JPEG", quality=QUALITY)
        os.replace(tmp, dest)
    except OSError:
        pass


def shrunk(image: Image.Image, edge: int) -> Image.Image:
    """``image`` with its longer side at most ``edge`` (never enlarged)."""
    if max(image.size) <= edge:
        return image
    small = image.copy()
    small.thumbnail((edge, edge), Image.Resampling.BILINEAR, reducing_gap=2.0)
    return small


class ThumbnailWriter:
    """Writes the indexing pass's thumbnails into ``folder`` (several threads may call)."""

    def __init__(self, folder: Path, edge: int = INDEXED_EDGE):
        self.folder = Path(folder)
        self.edge = edge

    def write(self, path: str, stamp: str, upright: Image.Image, width: int, height: int) -> None:
        """``upright`` is the photo as decoded, ``width`` x ``height`` its full size; a decode
        too small for a sharp thumbnail (and smaller than the photo) is left to the window."""
        if max(upright.size) < min(self.edge, max(width, height)):
            return
        dest = self.folder / cache_name(path, self.edge, stamp)
        try:
            if dest.exists():  # the same file, as it was: made already
                return
        except OSError:
            return
        save(shrunk(upright, self.edge).convert("RGB"), dest)
