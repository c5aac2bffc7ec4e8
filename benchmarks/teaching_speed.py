"""Learning from staff categories at scale: `services.learn` on N photos with E examples.

The catalogue is built straight in SQLite (no photos decoded): embeddings and category
logits are real ones from a catalogue (--db, e.g. one indexed from clothing-small), tiled to
N with Gaussian noise (sigma --noise per dimension, then re-normalised; the logits get the
same copy's), or synthetic clusters without --db. E photos get a staff category: the class
of the real photo they copy (from its folder name), a quarter of them named as new
categories ("new-<class>") so that new names are learnt too. Every automatic category starts
as the shipped model's, as after indexing.

Each run is the whole of `services.learn`: read every embedding, learn (features, graph,
5-fold calibration, final fit), write every photo's category in one transaction. Runs
alternate with a change of one example so each one is a real re-learn; the median is quoted.

    python benchmarks/teaching_speed.py --n 20000 --examples 500 --db catalogue.db
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import statistics
import tempfile
import time

import numpy as np

from fashiondesk.core import services
from fashiondesk.core.vision.spec import shipped_spec


def normalise(x: np.ndarray) -> np.ndarray:
    return (x / np.linalg.norm(x, axis=1, keepdims=True)).astype(np.float32)


def base(db: str | None, rng, categories) -> tuple[np.ndarray, np.ndarray, list[str]]:
    if db:
        rows = sqlite3.connect(db).execute(
            "SELECT e.vector, e.logits, p.path FROM embeddings e JOIN photos p ON p.id = e.photo_id "
            "WHERE e.logits IS NOT NULL"
        ).fetchall()
        vectors = np.stack([np.frombuffer(r[0], dtype=np.float32) for r in rows])
        logits = np.stack([np.frombuffer(r[1], dtype=np.float32) for r in rows])
        return vectors, logits, [os.path.basename(os.path.dirname(r[2])) for r in rows]
    centres = np.abs(rng.standard_normal((len(categories) * 20, 1280))).astype(np.float32)
    labels = [categories[i % len(categories)] for i in range(len(centres))]
    logits = rng.standard_normal((len(centres), len(categories))).astype(np.float32)
    logits[np.arange(len(centres)), np.arange(len(centres)) % len(categories)] += 4
    return normalise(centres), logits, labels


def build(path: str, n: int, examples: int, db: str | None, noise: float) -> None:
    spec = shipped_spec()
    rng = np.random.default_rng(0)
    vectors, logits, labels = base(db, rng, spec.categories)
    pick = rng.integers(0, len(vectors), n)
    data = normalise(np.clip(vectors[pick] + rng.normal(0, noise, (n, vectors.shape[1])).astype(np.float32), 0, None))
    catalogue = services.open_catalogue(path)
    catalogue.close()
    con = sqlite3.connect(path)
    with con:
        con.execute("INSERT INTO folders (id, path, added_at) VALUES (1, '/shop', '2026-01-01')")
        con.executemany(
            "INSERT INTO photos (id, folder_id, path, content_hash, size, mtime, status, indexed_at) "
            "VALUES (?, 1, ?, ?, 1000, 0, 'ok', '2026-01-01')",
            [(i + 1, f"/shop/{i:06d}.jpg", f"{i:032x}") for i in range(n)],
        )
        con.executemany(
            "INSERT INTO embeddings (photo_id, model_version, vector, seq, logits) VALUES (?, ?, ?, ?, ?)",
            [(i + 1, spec.version, data[i].tobytes(), i + 1, logits[pick[i]].tobytes()) for i in range(n)],
        )
        probs = np.exp(logits[pick] / spec.temperature)
        probs /= probs.sum(axis=1, keepdims=True)
        version = f"{spec.version}/T{spec.temperature:g}"
        con.executemany(
            "INSERT INTO tags (photo_id, kind, name, source, confidence, source_version, created_at) "
            "VALUES (?, 'category', ?, 'auto', ?, ?, '2026-01-01')",
            [(i + 1, spec.categories[int(probs[i].argmax())], float(probs[i].max()), version) for i in range(n)],
        )
        chosen = rng.choice(n, examples, replace=False)
        con.executemany(
            "DELETE FROM tags WHERE photo_id = ? AND kind = 'category'", [(int(i) + 1,) for i in chosen]
        )
        con.executemany(
            "INSERT INTO tags (photo_id, kind, name, source, created_at) VALUES (?, 'category', ?, 'manual', '2026-01-01')",
            [(int(i) + 1, ("new-" if k % 4 == 0 else "") + labels[pick[i]]) for k, i in enumerate(chosen)],
        )
    con.close()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, default=20_000)
    parser.add_argument("--examples", type=int, default=500)
    parser.add_argument("--db", help="a catalogue to take real embeddings and logits from")
    parser.add_argument("--noise", type=float, default=0.01)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        path = os.path.join(folder, "catalogue.db")
        start = time.perf_counter()
        build(path, args.n, args.examples, args.db, args.noise)
        print(f"catalogue of {args.n} photos, {args.examples} staff categories built in {time.perf_counter() - start:.1f} s "
              f"({'real embeddings tiled with noise' if args.db else 'synthetic clusters'})")
        catalogue = services.open_catalogue(path)
        times = []
        for run in range(args.runs):
            if run:  # one more example each time: a real re-learn, not a no-op
                services.tag(catalogue, [f"/shop/{run:06d}.jpg"], category="dress")
            start = time.perf_counter()
            taught = services.learn(catalogue)
            times.append(time.perf_counter() - start)
            print(f"run {run + 1}: {times[-1]:.2f} s; {taught.describe()}; {taught.changed} photos changed category")
        catalogue.close()
    print(f"learn + re-tag {args.n} photos with {args.examples} examples: median {statistics.median(times):.2f} s "
          f"over {args.runs} runs (min {min(times):.2f}, max {max(times):.2f}); target < 10 s")


if __name__ == "__main__":
    main()
