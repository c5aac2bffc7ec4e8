"""Make docs/screenshot.png: the real window on the bundled sample folder.

    python docs/screenshot.py [--out docs/screenshot.png] [--dark] [--scale 1.25]

Indexes resources/sample into a temporary catalogue, selects a photo, waits for its
similar items and thumbnails, and saves a grab of the window. --dark uses a dark
palette and --scale sets QT_SCALE_FACTOR, to check both look right.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", default=str(ROOT / "docs" / "screenshot.png"))
    parser.add_argument("--dark", action="store_true")
    parser.add_argument("--scale", type=float)
    parser.add_argument("--select", default="outwear-3.jpg")
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    if args.scale:
        os.environ["QT_SCALE_FACTOR"] = str(args.scale)

    from PySide6.QtGui import QColor, QPalette

    from fashiondesk.core.catalogue.db import open_catalogue
    from fashiondesk.gui.app import application, open_settings
    from fashiondesk.gui.main_window import MainWindow

    app = application()
    if args.dark:
        app.setStyle("Fusion")
        palette = QPalette()
        for role, colour in [("Window", "#2b2b2b"), ("WindowText", "#e6e6e6"), ("Base", "#1f1f1f"),
                             ("AlternateBase", "#333333"), ("Text", "#e6e6e6"), ("Button", "#363636"),
                             ("ButtonText", "#e6e6e6"), ("Highlight", "#2f65ca"), ("HighlightedText", "#ffffff"),
                             ("PlaceholderText", "#9a9a9a"), ("Midlight", "#3a3a3a"), ("ToolTipBase", "#333333")]:
            palette.setColor(getattr(QPalette.ColorRole, role), QColor(colour))
        app.setPalette(palette)

    def spin(seconds: float) -> None:
        end = time.time() + seconds
        while time.time() < end:
            app.processEvents()
            time.sleep(0.01)

    with tempfile.TemporaryDirectory() as tmp:
        catalogue = open_catalogue(Path(tmp) / "catalogue.db")
        window = MainWindow(catalogue, open_settings(Path(tmp) / "settings.ini"), Path(tmp) / "thumbs")
        window.resize(1280, 800)
        window.show()
        done = []
        window.index_finished.connect(done.append)
        window.add_folders([str(ROOT / "resources" / "sample")])
        while not done:
            spin(0.1)
        spin(1.0)
        target = next(r for r in window.model.rows() if r.path.endswith(args.select))
        window.grid.select_photo(target.id)
        window.grid.setFocus()
        spin(2.5)
        window.grab().save(args.out)
        window.close()
        spin(0.2)
        catalogue.close()
    print(args.out)


if __name__ == "__main__":
    sys.exit(main())
