"""The names of the kinds of tags, of the shipped model's categories (as a shop says them)
and of the palette's colours, marked for translation: the window shows them in its
language (``kinds.display``); the catalogue, the export and the command line keep the
stored names."""

from PySide6.QtCore import QT_TRANSLATE_NOOP

KINDS = (
    QT_TRANSLATE_NOOP("Tag names", "Categories"),
    QT_TRANSLATE_NOOP("Tag names", "Colours"),
    QT_TRANSLATE_NOOP("Tag names", "Tags"),
)
CATEGORIES = (
    QT_TRANSLATE_NOOP("Tag names", "dress"),
    QT_TRANSLATE_NOOP("Tag names", "hat"),
    QT_TRANSLATE_NOOP("Tag names", "long-sleeve top"),
    QT_TRANSLATE_NOOP("Tag names", "outerwear"),
    QT_TRANSLATE_NOOP("Tag names", "pants"),
    QT_TRANSLATE_NOOP("Tag names", "shirt"),
    QT_TRANSLATE_NOOP("Tag names", "shoes"),
    QT_TRANSLATE_NOOP("Tag names", "shorts"),
    QT_TRANSLATE_NOOP("Tag names", "skirt"),
    QT_TRANSLATE_NOOP("Tag names", "T-shirt"),
)
COLOURS = (
    QT_TRANSLATE_NOOP("Tag names", "black"),
    QT_TRANSLATE_NOOP("Tag names", "charcoal"),
    QT_TRANSLATE_NOOP("Tag names", "grey"),
    QT_TRANSLATE_NOOP("Tag names", "white"),
    QT_TRANSLATE_NOOP("Tag names", "cream"),
    QT_TRANSLATE_NOOP("Tag names", "beige"),
    QT_TRANSLATE_NOOP("Tag names", "khaki"),
    QT_TRANSLATE_NOOP("Tag names", "brown"),
    QT_TRANSLATE_NOOP("Tag names", "navy"),
    QT_TRANSLATE_NOOP("Tag names", "blue"),
    QT_TRANSLATE_NOOP("Tag names", "light blue"),
    QT_TRANSLATE_NOOP("Tag names", "teal"),
    QT_TRANSLATE_NOOP("Tag names", "green"),
    QT_TRANSLATE_NOOP("Tag names", "olive"),
    QT_TRANSLATE_NOOP("Tag names", "yellow"),
    QT_TRANSLATE_NOOP("Tag names", "orange"),
    QT_TRANSLATE_NOOP("Tag names", "red"),
    QT_TRANSLATE_NOOP("Tag names", "maroon"),
    QT_TRANSLATE_NOOP("Tag names", "pink"),
    QT_TRANSLATE_NOOP("Tag names", "purple"),
)
