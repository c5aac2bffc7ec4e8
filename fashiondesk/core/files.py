"""What counts as a photo file, and a photo's identity: the hash of its bytes.

The folder scan takes every file with a photo's name (``is_image_name``), the decoder reads
those it can (``READABLE_EXTENSIONS``) and lists the rest as not supported; the content
hash is what tags follow from name to name (``catalogue/identity.py``).
"""

from __future__ import annotations

import hashlib
import os
import stat

READABLE_EXTENSIONS = frozenset(
    {".jpg", ".jpeg", ".jpe", ".jfif", ".png", ".webp", ".avif", ".heic", ".heif", ".hif",
     ".tif", ".tiff", ".bmp", ".gif"}
)
# Photo files that are recognised but cannot be decoded: camera RAW (a RAW+JPEG camera
# leaves both; the JPEG is indexed), Photoshop documents, JPEG XL (not in Pillow's wheels).
NOT_SUPPORTED_EXTENSIONS = frozenset(
    {".3fr", ".arw", ".cr2", ".cr3", ".crw", ".dcr", ".dng", ".erf", ".fff", ".iiq", ".kdc",
     ".mef", ".mos", ".mrw", ".nef", ".nrw", ".orf", ".pef", ".raf", ".raw", ".rw2", ".rwl",
     ".sr2", ".srf", ".srw", ".x3f", ".psd", ".psb", ".jxl"}
)
IMAGE_EXTENSIONS = READABLE_EXTENSIONS | NOT_SUPPORTED_EXTENSIONS


def is_image_name(name: str) -> bool:
    """Whether the folder scan takes this file: every photo, readable or not."""
    dot = name.rfind(".")
    return dot > 0 and name[dot:].lower() in IMAGE_EXTENSIONS


CHUNK = 1 << 20


def content_hash(data: bytes) -> str:
    return hashlib.blake2b(data, digest_size=16).hexdigest()


def hash_file(path: str) -> str | None:
    """The content hash of a file, streamed; None if it cannot be read (the decoder says why)."""
    digest = hashlib.blake2b(digest_size=16)
    try:
        # Non-blocking, then only a regular file: a FIFO or device put in a photo's place
        # between the scan and now must not hang the run.
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
        with open(fd, "rb") as fh:
            if not stat.S_ISREG(os.fstat(fd).st_mode):
                return None
            while chunk := fh.read(CHUNK):
                digest.update(chunk)
    except OSError:
        return None
    return digest.hexdigest()


def write_whole(path: str, data: bytes, part: str, mode_of: str | None = None) -> None:
    """Write ``data`` to ``part`` beside ``path``, flushed to disk, then rename it over
    ``path``: a crash leaves the old file or the new one, never half of one. ``mode_of``:
    a file whose permission bits the new one takes. ``part`` is removed if anything fails."""
    try:
        with open(part, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        if mode_of is not None:
            os.chmod(part, stat.S_IMODE(os.stat(mode_of).st_mode))
        os.replace(part, path)
    finally:
        if os.path.exists(part):
            os.remove(part)
