"""Import and export at a shop's scale: a 20,000-row spreadsheet in, every format out.

    python benchmarks/shop_files.py [--photos 20000] [--repeat 3]

Builds a catalogue of N photos (rows only: each with an automatic category and two
colours, as indexing leaves them), writes a spreadsheet naming every photo (two photos a
product, with title, price, sizes, stock, two tags and a column of the shop's own), then
times, as the command line runs them: ``import --check``, ``import``, the same file again
(nothing to change), and ``export`` in each format. Prints the median of the repeats
(a fresh catalogue for each import), in seconds. Targets (issue 17): import <= 5 s,
export <= 3 s, at 20,000.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from fashiondesk.core import services  # noqa: E402
from fashiondesk.core.catalogue.models import AUTO, CATEGORY, COLOUR, OK, Folder, Photo, Tag  # noqa: E402

CATEGORIES = ["dress", "shirt", "pants", "skirt", "shoes", "hat", "outwear", "t-shirt"]
COLOURS = ["navy", "black", "white", "red", "grey", "beige"]


def make_catalogue(path: Path, n: int):
    catalogue = services.open_catalogue(path)
    folder = "/shop/photos"
    with catalogue.sessions() as session, session.begin():
        session.add(Folder(id=1, path=folder))
        session.flush()
        session.bulk_insert_mappings(Photo, [
            dict(id=i, folder_id=1, path=f"{folder}/IMG_{i:05d}.jpg", content_hash=f"{i:032x}", size=100_000 + i,
                 mtime=1.0, width=1200, height=1600, status=OK) for i in range(1, n + 1)])
        tags = []
        for i in range(1, n + 1):
            tags.append(dict(photo_id=i, kind=CATEGORY, name=CATEGORIES[i % 8], source=AUTO,
                             confidence=0.7 + (i % 30) / 100))
            tags.append(dict(photo_id=i, kind=COLOUR, name=COLOURS[i % 6], source=AUTO, confidence=0.6))
            tags.append(dict(photo_id=i, kind=COLOUR, name=COLOURS[(i + 1) % 6], source=AUTO, confidence=0.3))
        session.bulk_insert_mappings(Tag, tags)
    return catalogue


def make_sheet(path: Path, n: int) -> None:
    lines = ["path;product;title;price;size;stock;tags;season"]
    for i in range(1, n + 1):
        product = (i + 1) // 2
        lines.append(f"/shop/photos/IMG_{i:05d}.jpg;SKU-{product:05d};Item {product};{10 + product % 90},90;"
                     f"\"S;M;L\";{product % 7};\"new in;linen\";SS26")
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode("utf-8-sig"))


def timed(fn) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--photos", type=int, default=20_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    times: dict[str, list[float]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        sheet = Path(tmp) / "stock.csv"
        make_sheet(sheet, args.photos)
        for run in range(args.repeat):
            catalogue = make_catalogue(Path(tmp) / f"c{run}.db", args.photos)
            try:
                times.setdefault("import --check", []).append(
                    timed(lambda: services.import_sheet(catalogue, sheet, check=True)))
                result = None

                def apply():
                    nonlocal result
                    result = services.import_sheet(catalogue, sheet)

                times.setdefault("import", []).append(timed(apply))
                assert result is not None and result.products_created == (args.photos + 1) // 2
                times.setdefault("import again (no change)", []).append(
                    timed(lambda: services.import_sheet(catalogue, sheet)))
                for fmt in ("generic", "shopify", "woocommerce"):
                    out = Path(tmp) / f"{fmt}.csv"
                    times.setdefault(f"export {fmt}", []).append(
                        timed(lambda: services.export_csv_file(catalogue, out, fmt, "https://cdn.example.com/p")))
            finally:
                catalogue.close()
    print(f"{args.photos:,} photos, {(args.photos + 1) // 2:,} products; median of {args.repeat} (seconds):")
    for name, values in times.items():
        print(f"  {name:28s} {statistics.median(values):6.2f}   ({', '.join(f'{v:.2f}' for v in values)})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
