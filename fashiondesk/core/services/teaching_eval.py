"""``evaluate-teaching``: how well staff's examples teach, measured through the real path.

A folder-per-class dataset is indexed into a catalogue of its own. For each number of
examples per class and each seed, that many photos of each class get their staff category
(``edits.put_category``, as the window and ``tag --category`` do), ``teaching.learn`` runs,
and the automatic categories it wrote on the other photos are compared with their folders.

With ``new`` classes, the shipped model is made to act as if it had never learnt them
(``Settings.drop_prior``) and only they are taught: the catalogue holds them among the known
ones, as a shop's own new categories would be. Their accuracy is reported apart from the
known classes', whose accuracy before teaching (the shipped model choosing among the known
classes only) is the baseline for "no more than N points lost".
"""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Callable, Sequence

import numpy as np
from sqlalchemy import delete, select

from fashiondesk.core.catalogue import learned
from fashiondesk.core.catalogue.db import open_catalogue
from fashiondesk.core.catalogue.edits import put_category, tag_key
from fashiondesk.core.catalogue.models import CATEGORY, MANUAL, OK, Meta, Photo, Tag
from fashiondesk.core.files import is_image_name
from fashiondesk.core.services.errors import UserError
from fashiondesk.core.services.indexing import index
from fashiondesk.core.services.paths import not_a_folder
from fashiondesk.core.services.teaching import learn
from fashiondesk.core.vision.metrics import expected_calibration_error, softmax
from fashiondesk.core.vision.shop import Settings
from fashiondesk.core.vision.spec import shipped_spec


@dataclass
class Trial:
    shots: int
    seed: int
    accuracy: float  # on the photos not given as examples, of the taught classes
    known: float | None  # with new classes: accuracy on the known classes' photos
    estimate: float | None  # the learner's own cross-validated estimate
    ece: float
    seconds: float


@dataclass
class TeachingReport:
    photos: int
    classes: list[str]
    new: list[str]
    untaught: float  # accuracy before any teaching (taught classes; known ones with `new`)
    untaught_known: float | None
    trials: list[Trial] = field(default_factory=list)


def _classes(paths: Sequence[str], roots: Sequence[Path]) -> list[str | None]:
    found = []
    for path in paths:
        name = None
        for root in roots:
            try:
                rel = Path(path).relative_to(root)
            except ValueError:
                continue
            if len(rel.parts) > 1:
                name = rel.parts[0]
                break
        found.append(name)
    return found


EVALUATION_FILE = "evaluate-teaching.db"
MARK = "evaluate_teaching"


def _class_folders(roots: Sequence[Path]) -> dict[str, int]:
    """Photos per class folder, over every dataset folder (classes of one name merged)."""
    counts: dict[str, int] = {}
    for root in roots:
        for folder in sorted(p for p in root.iterdir() if p.is_dir()):
            n = sum(1 for _, _, files in os.walk(folder) for f in files if is_image_name(f))
            if n:
                counts[folder.name] = counts.get(folder.name, 0) + n
    return counts


def evaluate_teaching(
    datasets: Sequence[str], shots: Sequence[int], new: Sequence[str] = (), seeds: int = 3,
    workdir: str | None = None, say: Callable[[str], None] = lambda _: None,
) -> TeachingReport:
    """Index the datasets into a catalogue of the evaluation's own (in ``workdir``, reused
    next time, or a temporary folder) and teach it N examples per class, ``seeds`` times."""
    roots = [Path(os.path.realpath(d)) for d in datasets]
    for root in roots:
        if not root.is_dir():
            raise not_a_folder(root)
    counts = _class_folders(roots)
    if len(counts) < 2:
        raise UserError("a dataset is a folder of class folders (dress/, shirt/ ...) holding photos; "
                        f"found {len(counts)} class folder(s) in {', '.join(map(str, roots))}")
    unknown = [c for c in new if c not in counts]
    if unknown:
        raise UserError(f"no class folder named {', '.join(unknown)} (the classes are {', '.join(sorted(counts))})")
    for c in list(new) or list(counts):
        if counts[c] <= max(shots):
            raise UserError(f"class {c} has {counts[c]} photos: not enough for {max(shots)} examples and a rest")
    if new and min(shots) < Settings().min_examples:
        say(f"note: a new category is suggested from {Settings().min_examples} examples; "
            "with fewer its accuracy is 0 by design")
    holder = tempfile.TemporaryDirectory(prefix="fashiondesk-teaching-") if workdir is None else None
    folder = Path(workdir or holder.name)  # type: ignore[union-attr]
    folder.mkdir(parents=True, exist_ok=True)
    catalogue = _evaluation_catalogue(folder / EVALUATION_FILE)
    try:
        say(f"indexing {', '.join(map(str, roots))} into {folder / EVALUATION_FILE}")
        index(catalogue, folder_paths=[str(r) for r in roots], add=True)
        return _trials(catalogue, roots, shots, list(new), seeds, say)
    finally:
        catalogue.close()
        if holder is not None:
            holder.cleanup()


def _evaluation_catalogue(path: Path):
    """The evaluation's own catalogue; never one it did not make (its staff categories are
    replaced on every trial)."""
    existed = path.exists()
    catalogue = open_catalogue(str(path))
    with catalogue.sessions() as session, session.begin():
        marked = session.get(Meta, MARK) is not None
        if existed and not marked:
            catalogue.close()
            raise UserError(f"{path} is not a catalogue made by evaluate-teaching; choose another --keep folder")
        session.merge(Meta(key=MARK, value="1"))
    return catalogue


def _trials(catalogue, roots, shots, new, seeds, say) -> TeachingReport:
    spec = shipped_spec()
    with catalogue.sessions() as session:
        data = learned.stored(session, spec.version)
        paths = dict(session.execute(select(Photo.id, Photo.path).where(Photo.status == OK)).all())
    ids = data.photo_ids
    truth = np.array(_classes([paths[int(i)] for i in ids], roots), dtype=object)
    classes = sorted({c for c in truth if c is not None})
    taught_classes = list(new) or classes
    known_mask = np.array([c is not None and c not in new for c in truth])
    taught_mask = np.array([c in taught_classes for c in truth])
    keep = [i for i, c in enumerate(spec.categories) if c not in new]
    prior = softmax(data.logits[:, keep], spec.temperature) if data.logits is not None else None
    named = np.array([spec.categories[i] for i in keep], dtype=object)
    untaught_pred = named[prior.argmax(axis=1)] if prior is not None else np.full(len(ids), None)
    report = TeachingReport(
        photos=len(ids), classes=classes, new=list(new),
        untaught=_agree(untaught_pred[taught_mask], truth[taught_mask]),
        untaught_known=_agree(untaught_pred[known_mask], truth[known_mask]) if new else None,
    )
    settings = replace(Settings(), drop_prior=tuple(new))
    for n in shots:
        for seed in range(seeds):
            rng = np.random.default_rng(seed)
            rows = []
            for c in taught_classes:
                members = np.flatnonzero(truth == c)
                if len(members) <= n:
                    raise UserError(f"class {c} has {len(members)} photos: not enough for {n} examples and a rest")
                rows += rng.choice(members, n, replace=False).tolist()
            with catalogue.sessions() as session, session.begin():
                session.execute(delete(Tag).where(Tag.kind == CATEGORY, Tag.source == MANUAL))
                for r in rows:
                    put_category(session, int(ids[r]), str(truth[r]))
            taught = learn(catalogue, settings, spec)
            trial = _score(catalogue, ids, truth, rows, taught_mask, known_mask, new, n, seed, taught)
            report.trials.append(trial)
            say(f"{n} examples per class, seed {seed}: {trial.accuracy:.3f}"
                + (f" (known {trial.known:.3f})" if trial.known is not None else "") + f" in {trial.seconds:.1f} s")
    with catalogue.sessions() as session, session.begin():
        session.execute(delete(Tag).where(Tag.kind == CATEGORY, Tag.source == MANUAL))
    return report


def _agree(predicted, truth) -> float:
    return float(np.mean([p is not None and tag_key(p) == tag_key(t) for p, t in zip(predicted, truth)]))


def _score(catalogue, ids, truth, rows, taught_mask, known_mask, new, n, seed, taught) -> Trial:
    with catalogue.sessions() as session:
        got = dict(session.execute(
            select(Tag.photo_id, Tag.name).where(Tag.kind == CATEGORY, Tag.source != MANUAL)
        ).all())
        confidence = dict(session.execute(
            select(Tag.photo_id, Tag.confidence).where(Tag.kind == CATEGORY, Tag.source != MANUAL)
        ).all())
    rest = np.ones(len(ids), dtype=bool)
    rest[rows] = False
    predicted = np.array([got.get(int(i)) for i in ids], dtype=object)
    right = np.array([p is not None and t is not None and tag_key(p) == tag_key(t) for p, t in zip(predicted, truth)])
    conf = np.array([confidence.get(int(i)) or 0.0 for i in ids])
    scored = rest & (taught_mask | known_mask) if new else rest & taught_mask
    probs = np.stack([conf[scored], 1.0 - conf[scored]], axis=1)
    ece = expected_calibration_error(probs, np.where(right[scored], 0, 1))
    return Trial(
        shots=n, seed=seed,
        accuracy=float(right[rest & taught_mask].mean()),
        known=float(right[rest & known_mask].mean()) if new else None,
        estimate=taught.accuracy, ece=ece, seconds=taught.seconds,
    )


def format_teaching_report(report: TeachingReport) -> str:
    lines = [
        f"{report.photos} photos, {len(report.classes)} classes: {', '.join(report.classes)}",
    ]
    if report.new:
        lines.append(f"new (the shipped model made to forget them, only they taught): {', '.join(report.new)}")
        lines.append(f"untaught: known classes {report.untaught_known:.3f} (new ones cannot be named)")
    else:
        lines.append(f"untaught (shipped model): {report.untaught:.3f}")
    header = "examples  accuracy" + ("  known   drop " if report.new else "") + "  estimate  ECE    seconds"
    lines += ["", header]
    for n in sorted({t.shots for t in report.trials}):
        ts = [t for t in report.trials if t.shots == n]
        acc = np.array([t.accuracy for t in ts])
        line = f"{n:>8}  {acc.mean():.3f}±{acc.std():.3f}"
        if report.new:
            known = np.array([t.known for t in ts], dtype=float)
            line += f"  {known.mean():.3f}  {100 * (known.mean() - report.untaught_known):+5.1f}"
        estimates = [t.estimate for t in ts if t.estimate is not None]
        line += f"  {np.mean(estimates):.3f}   " if estimates else "  -       "
        line += f"  {np.mean([t.ece for t in ts]):.3f}  {np.median([t.seconds for t in ts]):.2f}"
        lines.append(line)
    lines.append("")
    lines.append("accuracy: on the photos not given as examples" + (" of the new classes" if report.new else "")
                 + f", mean±sd over {len({t.seed for t in report.trials})} seeds; "
                 + ("known: on the known classes' photos, drop: its change from untaught in points; " if report.new else "")
                 + "estimate: the learner's own cross-validated estimate; ECE: of the written confidences")
    return "\n".join(lines)
