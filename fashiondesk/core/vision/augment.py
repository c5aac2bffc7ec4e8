"""Training views of a photo that do not look like the training set's photo style.

clothing-small is flat-lay and hanger photos on floors, beds and doors. Shops photograph on
white backdrops, garments worn by models, close-ups, in other light. A model that learns
the category from the garment, not the flat-lay look, has to see views where the look is
gone (see ``augmented_view``). Colour changes are fine here: the category model never names
colours (they are measured from the pixels, see ``colours``).
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass

import numpy as np
from PIL import Image, ImageEnhance, ImageOps

from fashiondesk.core.vision.imageload import open_image


@dataclass(frozen=True)
class Augment:
    scale_min: float = 0.5  # random resized crop: share of the photo's area kept
    zoom_out: float = 0.0  # chance of shrinking the photo onto a plain backdrop (product-shot framing)
    light: float = 0.2  # brightness and contrast factors within 1 +- light
    colour: float = 0.0  # saturation within 1 +- colour, hue turned by up to colour / 4 of the circle
    grey: float = 0.0  # chance of a grey-scale view
    erase: float = 0.0  # chance of a random-erasing rectangle (Zhong et al. 2017)


FLAT_LAY = Augment()  # the first recipe's views (lite0-clothing-ffc28458)
STYLE_FREE = Augment(scale_min=0.25, zoom_out=0.25, light=0.3, colour=0.4, grey=0.1, erase=0.25)

BACKDROPS = ((255, 255, 255), (245, 245, 245), (228, 228, 228), (238, 232, 222))  # white, off-white, light grey, studio beige


def _crop(img: Image.Image, rng: random.Random, scale_min: float) -> Image.Image:
    w, h = img.size
    for _ in range(10):
        target = w * h * rng.uniform(scale_min, 1.0)
        ratio = math.exp(rng.uniform(math.log(3 / 4), math.log(4 / 3)))
        cw, ch = int(round(math.sqrt(target * ratio))), int(round(math.sqrt(target / ratio)))
        if 0 < cw <= w and 0 < ch <= h:
            left, top = rng.randint(0, w - cw), rng.randint(0, h - ch)
            return img.crop((left, top, left + cw, top + ch))
    return img


def _zoom_out(img: Image.Image, size: int, rng: random.Random) -> Image.Image:
    """The photo at 55-90% of the frame on a plain backdrop, placed anywhere."""
    colour = rng.choice(BACKDROPS) if rng.random() < 0.8 else tuple(rng.randint(0, 255) for _ in range(3))
    canvas = Image.new("RGB", (size, size), colour)
    side = int(size * rng.uniform(0.55, 0.9))
    small = img.resize((side, side), Image.Resampling.BILINEAR)
    canvas.paste(small, (rng.randint(0, size - side), rng.randint(0, size - side)))
    return canvas


def _turn_hue(img: Image.Image, turn: float) -> Image.Image:
    hsv = np.asarray(img.convert("HSV")).copy()
    hsv[..., 0] = (hsv[..., 0].astype(np.int32) + int(round(turn * 255))) % 256
    return Image.fromarray(hsv, "HSV").convert("RGB")


def _erase(a: np.ndarray, rng: random.Random) -> np.ndarray:
    h, w = a.shape[:2]
    area = h * w * rng.uniform(0.02, 0.2)
    ratio = math.exp(rng.uniform(math.log(0.3), math.log(3.3)))
    eh, ew = min(h, int(math.sqrt(area / ratio))), min(w, int(math.sqrt(area * ratio)))
    top, left = rng.randint(0, h - eh), rng.randint(0, w - ew)
    a = a.copy()
    noise = np.random.default_rng(rng.randint(0, 2**31)).integers(0, 256, (eh, ew, 3), dtype=np.uint8)
    a[top : top + eh, left : left + ew] = noise
    return a


def augmented_view(data: bytes, size: int, rng: random.Random, augment: Augment = FLAT_LAY) -> np.ndarray:
    """One random training view of the photo in ``data``, (size, size, 3) uint8."""
    img, _, _ = open_image(data)
    img = _crop(img, rng, augment.scale_min)
    if augment.zoom_out and rng.random() < augment.zoom_out:
        img = _zoom_out(img, size, rng)
    img = img.resize((size, size), Image.Resampling.BILINEAR)
    if rng.random() < 0.5:
        img = img.transpose(Image.Transpose.FLIP_LEFT_RIGHT)
    img = ImageEnhance.Brightness(img).enhance(rng.uniform(1 - augment.light, 1 + augment.light))
    img = ImageEnhance.Contrast(img).enhance(rng.uniform(1 - augment.light, 1 + augment.light))
    if augment.colour:
        img = ImageEnhance.Color(img).enhance(rng.uniform(1 - augment.colour, 1 + augment.colour))
        img = _turn_hue(img, rng.uniform(-augment.colour / 4, augment.colour / 4))
    if augment.grey and rng.random() < augment.grey:
        img = ImageOps.grayscale(img).convert("RGB")
    a = np.asarray(img, dtype=np.uint8)
    if augment.erase and rng.random() < augment.erase:
        a = _erase(a, rng)
    return a
