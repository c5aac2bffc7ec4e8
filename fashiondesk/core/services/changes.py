"""More than one window on a catalogue: where a window says it is open, and whether the
catalogue changed under it (another window's edits, seen within seconds).

Both windows write to the one SQLite file (WAL, with a busy timeout): nothing either saves
is lost. A window finds out that the other wrote with a ``ChangeWatch`` and shows the
catalogue again.
"""

from __future__ import annotations

from pathlib import Path

from fashiondesk.core.catalogue.changes import ChangeWatch
from fashiondesk.core.catalogue.db import Catalogue

__all__ = ["ChangeWatch", "window_lock"]


def window_lock(catalogue: Catalogue) -> Path | None:
    """The file beside the catalogue that an open window keeps locked, or None for a
    catalogue that is not a file or was opened read-only (nothing to share with another
    window then)."""
    database = catalogue.file
    return Path(f"{database}.window-lock") if database is not None and not catalogue.read_only else None
