"""A garment's dominant colours by name, hex and share, from the pixels already decoded.

Method (runs in the indexing pass on the model's 224 px input, box-filtered to 32 px;
no second decode, about 1.6 ms per photo in one thread):

1. OKLab. Pixels are converted from sRGB to OKLab, where Euclidean distance follows
   perceived colour difference.
2. Background from the border. Product photos have a plain backdrop, floor or wall that
   touches the image border. The border band is clustered; border colours that cover at
   least 15% of the band, and less than 35% of the centre half of the photo (there it
   would be the garment itself, which in tightly framed photos touches the border), form
   the background model; pixels within 0.05 OKLab of one of them are background.
3. Skin. Pixels in the usual skin range (YCbCr: 135 <= Cr <= 173, 77 <= Cb <= 127) are
   dropped too, unless that would remove most of what is left (a beige or pink garment).
   If less than 8% of the photo is left, the centre half is used instead.
4. The model's view. The fine-tuned model's class activation map for the predicted
   category (``export_onnx.add_class_maps``) marks where it saw the garment; pixels below
   half its peak are dropped. This is what removes busy backgrounds (patterned sheets,
   tiled floors) that the border model keeps. If the two masks together leave under 5%
   of the photo they disagree, and the model's mask alone is used.
5. The whole garment. Steps 2-4 keep only the surest part of it. ``refine_mask`` grows
   that into the whole garment with colour histograms of garment and background, GrabCut
   style (see there), and skin is dropped again.
6. Clusters. k-means (k = 5, deterministic start) on the garment pixels; each cluster is
   named by ``colour_names.name_colour`` (hue sector, then lightness and chroma, with
   thresholds from hand labels); clusters with the same name are merged. Up to three
   colours with a share of at least 10% are kept, dominant first, each with the hex
   value of its mean colour.

Accuracy (``fashiondesk evaluate-colours tests/data/colour_labels.csv DATASET``, 150
hand-labelled photos of clothing-small `validation` and `test` that nothing was tuned
on): the dominant colour is right for 0.547 and within the first two for 0.633. The
target of 0.85 / 0.95 is not met, and cannot be met against these labels: a second blind
labelling of the same photos by the same person agrees with the first on only 0.787 of
them (navy or black, grey or white, grey or light blue). On the 118 photos where the two
labellings agree, the dominant colour is right for 0.568. The hex value is the measured
colour and is right even when the name is not.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from PIL import Image

from fashiondesk.core.vision.colour_names import PALETTE, name_colour, srgb_to_oklab

__all__ = ["PALETTE", "Colour", "dominant_colours", "name_colour", "srgb_to_oklab"]

SIZE = 32  # colours are measured on the model input box-filtered to 32 x 32 pixels
CAM_THRESHOLD = 0.5  # of the activation map's peak
MIN_MASK = 0.05  # below this share of the photo, the two masks disagree: trust the model's
MIN_SHARE = 0.10
BACKGROUND_DISTANCE = 0.05  # OKLab distance to a background colour
CENTRE_SHARE_OF_GARMENT = 0.35  # a border colour covering this much of the centre is garment
MAX_COLOURS = 3
LEVELS = 6  # per sRGB channel, for the garment and background colour histograms
ROUNDS = 4  # of refining the garment mask
PSEUDO_COUNT = 0.1  # per histogram bin


@dataclass(frozen=True)
class Colour:
    name: str
    hex: str
    share: float


def _kmeans(x: np.ndarray, k: int, iterations: int = 8) -> tuple[np.ndarray, np.ndarray]:
    """Deterministic k-means: start from spread-out points (farthest-point seeding)."""
    k = min(k, len(x))
    centres = [x[np.argmin(x[:, 0])]]  # the darkest pixel
    d = ((x - centres[0]) ** 2).sum(axis=1)
    for _ in range(1, k):
        centres.append(x[int(np.argmax(d))])
        d = np.minimum(d, ((x - centres[-1]) ** 2).sum(axis=1))
    c = np.stack(centres).astype(np.float32)
    x = x.astype(np.float32)
    squared = (x * x).sum(axis=1)[:, None]
    rows = np.arange(len(x))

    def assign(c: np.ndarray) -> np.ndarray:
        return (squared - 2.0 * (x @ c.T) + (c * c).sum(axis=1)[None]).argmin(axis=1)

    for _ in range(iterations):
        labels = assign(c)
        onehot = np.zeros((len(x), k), dtype=np.float32)
        onehot[rows, labels] = 1.0
        counts = onehot.sum(axis=0)
        filled = counts > 0
        c[filled] = (onehot.T @ x)[filled] / counts[filled, None]
    labels = assign(c)
    return c, labels


def _skin(rgb: np.ndarray) -> np.ndarray:
    """The usual skin range in YCbCr: 135 <= Cr <= 173, 77 <= Cb <= 127."""
    c = rgb.astype(np.float32)
    cr = 128 + 0.5 * c[..., 0] - 0.418688 * c[..., 1] - 0.081312 * c[..., 2]
    cb = 128 - 0.168736 * c[..., 0] - 0.331264 * c[..., 1] + 0.5 * c[..., 2]
    return (cr >= 135) & (cr <= 173) & (cb >= 77) & (cb <= 127)


def _without_skin(mask: np.ndarray, skin: np.ndarray) -> np.ndarray:
    # Unless that removes most of the garment: then the garment is beige or pink.
    return mask & ~skin if (mask & ~skin).sum() >= 0.5 * mask.sum() else mask


def _border(h: int, w: int, band: int) -> np.ndarray:
    border = np.ones((h, w), dtype=bool)
    border[band:-band, band:-band] = False
    return border


def garment_mask(rgb: np.ndarray, lab: np.ndarray, band: int = 4) -> np.ndarray:
    """First guess: not a background colour from the border, not skin."""
    h, w = lab.shape[:2]
    border = _border(h, w, band)
    centre = np.zeros((h, w), dtype=bool)
    centre[h // 4 : h - h // 4, w // 4 : w - w // 4] = True
    centres, labels = _kmeans(lab[border], 4)
    shares = np.bincount(labels, minlength=len(centres)) / len(labels)
    near = ((lab[..., None, :] - centres[None, None]) ** 2).sum(axis=-1) <= BACKGROUND_DISTANCE**2
    # A border colour is background unless it also fills much of the centre: garments in
    # tightly framed photos touch the border too.
    in_centre = near[centre].mean(axis=0)
    background = (shares >= 0.15) & (in_centre < CENTRE_SHARE_OF_GARMENT)
    mask = _without_skin(~near[..., background].any(axis=-1), _skin(rgb))
    if mask.mean() < 0.08:
        mask = centre
    return mask


def activation_mask(class_map: np.ndarray, size: int) -> np.ndarray:
    """Where the model saw the garment: its class activation map at >= half its peak."""
    cam = np.maximum(np.asarray(class_map, dtype=np.float32), 0.0)
    peak = cam.max()
    if peak <= 0:
        return np.ones((size, size), dtype=bool)
    rows = (np.arange(size) * cam.shape[0] // size).clip(0, cam.shape[0] - 1)
    cols = (np.arange(size) * cam.shape[1] // size).clip(0, cam.shape[1] - 1)
    return cam[rows][:, cols] >= CAM_THRESHOLD * peak


def _box3(a: np.ndarray) -> np.ndarray:
    """Mean over each pixel's 3 x 3 neighbourhood (edges repeated)."""
    p = np.pad(a, 1, mode="edge")
    h, w = a.shape
    return sum(p[i : i + h, j : j + w] for i in range(3) for j in range(3)) / 9.0


def refine_mask(rgb: np.ndarray, mask: np.ndarray, band: int) -> np.ndarray:
    """Grow the first guess into the whole garment, GrabCut-style without the graph cut.

    Colour histograms of the garment (the mask) and of the background (the rest, and always
    the border band) give each pixel a log-likelihood ratio; smoothed over its 3 x 3
    neighbourhood, a positive ratio is garment. Repeated ``ROUNDS`` times with the new mask.
    The first guess holds only the surest part of the garment; this takes in the rest of
    it (the sleeves, the lit and the shaded side) and drops the floor between two shoes.
    """
    h, w = mask.shape
    q = (rgb.astype(np.int32) * LEVELS) // 256
    code = ((q[..., 0] * LEVELS + q[..., 1]) * LEVELS + q[..., 2]).ravel()
    bins = LEVELS**3
    border = _border(h, w, band).ravel()
    for _ in range(ROUNDS):
        garment = mask.ravel()
        fg = np.bincount(code[garment], minlength=bins) + PSEUDO_COUNT
        bg = np.bincount(code[~garment | border], minlength=bins) + PSEUDO_COUNT
        ratio = np.log(fg / fg.sum()) - np.log(bg / bg.sum())
        grown = _box3(ratio[code].reshape(h, w)) > 0
        if grown.sum() < 0.03 * h * w:
            break
        mask = grown
    return mask


def dominant_colours(pixels: np.ndarray, class_map: np.ndarray | None = None, size: int = SIZE) -> list[Colour]:
    """Colours of the garment in a (S, S, 3) uint8 image, dominant first.

    ``class_map`` is the model's activation map for the photo's category (see
    ``export_onnx.add_class_maps``); without it, the border model alone finds the garment.
    """
    small = np.asarray(Image.fromarray(pixels).resize((size, size), Image.Resampling.BOX))
    lab = srgb_to_oklab(small)
    band = max(2, size // 14)
    mask = garment_mask(small, lab, band)
    if class_map is not None:
        seen = activation_mask(class_map, size)
        both = mask & seen
        mask = both if both.sum() >= MIN_MASK * mask.size else seen
    mask = _without_skin(refine_mask(small, mask, band), _skin(small))
    x, rgb = lab[mask], small[mask].astype(np.float32)
    centres, labels = _kmeans(x, 5)
    totals: dict[str, list] = {}
    for j in range(len(centres)):
        members = labels == j
        if not members.any():
            continue
        name = name_colour(centres[j])
        entry = totals.setdefault(name, [0, np.zeros(3)])
        entry[0] += int(members.sum())
        entry[1] += rgb[members].sum(axis=0)
    colours = []
    for name, (count, rgb_sum) in sorted(totals.items(), key=lambda kv: -kv[1][0]):
        share = count / len(x)
        if share < MIN_SHARE or len(colours) == MAX_COLOURS:
            continue
        r, g, b = (rgb_sum / count).round().astype(int)
        colours.append(Colour(name, f"#{r:02x}{g:02x}{b:02x}", round(share, 3)))
    return colours
