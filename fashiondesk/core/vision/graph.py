"""The catalogue's own neighbourhood graph, and labels spread along it.

Photos of one shop share a style (backdrop, light, model, hanger); its nearest neighbours
say more about a photo than a model trained on other photos can. ``neighbours`` links each
photo to its k most similar (hnswlib, on the reduced features of ``shop.features``) and
``spread`` is label propagation (Zhou et al., "Learning with local and global consistency",
2004; the weights s^3 of Iscen et al., "Label propagation for deep semi-supervised
learning", 2019): F = alpha * S F + (1 - alpha) * Y with S the symmetrically normalised
graph, run for a fixed number of rounds.
"""

from __future__ import annotations

from dataclasses import dataclass

import hnswlib
import numpy as np


@dataclass(frozen=True)
class Graph:
    """Each photo's neighbours in the symmetric graph, padded to one width m and stored
    link by link (m rows of N, which makes one propagation round m fast gathers):
    ``links[j, i]`` is the j-th neighbour of photo i (i itself where it has fewer than m) and
    ``weights[j, i]`` its weight, normalised as D^-1/2 W D^-1/2 (0 where there is no link).
    A photo linked to more than m others keeps its m strongest links."""

    links: np.ndarray  # (m, N) int64
    weights: np.ndarray  # (m, N) float32

    @property
    def size(self) -> int:
        return self.links.shape[1]


def neighbours(features: np.ndarray, k: int = 10, threads: int = 2, power: float = 3.0, width: int = 3) -> Graph:
    """The symmetric k-nearest-neighbour graph of L2-normalised ``features`` (N, d); each
    photo keeps at most ``width`` * k links."""
    n = len(features)
    k = min(k, n - 1)
    if k < 1:
        return Graph(np.arange(n)[None, :], np.zeros((1, n), dtype=np.float32))
    index = hnswlib.Index(space="ip", dim=features.shape[1])
    index.init_index(max_elements=n, ef_construction=60, M=12, random_seed=0)
    index.set_num_threads(1)  # one thread builds the same graph every time (same examples, same tags)
    index.add_items(features, np.arange(n))
    index.set_num_threads(threads)
    index.set_ef(max(40, 2 * k))
    found, distances = index.knn_query(features, k=k + 1)
    sims = 1.0 - distances  # "ip" space gives 1 - dot product
    # drop each photo itself (usually first, but not always for exact copies)
    keep = found != np.arange(n)[:, None]
    keep[keep.sum(axis=1) > k, -1] = False  # itself not among them: drop the farthest
    src = np.repeat(np.arange(n), keep.sum(axis=1))
    dst = found[keep].astype(np.int64)
    w = np.clip(sims[keep], 0.0, None).astype(np.float64) ** power
    rows = np.concatenate([src, dst])
    cols = np.concatenate([dst, src])
    vals = np.concatenate([w, w]) / 2.0
    degree = np.bincount(rows, weights=vals, minlength=n) + 1e-12
    vals = vals / np.sqrt(degree[rows] * degree[cols])
    # strongest first within each row, then cut each row to the width
    order = np.lexsort((-vals, rows))
    rows, cols, vals = rows[order], cols[order], vals[order]
    first = np.searchsorted(rows, np.arange(n))
    rank = np.arange(len(rows)) - first[rows]
    m = int(min(rank.max() + 1, width * k)) if len(rows) else 1
    inside = rank < m
    links = np.repeat(np.arange(n)[:, None], m, axis=1)
    weights = np.zeros((n, m), dtype=np.float32)
    links[rows[inside], rank[inside]] = cols[inside]
    weights[rows[inside], rank[inside]] = vals[inside]
    return Graph(np.ascontiguousarray(links.T), np.ascontiguousarray(weights.T))


def spread(graph: Graph, seeds: np.ndarray, alpha: float = 0.9, rounds: int = 20) -> np.ndarray:
    """Label propagation of ``seeds`` (N, C) over ``graph``; returns (N, C) scores."""
    seeds = seeds.astype(np.float32)
    scores = seeds.copy()
    base = (1.0 - alpha) * seeds
    for _ in range(rounds):
        moved = np.zeros_like(scores)
        for links, weights in zip(graph.links, graph.weights):
            moved += weights[:, None] * scores[links]
        scores = alpha * moved + base
    return scores
