"""Model-only inference speed of each shipped model in ONNX Runtime (batch 32, 224 px).

    python benchmarks/model_speed.py
"""

from __future__ import annotations

import statistics
import time

import numpy as np

from fashiondesk.core.vision.runtime import Embedder

NAMES = ("lite0-imagenet", "lite0-clothing")


def main(rounds: int = 7) -> None:
    batch = np.random.default_rng(0).integers(0, 255, (32, 224, 224, 3), dtype=np.uint8)
    models = {name: Embedder.load(name) for name in NAMES}
    times = {name: [] for name in NAMES}
    for m in models.values():
        m.run(batch)
    for _ in range(rounds):  # interleaved, so machine noise hits both alike
        for name, m in models.items():
            t = time.perf_counter()
            m.run(batch)
            times[name].append(time.perf_counter() - t)
    base = statistics.median(times[NAMES[0]])
    for name in NAMES:
        med = statistics.median(times[name])
        print(f"{name}: {32 / med:.1f} img/s (median of {rounds} batches of 32), {med / base:.2f}x the time of {NAMES[0]}")


if __name__ == "__main__":
    main()
