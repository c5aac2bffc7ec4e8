"""Schema versions: a new catalogue gets the current schema; an older one is upgraded in
order, in one transaction, after a copy of the file is kept beside it.

Each step is frozen SQL: it must keep describing what that release did, whatever the
models look like later. Add a step by appending ``(version, [sql, ...])``.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from sqlalchemy import Connection, Engine, inspect, text

from fashiondesk.core.catalogue.models import Base

# Version 1 is the first released schema (see tests/data/catalogue_v1.sql).
STEPS: list[tuple[int, list[str]]] = [
    # 2: colour tags carry their hex value.
    (2, ["ALTER TABLE tags ADD COLUMN value VARCHAR(16)"]),
]
SCHEMA_VERSION = STEPS[-1][0] if STEPS else 1


class SchemaError(RuntimeError):
    pass


def read_version(conn: Connection) -> int | None:
    if not inspect(conn).has_table("meta"):
        return None
    row = conn.execute(text("SELECT value FROM meta WHERE key = 'schema_version'")).first()
    return int(row[0]) if row else None


def _write_version(conn: Connection, version: int) -> None:
    conn.execute(
        text("INSERT OR REPLACE INTO meta (key, value) VALUES ('schema_version', :v)"),
        {"v": str(version)},
    )


def upgrade(engine: Engine, steps: list[tuple[int, list[str]]] | None = None) -> int:
    """Bring the catalogue to the latest schema; returns the version it was at (0 = new)."""
    steps = STEPS if steps is None else steps
    latest = steps[-1][0] if steps else 1
    with engine.connect() as conn:
        current = read_version(conn)
        has_photos = inspect(conn).has_table("photos")
    if current is None and not has_photos:
        with engine.begin() as conn:
            Base.metadata.create_all(conn)
            _write_version(conn, latest)
        return 0
    if current is None:
        raise SchemaError("this database has fashiondesk tables but no schema version; not opening it")
    if current > latest:
        raise SchemaError(
            f"this catalogue was written by a newer fashiondesk (schema {current}); "
            f"this version understands up to schema {latest}"
        )
    if current == latest:
        return current
    _keep_copy(engine, current)
    with engine.begin() as conn:
        for version, statements in steps:
            if version <= current:
                continue
            for statement in statements:
                conn.execute(text(statement))
            _write_version(conn, version)
    return current


def _keep_copy(engine: Engine, version: int) -> None:
    database = engine.url.database
    if engine.url.get_backend_name() != "sqlite" or not database or database == ":memory:":
        return
    path = Path(database)
    if path.exists():
        with engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        shutil.copy2(path, path.with_name(f"{path.name}.schema{version}.bak"))
