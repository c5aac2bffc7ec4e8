"""Indexing leaves a thumbnail per photo, made from the pixels it decoded for the model."""

import os

from PIL import Image

from fashiondesk.core import services
from fashiondesk.core.thumbnails import INDEXED_EDGE, ThumbnailWriter, cache_name


def phone_like(path, size=(2400, 1800), orientation=6):
    """A photo stored on its side with EXIF orientation, as phones store portrait shots."""
    image = Image.new("RGB", size, (20, 90, 160))
    image.paste((240, 240, 240), (0, 0, size[0] // 4, size[1]))  # a pale band on the stored left
    exif = image.getexif()
    exif[0x0112] = orientation
    image.save(path, quality=90, exif=exif)
    return path


def test_indexing_writes_an_upright_thumbnail_for_every_photo(catalogue, embedder, sample_photos, tmp_path):
    folder = sample_photos(3)
    phone_like(folder / "IMG_0001.jpg")
    thumbs = tmp_path / "thumbs"
    services.add_folders(catalogue, [folder])
    summary = services.index(catalogue, embedder=embedder, thumbnail_dir=thumbs)
    assert summary.indexed == 4
    for photo in sorted(folder.iterdir()):
        made = thumbs / cache_name(str(photo), INDEXED_EDGE)
        assert made.exists(), photo.name
        with Image.open(made) as im:
            original = Image.open(photo)
            assert max(im.size) == min(INDEXED_EDGE, max(original.size))
    with Image.open(thumbs / cache_name(str(folder / "IMG_0001.jpg"), INDEXED_EDGE)) as im:
        assert im.size == (240, 320)  # turned upright: the stored 2400 x 1800 shows as portrait
        top = im.convert("RGB").getpixel((120, 10))
        assert min(top) > 200  # orientation 6 turns the stored left band to the top


def test_a_photo_changed_since_gets_no_stale_thumbnail(catalogue, embedder, sample_photos, tmp_path):
    folder = sample_photos(1)
    photo = next(folder.iterdir())
    thumbs = tmp_path / "thumbs"
    services.add_folders(catalogue, [folder])
    services.index(catalogue, embedder=embedder, thumbnail_dir=thumbs)
    old = cache_name(str(photo), INDEXED_EDGE)
    Image.new("RGB", (300, 400), (0, 0, 0)).save(photo)
    os.utime(photo, (1, 1))
    assert cache_name(str(photo), INDEXED_EDGE) != old  # the window decodes it again


def test_a_decode_too_small_for_a_sharp_thumbnail_is_not_kept(tmp_path):
    writer = ThumbnailWriter(tmp_path)
    writer.write("/a/big.jpg", "1:1", Image.new("RGB", (300, 256)), 4800, 4096)
    assert not list(tmp_path.iterdir())  # a 300 px decode of a 4800 px photo: the window makes its own
    writer.write("/a/small.jpg", "1:1", Image.new("RGB", (300, 256)), 300, 256)
    assert [p.name for p in tmp_path.iterdir()] == [cache_name("/a/small.jpg", INDEXED_EDGE, "1:1")]


def test_a_file_changing_while_it_is_read_keeps_no_thumbnail(tmp_path, monkeypatch):
    """Its status after the read differs from before: the thumbnail could be of other bytes
    than its name says, so none is kept, and nothing else either (the next run reads the
    file again)."""
    from fashiondesk.core.records import FileEntry
    from fashiondesk.core.vision import imageload, pipeline

    photo = phone_like(tmp_path / "IMG_0002.jpg")
    real_fstat, calls = os.fstat, []

    def moving(fd):
        st = real_fstat(fd)
        calls.append(1)
        if len(calls) == 2:  # after the read: saved again meanwhile
            return os.stat_result((*st[:8], st.st_mtime + 1, st.st_ctime))
        return st

    monkeypatch.setattr(imageload.os, "fstat", moving)
    thumbs = tmp_path / "thumbs"
    st = photo.stat()
    decoded = pipeline.decode(FileEntry(str(photo), st.st_size, st.st_mtime, 1), 224, 0.875,
                              thumbnails=ThumbnailWriter(thumbs))
    assert decoded.changed and decoded.image is None
    assert not thumbs.exists() or not list(thumbs.iterdir())
