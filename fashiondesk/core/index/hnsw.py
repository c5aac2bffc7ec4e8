"""hnswlib over L2-normalised embeddings, cosine space, with a JSON sidecar.

Labels are catalogue photo ids. Scores are cosine similarities in [-1, 1] (1 = the same
direction; hnswlib's cosine distance is 1 - similarity). Files are written to a temporary
name and renamed, the index before its sidecar; a sidecar that does not describe the
index file beside it (a crash between the two) makes ``load`` return None, and the caller
rebuilds from the catalogue, which is the source of truth.
"""

from __future__ import annotations

import json
import os
import threading
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Callable, Iterable

import hnswlib
import numpy as np

FORMAT = 1


@dataclass
class Sidecar:
    model_version: str
    dim: int
    count: int = 0
    M: int = 16
    ef_construction: int = 100
    space: str = "cosine"
    format: int = FORMAT
    deleted: list[int] = field(default_factory=list)


class VectorIndex:
    def __init__(self, sidecar: Sidecar, index: hnswlib.Index):
        self.sidecar = sidecar
        self._index = index
        self._deleted = set(sidecar.deleted)

    @classmethod
    def create(
        cls, model_version: str, dim: int, capacity: int = 1024, ef_construction: int | None = None
    ) -> "VectorIndex":
        sidecar = Sidecar(model_version, dim)
        if ef_construction:
            sidecar.ef_construction = ef_construction
        index = hnswlib.Index(space="cosine", dim=dim)
        index.init_index(max_elements=max(capacity, 16), M=sidecar.M, ef_construction=sidecar.ef_construction)
        index.set_ef(64)
        return cls(sidecar, index)

    @classmethod
    def load(cls, path: Path) -> "VectorIndex | None":
        side = sidecar_path(path)
        if not path.exists() or not side.exists():
            return None
        try:
            sidecar = Sidecar(**json.loads(side.read_text(encoding="utf-8")))
            if sidecar.format != FORMAT or sidecar.space != "cosine":
                return None
            index = hnswlib.Index(space="cosine", dim=sidecar.dim)
            index.load_index(str(path))
        except (OSError, ValueError, TypeError, RuntimeError):
            return None
        if index.element_count != sidecar.count:
            return None
        index.set_ef(64)
        return cls(sidecar, index)

    def save(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.sidecar.count = self._index.element_count
        self.sidecar.deleted = sorted(self._deleted)
        # One temporary name per writer: two processes (or threads) saving at once must
        # not write into the same file.
        unique = f"{os.getpid()}-{threading.get_ident()}"
        tmp = path.with_name(f"{path.name}.{unique}.tmp")
        self._index.save_index(str(tmp))
        os.replace(tmp, path)
        side = sidecar_path(path)
        tmp_side = side.with_name(f"{side.name}.{unique}.tmp")
        tmp_side.write_text(json.dumps(asdict(self.sidecar)), encoding="utf-8")
        os.replace(tmp_side, side)

    @property
    def live_ids(self) -> set[int]:
        return set(self._index.get_ids_list()) - self._deleted

    def __len__(self) -> int:
        return self._index.element_count - len(self._deleted)

    def add(self, ids: Iterable[int], vectors: np.ndarray) -> None:
        ids = np.asarray(list(ids), dtype=np.int64)
        if not len(ids):
            return
        for label in ids[np.isin(ids, list(self._deleted))] if self._deleted else ():
            self._index.unmark_deleted(int(label))
            self._deleted.discard(int(label))
        needed = self._index.element_count + len(ids)
        if needed > self._index.get_max_elements():
            self._index.resize_index(max(needed, 2 * self._index.get_max_elements()))
        self._index.add_items(np.asarray(vectors, dtype=np.float32), ids)

    def remove(self, ids: Iterable[int]) -> None:
        for label in ids:
            label = int(label)
            if label not in self._deleted:
                self._index.mark_deleted(label)
                self._deleted.add(label)

    def query(
        self, vectors: np.ndarray, k: int, allow: Callable[[int], bool] | None = None
    ) -> list[list[tuple[int, float]]]:
        """Nearest k per query vector as (photo id, cosine similarity), best first."""
        live = len(self)
        if live == 0 or k <= 0:
            return [[] for _ in range(len(vectors))]
        k = min(k, live)
        self._index.set_ef(max(64, 2 * k))
        labels, distances = self._index.knn_query(np.asarray(vectors, dtype=np.float32), k=k, filter=allow)
        return [
            [(int(l), float(1.0 - d)) for l, d in zip(row_l, row_d)]
            for row_l, row_d in zip(labels, distances)
        ]


def sidecar_path(path: Path) -> Path:
    return path.with_name(path.name + ".json")
