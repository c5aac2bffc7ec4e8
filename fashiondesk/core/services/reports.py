"""What the catalogue holds, told back: counts, failures, the CSV export."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass

from sqlalchemy import func, select

from fashiondesk.core.messages import translate
from fashiondesk.core.catalogue.db import Catalogue
from fashiondesk.core.catalogue.models import FAILED, Embedding, Folder, Photo, SkippedFile, Tag
from fashiondesk.core.services.errors import UserError
from fashiondesk.core.services.safety import check_output
from fashiondesk.core.vision.spec import shipped_spec


@dataclass(frozen=True)
class CatalogueInfo:
    location: str
    schema_version: int
    folders: list[str]
    photos_by_status: dict[str, int]
    tags_by_kind: dict[str, int]
    embeddings_by_model: dict[str, int]
    model_version: str
    skipped_files: int = 0  # files the scan could not take (not photos): listed by ``failures``


def info(catalogue: Catalogue, model_version: str) -> CatalogueInfo:
    from fashiondesk.core.catalogue.migrations import read_version

    with catalogue.sessions() as session:
        version = read_version(session.connection())
        return CatalogueInfo(
            location=catalogue.location,
            schema_version=version or 0,
            folders=list(session.scalars(select(Folder.path).order_by(Folder.path))),
            photos_by_status=dict(session.execute(select(Photo.status, func.count()).group_by(Photo.status)).all()),
            tags_by_kind=dict(session.execute(select(Tag.kind, func.count()).group_by(Tag.kind)).all()),
            embeddings_by_model=dict(
                session.execute(select(Embedding.model_version, func.count()).group_by(Embedding.model_version)).all()
            ),
            model_version=model_version,
            skipped_files=session.scalar(select(func.count()).select_from(SkippedFile)) or 0,
        )


def failures(catalogue: Catalogue) -> list[tuple[str, str]]:
    """Photos that could not be read and files the scan could not take, with the reason."""
    with catalogue.sessions() as session:
        failed = session.execute(select(Photo.path, Photo.error).where(Photo.status == FAILED))
        found: list[tuple[str, str | None]] = [(path, error) for path, error in failed]
        found += [(path, reason) for path, reason in session.execute(select(SkippedFile.path, SkippedFile.reason))]
    # The writer always says why; a catalogue edited by hand may not.
    return sorted(((path, reason or "unknown reason") for path, reason in found), key=lambda row: row[0])


FORMATS = ("generic", "shopify", "woocommerce")


def export_csv_file(catalogue: Catalogue, path: str | os.PathLike, fmt: str = "generic", url_prefix: str = "",
                    photo_ids: set[int] | None = None) -> int:
    """Write the CSV next to its destination, then rename: a failed export leaves no half file."""
    path = os.fspath(path)
    tmp = f"{path}.part"
    check_output(catalogue, path)
    check_output(catalogue, tmp)
    try:
        with open(tmp, "w", encoding="utf-8", newline="") as out:
            count = export_csv(catalogue, out, fmt, url_prefix, photo_ids)
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp, path)
    except OSError as exc:
        if os.path.exists(tmp):
            os.remove(tmp)
        raise UserError(translate("Export", "cannot write {path}: {why}").format(path=path, why=exc.strerror or exc)) from exc
    return count


def check_image_address(url_prefix: str) -> None:
    """A webshop fetches each image from its address: the prefix is empty (file names are
    written instead) or an http(s) address with a host."""
    if url_prefix and not re.match(r"https?://[^/\s]+(/\S*)?$", url_prefix, flags=re.IGNORECASE):
        raise UserError(translate("Export", "the image address must be where the shop hosts the photos, starting "
                                            "with https:// (e.g. https://cdn.example.com/shop/photos/), or empty"))


def export_csv(catalogue: Catalogue, out, fmt: str = "generic", url_prefix: str = "",
               photo_ids: set[int] | None = None) -> int:
    """Write the catalogue as CSV: ``generic`` (one row per photo, every tag; the default),
    ``shopify`` or ``woocommerce`` (one product per handle, see ``export/webshops.py``);
    only the photos in ``photo_ids`` (and their products) when given. Returns how many
    photos (generic) or products were written."""
    from fashiondesk.core.export import webshops
    from fashiondesk.core.export.csv_export import write_csv
    from fashiondesk.core.export.shop_products import shop_products

    if fmt not in FORMATS:
        raise UserError(f"unknown format {fmt!r}: choose one of {', '.join(FORMATS)}")
    if fmt != "generic":
        check_image_address(url_prefix)
    unsure_below = shipped_spec().unsure_below
    with catalogue.sessions() as session:
        if fmt == "generic":
            return write_csv(session, out, unsure_below, photo_ids)
        products = shop_products(session, unsure_below, photo_ids)
        write = webshops.write_shopify if fmt == "shopify" else webshops.write_woocommerce
        return write(out, products, url_prefix)
