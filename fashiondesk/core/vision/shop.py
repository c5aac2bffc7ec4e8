"""The shop classifier: the shipped model's categories, taught by staff's own categories.

Staff set categories (a correction, an accepted suggestion, a new name); each is an example.
From the stored embeddings alone (no photo is decoded again) and in seconds:

1. **Features.** Each embedding is square-rooted, centred on the mean of *this catalogue*
   (its photo style becomes the origin) and reduced to ``components`` dimensions by PCA
   fitted on the catalogue, then L2-normalised (the "CL2N" of Wang et al., SimpleShot 2019,
   with the power transform of Hu et al., PT-MAP 2021).
2. **A linear correction of the prior.** Scores are ``log prior(x) + W f(x) + b``: the
   shipped model's calibrated log-probabilities as a fixed offset (a category it never learnt
   starts at log 0.001), and a linear term fitted on the examples, class-balanced, while a
   distillation term keeps the catalogue's other photos near the prior (weight ``distil``
   against the examples' 1). So a handful of examples moves the decision for photos like them
   and leaves alone the categories nobody corrected.
3. **The catalogue's own neighbourhood.** Those probabilities (times ``prior_weight``) and the
   examples (one-hot) are spread over the catalogue's k-nearest-neighbour graph
   (``graph.spread``), so a correction reaches the photos of the same style around it.
4. **Calibration.** The examples are split in ``folds`` class-stratified folds; each fold is
   predicted by a model taught on the others. Those held-out predictions give the accuracy
   estimate and fit one temperature (as the shipped model's was fitted on its validation
   split).

The settings were chosen on clothing-small with held-out categories and a prior made wrong
on one half of three categories (``evaluate-teaching``, see MODEL_CARD.md), and never tuned
on a test split. ``drop_prior`` exists for that evaluation: it makes the prior act as if the
shipped model had never learnt those categories.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from dataclasses import dataclass, field
from typing import Callable, Sequence

import numpy as np

from fashiondesk.core.records import LEARNED
from fashiondesk.core.vision.graph import Graph, neighbours, spread
from fashiondesk.core.vision.metrics import softmax

METHOD = f"{LEARNED}2"  # 2: categories with few examples take no photo without support
NEW_CATEGORY_PRIOR = 1e-3


@dataclass(frozen=True)
class Settings:
    components: int = 128
    distil: float = 0.35
    prior_weight: float = 0.3
    prior_trust: float = 1.0  # the prior's log-probabilities are scaled by this (< 1: softer)
    alpha: float = 0.9
    neighbours: int = 10
    rounds: int = 20
    min_examples: int = 5  # before a new category is suggested
    folds: int = 5
    steps: int = 150
    sample: int = 2000  # catalogue photos the distillation term sees
    seed: int = 0
    drop_prior: tuple[str, ...] = ()

    def digest(self) -> str:
        return hashlib.sha1(repr(self).encode()).hexdigest()[:8]


@dataclass(frozen=True)
class Prior:
    """The shipped model's view: its logits for every photo (None: a model without
    categories) and the temperature it was calibrated with."""

    logits: np.ndarray | None
    categories: tuple[str, ...]
    temperature: float = 1.0


@dataclass
class Taught:
    classes: list[str]
    probs: np.ndarray | None  # (N, C), calibrated; None when nothing was taught
    examples: dict[str, int]  # examples per category name, suggested or not
    waiting: dict[str, int]  # new categories with fewer than min_examples
    accuracy: float | None  # cross-validated on the examples; None when too few
    held_out: int = 0  # examples the accuracy was measured on
    temperature: float = 1.0
    seconds: dict[str, float] = field(default_factory=dict)


def names(examples: Sequence[str], known: Sequence[str], key: Callable[[str], str]) -> tuple[list[str], dict[str, str]]:
    """Group spellings by ``key``: a known category keeps its own name, a new one the
    spelling staff used most (first seen on a tie). Returns (new names, key -> name)."""
    by_key: dict[str, Counter] = {}
    for name in examples:
        by_key.setdefault(key(name), Counter())[name] += 1
    chosen = {key(k): k for k in known}
    new = []
    for k, spellings in by_key.items():
        if k not in chosen:
            chosen[k] = spellings.most_common(1)[0][0]
            new.append(chosen[k])
    return sorted(new, key=key), chosen


def features(embeddings: np.ndarray, components: int, seed: int = 0) -> np.ndarray:
    x = np.sqrt(np.clip(embeddings.astype(np.float32), 0.0, None))
    x -= x.mean(axis=0)
    x /= np.linalg.norm(x, axis=1, keepdims=True) + 1e-12
    if components and x.shape[1] > components and len(x) > components:
        rng = np.random.default_rng(seed)
        fit = x if len(x) <= 4000 else x[rng.choice(len(x), 4000, replace=False)]
        x = x @ principal_axes(fit - fit.mean(axis=0), components, rng).T
        x /= np.linalg.norm(x, axis=1, keepdims=True) + 1e-12
    return np.ascontiguousarray(x, dtype=np.float32)


def principal_axes(x: np.ndarray, components: int, rng: np.random.Generator, power_steps: int = 2) -> np.ndarray:
    """The top ``components`` right singular vectors of ``x`` (components, d), by the
    randomised range finder of Halko, Martinsson and Tropp (2011): a fraction of the cost of a
    full SVD, the same axes to within noise for the leading ones."""
    q = np.linalg.qr(x @ rng.standard_normal((x.shape[1], components + 10)).astype(x.dtype))[0]
    for _ in range(power_steps):
        q = np.linalg.qr(x.T @ q)[0]
        q = np.linalg.qr(x @ q)[0]
    return np.linalg.svd(q.T @ x, full_matrices=False)[2][:components]


def prior_offsets(prior: Prior, classes: list[str], n: int, drop: Sequence[str] = ()) -> np.ndarray:
    """log prior(x) over ``classes`` (N, C); categories the model does not know start low."""
    offsets = np.full((n, len(classes)), np.log(NEW_CATEGORY_PRIOR))
    keep = [i for i, c in enumerate(prior.categories) if c not in drop]
    if prior.logits is None or not keep:
        return np.zeros((n, len(classes)))
    probs = softmax(prior.logits[:, keep], prior.temperature)
    for j, i in enumerate(keep):
        offsets[:, classes.index(prior.categories[i])] = np.log(np.clip(probs[:, j], 1e-6, 1.0))
    return offsets


def correct(x: np.ndarray, offsets: np.ndarray, rows: np.ndarray, labels: np.ndarray, settings: Settings,
            rng: np.random.Generator) -> np.ndarray:
    """Fit W, b of softmax(offsets + x W + b) (Adam, full batch) and return its logits."""
    n, d = x.shape
    c = offsets.shape[1]
    w, b = np.zeros((d, c)), np.zeros(c)
    target = np.zeros((len(rows), c))
    target[np.arange(len(rows)), labels] = 1.0
    counts = np.bincount(labels, minlength=c)
    weight = 1.0 / counts[labels]
    weight /= weight.sum()
    xe, oe = x[rows].astype(np.float64), offsets[rows]
    sample = rng.choice(n, min(n, settings.sample), replace=False)
    xs, os_ = x[sample].astype(np.float64), offsets[sample]
    keep_near = softmax(os_)
    moments = [np.zeros_like(w), np.zeros_like(w), np.zeros_like(b), np.zeros_like(b)]
    step, beta1, beta2 = 0.05, 0.9, 0.999
    for t in range(1, settings.steps + 1):
        grad = (softmax(oe + xe @ w + b) - target) * weight[:, None]
        gw, gb = xe.T @ grad, grad.sum(axis=0)
        if settings.distil > 0:
            near = (softmax(os_ + xs @ w + b) - keep_near) * (settings.distil / len(sample))
            gw += xs.T @ near
            gb += near.sum(axis=0)
        gw += 1e-3 * w
        for m, g, param in ((0, gw, w), (2, gb, b)):
            moments[m] = beta1 * moments[m] + (1 - beta1) * g
            moments[m + 1] = beta2 * moments[m + 1] + (1 - beta2) * g * g
            param -= step * (moments[m] / (1 - beta1**t)) / (np.sqrt(moments[m + 1] / (1 - beta2**t)) + 1e-8)
    return offsets + x @ w + b


def _fit(x: np.ndarray, offsets: np.ndarray, graph: Graph, rows: np.ndarray, labels: np.ndarray,
         settings: Settings) -> np.ndarray:
    rng = np.random.default_rng(settings.seed)
    if len(rows):
        seeds = softmax(correct(x, offsets, rows, labels, settings, rng)) * settings.prior_weight
        seeds[rows] = 0.0
        seeds[rows, labels] = 1.0
    else:
        seeds = softmax(offsets) * settings.prior_weight
    scores = spread(graph, seeds, settings.alpha, settings.rounds)
    return scores / (scores.sum(axis=1, keepdims=True) + 1e-12)


def folds_of(labels: np.ndarray, folds: int, seed: int) -> np.ndarray:
    """Class-stratified fold numbers: each class's examples dealt round the folds in a
    shuffled order."""
    rng = np.random.default_rng(seed)
    fold = np.zeros(len(labels), dtype=np.int64)
    start = 0
    for c in np.unique(labels):
        members = rng.permutation(np.flatnonzero(labels == c))
        fold[members] = (np.arange(len(members)) + start) % folds
        start += len(members)
    return fold


def fit_temperature(probs: np.ndarray, labels: np.ndarray) -> float:
    """The temperature T minimising the NLL of softmax(log p / T) (golden-section search)."""
    logp = np.log(np.clip(probs, 1e-9, 1.0))

    def nll(log_t: float) -> float:
        p = softmax(logp, float(np.exp(log_t)))
        return float(-np.log(np.clip(p[np.arange(len(labels)), labels], 1e-12, 1.0)).mean())

    lo, hi = np.log(0.05), np.log(20.0)
    ratio = (np.sqrt(5) - 1) / 2
    a, b = hi - ratio * (hi - lo), lo + ratio * (hi - lo)
    fa, fb = nll(a), nll(b)
    for _ in range(40):
        if fa < fb:
            hi, b, fb = b, a, fa
            a = hi - ratio * (hi - lo)
            fa = nll(a)
        else:
            lo, a, fa = a, b, fb
            b = lo + ratio * (hi - lo)
            fb = nll(b)
    return float(np.exp((lo + hi) / 2))


@dataclass(frozen=True)
class Plan:
    """Which categories a teaching has and which examples it can use."""

    classes: list[str]
    pairs: list[tuple[int, int]]  # (row, class index) of the usable examples
    counted: dict[str, int]  # examples per category name
    waiting: dict[str, int]  # new categories with fewer than min_examples

    @property
    def teaches(self) -> bool:
        """Anything to learn: some example of a category that is suggested."""
        return bool(self.pairs)


def plan(prior: Prior, examples: Sequence[tuple[int, str]], key: Callable[[str], str], settings: Settings) -> Plan:
    known = [c for c in prior.categories if c not in settings.drop_prior]
    new, chosen = names([n for _, n in examples], known, key)
    counted = Counter(chosen[key(n)] for _, n in examples)
    waiting = {n: counted[n] for n in new if counted[n] < settings.min_examples}
    classes = known + [n for n in new if n not in waiting]
    if not known and len(classes) < 2:
        classes = []  # no prior and one category: nothing to tell it from
    index = {c: i for i, c in enumerate(classes)}
    pairs = [(r, index[chosen[key(n)]]) for r, n in examples if chosen[key(n)] in index]
    return Plan(classes, pairs, dict(counted), waiting)


def match_confidence(probs: np.ndarray, target: float) -> float:
    """The temperature T at which softmax(log p / T) has a mean top probability of
    ``target`` (bisection: a higher T is less sure)."""
    logp = np.log(np.clip(probs, 1e-9, 1.0))
    lo, hi = np.log(0.05), np.log(20.0)
    for _ in range(40):
        mid = (lo + hi) / 2
        if softmax(logp, float(np.exp(mid))).max(axis=1).mean() > target:
            lo = mid
        else:
            hi = mid
    return float(np.exp((lo + hi) / 2))


class Stopped(Exception):
    """``teach`` was asked to stop (its ``stop`` returned True)."""


def teach(embeddings: np.ndarray, prior: Prior, examples: Sequence[tuple[int, str]], key: Callable[[str], str],
          settings: Settings = Settings(), clock: Callable[[], float] | None = None,
          stop: Callable[[], bool] = lambda: False) -> Taught:
    """Probabilities over the prior's categories and the new ones with enough examples, for
    every row of ``embeddings`` (N, D); ``examples`` are (row, category name) pairs. When
    no example is usable (see ``Plan.teaches``) ``probs`` is None: nothing was learned.

    Confidence: the held-out predictions of the folds fit a temperature when they can (at
    least 20 examples of two categories or more, some right and some wrong), kept within a
    factor 2 of the temperature at which the catalogue's photos are on average as sure as
    the shipped model is of them; otherwise that temperature itself.
    """
    import time

    clock = clock or time.perf_counter
    seconds: dict[str, float] = {}
    started = clock()
    chosen = plan(prior, examples, key, settings)
    classes = chosen.classes
    if not chosen.teaches:
        return Taught(classes, None, chosen.counted, chosen.waiting, None)
    rows = np.array([r for r, _ in chosen.pairs], dtype=np.int64)
    labels = np.array([c for _, c in chosen.pairs], dtype=np.int64)

    x = features(embeddings, settings.components, settings.seed)
    offsets = settings.prior_trust * prior_offsets(prior, classes, len(x), settings.drop_prior)
    seconds["features"] = clock() - started
    graph = neighbours(x, settings.neighbours)
    seconds["graph"] = clock() - started - seconds["features"]

    if stop():
        raise Stopped
    mark = clock()
    probs = _fit(x, offsets, graph, rows, labels, settings)
    seconds["fit"] = clock() - mark
    sample = np.random.default_rng(settings.seed).choice(len(x), min(len(x), settings.sample), replace=False)
    base = match_confidence(probs[sample], float(softmax(offsets[sample]).max(axis=1).mean()))
    accuracy, temperature, held_out = None, base, 0
    if len(rows) >= 2 * settings.folds:
        fold = folds_of(labels, settings.folds, settings.seed)
        predicted = np.zeros((len(rows), len(classes)))
        for f in range(settings.folds):
            if stop():
                raise Stopped
            inside = fold != f
            predicted[~inside] = _fit(x, offsets, graph, rows[inside], labels[inside], settings)[rows[~inside]]
        right = predicted.argmax(axis=1) == labels
        accuracy, held_out = float(right.mean()), len(rows)
        if len(rows) >= 20 and len(np.unique(labels)) >= 2 and 0 < right.sum() < len(rows):
            temperature = float(np.clip(fit_temperature(predicted, labels), base / 2, base * 2))
    probs = softmax(np.log(np.clip(probs, 1e-9, 1.0)), temperature)
    seconds["total"] = clock() - started
    return Taught(classes, probs, chosen.counted, chosen.waiting, accuracy, held_out, temperature, seconds)


def unsupported_moves(classes: list[str], probs: np.ndarray, prior: Prior, examples: Sequence[tuple[int, str]],
                      key: Callable[[str], str], min_examples: int, drop: Sequence[str] = ()) -> np.ndarray:
    """Rows (photos) the learned categories would take away from the shipped model's
    category without support: to a category with fewer than ``min_examples`` examples,
    unless staff corrected a photo from the model's category to that one. One example of
    "hat" must not turn a dress the model is sure of into a hat; a shirt corrected to
    "t-shirt" may move shirts to t-shirt (never to outerwear: a correction teaches that
    confusion, not any other), and five examples of a category may take photos to it.
    ``drop``: categories the model is taken never to have learnt (``Settings.drop_prior``):
    no opinion of its."""
    if prior.logits is None or probs is None or not len(probs):
        return np.zeros(len(probs) if probs is not None else 0, dtype=bool)
    logits = np.nan_to_num(prior.logits.astype(np.float64), nan=-np.inf)
    for i, name in enumerate(prior.categories):
        if name in drop:
            logits[:, i] = -np.inf
    model = [key(prior.categories[i]) if np.isfinite(row).any() else ""
             for i, row in zip(logits.argmax(axis=1), logits)]
    counts = Counter(key(name) for _row, name in examples)
    corrected = {(model[row], key(name)) for row, name in examples if key(name) != model[row]}
    learned = [key(classes[i]) for i in probs.argmax(axis=1)]
    return np.array([bool(theirs) and mine != theirs and counts[mine] < min_examples and (theirs, mine) not in corrected
                     for mine, theirs in zip(learned, model)], dtype=bool)
