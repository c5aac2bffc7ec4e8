"""What colour tagging costs inside indexing (issue 6: at most 10% of the throughput).

    python benchmarks/colour_cost.py [--n 1000] [--repeats 3]

Runs whole `fashiondesk index` processes on the same N photos of clothing-small (fresh
catalogue each time), in pairs: with colours (as shipped) and without (the same
command with the tagger limited to the category), the order swapped every pair so
that neither side always runs first. Prints the median photos/s of each, the cost of
colours as a share of the throughput, and the median of the per-pair costs (the
machine is shared, and a pair's two runs see the most similar load).
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from index_throughput import photos  # noqa: E402

WITHOUT_COLOURS = r"""
import sys
from fashiondesk.core.services import indexing
from fashiondesk.core.vision import tagging
indexing.tag_sources = lambda spec: [tagging.category_source(spec)]
from fashiondesk.cli.main import main
sys.exit(main(sys.argv[1:]))
"""
WITH_COLOURS = r"""
import sys
from fashiondesk.cli.main import main
sys.exit(main(sys.argv[1:]))
"""


def run(code: str, folder: Path, db: Path) -> float:
    for suffix in ("", "-wal", "-shm", ".hnsw", ".hnsw.json"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", code, "--db", str(db), "index", str(folder), "--quiet"],
                   check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - start


def paired_runs(variants: dict[str, str], n: int, repeats: int) -> dict[str, list[float]]:
    """Seconds of whole `fashiondesk index` runs of each variant's code on the same N photos,
    the variants' order reversed every repeat (so neither always runs first)."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "photos"
        folder.mkdir()
        for i, src in enumerate(photos(n)):
            shutil.copy(src, folder / f"{i:05d}-{src.name}")
        times: dict[str, list[float]] = {name: [] for name in variants}
        order = [(name, code, f"{i}.db") for i, (name, code) in enumerate(variants.items())]
        for repeat in range(repeats):
            for name, code, db in order if repeat % 2 == 0 else order[::-1]:
                times[name].append(run(code, folder, Path(tmp) / db))
    return times


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, default=1000)
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    times = paired_runs({"without colours": WITHOUT_COLOURS, "with colours": WITH_COLOURS}, args.n, args.repeats)
    rates = {k: args.n / statistics.median(v) for k, v in times.items()}
    for name, rate in rates.items():
        print(f"{name}: {rate:.1f} photos/s (median of {args.repeats}: {[round(t, 1) for t in times[name]]} s)")
    cost = 1 - rates["with colours"] / rates["without colours"]
    print(f"colours cost {cost:.1%} of the indexing throughput")
    pairs = [1 - without / with_ for with_, without in zip(times["with colours"], times["without colours"])]
    print(f"per pair: {[f'{p:.1%}' for p in pairs]}, median {statistics.median(pairs):.1%}")


if __name__ == "__main__":
    main()
