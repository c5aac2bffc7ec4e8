"""Photo files as phones, cameras and accidents leave them (issue 11, items 8 and 9).

Phone formats are indexed, formats fashiondesk cannot decode are listed as failures (never
dropped in silence), and no file can make a read hang or blow up memory: pipes and devices
are refused, a huge file is refused before it is read, a non-image is refused after its
header, an image's decoded size is bounded, and concurrent decodes share one budget.

Reads that could hang or eat memory before the fix run in a child process with a timeout
and a cap on its address space, so a regression fails the test instead of the machine.
"""

from __future__ import annotations

import base64
import io
import json
import os
import subprocess
import sys
import textwrap
import threading
import time

import numpy as np
import pytest
from PIL import Image, ImageDraw
from sqlalchemy import select

from fashiondesk.core import services
from fashiondesk.core.catalogue.models import OK, Photo
from fashiondesk.core.vision import imageload
from fashiondesk.core.vision.budget import DecodeBudget
from tests.conftest import solid

# A 64 x 48 red HEIC as an iPhone writes them (HEVC in an ISO-BMFF 'heic' box, cropped from
# 64 x 64 by a 'clap' box), made once with pillow-heif's encoder; fashiondesk only decodes.
RED_HEIC = base64.b64decode(
    "AAAAHGZ0eXBoZWljAAAAAG1pZjFoZWljbWlhZgAAAX1tZXRhAAAAAAAAACFoZGxyAAAAAAAAAABwaWN0AAAAAAAA"
    "AAAAAAAAAAAAACJpbG9jAAAAAERAAAEAAQAAAAABoQABAAAAAAAAAB0AAAAjaWluZgAAAAAAAQAAABVpbmZlAgAA"
    "AAABAABodmMxAAAAAA5waXRtAAAAAAABAAAA/WlwcnAAAADdaXBjbwAAAHZodmNDAQNwAAAAkAAAAAAAHvAA/P34"
    "+AAADwNgAAEAGEABDAH//wNwAAADAJAAAAMAAAMAHroCQGEAAQAqQgEBA3AAAAMAkAAAAwAAAwAeoCCBBZbq5Ka5"
    "uAhoMCAAAAMDIAAAAwAhYgABAAZEAcFzwIkAAAATY29scm5jbHgAAQANAAaAAAAAFGlzcGUAAAAAAAAAQAAAAEAA"
    "AAAoY2xhcAAAAEAAAAABAAAAMAAAAAEAAAAAAAAAAv////AAAAACAAAAEHBpeGkAAAAAAwgICAAAABhpcG1hAAAA"
    "AAAAAAEAAQWBAgMFhAAAACVtZGF0AAAAGSgBrxOA9SeBP//gpUf/utZ4fg8Lfnny1PA="
)

LINUX = sys.platform.startswith("linux")  # the child's memory cap reads /proc and sets RLIMIT_AS


def index_folder(catalogue, embedder, folder):
    services.add_folders(catalogue, [folder])
    return services.index(catalogue, embedder=embedder)


def photo_rows(catalogue):
    with catalogue.sessions() as s:
        return {p.path: (p.status, p.error, p.width, p.height) for p in s.scalars(select(Photo))}


# --- item 8: phone and camera formats ---------------------------------------------------


def test_phone_formats_are_indexed(catalogue, embedder, tmp_path):
    folder = tmp_path / "phone"
    folder.mkdir()
    for name in ["IMG_0001.HEIC", "IMG_0002.heif", "DSCF0003.HIF"]:
        (folder / name).write_bytes(RED_HEIC)
    solid(folder / "IMG_0004.avif", fmt="AVIF")
    solid(folder / "whatsapp.jfif", fmt="JPEG")
    solid(folder / "scan.JPE", fmt="JPEG")
    summary = index_folder(catalogue, embedder, folder)
    assert summary.failed == [] and summary.indexed == 6
    rows = photo_rows(catalogue)
    assert len(rows) == 6 and all(status == OK for status, *_ in rows.values())
    assert rows[str(folder / "IMG_0001.HEIC")][2:] == (64, 48)  # the displayed (cropped) size


def test_heic_without_its_decoder_is_listed_not_dropped(catalogue, embedder, tmp_path, monkeypatch):
    monkeypatch.setattr(imageload, "heif_support", lambda: False)
    folder = tmp_path / "phone"
    folder.mkdir()
    (folder / "IMG_0001.heic").write_bytes(RED_HEIC)
    index_folder(catalogue, embedder, folder)
    assert services.failures(catalogue) == [(str(folder / "IMG_0001.heic"), "format not supported (.heic)")]


def test_camera_raw_and_photoshop_files_are_listed_as_not_supported(catalogue, embedder, tmp_path):
    folder = tmp_path / "camera"
    folder.mkdir()
    tiff = io.BytesIO()
    Image.new("RGB", (40, 30), (9, 9, 9)).save(tiff, "TIFF")  # RAW files are TIFF inside, often
    names = ["IMG_1.CR2", "IMG_2.cr3", "DSC_3.nef", "DSC_4.arw", "IMG_5.dng", "DSCF6.raf", "P7.orf", "P8.rw2"]
    for name in names:
        (folder / name).write_bytes(tiff.getvalue())
    (folder / "retouch.psd").write_bytes(b"8BPS" + bytes(200))
    solid(folder / "IMG_1.jpg", fmt="JPEG")  # the camera's JPEG beside its RAW is indexed
    summary = index_folder(catalogue, embedder, folder)
    assert summary.indexed == 1
    expected = sorted(
        (str(folder / n), f"format not supported ({os.path.splitext(n)[1].lower()})")
        for n in names + ["retouch.psd"]
    )
    assert services.failures(catalogue) == expected
    assert sorted(summary.failed) == expected


def test_every_recognised_name_is_scanned():
    for name in ["a.heic", "b.HEIF", "c.avif", "d.jfif", "e.jpe", "f.nef", "g.CR2", "h.dng", "i.psd"]:
        assert imageload.is_image_name(name), name
    assert not any(imageload.is_image_name(n) for n in ["notes.txt", "clip.mov", "heic", "x.xmp"])


# --- item 9: files that must not hang or blow up memory --------------------------------

CHILD = """
import json, os, resource, sys, time
from fashiondesk.core.catalogue.scan import FileEntry
from fashiondesk.core.vision.pipeline import decode

def vm_size():
    for line in open("/proc/self/status"):
        if line.startswith("VmSize:"):
            return int(line.split()[1]) * 1024

def bytes_read():  # every byte this process has read through read(2) and the like
    for line in open("/proc/self/io"):
        if line.startswith("rchar:"):
            return int(line.split()[1])

limit = vm_size() + int(sys.argv[2])  # room for what the call itself may take
resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
before, read_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, bytes_read()
started = time.perf_counter()
try:
    st = os.stat(sys.argv[1])  # the scan's facts: decode refuses bytes they do not describe
    d = decode(FileEntry(sys.argv[1], st.st_size, st.st_mtime, 1), 224, 0.875)
    result = {"error": d.error, "mean": None if d.image is None else float(d.image.pixels.mean())}
except BaseException as exc:
    result = {"error": f"{type(exc).__name__}: {exc}", "mean": None}
result["seconds"] = time.perf_counter() - started
result["grew_mb"] = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1024
result["read_mb"] = (bytes_read() - read_before) / 1e6
print(json.dumps(result))
"""


def decode_in_child(path, room_mb=1024, timeout=30.0) -> dict:
    """pipeline.decode(path) in a child whose address space may grow by room_mb at most."""
    try:
        proc = subprocess.run(
            [sys.executable, "-c", CHILD, str(path), str(room_mb << 20)],
            capture_output=True, text=True, timeout=timeout,
        )
    except subprocess.TimeoutExpired:
        pytest.fail(f"reading {path} hung for {timeout:.0f} s")
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout.strip().splitlines()[-1])


@pytest.mark.skipif(not LINUX or not hasattr(os, "mkfifo"), reason="needs a FIFO and /proc")
def test_a_fifo_is_refused_without_waiting_for_a_writer(tmp_path):
    fifo = tmp_path / "pipe.jpg"
    os.mkfifo(fifo)
    result = decode_in_child(fifo, timeout=15)
    assert result["error"].startswith("not a regular file") and result["seconds"] < 2


@pytest.mark.skipif(not LINUX or not os.path.exists("/dev/zero"), reason="needs /dev/zero and /proc")
def test_dev_zero_is_refused_without_reading_it():
    result = decode_in_child("/dev/zero")
    assert result["error"].startswith("not a regular file") and result["seconds"] < 2
    assert result["read_mb"] < 1


@pytest.mark.skipif(not LINUX, reason="needs /proc")
def test_a_huge_file_is_refused_before_it_is_read(tmp_path):
    big = tmp_path / "big.jpg"
    with open(big, "wb") as fh:
        fh.truncate(3 << 30)  # 3 GB, sparse: costs no disk
    result = decode_in_child(big)
    assert result["error"] == "file too large for a photo (3.2 GB; the limit is 500 MB)"
    assert result["seconds"] < 2 and result["read_mb"] < 1


@pytest.mark.skipif(not LINUX, reason="needs /proc")
def test_a_non_image_is_refused_after_its_header(tmp_path):
    junk = tmp_path / "backup.jpg"
    with open(junk, "wb") as fh:
        fh.write(b"PK\x03\x04 not really a photo")
        fh.truncate(200 << 20)  # under the size limit: only the header may be read
    result = decode_in_child(junk)
    assert "not an image" in result["error"]
    assert result["read_mb"] < 1  # the header only, not 200 MB


@pytest.mark.skipif(not LINUX or not hasattr(os, "mkfifo"), reason="needs a FIFO and /proc")
def test_similar_refuses_pipes_and_devices(tmp_path):
    fifo = tmp_path / "pipe.jpg"
    os.mkfifo(fifo)
    code = textwrap.dedent(
        f"""
        import resource, sys
        resource.setrlimit(resource.RLIMIT_AS, (4 << 30, 4 << 30))
        from fashiondesk.core import services
        from fashiondesk.core.catalogue.db import open_catalogue
        from fashiondesk.core.vision.runtime import Embedder
        catalogue, embedder = open_catalogue({str(tmp_path / 'c.db')!r}), Embedder.load(threads=1)
        for path in [{str(fifo)!r}, "/dev/zero"]:
            try:
                services.similar(catalogue, [path], embedder=embedder)
            except services.UserError as exc:
                print(exc)
        """
    )
    try:
        proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=30)
    except subprocess.TimeoutExpired:
        pytest.fail("similar hung on a FIFO or /dev/zero")
    assert proc.stdout.splitlines() == [
        f"{fifo}: not a regular file (a pipe)",
        "/dev/zero: not a regular file (a device)",
    ], proc.stderr


@pytest.fixture(scope="module")
def huge_png(tmp_path_factory):
    """14000 x 14000 16-bit greyscale, 1.7 MB on disk, 392 MB decoded (Pillow keeps 16 bits)."""
    img = Image.new("I;16", (14000, 14000), 30000)
    ImageDraw.Draw(img).rectangle((3000, 3000, 9000, 11000), fill=52000)
    path = tmp_path_factory.mktemp("huge") / "swatch.png"
    img.save(path, compress_level=1)
    return path


@pytest.mark.skipif(not LINUX, reason="needs /proc")
def test_a_huge_16_bit_png_decodes_within_its_memory_estimate(huge_png):
    result = decode_in_child(huge_png, room_mb=1200, timeout=60)
    assert result["error"] is None, result
    assert 140 <= result["mean"] <= 149  # the tone survives: 30000 and 52000 of 65535
    assert result["grew_mb"] < 800  # was 4,900 MB: a float64 copy and two temporaries


def test_decoded_size_guard_refuses_with_a_clear_reason(huge_png, monkeypatch):
    monkeypatch.setattr(imageload, "MAX_DECODE_BYTES", 300_000_000)
    started = time.perf_counter()
    with pytest.raises(imageload.UnreadableImage) as refused:
        imageload.load_rgb(huge_png.read_bytes(), 224)
    assert str(refused.value) == (
        "image too large to decode: needs about 590 MB of memory (the limit is 300 MB)"
    )
    assert time.perf_counter() - started < 1  # refused from the header, nothing decoded


# --- the budget that concurrent decodes share ------------------------------------------


def test_budget_lets_holds_run_together_while_they_fit():
    budget = DecodeBudget(100)
    with budget.hold(40), budget.hold(60):
        assert budget.in_use == 100
    assert budget.in_use == 0 and budget.most_at_once == 2


def test_budget_makes_a_hold_that_does_not_fit_wait():
    budget = DecodeBudget(100)
    order = []
    first = budget.hold(70)
    first.__enter__()

    def second():
        with budget.hold(50):
            order.append("second")

    t = threading.Thread(target=second)
    t.start()
    time.sleep(0.2)
    assert order == [] and budget.in_use == 70  # 70 + 50 > 100: it waits
    order.append("first done")
    first.__exit__(None, None, None)
    t.join(5)
    assert order == ["first done", "second"]


def test_budget_runs_an_image_larger_than_itself_alone_and_in_turn():
    budget = DecodeBudget(100)
    events = []
    small = budget.hold(10)
    small.__enter__()

    def take(name, nbytes):
        with budget.hold(nbytes):
            events.append((name, budget.in_use))
            time.sleep(0.05)

    big = threading.Thread(target=take, args=("big", 500))
    big.start()
    time.sleep(0.1)
    later = threading.Thread(target=take, args=("later small", 10))
    later.start()  # would fit beside the first, but the big one asked first
    time.sleep(0.1)
    assert events == []
    small.__exit__(None, None, None)
    big.join(5)
    later.join(5)
    assert events == [("big", 100), ("later small", 10)]  # alone, holding the whole budget


def test_pipeline_decodes_share_one_budget(catalogue, embedder, tmp_path, monkeypatch):
    from fashiondesk.core.vision import pipeline

    folder = tmp_path / "big"
    for n in range(4):
        solid(folder / f"{n}.png", (50 * n, 90, 90), size=(1200, 1000))
    budget = DecodeBudget(6 << 20)  # one 1200 x 1000 RGB decode (4.8 MB) at a time
    monkeypatch.setattr(pipeline, "DecodeBudget", lambda capacity: budget)
    summary = index_folder(catalogue, embedder, folder)
    assert summary.indexed == 4 and budget.most_at_once == 1


def test_a_refused_file_is_listed_while_a_missing_photo_is_looked_for(catalogue, embedder, tmp_path):
    """New files are hashed to find a photo that went missing; a file refused unread must
    still be recorded with that hash, not dropped as 'changed while it was read'."""
    folder = tmp_path / "shop"
    solid(folder / "a.jpg", fmt="JPEG")
    index_folder(catalogue, embedder, folder)
    os.remove(folder / "a.jpg")
    (folder / "IMG_1.nef").write_bytes(b"II*\0" + bytes(100))
    (folder / "backup.jpg").write_bytes(b"PK\x03\x04" + bytes(100))
    summary = services.index(catalogue, embedder=embedder)
    expected = [
        (str(folder / "IMG_1.nef"), "format not supported (.nef)"),
        (str(folder / "backup.jpg"), "not an image file, or a format fashiondesk cannot read"),
    ]
    assert sorted(summary.failed) == expected and services.failures(catalogue) == expected


def test_a_file_saved_again_between_scan_and_read_is_stored_with_its_own_facts(catalogue, embedder, tmp_path,
                                                                                monkeypatch):
    """An editor saves by renaming a new file over the old one. Saved between the scan and the
    read, the bytes read are not the file the scan saw: they are stored with their own size
    and time, never under the scan's (those would vouch for a hash of other bytes, and a later
    scan would take other bytes for these)."""
    from fashiondesk.core.files import content_hash
    from fashiondesk.core.vision import pipeline

    folder = tmp_path / "shop"
    photo = solid(folder / "a.jpg", (200, 30, 30), (64, 48), "JPEG")
    other = solid(tmp_path / "saved.jpg", (30, 30, 200), (120, 90), "JPEG")
    saved = other.read_bytes()
    os.utime(other, (1_000_000_000, 1_000_000_000))
    real_read, swapped = pipeline.read_photo_stat, []

    def saved_meanwhile(path):
        if not swapped:
            swapped.append(path)
            os.replace(other, photo)
        return real_read(path)

    monkeypatch.setattr(pipeline, "read_photo_stat", saved_meanwhile)
    summary = index_folder(catalogue, embedder, folder)
    assert swapped and summary.indexed == 1 and not summary.failed
    with catalogue.sessions() as s:
        row = s.scalars(select(Photo)).one()
        assert (row.status, row.content_hash, row.size, row.mtime) == (OK, content_hash(saved), len(saved),
                                                                        photo.stat().st_mtime)
    again = services.index(catalogue, embedder=embedder)  # facts and bytes agree: nothing decoded again
    assert again.indexed == 0 and again.rechecked == 1  # only the new file's inode noted, from its hash
    assert services.index(catalogue, embedder=embedder).unchanged == 1


def test_a_file_changing_while_it_is_read_is_read_again_next_run(catalogue, embedder, tmp_path, monkeypatch):
    """Its status after the read differs from before: the bytes may be half of each save, so
    nothing is written and the next run reads it."""
    from fashiondesk.core.records import CHANGED_MEANWHILE
    from fashiondesk.core.vision import pipeline

    folder = tmp_path / "shop"
    photo = solid(folder / "a.jpg", (200, 30, 30), (64, 48), "JPEG")
    monkeypatch.setattr(pipeline, "read_photo_stat", lambda path: (open(path, "rb").read(), None))
    summary = index_folder(catalogue, embedder, folder)
    assert summary.failed == [(str(photo), CHANGED_MEANWHILE)] and photo_rows(catalogue) == {}
    monkeypatch.undo()
    assert services.index(catalogue, embedder=embedder).indexed == 1
