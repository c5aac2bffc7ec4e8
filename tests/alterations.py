"""What shops do to a photo before it lands in a folder again: the alterations the near-duplicate
detector must see through (issue 21). Each takes and returns an RGB PIL image; ``save`` writes the
copy as a shop's tool would (JPEG, quality 90 unless the alteration is the re-save itself)."""

from __future__ import annotations

from pathlib import Path
from typing import Callable

from PIL import Image, ImageEnhance


def half(img: Image.Image) -> Image.Image:
    """The web-resized copy."""
    return img.resize((max(1, img.width // 2), max(1, img.height // 2)), Image.Resampling.LANCZOS)


def crop(img: Image.Image, left: float, top: float, right: float, bottom: float) -> Image.Image:
    w, h = img.size
    return img.crop((round(w * left), round(h * top), round(w * (1 - right)), round(h * (1 - bottom))))


def crop90(img: Image.Image) -> Image.Image:
    """5% off each side."""
    return crop(img, 0.05, 0.05, 0.05, 0.05)


def crop70(img: Image.Image) -> Image.Image:
    """15% off each side: the most the detector promises to see through."""
    return crop(img, 0.15, 0.15, 0.15, 0.15)


def off_centre(img: Image.Image) -> Image.Image:
    """A crop that keeps one corner: 12% off the left and top, 3% off the right and bottom."""
    return crop(img, 0.12, 0.12, 0.03, 0.03)


def square(img: Image.Image) -> Image.Image:
    """The square crop for social media, centred on the longer side."""
    side = min(img.size)
    left, top = (img.width - side) // 2, (img.height - side) // 2
    return img.crop((left, top, left + side, top + side))


def rotate_brighter(img: Image.Image, degrees: float = 3.0, brightness: float = 1.15) -> Image.Image:
    """Straightened by a few degrees (cropped to the corners, as photo editors do), then +15%."""
    turned = img.rotate(degrees, Image.Resampling.BICUBIC, expand=False)
    margin_x = round(img.height * 0.5 * abs(degrees) / 57.3) + 1
    margin_y = round(img.width * 0.5 * abs(degrees) / 57.3) + 1
    turned = turned.crop((margin_x, margin_y, img.width - margin_x, img.height - margin_y))
    return ImageEnhance.Brightness(turned).enhance(brightness)


def mirror(img: Image.Image) -> Image.Image:
    return img.transpose(Image.Transpose.FLIP_LEFT_RIGHT)


def warmer_contrast(img: Image.Image) -> Image.Image:
    """A white-balance edit (warmer) with more contrast."""
    r, g, b = img.split()
    r = r.point(lambda v: min(255, round(v * 1.08)))
    b = b.point(lambda v: round(v * 0.88))
    return ImageEnhance.Contrast(Image.merge("RGB", (r, g, b))).enhance(1.2)


def darker_flat(img: Image.Image) -> Image.Image:
    """Less light and less contrast (a dull edit)."""
    return ImageEnhance.Contrast(ImageEnhance.Brightness(img).enhance(0.85)).enhance(0.85)


# The kind written with its own JPEG quality (the re-saved copy) has quality in the table.
KINDS: dict[str, tuple[Callable[[Image.Image], Image.Image], int]] = {
    "half size": (half, 90),
    "JPEG quality 60": (lambda img: img, 60),
    "crop 5% a side": (crop90, 90),
    "crop 15% a side": (crop70, 90),
    "off-centre crop": (off_centre, 90),
    "square crop": (square, 90),
    "3 degrees, +15% light": (rotate_brighter, 90),
    "mirrored": (mirror, 90),
    "warmer, more contrast": (warmer_contrast, 90),
    "darker, flatter": (darker_flat, 90),
}


def save(src: Path, dest: Path, kind: str) -> Path:
    change, quality = KINDS[kind]
    with Image.open(src) as img:
        change(img.convert("RGB")).save(dest, "JPEG", quality=quality)
    return dest
