"""Similarity in words: bounds measured on the catalogue's own random pairs; same colour first."""

from __future__ import annotations

import numpy as np
from sqlalchemy import insert

from fashiondesk.core import services
from fashiondesk.core.catalogue.models import AUTO, COLOUR, Tag
from fashiondesk.core.index.closeness import (
    CLOTHING_SMALL,
    LITTLE_ALIKE,
    RELATED,
    SIMILAR,
    VERY_SIMILAR,
    measure,
)
from tests.gui.embedded import fill_embedded


def test_words_follow_the_catalogue_s_own_pairs():
    rng = np.random.default_rng(1)
    vectors = rng.normal(size=(1500, 32))
    bounds = measure(vectors)
    assert bounds.measured_on == 1500
    assert bounds.very_similar > bounds.similar > bounds.related
    unit = vectors / np.linalg.norm(vectors, axis=1, keepdims=True)
    pairs = (unit @ unit.T)[np.triu_indices(1500, 1)]
    assert abs((pairs >= bounds.similar).mean() - 0.01) < 0.002  # 1% of random pairs are "similar" or closer
    assert abs((pairs >= bounds.related).mean() - 0.10) < 0.01
    assert [bounds.word(s) for s in (0.99, (bounds.similar + bounds.very_similar) / 2, bounds.related, -0.5)] == [
        VERY_SIMILAR, SIMILAR, RELATED, LITTLE_ALIKE]
    assert "all but 1%" in bounds.explain(bounds.similar) and "in this catalogue" in bounds.explain(bounds.similar)


def test_a_style_where_everything_is_alike_needs_more_to_be_similar():
    rng = np.random.default_rng(2)
    varied = rng.normal(size=(800, 32))
    alike = varied * 0.3 + 3.0  # one look: every pair far more alike
    assert measure(alike).similar > measure(varied).similar


def test_a_small_catalogue_uses_the_tested_bounds():
    assert measure(np.ones((20, 8))) == CLOTHING_SMALL
    assert "tested on" in CLOTHING_SMALL.explain(0.9)


def test_same_colour_first_then_the_rest(catalogue):
    clusters = fill_embedded(catalogue, 300)
    dresses = clusters["dress"]
    red = set(dresses[10:15]) | set(clusters["hat"][:3])
    with catalogue.sessions() as session, session.begin():
        session.execute(insert(Tag), [dict(photo_id=p, kind=COLOUR, name="red", source=AUTO, confidence=0.6)
                                      for p in red])
    search = services.SimilarSearch(catalogue)
    query = services.browse.photo_detail(catalogue, dresses[0]).path
    plain = search.search([query], 12)
    preferred = search.search([query], 12, prefer_colour="red")
    assert len(preferred) == 12
    first = [h.photo_id for h in preferred[:len(red)]]
    assert set(first) <= red and set(dresses[10:15]) <= set(first)  # the red dresses lead, most similar first
    assert [h.score for h in preferred[:5]] == sorted([h.score for h in preferred[:5]], reverse=True)
    assert [h.photo_id for h in preferred if h.photo_id not in red] == [h.photo_id for h in plain
                                                                        if h.photo_id not in red][:12 - len(first)]
    assert dresses[0] not in {h.photo_id for h in preferred}
    assert search.closeness().measured_on == 300
