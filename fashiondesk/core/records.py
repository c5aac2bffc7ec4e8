"""The plain values every layer of the core shares: what a photo's status and a tag's kind
and source can be, and the records that travel from the folder scan through the decoder
to the catalogue writer. Nothing here imports anything of fashiondesk's.
"""

from __future__ import annotations

from dataclasses import dataclass

# Photo.status values
OK = "ok"
FAILED = "failed"
MISSING = "missing"

# Tag.kind and Tag.source values
CATEGORY = "category"
COLOUR = "colour"
CUSTOM = "custom"
AUTO = "auto"
MANUAL = "manual"
FILE = "file"  # a staff tag read from the photo's own keywords (XMP, IPTC): see catalogue/file_keywords.py
# The version of every tag the shop classifier (learnt from staff categories) writes starts so.
LEARNED = "shop"


@dataclass(frozen=True)
class FileEntry:
    path: str
    size: int
    mtime: float
    folder_id: int
    inode: int | None = None
    known_id: int | None = None  # the photo at this path before this run, if one was there
    stat_changed: bool = False  # that photo's size, mtime or inode differ: its content may have
    # What ``identity.resolve`` decided (or None: a new photo unless the writer finds otherwise).
    photo_id: int | None = None  # the photo these bytes are (the one here, or one that moved here)
    expected_hash: str | None = None  # the hash that decision was made on
    compare_with: int | None = None  # the photo that was here: the same one, edited, if it still looks the same
    retag_only: bool = False  # unchanged and embedded: read only for what a newer tag source needs


@dataclass(frozen=True)
class AutoTag:
    kind: str
    name: str
    confidence: float | None = None
    value: str | None = None
    version: str | None = None  # of the method that made it (see core/tagsources.py)


@dataclass(frozen=True)
class SourceRun:
    """An automatic tag source as it runs now: its version, and what it needs to run again
    without the model: "pixels" (a decode), "logits", "garment_map" (stored model outputs)."""

    kind: str
    version: str
    needs: frozenset[str]


@dataclass(frozen=True)
class Retag:
    """A photo whose automatic tags of some kinds were made by an older method."""

    photo_id: int
    path: str
    kinds: tuple[str, ...]
    logits: bytes | None
    garment_map: bytes | None
    content_hash: str | None = None  # the bytes the stored outputs came from


@dataclass(frozen=True)
class Retagged:
    photo_id: int
    runs: tuple[tuple[str, str], ...]  # (kind, version) made now
    tags: tuple["AutoTag", ...]
    retry: bool = False  # its file could not be read as indexed: read it whole on the next run


@dataclass(frozen=True)
class Extracted:
    entry: FileEntry
    content_hash: str
    width: int
    height: int
    model_version: str
    vector: bytes
    tags: tuple[AutoTag, ...] = ()
    logits: bytes | None = None  # float32, the model's category logits
    garment_map: bytes | None = None  # float32 (h, w), the activation map of the predicted category
    runs: tuple[tuple[str, str], ...] = ()  # (kind, version) of every source that ran
    fingerprint: bytes | None = None  # vision.fingerprint of the photo


CHANGED_MEANWHILE = "the file changed while it was being indexed; the next index run reads it again"


@dataclass(frozen=True)
class Failed:
    entry: FileEntry
    content_hash: str | None
    reason: str
    transient: bool = False  # the file could not be read at all: try again next run
    # The file changed while it was read (its bytes may be half of each save): nothing is
    # written, and the next run reads it again.
    changed: bool = False


Result = Extracted | Failed


@dataclass(frozen=True)
class Hit:
    """A similar photo: its catalogue id, path, and cosine similarity to the query (1 = same)."""

    photo_id: int
    path: str
    score: float
    product: str | None = None  # the handle of its product, when the search lists products
