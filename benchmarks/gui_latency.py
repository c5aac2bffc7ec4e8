"""How long the GUI thread is busy with a large catalogue (issue 5: nothing over 50 ms).

    QT_QPA_PLATFORM=offscreen python benchmarks/gui_latency.py [--n 20000] [--rounds 3]

Fills a catalogue with N synthetic photos (rows and tags, no image files), opens the
window, and runs a scripted session: category filters, searches, sidebar scopes, arrow
keys through the grid and scrolling. Prints, per kind of step, the median and worst
time until the result was on screen (this includes the query, which runs off the GUI
thread), and the worst stall of the GUI thread's event loop over the whole session.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, default=20_000)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()

    from fashiondesk.core.catalogue.db import open_catalogue
    from fashiondesk.gui.app import application, open_settings, quiet_gc
    from fashiondesk.gui.main_window import MainWindow
    from tests.gui.latency import run_session, wait_until
    from tests.synthetic import fill

    app = application()
    with tempfile.TemporaryDirectory() as tmp:
        catalogue = open_catalogue(Path(tmp) / "catalogue.db")
        fill(catalogue, args.n)
        start = time.perf_counter()
        window = MainWindow(catalogue, open_settings(Path(tmp) / "settings.ini"), Path(tmp) / "thumbs")
        window.resize(1320, 820)
        window.show()
        app.processEvents()
        shown = time.perf_counter() - start
        quiet_gc()  # as fashiondesk.gui.app.run does after showing the window
        wait_until(lambda: window.model.rowCount() == args.n)
        filled = time.perf_counter() - start
        report = run_session(window, args.rounds)
        window.close()
        window.deleteLater()
        app.processEvents()
        catalogue.close()
    report = {"photos": args.n, "window_shown_s": round(shown, 3), "grid_filled_s": round(filled, 3), **report}
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
