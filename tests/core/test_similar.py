import dataclasses
import io
import shutil

import numpy as np
import pytest
from PIL import Image
from sqlalchemy import select

from fashiondesk.core import services
from fashiondesk.core.catalogue.models import AUTO, CATEGORY, Photo, Tag
from fashiondesk.core.index.hnsw import VectorIndex, sidecar_path
from fashiondesk.core.index.similar import Filters
from fashiondesk.core.index.store import index_path, indexed_ids, open_index
from fashiondesk.core.vision.runtime import Embedder


@pytest.fixture
def shop(catalogue, embedder, sample_photos):
    folder = sample_photos(30)
    services.add_folders(catalogue, [folder])
    services.index(catalogue, embedder=embedder)
    return folder


def live(catalogue, embedder):
    return open_index(catalogue, embedder.version, embedder.spec.embedding_dim).live_ids


def test_index_follows_add_delete_and_move(catalogue, embedder, shop):
    assert live(catalogue, embedder) == indexed_ids(catalogue, embedder.version)
    assert len(live(catalogue, embedder)) == 30
    gone = shop / "hat-1.jpg"
    gone.unlink()
    moved_from = shop / "dress-2.jpg"
    shutil.move(moved_from, shop / "moved dress.jpg")
    services.index(catalogue, embedder=embedder)
    ids = live(catalogue, embedder)
    assert ids == indexed_ids(catalogue, embedder.version) and len(ids) == 29
    hits = services.similar(catalogue, [str(shop / "moved dress.jpg")], k=29, embedder=embedder)
    paths = [h.path for h in hits]
    assert str(gone) not in paths and str(moved_from) not in paths
    assert str(shop / "moved dress.jpg") not in paths  # the query itself is excluded
    assert len(hits) == 28


def test_crash_between_catalogue_and_index_is_repaired(catalogue, embedder, shop):
    path = index_path(catalogue)
    stale = VectorIndex.load(path)
    victim = sorted(stale.live_ids)[0]
    stale.remove([victim])  # as if the index had missed a photo the catalogue has
    stale.save(path)
    assert victim not in VectorIndex.load(path).live_ids
    assert victim in live(catalogue, embedder)
    # A sidecar that does not describe its file means a rebuild.
    sidecar_path(path).write_text('{"model_version": "x", "dim": 1280, "count": 3}')
    assert VectorIndex.load(path) is None
    assert len(live(catalogue, embedder)) == 30


def test_model_change_rebuilds(catalogue, embedder, shop):
    newer = Embedder.__new__(Embedder)
    newer.__dict__.update(embedder.__dict__)
    newer.spec = dataclasses.replace(embedder.spec, version="test-version-2")
    services.index(catalogue, embedder=newer)
    index = VectorIndex.load(index_path(catalogue))
    assert index.sidecar.model_version == "test-version-2" and len(index) == 30


def test_resaved_outside_copy_finds_the_original_first(catalogue, embedder, shop, tmp_path):
    original = shop / "shirt-2.jpg"
    img = Image.open(original)
    buf = io.BytesIO()
    img.resize((img.width * 3 // 4, img.height * 3 // 4)).save(buf, "PNG")
    outside = tmp_path / "customer photo.png"
    outside.write_bytes(buf.getvalue())
    hits = services.similar(catalogue, [str(outside)], k=5, embedder=embedder)
    assert hits[0].path == str(original) and hits[0].score > 0.9
    assert all(-1.0 <= h.score <= 1.0 for h in hits)
    assert [h.score for h in hits] == sorted((h.score for h in hits), reverse=True)


def test_same_category_neighbours_rank_high(catalogue, embedder, shop):
    hits = services.similar(catalogue, [str(shop / "shoes-1.jpg")], k=2, embedder=embedder)
    assert all("shoes" in h.path for h in hits)


def test_several_photos_at_once(catalogue, embedder, shop):
    queries = [str(shop / "pants-1.jpg"), str(shop / "pants-2.jpg")]
    hits = services.similar(catalogue, queries, k=3, embedder=embedder)
    assert not set(queries) & {h.path for h in hits}
    assert hits[0].path == str(shop / "pants-3.jpg")


def test_filters_return_k_when_k_matches_exist(catalogue, embedder, shop):
    with catalogue.sessions() as s, s.begin():
        s.execute(Tag.__table__.delete().where(Tag.kind == CATEGORY))  # known values instead of the model's
        for photo in s.scalars(select(Photo)):
            name = photo.path.rsplit("/", 1)[1].split("-")[0]
            s.add(Tag(photo_id=photo.id, kind=CATEGORY, name=name, source=AUTO, confidence=0.9))
    services.tag(catalogue, [str(shop / "hat-2.jpg"), str(shop / "dress-3.jpg")], add=["Sale"])
    hits = services.similar(catalogue, [str(shop / "shoes-1.jpg")], k=3, filters=Filters(category="skirt"), embedder=embedder)
    assert len(hits) == 3 and all("skirt" in h.path for h in hits)
    hits = services.similar(catalogue, [str(shop / "shoes-1.jpg")], k=5, filters=Filters(tag="sale"), embedder=embedder)
    assert sorted(h.path for h in hits) == sorted([str(shop / "hat-2.jpg"), str(shop / "dress-3.jpg")])
    hits = services.similar(
        catalogue, [str(shop / "hat-2.jpg")], k=5, filters=Filters(category="hat", tag="sale"), embedder=embedder
    )
    assert hits == []  # the only match is the query itself


def test_unreadable_outside_photo_is_a_user_error(catalogue, embedder, shop, tmp_path):
    bad = tmp_path / "x.jpg"
    bad.write_bytes(b"nope")
    with pytest.raises(services.UserError, match="not an image"):
        services.similar(catalogue, [str(bad)], embedder=embedder)


def test_scores_are_cosine_similarities(catalogue, embedder, shop):
    index = open_index(catalogue, embedder.version, embedder.spec.embedding_dim)
    v = np.zeros(embedder.spec.embedding_dim, dtype=np.float32)
    v[0] = 1.0
    (pid, score), *_ = index.query(v[None], 1)[0]
    with catalogue.sessions() as s:
        from fashiondesk.core.catalogue.models import Embedding

        stored = np.frombuffer(s.scalar(select(Embedding.vector).where(Embedding.photo_id == pid)), dtype=np.float32)
    assert score == pytest.approx(float(stored[0]), abs=1e-5)


def test_duplicates_are_grouped_by_kind_with_the_file_to_keep(catalogue, embedder, shop, monkeypatch):
    original = shop / "outwear-1.jpg"
    img = Image.open(original)
    img.save(shop / "outwear-1 resaved.jpg", "JPEG", quality=60)
    img.resize((img.width // 2, img.height // 2)).save(shop / "outwear-1 small.png")
    shutil.copy(shop / "skirt-2.jpg", shop / "skirt-2 copy.jpg")
    services.index(catalogue, embedder=embedder)
    found = services.duplicates(catalogue)
    as_sets = sorted(((g.kind, sorted(p.path.rsplit("/", 1)[1] for p in g.photos)) for g in found.groups),
                     key=lambda g: len(g[1]), reverse=True)
    assert as_sets == [
        ("near", ["outwear-1 resaved.jpg", "outwear-1 small.png", "outwear-1.jpg"]),
        ("exact", ["skirt-2 copy.jpg", "skirt-2.jpg"]),
    ]
    near = next(g for g in found.groups if g.kind == "near")
    assert near.score >= 0.85
    keep = [p for p in near.photos if p.keep]
    assert len(keep) == 1 and keep[0].path.endswith("outwear-1.jpg")  # the most pixels
    assert found.unchecked == 0
    with pytest.raises(services.UserError):
        services.duplicates(catalogue, threshold=2.0)
    with pytest.raises(services.UserError):
        services.duplicates(catalogue, kinds=["copies"])


def test_a_query_the_graph_cannot_fill_gives_fewer_answers_not_an_error(monkeypatch):
    """hnswlib refuses a query its search cannot fill ("Cannot return the results in a
    contiguous 2D array"), as seen for a filter of 1,500 photos among 20,000 copies of a few
    hundred: the index then asks for fewer, and answers with fewer instead of failing."""
    from fashiondesk.core.index.hnsw import VectorIndex

    rng = np.random.default_rng(0)
    vectors = rng.normal(size=(500, 64)).astype(np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    index = VectorIndex.create("test", 64, capacity=500)
    index.add(range(500), vectors)
    real = index._index.knn_query
    reachable = 40

    def refusing(data, k=1, filter=None):
        if k > reachable:
            raise RuntimeError("Cannot return the results in a contiguous 2D array. Probably ef or M is too small")
        return real(data, k=k, filter=filter)

    monkeypatch.setattr(index, "_index", type("Refusing", (), {
        "knn_query": staticmethod(refusing), "set_ef": index._index.set_ef,
        "element_count": index._index.element_count})())
    hits = index.query(vectors[:1], 150)[0]
    assert 0 < len(hits) <= reachable and hits[0][0] == 0
    reachable = 0
    assert index.query(vectors[:1], 150) == [[]]
