"""Whole-process indexing rate of `fashiondesk index` against a seed-style pipeline.

Both run as separate processes on the same N photos of clothing-small `train` (copied to a
temporary folder), in the same run:

- fashiondesk: `python -m fashiondesk --db NEW index FOLDER --quiet`, timed from process
  start to exit (imports, model load, scan, decode, inference, catalogue writes);
  then the same command again on the unchanged folder; peak RSS of the first run.
- seed-style (`seed_pipeline.py`): ResNet-50 with random weights, one photo at a time, full decode,
  resize 256 + centre crop 224, timed from process start to exit likewise.

    python benchmarks/index_throughput.py --n 1000 [--seed-n 300]
    python benchmarks/index_throughput.py --phone [--n 300] [--seed-n 60]

`--phone` runs on phone-sized photos (12 MP JPEGs of about 2 MB, made by
`benchmarks/phone_photos.py` into `--phone-dir` the first time) instead of clothing-small's.

`--seed-n` lets the slow seed pipeline run on the first M of the same photos (its rate is
steady; the default is all N).
"""

from __future__ import annotations

import argparse
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "datasets" / "clothing-small"

SEED = Path(__file__).resolve().parent / "seed_pipeline.py"


def photos(n: int, phone_dir: Path | None = None) -> list[Path]:
    if phone_dir is not None:
        sys.path.insert(0, str(Path(__file__).resolve().parent))
        import phone_photos

        return phone_photos.make(phone_dir, n)
    files = sorted((DATA / "train").glob("*/*.jpg")) + sorted((DATA / "validation").glob("*/*.jpg"))
    files += sorted((DATA / "test").glob("*/*.jpg"))
    if n > len(files):
        sys.exit(f"only {len(files)} photos available")
    return files[:n]


def timed(cmd: list[str], cwd: Path | None = None) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=cwd)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, default=1000)
    parser.add_argument("--seed-n", type=int, default=None)
    parser.add_argument("--skip-seed", action="store_true")
    parser.add_argument("--phone", action="store_true", help="phone-sized photos instead of clothing-small's")
    parser.add_argument("--phone-dir", type=Path, default=Path(tempfile.gettempdir()) / "fashiondesk-phone-photos")
    parser.add_argument("--before", type=Path, help="another checkout (say, a git worktree of an older commit): "
                                                     "its `fashiondesk index` is timed in the same run too")
    args = parser.parse_args()
    files = photos(args.n, args.phone_dir if args.phone else None)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "photos"
        folder.mkdir()
        for i, f in enumerate(files):
            shutil.copy(f, folder / f"{i:05d}-{f.name}")
        db = Path(tmp) / "bench.db"
        cmd = [sys.executable, "-m", "fashiondesk", "--db", str(db), "index", str(folder), "--quiet"]
        ours = timed(cmd)
        peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024  # before any other child runs
        rerun = timed(cmd)
        if args.before:
            old = timed([sys.executable, "-m", "fashiondesk", "--db", str(Path(tmp) / "before.db"), "index",
                         str(folder), "--quiet"], cwd=args.before)
        print(f"fashiondesk index: {len(files)} photos in {ours:.1f} s = {len(files) / ours:.1f} photos/s (whole process)")
        print(f"fashiondesk index, unchanged folder again: {rerun:.2f} s")
        print(f"peak memory of the first index run: {peak_mb:.0f} MB")
        if args.before:
            print(f"the same from {args.before}: {len(files)} photos in {old:.1f} s = {len(files) / old:.1f} photos/s; "
                  f"this checkout {old / ours:.2f}x as fast")
        if args.skip_seed:
            return
        seed_files = sorted(folder.iterdir())[: args.seed_n or len(files)]
        seed = timed([sys.executable, str(SEED), *map(str, seed_files)])
        seed_rate = len(seed_files) / seed
        print(f"seed-style pipeline: {len(seed_files)} photos in {seed:.1f} s = {seed_rate:.2f} photos/s (whole process)")
        print(f"ratio: {len(files) / ours / seed_rate:.1f}x")


if __name__ == "__main__":
    main()
