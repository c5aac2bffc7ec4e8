"""Studio shots framed like the photos the model learnt from.

clothing-small's garments fill the frame; a webshop photo shows the garment (or the model
wearing it) small on a wide white backdrop. Before the model's crop, a photo whose border
is a light plain backdrop is cut to the square around what stands on it, with a margin,
so the garment fills the model's view as it did in training. Anything else is left as it
is: a border that is not a light plain backdrop (a floor, a bed, a busy room) says nothing
certain about where the garment ends.

The check runs on a point-sampled copy of about 64 pixels (0.1 ms): the border band must be at least 60%
light neutral pixels (OKLab lightness over 0.8, chroma under 0.04, the same test as the
colour step's white point), and the subject is every pixel farther than 0.06 from the
backdrop's median colour (a backdrop's soft shadows stay backdrop). The cut only ever
zooms in: where the square around the subject is not clearly smaller than the photo's
shorter side (a full-length model in a portrait photo), the model's usual centre square
is kept, as in training. Nor is a subject cut that covers under a quarter of its own box:
a white garment on a white backdrop shows only its buttons, seams and shadows, and a cut
to those would lose the garment. Past the photo's edges the square is filled with the
backdrop's colour. Small subjects in large JPEGs are cut from the draft-decoded image, so
a garment under about a fifth of the frame reaches the model upsampled.

What the model sees changes with this file: a change here needs a new model version (the
spec's ``version``), so that catalogues read their photos again.
"""

from __future__ import annotations

import numpy as np
from PIL import Image

from fashiondesk.core.vision.colour_names import light_neutral, srgb_to_oklab

PROBE = 64  # long side of the copy the check runs on
BAND = 2  # border band, in probe pixels
BACKDROP_SHARE = 0.6
SUBJECT_DISTANCE = 0.06
MARGIN = 0.8  # the subject's longer side is this share of the square's side
SOLID = 0.25  # the subject must cover this share of its own box
ZOOM_IN_BELOW = 0.9  # only squares this much smaller than the photo's shorter side are cut


def _border(ph: int, pw: int) -> np.ndarray:
    border = np.ones((ph, pw), dtype=bool)
    border[BAND:-BAND, BAND:-BAND] = False
    return border


def studio_box(img: Image.Image) -> tuple[tuple[int, int, int, int], tuple[int, int, int]] | None:
    """The square (left, top, right, bottom; may reach past the edges) to cut ``img`` to and
    the backdrop's colour, or None when the photo is not a studio shot or the cut would not
    zoom in."""
    w, h = img.size
    rgb_img = img.convert("RGB") if img.mode != "RGB" else img
    factor = max(1, max(w, h) // PROBE)
    size = (max(1, w // factor), max(1, h // factor))
    # A point sample, not a box filter (5 us, not 200): the thresholds below are far above
    # JPEG and sensor noise, and the subject's box takes percentiles.
    rgb = np.asarray(rgb_img.resize(size, Image.Resampling.NEAREST))
    ph, pw = rgb.shape[:2]
    border = _border(ph, pw)
    edge = srgb_to_oklab(rgb[border])
    light = light_neutral(edge)
    if light.mean() < BACKDROP_SHARE:
        return None
    lab = srgb_to_oklab(rgb)
    backdrop = np.median(edge[light], axis=0)
    subject = np.linalg.norm(lab - backdrop, axis=-1) > SUBJECT_DISTANCE
    if subject.sum() < 0.01 * ph * pw:
        return None
    rows, cols = np.nonzero(subject)
    top, bottom = np.percentile(rows, [0.5, 99.5])
    left, right = np.percentile(cols, [0.5, 99.5])
    bw, bh = (right - left + 1) / pw, (bottom - top + 1) / ph
    if subject.sum() < SOLID * bw * bh * ph * pw:
        return None  # a white garment on white: only its buttons, seams and shadows stand out
    side = max(bw * w, bh * h) / MARGIN
    if side >= ZOOM_IN_BELOW * min(w, h):  # the model's own centre square shows as much
        return None
    cx, cy = (left + right + 1) / 2 / pw * w, (top + bottom + 1) / 2 / ph * h
    x, y, n = round(cx - side / 2), round(cy - side / 2), round(side)
    fill = tuple(int(v) for v in np.median(rgb[border][light], axis=0))
    return (x, y, x + n, y + n), (fill[0], fill[1], fill[2])


def frame_studio(img: Image.Image) -> Image.Image:
    """``img`` cut to ``studio_box``, the part past its edges filled with the backdrop."""
    found = studio_box(img)
    if found is None:
        return img
    box, backdrop = found
    left, top, right, bottom = box
    if left >= 0 and top >= 0 and right <= img.width and bottom <= img.height:
        return img.crop(box)
    canvas = Image.new("RGB", (right - left, bottom - top), backdrop)
    canvas.paste(img.convert("RGB"), (-left, -top))
    return canvas
