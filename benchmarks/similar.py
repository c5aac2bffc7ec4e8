"""Similarity index at scale: build time, query latency p50/p95, recall@10 vs brute force.

Vectors: real embeddings from a catalogue (--db, e.g. one indexed from clothing-small),
tiled to N with Gaussian noise (sigma --noise per dimension before re-normalising) so
every copy is a distinct point near a real garment; without --db, synthetic clusters
(N points around 500 random centres). Queries are held-out noisy copies. The index is the
app's own VectorIndex (hnswlib, cosine, M=16, ef_construction=100, ef=max(64, 2k)).

    python benchmarks/similar.py --n 100000 [--db catalogue.db]
"""

from __future__ import annotations

import argparse
import sqlite3
import time

import numpy as np

from fashiondesk.core.index.hnsw import VectorIndex


def normalise(x: np.ndarray) -> np.ndarray:
    return (x / np.linalg.norm(x, axis=1, keepdims=True)).astype(np.float32)


def base_vectors(db: str | None, dim: int, rng) -> np.ndarray:
    if db:
        rows = sqlite3.connect(db).execute("SELECT vector FROM embeddings").fetchall()
        return np.stack([np.frombuffer(r[0], dtype=np.float32) for r in rows])
    return normalise(rng.standard_normal((500, dim)))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, default=100_000)
    parser.add_argument("--queries", type=int, default=500)
    parser.add_argument("--db")
    parser.add_argument("--dim", type=int, default=1280)
    parser.add_argument("--noise", type=float, default=0.03)
    parser.add_argument("--ef-construction", type=int, default=None, help="default: the app's")
    args = parser.parse_args()
    rng = np.random.default_rng(0)
    base = base_vectors(args.db, args.dim, rng)
    dim = base.shape[1]
    pick = rng.integers(0, len(base), args.n + args.queries)
    data = normalise(base[pick] + rng.normal(0, args.noise, (len(pick), dim)).astype(np.float32))
    gallery, queries = data[: args.n], data[args.n :]
    print(f"{args.n} vectors of {dim} dims ({'real, tiled with noise' if args.db else 'synthetic clusters'}), "
          f"{args.queries} queries")

    index = VectorIndex.create("bench", dim, capacity=args.n, ef_construction=args.ef_construction)
    start = time.perf_counter()
    for s in range(0, args.n, 10_000):
        index.add(range(s, min(s + 10_000, args.n)), gallery[s : s + 10_000])
    build = time.perf_counter() - start
    print(f"build (bulk add, M={index.sidecar.M}, ef_construction={index.sidecar.ef_construction}): {build:.1f} s")

    latencies, found = [], []
    for q in queries:
        t = time.perf_counter()
        hits = index.query(q[None], 10)[0]
        latencies.append(time.perf_counter() - t)
        found.append({h[0] for h in hits})
    lat = np.array(latencies) * 1000
    print(f"query latency k=10: p50 {np.percentile(lat, 50):.2f} ms, p95 {np.percentile(lat, 95):.2f} ms")

    exact = np.argsort(-(queries @ gallery.T), axis=1)[:, :10]
    recall = np.mean([len(f & set(e.tolist())) / 10 for f, e in zip(found, exact)])
    print(f"recall@10 against exact brute force: {recall:.4f}")


if __name__ == "__main__":
    main()
