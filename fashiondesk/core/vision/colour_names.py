"""The fashion palette and how a measured colour gets its name.

A colour is named from its OKLab lightness L, chroma C and hue angle h (degrees), by hue
sector and then lightness, the way people name colours (a family first, then light or
dark), rather than by the nearest of twenty fixed points. Nearest-point naming called
most navy garments black and most light blue ones grey: photographed indoors, navy cloth
measures L 0.32 with chroma only 0.03, and the nearest fixed "navy" point was farther away
than black. The thresholds below come from the 236 hand-labelled photos of
``tests/data/colour_labels_train.csv`` (per name, the spread of L, C and h of the
garment's main colour); they were then checked once on the separate 150 of
``tests/data/colour_labels.csv``.

=========================  ===============================================================
sector                     name
=========================  ===============================================================
C < 0.02 (blue: < 0.014)   black L < 0.35, charcoal < 0.47, grey < 0.70, else white
h 225-300 (blue)           navy L < 0.42; blue L < 0.56 or C > 0.10; else light blue
h 190-225                  teal
h 115-190                  green
h 300-335                  purple L < 0.55, else pink
h 335-10 (magenta side)    maroon L < 0.42, else pink
h 10-30 (red)              pink L >= 0.6 and C < 0.12; red C >= 0.10 and L >= 0.42;
                           maroon L < 0.45 and C >= 0.05, brown L < 0.45; else pink
h 30-70                    orange C > 0.10 and L > 0.55; brown L < 0.55; else beige
h 70-115                   yellow C > 0.08 and L > 0.6; olive L < 0.55; khaki C >= 0.05
                           and L < 0.75; cream L > 0.8 and C < 0.03; else beige
=========================  ===============================================================

Blue keeps its colour down to a lower chroma than other hues: blue cloth under warm
indoor light loses its chroma first, and staff still call it navy or blue.
"""

from __future__ import annotations

import math

import numpy as np

from fashiondesk.core.palette import PALETTE  # noqa: F401 - the names this module gives

ACHROMATIC = 0.02  # chroma below which a colour is black, charcoal, grey or white
ACHROMATIC_BLUE = 0.014
GREYS = ((0.35, "black"), (0.47, "charcoal"), (0.70, "grey"), (math.inf, "white"))


def srgb_to_oklab(rgb: np.ndarray) -> np.ndarray:
    """(..., 3) uint8 or float 0-255 sRGB to OKLab."""
    c = np.asarray(rgb, dtype=np.float32) / 255.0
    lin = np.where(c <= 0.04045, c / 12.92, ((c + 0.055) / 1.055) ** 2.4)
    m1 = np.array([[0.4122214708, 0.5363325363, 0.0514459929],
                   [0.2119034982, 0.6806995451, 0.1073969566],
                   [0.0883024619, 0.2817188376, 0.6299787005]], dtype=np.float32)
    m2 = np.array([[0.2104542553, 0.7936177850, -0.0040720468],
                   [1.9779984951, -2.4285922050, 0.4505937099],
                   [0.0259040371, 0.7827717662, -0.8086757660]], dtype=np.float32)
    lms = np.cbrt(lin @ m1.T)
    return lms @ m2.T


def name_colour(lab) -> str:
    """The palette name of one OKLab colour (see the table above)."""
    lightness, a, b = (float(v) for v in lab)
    chroma = math.hypot(a, b)
    hue = math.degrees(math.atan2(b, a)) % 360
    blue = 225 <= hue < 300
    if chroma < (ACHROMATIC_BLUE if blue else ACHROMATIC):
        return next(name for top, name in GREYS if lightness < top)
    if blue:
        if lightness < 0.42:
            return "navy"
        return "blue" if lightness < 0.56 or chroma > 0.10 else "light blue"
    if 190 <= hue < 225:
        return "teal"
    if 115 <= hue < 190:
        return "green"
    if 300 <= hue < 335:
        return "purple" if lightness < 0.55 else "pink"
    if hue >= 335 or hue < 30:
        return _reds(lightness, chroma, hue)
    if hue < 70:
        if chroma > 0.10 and lightness > 0.55:
            return "orange"
        return "brown" if lightness < 0.55 else "beige"
    return _yellows(lightness, chroma)


def _reds(lightness: float, chroma: float, hue: float) -> str:
    if hue >= 335 or hue < 10:  # the magenta side of red: hot pink, fuchsia, wine
        return "maroon" if lightness < 0.42 else "pink"
    if lightness >= 0.6 and chroma < 0.12:
        return "pink"
    if chroma >= 0.10 and lightness >= 0.42:
        return "red"
    if lightness < 0.45:
        return "maroon" if chroma >= 0.05 else "brown"
    return "pink"


def _yellows(lightness: float, chroma: float) -> str:
    if chroma > 0.08 and lightness > 0.6:
        return "yellow"
    if lightness < 0.55:
        return "olive"
    if chroma >= 0.05 and lightness < 0.75:
        return "khaki"
    if lightness > 0.8 and chroma < 0.03:
        return "cream"
    return "beige"
