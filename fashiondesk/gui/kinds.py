"""The kinds of tags, as the window shows them: read from the core's declarations.

The sidebar's sections, the toolbar's filters and the detail panel's groups are made from
``services.browse.declared()`` (label, where a kind shows, swatches), so a newly declared
kind appears in all three with no edit here. The only kinds named in this module are the
ones the core's own query API treats specially, and only to keep using those paths:

- ``GridFilter`` narrows by category and by colour itself (its ``category`` and ``colour``
  fields); a sidebar click on such a name sets its toolbar filter, as it always has.
- staff's own tags have a scope of their own (``TAG``).

Any other kind is shown through the generic ``KIND`` scope (a sidebar click), and its
toolbar filter narrows whatever the grid shows by intersecting with that scope.
"""

from __future__ import annotations

from typing import Mapping

from fashiondesk.core import services
from fashiondesk.core.records import CATEGORY, COLOUR, CUSTOM
from fashiondesk.core.services.browse import KIND, TAG, GridFilter, GridRow, TagSource
from fashiondesk.gui import tag_names  # noqa: F401 - the names translate() finds
from fashiondesk.gui.i18n import translate

# Kinds GridFilter narrows by itself, and the field that does it.
NARROWED_BY_FIELD: dict[str, str] = {CATEGORY: "category", COLOUR: "colour"}
# Kinds with a scope of their own, whose value is the tag's name.
OWN_SCOPE: dict[str, str] = {CUSTOM: TAG}

# A toolbar filter of a kind GridFilter does not narrow by: (kind, name), applied in order.
Narrowing = tuple[tuple[str, str], ...]


def sources() -> dict[str, TagSource]:
    """Every declared kind, in the order shown."""
    return {s.kind: s for s in services.browse.declared()}


def heading(kind: str, declared: Mapping[str, TagSource] | None = None) -> str:
    """A kind's heading ("Colours"); an undeclared kind is shown by its own name."""
    found = (sources() if declared is None else declared).get(kind)
    return translate("Tag names", found.label) if found else kind


def singular(kind: str, declared: Mapping[str, TagSource] | None = None) -> str:
    found = (sources() if declared is None else declared).get(kind)
    return found.singular if found else kind


def display(kind: str, name: str) -> str:
    """A stored tag name as the window shows it ("outwear" is "outerwear"). Called for every
    cell the grid paints: one lookup, no list of the kinds made."""
    found = services.browse.source(kind)
    return translate("Tag names", found.display(name) if found else name)


def sidebar_key(source: TagSource, name: str) -> tuple:
    """What a click on a name in the sidebar does (see ``Sidebar``'s keys)."""
    if source.filter and source.kind in NARROWED_BY_FIELD:
        return (source.kind, name)  # sets the toolbar filter: narrows what is shown
    if source.kind in OWN_SCOPE:
        return ("scope", OWN_SCOPE[source.kind], name)
    return ("scope", KIND, (source.kind, name))


def narrowed(flt: GridFilter, choices: Mapping[str, str | None]) -> tuple[GridFilter, Narrowing]:
    """``flt`` narrowed by the toolbar's filters, {kind: name or None}: by GridFilter's own
    fields where it has one for the kind, and otherwise by a narrowing the window applies."""
    fields = {field: choices.get(kind) or None for kind, field in NARROWED_BY_FIELD.items()}
    also = tuple((kind, name) for kind, name in choices.items() if name and kind not in NARROWED_BY_FIELD)
    return GridFilter(flt.scope, flt.value, text=flt.text, sort=flt.sort, **fields), also


def narrowed_names(flt: GridFilter, also: Narrowing) -> list[str]:
    """The names the grid is narrowed by, for its title."""
    return [display(kind, getattr(flt, field)) for kind, field in NARROWED_BY_FIELD.items() if getattr(flt, field)] + [
        display(kind, name) for kind, name in also
    ]


def grid_rows(catalogue, flt: GridFilter, also: Narrowing, unsure: float) -> list[GridRow]:
    """The grid's rows for ``flt``, keeping only photos that also have each (kind, name) of
    ``also`` (off the GUI thread: one more query per such filter)."""
    rows = services.browse.grid_rows(catalogue, flt, unsure)
    for kind, name in also:
        having = {r.id for r in services.browse.grid_rows(catalogue, GridFilter(scope=KIND, value=(kind, name)),
                                                          unsure)}
        rows = [r for r in rows if r.id in having]
    return rows



class ShownNames:
    """A kind's names as the window shows them, in its language (``display``), and a name
    typed as shown back to the stored one (``stored``: "Outerwear", "外套" -> "outwear")."""

    def __init__(self, source: TagSource):
        self._source = source

    def display(self, name: str) -> str:
        return translate("Tag names", self._source.display(name))

    def stored(self, shown: str) -> str:
        wanted = shown.strip().casefold()
        for key, text in self._source.shown_as:
            if translate("Tag names", text).casefold() == wanted:
                return key
        return self._source.stored(shown)


def stored_terms(text: str) -> str:
    """The search text with each word that is a category's or a colour's name as the window
    shows it ("连衣裙", "outerwear") put back as the name tags are stored under ("dress",
    "outwear"), so staff find photos by the words they see."""
    if not text:
        return text
    shown: dict[str, str] = {}
    for kind, names in ((CATEGORY, services.browse.categories()), (COLOUR, list(services.browse.palette_names()))):
        for name in names:
            shown.setdefault(display(kind, name).casefold(), name)
    return " ".join(shown.get(word.casefold(), word) for word in text.split(" "))
