"""What the words for similar items mean on a catalogue: the bounds ``core/index/closeness.py``
measures, and how often each word's neighbours are of the photo's own category.

Reads a catalogue indexed from a folder of category sub-folders (clothing-small:
``fashiondesk --db cs.db index clothing-small``); a photo's category is its folder's name.
For every photo, its 12 nearest neighbours (the detail panel's strip) are put in words.

    python benchmarks/closeness.py --db cs.db
"""

from __future__ import annotations

import argparse
import sqlite3

import numpy as np

from fashiondesk.core.index.closeness import LITTLE_ALIKE, RELATED, SIMILAR, VERY_SIMILAR, measure

STRIP = 12


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", required=True)
    args = parser.parse_args()
    with sqlite3.connect(args.db) as con:
        rows = con.execute("select p.path, e.vector from photos p join embeddings e on e.photo_id = p.id "
                           "where p.status = 'ok'").fetchall()
    vectors = np.stack([np.frombuffer(v, dtype=np.float32) for _p, v in rows])
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    folder = np.array([p.replace("\\", "/").split("/")[-2] for p, _v in rows])
    bounds = measure(vectors)
    print(f"{len(rows)} photos; bounds from {bounds.measured_on} sampled: very similar >= {bounds.very_similar:.3f}, "
          f"similar >= {bounds.similar:.3f}, related >= {bounds.related:.3f}")
    scores = vectors @ vectors.T
    np.fill_diagonal(scores, -2)
    nearest = np.argsort(-scores, axis=1)[:, :STRIP]
    near_scores = np.take_along_axis(scores, nearest, axis=1)
    same = folder[nearest] == folder[:, None]
    words = np.vectorize(bounds.word)(near_scores)
    print(f"{'word':16s} {'of the strip':>12s} {'same category':>14s}")
    for word in (VERY_SIMILAR, SIMILAR, RELATED, LITTLE_ALIKE):
        chosen = words == word
        share = chosen.mean()
        right = same[chosen].mean() if chosen.any() else float("nan")
        print(f"{word:16s} {share:12.1%} {right:14.1%}")


if __name__ == "__main__":
    main()
