"""Has the catalogue changed since we last looked? Another window (another process) may have
written to it.

SQLite's ``PRAGMA data_version``, asked again and again on one connection kept open, moves
whenever another connection commits (https://sqlite.org/pragma.html#pragma_data_version).
Every other connection counts: this process's own writes (staff's edits, learning,
indexing) go through the catalogue's engine, whose connections are others too, so they
count as well. That costs a window one refresh more than it needed, nothing else. Asking
costs a few microseconds.

The watch's connection belongs to the thread that made it (sqlite3's ``check_same_thread``):
make it, ask it and close it on one thread, the window's. It never writes, and it holds no
transaction between two calls, so it never keeps a checkpoint from emptying the journal.
"""

from __future__ import annotations

import logging
import sqlite3

from fashiondesk.core.catalogue.db import Catalogue

log = logging.getLogger("fashiondesk.catalogue")

# Reading in WAL mode waits for nothing, except in rare moments (a journal being recovered
# after a crash): the caller is the window's thread, so it waits a tenth of a second at most
# and looks again next time.
BUSY_TIMEOUT_S = 0.1


class ChangeWatch:
    """``changed()`` is True when someone committed to the catalogue since the last call.

    A catalogue that is not an SQLite file (a server database, one in memory) or that was
    opened read-only (nobody can write to it) never changes as far as the watch knows."""

    def __init__(self, catalogue: Catalogue):
        self._con: sqlite3.Connection | None = None
        self._version: int | None = None
        self._failing = False
        path = catalogue.file
        if path is None or catalogue.read_only:
            return
        # mode=rw: never creates a file that is not there. Read-write rather than read-only
        # so that, closed last, it tidies the journal away as the catalogue's connections do.
        try:
            self._con = sqlite3.connect(f"{path.as_uri()}?mode=rw", uri=True, timeout=BUSY_TIMEOUT_S,
                                        isolation_level=None)
            self._con.execute("PRAGMA query_only=ON")
        except sqlite3.Error as exc:  # the window still works; it only does not see others' edits
            log.warning("cannot watch the catalogue %s for changes: %s", path, exc)
            self.close()
            return
        self._version = self._read()

    def _read(self) -> int | None:
        assert self._con is not None
        try:
            version = int(self._con.execute("PRAGMA data_version").fetchone()[0])
        except sqlite3.ProgrammingError:
            raise  # asked from another thread, or after close: a mistake in the caller
        except sqlite3.DatabaseError as exc:  # busy a moment, the disk gone: next time, perhaps
            if not self._failing:
                log.warning("cannot look whether the catalogue changed: %s", exc)
            self._failing = True
            return None
        if self._failing:
            log.info("can look whether the catalogue changed again")
        self._failing = False
        return version

    def changed(self) -> bool:
        """True if a commit happened since the last call (or since the watch was made)."""
        if self._con is None:
            return False
        version = self._read()
        if version is None:
            return False  # the last version known is kept: the next call that can read compares
        moved = version != self._version
        self._version = version
        return moved

    def close(self) -> None:
        if self._con is not None:
            self._con.close()
            self._con = None
