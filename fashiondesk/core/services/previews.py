"""Pictures for the window: a photo decoded to a given size, the way indexing reads it."""

from __future__ import annotations

from PIL import Image

from fashiondesk.core.vision.budget import DecodeBudget
from fashiondesk.core.vision.imageload import DECODE_BUDGET, UnreadableImage, open_image, read_photo

_BUDGET = DecodeBudget(DECODE_BUDGET)  # shared by every thread that asks for previews


def preview(path: str, edge: int) -> Image.Image | None:
    """The photo upright, in RGB, at most ``edge`` pixels on its longer side; None if it cannot
    be read (pipes, huge files and oversized decodes are refused, HEIC and AVIF are read)."""
    try:
        img, _width, _height = open_image(read_photo(path), draft_to=edge, budget=_BUDGET)
    except (UnreadableImage, MemoryError):
        return None
    img.thumbnail((edge, edge), Image.Resampling.BILINEAR, reducing_gap=2.0)
    return img
