"""Keywords for photo tools: fashiondesk's tags into XMP sidecars beside the photos, or,
when staff ask, into the JPEGs themselves (after a backup)."""

from __future__ import annotations

import logging
import os
import time
from pathlib import Path
from dataclasses import dataclass, field
from typing import Sequence

from fashiondesk.core.catalogue.db import Catalogue
from fashiondesk.core.catalogue.edits import hold_write_lock
from fashiondesk.core.catalogue.models import Photo
from fashiondesk.core.export.embed import EmbedError, embed
from fashiondesk.core.export.xmp_sidecars import photo_keywords, write_sidecar
from fashiondesk.core.files import content_hash
from fashiondesk.core.keywords import XmpError
from fashiondesk.core.progress import CancelToken, Progress, ProgressCallback, no_progress
from fashiondesk.core.services.paths import photos_by_path
from fashiondesk.core.vision.spec import shipped_spec

log = logging.getLogger("fashiondesk")


@dataclass
class SidecarReport:
    written: int = 0
    unchanged: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)  # (sidecar's photo, why)


def originals_folder(catalogue: Catalogue) -> Path:
    """Where the originals of photos given keywords inside are kept: beside the catalogue."""
    from platformdirs import user_data_dir

    file = catalogue.file
    return (file.parent if file else Path(user_data_dir("fashiondesk", appauthor=False))) / "originals"


def write_xmp(catalogue: Catalogue, paths: Sequence[str] | None = None, photo_ids: Sequence[int] | None = None,
              progress: ProgressCallback = no_progress, cancel: CancelToken | None = None,
              inside: bool = False) -> SidecarReport:
    """Write (merge) ``photo.jpg.xmp`` for the photos named (by path or id), else for every
    photo there. A sidecar that cannot be written is reported, the others still are.

    With ``inside``, the keywords go into each JPEG's own XMP instead (``export/embed.py``:
    the original is first copied to ``originals_folder``; a photo whose pixels would
    change, or that is not a JPEG, is reported and left as it was). The catalogue learns
    the new bytes at once, so the next index does not read those photos again."""
    with catalogue.sessions() as session:
        wanted = None
        if paths:
            wanted = {p.id for p in photos_by_path(session, paths)}
        elif photo_ids is not None:
            wanted = set(photo_ids)
        todo = photo_keywords(session, shipped_spec().unsure_below, wanted)
    report = SidecarReport()
    start = time.monotonic()
    backups = str(originals_folder(catalogue))
    for n, (photo_id, (path, words)) in enumerate(todo.items(), start=1):
        if cancel is not None and cancel.cancelled:
            break
        try:
            if inside and embed(path, words, backups):
                _new_bytes(catalogue, photo_id, path)
                report.written += 1
            elif not inside and write_sidecar(path, words):
                report.written += 1
            else:
                report.unchanged += 1
        except (OSError, XmpError, EmbedError) as exc:
            reason = getattr(exc, "strerror", None) or str(exc)
            log.warning("sidecar of %s not written: %s", path, reason)
            report.failed.append((path, reason))
        progress(Progress(n, len(todo), len(report.failed), time.monotonic() - start, path))
    return report


def _new_bytes(catalogue: Catalogue, photo_id: int, path: str) -> None:
    """The photo's row follows its rewritten file (same pixels, new metadata)."""
    with open(path, "rb") as fh:
        digest = content_hash(fh.read())
    st = os.stat(path)
    with catalogue.write_turn, catalogue.sessions() as session, session.begin():
        hold_write_lock(session)
        photo = session.get(Photo, photo_id)
        if photo is not None and photo.path == path:
            photo.content_hash, photo.size, photo.mtime = digest, st.st_size, st.st_mtime
            photo.inode = st.st_ino or None
