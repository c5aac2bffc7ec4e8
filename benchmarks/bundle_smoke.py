"""Build the installable bundle and use it as a shop would, with no Python anywhere on PATH.

    python benchmarks/bundle_smoke.py [--out DIR] [--no-build]

Runs ``packaging/build DIR`` (timed), copies the bundle to another folder, and from there,
in an environment whose PATH holds no Python: ``--version``, ``index`` on the bundled
sample folder (into the user's own catalogue, which must land in the user's data folder,
nothing being written inside the bundle), ``export``, ``similar``, ``info`` on a catalogue made by this checkout (it
must open, and its photos must count as indexed: same model), and the window under
``QT_QPA_PLATFORM=offscreen`` for five seconds (it must still be running). Prints the
bundle's size and its three biggest parts. Exits non-zero on the first failure.
"""

from __future__ import annotations

import argparse
import csv
import io
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EXE = "fashiondesk.exe" if sys.platform == "win32" else "fashiondesk"


def size(path: Path) -> int:
    """Bytes of the files under ``path``; symbolic links (PyInstaller links Qt's libraries
    into the top folder) count once, where they point."""
    if path.is_symlink():
        return 0
    if not path.is_dir():
        return path.stat().st_size
    return sum(f.lstat().st_size for f in path.rglob("*") if f.is_file() and not f.is_symlink())


def check(done: subprocess.CompletedProcess, what: str) -> str:
    if done.returncode != 0:
        sys.exit(f"{what} failed ({done.returncode}): {done.stderr.strip()[-2000:]}")
    return done.stdout


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=Path(tempfile.gettempdir()) / "fashiondesk-bundle")
    parser.add_argument("--no-build", action="store_true", help="use the bundle already in --out")
    args = parser.parse_args()
    if not args.no_build:
        start = time.perf_counter()
        subprocess.run(["bash", str(ROOT / "packaging" / "build"), str(args.out)], check=True)
        print(f"built in {time.perf_counter() - start:.0f} s")
    bundle = args.out / "fashiondesk"
    parts = sorted(((size(p), p.name) for p in (bundle / "_internal").iterdir()), reverse=True)[:3]
    print(f"bundle: {size(bundle) / 1e6:.1f} MB unpacked; biggest parts: "
          + ", ".join(f"{name} {n / 1e6:.0f} MB" for n, name in parts))

    with tempfile.TemporaryDirectory() as tmp:
        home = Path(tmp) / "home"
        home.mkdir()
        moved = Path(tmp) / "elsewhere" / "fashiondesk"
        shutil.copytree(bundle, moved, symlinks=True)
        exe = str(moved / EXE)
        env = {"HOME": str(home), "PATH": str(Path(tmp) / "no-python-here"), "QT_QPA_PLATFORM": "offscreen",
               "LANG": "C.UTF-8", "USERPROFILE": str(home), "SYSTEMROOT": os.environ.get("SYSTEMROOT", "")}
        if sys.platform == "win32":  # platformdirs asks Windows for these folders, not the environment
            for csidl, name, folder in (("LOCAL_APPDATA", "LOCALAPPDATA", "AppData/Local"),
                                        ("APPDATA", "APPDATA", "AppData/Roaming")):
                env[name] = env[f"WIN_PD_OVERRIDE_{csidl}"] = str(home / folder)
        sample = moved / "_internal" / "resources" / "sample"
        files_before = sorted(moved.rglob("*"))

        def run(*command: str, timeout: float = 300) -> subprocess.CompletedProcess:
            return subprocess.run([exe, *command], env=env, capture_output=True, text=True, timeout=timeout)

        version = check(run("--version"), "--version")
        print(version.strip().replace("\n", "; "))
        # The user's own catalogue (no --db): it must land in the user's data folder.
        check(run("index", str(sample)), "index")
        rows = list(csv.DictReader(io.StringIO(check(run("export", "-"), "export"))))
        categorised = sum(1 for r in rows if r["category"])
        if len(rows) != 30 or categorised != 30:
            sys.exit(f"export: {len(rows)} rows, {categorised} with a category (expected 30 and 30)")
        similar = list(csv.DictReader(io.StringIO(check(
            run("similar", str(sample / "dress-1.jpg"), "-k", "3"), "similar"))))
        if len(similar) != 3:
            sys.exit(f"similar: {len(similar)} rows")
        print(f"index, export ({len(rows)} photos, all categorised), similar ({similar[0]['path'].rsplit('/', 1)[-1]} "
              f"first): ok")

        # A shop's files: a spreadsheet in, a webshop file out, keywords inside a JPEG (Exiv2).
        shop = Path(tmp) / "shop"
        shop.mkdir()
        for name in ("dress-1.jpg", "dress-2.jpg"):
            shutil.copy(sample / name, shop / name)
        check(run("index", str(shop)), "index of a shop folder")
        (shop / "stock.csv").write_bytes("path;product;price\r\ndress-1.jpg;DR-1;49,90\r\ndress-2.jpg;DR-1;\r\n"
                                         .encode("cp1252"))
        check(run("import", str(shop / "stock.csv")), "import")
        shopify = list(csv.DictReader(io.StringIO(check(run("export", "-", "--format", "shopify"), "export shopify"))))
        ours = [r for r in shopify if r["URL handle"] == "dr-1"]
        if len(ours) != 2 or ours[0]["Price"] != "49.90":
            sys.exit(f"export --format shopify: {ours}")
        check(run("write-xmp", "--inside", str(shop / "dress-1.jpg")), "write-xmp --inside")
        if b"fashiondesk|category|" not in (shop / "dress-1.jpg").read_bytes():
            sys.exit("write-xmp --inside wrote no keywords into the JPEG")
        print("import (cp1252, ';'), export --format shopify, write-xmp --inside (Exiv2): ok")

        # A catalogue made by this checkout opens in the bundle, its photos already indexed.
        made_here = home / "checkout.db"
        subprocess.run([sys.executable, "-m", "fashiondesk", "--db", str(made_here), "index", str(ROOT / "resources" / "sample")],
                       check=True, capture_output=True)
        info = check(run("--db", str(made_here), "info"), "info on the checkout's catalogue")
        again = run("--db", str(made_here), "index")
        if "0 indexed, 30 unchanged" not in check(again, "index on the checkout's catalogue") + again.stderr:
            sys.exit(f"the checkout's catalogue was not taken as it is: {again.stderr.strip()}")
        print("a catalogue made by the checkout opens in the bundle: ok (" + info.splitlines()[1].strip() + ")")

        window = subprocess.Popen([exe], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                  text=True)
        time.sleep(5)
        if window.poll() is not None:
            sys.exit(f"the window exited after less than 5 s ({window.returncode}): {window.stderr.read()[-2000:]}")
        window.terminate()
        window.wait(timeout=30)
        print("window (offscreen) still running after 5 s: ok")
        kept = sorted(str(f.relative_to(home)) for f in home.rglob("*") if f.is_file())
        if not any(name.endswith("catalogue.db") for name in kept):
            sys.exit(f"no catalogue in the user's folders: {kept}")
        if sorted(moved.rglob("*")) != files_before:
            sys.exit("the bundle's folder was written to: " + ", ".join(
                str(f) for f in sorted(set(moved.rglob("*")) - set(files_before))[:10]))
        print("user data in the user's folders, the bundle untouched: ok ("
              + ", ".join(k for k in kept if not k.startswith("checkout"))[:300] + ")")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
