import os
import shutil
from pathlib import Path

import pytest
from PIL import Image

from fashiondesk.core.catalogue.db import open_catalogue

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "resources" / "sample"


@pytest.fixture(autouse=True)
def _no_real_user_data(tmp_path_factory, monkeypatch):
    """No test may touch the user's real catalogue or data directory."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / ".local" / "share"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / ".cache"))  # thumbnails indexing writes
    monkeypatch.setenv("LOCALAPPDATA", str(home / "AppData" / "Local"))
    monkeypatch.setenv("FASHIONDESK_DB", str(home / "default-catalogue.db"))


@pytest.fixture
def catalogue(tmp_path):
    cat = open_catalogue(tmp_path / "catalogue.db")
    yield cat
    cat.close()


@pytest.fixture
def other(catalogue):
    """The same catalogue file, opened as another window's process opens it."""
    cat = open_catalogue(catalogue.file)
    yield cat
    cat.close()


@pytest.fixture(scope="session")
def embedder():
    from fashiondesk.core.vision.runtime import Embedder

    return Embedder.load(threads=1)


def solid(path: Path, colour=(200, 30, 30), size=(64, 48), fmt=None) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    Image.new("RGB", size, colour).save(path, fmt)
    return path


@pytest.fixture
def sample_photos(tmp_path):
    """A folder with a few real clothing photos from the bundled sample."""

    def make(n: int = 6, folder: Path | None = None) -> Path:
        folder = folder or tmp_path / "photos"
        folder.mkdir(parents=True, exist_ok=True)
        for src in sorted(SAMPLE.glob("*.jpg"))[:: max(1, 30 // n)][:n]:
            shutil.copy(src, folder / src.name)
        return folder

    return make


def age(path: Path, seconds: float = 10) -> None:
    st = path.stat()
    os.utime(path, (st.st_atime - seconds, st.st_mtime - seconds))
