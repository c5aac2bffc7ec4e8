"""The log file: where a traceback goes, so a one-line message can say where to find it."""

from __future__ import annotations

import logging
from logging.handlers import RotatingFileHandler
from pathlib import Path

log = logging.getLogger("fashiondesk")


def log_path() -> Path:
    from platformdirs import user_log_dir

    return Path(user_log_dir("fashiondesk", appauthor=False)) / "fashiondesk.log"


def setup(verbose: bool = False) -> Path | None:
    """Log to a rotating file in the user log directory (1 MB x 4); None if it cannot be
    written, in which case nothing is logged and nothing fails."""
    if any(isinstance(h, RotatingFileHandler) for h in log.handlers):
        return log_path()
    log.setLevel(logging.DEBUG if verbose else logging.INFO)
    path = log_path()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handler = RotatingFileHandler(path, maxBytes=1_000_000, backupCount=3, encoding="utf-8")
    except OSError:
        log.addHandler(logging.NullHandler())
        return None
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(threadName)s %(name)s: %(message)s"))
    log.addHandler(handler)
    return path
