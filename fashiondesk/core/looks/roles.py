"""What part of an outfit a category plays, and which parts a piece needs around it.

Roles: top, bottom, dress, outerwear, shoes, accessory. The shipped model's categories
have theirs; a shop's own category gets one from its name ("blazer", "jeans", "sneakers",
"连衣裙" ...) or from staff (``fashiondesk roles NAME ROLE``, kept in the catalogue), and
staff's word wins. A category with no role is never suggested and cannot be asked about.

``NEEDS`` says what completes a look: a top wants a bottom, shoes, outerwear and an
accessory; a dress wants shoes, outerwear and an accessory (never a bottom or another
dress); a bottom wants a top, shoes, outerwear and an accessory. Change them here.
"""

from __future__ import annotations

import re

TOP, BOTTOM, DRESS, OUTERWEAR, SHOES, ACCESSORY = "top", "bottom", "dress", "outerwear", "shoes", "accessory"
ROLES = (TOP, BOTTOM, DRESS, OUTERWEAR, SHOES, ACCESSORY)

NEEDS: dict[str, tuple[str, ...]] = {
    TOP: (BOTTOM, SHOES, OUTERWEAR, ACCESSORY),
    BOTTOM: (TOP, SHOES, OUTERWEAR, ACCESSORY),
    DRESS: (SHOES, OUTERWEAR, ACCESSORY),
    OUTERWEAR: (TOP, BOTTOM, SHOES, ACCESSORY),
    SHOES: (TOP, BOTTOM, OUTERWEAR, ACCESSORY),
    ACCESSORY: (TOP, BOTTOM, SHOES, OUTERWEAR),
}

SHIPPED = {
    "t-shirt": TOP, "shirt": TOP, "longsleeve": TOP,
    "pants": BOTTOM, "shorts": BOTTOM, "skirt": BOTTOM,
    "dress": DRESS, "outwear": OUTERWEAR, "shoes": SHOES, "hat": ACCESSORY,
}

# Words in a shop's own category names, checked in this order (the first that matches wins,
# so "dress shirt" is a top and "shirt dress" ... is a top too: staff can say otherwise).
GUESSES: tuple[tuple[str, str], ...] = (
    (r"jumpsuit|playsuit|romper|overall|连衣裙|连体", DRESS),
    (r"blouse|top|tee|shirt|polo|sweater|jumper|pullover|cardigan|hoodie|sweatshirt|vest|tank|camisole|bodysuit|"
     r"knit|衬衫|衫|毛衣|卫衣|背心|上衣|T恤", TOP),
    (r"jacket|coat|blazer|parka|trench|anorak|gilet|poncho|cape|外套|大衣|夹克|西装|风衣|羽绒", OUTERWEAR),
    (r"dress|gown|frock|裙子|礼服", DRESS),
    (r"jeans|trouser|pant|chino|capri|legging|jogger|culotte|short|skirt|裤|半身裙|短裙", BOTTOM),
    (r"shoe|sneaker|trainer|boot|sandal|heel|pump|loafer|flat|slipper|mule|espadrille|鞋|靴", SHOES),
    (r"hat|cap|beanie|bag|scarf|belt|glove|sunglass|jewel|necklace|earring|bracelet|tie|watch|帽|包|围巾|腰带|"
     r"手套|饰", ACCESSORY),
)


def guess(category: str) -> str | None:
    """A role for a category name, from the words in it; None when nothing matches."""
    name = category.casefold()
    if name in SHIPPED:
        return SHIPPED[name]
    for pattern, role in GUESSES:
        if re.search(pattern, name, re.IGNORECASE):
            return role
    return None


def role_of(category: str | None, chosen: dict[str, str]) -> str | None:
    """The category's role: staff's choice (``chosen``, by case-folded name), else the
    shipped one or a guess from its name."""
    if not category:
        return None
    return chosen.get(category.casefold()) or guess(category)
