"""Keywords in XMP, the way photo tools keep them: read them, and merge fashiondesk's in.

Three places hold the same keywords, and tools read different ones:

- ``dc:subject``: flat keywords (Lightroom, Bridge, digiKam, exiftool's Subject);
- ``lr:hierarchicalSubject``: paths joined by '|' (Lightroom, digiKam; exiftool's
  HierarchicalSubject);
- ``digiKam:TagsList``: paths joined by '/' (digiKam).

fashiondesk writes its keywords under its own branch, ``fashiondesk|category|dress``,
``fashiondesk|colour|navy``, ``fashiondesk|tag|summer sale``, and their leaves ("dress",
"navy") as flat keywords, and notes in ``fashiondesk:addedKeywords`` the flat keywords it
added (a word the file already had stays the shop's). A merge replaces only that branch
and removes only flat keywords it added: every other keyword, property and namespace of
the sidecar is kept. Reading gives the other keywords (the shop's own, from Lightroom
say), never fashiondesk's.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from io import BytesIO

X = "adobe:ns:meta/"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
DC = "http://purl.org/dc/elements/1.1/"
LR = "http://ns.adobe.com/lightroom/1.0/"
DIGIKAM = "http://www.digikam.org/ns/1.0/"
FASHIONDESK = "http://fashiondesk.app/ns/1.0/"
PREFIXES = {"x": X, "rdf": RDF, "dc": DC, "lr": LR, "digiKam": DIGIKAM, "fashiondesk": FASHIONDESK}
BRANCH = "fashiondesk"

SUBJECT = f"{{{DC}}}subject"
HIERARCHY = f"{{{LR}}}hierarchicalSubject"
TAGS_LIST = f"{{{DIGIKAM}}}TagsList"
ADDED = f"{{{FASHIONDESK}}}addedKeywords"


class XmpError(ValueError):
    """A sidecar that is not XMP fashiondesk can merge into without losing something."""


def _items(element: ET.Element | None) -> list[str]:
    if element is None:
        return []
    return [(li.text or "").strip() for li in element.iter(f"{{{RDF}}}li") if (li.text or "").strip()]


def _find(root: ET.Element, tag: str) -> ET.Element | None:
    return next(root.iter(tag), None)


def _parse(data: bytes) -> tuple[ET.Element, dict[str, str]]:
    """The root and the prefixes the file used (so they are written back the same)."""
    prefixes: dict[str, str] = {}
    try:
        for _event, (prefix, uri) in ET.iterparse(BytesIO(data), events=("start-ns",)):
            prefixes.setdefault(prefix, uri)
        root = ET.fromstring(data)
    except ET.ParseError as exc:
        raise XmpError(f"not readable XMP ({exc})") from exc
    return root, prefixes


def _ours(path: str) -> bool:
    return path.split("|", 1)[0] == BRANCH


def read(data: bytes) -> list[str]:
    """The keywords of an XMP packet or sidecar that are not fashiondesk's own: flat ones,
    and the last part of hierarchical ones, in the file's order."""
    root, _ = _parse(data)
    paths = _items(_find(root, HIERARCHY)) + [p.replace("/", "|") for p in _items(_find(root, TAGS_LIST))]
    mine = _added(root, paths)
    found: dict[str, None] = {}
    for word in _items(_find(root, SUBJECT)):
        if word not in mine:
            found.setdefault(word, None)
    for path in paths:
        if not _ours(path):
            found.setdefault(path.rsplit("|", 1)[-1].strip(), None)
    return [w for w in found if w]


def _added(root: ET.Element, paths: list[str]) -> set[str]:
    """The flat keywords fashiondesk added; for a file written before it kept that note,
    the leaves of its branch that no other branch holds."""
    noted = _find(root, ADDED)
    if noted is not None:
        return set(_items(noted))
    theirs = {p.rsplit("|", 1)[-1] for p in paths if not _ours(p)}
    return {p.rsplit("|", 1)[-1] for p in paths if _ours(p)} - theirs


EMPTY = (f'<x:xmpmeta xmlns:x="{X}"><rdf:RDF xmlns:rdf="{RDF}">'
         '<rdf:Description rdf:about=""/></rdf:RDF></x:xmpmeta>').encode()


def merge(existing: bytes | None, keywords: list[tuple[str, str]]) -> bytes:
    """The sidecar with fashiondesk's keywords (``(group, name)`` pairs: ("category",
    "dress")) in place of those it had; everything else as it was."""
    root, prefixes = _parse(existing if existing and existing.strip() else EMPTY)
    rdf = root if root.tag == f"{{{RDF}}}RDF" else _find(root, f"{{{RDF}}}RDF")
    if rdf is None:
        raise XmpError("no rdf:RDF element: not an XMP sidecar")
    descriptions = rdf.findall(f"{{{RDF}}}Description")
    if not descriptions:
        descriptions = [ET.SubElement(rdf, f"{{{RDF}}}Description", {f"{{{RDF}}}about": ""})]
    hierarchy, tags_list = _items(_find(rdf, HIERARCHY)), _items(_find(rdf, TAGS_LIST))
    added = _added(rdf, hierarchy + [p.replace("/", "|") for p in tags_list])
    merged = merge_lists(_items(_find(rdf, SUBJECT)), hierarchy, tags_list, keywords, added)
    for tag, values in zip((SUBJECT, HIERARCHY, TAGS_LIST, ADDED), merged):
        _put_bag(descriptions, tag, values)
    for prefix, uri in {**PREFIXES, **prefixes}.items():
        if prefix and not re.fullmatch(r"ns\d+", prefix):  # ElementTree's own names for unnamed ones
            try:
                ET.register_namespace(prefix, uri)
            except ValueError as exc:
                raise XmpError(f"a namespace fashiondesk cannot write back ({prefix}: {exc})") from exc
    body = ET.tostring(root, encoding="unicode")
    if root.tag != f"{{{X}}}xmpmeta":
        body = f'<x:xmpmeta xmlns:x="{X}">{body}</x:xmpmeta>'
    return ('<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>\n' + body
            + '\n<?xpacket end="w"?>\n').encode("utf-8")


def merge_lists(flat: list[str], hierarchy: list[str], tags_list: list[str], keywords: list[tuple[str, str]],
                added: set[str]) -> tuple[list[str], list[str], list[str], list[str]]:
    """The three keyword lists (dc:subject, lr:hierarchicalSubject, digiKam:TagsList) with
    fashiondesk's branch replaced by ``keywords``, and the new list of flat keywords it
    added (``added``: those it had added before). The rest stays as it was, in order."""
    new_paths = [f"{BRANCH}|{group}|{name.replace('|', '/')}" for group, name in keywords]
    new_flat = list(dict.fromkeys(name for _group, name in keywords))
    kept = [w for w in flat if w not in added or w in new_flat]
    appended = [w for w in new_flat if w not in kept]
    still_ours = [w for w in kept if w in added and w in new_flat]
    hierarchy = [p for p in hierarchy if not _ours(p)] + new_paths
    tags_list = [p for p in tags_list if not _ours(p.replace("/", "|"))] + \
        [p.replace("/", "-").replace("|", "/") for p in new_paths]
    return kept + appended, hierarchy, tags_list, still_ours + appended


def _put_bag(descriptions: list[ET.Element], tag: str, values: list[str]) -> None:
    """Replace the property's bag (wherever it is) with ``values``; none: remove it."""
    holder = next((d for d in descriptions if d.find(tag) is not None), None)
    if holder is not None:
        old = holder.find(tag)
        assert old is not None
        index = list(holder).index(old)
        holder.remove(old)
    else:
        holder, index = descriptions[0], len(descriptions[0])
    if not values:
        return
    prop = ET.Element(tag)
    bag = ET.SubElement(prop, f"{{{RDF}}}Bag")
    for value in values:
        ET.SubElement(bag, f"{{{RDF}}}li").text = value
    holder.insert(index, prop)


def embedded(path: str) -> list[str]:
    """Keywords inside an image file: its XMP packet, then its IPTC keywords (which
    Lightroom and Photoshop also write). Reads the file's header only."""
    from PIL import Image, IptcImagePlugin

    found: dict[str, None] = {}
    with Image.open(path) as im:
        packet = im.info.get("xmp") or im.info.get("XML:com.adobe.xmp")
        if isinstance(packet, str):
            packet = packet.encode("utf-8")
        if packet:
            start = packet.find(b"<")
            try:
                found.update(dict.fromkeys(read(packet[start:].rstrip(b"\x00 \n"))))
            except XmpError:
                pass
        iptc = IptcImagePlugin.getiptcinfo(im) if im.format in ("JPEG", "TIFF") else None
        if iptc:
            raw = iptc.get((2, 25), [])
            for value in raw if isinstance(raw, list) else [raw]:
                found.setdefault(_text(value), None)
    return [w for w in found if w]


def _text(value: bytes) -> str:
    try:
        text = value.decode("utf-8")
    except UnicodeDecodeError:
        text = value.decode("cp1252", errors="replace")
    return re.sub(r"\s+", " ", text).strip()
