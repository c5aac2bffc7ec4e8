"""Opening a catalogue: URL resolution, SQLite pragmas, schema upgrade, sessions."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker

from fashiondesk.core.catalogue.migrations import upgrade

ENV_VAR = "FASHIONDESK_DB"
BUSY_TIMEOUT_MS = 10_000


def default_db_path() -> Path:
    from platformdirs import user_data_dir

    return Path(user_data_dir("fashiondesk", appauthor=False)) / "catalogue.db"


def resolve_url(db: str | os.PathLike | None = None) -> str:
    """A path or an SQLAlchemy URL; then $FASHIONDESK_DB; then the user data dir."""
    db = db or os.environ.get(ENV_VAR) or default_db_path()
    db = os.fspath(db)
    if "://" in db:
        return db
    path = Path(db).expanduser().resolve()
    path.parent.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{path}"


def _sqlite_pragmas(dbapi_conn, _record) -> None:
    cursor = dbapi_conn.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    cursor.close()


@dataclass
class Catalogue:
    url: str
    engine: Engine
    sessions: sessionmaker[Session]
    upgraded_from: int

    @property
    def location(self) -> str:
        return self.engine.url.database if self.engine.url.get_backend_name() == "sqlite" else self.url

    def close(self) -> None:
        self.engine.dispose()


def open_catalogue(db: str | os.PathLike | None = None) -> Catalogue:
    url = resolve_url(db)
    engine = create_engine(url)
    if make_url(url).get_backend_name() == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
    upgraded_from = upgrade(engine)
    sessions = sessionmaker(engine, expire_on_commit=False)
    return Catalogue(url, engine, sessions, upgraded_from)
