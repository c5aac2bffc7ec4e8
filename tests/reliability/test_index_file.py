"""A damaged similarity index file must never crash a command nor answer wrongly.

hnswlib reads whatever its file says, and some damage makes it read out of bounds and kill
the process. So every load of a damaged file here happens in a child process, which loads
the index and prints what queries return; the parent notes a crash and carries on with
the next case. A damaged file must load as None (the caller then rebuilds from the
catalogue), and ``open_index`` must rebuild it and answer with the true nearest neighbours.
"""

from __future__ import annotations

import json
import os
import random
import shutil
import signal
import subprocess
import sys
import zlib
from datetime import datetime
from pathlib import Path

import numpy as np
import pytest
from sqlalchemy import insert

from fashiondesk.core.catalogue.db import open_catalogue
from fashiondesk.core.catalogue.models import OK, Embedding, Folder, Photo
from fashiondesk.core.index import hnsw
from fashiondesk.core.index.hnsw import VectorIndex, sidecar_path
from fashiondesk.core.index.store import open_index

ROOT = Path(__file__).resolve().parents[2]
MODEL = "test-model"
DIM = 16
N = 200
K = 5
INDEX = "catalogue.db.hnsw"

# Runs in a child process: for each case folder, load the index (or open it through the
# catalogue) and print one line: the case, then "none" or the neighbours of the queries.
CHILD = r"""
import json, sys
from pathlib import Path
import numpy as np
mode, queries, cases = sys.argv[1], np.load(sys.argv[2]), sys.argv[3:]
if mode == "open":
    from fashiondesk.core.catalogue.db import open_catalogue
    from fashiondesk.core.index.store import open_index
from fashiondesk.core.index.hnsw import VectorIndex
for case in cases:
    folder = Path(case)
    if mode == "load":
        index = VectorIndex.load(folder / "catalogue.db.hnsw")
    else:
        catalogue = open_catalogue(folder / "catalogue.db")
        index = open_index(catalogue, "%s", queries.shape[1])
        catalogue.close()
        if VectorIndex.load(folder / "catalogue.db.hnsw") is None:
            index = None  # the rebuilt index must have been saved whole
    if index is None:
        answer = "none"
    else:
        answer = [[label for label, _ in row] for row in index.query(queries, %d)]
    print(case + "\t" + json.dumps(answer), flush=True)
""" % (MODEL, K)


def unit(rows: np.ndarray) -> np.ndarray:
    return (rows / np.linalg.norm(rows, axis=1, keepdims=True)).astype(np.float32)


def make_vectors(n: int, dim: int, seed: int) -> np.ndarray:
    return unit(np.random.default_rng(seed).standard_normal((n, dim)))


VECTORS = make_vectors(N, DIM, seed=0)
IDS = list(range(1, N + 1))
QUERIES = VECTORS[::10]
TRUE = [[IDS[j] for j in np.argsort(-(VECTORS @ q))[:K]] for q in QUERIES]


def run_children(mode: str, cases: list[Path], tmp: Path) -> dict[str, object]:
    """Each case's answer: "none", the neighbour lists, or "crashed (SIGSEGV)" and the like."""
    queries = tmp / "queries.npy"
    np.save(queries, QUERIES)
    answers: dict[str, object] = {}
    todo = [str(c) for c in cases]
    while todo:
        done = subprocess.run(
            [sys.executable, "-c", CHILD, mode, str(queries), *todo],
            capture_output=True, text=True, cwd=ROOT, timeout=60,
        )
        for line in done.stdout.splitlines():
            case, answer = line.split("\t")
            answers[case] = json.loads(answer)
        todo = [c for c in todo if c not in answers]
        if done.returncode != 0:
            assert todo, done.stderr
            code = done.returncode
            why = signal.Signals(-code).name if code < 0 else f"exit {code}: {done.stderr.strip()[-300:]}"
            answers[todo.pop(0)] = f"crashed ({why})"
    return answers


@pytest.fixture(scope="module")
def shop(tmp_path_factory) -> Path:
    """A catalogue of N embedded photos and the index open_index saved beside it."""
    folder = tmp_path_factory.mktemp("shop")
    catalogue = open_catalogue(folder / "catalogue.db")
    now = datetime(2026, 1, 1)
    with catalogue.sessions() as session, session.begin():
        fid = session.execute(insert(Folder).values(path="/shop", added_at=now).returning(Folder.id)).scalar_one()
        session.execute(insert(Photo), [
            dict(id=i, folder_id=fid, path=f"/shop/{i}.jpg", content_hash=f"{i:032x}", size=1, mtime=1.0,
                 status=OK, indexed_at=now) for i in IDS
        ])
        session.execute(insert(Embedding), [
            dict(photo_id=i, model_version=MODEL, vector=v.tobytes()) for i, v in zip(IDS, VECTORS)
        ])
    open_index(catalogue, MODEL, DIM)
    catalogue.close()
    assert (folder / INDEX).exists() and sidecar_path(folder / INDEX).exists()
    return folder


def case(shop: Path, tmp: Path, name: str, damage) -> Path:
    """A copy of the shop with `damage(index_path)` applied."""
    folder = tmp / name
    shutil.copytree(shop, folder)
    damage(folder / INDEX)
    return folder


def overwrite(offset: int, data: bytes):
    def damage(path: Path) -> None:
        raw = bytearray(path.read_bytes())
        raw[offset : offset + len(data)] = data
        path.write_bytes(bytes(raw))
    return damage


def truncate(length: int):
    def damage(path: Path) -> None:
        path.write_bytes(path.read_bytes()[:length])
    return damage


def matching_sidecar(damage):
    """Damage the file, then make the sidecar's size and checksum describe the damaged
    file, so only the checks of the file's structure stand in the way."""
    def both(path: Path) -> None:
        damage(path)
        side = json.loads(sidecar_path(path).read_text())
        raw = path.read_bytes()
        if "checksum" in side:
            side.update(size=len(raw), checksum=zlib.crc32(raw))
        sidecar_path(path).write_text(json.dumps(side))
    return both


def random_overwrites(seed: int, count: int, start: int, stop: int) -> list[tuple[int, bytes]]:
    rng = random.Random(seed)
    return [(rng.randrange(start, stop - 8 + 1), rng.randbytes(8)) for _ in range(count)]


def describe(answer: object) -> str:
    return answer if isinstance(answer, str) else "loaded, true answers" if answer == TRUE else "loaded, WRONG answers"


def assert_all_none(answers: dict[str, object]) -> None:
    bad = {Path(c).name: describe(a) for c, a in answers.items() if a != "none"}
    assert not bad, f"{len(bad)} of {len(answers)} damaged files were not refused: {bad}"


def test_pristine_index_answers_truly(shop, tmp_path):
    """An undamaged index answers as the exact search does. HNSW is approximate and its build
    runs on several threads, so once in a while a neighbour is missed (seen once in CI: one of
    20 queries): the bound is 95% of the true neighbours, far above what a wrong file gives."""
    answers = run_children("load", [case(shop, tmp_path, "pristine", lambda p: None)], tmp_path)
    (answer,) = answers.values()
    assert isinstance(answer, list) and len(answer) == len(TRUE)
    found = sum(len(set(got) & set(want)) for got, want in zip(answer, TRUE))
    assert found >= 0.95 * K * len(TRUE), f"{found} of {K * len(TRUE)} true neighbours"


def test_damage_in_the_first_120_bytes_is_refused(shop, tmp_path):
    cases = [case(shop, tmp_path, f"at-{off}-{n}", overwrite(off, data))
             for n, (off, data) in enumerate(random_overwrites(11, 40, 0, 120))]
    assert_all_none(run_children("load", cases, tmp_path))


def test_damage_further_in_is_refused(shop, tmp_path):
    size = (shop / INDEX).stat().st_size
    cases = [case(shop, tmp_path, f"at-{off}-{n}", overwrite(off, data))
             for n, (off, data) in enumerate(random_overwrites(12, 40, 120, size))]
    assert_all_none(run_children("load", cases, tmp_path))


def test_truncated_and_empty_files_are_refused(shop, tmp_path):
    size = (shop / INDEX).stat().st_size
    cases = [case(shop, tmp_path, f"cut-{n}", truncate(n)) for n in (0, 1, 50, 95, 96, 120, size // 2, size - 4, size - 1)]
    cases.append(case(shop, tmp_path, "longer", lambda p: p.write_bytes(p.read_bytes() + b"\0" * 8)))
    assert_all_none(run_children("load", cases, tmp_path))


def other_dimension(path: Path) -> None:
    other = VectorIndex.create(MODEL, 32)
    other.add(IDS, make_vectors(N, 32, seed=1))
    scratch = path.with_name("other.hnsw")
    other.save(scratch)
    os.replace(scratch, path)
    sidecar_path(scratch).unlink()


def sidecar_of(change):
    """The index saved again after `change`, beside the sidecar of the index before it:
    a crash between the two renames of save."""
    def damage(path: Path) -> None:
        index = VectorIndex.load(path)
        change(index)
        scratch = path.with_name("new.hnsw")
        index.save(scratch)
        os.replace(scratch, path)
        sidecar_path(scratch).unlink()
    return damage


def old_sidecar_of(change):
    """The sidecar of the changed index beside the index file from before the change."""
    def damage(path: Path) -> None:
        index = VectorIndex.load(path)
        change(index)
        scratch = path.with_name("new.hnsw")
        index.save(scratch)
        os.replace(sidecar_path(scratch), sidecar_path(path))
        scratch.unlink()
    return damage


def REMOVE_SOME(index: VectorIndex) -> None:
    index.remove(IDS[:5])


def RE_ADD(index: VectorIndex) -> None:  # the same count, other vectors
    index.add(IDS[:5], VECTORS[5:10])


def ADD_MORE(index: VectorIndex) -> None:
    index.add([N + 1, N + 2], make_vectors(2, DIM, seed=3))


def test_a_file_of_another_index_is_refused(shop, tmp_path):
    cases = [
        case(shop, tmp_path, "other-dim", other_dimension),
        case(shop, tmp_path, "new-index-old-sidecar-removed", sidecar_of(REMOVE_SOME)),
        case(shop, tmp_path, "new-index-old-sidecar-replaced", sidecar_of(RE_ADD)),
        case(shop, tmp_path, "new-index-old-sidecar-added", sidecar_of(ADD_MORE)),
        case(shop, tmp_path, "old-index-new-sidecar-removed", old_sidecar_of(REMOVE_SOME)),
        case(shop, tmp_path, "old-index-new-sidecar-added", old_sidecar_of(ADD_MORE)),
    ]
    assert_all_none(run_children("load", cases, tmp_path))


def test_structure_is_checked_even_when_the_checksum_matches(shop, tmp_path):
    size = (shop / INDEX).stat().st_size
    level0_end = 96 + N * (4 + 4 * 2 * 16 + 4 * DIM + 8)  # header, then per element: links, vector, label
    cases = [case(shop, tmp_path, f"header-{off}-{n}", matching_sidecar(overwrite(off, data)))
             for n, (off, data) in enumerate(random_overwrites(13, 30, 0, 96))]
    cases += [
        case(shop, tmp_path, "other-dim", matching_sidecar(other_dimension)),
        case(shop, tmp_path, "cut", matching_sidecar(truncate(size - 4))),
        case(shop, tmp_path, "longer", matching_sidecar(lambda p: p.write_bytes(p.read_bytes() + b"\0" * 4))),
        case(shop, tmp_path, "link-size-huge", matching_sidecar(overwrite(level0_end, b"\xff\xff\xff\x7f"))),
        case(shop, tmp_path, "link-size-odd", matching_sidecar(overwrite(level0_end, b"\x04\x00\x00\x00"))),
    ]
    assert_all_none(run_children("load", cases, tmp_path))


def test_open_index_rebuilds_and_answers_truly(shop, tmp_path):
    size = (shop / INDEX).stat().st_size

    def old_format_sidecar(path: Path) -> None:
        side = json.loads(sidecar_path(path).read_text())
        side = {k: v for k, v in side.items() if k not in ("size", "checksum")} | {"format": 1}
        sidecar_path(path).write_text(json.dumps(side))

    damage = random_overwrites(14, 6, 0, 120) + random_overwrites(15, 3, 120, size)
    cases = [case(shop, tmp_path, f"at-{off}-{n}", overwrite(off, data)) for n, (off, data) in enumerate(damage)]
    cases += [
        case(shop, tmp_path, "empty", truncate(0)),
        case(shop, tmp_path, "cut", truncate(size // 2)),
        case(shop, tmp_path, "other-dim", other_dimension),
        case(shop, tmp_path, "new-index-old-sidecar", sidecar_of(RE_ADD)),
        case(shop, tmp_path, "old-index-new-sidecar", old_sidecar_of(REMOVE_SOME)),
        case(shop, tmp_path, "no-sidecar", lambda p: sidecar_path(p).unlink()),
        case(shop, tmp_path, "garbage-sidecar", lambda p: sidecar_path(p).write_bytes(b"\x00{]")),
        case(shop, tmp_path, "old-format-sidecar", old_format_sidecar),
    ]
    answers = run_children("open", cases, tmp_path)
    wrong = {Path(c).name: describe(a) for c, a in answers.items() if a != TRUE}
    assert not wrong, f"{len(wrong)} of {len(answers)} were not repaired: {wrong}"


def test_save_records_size_and_checksum_and_syncs_before_each_rename(tmp_path, monkeypatch):
    events = []
    real_fsync, real_replace = os.fsync, os.replace
    monkeypatch.setattr(os, "fsync", lambda fd: (events.append("fsync"), real_fsync(fd))[1])
    monkeypatch.setattr(os, "replace", lambda a, b: (events.append(f"rename to {Path(b).name}"),
                                                     real_replace(a, b))[1])
    index = VectorIndex.create(MODEL, DIM)
    index.add(IDS, VECTORS)
    path = tmp_path / "x.hnsw"
    index.save(path)
    expected = ["fsync", "rename to x.hnsw", "fsync", "rename to x.hnsw.json"]
    assert events[:4] == expected
    assert events[4:] == ([] if os.name == "nt" else ["fsync"])  # the directory
    side = json.loads(sidecar_path(path).read_text())
    raw = path.read_bytes()
    assert side["format"] == hnsw.FORMAT and side["size"] == len(raw) and side["checksum"] == zlib.crc32(raw)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["x.hnsw", "x.hnsw.json"]
    loaded = VectorIndex.load(path)
    assert len(loaded) == N and [[label for label, _ in row] for row in loaded.query(QUERIES, K)] == TRUE


def test_an_empty_index_loads(tmp_path):
    path = tmp_path / "x.hnsw"
    VectorIndex.create(MODEL, DIM).save(path)
    loaded = VectorIndex.load(path)
    assert loaded is not None and len(loaded) == 0


def test_a_save_cut_short_by_a_full_disk_keeps_the_last_whole_index(tmp_path):
    """hnswlib reports no failed write: a file it left short must not be recorded as the
    index (it would be found damaged, and rebuilt, on every open)."""
    path = tmp_path / "x.hnsw"
    index = VectorIndex.create(MODEL, DIM)
    index.add(IDS[:-5], VECTORS[:-5])
    index.save(path)
    kept = path.read_bytes(), sidecar_path(path).read_bytes()

    class DiskFull:
        def __init__(self, real):
            self._real = real

        def __getattr__(self, name):
            return getattr(self._real, name)

        def save_index(self, name):
            self._real.save_index(name)
            with open(name, "r+b") as f:
                f.truncate(os.fstat(f.fileno()).st_size * 2 // 3)

    index.add(IDS[-5:], VECTORS[-5:])
    index._index = DiskFull(index._index)
    with pytest.raises(OSError, match="not written whole"):
        index.save(path)
    assert (path.read_bytes(), sidecar_path(path).read_bytes()) == kept
    assert sorted(p.name for p in tmp_path.iterdir()) == ["x.hnsw", "x.hnsw.json"]
    assert len(VectorIndex.load(path)) == N - 5
