"""Items 1, 3, 5 and 10 of issue 11: the catalogue's own files, backups, folders that
move, and one clear line for every way a catalogue or a disk can fail."""

import csv
import io
import os
import shutil
import sqlite3
import subprocess
import sys
import uuid
from datetime import datetime, timedelta

import pytest
from sqlalchemy import select

from fashiondesk.cli.main import main
from fashiondesk.core import services
from fashiondesk.core.catalogue.db import open_catalogue
from fashiondesk.core.catalogue.models import CUSTOM, MISSING, Photo
from tests.conftest import SAMPLE


def _backup():
    from fashiondesk.core.catalogue import backup  # here, so each test fails on its own where it is missing

    return backup


def fd(capsys, *args):
    code = main([str(a) for a in args])
    out = capsys.readouterr()
    return code, out.out, out.err


@pytest.fixture
def indexed(tmp_path, capsys):
    """A catalogue file of 6 sample photos, one of them tagged."""
    folder = tmp_path / "shop"
    folder.mkdir()
    for src in sorted(SAMPLE.glob("*.jpg"))[::5]:
        shutil.copy(src, folder / src.name)
    db = tmp_path / "cat.db"
    assert fd(capsys, "--db", db, "index", folder, "--quiet")[0] == 0
    first = sorted(folder.glob("*.jpg"))[0]
    assert fd(capsys, "--db", db, "tag", first, "--add", "SKU-1")[0] == 0
    return db, folder, first


def tags_of(db, path):
    cat = open_catalogue(db)
    try:
        with cat.sessions() as s:
            photo = s.scalar(select(Photo).where(Photo.path == str(path), Photo.status != MISSING))
            return sorted(t.name for t in photo.tags if t.kind == CUSTOM) if photo else None
    finally:
        cat.close()


# -- item 1: the catalogue's own files, and backups ---------------------------------


@pytest.mark.parametrize("side", ["", "-wal", "-shm", ".hnsw", ".hnsw.json", ".lock"])
def test_export_never_writes_over_the_catalogue(indexed, capsys, side):
    db, _folder, first = indexed
    target = f"{db}{side}"
    before = open(target, "rb").read() if os.path.exists(target) else None
    code, _out, err = fd(capsys, "--db", db, "export", target)
    assert code == 1 and "part of the catalogue" in err and err.count("\n") == 1
    if before is not None:
        assert open(target, "rb").read() == before
    assert tags_of(db, first) == ["SKU-1"]


def test_export_never_writes_over_another_database(indexed, capsys, tmp_path):
    db, _folder, _first = indexed
    other = tmp_path / "till.sqlite"
    con = sqlite3.connect(other)
    con.execute("CREATE TABLE sales (x)")
    con.commit()
    con.close()
    code, _out, err = fd(capsys, "--db", db, "export", other)
    assert code == 1 and "database, not a CSV" in err
    assert sqlite3.connect(other).execute("SELECT name FROM sqlite_master").fetchall() == [("sales",)]


def test_a_daily_backup_and_a_restore_bring_tags_back(indexed, capsys):
    db, folder, first = indexed
    listed = _backup().backups(db)
    assert [b.reason for b in listed] == ["daily"] and listed[0].tags > 0  # taken by the tag command
    assert fd(capsys, "--db", db, "tag", first, "--add", "oops")[0] == 0  # no second backup today
    assert len(_backup().backups(db)) == 1
    code, out, _err = fd(capsys, "--db", db, "restore", "--list")
    assert code == 0 and out.startswith("1\t") and "daily" in out
    # The backup was taken before SKU-1 was added (the first change of the day).
    code, _out, err = fd(capsys, "--db", db, "restore", "1")
    assert code == 0 and "restored" in err
    assert tags_of(db, first) == []
    reasons = [b.reason for b in _backup().backups(db)]
    assert reasons == ["before-restore", "daily"]
    # ... and the state it replaced can be brought back too, embeddings and all.
    assert fd(capsys, "--db", db, "restore", "1")[0] == 0
    assert tags_of(db, first) == ["SKU-1", "oops"]
    code, out, _err = fd(capsys, "--db", db, "similar", first, "-k", "1")
    assert code == 0 and len(list(csv.reader(io.StringIO(out)))) == 2
    code, _out, err = fd(capsys, "--db", db, "index", "--quiet")
    assert code == 0 and "0 indexed, 6 unchanged" in err  # embeddings came back with the restore


def test_backups_roll_and_keep_the_newest(tmp_path):
    db = tmp_path / "cat.db"
    cat = open_catalogue(db)
    cat.close()
    con = sqlite3.connect(db)
    con.execute("INSERT INTO folders (id, path, added_at) VALUES (1, '/x', '2026-01-01')")
    con.execute("INSERT INTO photos (id, folder_id, path, size, mtime, status) VALUES (1, 1, '/x/a.jpg', 1, 1, 'ok')")
    con.commit()
    con.close()
    start = datetime(2026, 1, 1, 9, 0)
    for day in range(_backup().KEEP + 3):
        assert _backup().take_daily(db, start + timedelta(days=day)) is not None
        assert _backup().take_daily(db, start + timedelta(days=day, hours=2)) is None
    listed = _backup().backups(db)
    assert len(listed) == _backup().KEEP and listed[0].taken == start + timedelta(days=_backup().KEEP + 2)
    assert all(b.photos == 1 for b in listed)


def test_a_damaged_catalogue_can_be_restored(indexed, capsys):
    db, _folder, first = indexed
    with open(db, "r+b") as fh:  # 4 KB of garbage over the second page
        fh.seek(4096)
        fh.write(os.urandom(4096))
    code, _out, err = fd(capsys, "--db", db, "export", "-")
    assert code == 1 and err.count("\n") == 1
    assert "damaged" in err and "fashiondesk restore" in err and "integrity_check" in err
    code, _out, err = fd(capsys, "--db", db, "restore", "1")
    assert code == 0, err
    assert fd(capsys, "--db", db, "export", "-")[0] == 0
    assert any(p.name.startswith("damaged-") for p in _backup().backup_dir(db).iterdir())  # kept for inspection


# -- item 3: a watched folder renamed or gone ----------------------------------------


def test_a_renamed_folder_takes_its_tags_and_leaves_no_ghosts(indexed, capsys, tmp_path):
    db, folder, first = indexed
    renamed = tmp_path / "shop2024"
    folder.rename(renamed)
    code, _out, err = fd(capsys, "--db", db, "index", renamed, "--quiet")
    assert code == 0 and "0 indexed" in err and "6 moved" in err
    assert tags_of(db, renamed / first.name) == ["SKU-1"]
    code, out, _err = fd(capsys, "--db", db, "export", "-")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert len(rows) == 6 and all(r["path"].startswith(str(renamed)) for r in rows)
    code, out, _err = fd(capsys, "--db", db, "duplicates")
    assert len(out.splitlines()) == 1  # the header only
    code, out, _err = fd(capsys, "--db", db, "similar", renamed / first.name, "-k", "5")
    assert all(float(r["score"]) < 0.99 for r in csv.DictReader(io.StringIO(out)))
    code, out, _err = fd(capsys, "--db", db, "folders")
    assert f"NOT FOUND\t0 photos (0 missing)\t{folder}" in out and f"ok\t6 photos (0 missing)\t{renamed}" in out
    code, _out, err = fd(capsys, "--db", db, "folders", "--remove", folder)
    assert code == 0 and "0 photos" in err
    assert "NOT FOUND" not in fd(capsys, "--db", db, "folders")[1]


def test_relocating_a_folder_keeps_everything(indexed, capsys, tmp_path):
    db, folder, first = indexed
    moved = tmp_path / "elsewhere" / "shop"
    moved.parent.mkdir()
    folder.rename(moved)
    code, _out, err = fd(capsys, "--db", db, "folders", "--relocate", folder, moved)
    assert code == 0 and "relocated 6 photos" in err
    code, _out, err = fd(capsys, "--db", db, "index", "--quiet")
    assert "0 indexed, 6 unchanged" in err and "not found" not in err
    assert tags_of(db, moved / first.name) == ["SKU-1"]


def test_removing_a_folder_backs_up_first(indexed, capsys):
    db, folder, first = indexed
    code, _out, err = fd(capsys, "--db", db, "folders", "--remove", folder)
    assert code == 0 and "6 photos, 1 staff tags" in err and "backup" in err
    assert fd(capsys, "--db", db, "export", "-")[1].count("\n") == 1
    assert fd(capsys, "--db", db, "restore", "1")[0] == 0
    assert tags_of(db, first) == ["SKU-1"]


def test_a_folder_reached_through_a_link_is_catalogued_once(indexed, capsys, tmp_path):
    db, folder, first = indexed
    alias = tmp_path / "alias"
    alias.symlink_to(folder)
    code, _out, err = fd(capsys, "--db", db, "index", alias, "--quiet")
    assert code == 0 and "added folder" not in err and "0 indexed, 6 unchanged" in err
    assert fd(capsys, "--db", db, "tag", alias / first.name, "--add", "via link")[0] == 0
    assert tags_of(db, first) == ["SKU-1", "via link"]


# -- item 5: one clear line, never a traceback ---------------------------------------


def one_line_error(capsys, *args):
    code, _out, err = fd(capsys, *args)
    assert code != 0 and err.count("\n") == 1 and "Traceback" not in err, err
    return err


def test_bad_db_arguments_get_one_line(tmp_path, capsys):
    assert "is a folder" in one_line_error(capsys, "--db", tmp_path, "info")
    text = tmp_path / "notes.db"
    text.write_text("not a database")
    assert "not a fashiondesk catalogue" in one_line_error(capsys, "--db", text, "info")
    assert text.read_text() == "not a database"
    assert "driver" in one_line_error(capsys, "--db", "postgresql://shop@127.0.0.1:1/x", "info")


def test_another_applications_database_is_left_untouched(tmp_path, capsys):
    other = tmp_path / "till.sqlite"
    con = sqlite3.connect(other)
    con.execute("CREATE TABLE sales (x)")
    con.commit()
    con.close()
    for command in (["info"], ["index", SAMPLE], ["export", "-"]):
        assert "not a fashiondesk catalogue" in one_line_error(capsys, "--db", other, *command)
    assert sqlite3.connect(other).execute("SELECT name FROM sqlite_master").fetchall() == [("sales",)]


@pytest.mark.parametrize("command", [["info"], ["export", "-"], ["failures"], ["duplicates"], ["index"]])
def test_a_damaged_catalogue_gets_one_line_from_every_command(indexed, capsys, command):
    db, _folder, _first = indexed
    with open(db, "r+b") as fh:
        fh.seek(4096)
        fh.write(b"\xab" * 4096)
    assert "damaged" in one_line_error(capsys, "--db", db, *command)


def test_a_disk_error_during_a_command_is_one_line(indexed, capsys, monkeypatch):
    import errno

    db, folder, first = indexed
    shutil.copy(SAMPLE / "hat-3.jpg", folder / "new.jpg")

    def full(*args, **kwargs):
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(services.indexing, "apply_results", full)
    assert "disk is full" in one_line_error(capsys, "--db", db, "index", "--quiet")
    monkeypatch.undo()
    monkeypatch.setattr(services.reports, "check_output", lambda *a: (_ for _ in ()).throw(OSError(errno.ENOSPC, "No space left on device")))
    assert "disk is full" in one_line_error(capsys, "--db", db, "export", db.with_name("out.csv"))
    assert fd(capsys, "--db", db, "index", "--quiet")[0] == 0  # and the next run completes
    assert tags_of(db, first) == ["SKU-1"]


def _can_mount() -> bool:
    return sys.platform == "linux" and os.geteuid() == 0 and shutil.which("mount") is not None


@pytest.fixture
def small_disk(tmp_path):
    """A real 1 MB file system (tmpfs); needs root, as in CI."""
    if not _can_mount():
        pytest.skip("needs root on Linux to mount a small file system")
    mount = tmp_path / f"disk-{uuid.uuid4().hex[:6]}"
    mount.mkdir()
    if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", str(mount)]).returncode != 0:
        pytest.skip("mount is not allowed here")
    yield mount
    subprocess.run(["umount", "-l", str(mount)])


def test_a_really_full_disk_loses_nothing(small_disk, tmp_path, capsys):
    photos = tmp_path / "many"
    for n in range(4):
        for src in SAMPLE.glob("*.jpg"):
            data = src.read_bytes() + bytes([n])  # other bytes, other photos
            (photos / f"c{n}").mkdir(parents=True, exist_ok=True)
            (photos / f"c{n}" / src.name).write_bytes(data)
    db = small_disk / "cat.db"
    err = one_line_error(capsys, "--db", db, "index", photos, "--quiet")
    assert "disk is full" in err
    code, out, _ = fd(capsys, "--db", db, "info")
    assert code == 0 and "photos:" in out
    kept = int(out.split("photos: ")[1].split()[0])
    assert kept > 0  # what was written before the disk filled up is all there
    # Free space (move the catalogue to a bigger disk): the next run completes.
    big = tmp_path / "moved.db"
    for side in ("", "-wal", "-shm"):
        if os.path.exists(f"{db}{side}"):
            shutil.copy(f"{db}{side}", f"{big}{side}")
    code, _out, err = fd(capsys, "--db", big, "index", "--quiet")
    assert code == 0, err
    assert fd(capsys, "--db", big, "export", "-")[1].count("\n") == 1 + 4 * 30


@pytest.fixture
def read_only_copy(indexed, tmp_path):
    """The catalogue on a file system mounted read-only (root cannot write there either)."""
    if not _can_mount():
        pytest.skip("needs root on Linux to mount a read-only file system")
    db, folder, first = indexed
    mount = tmp_path / "ro"
    mount.mkdir()
    if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=20m", "tmpfs", str(mount)]).returncode != 0:
        pytest.skip("mount is not allowed here")
    cat = open_catalogue(db)
    with cat.engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    cat.close()
    shutil.copy(db, mount / "cat.db")
    subprocess.run(["mount", "-o", "remount,ro", str(mount)], check=True)
    yield mount / "cat.db", folder, first
    subprocess.run(["umount", "-l", str(mount)])


def test_a_catalogue_in_a_read_only_folder_is_read_and_not_written(read_only_copy, capsys):
    db, _folder, first = read_only_copy
    code, out, err = fd(capsys, "--db", db, "export", "-")
    assert code == 0 and "read-only" in err and out.count("\n") == 7
    code, out, _err = fd(capsys, "--db", db, "similar", first, "-k", "2")
    assert code == 0 and len(out.splitlines()) == 3
    assert "read-only" in one_line_error(capsys, "--db", db, "tag", first, "--add", "x")
    assert "read-only" in one_line_error(capsys, "--db", db, "index")


# -- item 10: the smaller ones -------------------------------------------------------


def test_similar_leaves_out_catalogued_query_photos_mixed_with_outside_ones(indexed, capsys, tmp_path):
    db, folder, first = indexed
    outside = tmp_path / "customer.jpg"
    shutil.copy(SAMPLE / "dress-2.jpg", outside)
    code, out, err = fd(capsys, "--db", db, "similar", first, outside, "-k", "10")
    assert code == 0, err
    assert str(first) not in out


def test_the_failures_list_has_everything_the_run_counted(tmp_path, capsys):
    folder = tmp_path / "shop"
    folder.mkdir()
    shutil.copy(SAMPLE / "hat-1.jpg", folder / "good.jpg")
    (folder / "broken.jpg").write_bytes(b"\xff\xd8 nope")
    os.symlink(folder / "loop.jpg", folder / "loop.jpg")  # a link to itself
    os.symlink(folder / "nowhere.jpg", folder / "dangling.jpg")
    bad_name = os.fsencode(str(folder)) + b"/caf\xe9.jpg"  # Latin-1, not UTF-8
    with open(bad_name, "wb") as fh:
        fh.write((SAMPLE / "hat-2.jpg").read_bytes())
    os.mkfifo(folder / "pipe.jpg")
    db = tmp_path / "cat.db"
    code, _out, err = fd(capsys, "--db", db, "index", folder, "--quiet")
    counted = int(err.split(" failed")[0].split()[-1])
    code, out, _err = fd(capsys, "--db", db, "failures")
    listed = out.strip().splitlines()
    assert counted == 5 and len(listed) == 5, (err, out)
    assert any("loop.jpg" in line for line in listed) and any("caf\\xe9.jpg" in line for line in listed)
    assert any("pipe.jpg\tnot a regular file" in line for line in listed)


def test_an_index_refused_as_busy_adds_nothing(indexed, capsys, tmp_path):
    from fashiondesk.core.catalogue.lock import exclusive
    from fashiondesk.core.index.store import index_path

    db, _folder, _first = indexed
    other = tmp_path / "more"
    other.mkdir()
    cat = open_catalogue(db)
    lock = index_path(cat).with_suffix(".lock")
    cat.close()
    with exclusive(lock):
        assert "being indexed" in one_line_error(capsys, "--db", db, "index", other)
    assert str(other) not in fd(capsys, "--db", db, "folders")[1]


def test_the_export_is_on_disk_before_it_is_renamed(indexed, monkeypatch):
    db, _folder, _first = indexed
    events = []
    real_fsync, real_replace = os.fsync, os.replace
    monkeypatch.setattr(os, "fsync", lambda fd_: (events.append("fsync"), real_fsync(fd_))[1])
    monkeypatch.setattr(os, "replace", lambda a, b: (events.append("replace"), real_replace(a, b))[1])
    cat = open_catalogue(db)
    try:
        services.export_csv_file(cat, db.with_name("out.csv"))
    finally:
        cat.close()
    assert events[-2:] == ["fsync", "replace"]


def test_restoring_the_oldest_backup_works_when_the_list_is_full(indexed, capsys):
    db, _folder, first = indexed
    start = datetime(2026, 1, 1, 9, 0)
    for day in range(_backup().KEEP):
        _backup().take(db, "daily", start + timedelta(days=day))
    oldest = _backup().backups(db)[-1]
    code, _out, err = fd(capsys, "--db", db, "restore", str(len(_backup().backups(db))))
    assert code == 0 and oldest.path.name in err, err


def test_a_catalogue_with_a_damaged_header_can_be_restored(indexed, capsys):
    db, _folder, first = indexed
    with open(db, "r+b") as fh:
        fh.write(bytes(100))
    assert "not a fashiondesk catalogue" in one_line_error(capsys, "--db", db, "export", "-")
    code, _out, err = fd(capsys, "--db", db, "restore", "1")
    assert code == 0, err
    assert fd(capsys, "--db", db, "export", "-")[0] == 0


def test_an_export_never_writes_over_the_catalogue_through_its_temporary_file(tmp_path, capsys, sample_photos):
    db = tmp_path / "report.csv.part"  # a catalogue with an unlucky name
    assert fd(capsys, "--db", db, "index", sample_photos(2), "--quiet")[0] == 0
    before = db.read_bytes()
    assert "part of the catalogue" in one_line_error(capsys, "--db", db, "export", tmp_path / "report.csv")
    assert db.read_bytes() == before
