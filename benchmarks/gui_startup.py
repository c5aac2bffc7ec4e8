"""Time from launching the window's process until the window is on screen (target < 1.5 s).

    QT_QPA_PLATFORM=offscreen python benchmarks/gui_startup.py [--runs 5] [--db CATALOGUE]

Each run starts a fresh Python process that opens the real main window on the catalogue
(empty by default), waits until Qt has shown and painted it, and prints a line; the time
is measured outside, from the launch to that line, so interpreter start-up and every
import count. It also reports whether torch was imported (it must not be).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

CHILD = r"""
import sys
from pathlib import Path
from fashiondesk.gui.app import application, open_settings
from fashiondesk.gui.main_window import MainWindow
from fashiondesk.core.catalogue.db import open_catalogue
app = application()
window = MainWindow(open_catalogue(sys.argv[1]), open_settings(Path(sys.argv[2])), Path(sys.argv[3]))
window.show()
app.processEvents()
window.grab()
print("shown", "torch" in sys.modules, flush=True)
window.shutdown()
"""


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--db")
    args = parser.parse_args()
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    times, torch_seen = [], []
    with tempfile.TemporaryDirectory() as tmp:
        db = args.db or str(Path(tmp) / "catalogue.db")
        for _ in range(args.runs):
            start = time.perf_counter()
            child = subprocess.Popen(
                [sys.executable, "-c", CHILD, db, str(Path(tmp) / "s.ini"), str(Path(tmp) / "thumbs")],
                stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env=env,
            )
            line = child.stdout.readline().split()
            times.append(time.perf_counter() - start)
            child.wait()
            torch_seen.append(line[1:] == ["True"])
    print(f"window shown after launch: median {statistics.median(times):.2f} s, "
          f"max {max(times):.2f} s over {args.runs} runs; torch imported: {any(torch_seen)}")


if __name__ == "__main__":
    main()
