"""Starting the window: the application object, settings, the catalogue, the first scan."""

from __future__ import annotations

import gc
import sys
from pathlib import Path
from typing import Sequence

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QMessageBox

SETTINGS_VERSION = 1


def settings_path() -> Path:
    from platformdirs import user_config_dir

    return Path(user_config_dir("fashiondesk", appauthor=False)) / "fashiondesk.ini"


def open_settings(path: Path | None = None) -> QSettings:
    """An INI file in the user config dir; settings of an unknown older layout are dropped."""
    settings = QSettings(str(path or settings_path()), QSettings.Format.IniFormat)
    if int(settings.value("settings_version", SETTINGS_VERSION)) != SETTINGS_VERSION:
        settings.clear()
    settings.setValue("settings_version", SETTINGS_VERSION)
    return settings


def application() -> QApplication:
    # Workers run Python too (SQLAlchemy, numpy glue). A shorter GIL switch interval than
    # the default 5 ms lets the GUI thread in sooner, so painting never queues behind them.
    sys.setswitchinterval(0.001)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("fashiondesk")
    app.setApplicationDisplayName("fashiondesk")
    return app


def quiet_gc() -> None:
    """Move everything alive after start-up out of the garbage collector's reach.

    A full collection walks every tracked object in the process (Qt wrappers, SQLAlchemy,
    numpy: a few hundred thousand after start-up) and holds the GIL while it does, which
    froze the window for 30-40 ms whenever a worker thread's allocations triggered one
    (benchmarks/gui_latency.py). Frozen objects are never walked again.
    """
    gc.collect()
    gc.freeze()


def run(db: str | None = None, folders: Sequence[str] = ()) -> int:
    """Open the window on the catalogue; folders given are added and indexed at once."""
    from fashiondesk.core.catalogue.db import open_catalogue
    from fashiondesk.gui.main_window import MainWindow

    app = application()
    try:
        catalogue = open_catalogue(db)
    except Exception as exc:  # a catalogue from a newer release, a read-only disk, ...
        QMessageBox.critical(None, "fashiondesk", f"The catalogue could not be opened:\n{exc}")
        return 1
    try:
        window = MainWindow(catalogue, open_settings())
        window.show()
        quiet_gc()
        if folders:
            window.add_folders(list(folders))
        return app.exec()
    finally:
        catalogue.close()
