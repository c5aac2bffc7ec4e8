"""Training end to end on a tiny dataset made from the bundled sample photos."""

import shutil

import numpy as np
import pytest

pytest.importorskip("torch")

from fashiondesk.core import services  # noqa: E402
from fashiondesk.core.catalogue.models import CATEGORY, Tag  # noqa: E402
from fashiondesk.core.vision.evaluate import evaluate, format_report  # noqa: E402
from fashiondesk.core.vision.runtime import Embedder  # noqa: E402
from fashiondesk.core.vision.train import TrainConfig, choose_unsure_threshold, export_trained, train  # noqa: E402
from tests.conftest import SAMPLE  # noqa: E402

CLASSES = ["hat", "pants", "shoes"]


@pytest.fixture(scope="module")
def tiny(tmp_path_factory):
    root = tmp_path_factory.mktemp("tiny") / "dataset"
    for cls in CLASSES:
        files = sorted(SAMPLE.glob(f"{cls}-*.jpg"))
        for split, part in (("train", files), ("validation", files[:2]), ("test", files[1:])):
            (root / split / cls).mkdir(parents=True, exist_ok=True)
            for f in part:
                shutil.copy(f, root / split / cls / f.name)
    return root


@pytest.fixture(scope="module")
def trained(tiny, tmp_path_factory):
    work = tmp_path_factory.mktemp("work")
    out = tmp_path_factory.mktemp("models")
    model, report = train(tiny, work, TrainConfig(views=2, epochs=4, batch_size=4), log=lambda _: None)
    export_trained(model, report, tiny, work, "tiny-test", out)
    return out, report, work


def test_training_runs_and_exports_a_model(trained):
    out, report, work = trained
    assert report["classes"] == CLASSES
    assert len(report["history"]) == 4 and 1 <= report["best_epoch"] <= 4
    assert 0.1 <= report["temperature"] <= 10
    embedder = Embedder.load("tiny-test", folder=out)
    assert embedder.spec.categories == tuple(CLASSES)
    pred = embedder.run(np.zeros((2, 224, 224, 3), dtype=np.uint8))
    assert pred.logits.shape == (2, 3) and pred.embeddings.shape == (2, 1280)
    assert (work / "checkpoint.pt").exists()
    # Calibrated on the validation photos as they are and in views unlike the training style.
    assert (work / "validation-shifted.pt").exists() and 0 <= report["shifted_accuracy"] <= 1
    assert embedder.spec.frames_studio and embedder.spec.extra["recipe"]["calibrate_on_shifted"]


def test_interrupted_training_resumes(tiny, trained):
    _, report, work = trained
    model, again = train(tiny, work, TrainConfig(views=2, epochs=4, batch_size=4), log=lambda _: None)
    assert again["history"] == report["history"]  # nothing retrained: resumed after the last epoch


def test_evaluate_reports_every_metric(tiny, trained):
    out, _, _ = trained
    report = evaluate(tiny, Embedder.load("tiny-test", folder=out))
    for key in ("accuracy", "macro_f1", "ece", "retrieval_p@10", "retrieval_map", "per_class", "confusion"):
        assert key in report
    assert np.array(report["confusion"]).sum() == report["queries"] == 6
    assert "confusion" in format_report(report)


def test_generic_model_evaluates_retrieval_only(tiny):
    report = evaluate(tiny, Embedder.load("lite0-imagenet"))
    assert "skipped" in report["classification"] and 0 <= report["retrieval_p@10"] <= 1


def test_index_stores_calibrated_category_tags(trained, catalogue, sample_photos):
    out, _, _ = trained
    folder = sample_photos(6)
    services.add_folders(catalogue, [folder])
    services.index(catalogue, embedder=Embedder.load("tiny-test", folder=out))
    with catalogue.sessions() as s:
        tags = list(s.query(Tag).filter(Tag.kind == CATEGORY))
    assert len(tags) == 6
    assert all(t.name in CLASSES and 0 < t.confidence <= 1 and t.source == "auto" for t in tags)


def test_unsure_threshold_by_hand():
    probs = np.array([[0.95, 0.05], [0.85, 0.15], [0.6, 0.4], [0.55, 0.45]])
    labels = np.array([0, 0, 1, 0])  # the 0.6 one is wrong
    assert choose_unsure_threshold(probs, labels, target=0.97) == 0.61


def test_shipped_model_names_sample_photos():
    """The default model knows the garment categories. (The sample photos come from the
    training split, so this checks the shipped files and the path, not generalisation;
    `fashiondesk evaluate` on the test split measures that.)"""
    from fashiondesk.core.vision.imageload import load_rgb
    from fashiondesk.core.vision.tagging import Outputs, category_source

    embedder = Embedder.load()
    assert set(CLASSES) <= set(embedder.spec.categories)
    names = ["dress-1.jpg", "hat-1.jpg", "pants-2.jpg", "shoes-3.jpg", "skirt-1.jpg", "t-shirt-2.jpg"]
    batch = np.stack([load_rgb((SAMPLE / n).read_bytes(), 224).pixels for n in names])
    pred = embedder.run(batch)
    tags = category_source(embedder.spec).make(batch, Outputs.of(pred))
    assert [t[0].name for t in tags] == [n.rsplit("-", 1)[0] for n in names]
    assert pred.class_maps.shape == (len(names), len(embedder.spec.categories), 7, 7)
    sure = {n: t[0].confidence for n, t in zip(names, tags)}
    # The long skirt (a slit, no waistband in view) is the one the issue names: the first
    # model called such skirts dress with 86%; this one sends it to review.
    assert sure.pop("skirt-1.jpg") < embedder.spec.unsure_below
    assert all(c > 0.5 for c in sure.values())


def test_style_free_views_are_repeatable_and_differ_from_flat_lay_views():
    import random

    from fashiondesk.core.vision.augment import FLAT_LAY, STYLE_FREE, augmented_view

    data = (SAMPLE / "dress-1.jpg").read_bytes()
    one = augmented_view(data, 224, random.Random(5), STYLE_FREE)
    assert one.shape == (224, 224, 3) and one.dtype == np.uint8
    assert np.array_equal(one, augmented_view(data, 224, random.Random(5), STYLE_FREE))
    views = [augmented_view(data, 224, random.Random(i), STYLE_FREE) for i in range(20)]
    flat = [augmented_view(data, 224, random.Random(i), FLAT_LAY) for i in range(20)]
    grey = [v for v in views if np.abs(v[..., 0].astype(int) - v[..., 2]).max() == 0]
    assert 0 < len(grey) < 20  # some grey-scale views, not all
    assert not any(np.abs(v[..., 0].astype(int) - v[..., 2]).max() == 0 for v in flat)
