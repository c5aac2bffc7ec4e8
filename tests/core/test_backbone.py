"""The Lite0 port against the ImageNet weights, and the shipped ONNX file against the port."""

import numpy as np
import pytest

torch = pytest.importorskip("torch")

from fashiondesk.core.vision.imageload import load_rgb  # noqa: E402
from fashiondesk.core.vision.lite0 import load_imagenet  # noqa: E402
from tests.conftest import SAMPLE  # noqa: E402

# ImageNet-1k class indices (torchvision's ResNet50_Weights.IMAGENET1K_V1 names them).
SHOES = {774: "sandal", 502: "clog", 630: "Loafer", 514: "cowboy boot", 770: "running shoe"}
FOOTWEAR = SHOES | {806: "sock", 615: "knee pad", 464: "buckle"}


@pytest.fixture(scope="module")
def model():
    return load_imagenet()


def pixels(name):
    return load_rgb((SAMPLE / name).read_bytes(), 224).pixels


def torch_forward(model, batch):
    x = torch.from_numpy(batch.copy()).permute(0, 3, 1, 2).float()
    x = (x / 255.0 - 0.498) / 0.502
    with torch.no_grad():
        return model.features(x).numpy(), model(x).numpy()


def test_shoes_get_footwear_classes(model):
    batch = np.stack([pixels(f"shoes-{i}.jpg") for i in (1, 2, 3)])
    _, logits = torch_forward(model, batch)
    for row in logits:
        top3 = [int(i) for i in np.argsort(row)[::-1][:3]]
        assert top3[0] in SHOES, [FOOTWEAR.get(i, i) for i in top3]
        assert set(top3) & set(FOOTWEAR)


def test_onnx_matches_torch(model):
    from fashiondesk.core.vision.runtime import Embedder

    embedder = Embedder.load("lite0-imagenet", threads=1)
    batch = np.stack([pixels(n) for n in ("dress-1.jpg", "hat-2.jpg", "pants-3.jpg")])
    features, logits = torch_forward(model, batch)
    prediction = embedder.run(batch)
    expected = features / np.linalg.norm(features, axis=1, keepdims=True)
    assert np.abs(prediction.embeddings - expected).max() < 1e-4
    assert np.abs(prediction.logits - logits).max() < 1e-2
    assert np.allclose(np.linalg.norm(prediction.embeddings, axis=1), 1.0, atol=1e-5)
