import shutil
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_import_contracts_hold():
    """fashiondesk.core imports no PySide6; the everyday path imports no torch."""
    lint = shutil.which("lint-imports")
    assert lint, "import-linter is part of the test extra"
    res = subprocess.run([lint], cwd=ROOT, capture_output=True, text=True)
    assert res.returncode == 0, res.stdout + res.stderr
    assert "0 broken" in res.stdout
