"""How alike two photos are, in words a shop uses, measured against the catalogue itself.

A cosine similarity means little on its own: photos taken in one style (flat-lay on white)
are all fairly alike, photos of people in the street much less. So a score is put in words
by where it stands among the similarities of pairs of photos drawn at random from the same
catalogue: closer than all but 0.1% of them is "very similar", 1% "similar", 10% "related".

On clothing-small (3,781 flat-lay photos, ten categories) those bounds are 0.80, 0.70 and
0.43; of the 12 nearest neighbours of each photo, 13% are then "very similar", 34% "similar"
and 53% "related", and they are of the photo's own category 99.7%, 99.2% and 94.0% of the
time (``python benchmarks/closeness.py --db cs.db``). A catalogue of fewer than
``MIN_PHOTOS`` photos has too few pairs to tell; it uses those clothing-small bounds.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

VERY_SIMILAR, SIMILAR, RELATED, LITTLE_ALIKE = "very similar", "similar", "related", "a little alike"
TOP = (0.999, 0.99, 0.90)  # the share of random pairs each word's photos are closer than
MIN_PHOTOS = 200
SAMPLE = 2000  # photos drawn: about two million pairs


@dataclass(frozen=True)
class Closeness:
    very_similar: float
    similar: float
    related: float
    measured_on: int = 0  # photos of the catalogue sampled; 0: the clothing-small bounds

    def word(self, score: float) -> str:
        if score >= self.very_similar:
            return VERY_SIMILAR
        if score >= self.similar:
            return SIMILAR
        if score >= self.related:
            return RELATED
        return LITTLE_ALIKE

    def explain(self, score: float) -> str:
        """One sentence for a tooltip: what the word means here."""
        word = self.word(score)
        share = {VERY_SIMILAR: "0.1%", SIMILAR: "1%", RELATED: "10%"}.get(word)
        where = "in this catalogue" if self.measured_on else "in the photos fashiondesk was tested on"
        if share is None:
            return f"{word.capitalize()}: less alike than most photos {where}"
        return f"{word.capitalize()}: more alike than all but {share} of pairs of photos {where}"


CLOTHING_SMALL = Closeness(very_similar=0.798, similar=0.695, related=0.428)


def measure(vectors: np.ndarray, seed: int = 0) -> Closeness:
    """The bounds for these photos' embeddings (rows, any norm), from random pairs."""
    n = len(vectors)
    if n < MIN_PHOTOS:
        return CLOTHING_SMALL
    rng = np.random.default_rng(seed)
    picked = vectors[rng.choice(n, size=min(n, SAMPLE), replace=False)].astype(np.float32)
    picked /= np.maximum(np.linalg.norm(picked, axis=1, keepdims=True), 1e-12)
    scores = (picked @ picked.T)[np.triu_indices(len(picked), 1)]
    very, similar, related = np.quantile(scores, TOP)
    return Closeness(float(very), float(similar), float(related), measured_on=len(picked))
