"""Automatic tags for a batch: the category with a calibrated confidence, colours, and any
kind registered later.

The category confidence is softmax(logits / T) with the temperature T fitted on the
validation split (temperature scaling). A category whose confidence is below the model's
``unsure_below`` (chosen on validation, see the model card) is still stored; the window
lists it for review (``catalogue.queries.needs_review``).

Colours come from the same pass: the decoded pixels plus the model's class activation
map for the predicted category as the garment mask (``colours.dominant_colours``); each
is stored with its share of the garment as the confidence and its hex value.

Each source says what it needs to run again without the model (``Source.needs``): the
category needs the stored logits, colours the pixels and the stored garment map. So a new
colour method re-tags from a decode alone, and a new category calibration from the
catalogue alone; only a new embedding model runs the model again.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

import numpy as np

from fashiondesk.core import tagsources
from fashiondesk.core.records import CATEGORY, COLOUR, AutoTag, SourceRun
from fashiondesk.core.vision.colours import Colour, batch_dominant_colours
from fashiondesk.core.vision.metrics import softmax
from fashiondesk.core.vision.runtime import Prediction
from fashiondesk.core.vision.spec import ModelSpec

PIXELS, LOGITS, GARMENT_MAP = "pixels", "logits", "garment_map"


@dataclass(frozen=True)
class Outputs:
    """What the model said about a batch, fresh or read back from the catalogue."""

    logits: np.ndarray | None  # (N, C) float32
    garment_maps: np.ndarray | None  # (N, h, w): the activation map of each photo's predicted category

    @classmethod
    def of(cls, prediction: Prediction) -> "Outputs":
        maps = prediction.class_maps
        if maps is not None:
            maps = maps[np.arange(len(maps)), np.argmax(prediction.logits, axis=1)]
        return cls(prediction.logits, maps)


Make = Callable[[np.ndarray | None, Outputs], list[tuple[AutoTag, ...]]]


@dataclass(frozen=True)
class Source:
    kind: str
    version: str
    needs: frozenset[str]
    make: Make  # (images or None, outputs) -> each photo's tags

    @property
    def run(self) -> SourceRun:
        return SourceRun(self.kind, self.version, self.needs)


def category_source(spec: ModelSpec) -> Source | None:
    if not spec.categories:
        return None
    version = f"{spec.version}/T{spec.temperature:g}"

    def make(images: np.ndarray | None, outputs: Outputs) -> list[tuple[AutoTag, ...]]:
        if outputs.logits is None:
            raise ValueError("the category source needs the model's logits")
        probs = softmax(outputs.logits, spec.temperature)
        best = probs.argmax(axis=1)
        return [(AutoTag(CATEGORY, spec.categories[i], round(float(p[i]), 4), version=version),) for i, p in zip(best, probs)]

    return Source(CATEGORY, version, frozenset({LOGITS}), make)


def colour_source(spec: ModelSpec) -> Source:
    declared = tagsources.source(COLOUR)
    if declared is None:
        raise LookupError("the colour source is not declared in core/tagsources.py")
    version = declared.version

    def make(images: np.ndarray | None, outputs: Outputs) -> list[tuple[AutoTag, ...]]:
        if images is None:
            raise ValueError("the colour source needs pixels")
        found: list[list[Colour]] = batch_dominant_colours(images, outputs.garment_maps)
        return [tuple(AutoTag(COLOUR, c.name, c.share, c.hex, version) for c in colours) for colours in found]

    return Source(COLOUR, version, frozenset({PIXELS, GARMENT_MAP}), make)


# Sources added by other modules: a function of the model's spec giving a Source (or None).
_REGISTERED: list[Callable[[ModelSpec], Source | None]] = []


def register(factory: Callable[[ModelSpec], Source | None]) -> None:
    """Add a kind of automatic tag (declare it in ``core/tagsources.py`` too)."""
    _REGISTERED.append(factory)


def sources(spec: ModelSpec) -> list[Source]:
    found = [category_source(spec), colour_source(spec)] + [factory(spec) for factory in _REGISTERED]
    return [s for s in found if s is not None]


def auto_tagger(spec: ModelSpec):
    """Every source, in one call per batch: (images, prediction) -> each photo's tags."""
    everything = sources(spec)

    def tag(images: np.ndarray, prediction: Prediction) -> list[tuple[AutoTag, ...]]:
        return tag_with(everything, images, Outputs.of(prediction))

    return tag


def tag_with(chosen: list[Source], images: np.ndarray | None, outputs: Outputs) -> list[tuple[AutoTag, ...]]:
    if images is not None:
        count = len(images)
    elif outputs.logits is not None:
        count = len(outputs.logits)
    else:
        raise ValueError("neither pixels nor logits: nothing says how many photos there are")
    tags: list[tuple[AutoTag, ...]] = [() for _ in range(count)]
    for source in chosen:
        tags = [mine + new for mine, new in zip(tags, source.make(images, outputs))]
    return tags


def batch_colours(images: np.ndarray, prediction: Prediction) -> list[list[Colour]]:
    """Each photo's colours, with the activation map of its predicted category."""
    return batch_dominant_colours(images, Outputs.of(prediction).garment_maps)
