"""What the studio framing check costs inside indexing (issue 15).

    python benchmarks/framing_cost.py [--n 1000] [--repeats 3]

Whole `fashiondesk index` processes on the same N photos of clothing-small (none of them
a studio shot, so this is the check's cost alone), in pairs: as shipped, and with the
model spec's framing turned off; the order swapped every pair. Prints the median
photos/s of each and the median of the per-pair costs.
"""

from __future__ import annotations

import argparse
import statistics
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from colour_cost import WITH_COLOURS as SHIPPED  # noqa: E402
from colour_cost import paired_runs  # noqa: E402

WITHOUT_FRAMING = r"""
import dataclasses, sys
from fashiondesk.core.vision import runtime
load = runtime.Embedder.load.__func__
def unframed(cls, *args, **kwargs):
    embedder = load(cls, *args, **kwargs)
    embedder.spec = dataclasses.replace(embedder.spec, framing="")
    return embedder
runtime.Embedder.load = classmethod(unframed)
from fashiondesk.cli.main import main
sys.exit(main(sys.argv[1:]))
"""


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, default=1000)
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    times = paired_runs({"no framing": WITHOUT_FRAMING, "framing": SHIPPED}, args.n, args.repeats)
    for name, values in times.items():
        print(f"{name}: {args.n / statistics.median(values):.1f} photos/s (runs: {[round(t, 1) for t in values]} s)")
    pairs = [1 - without / with_ for with_, without in zip(times["framing"], times["no framing"])]
    print(f"framing costs, per pair: {[f'{p:.1%}' for p in pairs]}, median {statistics.median(pairs):.1%}")


if __name__ == "__main__":
    main()
