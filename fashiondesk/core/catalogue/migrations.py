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
    # 3: a path is unique only among photos that are there (a missing photo keeps its last
    #    path and its tags while a different photo takes that path), and the file's inode
    #    tells a renamed file from the one it replaced; files a scan could not take are
    #    listed with the photos that failed; embeddings carry the batch that wrote them,
    #    so the similarity index sees re-embedded photos. SQLite cannot drop a constraint, so
    #    the table is rebuilt (foreign keys off, one transaction, see ``_upgrade_sqlite``).
    (3, [
        "CREATE TABLE photos_v3 (id INTEGER NOT NULL, folder_id INTEGER NOT NULL, path TEXT NOT NULL, "
        "content_hash VARCHAR(32), size INTEGER NOT NULL, mtime FLOAT NOT NULL, inode INTEGER, "
        "width INTEGER, height INTEGER, status VARCHAR(16) NOT NULL, error TEXT, indexed_at DATETIME, "
        "PRIMARY KEY (id), FOREIGN KEY(folder_id) REFERENCES folders (id) ON DELETE CASCADE)",
        "INSERT INTO photos_v3 (id, folder_id, path, content_hash, size, mtime, inode, width, height, "
        "status, error, indexed_at) SELECT id, folder_id, path, content_hash, size, mtime, NULL, width, "
        "height, status, error, indexed_at FROM photos",
        "DROP TABLE photos",
        "ALTER TABLE photos_v3 RENAME TO photos",
        "CREATE INDEX ix_photos_folder_id ON photos (folder_id)",
        "CREATE INDEX ix_photos_status ON photos (status)",
        "CREATE INDEX ix_photos_content_hash ON photos (content_hash)",
        "CREATE INDEX ix_photos_path ON photos (path)",
        "CREATE INDEX ix_photos_size ON photos (size)",
        "CREATE UNIQUE INDEX uq_photos_live_path ON photos (path) WHERE status != 'missing'",
        "CREATE TABLE skipped_files (id INTEGER NOT NULL, folder_id INTEGER NOT NULL, path TEXT NOT NULL, "
        "reason TEXT NOT NULL, PRIMARY KEY (id), FOREIGN KEY(folder_id) REFERENCES folders (id) ON DELETE CASCADE)",
        "CREATE INDEX ix_skipped_files_folder_id ON skipped_files (folder_id)",
        "ALTER TABLE embeddings ADD COLUMN seq INTEGER NOT NULL DEFAULT '0'",
        "CREATE INDEX ix_embeddings_seq ON embeddings (seq)",
    ]),
    # 4: automatic tags carry their method's version; the model's own outputs are kept so
    #    a new method re-tags without the model. The colour method's version left the
    #    embedding model's version string: the embeddings are renamed, not made again.
    (4, [
        "ALTER TABLE tags ADD COLUMN source_version VARCHAR(64)",
        "ALTER TABLE embeddings ADD COLUMN logits BLOB",
        "ALTER TABLE embeddings ADD COLUMN garment_map BLOB",
        "CREATE TABLE tag_runs (photo_id INTEGER NOT NULL, kind VARCHAR(16) NOT NULL, version VARCHAR(64) NOT NULL, "
        "PRIMARY KEY (photo_id, kind), FOREIGN KEY(photo_id) REFERENCES photos (id) ON DELETE CASCADE)",
        "INSERT INTO tag_runs (photo_id, kind, version) SELECT photo_id, 'colour', 'colours2' FROM embeddings "
        "WHERE model_version = 'lite0-clothing-ffc28458-cam1-colours2'",
        "INSERT INTO tag_runs (photo_id, kind, version) SELECT photo_id, 'category', "
        "'lite0-clothing-ffc28458-cam1/T0.6269' FROM embeddings WHERE model_version = 'lite0-clothing-ffc28458-cam1-colours2'",
        "UPDATE tags SET source_version = 'colours2' WHERE kind = 'colour' AND source = 'auto' AND photo_id IN "
        "(SELECT photo_id FROM embeddings WHERE model_version = 'lite0-clothing-ffc28458-cam1-colours2')",
        "UPDATE tags SET source_version = 'lite0-clothing-ffc28458-cam1/T0.6269' WHERE kind = 'category' "
        "AND source = 'auto' AND photo_id IN "
        "(SELECT photo_id FROM embeddings WHERE model_version = 'lite0-clothing-ffc28458-cam1-colours2')",
        "UPDATE embeddings SET model_version = 'lite0-clothing-ffc28458-cam1' "
        "WHERE model_version = 'lite0-clothing-ffc28458-cam1-colours2'",
        # Rejected automatic tags are remembered, so a re-tag does not bring them back.
        "CREATE TABLE rejections (photo_id INTEGER NOT NULL, kind VARCHAR(16) NOT NULL, \"key\" TEXT NOT NULL, "
        "PRIMARY KEY (photo_id, kind, \"key\"), FOREIGN KEY(photo_id) REFERENCES photos (id) ON DELETE CASCADE)",
    ]),
    # 5: products (a SKU or handle, several photos, title, price, sizes, stock and any other
    #    columns staff import); a photo belongs to at most one, at a position.
    (5, [
        "CREATE TABLE products (id INTEGER NOT NULL, handle TEXT NOT NULL, title TEXT, price VARCHAR(32), "
        "sizes TEXT, stock INTEGER, extra TEXT, created_at DATETIME NOT NULL, PRIMARY KEY (id), UNIQUE (handle))",
        "ALTER TABLE photos ADD COLUMN product_id INTEGER REFERENCES products (id) ON DELETE SET NULL",
        "ALTER TABLE photos ADD COLUMN product_position INTEGER",
        "CREATE INDEX ix_photos_product_id ON photos (product_id)",
    ]),
    # 6: looks (outfits staff saved), to suggest pieces like those they put together.
    (6, [
        "CREATE TABLE looks (id INTEGER NOT NULL, name TEXT NOT NULL, created_at DATETIME NOT NULL, PRIMARY KEY (id))",
        "CREATE TABLE look_photos (look_id INTEGER NOT NULL, photo_id INTEGER NOT NULL, position INTEGER NOT NULL, "
        "PRIMARY KEY (look_id, photo_id), FOREIGN KEY(look_id) REFERENCES looks (id) ON DELETE CASCADE, "
        "FOREIGN KEY(photo_id) REFERENCES photos (id) ON DELETE CASCADE)",
        "CREATE INDEX ix_look_photos_photo_id ON look_photos (photo_id)",
    ]),
    # 7: each photo's fingerprint (its pixels, small), to tell altered copies from other photos.
    (7, [
        "CREATE TABLE fingerprints (photo_id INTEGER NOT NULL, data BLOB NOT NULL, PRIMARY KEY (photo_id), "
        "FOREIGN KEY(photo_id) REFERENCES photos (id) ON DELETE CASCADE)",
    ]),
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


def upgrade(engine: Engine, steps: list[tuple[int, list[str]]] | None = None, read_only: bool = False) -> int:
    """Bring the catalogue to the latest schema; returns the version it was at (0 = new).

    Only an empty database becomes a catalogue: one that holds tables without
    fashiondesk's schema version is another application's, and is left untouched.
    """
    steps = STEPS if steps is None else steps
    latest = steps[-1][0] if steps else 1
    with engine.connect() as conn:
        current = read_version(conn)
        tables = inspect(conn).get_table_names()
    if current is None and not tables and not read_only:
        with engine.begin() as conn:
            Base.metadata.create_all(conn)
            _write_version(conn, latest)
        return 0
    if current is None:
        raise SchemaError(
            "this database is not a fashiondesk catalogue (it belongs to another application, "
            "or lost its schema version); it was left untouched"
        )
    if current > latest:
        raise SchemaError(
            f"this catalogue was written by a newer fashiondesk (schema {current}); "
            f"this version understands up to schema {latest}"
        )
    if current == latest:
        return current
    if read_only:
        raise SchemaError(
            f"this catalogue (schema {current}) needs an upgrade, and its folder is read-only; "
            "copy it to a folder you can write to"
        )
    _keep_copy(engine, current)
    todo = [(version, statements) for version, statements in steps if version > current]
    if engine.url.get_backend_name() == "sqlite":
        _upgrade_sqlite(engine, todo)
    else:
        with engine.begin() as conn:
            for version, statements in todo:
                for statement in statements:
                    conn.execute(text(statement))
                _write_version(conn, version)
    return current


def _upgrade_sqlite(engine: Engine, todo: list[tuple[int, list[str]]]) -> None:
    """All steps in one real transaction, with foreign keys off while tables are rebuilt.

    Python's sqlite3 runs DDL outside any transaction unless told otherwise, and with
    foreign keys on, dropping a table deletes its rows first and cascades into tags. So
    the steps run on the driver connection in autocommit mode with an explicit BEGIN: a
    kill in the middle leaves the catalogue as it was.
    """
    with engine.connect() as conn:
        raw = conn.connection.driver_connection
        assert raw is not None  # a pooled connection that is open has its DB-API connection
        saved = raw.isolation_level
        raw.isolation_level = None
        try:
            raw.execute("PRAGMA foreign_keys=OFF")
            raw.execute("BEGIN IMMEDIATE")
            try:
                # Another process may have upgraded while this one waited for the lock.
                row = raw.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
                done = int(row[0]) if row else 0
                todo = [(version, statements) for version, statements in todo if version > done]
                for version, statements in todo:
                    for statement in statements:
                        raw.execute(statement)
                    raw.execute(
                        "INSERT OR REPLACE INTO meta (key, value) VALUES ('schema_version', ?)", (str(version),)
                    )
                broken = raw.execute("PRAGMA foreign_key_check").fetchall()
                if broken:
                    raise SchemaError(f"upgrade left {len(broken)} rows pointing nowhere; the catalogue was not changed")
                raw.execute("COMMIT")
            except BaseException:
                raw.execute("ROLLBACK")
                raise
        finally:
            raw.execute("PRAGMA foreign_keys=ON")
            raw.isolation_level = saved


def _keep_copy(engine: Engine, version: int) -> None:
    database = engine.url.database
    if engine.url.get_backend_name() != "sqlite" or not database or database == ":memory:":
        return
    path = Path(database)
    if path.exists():
        with engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        shutil.copy2(path, path.with_name(f"{path.name}.schema{version}.bak"))
