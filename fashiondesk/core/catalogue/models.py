"""The catalogue's tables: folders, photos, products, embeddings per model version, tags."""

from __future__ import annotations

from datetime import datetime, timezone

from sqlalchemy import (
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from fashiondesk.core.records import AUTO, CATEGORY, COLOUR, CUSTOM, FAILED, MANUAL, MISSING, OK  # noqa: F401


def utcnow() -> datetime:
    return datetime.now(timezone.utc).replace(tzinfo=None)


class Base(DeclarativeBase):
    pass


class Meta(Base):
    __tablename__ = "meta"
    key: Mapped[str] = mapped_column(String, primary_key=True)
    value: Mapped[str] = mapped_column(String)


class Folder(Base):
    __tablename__ = "folders"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    path: Mapped[str] = mapped_column(Text, unique=True)
    added_at: Mapped[datetime] = mapped_column(default=utcnow)


class Product(Base):
    """What the shop sells: one product (a SKU or webshop handle) shown by several photos
    (front, back, detail). A photo in no product is a product of its own wherever products
    are listed (``products.product_key``)."""

    __tablename__ = "products"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    handle: Mapped[str] = mapped_column(Text, unique=True)  # the shop's SKU or handle, as staff write it
    title: Mapped[str | None] = mapped_column(Text)
    price: Mapped[str | None] = mapped_column(String(32))  # a decimal as text ("12.50"), never a float
    sizes: Mapped[str | None] = mapped_column(Text)  # ';'-separated, in the shop's order
    stock: Mapped[int | None] = mapped_column(Integer)
    extra: Mapped[str | None] = mapped_column(Text)  # JSON object: other columns staff imported
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class Photo(Base):
    """A photo is its content: the row follows the bytes (content_hash) from path to path.

    Only one photo that is there (not missing) may hold a path; a missing photo keeps its
    last path, its hash and its tags, and comes back if those bytes turn up again.
    """

    __tablename__ = "photos"
    __table_args__ = (
        Index(
            "uq_photos_live_path", "path", unique=True,
            sqlite_where=text("status != 'missing'"), postgresql_where=text("status != 'missing'"),
        ),
    )
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    folder_id: Mapped[int] = mapped_column(ForeignKey("folders.id", ondelete="CASCADE"), index=True)
    path: Mapped[str] = mapped_column(Text, index=True)
    content_hash: Mapped[str | None] = mapped_column(String(32), index=True)
    size: Mapped[int] = mapped_column(Integer, index=True)  # -1: read again on the next run
    mtime: Mapped[float] = mapped_column(Float)
    inode: Mapped[int | None] = mapped_column(Integer)  # tells a renamed file from the one it replaced
    width: Mapped[int | None] = mapped_column(Integer)
    height: Mapped[int | None] = mapped_column(Integer)
    status: Mapped[str] = mapped_column(String(16), index=True)
    error: Mapped[str | None] = mapped_column(Text)
    indexed_at: Mapped[datetime | None] = mapped_column()
    product_id: Mapped[int | None] = mapped_column(ForeignKey("products.id", ondelete="SET NULL"), index=True)
    product_position: Mapped[int | None] = mapped_column(Integer)  # 1 = the product's first photo

    tags: Mapped[list["Tag"]] = relationship(
        back_populates="photo", cascade="all, delete-orphan", passive_deletes=True
    )


class SkippedFile(Base):
    """A file with a photo's name that the last scan of its folder could not take (not a
    regular file, a link to nothing, a name that is not UTF-8, a folder it could not list)."""

    __tablename__ = "skipped_files"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    folder_id: Mapped[int] = mapped_column(ForeignKey("folders.id", ondelete="CASCADE"), index=True)
    path: Mapped[str] = mapped_column(Text)
    reason: Mapped[str] = mapped_column(Text)


class Rejection(Base):
    """An automatic tag staff rejected on a photo: no source writes it there again."""

    __tablename__ = "rejections"
    photo_id: Mapped[int] = mapped_column(ForeignKey("photos.id", ondelete="CASCADE"), primary_key=True)
    kind: Mapped[str] = mapped_column(String(16), primary_key=True)
    key: Mapped[str] = mapped_column(Text, primary_key=True)  # edits.tag_key of the name


class TagRun(Base):
    """Which version of each automatic tag source last tagged a photo (even when it found
    nothing to tag): a source whose version moved on tags the photo again."""

    __tablename__ = "tag_runs"
    photo_id: Mapped[int] = mapped_column(ForeignKey("photos.id", ondelete="CASCADE"), primary_key=True)
    kind: Mapped[str] = mapped_column(String(16), primary_key=True)
    version: Mapped[str] = mapped_column(String(64))


class Embedding(Base):
    __tablename__ = "embeddings"
    photo_id: Mapped[int] = mapped_column(
        ForeignKey("photos.id", ondelete="CASCADE"), primary_key=True
    )
    model_version: Mapped[str] = mapped_column(String, primary_key=True)
    vector: Mapped[bytes] = mapped_column(LargeBinary)  # float32, L2-normalised
    seq: Mapped[int] = mapped_column(Integer, default=0, server_default="0", index=True)  # see writer.next_seq
    # What the model said besides the embedding, so tags can be made again without it:
    # the category logits and the garment map of the predicted category (both float32).
    logits: Mapped[bytes | None] = mapped_column(LargeBinary)
    garment_map: Mapped[bytes | None] = mapped_column(LargeBinary)


class Fingerprint(Base):
    """The photo's pixels, small (``vision.fingerprint``): altered copies are told apart with them."""

    __tablename__ = "fingerprints"
    photo_id: Mapped[int] = mapped_column(ForeignKey("photos.id", ondelete="CASCADE"), primary_key=True)
    data: Mapped[bytes] = mapped_column(LargeBinary)


class Tag(Base):
    __tablename__ = "tags"
    __table_args__ = (
        UniqueConstraint("photo_id", "kind", "name"),
        Index("ix_tags_kind_name", "kind", "name"),
    )
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    photo_id: Mapped[int] = mapped_column(ForeignKey("photos.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(16))
    name: Mapped[str] = mapped_column(Text)
    source: Mapped[str] = mapped_column(String(16))
    confidence: Mapped[float | None] = mapped_column(Float)
    value: Mapped[str | None] = mapped_column(String(16))  # e.g. '#1f2a44' for a colour
    source_version: Mapped[str | None] = mapped_column(String(64))  # the method that made an automatic tag
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    photo: Mapped[Photo] = relationship(back_populates="tags")


class Look(Base):
    """An outfit staff put together: photos that are worn together."""

    __tablename__ = "looks"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class LookPhoto(Base):
    __tablename__ = "look_photos"
    look_id: Mapped[int] = mapped_column(ForeignKey("looks.id", ondelete="CASCADE"), primary_key=True)
    photo_id: Mapped[int] = mapped_column(ForeignKey("photos.id", ondelete="CASCADE"), primary_key=True, index=True)
    position: Mapped[int] = mapped_column(Integer)
