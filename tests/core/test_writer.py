import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from sqlalchemy import func, select

from fashiondesk.core import services
from fashiondesk.core.catalogue.models import OK, Embedding, Photo
from fashiondesk.core.progress import CancelToken
from tests.conftest import SAMPLE


def many_photos(folder: Path, copies: int) -> int:
    """Distinct files (different bytes, so different hashes) from the sample photos."""
    folder.mkdir(parents=True, exist_ok=True)
    n = 0
    for src in sorted(SAMPLE.glob("*.jpg")):
        data = src.read_bytes()
        for i in range(copies):
            (folder / f"{src.stem}-{i}.jpg").write_bytes(data + f"copy {i}".encode())
            n += 1
    return n


def counts(db: Path):
    con = sqlite3.connect(db)
    try:
        assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        photos = con.execute("SELECT count(*), count(DISTINCT path) FROM photos").fetchone()
        ok = con.execute("SELECT count(*) FROM photos WHERE status = 'ok'").fetchone()[0]
        embedded = con.execute("SELECT count(*) FROM photos p JOIN embeddings e ON e.photo_id = p.id").fetchone()[0]
        return photos[0], photos[1], ok, embedded
    finally:
        con.close()


def test_kill_minus_9_at_any_moment_then_next_run_completes(tmp_path):
    folder = tmp_path / "photos"
    n = many_photos(folder, 3)
    db = tmp_path / "cat.db"
    cmd = [sys.executable, "-m", "fashiondesk", "--db", str(db), "index", str(folder), "--quiet"]
    rng = random.Random(7)
    kills = 0
    for _ in range(4):
        proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(rng.uniform(0.8, 2.2))
        if proc.poll() is None:
            os.kill(proc.pid, signal.SIGKILL)
            kills += 1
        proc.wait()
        if db.exists():
            total, distinct, _, _ = counts(db)
            assert total == distinct <= n
    assert kills >= 1
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert counts(db) == (n, n, n, n)


def test_cancel_takes_effect_within_a_second_and_loses_nothing(catalogue, embedder, tmp_path):
    folder = tmp_path / "photos"
    n = many_photos(folder, 4)
    services.add_folders(catalogue, [folder])
    cancel = CancelToken()
    cancelled_at = []

    def progress(p):
        if p.done >= 32 and not cancel.cancelled:
            cancel.cancel()
            cancelled_at.append(time.perf_counter())

    summary = services.index(catalogue, progress=progress, cancel=cancel, embedder=embedder)
    assert time.perf_counter() - cancelled_at[0] < 1.0
    assert summary.cancelled and 32 <= summary.indexed < n
    with catalogue.sessions() as s:
        assert s.scalar(select(func.count()).select_from(Photo)) == summary.indexed
    rest = services.index(catalogue, embedder=embedder)
    assert rest.indexed == n - summary.indexed and rest.unchanged == summary.indexed
    with catalogue.sessions() as s:
        assert s.scalar(select(func.count()).select_from(Embedding)) == n
        assert s.scalar(select(func.count()).where(Photo.status == OK)) == n


def test_a_second_indexing_run_on_the_same_catalogue_is_refused(catalogue, embedder, tmp_path):
    from fashiondesk.core.catalogue.lock import exclusive
    from fashiondesk.core.index.store import index_path

    folder = tmp_path / "photos"
    folder.mkdir()
    services.add_folders(catalogue, [folder])
    with exclusive(index_path(catalogue).with_suffix(".lock")):  # as another process would
        try:
            services.index(catalogue, embedder=embedder)
        except services.UserError as exc:
            assert "being indexed by another fashiondesk" in str(exc)
        else:
            raise AssertionError("the second run was not refused")
    assert services.index(catalogue, embedder=embedder).indexed == 0  # the lock went with its holder
