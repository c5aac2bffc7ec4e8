"""Keeping the catalogue safe: its own files are never written over, backups, restore."""

from __future__ import annotations

import os
from contextlib import contextmanager
from pathlib import Path

from fashiondesk.core.messages import translate
from fashiondesk.core.catalogue import backup
from fashiondesk.core.catalogue.db import Catalogue
from fashiondesk.core.catalogue.lock import Busy, exclusive
from fashiondesk.core.index.hnsw import sidecar_path
from fashiondesk.core.index.store import index_path
from fashiondesk.core.services.errors import UserError
from fashiondesk.core.services.paths import inside


def database_file(catalogue: Catalogue) -> Path | None:
    """The catalogue's SQLite file, or None for a server database or an in-memory one."""
    return catalogue.file


def run_lock(catalogue: Catalogue) -> Path:
    return index_path(catalogue).with_suffix(".lock")


@contextmanager
def nothing_else_running(catalogue: Catalogue, doing: str):
    """Hold the catalogue's run lock: no index run may start or be under way meanwhile."""
    try:
        with exclusive(run_lock(catalogue)):
            yield
    except Busy:
        raise UserError(translate("Catalogue", "this catalogue is being indexed (or is learning from staff categories, "
                                               "being restored or having a folder removed); {doing} when that has "
                                               "finished").format(doing=doing)) from None


def own_files(catalogue: Catalogue) -> list[Path]:
    """Every file that is part of the catalogue: the database and what lives beside it."""
    hnsw = index_path(catalogue)
    files = [hnsw, sidecar_path(hnsw), run_lock(catalogue)]
    database = database_file(catalogue)
    if database is not None:
        files += [database] + [Path(f"{database}{side}") for side in ("-wal", "-shm", "-journal", ".window-lock")]
    return files


def check_output(catalogue: Catalogue, path: str | os.PathLike) -> None:
    """Refuse to write an export over the catalogue, its side files, its backups, or any
    other SQLite database (another catalogue, a backup copied elsewhere)."""
    target = Path(os.path.realpath(os.fspath(path)))
    database = database_file(catalogue)
    for own in own_files(catalogue):
        if target == Path(os.path.realpath(own)) or (own.exists() and target.exists() and os.path.samefile(own, target)):
            raise UserError(translate("Export", "{path} is part of the catalogue itself; choose another file name for the export").format(path=path))
    if database is not None and inside(str(target), os.path.realpath(backup.backup_dir(database))):
        raise UserError(translate("Export", "{path} is in the catalogue's backup folder; choose another place for the export").format(path=path))
    if target.is_dir():
        raise UserError(translate("Export", "{path} is a folder; give a file name for the export").format(path=path))
    if backup.is_sqlite_file(target):
        raise UserError(translate("Export", "{path} is a database, not a CSV file; it was left as it is").format(path=path))


def daily_backup(catalogue: Catalogue) -> Path | None:
    """Today's backup, if none was taken yet today (SQLite catalogues only)."""
    database = database_file(catalogue)
    if database is None or not database.exists():
        return None
    try:
        return backup.take_daily(database)
    except backup.BackupError as exc:
        raise UserError(str(exc)) from exc


def backup_now(catalogue: Catalogue, reason: str) -> Path | None:
    database = database_file(catalogue)
    if database is None or not database.exists():
        return None
    try:
        return backup.take(database, reason)
    except backup.BackupError as exc:
        raise UserError(translate("Backups", "{why}; nothing was changed").format(why=exc)) from exc


def list_backups(catalogue: Catalogue) -> list[backup.Backup]:
    database = database_file(catalogue)
    return backup.backups(database) if database is not None else []


def restore(catalogue: Catalogue, which: str) -> tuple[backup.Backup, Path | None]:
    """Bring back a backup: ``which`` is its number in ``list_backups`` (1 = newest), or a
    file. Returns the backup restored and the backup of the state it replaced."""
    database = database_file(catalogue)
    if database is None:
        raise UserError("only a catalogue file can be restored; for a server database use its own backups")
    listed = backup.backups(database)
    if which.isdigit():
        number = int(which)
        if not 1 <= number <= len(listed):
            raise UserError(f"there is no backup number {which}; 'fashiondesk restore --list' shows {len(listed)}")
        chosen = listed[number - 1]
    else:
        path = Path(which).expanduser().resolve()
        chosen = next((b for b in listed if b.path == path), backup.Backup(path, None, "file", None, None))
    with nothing_else_running(catalogue, translate("Catalogue", "restore it")):
        catalogue.engine.dispose()
        try:
            safety = backup.restore(database, chosen.path)
        except backup.BackupError as exc:
            raise UserError(str(exc)) from exc
        # Photo ids in the restored catalogue need not match the similarity index: rebuilt on next use.
        for stale in (index_path(catalogue), sidecar_path(index_path(catalogue))):
            stale.unlink(missing_ok=True)
    return chosen, safety
