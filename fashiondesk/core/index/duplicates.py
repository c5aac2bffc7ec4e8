"""Near-duplicate groups: the same product shot twice, a re-saved or resized copy.

Each photo asks the index for its few nearest neighbours (never all pairs); links at or
above the threshold are joined into groups (union-find). The default threshold 0.94 was chosen on
clothing-small `train` with the shipped lite0-clothing model: re-saved copies score
0.975-0.99 (JPEG quality 60) and 0.943-0.99 (half-size PNG) against their original;
among the 3,068 distinct photos only two pairs score above 0.94, and both are the same
garment shot twice (one pair even carries two different category labels). Scores depend
on the model: re-check this on a model change.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from fashiondesk.core.index.hnsw import VectorIndex

DEFAULT_THRESHOLD = 0.94
NEIGHBOURS = 8


@dataclass(frozen=True)
class Group:
    photo_ids: tuple[int, ...]
    min_score: float  # the weakest link that joined the group


def find_groups(index: VectorIndex, ids: list[int], vectors: np.ndarray, threshold: float = DEFAULT_THRESHOLD) -> list[Group]:
    parent: dict[int, int] = {}
    weakest: dict[int, float] = {}

    def root(x: int) -> int:
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    links: list[tuple[int, int, float]] = []
    for start in range(0, len(ids), 1000):
        results = index.query(vectors[start : start + 1000], NEIGHBOURS + 1)
        for pid, hits in zip(ids[start : start + 1000], results):
            links.extend((pid, other, score) for other, score in hits if other != pid and score >= threshold)
    for a, b, score in links:
        ra, rb = root(a), root(b)
        if ra != rb:
            parent[rb] = ra
            weakest[ra] = min(score, weakest.get(ra, 1.0), weakest.get(rb, 1.0))
    members: dict[int, list[int]] = {}
    for x in parent:
        members.setdefault(root(x), []).append(x)
    groups = [Group(tuple(sorted(m)), weakest.get(r, 1.0)) for r, m in members.items() if len(m) > 1]
    return sorted(groups, key=lambda g: (-len(g.photo_ids), -g.min_score))
