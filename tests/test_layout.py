import importlib.util
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_import_contracts_hold():
    """fashiondesk.core imports no PySide6; the everyday path imports no torch."""
    lint = shutil.which("lint-imports")
    assert lint, "import-linter is part of the test extra"
    res = subprocess.run([lint], cwd=ROOT, capture_output=True, text=True)
    assert res.returncode == 0, res.stdout + res.stderr
    assert "0 broken" in res.stdout


def test_core_type_checks():
    """mypy, configured in pyproject.toml ([tool.mypy]), finds nothing in fashiondesk/core."""
    assert importlib.util.find_spec("mypy"), "mypy is part of the test extra"
    # This interpreter's mypy, so it checks against the packages the tests run with (torch, numpy, SQLAlchemy).
    res = subprocess.run([sys.executable, "-m", "mypy"], cwd=ROOT, capture_output=True, text=True)
    assert res.returncode == 0, res.stdout + res.stderr
    assert "Success: no issues found" in res.stdout
