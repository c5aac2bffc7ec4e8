"""What travels with a shipped model: its version, input size, normalisation and labels.

A model is a pair of files in one folder: ``NAME.onnx`` and ``NAME.json`` (this spec).
The version string is stored with every embedding; a catalogue whose embeddings carry
another version is re-embedded on the next index run.
"""

from __future__ import annotations

import json
import sys
from dataclasses import asdict, dataclass, field
from pathlib import Path


def _resources() -> Path:
    """``resources/`` of the bundle (packaging/), of a checkout (or editable install), else
    the wheel's data files."""
    bundle = getattr(sys, "_MEIPASS", None)
    if getattr(sys, "frozen", False) and bundle:
        return Path(bundle) / "resources"
    checkout = Path(__file__).resolve().parents[3] / "resources"
    if (checkout / "models").is_dir():
        return checkout
    return Path(sys.prefix) / "share" / "fashiondesk"


RESOURCES = _resources()
MODELS_DIR = RESOURCES / "models"
DEFAULT_MODEL = "lite0-clothing"


@dataclass(frozen=True)
class ModelSpec:
    name: str
    version: str
    input_size: int
    mean: tuple[float, float, float]
    std: tuple[float, float, float]
    embedding_dim: int
    crop_pct: float = 0.875  # shorter side resized to input_size / crop_pct, centre crop
    # Category names in the order of the "logits" output; empty for a generic model,
    # whose logits are ImageNet classes rather than garment categories.
    categories: tuple[str, ...] = ()
    temperature: float = 1.0
    unsure_below: float = 0.0
    extra: dict = field(default_factory=dict)
    framing: str = ""  # "studio": studio shots are cut to their subject first (``framing.py``)

    @property
    def frames_studio(self) -> bool:
        return self.framing == "studio"

    @classmethod
    def load(cls, path: Path) -> "ModelSpec":
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        for key in ("mean", "std", "categories"):
            if key in data:
                data[key] = tuple(data[key])
        return cls(**data)

    def save(self, path: Path) -> None:
        Path(path).write_text(json.dumps(asdict(self), indent=2) + "\n", encoding="utf-8")


def model_paths(name: str = DEFAULT_MODEL, folder: Path = MODELS_DIR) -> tuple[Path, Path]:
    """The (onnx, json) pair of a shipped model."""
    return folder / f"{name}.onnx", folder / f"{name}.json"


def shipped_spec(name: str = DEFAULT_MODEL, folder: Path = MODELS_DIR) -> ModelSpec:
    """The spec of a shipped model, read without loading the model itself."""
    return ModelSpec.load(model_paths(name, folder)[1])
