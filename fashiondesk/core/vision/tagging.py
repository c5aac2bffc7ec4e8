"""Category tags from the model's logits: calibrated probability, and an unsure mark.

The confidence is softmax(logits / T) with the temperature T fitted on the validation
split (temperature scaling). A category whose confidence is below the model's
``unsure_below`` (chosen on validation, see the model card) is still stored, and
``is_unsure`` tells the GUI to put it in the review list.
"""

from __future__ import annotations

import numpy as np

from fashiondesk.core.catalogue.models import CATEGORY
from fashiondesk.core.catalogue.writer import AutoTag
from fashiondesk.core.vision.metrics import softmax
from fashiondesk.core.vision.spec import ModelSpec


def category_tagger(spec: ModelSpec):
    if not spec.categories:
        return None

    def tag(images: np.ndarray, embeddings: np.ndarray, logits: np.ndarray) -> list[tuple[AutoTag, ...]]:
        probs = softmax(logits, spec.temperature)
        best = probs.argmax(axis=1)
        return [
            (AutoTag(CATEGORY, spec.categories[i], round(float(p[i]), 4)),)
            for i, p in zip(best, probs)
        ]

    return tag


def is_unsure(confidence: float | None, spec: ModelSpec) -> bool:
    return confidence is None or confidence < spec.unsure_below
