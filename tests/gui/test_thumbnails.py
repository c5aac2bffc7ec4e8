import os

from PIL import Image

from fashiondesk.core.thumbnails import cache_name
from fashiondesk.gui.thumbnails import ThumbnailLoader, make_thumbnail
from tests.conftest import solid


def test_thumbnail_is_small_upright_and_cached(tmp_path):
    photo = tmp_path / "tall.jpg"
    image = Image.new("RGB", (1200, 600), (10, 120, 200))
    exif = image.getexif()
    exif[0x0112] = 6  # stored on its side: displayed rotated 90 degrees
    image.save(photo, exif=exif)
    cache = tmp_path / "cache"
    thumb = make_thumbnail(str(photo), 160, cache)
    assert (thumb.width(), thumb.height()) == (80, 160)
    cached = cache / cache_name(str(photo), 160)
    assert cached.exists()
    assert make_thumbnail(str(photo), 160, cache).size() == thumb.size()
    # A changed file gets a new thumbnail, not the stale one.
    Image.new("RGB", (300, 300), (0, 0, 0)).save(photo)
    os.utime(photo, (1, 1))
    assert cache_name(str(photo), 160) != cached.name
    assert make_thumbnail(str(photo), 160, cache).size().width() == 160


def test_unreadable_files_give_no_thumbnail(tmp_path):
    broken = tmp_path / "broken.jpg"
    broken.write_bytes(b"\xff\xd8\xff not really")
    assert make_thumbnail(str(broken), 160, tmp_path / "cache").isNull()
    assert make_thumbnail(str(tmp_path / "gone.jpg"), 160, tmp_path / "cache").isNull()


def test_loader_answers_later_off_the_gui_thread(qtbot, tmp_path):
    good = solid(tmp_path / "red.png", size=(400, 300))
    broken = tmp_path / "broken.png"
    broken.write_bytes(b"nope")
    loader = ThumbnailLoader(tmp_path / "cache")
    try:
        assert loader.pixmap(str(good)) is None
        with qtbot.waitSignal(loader.ready, timeout=10_000):
            pass
        assert loader.pixmap(str(good)).width() == 160
        loader.pixmap(str(broken))
        qtbot.waitUntil(lambda: loader.failed(str(broken)), timeout=10_000)
    finally:
        loader.close()


def test_thumbnails_are_decoded_at_the_screen_scale(qtbot, tmp_path):
    good = solid(tmp_path / "red.png", size=(800, 600))
    loader = ThumbnailLoader(tmp_path / "cache", scale=2.0)
    try:
        loader.pixmap(str(good))
        qtbot.waitUntil(lambda: loader.pixmap(str(good)) is not None, timeout=10_000)
        pixmap = loader.pixmap(str(good))
        assert pixmap.width() == 320 and pixmap.deviceIndependentSize().width() == 160
    finally:
        loader.close()


def test_the_disk_cache_is_pruned_oldest_first(tmp_path):
    from fashiondesk.core.thumbnails import prune_cache

    cache = tmp_path / "cache"
    cache.mkdir()
    for i in range(10):
        f = cache / f"{i}.jpg"
        f.write_bytes(b"x" * 1000)
        os.utime(f, (1000 + i, 1000 + i))
    assert prune_cache(cache, limit=20_000) == 0  # under the limit: nothing goes
    assert prune_cache(cache, limit=5_000) == 6  # down to 80% of the limit
    assert sorted(p.name for p in cache.iterdir()) == ["6.jpg", "7.jpg", "8.jpg", "9.jpg"]


def test_phone_formats_and_pipes_in_the_grid(tmp_path):
    """HEIC photos the indexing pass reads get a thumbnail too; a pipe named like a photo
    gives none at once instead of hanging a thumbnail thread."""
    import threading

    from tests.reliability.test_photo_files import RED_HEIC

    heic = tmp_path / "IMG_0001.HEIC"
    heic.write_bytes(RED_HEIC)
    thumb = make_thumbnail(str(heic), 160, tmp_path / "cache")
    assert (thumb.width(), thumb.height()) == (64, 48)  # small photos are not blown up
    assert thumb.pixelColor(32, 24).red() > 150 > thumb.pixelColor(32, 24).green()
    pipe = tmp_path / "pipe.jpg"
    os.mkfifo(pipe)
    result = []
    reader = threading.Thread(target=lambda: result.append(make_thumbnail(str(pipe), 160, tmp_path / "cache")), daemon=True)
    reader.start()
    reader.join(5)
    assert result and result[0].isNull()


def test_the_grid_uses_the_thumbnail_indexing_wrote_without_decoding(tmp_path, monkeypatch):
    from fashiondesk.core import services
    from fashiondesk.core.thumbnails import INDEXED_EDGE, ThumbnailWriter

    photo = solid(tmp_path / "big.jpg", size=(2000, 1500))
    cache = tmp_path / "cache"
    ThumbnailWriter(cache).write(str(photo), f"{photo.stat().st_size}:{photo.stat().st_mtime_ns}",
                                 Image.new("RGB", (400, 300), (0, 200, 0)), 2000, 1500)

    def no_decode(path, edge):
        raise AssertionError("decoded although indexing left a thumbnail")

    monkeypatch.setattr(services, "preview", no_decode)
    small = make_thumbnail(str(photo), 160, cache)
    assert (small.width(), small.height()) == (160, 120)
    assert small.pixelColor(80, 60).green() > 150  # the indexed thumbnail, not the red photo
    exact = make_thumbnail(str(photo), INDEXED_EDGE, cache)  # a 200% screen: used as it is
    assert (exact.width(), exact.height()) == (320, 240)
    monkeypatch.undo()
    bigger = make_thumbnail(str(photo), 400, cache)  # larger than indexing made: decoded
    assert (bigger.width(), bigger.height()) == (400, 300)


def test_a_file_saved_again_gets_a_new_thumbnail_after_an_index_run(qtbot, tmp_path):
    photo = solid(tmp_path / "same name.png", colour=(200, 0, 0), size=(400, 300))
    loader = ThumbnailLoader(tmp_path / "cache", scale=1.0)
    try:
        loader.pixmap(str(photo))
        qtbot.waitUntil(lambda: loader.in_memory(str(photo), 160) is not None, timeout=10_000)
        assert loader.in_memory(str(photo), 160).toImage().pixelColor(80, 60).red() > 150
        solid(photo, colour=(0, 0, 200), size=(400, 300))  # saved again under the same name
        os.utime(photo, (photo.stat().st_atime + 5, photo.stat().st_mtime + 5))
        with qtbot.waitSignal(loader.ready, timeout=10_000):
            loader.revalidate()  # what the window does when an index run ends
        loader.pixmap(str(photo))
        qtbot.waitUntil(lambda: loader.in_memory(str(photo), 160) is not None, timeout=10_000)
        assert loader.in_memory(str(photo), 160).toImage().pixelColor(80, 60).blue() > 150
    finally:
        loader.close()
