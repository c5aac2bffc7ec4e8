"""Keywords inside a JPEG, for tools that read no sidecar: only when staff ask for it.

The photo's metadata is rewritten by Exiv2 (through ``pyexiv2``, which ships it for
Windows, macOS and Linux): the compressed image data is copied as it is, never decoded
and encoded again. Before the photo is replaced:

1. the original is copied to the backup folder (``backup_path``), named by its content,
   and listed in ``index.csv`` there with its path and the time;
2. the new file is written beside the photo, read back, and its pixels compared with the
   original's: any difference, and the photo is left as it was.

The keywords are merged as in a sidecar (``keywords.merge_lists``): other tools' keywords
and every other field are kept.
"""

from __future__ import annotations

import csv
import os
import shutil
import time

from fashiondesk.core import keywords
from fashiondesk.core.files import content_hash, write_whole

FLAT, HIERARCHY, TAGS_LIST = "Xmp.dc.subject", "Xmp.lr.hierarchicalSubject", "Xmp.digiKam.TagsList"
ADDED = "Xmp.fashiondesk.addedKeywords"
KEYS = (FLAT, HIERARCHY, TAGS_LIST, ADDED)


class EmbedError(ValueError):
    """The photo cannot be given keywords inside; the message says why. It was not changed."""


def _pixels(data: bytes) -> bytes:
    from io import BytesIO

    from PIL import Image

    with Image.open(BytesIO(data)) as im:
        return im.tobytes()


def _as_list(value) -> list[str]:
    if value is None:
        return []
    return [value] if isinstance(value, str) else [str(v) for v in value]


def backup_path(backups: str, data: bytes, photo: str) -> str:
    return os.path.join(backups, f"{content_hash(data)}-{os.path.basename(photo)}")


def embed(photo: str, words: list[tuple[str, str]], backups: str) -> bool:
    """Merge fashiondesk's keywords into the JPEG's own XMP; False when it already had them.
    Raises EmbedError (not a JPEG, unreadable metadata, pixels would change) or OSError."""
    import pyexiv2

    try:
        pyexiv2.registerNs(keywords.FASHIONDESK, "fashiondesk")
    except RuntimeError:
        pass  # registered already
    if not os.access(photo, os.W_OK) or not os.stat(photo).st_mode & 0o222:  # marked read-only (even for root)
        raise EmbedError("the photo is read-only; it was left as it was (its keywords can go in a sidecar)")
    with open(photo, "rb") as fh:
        data = fh.read()
    if not data.startswith(b"\xff\xd8\xff"):
        raise EmbedError("only JPEG photos can hold keywords inside; the others get a sidecar")
    try:
        image = pyexiv2.ImageData(data)
        try:
            current = image.read_xmp()
            hierarchy, tags_list = _as_list(current.get(HIERARCHY)), _as_list(current.get(TAGS_LIST))
            paths = hierarchy + [p.replace("/", "|") for p in tags_list]
            added = set(_as_list(current.get(ADDED))) if ADDED in current else \
                {p.rsplit("|", 1)[-1] for p in paths if p.startswith(keywords.BRANCH + "|")}
            merged = keywords.merge_lists(_as_list(current.get(FLAT)), hierarchy, tags_list, words, added)
            if merged == tuple(_as_list(current.get(key)) for key in KEYS):
                return False
            image.modify_xmp({key: (values or None) for key, values in zip(KEYS, merged)})
            new = image.get_bytes()
        finally:
            image.close()
    except RuntimeError as exc:  # Exiv2's errors
        raise EmbedError(f"its metadata cannot be rewritten safely: {exc}") from exc
    if _pixels(new) != _pixels(data):
        raise EmbedError("rewriting its metadata would change its pixels; it was left as it was")
    os.makedirs(backups, exist_ok=True)
    kept = backup_path(backups, data, photo)
    if not os.path.exists(kept):
        shutil.copy2(photo, kept)
        with open(os.path.join(backups, "index.csv"), "a", encoding="utf-8", newline="") as index:
            csv.writer(index).writerow([time.strftime("%Y-%m-%d %H:%M:%S"), photo, os.path.basename(kept)])
    write_whole(photo, new, photo + ".fashiondesk-part", mode_of=photo)
    return True
