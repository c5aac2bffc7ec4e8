"""Keywords for photo tools: fashiondesk's tags into XMP sidecars beside the photos."""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass, field
from typing import Sequence

from fashiondesk.core.catalogue.db import Catalogue
from fashiondesk.core.export.xmp_sidecars import photo_keywords, write_sidecar
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


def write_xmp(catalogue: Catalogue, paths: Sequence[str] | None = None, photo_ids: Sequence[int] | None = None,
              progress: ProgressCallback = no_progress, cancel: CancelToken | None = None) -> SidecarReport:
    """Write (merge) ``photo.jpg.xmp`` for the photos named (by path or id), else for every
    photo there. A sidecar that cannot be written is reported, the others still are."""
    with catalogue.sessions() as session:
        wanted = None
        if paths:
            wanted = {p.id for p in photos_by_path(session, paths)}
        elif photo_ids is not None:
            wanted = set(photo_ids)
        todo = photo_keywords(session, shipped_spec().unsure_below, wanted)
    report = SidecarReport()
    start = time.monotonic()
    for n, (path, words) in enumerate(todo.values(), start=1):
        if cancel is not None and cancel.cancelled:
            break
        try:
            if write_sidecar(path, words):
                report.written += 1
            else:
                report.unchanged += 1
        except (OSError, XmpError) as exc:
            reason = getattr(exc, "strerror", None) or str(exc)
            log.warning("sidecar of %s not written: %s", path, reason)
            report.failed.append((path, reason))
        progress(Progress(n, len(todo), len(report.failed), time.monotonic() - start, path))
    return report
