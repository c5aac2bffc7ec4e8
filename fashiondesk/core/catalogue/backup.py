"""Rolling backups of the catalogue, and bringing one back.

Backups live in a folder beside the catalogue (``catalogue.db.backups/``): one a day,
taken by the first command or window that changes the catalogue that day, and one before
each risky operation (removing a folder, restoring). The newest ``KEEP`` are kept.

A backup is a consistent snapshot taken with SQLite's ``VACUUM INTO`` (safe while other
connections read and write) without the embeddings: those are derived from the photos
(about 5 KB a photo, 100 MB for 20,000) and come back on restore from the current
catalogue by content hash, or from the next ``index`` run. Everything staff made (tags,
categories, folders, which photo is which) is in every backup.

Restoring checks the backup, backs up the current catalogue, builds the restored copy
beside it, and copies it into place with SQLite's backup API, so a window or command
that has the catalogue open reads the restored state on its next query.
"""

from __future__ import annotations

import os
import re
import shutil
import sqlite3
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from sqlalchemy import create_engine

from fashiondesk.core.catalogue.db import SQLITE_MAGIC

KEEP = 10
_NAME = re.compile(r"^catalogue-(\d{8}-\d{6})-([a-z-]+)\.db$")


class BackupError(Exception):
    """A backup cannot be made or brought back; the message says why."""


@dataclass(frozen=True)
class Backup:
    path: Path
    taken: datetime | None  # local time; None: a file restored by its path, not one of the listed backups
    reason: str  # daily, before-restore, before-remove-folder, ...
    photos: int | None  # None: the file cannot be read
    tags: int | None


def backup_dir(database: Path) -> Path:
    return database.with_name(database.name + ".backups")


def is_sqlite_file(path: Path) -> bool:
    try:
        with open(path, "rb") as fh:
            return fh.read(16) == SQLITE_MAGIC
    except OSError:
        return False


def take(database: Path, reason: str, now: datetime | None = None) -> Path:
    """Snapshot the catalogue into the backup folder; returns the backup's path."""
    now = now or datetime.now()
    folder = backup_dir(database)
    folder.mkdir(parents=True, exist_ok=True)
    final = folder / f"catalogue-{now:%Y%m%d-%H%M%S}-{reason}.db"
    second = now
    while final.exists():  # two in the same second: the later one gets the next free second
        second += timedelta(seconds=1)
        final = folder / f"catalogue-{second:%Y%m%d-%H%M%S}-{reason}.db"
    tmp = final.with_suffix(".db.part")
    tmp.unlink(missing_ok=True)
    try:
        con = sqlite3.connect(database, timeout=10)
        try:
            con.execute("VACUUM INTO ?", (str(tmp),))
        finally:
            con.close()
        con = sqlite3.connect(tmp, isolation_level=None)
        try:
            con.execute("PRAGMA journal_mode=DELETE")
            if con.execute("SELECT 1 FROM sqlite_master WHERE name = 'embeddings'").fetchone():
                con.execute("DELETE FROM embeddings")
            con.execute("VACUUM")
        finally:
            con.close()
        _fsync(tmp)
        os.replace(tmp, final)
    except (sqlite3.Error, OSError) as exc:
        tmp.unlink(missing_ok=True)
        raise BackupError(f"cannot back up the catalogue to {folder}: {exc}") from exc
    prune(database)
    return final


def take_daily(database: Path, now: datetime | None = None) -> Path | None:
    """A backup unless one was already taken today."""
    now = now or datetime.now()
    taken_today = any(
        b.reason == "daily" and b.taken is not None and b.taken.date() == now.date() for b in _listed(database)
    )
    if taken_today or _empty(database):
        return None
    _check_sound(database)
    return take(database, "daily", now)


def _check_sound(database: Path) -> None:
    """Once a day, before the day's backup: a damage no command has stumbled on yet is said
    now, not found months later (and a damaged catalogue is not backed up over good ones)."""
    try:
        con = sqlite3.connect(database, timeout=10)
        try:
            verdict = con.execute("PRAGMA quick_check").fetchone()[0]
        finally:
            con.close()
    except sqlite3.Error as exc:
        verdict = str(exc)
    if verdict != "ok":
        raise BackupError(
            f"the catalogue is damaged ({verdict.splitlines()[0]}); bring back a backup: "
            "'fashiondesk restore --list', then 'fashiondesk restore 1'"
        )


def _empty(database: Path) -> bool:
    """A catalogue with no photos yet has nothing to keep."""
    try:
        con = sqlite3.connect(database, timeout=10)
        try:
            return not con.execute("SELECT 1 FROM sqlite_master WHERE name = 'photos'").fetchone() or not (
                con.execute("SELECT 1 FROM photos LIMIT 1").fetchone()
            )
        finally:
            con.close()
    except sqlite3.Error:
        return False  # let the backup itself say what is wrong


KEEP_DAILY = 7  # the newest daily backups are kept whatever else was taken since


def prune(database: Path, keep: int = KEEP) -> None:
    """Keep the newest ``keep`` backups, and the newest ``KEEP_DAILY`` daily ones (so a run of
    restores cannot push the days out); drop leftovers of backups that were interrupted."""
    listed = _listed(database)
    kept = {b.path for b in listed[:keep]} | {b.path for b in [b for b in listed if b.reason == "daily"][:KEEP_DAILY]}
    for old in listed:
        if old.path not in kept:
            old.path.unlink(missing_ok=True)
    for part in backup_dir(database).glob("*.part"):
        try:
            if part.stat().st_mtime < datetime.now().timestamp() - 3600:
                part.unlink()
        except OSError:
            pass


def _listed(database: Path) -> list[Backup]:
    """Backups, newest first, without opening them."""
    found: list[tuple[datetime, int, Backup]] = []
    folder = backup_dir(database)
    if folder.is_dir():
        for path in folder.iterdir():
            match = _NAME.match(path.name)
            if match:
                taken = datetime.strptime(match.group(1), "%Y%m%d-%H%M%S")
                found.append((taken, _mtime(path), Backup(path, taken, match.group(2), None, None)))
    return [b for _, _, b in sorted(found, key=lambda f: f[:2], reverse=True)]


def _mtime(path: Path) -> int:
    """Two backups in the same second (a daily one, then one before a risky step) are told
    apart by when they were written."""
    try:
        return path.stat().st_mtime_ns
    except OSError:
        return 0


def backups(database: Path) -> list[Backup]:
    """Backups, newest first, with how many photos and tags each holds."""
    return [Backup(b.path, b.taken, b.reason, *_counts(b.path)) for b in _listed(database)]


def _counts(path: Path) -> tuple[int | None, int | None]:
    try:
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            return (
                con.execute("SELECT count(*) FROM photos").fetchone()[0],
                con.execute("SELECT count(*) FROM tags").fetchone()[0],
            )
        finally:
            con.close()
    except sqlite3.Error:
        return None, None


def check(path: Path) -> None:
    """Refuse a file that is not a sound fashiondesk catalogue."""
    if not path.is_file():
        raise BackupError(f"no such backup: {path}")
    if not is_sqlite_file(path):
        raise BackupError(f"{path} is not a catalogue backup (not an SQLite database)")
    try:
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            verdict = con.execute("PRAGMA integrity_check").fetchone()[0]
            ours = con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
        finally:
            con.close()
    except sqlite3.Error as exc:
        raise BackupError(f"{path} cannot be read as a catalogue: {exc}") from exc
    if verdict != "ok":
        raise BackupError(f"{path} is damaged ({verdict})")
    if ours is None:
        raise BackupError(f"{path} is not a fashiondesk catalogue")


def restore(database: Path, source: Path) -> Path | None:
    """Put the catalogue back as it was in ``source``; returns the backup of the state it
    replaced (None if the current file could not be read, in which case it is kept as
    ``...-damaged.db`` in the backup folder)."""
    from fashiondesk.core.catalogue.migrations import upgrade

    check(source)
    folder = backup_dir(database)
    folder.mkdir(parents=True, exist_ok=True)
    staging = folder / "restoring.db.part"
    staging.unlink(missing_ok=True)
    shutil.copyfile(source, staging)  # first: the backup taken next may prune the oldest, this one
    readable = _readable(database)
    if readable:
        safety = take(database, "before-restore")
    else:
        safety = None
        kept = folder / f"damaged-{datetime.now():%Y%m%d-%H%M%S}.db"
        for side in ("", "-wal", "-shm"):
            if Path(f"{database}{side}").exists():
                shutil.copy2(f"{database}{side}", f"{kept}{side}")
    try:
        engine = create_engine(f"sqlite:///{staging}")
        try:
            upgrade(engine)  # a backup from an older release gets today's schema
        finally:
            engine.dispose()
        if readable:
            _carry_embeddings(staging, database)
        if readable:
            src, dst = sqlite3.connect(staging), sqlite3.connect(database, timeout=30)
            try:
                src.backup(dst)
            finally:
                src.close()
                dst.close()
        else:
            for side in ("-wal", "-shm", "-journal"):
                Path(f"{database}{side}").unlink(missing_ok=True)
            _fsync(staging)
            os.replace(staging, database)
    except sqlite3.Error as exc:
        raise BackupError(f"cannot restore {source}: {exc}") from exc
    finally:
        staging.unlink(missing_ok=True)
    return safety


def _readable(database: Path) -> bool:
    if not is_sqlite_file(database):
        return False
    try:
        con = sqlite3.connect(database, timeout=10)
        try:
            return con.execute("PRAGMA quick_check").fetchone()[0] == "ok"
        finally:
            con.close()
    except sqlite3.Error:
        return False


def _carry_embeddings(staging: Path, current: Path) -> None:
    """Embeddings of the restored photos, from the current catalogue, matched by content."""
    con = sqlite3.connect(staging, isolation_level=None)
    try:
        con.execute("ATTACH DATABASE ? AS cur", (str(current),))
        con.execute("BEGIN")
        con.execute(
            "INSERT OR IGNORE INTO embeddings (photo_id, model_version, vector, logits, garment_map) "
            "SELECT p.id, e.model_version, e.vector, e.logits, e.garment_map FROM photos p "
            "JOIN cur.photos c ON c.content_hash = p.content_hash "
            "JOIN cur.embeddings e ON e.photo_id = c.id"
        )
        con.execute("COMMIT")
        con.execute("DETACH DATABASE cur")
    finally:
        con.close()


def _fsync(path: Path) -> None:
    with open(path, "rb") as fh:
        os.fsync(fh.fileno())
