"""Outfits from the shop's own stock: what goes with a garment, roles, saved looks."""

from __future__ import annotations

import os
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Callable, Sequence

import numpy as np
from sqlalchemy import select

from fashiondesk.core.messages import translate
from fashiondesk.core.catalogue.db import Catalogue
from fashiondesk.core.catalogue.edits import hold_write_lock
from fashiondesk.core.catalogue.models import MISSING, Embedding, Photo
from fashiondesk.core.index.hnsw import VectorIndex
from fashiondesk.core.index.similar import catalogued_ids
from fashiondesk.core.index.store import open_index, vectors_from
from fashiondesk.core.looks import saved
from fashiondesk.core.looks.harmony import Colour
from fashiondesk.core.looks.roles import ROLES, SHIPPED, guess
from fashiondesk.core.looks.suggest import Piece, ShopCache, Suggestion, VectorsOf, pieces, suggest
from fashiondesk.core.records import CATEGORY, COLOUR
from fashiondesk.core.services.errors import UserError
from fashiondesk.core.tagsources import source
from fashiondesk.core.vision.spec import shipped_spec

if TYPE_CHECKING:
    from fashiondesk.core.vision.runtime import Embedder


def _shown(category: str) -> str:
    declared = source(CATEGORY)
    return declared.display(category) if declared else category


def outfit(catalogue: Catalogue, image: str, k: int = 3, index: VectorIndex | None = None,
           load_embedder: Callable[[], "Embedder"] | None = None, vectors: VectorsOf | None = None,
           shops: ShopCache | None = None, photo_id: int | None = None) -> list[Suggestion]:
    """Pieces that complete the look of ``image`` (a catalogued photo or any image file):
    up to ``k`` per role it needs, best first within each role (``looks/suggest.py``).
    The window passes its open index and a ``VectorTable``, and the id of the catalogued
    photo it shows (its file may have moved since its path was read); a command reads what
    it needs."""
    if k < 1:
        raise UserError("-k must be at least 1")
    spec = shipped_spec()
    if index is None:
        index = open_index(catalogue, spec.version, spec.embedding_dim)
    with catalogue.sessions() as session:
        shop = (shops or ShopCache()).get(session, saved.chosen_roles(session), spec.unsure_below,
                                          [members for _id, _name, members in saved.looks(session)])
        if photo_id is None:
            photo_id = catalogued_ids(catalogue, spec.version, [image])[0]
        elif session.scalar(select(Embedding.photo_id).where(Embedding.photo_id == photo_id,
                                                             Embedding.model_version == spec.version)) is None:
            photo_id = None  # not embedded by this model yet (a model update): its file is read, as an outside photo's
        if photo_id is not None:
            if session.scalar(select(Photo.status).where(Photo.id == photo_id)) == MISSING:
                raise UserError(translate("Outfits", "{name} is missing: its file is no longer where the catalogue "
                                                     "says, and Goes with suggests from the photos that are there")
                                .format(name=os.path.basename(image)))
            found = pieces(session, shop, [photo_id]).get(photo_id)
            if found is None:
                raise UserError(_no_role(image, shop.categories.get(photo_id)))
            garment: Piece = found
            if garment.sure < spec.unsure_below:
                garment = replace(garment, also=_second_role(session, photo_id, spec, shop, garment))
            try:
                vector = vectors_from(catalogue, spec.version)([photo_id])[0]
            except KeyError:
                raise UserError(translate("Outfits", "the catalogue changed while looking; try again")) from None
        else:
            if load_embedder is None:
                from fashiondesk.core.vision.runtime import Embedder

                load_embedder = Embedder.load
            garment, vector = _outside(image, load_embedder(), shop)
        return suggest(session, index, shop, garment, vector, k, vectors or vectors_from(catalogue, spec.version))


def _second_role(session, photo_id: int, spec, shop, garment: Piece) -> str | None:
    """The role of the model's second choice of category for the photo (from its stored
    outputs), when it differs from the garment's."""
    from fashiondesk.core.catalogue.models import Embedding

    raw = session.scalar(select(Embedding.logits).where(Embedding.photo_id == photo_id,
                                                        Embedding.model_version == spec.version))
    if raw is None or not spec.categories:
        return None
    return _second_of(np.frombuffer(raw, dtype=np.float32), spec.categories, shop, garment)


def _second_of(logits: np.ndarray, categories, shop, garment: Piece) -> str | None:
    for n in np.argsort(-logits):
        role = shop.role(categories[int(n)])
        if categories[int(n)] != garment.category and role and role != garment.role:
            return role
        if categories[int(n)] != garment.category:
            return None  # the second choice plays the same part
    return None


def _no_role(image: str, category: tuple[str, float] | None) -> str:
    name = os.path.basename(image)
    if category is None:
        return translate("Outfits", "{name} has no category yet: choose one first, then ask what goes with it").format(
            name=name)
    return translate("Outfits", "{name} is a {category}, a category with no part in an outfit yet: give it one, e.g. "
                                "'fashiondesk roles {stored} top' ({roles})").format(
        name=name, category=repr(_shown(category[0])), stored=repr(category[0]), roles=", ".join(ROLES))


def _outside(image: str, embedder: "Embedder", shop) -> tuple[Piece, np.ndarray]:
    """A photo from outside the catalogue: decoded, embedded and tagged by the shipped model."""
    from fashiondesk.core.vision.imageload import UnreadableImage, load_rgb, read_photo
    from fashiondesk.core.vision.tagging import auto_tagger

    spec = embedder.spec
    try:
        pixels = load_rgb(read_photo(image), spec.input_size, spec.crop_pct, frame=spec.frames_studio).pixels
    except UnreadableImage as exc:
        raise UserError(translate("Outfits", "{path}: {why}").format(path=image, why=exc)) from exc
    batch = np.stack([pixels])
    prediction = embedder.run(batch)
    tags = auto_tagger(spec)(batch, prediction)[0]
    category = max((t for t in tags if t.kind == CATEGORY), key=lambda t: t.confidence or 0.0, default=None)
    if category is None or shop.role(category.name) is None:
        raise UserError(_no_role(image, (category.name, 0.0) if category else None))
    colours = tuple(Colour(t.name, float(t.confidence or 0.0), t.value) for t in tags if t.kind == COLOUR)
    piece = Piece(None, image, category.name, shop.role(category.name) or "", float(category.confidence or 0.0),
                  tuple(sorted(colours, key=lambda c: -c.share)))
    if piece.sure < spec.unsure_below and spec.categories:
        piece = replace(piece, also=_second_of(prediction.logits[0], spec.categories, shop, piece))
    return piece, prediction.embeddings[0]


@dataclass(frozen=True)
class CategoryRole:
    category: str
    role: str | None
    how: str  # "shipped", "set by staff", "guessed from its name", "none"
    photos: int


def roles(catalogue: Catalogue) -> list[CategoryRole]:
    """Every category in the catalogue (and the shipped ones), with its role and why."""
    from sqlalchemy import func

    from fashiondesk.core.catalogue.models import Tag

    with catalogue.sessions() as session:
        chosen = saved.chosen_roles(session)
        counts = dict(session.execute(select(Tag.name, func.count()).where(Tag.kind == CATEGORY).group_by(Tag.name)).all())
    names = sorted(set(counts) | set(SHIPPED), key=str.casefold)
    out = []
    for name in names:
        role: str | None
        if name.casefold() in chosen:
            role, how = chosen[name.casefold()], "set by staff"
        elif name in SHIPPED:
            role, how = SHIPPED[name], "shipped"
        else:
            role = guess(name)
            how = "guessed from its name" if role else "none"
        out.append(CategoryRole(name, role, how, counts.get(name, 0)))
    return out


def set_role(catalogue: Catalogue, category: str, role: str | None) -> None:
    if role is not None and role not in ROLES:
        raise UserError(translate("Outfits", "{role} is not a part of an outfit: choose one of {roles}").format(
            role=repr(role), roles=", ".join(ROLES)))
    if not category.strip():
        raise UserError(translate("Outfits", "name the category"))
    with catalogue.write_turn, catalogue.sessions() as session, session.begin():
        hold_write_lock(session)
        saved.choose_role(session, category, role)


def save_look(catalogue: Catalogue, photo_ids: Sequence[int], name: str | None = None) -> int:
    """Keep photos as a look (an outfit staff put together); returns its id."""
    with catalogue.write_turn, catalogue.sessions() as session, session.begin():
        hold_write_lock(session)
        count = len(saved.looks(session))
        try:
            look = saved.save_look(session, photo_ids, (name or "").strip() or f"Look {count + 1}")
        except ValueError as exc:
            raise UserError(str(exc)) from exc
        return look.id


def looks(catalogue: Catalogue) -> list[tuple[int, str, list[int]]]:
    with catalogue.sessions() as session:
        return saved.looks(session)


def delete_look(catalogue: Catalogue, look_id: int) -> bool:
    with catalogue.write_turn, catalogue.sessions() as session, session.begin():
        hold_write_lock(session)
        return saved.delete_look(session, look_id)
