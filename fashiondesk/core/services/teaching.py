"""Learning from staff's categories: re-learn, re-tag every photo, say what was learned.

``learn`` reads the stored embeddings (never the photos), teaches the shop classifier
(``vision/shop.py``) from every staff category and writes each photo's automatic category
with the classifier's version (``shop2-<digest of the examples and settings>``). With no
staff category left it puts back the shipped model's categories: forgetting is removing.
"""

from __future__ import annotations

import hashlib
import logging
import time
from dataclasses import asdict, dataclass, field

import numpy as np
from threadpoolctl import threadpool_limits
from sqlalchemy import select

from fashiondesk.core.messages import translate
from fashiondesk.core.catalogue import learned
from fashiondesk.core.catalogue.db import Catalogue
from fashiondesk.core.catalogue.edits import tag_key
from fashiondesk.core.catalogue.models import CATEGORY, MANUAL, Embedding, Photo, Tag
from fashiondesk.core.records import Hit
from fashiondesk.core.vision.metrics import softmax
from fashiondesk.core.services.safety import nothing_else_running
from fashiondesk.core.progress import CancelToken
from fashiondesk.core.vision.shop import METHOD, Prior, Settings, Stopped, plan, teach, unsupported_moves
from fashiondesk.core.vision.spec import ModelSpec, shipped_spec
from fashiondesk.core.vision.tagging import category_source

log = logging.getLogger("fashiondesk.teaching")

MIN_EXAMPLES = Settings().min_examples
# Photos whose categories are written per transaction: each holds the write lock (and the
# catalogue's ``write_turn``) for 10-30 ms, so an edit made meanwhile waits no longer.
WRITE_CHUNK = 500


@dataclass(frozen=True)
class Teaching:
    """What the catalogue learned from staff, last time."""

    examples: int  # staff categories on photos embedded by the model (a missing photo still teaches)
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
        if not self.categories:
            if self.waiting:
                return "nothing learned yet: " + self.waiting_text()
            return "nothing learned yet: the categories are the shipped model's"
        taught = sum(1 for _, n in self.categories if n)
        text = f"learned from {self.examples} staff {'category' if self.examples == 1 else 'categories'} · " \
               f"{taught} {'category' if taught == 1 else 'categories'} taught"
        if self.accuracy is not None:
            text += f" · {self.accuracy:.0%} of staff's examples predicted right from the others"
        return text

    def waiting_text(self) -> str:
        return "; ".join(f"{name}: {n} of {self.min_examples} examples needed before it is suggested"
                         for name, n in self.waiting)


def version(model_version: str, examples: list[tuple[int, str]], settings: Settings) -> str:
    """The shop classifier's version for these examples: learning again from the same ones
    (same photos, same names as spelt) writes the same tags."""
    digest = hashlib.sha1(model_version.encode())
    digest.update(settings.digest().encode())
    for photo_id, name in sorted(examples):
        digest.update(f"{photo_id}\t{name}\n".encode())
    return f"{METHOD}-{digest.hexdigest()[:12]}"


def learn(catalogue: Catalogue, settings: Settings = Settings(), spec: ModelSpec | None = None,
          cancel: CancelToken | None = None) -> Teaching:
    """Re-learn from every staff category and re-tag every photo's automatic category.

    Refused (UserError) while an index run, a restore or a folder removal is under way; an
    index run learns at its end anyway."""
    with nothing_else_running(catalogue, translate("Catalogue", "learn")):
        return learn_now(catalogue, settings, spec, cancel)


def learn_now(catalogue: Catalogue, settings: Settings = Settings(), spec: ModelSpec | None = None,
              cancel: CancelToken | None = None) -> Teaching:
    """``learn`` for a caller that already holds the run lock (an index run). ``cancel``
    stops it between steps (the window closing): what it wrote so far carries the new
    version, the rest the old, so the next check learns again."""
    cancel = cancel or CancelToken()
    spec = spec or shipped_spec()
    started = time.perf_counter()
    with catalogue.sessions() as session:
        data = learned.stored(session, spec.version)
        examples = learned.examples(session, spec.version)
        logits = _fill_missing(data, session, spec)
    rows = {int(p): r for r, p in enumerate(data.photo_ids.tolist())}
    usable = [(rows[p], name) for p, name in examples if p in rows]
    # One BLAS thread: as fast here, and its spinning threads kept the window's GUI thread waiting.
    with threadpool_limits(limits=1, user_api="blas"):
        try:
            taught = teach(data.vectors, Prior(logits, spec.categories, spec.temperature), usable, tag_key, settings,
                           stop=lambda: cancel.cancelled)
        except Stopped:
            log.info("learning stopped before it wrote anything")
            return _stopped(len(usable), settings)
    classes: list[str] = taught.classes
    probs = taught.probs
    if probs is not None and logits is not None:
        # Where learning would move a photo without support, the model's category stays.
        keep = unsupported_moves(classes, probs, Prior(logits, spec.categories, spec.temperature), usable, tag_key,
                                 settings.min_examples, settings.drop_prior)
        if keep.any():
            model = np.zeros((int(keep.sum()), len(classes)))
            known = softmax(logits[keep], spec.temperature)
            for j, name in enumerate(spec.categories):
                if name in classes:
                    model[:, classes.index(name)] = known[:, j]
            probs = probs.copy()
            probs[keep] = model
    tag_version = version(spec.version, examples, settings)
    if probs is None:  # nothing taught: the shipped model's categories
        source = category_source(spec)
        classes = list(spec.categories) if logits is not None else []
        probs = softmax(logits, spec.temperature) if logits is not None else None
        tag_version = source.version if source else ""
    changed, tagged = set(), 0
    with catalogue.sessions() as session:
        if probs is not None and classes:
            for start in range(0, len(data.photo_ids), WRITE_CHUNK):
                if cancel.cancelled:
                    log.info("learning stopped after writing %d photos' categories", start)
                    break
                with catalogue.write_turn, session.begin():
                    learned.hold_write_lock(session)
                    part = range(start, min(start + WRITE_CHUNK, len(data.photo_ids)))
                    more, count = learned.write_categories(session, data, part, classes, probs, tag_version)
                changed |= more
                tagged += count
                time.sleep(0.001)  # an edit waiting for its turn takes it now
        else:
            with session.begin():
                learned.hold_write_lock(session)
                changed = learned.forget_learned(session)
        result = Teaching(
            examples=len(usable),
            categories=[(c, taught.examples.get(c, 0)) for c in taught.classes] if taught.probs is not None else [],
            waiting=sorted(taught.waiting.items()),
            min_examples=settings.min_examples,
            accuracy=taught.accuracy,
            held_out=taught.held_out,
            changed=len(changed),
            seconds=round(time.perf_counter() - started, 3),
            version=tag_version,
            photos=tagged,
        )
        with session.begin():
            learned.save_summary(session, {k: v for k, v in asdict(result).items() if k != "changed_ids"})
    log.info("learned from %d examples in %.2f s: %d photos tagged, %d changed, version %s",
             len(usable), result.seconds, tagged, len(changed), tag_version)
    return Teaching(**{**asdict(result), "changed_ids": sorted(changed)})


def _stopped(examples: int, settings: Settings) -> Teaching:
    return Teaching(examples=examples, categories=[], waiting=[], min_examples=settings.min_examples, accuracy=None,
                    held_out=0, changed=0, seconds=0.0, version="")


def _fill_missing(data: learned.Stored, session, spec: ModelSpec) -> np.ndarray | None:
    """The stored logits, with those of photos embedded before logits were stored
    (catalogues from before schema 4: they are kept until the photo is read again) made up
    from their automatic category: its confidence on it, the rest shared by the others."""
    if not spec.categories:
        return None
    k = len(spec.categories)
    logits = data.logits.copy() if data.logits is not None else np.full((len(data.photo_ids), k), np.nan, np.float32)
    missing = np.flatnonzero(np.isnan(logits).any(axis=1))
    if not len(missing):
        return logits
    current = learned.automatic_categories(session)
    for row in missing:
        name, confidence, _ = current.get(int(data.photo_ids[row]), (None, None, None))
        probs = np.full(k, 1.0 / k)
        if name in spec.categories:
            sure = min(max(confidence or 1.0 / k, 1.0 / k), 0.999)
            probs[:] = (1.0 - sure) / (k - 1)
            probs[spec.categories.index(name)] = sure
        logits[row] = np.log(probs) * spec.temperature
    return logits


def needs_learning(catalogue: Catalogue, settings: Settings = Settings(), spec: ModelSpec | None = None) -> bool:
    """True when some photo's automatic category is not what ``learn`` would write now:
    staff changed a category, or photos came in since."""
    spec = spec or shipped_spec()
    with catalogue.sessions() as session:
        data_ids = {p for p, in session.execute(
            select(Embedding.photo_id).where(Embedding.model_version == spec.version))}
        examples = learned.examples(session, spec.version)
        versions = learned.auto_versions(session, spec.version)
    usable = [(p, name) for p, name in examples if p in data_ids]
    prior = Prior(None, spec.categories, spec.temperature)
    if plan(prior, [(0, name) for _, name in usable], tag_key, settings).teaches:
        expected = {version(spec.version, examples, settings)}
    else:
        source = category_source(spec)
        if source is None:  # a model without categories: only learned ones to forget
            return any(v and v.startswith(METHOD) for v in versions)
        expected = {source.version}
    return bool(versions - expected)


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


def examples_behind(catalogue: Catalogue, photo_id: int, k: int = 6, spec: ModelSpec | None = None) -> list[Hit]:
    """The staff examples nearest to a photo among those of its automatic category: where a
    learned suggestion came from."""

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
