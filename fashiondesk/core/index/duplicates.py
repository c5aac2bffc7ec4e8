"""Groups of the same photo, and of photos of the same-looking garment.

Three answers, kept apart:

- **exact**: the same bytes (the same content hash) at several places;
- **near**: the same photo altered: resized, re-saved, cropped (up to about 15% a side,
  another shape), mirrored, turned a few degrees, brightened, its white balance or contrast
  changed. A pair is near when, once aligned, the fine detail of the two agrees at least
  ``DEFAULT_THRESHOLD`` (and in three quarters of the photo, and at full size when framed
  alike) and their colours agree (``verify``, ``is_near``);
- **similar**: other photos whose model embeddings are at least ``SIMILAR_THRESHOLD`` alike:
  another shot of the same or a similar garment. Never mixed into the other two.

Candidates come from the index: each photo's ``NEIGHBOURS`` nearest (never all pairs).
On clothing-small's unseen photos the altered copy is the nearest neighbour for every
alteration but 15% crops (then 124 of 150, and 142 within the nearest five).
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any, Callable, Iterable, Mapping

import numpy as np

from fashiondesk.core.index import verify
from fashiondesk.core.index.hnsw import VectorIndex
from fashiondesk.core.vision import fingerprint
from fashiondesk.core.vision.runtime import usable_cores

# The share of fine detail that must agree, once aligned. Measured on 150 unseen
# clothing-small photos with ten alterations each (benchmarks/duplicates.py): copies score
# 0.93-1.0 (5th percentile of every alteration), a few plain photos down to 0.6; different
# photos, even of the same garment in the same set-up, at most 0.78.
DEFAULT_THRESHOLD = 0.85
# Besides: three quarters of the squares with detail agree at least this much (a garment
# swapped on the same background disagrees where it lies)...
PATCH_MIN = 0.7
# ...photos framed alike agree this much at the fingerprint's full 64 x 64 (copies: 0.72 and
# up, the 5th percentile 0.79; two different T-shirts laid on the same sheet: 0.56, and 0.68,
# which is grouped: the one false group among clothing-small's 3,781 photos)...
FULL_MIN = 0.65
COLOUR_LIMIT = 0.4  # ...and their colours disagree less (copies at most 0.32, another colourway 0.5 and up)
SIMILAR_THRESHOLD = 0.94  # embedding cosine: another photo of a similar garment
NEIGHBOURS = 4
MIN_COSINE = 0.3  # neighbours less alike than this are never the same photo
LOCATE_GATE = 0.65  # pairs whose best box correlates less are not aligned at all (copies: 0.68 and up)
ALIGN_GATE = 0.8  # nor checked further if they correlate less at half size (copies: 0.83 and up)
CHUNK = 256  # pairs aligned at once
BLOCK = 512  # photos whose boxes are sampled at once
KINDS = ("exact", "near", "similar")


@dataclass(frozen=True)
class Group:
    kind: str  # one of KINDS
    photo_ids: tuple[int, ...]
    min_score: float  # the weakest link that joined the group (1.0 for exact copies)


class _Joiner:
    """Union-find that remembers the weakest link of each group."""

    def __init__(self) -> None:
        self.parent: dict[int, int] = {}
        self.weakest: dict[int, float] = {}

    def root(self, x: int) -> int:
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def join(self, a: int, b: int, score: float) -> None:
        ra, rb = self.root(a), self.root(b)
        low = min(score, self.weakest.get(ra, 1.0), self.weakest.get(rb, 1.0))
        if ra != rb:
            self.parent[rb] = ra
        self.weakest[ra] = low

    def groups(self) -> list[tuple[list[int], float]]:
        members: dict[int, list[int]] = {}
        for x in self.parent:
            members.setdefault(self.root(x), []).append(x)
        return [(sorted(m), self.weakest.get(r, 1.0)) for r, m in members.items() if len(m) > 1]


def candidate_pairs(index: VectorIndex, ids: list[int], vectors: np.ndarray,
                    spare: int = 0) -> dict[tuple[int, int], float]:
    """(a, b) with a < b among ``ids`` -> embedding cosine, from each photo's nearest
    neighbours; ``spare`` more are asked for (the exact copies of a photo fill places)."""
    wanted = set(ids)
    pairs: dict[tuple[int, int], float] = {}
    for start in range(0, len(ids), 1000):
        results = index.query(vectors[start : start + 1000], NEIGHBOURS + 1 + spare)
        for pid, hits in zip(ids[start : start + 1000], results):
            kept = 0
            for other, score in hits:
                if other == pid or other not in wanted:
                    continue
                kept += 1
                if kept > NEIGHBOURS:
                    break
                if score >= MIN_COSINE:
                    pairs[(min(pid, other), max(pid, other))] = score
    return pairs


def near_scores(pairs: list[tuple[int, int]], prints: Mapping[int, bytes],
                threshold: float = DEFAULT_THRESHOLD) -> np.ndarray:
    """(detail, detail of the squares, detail at full size, colour disagreement) per pair.
    Each check runs only on the pairs that passed the ones before (``threshold`` is the
    detail's): the others keep -1 (or 1 for colour). Pairs whose best box correlates under
    ``LOCATE_GATE`` are not aligned at all."""
    out = np.tile(np.array([-1.0, -1.0, -1.0, 1.0]), (len(pairs), 1))
    if not pairs:
        return out
    photos = sorted({p for pair in pairs for p in pair})
    row = {p: i for i, p in enumerate(photos)}
    luma, colour = fingerprint.unpack([prints[p] for p in photos])
    whole = verify.whole_features(luma)
    a = np.array([row[x] for x, _ in pairs])
    b = np.array([row[y] for _, y in pairs])
    # Where: each photo's boxes are sampled once, block by block; each direction of a pair is
    # scored in the block of the photo that would hold the other, so blocks never share a row.
    score = np.full((2, len(pairs)), -2.0, dtype=np.float32)  # 0: a holds b, 1: b holds a
    pick = np.zeros((2, len(pairs)), dtype=np.intp)

    def locate(start: int) -> None:
        boxes = verify.box_features(luma[start : start + BLOCK])
        for direction, (side, other) in enumerate(((a, b), (b, a))):
            mine = np.flatnonzero((side >= start) & (side < start + BLOCK))
            if len(mine):
                scores = (whole[other[mine]] @ boxes[side[mine] - start].transpose(0, 2, 1)).reshape(len(mine), -1)
                pick[direction, mine] = best = scores.argmax(axis=1)  # mirrored * boxes + box
                score[direction, mine] = scores[np.arange(len(mine)), best]

    _each(locate, list(range(0, len(photos), BLOCK)))
    holder = score[0] >= score[1]  # True: a holds b
    best = np.where(holder, score[0], score[1])
    mirrored, box = np.divmod(np.where(holder, pick[0], pick[1]), len(verify.BOXES))
    mirrored = mirrored == 1
    # Exactly where, then detail and colour: only pairs worth aligning.
    todo = np.flatnonzero(best >= LOCATE_GATE)

    def check(at: np.ndarray) -> None:
        """Align a chunk of pairs, then check them (each check only on those that passed)."""
        holds = np.where(holder[at], a[at], b[at])
        held = np.where(holder[at], b[at], a[at])
        container, content = luma[holds].astype(np.float32), luma[held].astype(np.float32)
        template = verify.templates(content, mirrored[at])
        maps, rho = verify.align(container, template, verify.start_maps(verify.BOXES[box[at]]), ALIGN_GATE)
        go = rho >= ALIGN_GATE
        for column in range(4):  # detail, squares, full size, colour: each on the pairs that passed so far
            if not go.any():
                return
            at, holds, held, container, content, template, maps = (
                x[go] for x in (at, holds, held, container, content, template, maps))
            if column == 0:
                scores = verify.detail(container, template, maps)
                go = scores >= threshold
            elif column == 1:
                scores = verify.patch_detail(container, template, maps)
                go = scores >= PATCH_MIN
            elif column == 2:
                scores = verify.full_detail(container, content, mirrored[at], maps)
                go = scores >= FULL_MIN
            else:
                scores = verify.colour(colour[holds].astype(np.float32), colour[held].astype(np.float32),
                                       mirrored[at], maps)
            out[at, column] = scores

    _each(check, [todo[i : i + CHUNK] for i in range(0, len(todo), CHUNK)])
    return out


def _each(work: Callable[[Any], None], parts: list) -> None:
    """``work`` on every part: numpy lets go of the interpreter in its array work, so one
    thread a core (each writes its own rows); a single part runs here, with no threads to
    start (the few pairs Goes with asks about)."""
    if len(parts) <= 1:
        for part in parts:
            work(part)
        return
    with ThreadPoolExecutor(min(usable_cores(), len(parts)), thread_name_prefix="fashiondesk-duplicates") as pool:
        list(pool.map(work, parts))


def is_near(scores: np.ndarray, threshold: float = DEFAULT_THRESHOLD) -> np.ndarray:
    """Which rows of ``near_scores`` are the same photo altered."""
    detail, squares, full, colour = scores.T
    return (detail >= threshold) & (squares >= PATCH_MIN) & (full >= FULL_MIN) & (colour <= COLOUR_LIMIT)


def find_groups(
    index: VectorIndex,
    ids: list[int],
    vectors: np.ndarray,
    hashes: Mapping[int, str | None],
    load_prints: Callable[[set[int]], Mapping[int, bytes]],
    threshold: float = DEFAULT_THRESHOLD,
    similar: float = SIMILAR_THRESHOLD,
    kinds: Iterable[str] = ("exact", "near"),
    rank: Callable[[int], Any] = lambda photo_id: photo_id,
) -> list[Group]:
    """Groups of ``kinds`` among ``ids`` (rows of ``vectors``), largest first. ``load_prints``
    gives the fingerprints of the photos it is asked for (those it has). Altered copies are
    looked for whenever similar photos are too: a copy is never listed as a similar photo, and
    a group of copies takes part in similar groups through its first photo by ``rank`` (the
    one to keep)."""
    kinds = set(kinds)
    by_hash: dict[str, list[int]] = {}
    for pid in ids:
        digest = hashes.get(pid)
        if digest:
            by_hash.setdefault(digest, []).append(pid)
    first = {pid: members[0] for members in by_hash.values() for pid in members}
    firsts = [i for i, pid in enumerate(ids) if first.get(pid, pid) == pid]
    spare = min(64, max((len(m) for m in by_hash.values()), default=1) - 1)
    pairs = candidate_pairs(index, [ids[i] for i in firsts], vectors[firsts], spare) if kinds - {"exact"} else {}

    same = _Joiner()  # exact copies and altered copies: the same photo
    for members in by_hash.values():
        for other in members[1:]:
            same.join(members[0], other, 1.0)
    if kinds & {"near", "similar"}:
        prints = load_prints({x for pair in pairs for x in pair})
        checkable = [p for p in pairs if p[0] in prints and p[1] in prints]
        scores = near_scores(checkable, prints, threshold)
        for (x, y), detail, near in zip(checkable, scores[:, 0], is_near(scores, threshold)):
            if near:
                same.join(x, y, float(detail))
    groups = []
    first_of: dict[int, int] = {}
    for members, weakest in same.groups():
        best = min(members, key=rank)
        first_of.update((m, best) for m in members)
        kind = "exact" if len({hashes.get(m) for m in members}) == 1 else "near"
        if kind in kinds:
            groups.append(Group(kind, tuple(members), weakest))
    if "similar" in kinds:
        alike = _Joiner()
        for (x, y), cosine in pairs.items():
            if cosine >= similar and same.root(x) != same.root(y):
                alike.join(first_of.get(x, x), first_of.get(y, y), cosine)
        groups += [Group("similar", tuple(members), weakest) for members, weakest in alike.groups()]
    return sorted(groups, key=lambda g: (KINDS.index(g.kind), -len(g.photo_ids), -g.min_score))
