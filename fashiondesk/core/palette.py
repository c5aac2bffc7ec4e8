"""The colour names fashiondesk gives garments, each with its swatch.

Shared vocabulary: the colour namer (``vision/colour_names.py``) names colours with these
words, and the window's sidebar and filters show these swatches next to them.
"""

# Swatches: a representative sRGB value for each name (shown next to the name in the
# window; each is named as itself by ``name_colour``).
PALETTE: dict[str, tuple[int, int, int]] = {
    "black": (38, 38, 40),
    "charcoal": (85, 85, 88),
    "grey": (150, 150, 150),
    "white": (232, 232, 228),
    "cream": (240, 234, 215),
    "beige": (215, 195, 160),
    "khaki": (170, 150, 100),
    "brown": (110, 70, 40),
    "navy": (35, 45, 80),
    "blue": (40, 90, 190),
    "light blue": (150, 190, 230),
    "teal": (20, 120, 130),
    "green": (40, 130, 60),
    "olive": (100, 100, 40),
    "yellow": (240, 210, 50),
    "orange": (235, 120, 30),
    "red": (200, 30, 35),
    "maroon": (110, 20, 35),
    "pink": (240, 150, 180),
    "purple": (110, 50, 140),
}
