"""Do two garments' colours go together? The rules a stylist starts from, kept small.

1. **Neutrals go with everything**: black, charcoal, grey, white, cream, beige, khaki,
   brown, navy and olive; and blue or light blue on a bottom (denim is worn as a neutral).
2. **One statement colour** (any other colour) per outfit: two statement colours go
   together only when their hues are close (the same colour or neighbours on the wheel,
   within 40°) or opposite (complementary, 140–220° apart), the two harmonic types of
   Matsuda's hue templates that colour harmonisation uses (Cohen-Or et al., "Color
   Harmonization", SIGGRAPH 2006); any other pair clashes.

Hues are measured in OKLab on each colour's stored swatch (the measured hex value, else
the palette's). A garment's colours count by their share: the score of two garments is
the share-weighted mean over their colour pairs, in [0, 1].
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from fashiondesk.core.palette import PALETTE
from fashiondesk.core.vision.colour_names import srgb_to_oklab

NEUTRALS = frozenset({"black", "charcoal", "grey", "white", "cream", "beige", "khaki", "brown", "navy", "olive"})
DENIM = frozenset({"blue", "light blue"})  # neutral on a bottom
CLOSE_HUES = 40.0  # degrees: the same colour family, or neighbours
OPPOSITE_GAP = 140.0  # degrees the shorter way round: 140–220° apart

NEUTRAL_PAIR = 1.0
CLOSE_PAIR = 0.8
OPPOSITE_PAIR = 0.6
CLASH = 0.1


@dataclass(frozen=True)
class Colour:
    name: str
    share: float  # of the garment, 0..1
    hex: str | None = None


def statement(colour: Colour, role: str) -> bool:
    return colour.name not in NEUTRALS and not (role == "bottom" and colour.name in DENIM)


def hue(colour: Colour) -> float:
    """The colour's OKLab hue angle in degrees."""
    return _hue(_rgb(colour))


@lru_cache(maxsize=4096)
def _hue(rgb: tuple[int, int, int]) -> float:
    lab = srgb_to_oklab(np.array(rgb, dtype=np.float32))
    return math.degrees(math.atan2(float(lab[2]), float(lab[1]))) % 360.0


def _rgb(colour: Colour) -> tuple[int, int, int]:
    if colour.hex and len(colour.hex) == 7 and colour.hex.startswith("#"):
        try:
            return int(colour.hex[1:3], 16), int(colour.hex[3:5], 16), int(colour.hex[5:7], 16)
        except ValueError:
            pass
    return PALETTE.get(colour.name, (128, 128, 128))


def pair(a: Colour, a_role: str, b: Colour, b_role: str) -> float:
    """How well two single colours go together (rules 1 and 2)."""
    if not statement(a, a_role) or not statement(b, b_role):
        return NEUTRAL_PAIR
    gap = abs(hue(a) - hue(b)) % 360.0
    gap = min(gap, 360.0 - gap)
    if gap <= CLOSE_HUES:
        return CLOSE_PAIR
    if gap >= OPPOSITE_GAP:  # the shorter way round is at most 180°
        return OPPOSITE_PAIR
    return CLASH


def garments(a: list[Colour], a_role: str, b: list[Colour], b_role: str) -> float:
    """Share-weighted harmony of two garments' colours; a garment without colours is neutral."""
    if not a or not b:
        return NEUTRAL_PAIR
    total = weight = 0.0
    for x in a:
        for y in b:
            w = x.share * y.share
            total += w * pair(x, a_role, y, b_role)
            weight += w
    return total / weight if weight > 0 else NEUTRAL_PAIR


def main_statement(colours: list[Colour], role: str, at_least: float = 0.3) -> Colour | None:
    """The garment's statement colour, if one covers at least ``at_least`` of it."""
    loud = [c for c in colours if statement(c, role) and c.share >= at_least]
    return max(loud, key=lambda c: c.share) if loud else None
