"""The window's settings file, and how an older one is brought up to date.

Settings are versioned like the catalogue's schema (``core/catalogue/migrations.py``): a
file written by an older release is upgraded by the steps after its version, in order,
each of which renames or converts the keys that release wrote. Nothing is cleared: keys a
step does not know stay as they are (a newer release's, a plug-in's), and a file from a
newer release is left entirely alone.

Add a step by appending ``(version, function)`` to ``MIGRATIONS``; the function gets the
QSettings and must keep describing what that release changed, whatever comes later.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Callable

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMainWindow, QSplitter

log = logging.getLogger("fashiondesk.gui")

VERSION_KEY = "settings_version"

# Version 1 is the first released layout: window/geometry, window/state, window/splitter
# (Qt's saved states), last_folder and last_export (paths).
MIGRATIONS: list[tuple[int, Callable[[QSettings], None]]] = []
SETTINGS_VERSION = MIGRATIONS[-1][0] if MIGRATIONS else 1


def rename(settings: QSettings, old: str, new: str, convert: Callable = lambda value: value) -> None:
    """For a step: move ``old``'s value to ``new`` (converted), if ``old`` is there and
    ``new`` is not."""
    if settings.contains(old):
        if not settings.contains(new):
            settings.setValue(new, convert(settings.value(old)))
        settings.remove(old)


def settings_path() -> Path:
    from platformdirs import user_config_dir

    return Path(user_config_dir("fashiondesk", appauthor=False)) / "fashiondesk.ini"


def open_settings(path: Path | None = None,
                  migrations: list[tuple[int, Callable[[QSettings], None]]] | None = None) -> QSettings:
    """An INI file in the user config dir, upgraded to the current layout."""
    settings = QSettings(str(path or settings_path()), QSettings.Format.IniFormat)
    upgrade(settings, MIGRATIONS if migrations is None else migrations)
    return settings


def upgrade(settings: QSettings, migrations: list[tuple[int, Callable[[QSettings], None]]]) -> int:
    """Run the steps after the file's version, in order; returns the version it was at
    (0: a new file). A failed step is logged and stops the upgrade there: what it had
    not reached keeps its old key, and the next start tries again."""
    latest = migrations[-1][0] if migrations else 1
    if not settings.allKeys():
        settings.setValue(VERSION_KEY, latest)
        return 0
    try:
        current = int(str(settings.value(VERSION_KEY, 1)))
    except (TypeError, ValueError):
        current = 1  # unreadable: taken as the first layout, whose keys the steps know
    if current > latest:
        log.info("settings %s are from a newer release (version %s); left as they are",
                 settings.fileName(), current)
        return current
    for version, step in migrations:
        if version <= current:
            continue
        try:
            step(settings)
        except Exception:
            log.exception("upgrading the settings to version %s failed", version)
            break
        settings.setValue(VERSION_KEY, version)
        log.info("settings upgraded to version %s", version)
    if not settings.contains(VERSION_KEY):
        settings.setValue(VERSION_KEY, current)
    return current


def restore_layout(window: QMainWindow, splitter: QSplitter, settings: QSettings,
                   default_size: tuple[int, int] = (1320, 820)) -> None:
    geometry = settings.value("window/geometry")
    if geometry is not None:
        window.restoreGeometry(geometry)
    else:
        window.resize(*default_size)
    state = settings.value("window/state")
    if state is not None:
        window.restoreState(state)
    sizes = settings.value("window/splitter")
    if sizes is not None:
        splitter.restoreState(sizes)


def save_layout(window: QMainWindow, splitter: QSplitter, settings: QSettings) -> None:
    settings.setValue("window/geometry", window.saveGeometry())
    settings.setValue("window/state", window.saveState())
    settings.setValue("window/splitter", splitter.saveState())
    settings.sync()
