"""The shipped model in ONNX Runtime: the everyday inference path, free of torch."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from fashiondesk.core.vision.spec import DEFAULT_MODEL, MODELS_DIR, ModelSpec, model_paths


@dataclass(frozen=True)
class Prediction:
    embeddings: np.ndarray  # (N, D) float32, L2-normalised
    logits: np.ndarray  # (N, C) float32
    class_maps: np.ndarray | None = None  # (N, C, h, w) class activation maps, if the model has them


def usable_cores() -> int:
    """The cores this process may run on (an affinity mask or a container may allow fewer
    than the machine has)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # Windows, macOS
        return max(1, os.cpu_count() or 1)


class Embedder:
    """Runs batches of uint8 RGB images (N, S, S, 3) through the model.

    Threads: one per usable core (``threads`` overrides), which never spin-wait between
    operators: indexing decodes photos on as many threads beside the model, and a spinning
    thread takes a core a decode needs (measured on 2 cores, phone photos: 36.6 photos/s
    spinning with 2 decode threads, 39.5 without spinning and 3; small photos 119.9 and
    123.8; benchmarks/index_throughput.py)."""

    def __init__(self, onnx_path: Path, spec: ModelSpec, threads: int = 0, spinning: bool = False):
        import onnxruntime as ort

        options = ort.SessionOptions()
        options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
        options.intra_op_num_threads = threads or usable_cores()
        options.inter_op_num_threads = 1
        if not spinning:
            options.add_session_config_entry("session.intra_op.allow_spinning", "0")
        self.spec = spec
        self._session = ort.InferenceSession(
            str(onnx_path), sess_options=options, providers=["CPUExecutionProvider"]
        )
        self._outputs = [o.name for o in self._session.get_outputs()]

    @classmethod
    def load(cls, name: str = DEFAULT_MODEL, folder: Path = MODELS_DIR, threads: int = 0,
             spinning: bool = False) -> "Embedder":
        onnx_path, spec_path = model_paths(name, folder)
        if not onnx_path.exists() or not spec_path.exists():
            raise FileNotFoundError(f"model files not found: {onnx_path} / {spec_path}")
        return cls(onnx_path, ModelSpec.load(spec_path), threads, spinning)

    @property
    def version(self) -> str:
        return self.spec.version

    def run(self, images: np.ndarray) -> Prediction:
        size = self.spec.input_size
        if images.dtype != np.uint8 or images.shape[1:] != (size, size, 3):
            # The shipped graphs' padding is folded for this size (export_onnx.fold_static_padding).
            raise ValueError(f"expected uint8 (N, {size}, {size}, 3) images, got {images.dtype} {images.shape}")
        out = dict(zip(self._outputs, self._session.run(None, {"image": images})))
        return Prediction(out["embedding"], out["logits"], out.get("class_maps"))
