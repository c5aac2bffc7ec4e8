"""Reading the photos real folders contain, robustly and fast.

``load_rgb`` turns file bytes into an RGB image the way a person sees it: EXIF orientation
applied, palette/CMYK/16-bit/greyscale converted, transparency composited on white, JPEGs
decoded at reduced scale when that still covers the target size (draft mode). Anything it
cannot read raises ``UnreadableImage`` with a reason a shop assistant can act on.
"""

from __future__ import annotations

import io
import warnings
from dataclasses import dataclass

import numpy as np
from PIL import Image, ImageOps, UnidentifiedImageError

# Refuse images above this many pixels: a 12,000 x 16,000 photo still passes, a
# decompression bomb (a tiny PNG claiming gigapixels) does not. Pillow's own check uses
# the same figure so both paths agree.
MAX_PIXELS = 200_000_000
Image.MAX_IMAGE_PIXELS = MAX_PIXELS

IMAGE_EXTENSIONS = frozenset({".jpg", ".jpeg", ".png", ".webp", ".bmp", ".tif", ".tiff", ".gif"})


class UnreadableImage(Exception):
    """The file is not an image we can read; the message says why, in plain words."""


@dataclass(frozen=True)
class LoadedImage:
    pixels: np.ndarray  # (size, size, 3) uint8, the model's centre-cropped input
    width: int  # the photo as displayed (after EXIF orientation), full resolution
    height: int


def _to_rgb(img: Image.Image) -> Image.Image:
    mode = img.mode
    if mode == "RGB":
        return img
    if mode in ("I;16", "I;16B", "I;16L", "I;16N", "I", "F"):
        arr = np.asarray(img, dtype=np.float64)
        top = 65535.0 if mode.startswith("I;16") or arr.max(initial=0) > 255 else 255.0
        arr = np.clip(arr / top * 255.0 + 0.5, 0, 255).astype(np.uint8)
        return Image.fromarray(arr, "L").convert("RGB")
    if mode == "P" and "transparency" in img.info or mode in ("RGBA", "LA", "PA", "La", "RGBa"):
        rgba = img.convert("RGBA")
        white = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
        return Image.alpha_composite(white, rgba).convert("RGB")
    return img.convert("RGB")


def open_image(data: bytes, draft_to: int | None = None) -> tuple[Image.Image, int, int]:
    """Decode bytes to an upright RGB image; returns it with the full displayed size."""
    if not data:
        raise UnreadableImage("empty file (0 bytes)")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            img = Image.open(io.BytesIO(data))
            width, height = img.size
            if width * height > MAX_PIXELS:
                raise UnreadableImage(
                    f"image too large ({width} x {height} pixels; the limit is "
                    f"{MAX_PIXELS // 1_000_000} megapixels)"
                )
            if draft_to and img.format == "JPEG":
                img.draft("RGB", (draft_to, draft_to))
            img.seek(0)
            orientation = img.getexif().get(0x0112, 1)
            img.load()
            img = ImageOps.exif_transpose(img)
            rgb = _to_rgb(img)
    except UnreadableImage:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        raise UnreadableImage(f"image too large (decompression bomb guard): {exc}") from exc
    except UnidentifiedImageError as exc:
        raise UnreadableImage("not an image file, or a format fashiondesk cannot read") from exc
    except (OSError, SyntaxError, ValueError, EOFError) as exc:
        raise UnreadableImage(f"damaged or truncated image ({exc})") from exc
    if orientation in (5, 6, 7, 8):
        width, height = height, width
    return rgb, width, height


def load_rgb(data: bytes, size: int, crop_pct: float = 0.875) -> LoadedImage:
    """Decode, resize the shorter side to size / crop_pct and take the centre square.

    This is the evaluation transform the ImageNet weights were measured with (256 -> 224);
    it reproduces the reference probe and 1-NN figures, where squashing the whole photo
    to a square loses about five points of 1-NN accuracy.
    """
    short = max(size, round(size / crop_pct))
    img, width, height = open_image(data, draft_to=short)
    w, h = img.size
    scale = short / min(w, h)
    rw, rh = max(short, round(w * scale)), max(short, round(h * scale))
    left, top = (rw - size) // 2, (rh - size) // 2
    try:
        square = img.resize((rw, rh), Image.BILINEAR).crop((left, top, left + size, top + size))
    except (OSError, ValueError) as exc:
        raise UnreadableImage(f"damaged image ({exc})") from exc
    return LoadedImage(np.asarray(square, dtype=np.uint8), width, height)


def is_image_name(name: str) -> bool:
    dot = name.rfind(".")
    return dot > 0 and name[dot:].lower() in IMAGE_EXTENSIONS
