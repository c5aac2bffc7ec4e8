"""Duplicates: altered copies found, photos never mixed, and speed (issue 21).

    python benchmarks/duplicates.py [DATASET] [--n 20000] [--skip-speed]
    python benchmarks/duplicates.py --photos 713 --every 1 --recall-only   # 71 copies of each kind

1. **Recall**: 450 photos of clothing-small `test` and `validation` (photos the model never
   learnt from), 150 of them with one altered copy (tests/alterations.py: 15 of each of ten
   kinds: half size, JPEG quality 60, crops of 5% and 15% a side, an off-centre crop, a square
   crop, 3 degrees turned and 15% brighter, mirrored, a white-balance and contrast edit, a
   darker flatter edit), indexed with `fashiondesk index`; then `fashiondesk duplicates` as a
   whole command. Prints the copies grouped with their original, per kind, and the groups
   that mix two different photos.
2. **False groups on distinct photos**: every photo of clothing-small (3,781; train holds two
   known pairs of the same garment shot twice) indexed; groups found among them are false.
3. **Speed**: that catalogue grown to N photos (each added photo a copy of one's rows with its
   embedding nudged, and the fingerprint of another photo of the same category, so that its
   neighbours look like a shop's similar stock rather than copies), then `fashiondesk
   duplicates` as a whole command (median of 3). Target: <= 10 s at 20,000.

Also prints what the fingerprint costs the indexing pass: its time per photo against the
indexing time per photo measured in the same run.
"""

from __future__ import annotations

import argparse
import csv
import io
import resource
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter, defaultdict
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests import alterations  # noqa: E402

DATA = ROOT.parent / "shared" / "datasets" / "clothing-small"


def run(db: Path, *args: str) -> tuple[str, float]:
    start = time.perf_counter()
    out = subprocess.run([sys.executable, "-m", "fashiondesk", "--db", str(db), *args], check=True,
                         capture_output=True, text=True)
    return out.stdout, time.perf_counter() - start


def groups_of(csv_text: str) -> list[tuple[str, list[str]]]:
    rows = list(csv.DictReader(io.StringIO(csv_text)))
    by: dict[str, list[str]] = defaultdict(list)
    kinds = {}
    for r in rows:
        by[r["group"]].append(Path(r["path"]).name)
        kinds[r["group"]] = r["kind"]
    return [(kinds[g], names) for g, names in by.items()]


def recall(dataset: Path, tmp: Path, photos: int = 450, every: int = 3) -> None:
    files = sorted((dataset / "test").glob("*/*.jpg")) + sorted((dataset / "validation").glob("*/*.jpg"))
    chosen = files[:: max(1, len(files) // photos)][:photos]
    folder = tmp / "recall"
    folder.mkdir()
    kinds = list(alterations.KINDS)
    altered: dict[str, tuple[str, str]] = {}  # copy name -> (original name, kind)
    for n, src in enumerate(chosen):
        name = f"{n:03d}.jpg"
        shutil.copy(src, folder / name)
        if n % every == 0:
            kind = kinds[(n // every) % len(kinds)]
            copy = f"{n:03d} copy.jpg"
            alterations.save(src, folder / copy, kind)
            altered[copy] = (name, kind)
    db = tmp / "recall.db"
    _, took = run(db, "index", str(folder), "--quiet")
    print(f"recall catalogue: {len(chosen)} photos + {len(altered)} altered copies indexed in {took:.1f} s")
    out, took = run(db, "duplicates")
    groups = groups_of(out)
    found: Counter[str] = Counter()
    total = Counter(kind for _, kind in altered.values())
    mixed = 0
    for _, names in groups:
        originals = {Path(name).stem.split(" ")[0] for name in names}
        mixed += len(originals) > 1
        for name in names:
            if name in altered and altered[name][0] in names:
                found[altered[name][1]] += 1
    print(f"altered copies grouped with their original: {sum(found.values())} of {len(altered)} "
          f"(`duplicates` took {took:.2f} s)")
    for kind in kinds:
        print(f"  {kind:24s} {found[kind]:3d} / {total[kind]}")
    print(f"groups mixing different photos: {mixed} of {len(groups)}")


def distinct(dataset: Path, tmp: Path) -> Path:
    files = sorted(dataset.glob("*/*/*.jpg"))
    db = tmp / "all.db"
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    _, took = run(db, "index", str(dataset), "--quiet")
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime) / len(files)
    print(f"\nall of clothing-small: {len(files)} photos indexed in {took:.1f} s ({len(files) / took:.1f} photos/s, "
          f"{cpu * 1000:.1f} ms of CPU a photo)")
    out, took = run(db, "duplicates")
    groups = groups_of(out)
    print(f"groups among {len(files)} distinct photos (all false): {len(groups)} ({took:.2f} s)")
    for kind, names in groups:
        print(f"  {kind}: {', '.join(names)}")
    out, _ = run(db, "duplicates", "--kinds", "similar")
    print(f"similar groups (another photo of a similar garment, cosine >= 0.94): {len(groups_of(out))}")
    fingerprint_cost(files[:200], cpu)
    return db


def fingerprint_cost(files: list[Path], cpu_per_photo: float) -> None:
    from fashiondesk.core.vision import fingerprint
    from fashiondesk.core.vision.imageload import open_image

    times = []
    for f in files:
        img, _, _ = open_image(f.read_bytes(), draft_to=256)
        start = time.perf_counter()
        fingerprint.make(img)
        times.append(time.perf_counter() - start)
    cost = statistics.median(times)
    print(f"fingerprint: median {cost * 1000:.2f} ms a photo = {cost / cpu_per_photo:.1%} of the indexing pass's "
          "CPU time a photo (target <= 5%)")


def grow(db: Path, n: int) -> None:
    """Copy photos until the catalogue holds n: rows and embedding (nudged), and another
    photo's fingerprint of the same category."""
    con = sqlite3.connect(db)
    have = con.execute("SELECT count(*) FROM photos").fetchone()[0]
    rows = con.execute("SELECT p.id, p.path, f.data FROM photos p JOIN fingerprints f ON f.photo_id = p.id "
                       "WHERE p.status = 'ok'").fetchall()
    by_category: dict[str, list[bytes]] = defaultdict(list)
    for _, path, data in rows:
        by_category[Path(path).parent.name].append(data)
    rng = np.random.default_rng(0)
    next_id = con.execute("SELECT max(id) FROM photos").fetchone()[0] + 1
    with con:
        for made in range(n - have):
            src, path, _ = rows[made % len(rows)]
            new = next_id + made
            con.execute("INSERT INTO photos (id, folder_id, path, content_hash, size, mtime, inode, width, height, "
                        "status, error, indexed_at) SELECT ?, folder_id, path || '-copy-' || ?, ?, size, mtime, NULL, "
                        "width, height, status, error, indexed_at FROM photos WHERE id = ?", (new, new, f"grown{new}", src))
            model, vector, seq = con.execute("SELECT model_version, vector, seq FROM embeddings WHERE photo_id = ?",
                                             (src,)).fetchone()
            v = np.frombuffer(vector, dtype=np.float32) + rng.normal(0, 0.02, 1280).astype(np.float32)
            v /= np.linalg.norm(v)
            con.execute("INSERT INTO embeddings (photo_id, model_version, vector, seq) VALUES (?, ?, ?, ?)",
                        (new, model, v.astype(np.float32).tobytes(), seq + 1))
            same = by_category[Path(path).parent.name]
            con.execute("INSERT INTO fingerprints (photo_id, data) VALUES (?, ?)",
                        (new, same[int(rng.integers(len(same)))]))
    con.close()


def speed(db: Path, n: int) -> None:
    from fashiondesk.core import services
    from fashiondesk.core.index.store import open_index
    from fashiondesk.core.vision.spec import shipped_spec

    grow(db, n)
    catalogue = services.open_catalogue(db)
    spec = shipped_spec()
    open_index(catalogue, spec.version, spec.embedding_dim)  # the index takes in the grown rows (not timed)
    catalogue.close()
    times = []
    for _ in range(3):
        out, took = run(db, "duplicates")
        times.append(took)
    print(f"\n`fashiondesk duplicates` at {n} photos: median {statistics.median(times):.2f} s "
          f"{[round(t, 2) for t in times]} (whole command; {len(groups_of(out))} groups)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("dataset", nargs="?", type=Path, default=DATA)
    parser.add_argument("--n", type=int, default=20_000)
    parser.add_argument("--skip-speed", action="store_true")
    parser.add_argument("--photos", type=int, default=450, help="unseen photos in the recall catalogue (at most 713)")
    parser.add_argument("--every", type=int, default=3, help="one altered copy of every N-th photo (1: of all)")
    parser.add_argument("--recall-only", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        recall(args.dataset, Path(tmp), args.photos, args.every)
        if args.recall_only:
            return
        db = distinct(args.dataset, Path(tmp))
        if not args.skip_speed:
            speed(db, args.n)


if __name__ == "__main__":
    main()
