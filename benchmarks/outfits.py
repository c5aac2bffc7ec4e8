"""Outfit suggestions on clothing-small: do the pieces complete the look, and how fast.

    python benchmarks/outfits.py [DATASET] [--split test] [-k 3] [--n 20000]

1. Indexes DATASET/SPLIT (each photo's true category is its folder) into a new catalogue,
   then asks ``outfit`` for every top (t-shirt, shirt, longsleeve) and every dress, and
   counts the suggested pieces whose *true* category plays the role they were suggested
   for, and the outfits that have what they need (a top: a bottom; shoes).
2. Speed: the catalogue grown to N photos (each photo's rows and embedding copied, the
   embedding nudged so no two are the same), then ``fashiondesk outfit`` as a whole
   command (median of 5) and the answer alone as the window gets it (median of 20).
   Targets (issue 18): >= 90% of pieces right, every top a bottom, >= 90% shoes; < 1 s
   as a command and < 100 ms in the window at 20,000 photos.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from fashiondesk.core import services  # noqa: E402
from fashiondesk.core.looks.roles import SHIPPED  # noqa: E402

DATA = ROOT.parent / "shared" / "datasets" / "clothing-small"
TOPS = {"t-shirt", "shirt", "longsleeve"}


def evaluate(catalogue, folder: Path, k: int) -> None:
    truth = {str(p): p.parent.name for p in folder.rglob("*.jpg")}
    right = wrong = 0
    by_role: Counter = Counter()
    wrong_by_role: Counter = Counter()
    tops = tops_bottom = tops_shoes = dresses = dresses_shoes = 0
    index = None
    for path, category in sorted(truth.items()):
        if category not in TOPS and category != "dress":
            continue
        try:
            pieces = services.outfit(catalogue, path, k, index=index)
        except services.UserError:
            pieces = []  # the model put it in a category with another role: no outfit asked
        roles = {p.role for p in pieces}
        if category in TOPS:
            tops += 1
            tops_bottom += "bottom" in roles
            tops_shoes += "shoes" in roles
        else:
            dresses += 1
            dresses_shoes += "shoes" in roles
        for piece in pieces:
            fits = SHIPPED[truth[piece.path]] == piece.role
            right += fits
            wrong += not fits
            by_role[piece.role] += 1
            wrong_by_role[piece.role] += not fits
    total = right + wrong
    print(f"{tops} tops and {dresses} dresses asked, {total} pieces suggested (k={k} a role)")
    print(f"  pieces whose true category fits their role: {right}/{total} = {right / max(1, total):.3f}")
    for role, n in sorted(by_role.items()):
        print(f"    {role:10s} {n - wrong_by_role[role]}/{n}")
    print(f"  tops with a bottom: {tops_bottom}/{tops}; with shoes: {tops_shoes}/{tops} = {tops_shoes / max(1, tops):.3f}")
    print(f"  dresses with shoes: {dresses_shoes}/{dresses}")


def grow(catalogue, n: int) -> None:
    """Copy photos (rows, tags, embeddings nudged) until the catalogue holds n photos."""
    import sqlite3

    db = sqlite3.connect(catalogue.file)
    have = db.execute("SELECT count(*) FROM photos").fetchone()[0]
    ids = [r[0] for r in db.execute("SELECT id FROM photos WHERE status = 'ok'")]
    rng = np.random.default_rng(0)
    next_id = db.execute("SELECT max(id) FROM photos").fetchone()[0] + 1
    with db:
        for made in range(n - have):
            src = ids[made % len(ids)]
            new = next_id + made
            db.execute("INSERT INTO photos (id, folder_id, path, content_hash, size, mtime, inode, width, height, status,"
                       " error, indexed_at) SELECT ?, folder_id, path || '-copy-' || ?, NULL, size, mtime, NULL, width,"
                       " height, status, error, indexed_at FROM photos WHERE id = ?", (new, new, src))
            db.execute("INSERT INTO tags (photo_id, kind, name, source, confidence, value, source_version, created_at)"
                       " SELECT ?, kind, name, source, confidence, value, source_version, created_at FROM tags"
                       " WHERE photo_id = ?", (new, src))
            model, vector, seq = db.execute("SELECT model_version, vector, seq FROM embeddings WHERE photo_id = ?",
                                            (src,)).fetchone()
            v = np.frombuffer(vector, dtype=np.float32) + rng.normal(0, 0.02, 1280).astype(np.float32)
            v /= np.linalg.norm(v)
            db.execute("INSERT INTO embeddings (photo_id, model_version, vector, seq) VALUES (?, ?, ?, ?)",
                       (new, model, v.astype(np.float32).tobytes(), seq + 1))
    db.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("dataset", nargs="?", type=Path, default=DATA)
    parser.add_argument("--split", default="test")
    parser.add_argument("-k", type=int, default=3)
    parser.add_argument("--n", type=int, default=20_000)
    args = parser.parse_args()
    folder = args.dataset / args.split
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "c.db"
        catalogue = services.open_catalogue(db)
        services.add_folders(catalogue, [str(folder)])
        services.index(catalogue)
        evaluate(catalogue, folder, args.k)
        grow(catalogue, args.n)
        query = str(sorted((folder / "t-shirt").glob("*.jpg"))[0])
        search = services.SimilarSearch(catalogue)  # the index stays open, as in the window
        search.outfit(query, args.k)
        times = []
        for _ in range(20):
            start = time.perf_counter()
            search.outfit(query, args.k)
            times.append(time.perf_counter() - start)
        catalogue.close()
        command = []
        for _ in range(5):
            start = time.perf_counter()
            subprocess.run([sys.executable, "-m", "fashiondesk", "--db", str(db), "outfit", query, "-k", str(args.k)],
                           check=True, capture_output=True)
            command.append(time.perf_counter() - start)
        print(f"at {args.n:,} photos: the window's answer {statistics.median(times) * 1000:.0f} ms (median of 20), "
              f"the whole command {statistics.median(command):.2f} s (median of 5)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
