"""The window's first screen of thumbnails for phone photos just indexed (issue 20: <= 1 s
after the grid opens).

    QT_QPA_PLATFORM=offscreen python benchmarks/gui_thumbnails.py [--n 1000] [--runs 3]

Makes N phone photos (12 MP JPEGs of about 3 MB, by `benchmarks/phone_photos.py`, into
`--phone-dir` the first time) and indexes them with `fashiondesk index` as a whole process,
which leaves a thumbnail per photo in the user's thumbnail cache. Then, in a fresh process
per run, it opens the real window on that catalogue at its default size and measures from the
moment the grid has its rows until every cell on screen shows its thumbnail, at the window's
first-start size (1320 x 820) and maximised on a full-HD screen (1920 x 1080):

- "indexed": with the thumbnails indexing left (what staff get);
- "decoded": with an empty thumbnail cache, every thumbnail decoded from its 3 MB photo (what
  the window did before indexing left thumbnails, and still does for photos indexed elsewhere).

The photo files are in the system's file cache in both cases (they were just indexed).
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent

CHILD = r"""
import sys, time
from pathlib import Path
from fashiondesk.gui.app import application, open_settings
from fashiondesk.gui.main_window import MainWindow
from fashiondesk.core.catalogue.db import open_catalogue
n = int(sys.argv[4])
app = application()
window = MainWindow(open_catalogue(sys.argv[1]), open_settings(Path(sys.argv[2])), Path(sys.argv[3]))
window.resize(int(sys.argv[5]), int(sys.argv[6]))
window.show()

def wait(test, limit=120.0):
    end = time.perf_counter() + limit
    while not test():
        if time.perf_counter() > end:
            raise SystemExit("timed out")
        app.processEvents()
        time.sleep(0.002)

wait(lambda: window.model.rowCount() == n)
opened = time.perf_counter()
grid, model, loader = window.grid, window.model, window.thumbnails
area = grid.viewport().rect()
on_screen = [model.index(r) for r in range(n) if grid.visualRect(model.index(r)).intersects(area)]
paths = [model.rows()[i.row()].path for i in on_screen]
wait(lambda: all(loader.in_memory(p, model.source_edge) is not None or loader.failed(p, model.source_edge)
                 for p in paths))
print(len(paths), time.perf_counter() - opened, flush=True)
window.shutdown()
"""


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--phone-dir", type=Path, default=Path(tempfile.gettempdir()) / "fashiondesk-phone-photos-1000")
    args = parser.parse_args()
    sys.path.insert(0, str(HERE))
    import phone_photos

    files = phone_photos.make(args.phone_dir, args.n)
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "photos"
        folder.mkdir()
        for f in files:
            shutil.copy(f, folder / f.name)
        db = Path(tmp) / "catalogue.db"
        cache_home = Path(tmp) / "cache"
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "fashiondesk", "--db", str(db), "index", str(folder), "--quiet"],
                       check=True, stdout=subprocess.DEVNULL, env={**env, "XDG_CACHE_HOME": str(cache_home)})
        print(f"indexed {len(files)} phone photos in {time.perf_counter() - start:.1f} s (whole process)")
        indexed = cache_home / "fashiondesk" / "thumbnails"
        made = list(indexed.glob("*.jpg"))
        print(f"thumbnails left by indexing: {len(made)}, {sum(p.stat().st_size for p in made) / 1e6:.1f} MB")
        times: dict[tuple[str, str], list[float]] = {}
        shown: dict[str, int] = {}
        for run in range(args.runs):
            for size in ("1320x820", "1920x1080"):
                for kind in ("indexed", "decoded"):  # interleaved, so machine noise hits both alike
                    thumbs = Path(tmp) / f"thumbs-{kind}-{size}-{run}"
                    if kind == "indexed":
                        shutil.copytree(indexed, thumbs)
                    out = subprocess.run(
                        [sys.executable, "-c", CHILD, str(db), str(Path(tmp) / f"s-{kind}-{size}-{run}.ini"),
                         str(thumbs), str(len(files)), *size.split("x")],
                        check=True, capture_output=True, text=True, env=env,
                    ).stdout.split()
                    shown[size] = int(out[0])
                    times.setdefault((size, kind), []).append(float(out[1]))
        for (size, kind), values in times.items():
            print(f"first screen at {size} ({shown[size]} thumbnails), {kind}: median {statistics.median(values):.2f} s "
                  f"over {args.runs} runs {[round(v, 2) for v in values]}")


if __name__ == "__main__":
    main()
