"""Every kind of tag, declared once: what it is called, where it shows, how it exports.

Export, the sidebar, the filters and the detail panel read these declarations instead of
naming kinds. A new kind of automatic tag is one module that declares it here and
registers its tagger (``vision/tagging.py``); nothing else changes.

``version`` belongs to the method that makes the tags: a catalogue whose automatic tags
of a kind carry another version gets them made again (the embeddings stay unless the
embedding model changed).
"""

from __future__ import annotations

from dataclasses import dataclass

from fashiondesk.core.palette import PALETTE
from fashiondesk.core.records import CATEGORY, COLOUR, CUSTOM


@dataclass(frozen=True)
class TagSource:
    kind: str  # the value of Tag.kind
    label: str  # a heading: "Categories"
    singular: str  # "category"
    csv_column: str  # the export's column for these tags
    one_per_photo: bool  # a photo has one (its category) or several (colours, tags)
    version: str = ""  # of the method making automatic tags of this kind; "" for staff's own
    reviewed: bool = False  # automatic tags below the model's threshold need review
    sidebar: bool = True  # listed with counts, a click shows those photos
    filter: bool = True  # a filter in the toolbar, and for `similar`
    detail: bool = True  # shown in the detail panel
    swatches: tuple[tuple[str, tuple[int, int, int]], ...] = ()  # a colour to show beside a name
    # Names as a shop says them, for stored names that are not ("outwear": "outerwear"). The
    # stored name stays the key: in the catalogue, the export, the command line.
    shown_as: tuple[tuple[str, str], ...] = ()

    def swatch(self, name: str) -> str | None:
        rgb = dict(self.swatches).get(name)
        return "#%02x%02x%02x" % rgb if rgb else None

    def display(self, name: str) -> str:
        """The name to show for a stored name."""
        return dict(self.shown_as).get(name, name)

    def stored(self, shown: str) -> str:
        """The stored name for a name as shown or typed ("Outerwear" -> "outwear"); a name
        with no other spelling is its own."""
        wanted = shown.strip().casefold()
        return next((key for key, text in self.shown_as if text.casefold() == wanted), shown)


_SOURCES: dict[str, TagSource] = {}


def declare(source: TagSource) -> TagSource:
    """Declare (or re-declare, with a new version) a kind of tag."""
    _SOURCES[source.kind] = source
    return source


def declared() -> list[TagSource]:
    """Every kind, in the order shown: categories, then the automatic kinds, staff's tags last."""
    return sorted(_SOURCES.values(), key=lambda s: (s.kind != CATEGORY, s.kind == CUSTOM))


def source(kind: str) -> TagSource | None:
    return _SOURCES.get(kind)


# An automatic kind's version here is what the export and the window show; the version that
# decides re-tagging is its tagger's (``vision/tagging.py``): for the category, the model's
# version and calibration.
# The shipped model's class names, as a shop would write them.
CATEGORY_NAMES = (("longsleeve", "long-sleeve top"), ("outwear", "outerwear"), ("t-shirt", "T-shirt"))
declare(TagSource(CATEGORY, "Categories", "category", "category", one_per_photo=True, reviewed=True,
                  shown_as=CATEGORY_NAMES))
declare(TagSource(COLOUR, "Colours", "colour", "colours", one_per_photo=False, version="colours3",
                  swatches=tuple(PALETTE.items())))
declare(TagSource(CUSTOM, "Tags", "tag", "tags", one_per_photo=False, filter=False))  # the search box finds them
