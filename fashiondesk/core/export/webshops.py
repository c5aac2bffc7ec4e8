"""Product CSV files a webshop imports: Shopify's and WooCommerce's.

**Shopify** (the product CSV template of Shopify's admin, "Title, URL handle, ..."): one
product per URL handle. Its sizes are its variants (Option1 "Size", one row each, the
product's price on each); a product without sizes gets its main colour as its one option
(Option1 "Color"), as Shopify's own files do. The first row carries the product's
fields; its photos follow as further rows of the same handle, with their position. Tags:
the category, the colours and staff's tags, comma-separated (a ',' inside a name becomes
a space). Type: the category. The shop's SKU (the product as staff named it) goes in
SKU ("-SIZE" added per size). Stock: the product's count where it has no sizes; with
sizes, 0 in each size when sold out, else untracked (fashiondesk does not know how it
splits between sizes). Status "active" and published when the product has a
title and a price, else "draft": a photo without them never goes live by itself.

**WooCommerce** (its product CSV importer's columns): one row per product, a simple
product; Images comma-separated, the first the main image; Attribute 1 is Color (all its
colours), Attribute 2 Size (its sizes). Published 1, or -1 (draft) as above.

Both: columns staff imported that fashiondesk does not know are written back after the
shop's own; every cell, and each item of a listed cell, passes the formula guard
(``csv_export.neutralise``), except the numbers fashiondesk writes itself. A product
without a title is titled from its colour and category ("Navy dress"), else its handle.
"""

from __future__ import annotations

import csv
import re
from typing import Iterable

from fashiondesk.core.export.csv_export import ExportDialect, neutralise
from fashiondesk.core.export.shop_products import ShopProduct, image_url
from fashiondesk.core.records import CATEGORY, COLOUR
from fashiondesk.core.tagsources import source

SHOPIFY = [
    "Title", "URL handle", "Description", "Vendor", "Product category", "Type", "Tags", "Published on online store",
    "Status", "SKU", "Barcode", "Option1 name", "Option1 value", "Option1 Linked To", "Option2 name",
    "Option2 value", "Option2 Linked To", "Option3 name", "Option3 value", "Option3 Linked To", "Price",
    "Compare-at price", "Cost per item", "Charge tax", "Tax code", "Unit price total measure",
    "Unit price total measure unit", "Unit price base measure", "Unit price base measure unit",
    "Inventory tracker", "Inventory quantity", "Continue selling when out of stock", "Weight value (grams)",
    "Weight unit for display", "Requires shipping", "Fulfillment service", "Product image URL", "Image position",
    "Image alt text", "Variant image URL", "Gift card", "SEO title", "SEO description",
]
WOOCOMMERCE = [
    "Type", "SKU", "Name", "Published", "Is featured?", "Visibility in catalog", "Short description", "Description",
    "In stock?", "Stock", "Regular price", "Categories", "Tags", "Images",
    "Attribute 1 name", "Attribute 1 value(s)", "Attribute 1 visible", "Attribute 1 global",
    "Attribute 2 name", "Attribute 2 value(s)", "Attribute 2 visible", "Attribute 2 global",
]


def _shown(kind: str, name: str) -> str:
    declared = source(kind)
    return declared.display(name) if declared else name


def _ready(product: ShopProduct) -> bool:
    return bool(product.title and product.price)


def _title(product: ShopProduct) -> str:
    if product.title:
        return product.title
    words = [_shown(COLOUR, product.colours[0])] if product.colours else []
    if product.category:
        words.append(_shown(CATEGORY, product.category))
    if not product.category:
        return product.handle
    text = " ".join(words)
    return text[:1].upper() + text[1:]


def _tag_list(product: ShopProduct) -> list[str]:
    names = ([_shown(CATEGORY, product.category)] if product.category else []) \
        + [_shown(COLOUR, c) for c in product.colours] + product.tags
    seen: dict[str, None] = {}
    for name in names:
        seen.setdefault(" ".join(name.replace(",", " ").split()), None)
    return [n for n in seen if n]


def _extra_columns(products: Iterable[ShopProduct], taken: list[str]) -> list[str]:
    known = {c.casefold() for c in taken}
    return sorted({name for p in products for name in p.extra if name.casefold() not in known})


def _extra(product: ShopProduct, header: list[str]) -> dict[str, str]:
    """Staff's own columns, under the shop's column of that name where there is one
    ("vendor" fills Vendor)."""
    by_fold = {c.casefold(): c for c in header}
    return {by_fold.get(name.casefold(), name): value for name, value in product.extra.items()}


# Numbers fashiondesk wrote itself (a parsed price, a stock count, a draft's -1): no formula
# can hide in them, and a guard quote would make them text the shop refuses.
NUMBERS = {"Price", "Regular price", "Inventory quantity", "Stock", "Published", "In stock?", "Is featured?",
           "Image position"}
_NUMBER = re.compile(r"-?\d+(\.\d+)?")


def _write(out, header: list[str], rows: Iterable[dict[str, str]]) -> None:
    writer = csv.DictWriter(out, fieldnames=header, dialect=ExportDialect)
    # Staff named some columns (an imported sheet's own): a name is a cell like any other.
    csv.writer(out, dialect=ExportDialect).writerow([neutralise(name) for name in header])
    for row in rows:
        writer.writerow({k: v if k in NUMBERS and _NUMBER.fullmatch(v) else _guard(v) for k, v in row.items()})


def _guard(cell: str) -> str:
    """The formula guard on each item of a ', '-joined list too (Tags, Images): a shop's
    spreadsheet may split them into cells of their own."""
    return ", ".join(neutralise(piece) for piece in cell.split(", "))


def write_shopify(out, products: list[ShopProduct], url_prefix: str = "") -> int:
    header = SHOPIFY + _extra_columns(products, SHOPIFY)
    _write(out, header, (row for product in products for row in _shopify_rows(product, url_prefix, header)))
    return len(products)


def _shopify_rows(product: ShopProduct, url_prefix: str, header: list[str]) -> list[dict[str, str]]:
    ready = _ready(product)
    first = {
        "Title": _title(product), "URL handle": product.url_handle, "Type": _shown(CATEGORY, product.category),
        "Tags": ", ".join(_tag_list(product)), "Published on online store": "TRUE" if ready else "FALSE",
        "Status": "active" if ready else "draft", "Gift card": "FALSE", **_extra(product, header),
    }
    if product.sizes:
        # Stock is counted per product, Shopify's per size: a product sold out is sold out
        # in every size; how a stock above 0 splits between sizes is not known, so those
        # sizes are left untracked (set them in Shopify).
        sold_out = product.stock is not None and product.stock <= 0
        variants = [{"Option1 name": "Size" if n == 0 else "", "Option1 value": size,
                     "SKU": f"{product.handle}-{size}", "Price": product.price or "",
                     "Inventory tracker": "shopify" if sold_out else "",
                     "Inventory quantity": "0" if sold_out else ""}
                    for n, size in enumerate(product.sizes)]
    else:
        colour = _shown(COLOUR, product.colours[0]).capitalize() if product.colours else ""
        variants = [{"Option1 name": "Color" if colour else "Title", "Option1 value": colour or "Default Title",
                     "SKU": product.handle, "Price": product.price or "",
                     "Inventory tracker": "shopify" if product.stock is not None else "",
                     "Inventory quantity": str(product.stock) if product.stock is not None else ""}]
    images = [{"Product image URL": image_url(photo, url_prefix), "Image position": str(n),
               "Image alt text": _title(product)} for n, photo in enumerate(product.photos, start=1)]
    rows: list[dict[str, str]] = []
    for n in range(max(len(variants), len(images))):
        row = dict(first) if n == 0 else {"URL handle": product.url_handle}
        if n < len(variants):
            row.update(variants[n])
        if n < len(images):
            row.update(images[n])
        rows.append(row)
    return rows


def write_woocommerce(out, products: list[ShopProduct], url_prefix: str = "") -> int:
    header = WOOCOMMERCE + _extra_columns(products, WOOCOMMERCE)
    rows = []
    for product in products:
        ready = _ready(product)
        rows.append({
            "Type": "simple", "SKU": product.handle, "Name": _title(product), "Published": "1" if ready else "-1",
            "Is featured?": "0", "Visibility in catalog": "visible",
            "In stock?": "" if product.stock is None else ("1" if product.stock > 0 else "0"),
            "Stock": "" if product.stock is None else str(product.stock), "Regular price": product.price or "",
            "Categories": _shown(CATEGORY, product.category).replace(",", " "),
            "Tags": ", ".join(t for t in _tag_list(product) if t != _shown(CATEGORY, product.category)),
            "Images": ", ".join(image_url(p, url_prefix) for p in product.photos),
            "Attribute 1 name": "Color" if product.colours else "",
            "Attribute 1 value(s)": ", ".join(_shown(COLOUR, c).capitalize() for c in product.colours),
            "Attribute 1 visible": "1" if product.colours else "", "Attribute 1 global": "1" if product.colours else "",
            "Attribute 2 name": "Size" if product.sizes else "",
            "Attribute 2 value(s)": ", ".join(product.sizes),
            "Attribute 2 visible": "1" if product.sizes else "", "Attribute 2 global": "1" if product.sizes else "",
            **_extra(product, header),
        })
    _write(out, header, rows)
    return len(products)
