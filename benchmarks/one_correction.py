"""What one staff correction does to the other photos' categories.

    python benchmarks/one_correction.py [DATASET] [--photos 340] [--trials 4]

Indexes ``--photos`` unseen photos of clothing-small (test and validation, shuffled with a
fixed seed; each photo's true category is its folder) into a new catalogue. Then, for each
trial, on a fresh copy of that catalogue: one photo the model calls a dress (a true dress)
is set to "skirt" by staff, as a careless or shop-specific correction would, and ``learn``
runs. Prints, for the other photos: how many changed category, how many of those the model
was at least 90% sure of, how many lost more than 15 points of confidence in a category
they kept, and how many are right before and after.
"""

from __future__ import annotations

import argparse
import random
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from sqlalchemy import select  # noqa: E402

from fashiondesk.core import services  # noqa: E402
from fashiondesk.core.catalogue.db import open_catalogue  # noqa: E402
from fashiondesk.core.catalogue.models import Photo, Tag  # noqa: E402

DATA = ROOT.parent / "shared" / "datasets" / "clothing-small"


def categories(catalogue) -> dict[str, tuple[str, float]]:
    with catalogue.sessions() as s:
        rows = s.execute(select(Photo.path, Tag.name, Tag.confidence).join(Tag, Tag.photo_id == Photo.id)
                         .where(Tag.kind == "category"))
        return {path: (name, confidence or 0.0) for path, name, confidence in rows}


def truth(path: str) -> str:
    return Path(path).name.split("__")[0]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("dataset", nargs="?", type=Path, default=DATA)
    parser.add_argument("--photos", type=int, default=340)
    parser.add_argument("--trials", type=int, default=4)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "photos"
        folder.mkdir()
        files = sorted((args.dataset / "test").glob("*/*.jpg")) + sorted((args.dataset / "validation").glob("*/*.jpg"))
        random.Random(1).shuffle(files)
        for f in files[: args.photos]:
            shutil.copy(f, folder / f"{f.parent.name}__{f.name}")
        base = Path(tmp) / "base.db"
        subprocess.run([sys.executable, "-m", "fashiondesk", "--db", str(base), "index", str(folder), "--quiet"],
                       check=True)
        for trial in range(args.trials):
            db = Path(tmp) / "trial.db"
            shutil.copy(base, db)
            catalogue = open_catalogue(str(db))
            before = categories(catalogue)
            dresses = sorted(p for p, (name, _) in before.items() if name == "dress" and truth(p) == "dress")
            target = dresses[trial * 3 % len(dresses)]
            services.set_category(catalogue, services.photo_ids_at(catalogue, [target])[0], "skirt")
            services.learn(catalogue)
            after = categories(catalogue)
            catalogue.close()
            others = [p for p in before if p != target]
            moved = [p for p in others if after[p][0] != before[p][0]]
            sure = [p for p in moved if before[p][1] >= 0.9]
            dropped = [p for p in others if after[p][0] == before[p][0] and before[p][1] - after[p][1] > 0.15]
            right = [sum(truth(p) == cats[p][0] for p in others) for cats in (before, after)]
            print(f"trial {trial}: {len(moved)} of {len(others)} changed category ({len(sure)} of them >= 90% sure "
                  f"before); {len(dropped)} kept theirs with 15+ points less confidence; right {right[0]} -> {right[1]}")
            for p in moved:
                print(f"    {truth(p):10s} {before[p][0]} {before[p][1]:.2f} -> {after[p][0]} {after[p][1]:.2f}")


if __name__ == "__main__":
    main()
