"""Similar items."""

from __future__ import annotations

import random
from dataclasses import replace
from typing import Callable, Sequence

import numpy as np

from fashiondesk.core.messages import translate
from fashiondesk.core.catalogue.db import Catalogue
from fashiondesk.core.index.closeness import CLOTHING_SMALL, SAMPLE, Closeness, measure
from fashiondesk.core.index.hnsw import VectorIndex
from fashiondesk.core.index.similar import (
    Filters,
    Hit,
    catalogued_ids,
    mean_direction,
    one_per_product,
    photo_vectors,
    product_members,
    search,
)
from fashiondesk.core.index.store import VectorTable, open_index
from fashiondesk.core.looks.suggest import ShopCache
from fashiondesk.core.services.errors import UserError
from fashiondesk.core.vision.runtime import Embedder
from fashiondesk.core.vision.spec import shipped_spec


def similar(
    catalogue: Catalogue,
    images: Sequence[str],
    k: int = 10,
    filters: Filters = Filters(),
    embedder: Embedder | None = None,
    index: VectorIndex | None = None,
    load_embedder: Callable[[], Embedder] = Embedder.load,
    products: bool = False,
) -> list[Hit]:
    """Photos most like the given ones (catalogued paths or any image files), best first.

    With ``products``, one photo per product (its best; a photo in no product is a product
    of its own), the query's own products left out, each hit carrying its product's handle.

    Catalogued photos are excluded from their own results. Images that are not in the
    catalogue are decoded and embedded on the fly, with the same preprocessing. A caller
    that keeps an index open (the window) passes it; otherwise it is opened and synced.
    ``load_embedder`` is called only when an outside photo needs embedding (the window
    passes one that keeps the model loaded between searches).
    """
    if not images:
        raise UserError("give at least one photo to compare with")
    if k < 1:
        raise UserError("-k must be at least 1")
    spec = embedder.spec if embedder else shipped_spec()
    ids = catalogued_ids(catalogue, spec.version, images)
    inside = [pid for pid in ids if pid is not None]
    outside = [image for image, pid in zip(images, ids) if pid is None]
    vectors: list[np.ndarray] = []
    if inside:
        found = photo_vectors(catalogue, spec.version, [i for i, pid in zip(images, ids) if pid is not None])
        if found is None:  # an index run removed or re-embedded one of them since catalogued_ids
            raise UserError(translate("Similar", "the catalogue changed while searching; try again"))
        vectors.append(found[1])
    if outside:
        vectors.append(_embed_files(outside, embedder or load_embedder()))
    exclude = set(inside)
    if index is None:
        index = open_index(catalogue, spec.version, spec.embedding_dim)
    query = mean_direction(np.concatenate(vectors))
    if not products:
        return search(catalogue, index, query, k, exclude, filters)
    exclude = product_members(catalogue, exclude)
    wanted = 3 * k
    while True:  # ask for more photos until k products are found or the catalogue runs out
        hits = search(catalogue, index, query, wanted, exclude, filters)
        kept = one_per_product(catalogue, hits)
        if len(kept) >= k or len(hits) < wanted:
            return kept[:k]
        wanted *= 4


def _embed_files(paths: Sequence[str], embedder: Embedder) -> np.ndarray:
    from fashiondesk.core.vision.imageload import UnreadableImage, load_rgb, read_photo

    batch = []
    for path in paths:
        try:
            data = read_photo(path)  # refuses pipes, devices and huge files before reading them
            batch.append(load_rgb(data, embedder.spec.input_size, embedder.spec.crop_pct,
                                      frame=embedder.spec.frames_studio).pixels)
        except UnreadableImage as exc:
            raise UserError(translate("Similar", "{path}: {why}").format(path=path, why=exc)) from exc
    return embedder.run(np.stack(batch)).embeddings


class SimilarSearch:
    """The window's similar-items searches: the index and the model stay loaded between
    searches (one thread uses an instance); ``mark_stale`` after an index run or a restore."""

    def __init__(self, catalogue: Catalogue):
        self._catalogue = catalogue
        self._index: VectorIndex | None = None
        self._embedder: Embedder | None = None
        self._closeness: Closeness | None = None
        self._vectors: VectorTable | None = None  # for outfits
        self._shops = ShopCache()

    def mark_stale(self) -> None:
        self._index = None
        self._closeness = None
        self._vectors = None
        self._shops.forget()

    def forget_categories(self) -> None:
        """Tags changed: the next outfit reads the photos' categories again."""
        self._shops.forget()

    def search(self, images: Sequence[str], k: int, filters: Filters = Filters(),
               prefer_colour: str | None = None, products: bool = False) -> list[Hit]:
        """The ``k`` photos most like ``images``; with ``prefer_colour``, those with that
        colour among their tags come first (most similar first), then the rest. With
        ``products``, one photo per product (see ``similar``)."""
        if self._index is None:
            spec = shipped_spec()
            self._index = open_index(self._catalogue, spec.version, spec.embedding_dim, save=False)
        if prefer_colour is None:
            return similar(self._catalogue, images, k, filters, index=self._index, load_embedder=self._model,
                           products=products)
        same = similar(self._catalogue, images, k, replace(filters, colour=prefer_colour), index=self._index,
                       load_embedder=self._model, products=products)
        def key(hit: Hit) -> object:
            return hit.product if products and hit.product else hit.photo_id

        seen = {key(h) for h in same}
        rest = similar(self._catalogue, images, k + len(same), filters, index=self._index, load_embedder=self._model,
                       products=products)
        return (same + [h for h in rest if key(h) not in seen])[:k]

    def outfit(self, image: str, k: int = 3, photo_id: int | None = None) -> list:
        """Pieces that complete the look of ``image`` (``services.outfit``), with the index
        and the model kept loaded."""
        from fashiondesk.core.services.outfits import outfit

        spec = shipped_spec()
        if self._index is None:
            self._index = open_index(self._catalogue, spec.version, spec.embedding_dim, save=False)
        if self._vectors is None:
            self._vectors = VectorTable.load(self._catalogue, spec.version)
        return outfit(self._catalogue, image, k, index=self._index, load_embedder=self._model, vectors=self._vectors,
                      shops=self._shops, photo_id=photo_id)

    def closeness(self) -> Closeness:
        """What the scores mean in this catalogue (``core.index.closeness``), measured once
        per index opened."""
        if self._closeness is None:
            from fashiondesk.core.index.store import indexed_ids, load_vectors

            spec = shipped_spec()
            ids = sorted(indexed_ids(self._catalogue, spec.version))
            picked = random.Random(0).sample(ids, min(len(ids), SAMPLE))
            chunks = [v for _ids, v in load_vectors(self._catalogue, spec.version, picked)]
            self._closeness = measure(np.concatenate(chunks)) if chunks else CLOTHING_SMALL
        return self._closeness

    def _model(self) -> Embedder:
        if self._embedder is None:
            self._embedder = Embedder.load()
        return self._embedder
