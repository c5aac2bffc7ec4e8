"""Reading the photos real folders contain, robustly, fast and in bounded memory.

``read_photo`` returns a file's bytes only once they are worth reading: pipes, devices and
folders are refused without waiting on them, a file over ``MAX_FILE_BYTES`` is refused
unread, and anything that is not an image is refused after its header. ``load_rgb`` then
turns the bytes into an RGB image the way a person sees it: EXIF orientation applied,
palette/CMYK/16-bit/greyscale converted, transparency composited on white.

Memory is bounded by the decoded size, estimated from the header before any pixel is
decoded (``decode_need``). JPEGs decode at a reduced scale when that still covers the
target size (draft mode); any other image much larger than needed is reduced right after
decoding, before it is converted, so the only full-size copies are the decoded pixels and
at most one working copy. An image needing more than ``MAX_DECODE_BYTES`` is refused, and
decodes on several threads share a ``DecodeBudget``.

Formats: what Pillow reads (JPEG, PNG, WebP, AVIF, TIFF, BMP, GIF) plus HEIC/HEIF through
pi-heif, loaded the first time a HEIF file is met. Camera RAW, Photoshop and JPEG XL files
are recognised by name and listed as "format not supported (.cr2)", never skipped in
silence. Anything fashiondesk cannot read raises ``UnreadableImage`` with a reason a shop
assistant can act on.
"""

from __future__ import annotations

import io
import logging
import os
import stat
import struct
import threading
import warnings
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass
from typing import BinaryIO, Callable, Iterator

import numpy as np
from PIL import Image, UnidentifiedImageError

from fashiondesk.core.files import IMAGE_EXTENSIONS, NOT_SUPPORTED_EXTENSIONS, READABLE_EXTENSIONS, is_image_name  # noqa: F401
from fashiondesk.core.messages import translate
from fashiondesk.core.vision.budget import DecodeBudget
from fashiondesk.core.vision.framing import frame_studio

# Refuse images above this many pixels: a 12,000 x 16,000 photo still passes, a
# decompression bomb (a tiny PNG claiming gigapixels) does not. Pillow's own check uses
# the same figure so both paths agree.
MAX_PIXELS = 200_000_000
Image.MAX_IMAGE_PIXELS = MAX_PIXELS

# Pillow allocates an image in blocks of at most this size. At 64 MB (Pillow's default is
# 16), a large image's blocks are above glibc's highest mmap threshold (32 MB), so a
# finished decode gives its memory back instead of leaving it in the decode thread's malloc
# arena: four 14,000 x 14,000 PNGs indexed on two threads peak at 0.7 GB, not 1.1 GB.
if "PILLOW_BLOCK_SIZE" not in os.environ and hasattr(Image.core, "set_block_size"):
    Image.core.set_block_size(64 << 20)

# No photo file is bigger: a 100 MP camera JPEG is under 100 MB, a 50 MP 16-bit TIFF 300 MB.
MAX_FILE_BYTES = 500_000_000
# One decode may take this much memory (then alone: see DecodeBudget). A 14,000 x 14,000
# 16-bit PNG needs about 0.6 GB, a 200 MP RGB PNG 0.8 GB; a 12,000 x 16,000 camera JPEG in
# draft mode needs under 0.1 GB (0.6 GB if saved progressive). Refused: a 14,000 x 14,000
# PNG with transparency (1.6 GB), a WebP over about 60 MP.
MAX_DECODE_BYTES = 1_000_000_000
# Decodes running at once share this much: everyday photos never wait for each other,
# images of a few hundred megabytes take turns.
DECODE_BUDGET = 500_000_000

HEIF_EXTENSIONS = frozenset({".heic", ".heif", ".hif"})

# Only photo formats are tried: an EPS or a FITS file named .jpg is "not an image" rather
# than a job for Ghostscript or an astronomy decoder.
PHOTO_FORMATS = ("JPEG", "MPO", "PNG", "WEBP", "AVIF", "HEIF", "TIFF", "BMP", "DIB", "GIF")
# Bytes per pixel these formats' libraries hold besides Pillow's image (measured: libwebp
# keeps two RGBA canvases and hands over a copy; libavif and libheif a YUV and an RGB buffer).
_DECODER_EXTRA = {"WEBP": 12, "AVIF": 6, "HEIF": 4}
_HEIF_BRANDS = {b"heic", b"heix", b"heim", b"heis", b"hevc", b"hevx", b"hevm", b"hevs"}

log = logging.getLogger("fashiondesk.images")


# Why a file gives no photo: stored with the photo (in English), shown by the window in its
# language (``messages.read_back``), so made here, at import.
CANNOT_READ = translate("Photos", "cannot read file: {why}")
NOT_REGULAR = translate("Photos", "not a regular file ({kind})")
A_FOLDER = translate("Photos", "a folder")
A_PIPE = translate("Photos", "a pipe")
A_SOCKET = translate("Photos", "a socket")
A_DEVICE = translate("Photos", "a device")
A_SPECIAL_FILE = translate("Photos", "a special file")
NOT_SUPPORTED = translate("Photos", "format not supported ({ext})")
EMPTY = translate("Photos", "empty file (0 bytes)")
FILE_TOO_LARGE = translate("Photos", "file too large for a photo ({size}; the limit is {limit})")
TOO_MANY_PIXELS = translate("Photos", "the image has too many pixels to open safely")
NOT_AN_IMAGE = translate("Photos", "not an image file, or a format fashiondesk cannot read")
INCOMPLETE = translate("Photos", "the file is incomplete (cut off while it was copied or downloaded?): copy it again")
DAMAGED = translate("Photos", "the file is damaged and cannot be opened as a photo")
IMAGE_TOO_LARGE = translate("Photos", "image too large ({width} x {height} pixels; the limit is {limit} megapixels)")
TOO_LARGE_TO_DECODE = translate("Photos", "image too large to decode: needs about {need} of memory (the limit is {limit})")


class UnreadableImage(Exception):
    """The file is not an image we can read; the message says why, in plain words.

    ``transient``: the file could not be read at all (a permission, a share that did not
    answer), which may be different next time; otherwise the bytes themselves are the reason.
    """

    def __init__(self, message: str, transient: bool = False):
        super().__init__(message)
        self.transient = transient


@dataclass(frozen=True)
class LoadedImage:
    pixels: np.ndarray  # (size, size, 3) uint8, the model's centre-cropped input
    width: int  # the photo as displayed (after EXIF orientation), full resolution
    height: int


# --- reading files -----------------------------------------------------------------------


@contextmanager
def open_regular(path: str | os.PathLike) -> Iterator[BinaryIO]:
    """Open a file for reading only if it is a regular file, never waiting on it.

    Checked before opening (a device is not even opened) and again on what was opened;
    O_NONBLOCK makes opening a FIFO that replaced the file in between return at once.
    """
    try:
        _check_regular(os.stat(path).st_mode)
        fd = os.open(path, _READ_FLAGS)
        with open(fd, "rb") as fh:
            _check_regular(os.fstat(fd).st_mode)
            yield fh
    except OSError as exc:
        raise UnreadableImage(CANNOT_READ.format(why=exc.strerror or str(exc)), transient=True) from exc


_READ_FLAGS = os.O_RDONLY | getattr(os, "O_BINARY", 0) | getattr(os, "O_NONBLOCK", 0)
_READ_FLAGS |= getattr(os, "O_NOCTTY", 0)


def _check_regular(mode: int) -> None:
    if stat.S_ISREG(mode):
        return
    kind = (
        A_FOLDER if stat.S_ISDIR(mode)
        else A_PIPE if stat.S_ISFIFO(mode)
        else A_SOCKET if stat.S_ISSOCK(mode)
        else A_DEVICE if stat.S_ISCHR(mode) or stat.S_ISBLK(mode)
        else A_SPECIAL_FILE
    )
    raise UnreadableImage(NOT_REGULAR.format(kind=kind))


def read_photo(path: str | os.PathLike) -> bytes:
    """The bytes of a photo file (they are needed whole for the content hash), read only
    after the file has shown it is a regular file of a sane size with an image header."""
    return read_photo_stat(path)[0]


def read_photo_stat(path: str | os.PathLike) -> tuple[bytes, os.stat_result | None]:
    """``read_photo``, with the file's status as it was before its bytes were read; None if the
    file changed while it was read (its size or time differ after), so that nothing is kept
    under a status that may not describe these bytes."""
    ext = os.path.splitext(os.fspath(path))[1].lower()
    if ext in NOT_SUPPORTED_EXTENSIONS:
        raise UnreadableImage(NOT_SUPPORTED.format(ext=ext))
    with open_regular(path) as fh:
        before = os.fstat(fh.fileno())
        size = before.st_size
        if size == 0:
            raise UnreadableImage(EMPTY)
        if size > MAX_FILE_BYTES:
            raise UnreadableImage(FILE_TOO_LARGE.format(size=_amount(size), limit=_amount(MAX_FILE_BYTES)))
        with _plain_reasons():
            _open(fh, ext)  # reads the header only
        fh.seek(0)
        data = fh.read(size)
        after = os.fstat(fh.fileno())
        same = (after.st_size, after.st_mtime_ns) == (before.st_size, before.st_mtime_ns)
        return data, before if same else None


_heif: bool | None = None  # None: not tried yet
_heif_lock = threading.Lock()


def heif_support() -> bool:
    """Whether HEIC/HEIF photos can be decoded. pi-heif's Pillow plugin is registered the
    first time a HEIF file is met (about 20 ms), so an everyday start-up does not load it."""
    global _heif
    if _heif is None:
        with _heif_lock:
            if _heif is None:
                try:
                    import pi_heif

                    pi_heif.register_heif_opener(thumbnails=False)
                    _heif = True
                except (ImportError, OSError):
                    _heif = False
    return _heif


def _is_heif(head: bytes) -> bool:
    """An ISO-BMFF 'ftyp' box naming HEVC-coded HEIF (AVIF shares the container)."""
    if head[4:8] != b"ftyp":
        return False
    brands = {head[i : i + 4] for i in range(16, min(len(head), int.from_bytes(head[:4], "big")), 4)}
    brands.add(head[8:12])
    return bool(brands & _HEIF_BRANDS) and not brands & {b"avif", b"avis"}


def _open(fp: BinaryIO, ext: str = "") -> Image.Image:
    """Image.open (which reads the header only) restricted to photo formats."""
    head = fp.read(64)
    fp.seek(0)
    if _is_heif(head) and not heif_support():
        raise UnreadableImage(NOT_SUPPORTED.format(ext=ext if ext in HEIF_EXTENSIONS else "HEIC"))
    Image.init()
    return Image.open(fp, formats=[f for f in PHOTO_FORMATS if f in Image.OPEN])


@contextmanager
def _plain_reasons() -> Iterator[None]:
    """Pillow's exceptions, as reasons a shop assistant can act on."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            yield
    except UnreadableImage:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        log.info("refused as too large: %s", exc)
        raise UnreadableImage(TOO_MANY_PIXELS) from exc
    except UnidentifiedImageError as exc:
        raise UnreadableImage(NOT_AN_IMAGE) from exc
    except (OSError, SyntaxError, ValueError, EOFError, RuntimeError, IndexError, struct.error) as exc:
        log.info("could not decode: %r", exc)  # the decoder's own words, for whoever looks into it
        raise UnreadableImage(_damage(exc)) from exc


def _damage(exc: BaseException) -> str:
    """What a decoder's error means for the file, without the decoder's words."""
    if isinstance(exc, EOFError) or "truncated" in str(exc).lower():
        return INCOMPLETE
    return DAMAGED


def _amount(nbytes: int) -> str:
    return f"{nbytes / 1e9:.1f} GB" if nbytes >= 1e9 else f"{max(1, round(nbytes / 1e6))} MB"


# --- memory ------------------------------------------------------------------------------


def _storage(mode: str) -> int:
    """Bytes per pixel Pillow stores this mode in."""
    return 1 if mode in ("1", "L", "P") else 2 if mode.startswith("I;16") else 4


# Bytes per full-size pixel at the peak when the image is reduced right after decoding
# (decoded pixels + the one conversion made before reducing); see _shrink.
_SHRINK_PEAK = {"1": 2, "L": 1, "P": 5, "I;16": 3, "I": 5, "F": 5, "RGBA": 8, "LA": 8, "PA": 12}


def decode_need(img: Image.Image, full_size: tuple[int, int], draft_to: int | None) -> int:
    """Bytes of memory decoding an opened image takes at its peak, from its header alone.

    ``img`` is after any draft (its size and mode are what the decoder will produce);
    ``full_size`` is the size stored in the file.
    """
    w, h = img.size
    mode = img.mode
    if draft_to and _shrink_factor(img.size, draft_to) > 1:
        per = _SHRINK_PEAK.get("I;16" if mode.startswith("I;16") else mode, 4)
    else:
        per = _storage(mode) + 8  # converted and turned at full size: two working copies at most
    per += _DECODER_EXTRA.get(img.format or "", 0)
    need = w * h * per
    layers = getattr(img, "layer", None)
    if img.format in ("JPEG", "MPO") and img.info.get("progressive") and layers:
        # A progressive JPEG keeps every DCT coefficient of the full image (2 bytes each),
        # whatever scale it is decoded at: 3 bytes a pixel for the usual 4:2:0 colour.
        h_max = max(layer[1] for layer in layers)
        v_max = max(layer[2] for layer in layers)
        share = sum(layer[1] * layer[2] for layer in layers) / (h_max * v_max)
        need += int(full_size[0] * full_size[1] * 2 * share)
    return need


# --- decoding ----------------------------------------------------------------------------


def open_image(
    data: bytes, draft_to: int | None = None, budget: DecodeBudget | None = None
) -> tuple[Image.Image, int, int]:
    """Decode bytes to an upright RGB image; returns it with the full displayed size.

    With ``draft_to``, the image may come back smaller, but never with its shorter side
    under draft_to. With ``budget``, the decode waits for its share of that budget.
    """
    if not data:
        raise UnreadableImage(EMPTY)
    with _plain_reasons():
        img = _open(io.BytesIO(data))
        width, height = img.size
        if width * height > MAX_PIXELS:
            raise UnreadableImage(IMAGE_TOO_LARGE.format(width=width, height=height, limit=MAX_PIXELS // 1_000_000))
        if draft_to and img.format in ("JPEG", "MPO"):
            img.draft("RGB", (draft_to, draft_to))
        need = len(data) + decode_need(img, (width, height), draft_to)
        if need > MAX_DECODE_BYTES:
            raise UnreadableImage(TOO_LARGE_TO_DECODE.format(need=_amount(need), limit=_amount(MAX_DECODE_BYTES)))
        with budget.hold(need) if budget is not None else nullcontext():
            img.seek(0)
            img.load()
            orientation = img.getexif().get(0x0112, 1)
            if draft_to:
                img = _shrink(img, draft_to)
            img = _to_rgb(img)
            if orientation in _TURNS:
                img = img.transpose(_TURNS[orientation])
    if orientation in (5, 6, 7, 8):
        width, height = height, width
    return img, width, height


_TURNS = {
    2: Image.Transpose.FLIP_LEFT_RIGHT,
    3: Image.Transpose.ROTATE_180,
    4: Image.Transpose.FLIP_TOP_BOTTOM,
    5: Image.Transpose.TRANSPOSE,
    6: Image.Transpose.ROTATE_270,
    7: Image.Transpose.TRANSVERSE,
    8: Image.Transpose.ROTATE_90,
}


def _shrink_factor(size: tuple[int, int], short: int) -> int:
    """The whole factor a decoded image is reduced by: the shorter side stays at least twice
    ``short``, so the resize that follows still smooths over two or more pixels (what
    Pillow's ``reducing_gap=2`` does; the result is as good as resizing in one go)."""
    return max(1, min(size) // (2 * short))


def _shrink(img: Image.Image, short: int) -> Image.Image:
    """Reduce by ``_shrink_factor``, so that converting and resizing work on a small image.
    Deep and palette images are made 8-bit first; transparent ones are premultiplied, so
    that averaging does not darken their edges."""
    factor = _shrink_factor(img.size, short)
    if factor < 2:
        return img
    if img.mode.startswith("I;16") or img.mode in ("I", "F"):
        img = _to_8bit(img)
    elif img.mode == "1":
        img = img.convert("L")
    elif img.mode == "P":
        img = img.convert("RGBA" if "transparency" in img.info else "RGB")
    elif img.mode == "PA":
        img = img.convert("RGBA")
    if img.mode in ("RGBA", "LA"):
        alpha = img.mode
        return img.convert(alpha[:-1] + "a").reduce(factor).convert(alpha)
    try:
        return img.reduce(factor)
    except ValueError:  # a mode reduce does not know
        return img.convert("RGB").reduce(factor)


def _to_8bit(img: Image.Image) -> Image.Image:
    """16-bit and 32-bit greyscale to 8 bits, strip by strip (no full-size float copy)."""
    if img.mode.startswith("I;16"):
        top = 65535.0
    else:
        high = img.getextrema()[1]  # one band ("I", "F"): (min, max)
        top = 65535.0 if isinstance(high, (int, float)) and high > 255 else 255.0
    w, h = img.size
    out = np.empty((h, w), dtype=np.uint8)
    rows = max(1, (1 << 18) // max(w, 1))
    for y in range(0, h, rows):
        strip = np.asarray(img.crop((0, y, w, min(h, y + rows))), dtype=np.float64)
        out[y : y + rows] = np.clip(strip / top * 255.0 + 0.5, 0, 255).astype(np.uint8)
    return Image.fromarray(out, "L")


def _to_rgb(img: Image.Image) -> Image.Image:
    mode = img.mode
    if mode == "RGB":
        return img
    if mode.startswith("I;16") or mode in ("I", "F"):
        return _to_8bit(img).convert("RGB")
    if mode == "P" and "transparency" in img.info or mode in ("RGBA", "LA", "PA", "La", "RGBa"):
        rgba = img if mode == "RGBA" else img.convert("RGBA")
        white = Image.new("RGB", rgba.size, (255, 255, 255))
        white.paste(rgba, (0, 0), rgba)  # blends by the alpha band
        return white
    return img.convert("RGB")


def load_rgb(
    data: bytes, size: int, crop_pct: float = 0.875, budget: DecodeBudget | None = None, frame: bool = False,
    upright: Callable[[Image.Image, int, int], None] | None = None,
) -> LoadedImage:
    """Decode, resize the shorter side to size / crop_pct and take the centre square.

    This is the evaluation transform the ImageNet weights were measured with (256 -> 224);
    it reproduces the reference probe and 1-NN figures, where squashing the whole photo
    to a square loses about five points of 1-NN accuracy. With ``frame``, a studio shot is
    first cut to its subject (``framing.frame_studio``). ``upright`` is given the whole photo
    as decoded (upright, RGB, shorter side at least size / crop_pct) with its full size,
    before it is cut: indexing makes its thumbnail from it.
    """
    short = max(size, round(size / crop_pct))
    img, width, height = open_image(data, draft_to=short, budget=budget)
    if upright is not None:
        upright(img, width, height)
    if frame:
        img = frame_studio(img)
    w, h = img.size
    scale = short / min(w, h)
    rw, rh = max(short, round(w * scale)), max(short, round(h * scale))
    left, top = (rw - size) // 2, (rh - size) // 2
    try:
        square = img.resize((rw, rh), Image.Resampling.BILINEAR).crop((left, top, left + size, top + size))
    except (OSError, ValueError) as exc:
        log.info("could not resize: %r", exc)
        raise UnreadableImage(_damage(exc)) from exc
    return LoadedImage(np.asarray(square, dtype=np.uint8), width, height)
