"""Exact copies, altered copies and similar photos (issue 21), on the bundled clothing-small photos."""

import os
import shutil
import time

import pytest
import numpy as np
from PIL import Image
from sqlalchemy import delete, func, select

from fashiondesk.core import services
from fashiondesk.core.catalogue.models import Fingerprint
from fashiondesk.core.index import duplicates, verify
from fashiondesk.core.vision import fingerprint
from tests import alterations
from tests.conftest import SAMPLE

ORIGINALS = sorted(p for p in SAMPLE.glob("*.jpg"))


def recoloured(img: Image.Image) -> Image.Image:
    """The same photo in another colourway: the hue turned a third of the way round."""
    h, s, v = img.convert("HSV").split()
    return Image.merge("HSV", (h.point(lambda x: (x + 85) % 256), s, v)).convert("RGB")


@pytest.fixture(scope="module")
def shop(tmp_path_factory, embedder):
    """Every sample photo, one altered copy of ten of them (one per kind of alteration), an
    exact copy, and a recoloured one, indexed."""
    folder = tmp_path_factory.mktemp("shop")
    an_hour_ago = time.time() - 3600
    for src in ORIGINALS:  # the originals were there first
        shutil.copy(src, folder / src.name)
        os.utime(folder / src.name, (an_hour_ago, an_hour_ago))
    copies = {}
    for src, kind in zip(ORIGINALS[::3], alterations.KINDS):
        dest = folder / f"{src.stem} ({kind}).jpg"
        alterations.save(src, dest, kind)
        copies[kind] = (src.name, dest.name)
    shutil.copy(SAMPLE / "skirt-2.jpg", folder / "skirt-2 copy.jpg")
    with Image.open(SAMPLE / "longsleeve-2.jpg") as img:  # a saturated colour (a grey photo recoloured stays grey)
        recoloured(img.convert("RGB")).save(folder / "longsleeve-2 other colour.jpg", quality=90)
    catalogue = services.open_catalogue(tmp_path_factory.mktemp("db") / "catalogue.db")
    services.add_folders(catalogue, [folder])
    services.index(catalogue, embedder=embedder, thumbnail_dir=folder.parent / "thumbs")
    yield catalogue, copies
    catalogue.close()


def _names(group):
    return sorted(p.path.rsplit("/", 1)[1] for p in group.photos)


def test_every_alteration_is_found_and_no_group_mixes_photos(shop):
    catalogue, copies = shop
    found = services.duplicates(catalogue)
    near = {tuple(_names(g)) for g in found.groups if g.kind == "near"}
    for kind, (original, copy) in copies.items():
        assert tuple(sorted([original, copy])) in near, kind
    assert [_names(g) for g in found.groups if g.kind == "exact"] == [["skirt-2 copy.jpg", "skirt-2.jpg"]]
    for group in found.groups:  # each group is one photo and its copies
        assert len({name.split(" ")[0].removesuffix(".jpg") for name in _names(group)}) == 1, _names(group)
    assert not any("other colour" in name for g in found.groups for name in _names(g))
    assert found.unchecked == 0


def test_the_original_is_the_one_to_keep(shop):
    catalogue, _ = shop
    for group in services.duplicates(catalogue).groups:
        keep = [p for p in group.photos if p.keep]
        assert len(keep) == 1 and keep[0] is group.photos[0]
        # The original: the alterations have fewer pixels, or as many and are newer.
        assert " (" not in keep[0].path.rsplit("/", 1)[1] and "copy" not in keep[0].path


def test_the_threshold_is_adjustable_and_similar_is_its_own_answer(shop):
    catalogue, _ = shop
    strict = services.duplicates(catalogue, threshold=1.0)
    assert {g.kind for g in strict.groups} == {"exact"}  # nothing altered is identical in detail
    alike = services.duplicates(catalogue, kinds=["similar"], similar=0.5)
    assert alike.groups and {g.kind for g in alike.groups} == {"similar"}
    assert all(not p.keep for g in alike.groups for p in g.photos)  # nothing to keep: they are other photos
    _, copies = shop
    for original, copy in copies.values():  # an altered copy is never "another photo", even asked alone
        assert not any({original, copy} <= set(_names(g)) for g in alike.groups), copy
        assert not any(copy in _names(g) for g in alike.groups), copy  # its original stands for it


def test_photos_indexed_before_fingerprints_get_them_on_the_next_run(shop, embedder):
    catalogue, _ = shop
    with catalogue.sessions() as session, session.begin():
        total = session.scalar(select(func.count()).select_from(Fingerprint))
        session.execute(delete(Fingerprint))
    assert services.duplicates(catalogue).unchecked == total
    summary = services.index(catalogue, embedder=embedder)
    assert summary.fingerprinted == total
    assert services.duplicates(catalogue).unchecked == 0


def test_alignment_recovers_a_crop_and_a_turn():
    with Image.open(SAMPLE / "shirt-1.jpg") as img:
        whole = img.convert("RGB")
    for altered in (alterations.off_centre(whole), alterations.rotate_brighter(whole)):
        luma, _ = fingerprint.unpack([fingerprint.make(whole), fingerprint.make(altered)])
        scores = verify.box_features(luma[:1])[0] @ verify.whole_features(luma[1:])[0].T  # (boxes, plain/mirrored)
        box = np.array([scores[:, 0].argmax()])
        mirrored = np.array([False])
        assert scores[box[0], 0] > max(0.6, scores[:, 1].max())  # the whole photo holds it, not mirrored
        template = verify.templates(luma[1:], mirrored)
        start = verify.start_maps(verify.BOXES[box])
        maps, rho = verify.align(luma[:1], template, start)
        assert rho[0] > 0.97
        assert verify.detail(luma[:1], template, maps)[0] > max(0.85, verify.detail(luma[:1], template, start)[0])
    other = fingerprint.make(recoloured(whole))
    scores = duplicates.near_scores([(1, 2)], {1: fingerprint.make(whole), 2: other})
    assert scores[0, 0] > duplicates.DEFAULT_THRESHOLD and scores[0, 3] > duplicates.COLOUR_LIMIT  # recoloured
    assert not duplicates.is_near(scores)[0]


def test_another_garment_on_the_same_background_is_not_the_same_photo():
    """Two shots of the same set-up with another garment laid in the middle: the outline of the
    photo and its background agree, the garment does not."""
    with Image.open(SAMPLE / "shirt-3.jpg") as a, Image.open(SAMPLE / "t-shirt-3.jpg") as b:
        base = a.convert("RGB")
        other = b.convert("RGB").resize(base.size)
    w, h = base.size
    box = (round(w * 0.2), round(h * 0.2), round(w * 0.8), round(h * 0.8))
    swapped = base.copy()
    swapped.paste(other.crop(box), box)
    scores = duplicates.near_scores([(1, 2)], {1: fingerprint.make(base), 2: fingerprint.make(swapped)})
    assert not duplicates.is_near(scores)[0], scores
    same = duplicates.near_scores([(1, 2)], {1: fingerprint.make(base), 2: fingerprint.make(alterations.half(base))})
    assert duplicates.is_near(same)[0], same


def test_new_bytes_get_a_new_fingerprint(catalogue, embedder, sample_photos, tmp_path):
    folder = sample_photos(2)
    photo = sorted(folder.iterdir())[0]
    services.add_folders(catalogue, [folder])
    services.index(catalogue, embedder=embedder, thumbnail_dir=tmp_path / "thumbs")

    def print_of(path):
        from fashiondesk.core.catalogue.models import Photo

        with catalogue.sessions() as session:
            return session.scalar(select(Fingerprint.data).join(Photo, Photo.id == Fingerprint.photo_id)
                                  .where(Photo.path == str(path)))

    before = print_of(photo)
    with Image.open(photo) as img:
        alterations.mirror(img.convert("RGB")).save(photo, quality=90)
    os.utime(photo, (time.time() + 5, time.time() + 5))
    services.index(catalogue, embedder=embedder, thumbnail_dir=tmp_path / "thumbs")
    after = print_of(photo)
    assert before is not None and after is not None and after != before
    luma, _ = fingerprint.unpack([before, after])
    assert np.abs(luma[0][:, ::-1].astype(int) - luma[1].astype(int)).mean() < 3  # the mirrored photo's
