"""`fashiondesk evaluate-colours`: dominant-colour accuracy against hand labels.

The labels are a CSV of ``file,colour`` (file relative to the dataset folder, colour a
name of ``colours.PALETTE``), such as ``tests/data/colour_labels.csv``: 150 photos of
clothing-small `test` and `validation`, labelled by looking at each photo.

An optional ``second`` column holds a second labelling of some or all of the photos,
made later without seeing the first. Then the report also says how often the two agree
(the most any method can be expected to agree with one of them) and the accuracy on the
photos where they agree, whose colour is not in doubt.
"""

from __future__ import annotations

import csv
from collections import Counter
from pathlib import Path

import numpy as np

from fashiondesk.core.vision.colour_names import PALETTE, name_colour, srgb_to_oklab
from fashiondesk.core.vision.imageload import UnreadableImage, load_rgb


def centre_median_name(pixels: np.ndarray) -> str:
    """The naive baseline: the name of the median colour of the photo's centre half."""
    h, w = pixels.shape[:2]
    centre = pixels[h // 4 : h - h // 4, w // 4 : w - w // 4].reshape(-1, 3)
    return name_colour(srgb_to_oklab(np.median(centre, axis=0)))


def evaluate_colours(labels_csv: Path, dataset: Path, embedder=None, batch_size: int = 32) -> dict:
    """The shipped colour step (pixels + the model's activation maps) against hand labels."""
    from fashiondesk.core.vision.runtime import Embedder
    from fashiondesk.core.vision.tagging import batch_colours

    embedder = embedder or Embedder.load()
    size, crop_pct, frame = embedder.spec.input_size, embedder.spec.crop_pct, embedder.spec.frames_studio
    with open(labels_csv, encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    named = {r["colour"] for r in rows} | {r["second"] for r in rows if r.get("second")}
    unknown = sorted(named - set(PALETTE))
    if unknown:
        raise ValueError(f"colour names not in the palette: {unknown}")
    first = second = third = naive = 0
    agreed = agreed_right = relabelled = 0
    confusion: Counter = Counter()
    by_group: dict[str, list[int]] = {}
    unreadable = []
    readable, pixels = [], []
    for row in rows:
        try:
            pixels.append(load_rgb((Path(dataset) / row["file"]).read_bytes(), size, crop_pct, frame=frame).pixels)
            readable.append(row)
        except (OSError, UnreadableImage):
            unreadable.append(row["file"])
    found: list = []
    for start in range(0, len(pixels), batch_size):
        images = np.stack(pixels[start : start + batch_size])
        found.extend(batch_colours(images, embedder.run(images)))
    for row, image, colours in zip(readable, pixels, found):
        names = [c.name for c in colours]
        predicted = names[0] if names else "-"
        first += predicted == row["colour"]
        naive += centre_median_name(image) == row["colour"]
        group = by_group.setdefault(Path(row["file"]).parts[0], [0, 0])
        group[0] += predicted == row["colour"]
        group[1] += 1
        second += row["colour"] in names[:2]
        third += row["colour"] in names[:3]
        if row.get("second"):
            same = row["second"] == row["colour"]
            relabelled += 1
            agreed += same
            agreed_right += same and predicted == row["colour"]
        confusion[(row["colour"], predicted)] += 1
    n = len(rows) - len(unreadable)
    return {"photos": n, "dominant_accuracy": first / n if n else 0.0,
            "within_first_two": second / n if n else 0.0,
            "within_first_three": third / n if n else 0.0,
            "centre_median_accuracy": naive / n if n else 0.0,
            "confusion": {f"{t} -> {p}": c for (t, p), c in sorted(confusion.items())},
            # By the first folder of the file column (the split): tune on one, report another.
            "dominant_accuracy_by_folder": {g: right / total for g, (right, total) in sorted(by_group.items())},
            "unreadable": unreadable,
            **({"photos_relabelled": relabelled, "labellings_agree": agreed / relabelled, "photos_agreed": agreed,
                "dominant_accuracy_where_agreed": agreed_right / agreed if agreed else 0.0}
               if relabelled else {})}


def format_colour_report(report: dict) -> str:
    lines = [f"{report['photos']} labelled photos: dominant colour right {report['dominant_accuracy']:.3f}, "
             f"within the first two {report['within_first_two']:.3f}, three {report['within_first_three']:.3f}"]
    lines += [f"  {g}: dominant colour right {acc:.3f}" for g, acc in report["dominant_accuracy_by_folder"].items()]
    lines += [f"  the naive baseline (median colour of the centre half, same names): "
              f"{report['centre_median_accuracy']:.3f}"]
    if "labellings_agree" in report:
        lines += [f"the two labellings agree on {report['labellings_agree']:.3f} of the "
                  f"{report['photos_relabelled']} photos labelled twice; "
                  f"on those {report['photos_agreed']}, dominant colour right "
                  f"{report['dominant_accuracy_where_agreed']:.3f}"]
    lines += ["", "label -> predicted: count"]
    lines += [f"  {k}: {v}" for k, v in report["confusion"].items()]
    return "\n".join(lines)
