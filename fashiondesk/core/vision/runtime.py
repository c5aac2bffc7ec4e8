"""The shipped model in ONNX Runtime: the everyday inference path, free of torch."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np

from fashiondesk.core.vision.spec import DEFAULT_MODEL, MODELS_DIR, ModelSpec, model_paths


@dataclass(frozen=True)
class Prediction:
    embeddings: np.ndarray  # (N, D) float32, L2-normalised
    logits: np.ndarray  # (N, C) float32
    class_maps: np.ndarray | None = None  # (N, C, h, w) class activation maps, if the model has them


class Embedder:
    """Runs batches of uint8 RGB images (N, S, S, 3) through the model."""

    def __init__(self, onnx_path: Path, spec: ModelSpec, threads: int = 0):
        import onnxruntime as ort

        options = ort.SessionOptions()
        options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
        if threads:
            options.intra_op_num_threads = threads
        options.inter_op_num_threads = 1
        self.spec = spec
        self._session = ort.InferenceSession(
            str(onnx_path), sess_options=options, providers=["CPUExecutionProvider"]
        )
        self._outputs = [o.name for o in self._session.get_outputs()]

    @classmethod
    def load(cls, name: str = DEFAULT_MODEL, folder: Path = MODELS_DIR, threads: int = 0) -> "Embedder":
        onnx_path, spec_path = model_paths(name, folder)
        if not onnx_path.exists() or not spec_path.exists():
            raise FileNotFoundError(f"model files not found: {onnx_path} / {spec_path}")
        return cls(onnx_path, ModelSpec.load(spec_path), threads)

    @property
    def version(self) -> str:
        return self.spec.version

    def run(self, images: np.ndarray) -> Prediction:
        if images.dtype != np.uint8 or images.ndim != 4 or images.shape[-1] != 3:
            raise ValueError(f"expected uint8 (N, S, S, 3) images, got {images.dtype} {images.shape}")
        out = dict(zip(self._outputs, self._session.run(None, {"image": images})))
        return Prediction(out["embedding"], out["logits"], out.get("class_maps"))
