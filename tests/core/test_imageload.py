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
    with pytest.raises(UnreadableImage, match="the file is incomplete"):
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
    assert not any(is_image_name(n) for n in ["notes.txt", "jpg", "clip.mov"])
    assert is_image_name("raw.CR2")  # scanned, to be listed as "format not supported (.cr2)"


def jpeg_claiming(width: int, height: int, **kw) -> bytes:
    """A small JPEG whose header claims another size: the header is all an estimate reads."""
    data = bytearray(encode(Image.new("RGB", (120, 160), (90, 90, 90)), "JPEG", **kw))
    sof = next(i for i in range(len(data) - 1) if data[i] == 0xFF and data[i + 1] in (0xC0, 0xC2))
    data[sof + 5 : sof + 9] = height.to_bytes(2, "big") + width.to_bytes(2, "big")
    return bytes(data)


@pytest.mark.parametrize("progressive, most_mb", [(False, 50), (True, 700)])
def test_a_camera_jpeg_of_12000_by_16000_is_within_the_decode_limit(progressive, most_mb):
    img = Image.open(io.BytesIO(jpeg_claiming(12000, 16000, progressive=progressive)))
    img.draft("RGB", (256, 256))
    assert img.size == (1500, 2000)
    need = imageload.decode_need(img, (12000, 16000), 256)
    assert need < most_mb * 1e6 and need < imageload.MAX_DECODE_BYTES


def test_a_camera_jpeg_of_12000_by_16000_is_decoded():
    loaded = load_rgb(jpeg_claiming(12000, 16000), 224)  # libjpeg fills in the missing scan
    assert (loaded.width, loaded.height) == (12000, 16000)


def test_mpo_from_a_camera_uses_draft_decoding():
    frames = [Image.new("RGB", (4000, 3000), (120, 120, 120)), Image.new("RGB", (4000, 3000), (0, 0, 0))]
    buf = io.BytesIO()
    frames[0].save(buf, "MPO", save_all=True, append_images=frames[1:])
    img, width, height = open_image(buf.getvalue(), draft_to=224)
    assert (width, height) == (4000, 3000) and img.size == (500, 375)


def test_a_big_transparent_png_keeps_clean_edges_when_reduced():
    img = Image.new("RGBA", (4000, 2000), (0, 0, 0, 0))  # transparent black
    img.paste((200, 200, 200, 255), (0, 0, 2003, 2000))  # an edge that falls inside a reduced pixel
    arr = load_rgb(encode(img, "PNG"), 224).pixels
    assert arr.min() >= 199  # only grey and white blend: no dark halo


def test_a_big_sixteen_bit_image_keeps_its_tone_when_reduced():
    arr16 = np.full((1200, 1300), 32768, dtype=np.uint16)
    loaded = load_rgb(encode(Image.fromarray(arr16), "PNG"), 224)
    assert 127 <= loaded.pixels.min() and loaded.pixels.max() <= 129
    assert (loaded.width, loaded.height) == (1300, 1200)


def test_exif_orientation_is_applied_after_reducing():
    img = Image.new("RGB", (3200, 1600), (255, 255, 255))
    img.paste((0, 0, 0), (0, 0, 1600, 1600))  # left half black
    exif = Image.Exif()
    exif[0x0112] = 6
    turned, width, height = open_image(encode(img, "PNG", exif=exif), draft_to=256)
    assert (width, height) == (1600, 3200) and turned.size == (534, 1067)  # reduced by 3
    arr = np.asarray(turned)
    assert arr[40, 260].mean() < 40 and arr[1000, 260].mean() > 215  # black now on top


def test_a_postscript_file_named_jpg_is_not_an_image():
    eps = b"%!PS-Adobe-3.0 EPSF-3.0\n%%BoundingBox: 0 0 10 10\nshowpage\n"
    with pytest.raises(UnreadableImage, match="not an image"):
        load_rgb(eps, 224)


def test_decode_limit_refuses_before_decoding(monkeypatch):
    monkeypatch.setattr(imageload, "MAX_DECODE_BYTES", 1_000_000)
    reason = r"too large to decode: needs about \d+ MB of memory \(the limit is 1 MB\)"
    with pytest.raises(UnreadableImage, match=reason):
        load_rgb(encode(Image.new("RGBA", (600, 600)), "PNG"), 224)


def test_read_photo_refuses_folders_and_missing_files(tmp_path):
    with pytest.raises(UnreadableImage, match=r"not a regular file \(a folder\)"):
        imageload.read_photo(tmp_path)
    with pytest.raises(UnreadableImage, match="cannot read file"):
        imageload.read_photo(tmp_path / "gone.jpg")
    (tmp_path / "empty.jpg").write_bytes(b"")
    with pytest.raises(UnreadableImage, match="empty"):
        imageload.read_photo(tmp_path / "empty.jpg")
    data = encode(Image.new("RGB", (30, 20)), "PNG")
    (tmp_path / "fine.png").write_bytes(data)
    assert imageload.read_photo(tmp_path / "fine.png") == data


def test_avif_is_not_taken_for_heic():
    avif = encode(Image.new("RGB", (16, 16), (0, 200, 0)), "AVIF")
    assert not imageload._is_heif(avif[:64])
    assert load_rgb(avif, 16).pixels[..., 1].mean() > 180


def test_heif_support_is_not_loaded_at_start_up():
    import subprocess
    import sys

    code = "import sys, fashiondesk.core.vision.imageload; print('pi_heif' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True).stdout
    assert out.strip() == "False"
