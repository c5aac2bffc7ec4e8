"""Opening a catalogue: URL resolution, SQLite pragmas, schema upgrade, sessions."""

from __future__ import annotations

import os
import sqlite3
import threading
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError
from sqlalchemy.orm import Session, sessionmaker

from fashiondesk.core.catalogue.migrations import upgrade

ENV_VAR = "FASHIONDESK_DB"
BUSY_TIMEOUT_MS = 10_000


def default_db_path() -> Path:
    from platformdirs import user_data_dir

    return Path(user_data_dir("fashiondesk", appauthor=False)) / "catalogue.db"


class CatalogueError(Exception):
    """The catalogue cannot be opened; the message says why and what to do, in one line."""


SQLITE_MAGIC = b"SQLite format 3\x00"


def resolve_url(db: str | os.PathLike | None = None, check: bool = True) -> str:
    """A path or an SQLAlchemy URL; then $FASHIONDESK_DB; then the user data dir. With
    ``check``, a path that is a folder or a file that is not a database is refused."""
    db = db or os.environ.get(ENV_VAR) or default_db_path()
    db = os.fspath(db)
    if "://" in db:
        return db
    path = Path(db).expanduser().resolve()
    if check:
        _check_file(path, db)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise CatalogueError(f"cannot create the catalogue's folder {path.parent}: {exc.strerror or exc}") from exc
    return f"sqlite:///{path}"


def _check_file(path: Path, given: str) -> None:
    if path.is_dir():
        raise CatalogueError(f"{given} is a folder; --db wants a catalogue file, e.g. {path / 'catalogue.db'}")
    if path.exists() and not path.is_file():
        raise CatalogueError(f"{given} is not a regular file; --db wants a catalogue file")
    if path.is_file() and path.stat().st_size > 0:
        try:
            with open(path, "rb") as fh:
                head = fh.read(16)
        except OSError as exc:
            raise CatalogueError(f"cannot read the catalogue {given}: {exc.strerror or exc}") from exc
        if head != SQLITE_MAGIC:
            raise CatalogueError(
                f"{given} is not a fashiondesk catalogue (not an SQLite database). If it was one, it is "
                "damaged: 'fashiondesk restore --list' shows its backups"
            )


def writable(path: Path) -> bool:
    """Can SQLite keep its journal beside this catalogue (the folder, and the file if there)?"""
    return os.access(path.parent, os.W_OK) and (not path.exists() or os.access(path, os.W_OK))


def fold(text: str | None) -> str | None:
    """Text as search compares it: without accents and case ("Élégante" -> "elegante")."""
    if text is None:
        return None
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c)).casefold()


def _text_functions(dbapi_conn, _record) -> None:
    """``fd_fold(text)``, for searches that do not care about accents (queries.py)."""
    dbapi_conn.create_function("fd_fold", 1, fold, deterministic=True)


def _sqlite_pragmas(dbapi_conn, _record) -> None:
    _text_functions(dbapi_conn, _record)
    cursor = dbapi_conn.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    cursor.close()


def _read_only_pragmas(dbapi_conn, _record) -> None:
    _text_functions(dbapi_conn, _record)
    cursor = dbapi_conn.cursor()
    cursor.execute("PRAGMA query_only=ON")
    cursor.close()


@dataclass
class Catalogue:
    url: str
    engine: Engine
    sessions: sessionmaker[Session]
    upgraded_from: int
    read_only: bool = False
    # Taken by staff's tag edits and by each of learning's write transactions, in this
    # process: an edit waits on it, woken the moment a chunk is written, instead of in
    # SQLite's busy handler, whose sleeps grow while learning takes the lock again and again.
    write_turn: threading.Lock = field(default_factory=threading.Lock, repr=False, compare=False)

    @property
    def file(self) -> Path | None:
        """The catalogue's SQLite file, or None for a server database or an in-memory one."""
        url = self.engine.url
        if url.get_backend_name() == "sqlite" and url.database and url.database != ":memory:":
            return Path(url.database)
        return None

    @property
    def location(self) -> str:
        database = self.engine.url.database
        # An in-memory SQLite URL ("sqlite://") has no database path: say the URL, not "None".
        return database if self.engine.url.get_backend_name() == "sqlite" and database else _shown(self.url)

    def close(self) -> None:
        self.engine.dispose()


def _shown(url: str) -> str:
    """A URL fit to print: the password hidden."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return "--db"


def _refuse_foreign(path: Path) -> None:
    """Look (read-only, changing nothing) before opening: a database that is not a
    fashiondesk catalogue is another application's, and is left exactly as it is."""
    from fashiondesk.core.catalogue.migrations import SchemaError

    try:
        con = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
        try:
            tables = {row[0] for row in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
            ours = "meta" in tables and "photos" in tables and con.execute(
                "SELECT 1 FROM meta WHERE key = 'schema_version'"
            ).fetchone() is not None
        finally:
            con.close()
    except sqlite3.DatabaseError:
        return  # damaged: the open that follows says so, and where the backups are
    if tables and not ours:
        raise SchemaError(
            f"{path} is not a fashiondesk catalogue (it belongs to another application); it was left untouched"
        )


def open_catalogue(db: str | os.PathLike | None = None, read_only: bool = False, migrate: bool = True) -> Catalogue:
    """Open (or create) the catalogue and bring its schema up to date.

    ``read_only`` opens a catalogue in a folder fashiondesk cannot write to (a read-only
    share, a CD) as it is on disk, for commands that only read; a catalogue that can be
    written is opened normally whatever is asked. ``migrate=False`` neither checks nor
    touches the file (for restoring a damaged catalogue).
    """
    url = resolve_url(db, check=migrate)
    database = make_url(url).database
    is_file = make_url(url).get_backend_name() == "sqlite" and database not in (None, "", ":memory:")
    path = Path(database) if is_file and database else None
    frozen = False
    if path is not None and migrate and path.is_file() and path.stat().st_size > 0:
        _refuse_foreign(path)  # before anything opens it for writing (WAL would change its header)
    if path is not None and not path.parent.is_dir():
        raise CatalogueError(f"the folder for the catalogue does not exist: {path.parent}")
    if path is not None and not writable(path):
        if not (read_only and path.exists()):
            raise CatalogueError(
                f"cannot write beside the catalogue {path} (read-only folder or file): fashiondesk keeps its "
                "journal there; copy the catalogue to a folder you can write to"
            )
        frozen = True
        if Path(f"{path}-wal").exists() and Path(f"{path}-wal").stat().st_size > 0:
            raise CatalogueError(
                f"the catalogue {path} has recent changes in its journal ({path.name}-wal) that cannot be "
                "read in a read-only folder; open it once where it can be written"
            )
    try:
        if frozen and path is not None:
            # SQLite needs to write a WAL database's -shm file even to read; immutable=1 reads
            # the file as it is (a catalogue closed cleanly has everything in it).
            uri = f"{path.as_uri()}?mode=ro&immutable=1"
            engine = create_engine(url, creator=lambda: sqlite3.connect(uri, uri=True, check_same_thread=False))
            event.listen(engine, "connect", _read_only_pragmas)
        else:
            engine = create_engine(url)
            if make_url(url).get_backend_name() == "sqlite":
                event.listen(engine, "connect", _sqlite_pragmas)
    except ImportError as exc:
        raise CatalogueError(f"cannot open {_shown(url)}: its database driver is not installed ({exc.name})") from exc
    except (ArgumentError, ValueError) as exc:
        raise CatalogueError(f"--db is neither a file nor a database URL that fashiondesk understands: {exc}") from exc
    upgraded_from = upgrade(engine, read_only=frozen) if migrate else 0
    sessions = sessionmaker(engine, expire_on_commit=False)
    return Catalogue(url, engine, sessions, upgraded_from, read_only=frozen)
