"""`fashiondesk similar` as a whole command on a catalogue of N photos.

Builds a catalogue of N distinct files (clothing-small photos, each copy with a few bytes
appended so it has its own hash), then times the whole process, median of --repeat runs,
for a catalogued photo and for an outside photo (decoded and embedded on the fly).

    python benchmarks/similar_command.py --n 5000
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

DATA = Path(__file__).resolve().parents[2] / "shared" / "datasets" / "clothing-small"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, default=5000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    sources = sorted(DATA.glob("train/*/*.jpg")) + sorted(DATA.glob("validation/*/*.jpg"))
    outside = sorted(DATA.glob("test/*/*.jpg"))[0]
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "photos"
        folder.mkdir()
        for i in range(args.n):
            src = sources[i % len(sources)]
            (folder / f"{i:05d}.jpg").write_bytes(src.read_bytes() + f"copy {i}".encode())
        db = Path(tmp) / "c.db"
        base = [sys.executable, "-m", "fashiondesk", "--db", str(db)]
        subprocess.run(base + ["index", str(folder), "--quiet"], check=True, stderr=subprocess.DEVNULL)
        for label, image in (("catalogued photo", folder / "00007.jpg"), ("outside photo", outside)):
            times = []
            for _ in range(args.repeat):
                t = time.perf_counter()
                subprocess.run(base + ["similar", str(image), "-k", "10"], check=True, stdout=subprocess.DEVNULL)
                times.append(time.perf_counter() - t)
            print(f"fashiondesk similar ({label}) on {args.n} photos: median {statistics.median(times):.2f} s "
                  f"(min {min(times):.2f}, max {max(times):.2f}, {args.repeat} runs)")


if __name__ == "__main__":
    main()
