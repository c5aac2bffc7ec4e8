import io

import numpy as np
import pytest
from PIL import Image

from fashiondesk.core.vision import imageload
from fashiondesk.core.vision.imageload import UnreadableImage, is_image_name, load_rgb, open_image


def encode(img: Image.Image, fmt: str, **kw) -> bytes:
    buf = io.BytesIO()
    img.save(buf, fmt, **kw)
    return buf.getvalue()


def test_plain_jpeg_becomes_the_model_input():
    data = encode(Image.new("RGB", (400, 533), (10, 200, 30)), "JPEG")
    loaded = load_rgb(data, 224)
    assert loaded.pixels.shape == (224, 224, 3) and loaded.pixels.dtype == np.uint8
    assert (loaded.width, loaded.height) == (400, 533)
    assert abs(int(loaded.pixels[100, 100, 1]) - 200) < 6


def test_exif_orientation_is_applied():
    img = Image.new("RGB", (80, 40), (255, 255, 255))
    img.paste((0, 0, 0), (0, 0, 40, 40))  # left half black
    exif = Image.Exif()
    exif[0x0112] = 6  # stored sideways: display rotated 90 degrees clockwise
    loaded_img, width, height = open_image(encode(img, "JPEG", exif=exif))
    assert (width, height) == (40, 80)
    arr = np.asarray(loaded_img)
    assert arr[5, 20].mean() < 40 and arr[75, 20].mean() > 215  # black now on top


@pytest.mark.parametrize("mode", ["RGBA", "LA"])
def test_transparency_is_composited_on_white(mode):
    img = Image.new(mode, (32, 32), (0, 0) if mode == "LA" else (0, 0, 0, 0))
    arr = load_rgb(encode(img, "PNG"), 16).pixels
    assert arr.min() == 255


def test_palette_with_transparency_is_white():
    img = Image.new("P", (32, 32), 0)
    img.putpalette([0, 0, 0] * 256)
    arr = load_rgb(encode(img, "GIF", transparency=0), 16).pixels
    assert arr.min() == 255


def test_cmyk_jpeg_becomes_rgb():
    img = Image.new("CMYK", (32, 32), (0, 255, 255, 0))  # red in CMYK
    arr = load_rgb(encode(img, "JPEG"), 16).pixels
    r, g, b = arr[8, 8]
    assert r > 200 and g < 60 and b < 60


def test_sixteen_bit_greyscale_keeps_its_tone():
    arr16 = np.full((32, 32), 32768, dtype=np.uint16)  # mid grey
    img = Image.fromarray(arr16)
    arr = load_rgb(encode(img, "PNG"), 16).pixels
    assert 120 <= arr.mean() <= 135


@pytest.mark.parametrize("fmt", ["PNG", "WEBP", "BMP", "TIFF", "GIF"])
def test_other_formats(fmt):
    arr = load_rgb(encode(Image.new("RGB", (50, 30), (0, 0, 250)), fmt), 16).pixels
    assert arr[..., 2].mean() > 200


def test_zero_byte_file():
    with pytest.raises(UnreadableImage, match="empty"):
        load_rgb(b"", 224)


def test_truncated_jpeg():
    data = encode(Image.effect_noise((300, 300), 60).convert("RGB"), "JPEG")
    with pytest.raises(UnreadableImage, match="truncated|damaged"):
        load_rgb(data[: len(data) // 2], 224)


def test_text_file_named_jpg():
    with pytest.raises(UnreadableImage, match="not an image"):
        load_rgb(b"this is a shopping list, not a photo\n" * 10, 224)


def test_decompression_bomb_is_refused(monkeypatch):
    monkeypatch.setattr(imageload, "MAX_PIXELS", 100 * 100)
    data = encode(Image.new("1", (1000, 1000)), "PNG")  # a few hundred bytes, 1 MP
    assert len(data) < 2000
    with pytest.raises(UnreadableImage, match="too large"):
        load_rgb(data, 224)


def test_large_jpeg_uses_draft_decoding():
    data = encode(Image.new("RGB", (4000, 3000), (120, 120, 120)), "JPEG")
    img, width, height = open_image(data, draft_to=224)
    assert (width, height) == (4000, 3000)  # facts of the full photo
    assert img.size == (500, 375)  # decoded at 1/8 scale


def test_extensions_are_matched_case_insensitively():
    assert all(is_image_name(n) for n in ["a.JPG", "b.Jpeg", "c.png", "d.WebP", "e.TIFF", "f.gif", "g.bmp"])
    assert not any(is_image_name(n) for n in ["notes.txt", "jpg", "raw.cr2"])
