"""Learning from staff's categories: re-learn, re-tag every photo, say what was learned.

``learn`` reads the stored embeddings (never the photos), teaches the shop classifier
(``vision/shop.py``) from every staff category and writes each photo's automatic category
with the classifier's version (``shop1-<digest of the examples and settings>``). With no
staff category left it puts back the shipped model's categories: forgetting is removing.
"""

from __future__ import annotations

import hashlib
import logging
import time
from dataclasses import asdict, dataclass, field

import numpy as np

from fashiondesk.core.catalogue import learned
from fashiondesk.core.catalogue.db import Catalogue
from fashiondesk.core.catalogue.edits import tag_key
from fashiondesk.core.catalogue.models import CATEGORY, MANUAL, Embedding, Tag
from fashiondesk.core.records import Hit
from fashiondesk.core.vision.metrics import softmax
from fashiondesk.core.vision.shop import METHOD, Prior, Settings, teach
from fashiondesk.core.vision.spec import ModelSpec, shipped_spec
from fashiondesk.core.vision.tagging import category_source

log = logging.getLogger("fashiondesk.teaching")

MIN_EXAMPLES = Settings().min_examples


@dataclass(frozen=True)
class Teaching:
    """What the catalogue learned from staff, last time."""

    examples: int  # staff categories on readable photos
    categories: list[tuple[str, int]]  # every category suggested, with its number of examples
    waiting: list[tuple[str, int]]  # new categories not suggested yet: fewer than min_examples
    min_examples: int
    accuracy: float | None  # cross-validated on the examples
    held_out: int
    changed: int  # photos whose automatic category changed in this run
    seconds: float
    version: str
    photos: int = 0  # photos tagged: those without a staff category
    changed_ids: list[int] = field(default_factory=list, compare=False)

    def describe(self) -> str:
        if not self.examples:
            return "nothing learned yet: the categories are the shipped model's"
        taught = sum(1 for _, n in self.categories if n)
        text = f"learned from {self.examples} staff {'category' if self.examples == 1 else 'categories'} · " \
               f"{taught} {'category' if taught == 1 else 'categories'} taught"
        if self.accuracy is not None:
            text += f" · about {self.accuracy:.0%} right on examples held out"
        return text

    def waiting_text(self) -> str:
        return "; ".join(f"{name}: {n} of {self.min_examples} examples needed before it is suggested"
                         for name, n in self.waiting)


def version(model_version: str, examples: list[tuple[int, str]], settings: Settings) -> str:
    digest = hashlib.sha1(model_version.encode())
    digest.update(settings.digest().encode())
    for photo_id, name in sorted((p, tag_key(n)) for p, n in examples):
        digest.update(f"{photo_id}\t{name}\n".encode())
    return f"{METHOD}-{digest.hexdigest()[:12]}"


def learn(catalogue: Catalogue, settings: Settings = Settings(), spec: ModelSpec | None = None) -> Teaching:
    """Re-learn from every staff category and re-tag every photo's automatic category."""
    spec = spec or shipped_spec()
    started = time.perf_counter()
    with catalogue.sessions() as session:
        data = learned.stored(session, spec.version)
        examples = learned.examples(session)
        logits = _fill_missing(data, session, spec)
    rows = {int(p): r for r, p in enumerate(data.photo_ids.tolist())}
    usable = [(rows[p], name) for p, name in examples if p in rows]
    prior = Prior(logits, spec.categories, spec.temperature)
    if usable:
        taught = teach(data.vectors, prior, usable, tag_key, settings)
        classes, probs, tag_version = taught.classes, taught.probs, version(spec.version, examples, settings)
        accuracy, held_out, waiting = taught.accuracy, taught.held_out, taught.waiting
        counts = taught.examples
    else:
        source = category_source(spec)
        classes = list(spec.categories)
        probs = softmax(logits, spec.temperature) if logits is not None else np.zeros((len(rows), 0))
        tag_version = source.version if source else ""
        accuracy, held_out, waiting, counts = None, 0, {}, {}
    every = {tag_key(n) for _, n in examples}
    with catalogue.sessions() as session, session.begin():
        changed, tagged = (learned.write_categories(session, data.photo_ids, classes, probs, tag_version)
                           if classes else (set(), 0))
        result = Teaching(
            examples=len(usable),
            categories=[(c, counts.get(c, 0)) for c in classes],
            waiting=sorted(waiting.items()),
            min_examples=settings.min_examples,
            accuracy=accuracy,
            held_out=held_out,
            changed=len(changed),
            seconds=round(time.perf_counter() - started, 3),
            version=tag_version,
            photos=tagged,
        )
        learned.save_summary(session, {k: v for k, v in asdict(result).items() if k != "changed_ids"})
    log.info("learned from %d examples (%d names) in %.2f s: %d photos changed, version %s",
             len(usable), len(every), result.seconds, len(changed), tag_version)
    return Teaching(**{**asdict(result), "changed_ids": sorted(changed)})


def _fill_missing(data: learned.Stored, session, spec: ModelSpec) -> np.ndarray | None:
    """The stored logits, with those of photos embedded before logits were stored (catalogue
    schema 3; the next index run stores them) made up from their automatic category: its
    confidence on it, the rest shared by the others."""
    if data.logits is None or not spec.categories:
        return None
    missing = np.flatnonzero(np.isnan(data.logits).any(axis=1))
    if not len(missing):
        return data.logits
    logits = data.logits.copy()
    current = learned.automatic_categories(session)
    k = len(spec.categories)
    for row in missing:
        name, confidence = current.get(int(data.photo_ids[row]), (None, None))
        probs = np.full(k, 1.0 / k)
        if name in spec.categories:
            sure = min(max(confidence or 1.0 / k, 1.0 / k), 0.999)
            probs[:] = (1.0 - sure) / (k - 1)
            probs[spec.categories.index(name)] = sure
        logits[row] = np.log(probs) * spec.temperature
    return logits


def last_teaching(catalogue: Catalogue) -> Teaching | None:
    with catalogue.sessions() as session:
        summary = learned.load_summary(session)
    if not summary:
        return None
    try:
        summary["categories"] = [tuple(c) for c in summary.get("categories", [])]
        summary["waiting"] = [tuple(c) for c in summary.get("waiting", [])]
        return Teaching(**summary)
    except TypeError:
        return None


def needs_learning(catalogue: Catalogue, settings: Settings = Settings(), spec: ModelSpec | None = None) -> bool:
    """True when some photo's automatic category is not what learning from today's staff
    categories would write: staff changed a category, or photos came in since."""
    spec = spec or shipped_spec()
    with catalogue.sessions() as session:
        examples = learned.examples(session)
        versions = learned.auto_versions(session)
    if not examples:
        return any(v and v.startswith(METHOD) for v in versions)
    return bool(versions - {version(spec.version, examples, settings)})


def examples_behind(catalogue: Catalogue, photo_id: int, k: int = 6, spec: ModelSpec | None = None) -> list[Hit]:
    """The staff examples nearest to a photo among those of its automatic category: where a
    learned suggestion came from."""
    from sqlalchemy import select

    from fashiondesk.core.catalogue.models import Photo

    spec = spec or shipped_spec()
    with catalogue.sessions() as session:
        category = session.scalar(select(Tag.name).where(Tag.photo_id == photo_id, Tag.kind == CATEGORY))
        query = session.scalar(select(Embedding.vector).where(Embedding.photo_id == photo_id,
                                                              Embedding.model_version == spec.version))
        if category is None or query is None:
            return []
        rows = session.execute(
            select(Tag.photo_id, Photo.path, Tag.name, Embedding.vector)
            .join(Photo, Photo.id == Tag.photo_id)
            .join(Embedding, (Embedding.photo_id == Tag.photo_id) & (Embedding.model_version == spec.version))
            .where(Tag.kind == CATEGORY, Tag.source == MANUAL, Tag.photo_id != photo_id)
        ).all()
    same = [r for r in rows if tag_key(r.name) == tag_key(category)]
    if not same:
        return []
    vectors = np.frombuffer(b"".join(r.vector for r in same), dtype=np.float32).reshape(len(same), -1)
    scores = vectors @ np.frombuffer(query, dtype=np.float32)
    order = np.argsort(-scores)[:k]
    return [Hit(int(same[i].photo_id), same[i].path, round(float(scores[i]), 4)) for i in order]
