"""What the window shows: grid rows, sidebar counts, one photo's details, review state.

The queries themselves live in ``catalogue/queries.py``; here they take a catalogue and
the shipped model's review threshold, so a front end needs neither sessions nor the model.
"""

from __future__ import annotations

from pathlib import Path
from typing import Sequence

from fashiondesk.core.catalogue.db import Catalogue
from fashiondesk.core.catalogue.queries import (  # noqa: F401 - the records front ends use
    ALL,
    FOLDER,
    KIND,
    MISSING_SCOPE,
    RESULTS,
    REVIEW,
    SORT_CONFIDENCE,
    SORT_DATE,
    SORT_FOLDER,
    SORT_NAME,
    SORTS,
    TAG,
    GridFilter,
    GridRow,
    PhotoDetail,
    SidebarCounts,
    TagInfo,
    needs_review,
)
from fashiondesk.core.catalogue import queries
from fashiondesk.core.files import is_image_name  # noqa: F401 - a dropped file: a photo?
from fashiondesk.core.records import CUSTOM
from fashiondesk.core.tagsources import TagSource, declared, source  # noqa: F401 - what kinds of tags there are
from fashiondesk.core.vision.spec import MODELS_DIR, RESOURCES, shipped_spec


def unsure_below() -> float:
    """The shipped model's review threshold: an automatic category below it needs review."""
    return shipped_spec().unsure_below


def resources_dir() -> Path:
    """The shipped resources (models, translations, sample): a checkout's, the wheel's, the bundle's."""
    return RESOURCES


def model_card() -> Path:
    """The shipped model's card: what it learned from, how often it is right, its limits."""
    return MODELS_DIR / "MODEL_CARD.md"


def palette_names() -> list[str]:
    """The colour names fashiondesk gives garments."""
    from fashiondesk.core.palette import PALETTE

    return list(PALETTE)


def categories() -> list[str]:
    """The shipped model's category names: offered before any photo carries them."""
    return list(shipped_spec().categories)


def grid_rows(catalogue: Catalogue, flt: GridFilter, unsure: float | None = None) -> list[GridRow]:
    with catalogue.sessions() as session:
        return queries.grid_rows(session, flt, unsure_below() if unsure is None else unsure)


def sidebar_counts(catalogue: Catalogue, unsure: float | None = None) -> SidebarCounts:
    with catalogue.sessions() as session:
        return queries.sidebar_counts(session, unsure_below() if unsure is None else unsure)


def photo_detail(catalogue: Catalogue, photo_id: int) -> PhotoDetail | None:
    with catalogue.sessions() as session:
        return queries.photo_detail(session, photo_id)


def tag_names(catalogue: Catalogue, kinds: Sequence[str] = (CUSTOM,)) -> list[str]:
    with catalogue.sessions() as session:
        return queries.tag_names(session, kinds)
