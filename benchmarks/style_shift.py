"""How far the category model carries beyond clothing-small's photo style (issue 15).

    python benchmarks/style_shift.py DATASET [--model NAME ...]

The photos that matter (garments worn by models, webshop backdrops) are not here. This
is the nearest honest stand-in: the `test` photos (never trained on) shown the way
clothing-small never shows them, each view made the same way for every model:

- studio: the photo small (35-50% of the frame) on a white backdrop, as a product shot;
- close-up: a random 67% x 67% crop (45% of the area), enlarged (detail shots);
- grey: grey-scale at 80% contrast (a dull shop light);
- warm: a strong warm cast (tungsten light) at 75% brightness;
- phone: a quarter-size copy saved at JPEG quality 35 and blown back up.

The training views of the style-free recipe include crops, plain backdrops at 55-90% of
the frame, grey-scale and colour changes, so the studio, close-up and grey views are not
wholly new to it; the warm and phone views are. The studio view is the easiest case for
the studio framing (a flat backdrop, a rectangular subject): real product shots, with
shadows and gradients, will gain less from it. For each view: accuracy, ECE, the share sent to
review (unsure), and the share that is wrong yet sure (a wrong tag that escapes review).
"""

from __future__ import annotations

import argparse
import io
import random
import sys
from pathlib import Path

import numpy as np
from PIL import Image, ImageEnhance, ImageOps

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from fashiondesk.core.vision.evaluate import split_files  # noqa: E402
from fashiondesk.core.vision.imageload import load_rgb  # noqa: E402
from fashiondesk.core.vision.metrics import expected_calibration_error, softmax  # noqa: E402
from fashiondesk.core.vision.runtime import Embedder  # noqa: E402
from fashiondesk.core.vision.spec import DEFAULT_MODEL, MODELS_DIR  # noqa: E402


def _studio(img: Image.Image, rng: random.Random) -> Image.Image:
    side = max(img.size)
    canvas = Image.new("RGB", (side, side), (250, 250, 250))
    scale = rng.uniform(0.35, 0.5)
    small = img.resize((max(1, int(img.width * scale)), max(1, int(img.height * scale))))
    canvas.paste(small, ((side - small.width) // 2, (side - small.height) // 2))
    return canvas


def _close_up(img: Image.Image, rng: random.Random) -> Image.Image:
    w, h = img.size
    cw, ch = int(w * 0.67), int(h * 0.67)
    left, top = rng.randint(0, w - cw), rng.randint(0, h - ch)
    return img.crop((left, top, left + cw, top + ch))


def _grey(img: Image.Image, rng: random.Random) -> Image.Image:
    return ImageEnhance.Contrast(ImageOps.grayscale(img).convert("RGB")).enhance(0.8)


def _warm(img: Image.Image, rng: random.Random) -> Image.Image:
    a = np.asarray(img, dtype=np.float32) * np.array([1.0, 0.85, 0.6]) * 0.75
    return Image.fromarray(a.clip(0, 255).astype(np.uint8))


def _phone(img: Image.Image, rng: random.Random) -> Image.Image:
    buf = io.BytesIO()
    img.resize((max(1, img.width // 4), max(1, img.height // 4))).save(buf, "JPEG", quality=35)
    return Image.open(io.BytesIO(buf.getvalue())).convert("RGB").resize(img.size)


VIEWS = {"as is": None, "studio": _studio, "close-up": _close_up, "grey": _grey, "warm": _warm, "phone": _phone}


def view_bytes(path: Path, view, seed: int) -> bytes:
    if view is None:
        return path.read_bytes()
    img = ImageOps.exif_transpose(Image.open(path)).convert("RGB")
    buf = io.BytesIO()
    view(img, random.Random(seed)).save(buf, "PNG")
    return buf.getvalue()


def measure(embedder: Embedder, files: list[Path], labels: np.ndarray, classes: list[str], view,
            frame: bool | None = None) -> dict:
    spec = embedder.spec
    frame = spec.frames_studio if frame is None else frame
    logits = []
    for start in range(0, len(files), 32):
        batch = [load_rgb(view_bytes(f, view, start + i), spec.input_size, spec.crop_pct, frame=frame).pixels
                 for i, f in enumerate(files[start : start + 32])]
        logits.append(embedder.run(np.stack(batch)).logits)
    to_model = np.array([spec.categories.index(c) for c in classes])
    probs = softmax(np.concatenate(logits), spec.temperature)[:, to_model]
    probs /= probs.sum(axis=1, keepdims=True)
    pred, confidence = probs.argmax(axis=1), probs.max(axis=1)
    wrong, sure = pred != labels, confidence >= spec.unsure_below
    return {"accuracy": float(1 - wrong.mean()), "ece": expected_calibration_error(probs, labels),
            "unsure": float((~sure).mean()), "wrong_and_sure": float((wrong & sure).mean())}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("dataset", type=Path)
    parser.add_argument("--model", action="append", help="model name(s) in resources/models (default: the shipped one)")
    parser.add_argument("--folder", type=Path, default=None, help="folder of the model files")
    parser.add_argument("--split", default="test")
    parser.add_argument("--frame", choices=["yes", "no"], help="frame studio shots (default: as the model's spec says)")
    args = parser.parse_args()
    files, labels, classes = split_files(args.dataset, args.split)
    for name in args.model or [None]:
        embedder = Embedder.load(name or DEFAULT_MODEL, args.folder or MODELS_DIR)
        print(f"{embedder.version}: {len(files)} {args.split} photos")
        print(f"  {'view':<10}{'accuracy':>10}{'ECE':>8}{'unsure':>8}{'wrong+sure':>12}")
        rows = []
        for view_name, view in VIEWS.items():
            m = measure(embedder, files, labels, classes, view, None if args.frame is None else args.frame == "yes")
            rows.append(m)
            print(f"  {view_name:<10}{m['accuracy']:>10.3f}{m['ece']:>8.3f}{m['unsure']:>8.1%}{m['wrong_and_sure']:>12.1%}",
                  flush=True)
        shifted = rows[1:]
        print(f"  {'shifted':<10}{np.mean([m['accuracy'] for m in shifted]):>10.3f}"
              f"{np.mean([m['ece'] for m in shifted]):>8.3f}{np.mean([m['unsure'] for m in shifted]):>8.1%}"
              f"{np.mean([m['wrong_and_sure'] for m in shifted]):>12.1%}  (mean of the five views)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
