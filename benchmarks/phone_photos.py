"""Make a folder of phone-sized photos from clothing-small, for the throughput benchmarks.

Shops photograph stock with phones: 12-megapixel JPEGs of 1.5-4 MB. clothing-small's
photos are about 400 x 533, so each is upscaled to 4032 px on its long side, given sensor
noise (luminance and a weaker, coarser chroma noise, as a phone's denoiser leaves it) so that
the JPEG carries a phone photo's amount of detail, and saved at quality 90 with 4:2:0 colour.
A portrait photo is stored the way phones store it: landscape pixels and EXIF orientation 6
(the reader must turn it). The corpus is generated, never committed:

    python benchmarks/phone_photos.py OUT_FOLDER [--n 300] [--split train]

Photos already made are kept, so a second call is instant.
"""

from __future__ import annotations

import argparse
import os
import sys
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import numpy as np
from PIL import Image

DATA = Path(__file__).resolve().parents[2] / "shared" / "datasets" / "clothing-small"
LONG_SIDE = 4032
QUALITY = 90


def sources(n: int, split: str) -> list[Path]:
    files = sorted((DATA / split).glob("*/*.jpg"))
    if not files:
        sys.exit(f"no photos under {DATA / split}")
    step = max(1, len(files) // n)  # spread over every category
    return files[::step][:n]


def phone_photo(src: Path, dest: Path, seed: int) -> int:
    """Write ``dest`` from ``src``; returns its size in bytes."""
    rng = np.random.default_rng(seed)
    img = Image.open(src).convert("RGB")
    w, h = img.size
    scale = LONG_SIDE / max(w, h)
    img = img.resize((round(w * scale), round(h * scale)), Image.Resampling.BICUBIC)
    pixels = np.asarray(img, dtype=np.int16)
    luma = rng.normal(0.0, 6.0, pixels.shape[:2]).astype(np.int16)
    small = rng.normal(0.0, 3.0, (pixels.shape[0] // 2 + 1, pixels.shape[1] // 2 + 1, 3)).astype(np.int16)
    chroma = small.repeat(2, axis=0).repeat(2, axis=1)[: pixels.shape[0], : pixels.shape[1]]
    noisy = np.clip(pixels + luma[..., None] + chroma, 0, 255).astype(np.uint8)
    out = Image.fromarray(noisy, "RGB")
    exif = Image.Exif()
    exif[0x010F] = "Phone maker"  # Make
    exif[0x0110] = "Phone 12MP"  # Model
    if out.height > out.width:  # a portrait shot: stored landscape, turned by orientation 6
        out = out.transpose(Image.Transpose.ROTATE_90)
        exif[0x0112] = 6
    else:
        exif[0x0112] = 1
    tmp = dest.with_suffix(".tmp")
    out.save(tmp, "JPEG", quality=QUALITY, subsampling="4:2:0", exif=exif.tobytes())
    os.replace(tmp, dest)
    return dest.stat().st_size


def make(folder: Path, n: int = 300, split: str = "train", workers: int | None = None) -> list[Path]:
    """The corpus of ``n`` phone photos in ``folder`` (made if missing); returns their paths."""
    folder.mkdir(parents=True, exist_ok=True)
    todo, made = [], []
    for i, src in enumerate(sources(n, split)):
        dest = folder / f"IMG_{i:04d}-{src.parent.name}.jpg"
        made.append(dest)
        if not dest.exists():
            todo.append((src, dest, i))
    if todo:
        with ProcessPoolExecutor(workers or os.cpu_count() or 1) as pool:
            list(pool.map(phone_photo, *zip(*todo), chunksize=4))
    return made


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--n", type=int, default=300)
    parser.add_argument("--split", default="train")
    args = parser.parse_args()
    files = make(args.folder, args.n, args.split)
    sizes = sorted(f.stat().st_size for f in files)
    print(f"{len(files)} phone photos in {args.folder}: {sizes[0] / 1e6:.1f}-{sizes[-1] / 1e6:.1f} MB, "
          f"median {sizes[len(sizes) // 2] / 1e6:.1f} MB")


if __name__ == "__main__":
    main()
