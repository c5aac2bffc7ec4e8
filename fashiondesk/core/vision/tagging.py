"""Automatic tags for a batch: the category with a calibrated confidence, and colours.

The category confidence is softmax(logits / T) with the temperature T fitted on the
validation split (temperature scaling). A category whose confidence is below the model's
``unsure_below`` (chosen on validation, see the model card) is still stored; the window
lists it for review (``catalogue.queries.needs_review``).

Colours come from the same pass: the decoded pixels plus the model's class activation
map for the predicted category as the garment mask (``colours.dominant_colours``); each
is stored with its share of the garment as the confidence and its hex value.
"""

from __future__ import annotations

import numpy as np

from fashiondesk.core.records import CATEGORY, COLOUR, AutoTag
from fashiondesk.core.vision.colours import Colour, batch_dominant_colours
from fashiondesk.core.vision.metrics import softmax
from fashiondesk.core.vision.runtime import Prediction
from fashiondesk.core.vision.spec import ModelSpec


def category_tagger(spec: ModelSpec):
    if not spec.categories:
        return None

    def tag(images: np.ndarray, prediction: Prediction) -> list[tuple[AutoTag, ...]]:
        probs = softmax(prediction.logits, spec.temperature)
        best = probs.argmax(axis=1)
        return [
            (AutoTag(CATEGORY, spec.categories[i], round(float(p[i]), 4)),)
            for i, p in zip(best, probs)
        ]

    return tag


def batch_colours(images: np.ndarray, prediction: Prediction) -> list[list[Colour]]:
    """Each photo's colours, with the activation map of its predicted category."""
    maps = prediction.class_maps
    if maps is not None:
        maps = maps[np.arange(len(images)), np.argmax(prediction.logits, axis=1)]
    return batch_dominant_colours(images, maps)


def auto_tagger(spec: ModelSpec):
    """Category (when the model has categories) and colour tags, in one call per batch."""
    categories = category_tagger(spec)

    def tag(images: np.ndarray, prediction: Prediction) -> list[tuple[AutoTag, ...]]:
        first = categories(images, prediction) if categories else [() for _ in images]
        return [
            tags + tuple(AutoTag(COLOUR, c.name, c.share, c.hex) for c in found)
            for tags, found in zip(first, batch_colours(images, prediction))
        ]

    return tag
