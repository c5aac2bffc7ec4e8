"""A photo's fingerprint: its pixels, small, for telling an altered copy from another photo.

Made in the indexing pass from the image already decoded for the model (upright, whole,
before it is cut to the subject): a 64 x 64 grey image and a 16 x 16 colour image, both of
the whole photo squeezed to a square (the photo's shape is kept with the photo). 4,864 bytes,
about a millisecond per photo. ``core.index.verify`` compares two.
"""

from __future__ import annotations

import numpy as np
from PIL import Image

LUMA = 64
COLOUR = 16
SIZE = LUMA * LUMA + COLOUR * COLOUR * 3


def make(upright: Image.Image) -> bytes:
    rgb = upright if upright.mode == "RGB" else upright.convert("RGB")
    luma = rgb.convert("L").resize((LUMA, LUMA), Image.Resampling.BOX)
    colour = rgb.resize((COLOUR, COLOUR), Image.Resampling.BOX)
    return luma.tobytes() + colour.tobytes()


def unpack(blobs: list[bytes]) -> tuple[np.ndarray, np.ndarray]:
    """(N, 64, 64) grey and (N, 16, 16, 3) colour, uint8 (made float where they are used:
    20,000 photos are 97 MB so, 390 MB as float)."""
    flat = np.frombuffer(b"".join(blobs), dtype=np.uint8).reshape(len(blobs), SIZE)
    return (flat[:, : LUMA * LUMA].reshape(-1, LUMA, LUMA),
            flat[:, LUMA * LUMA :].reshape(-1, COLOUR, COLOUR, 3))
