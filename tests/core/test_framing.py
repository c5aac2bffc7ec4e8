"""Studio shots are cut to their subject before the model's crop; other photos are not."""

import io

import numpy as np
from PIL import Image

from fashiondesk.core.vision.framing import frame_studio, studio_box
from fashiondesk.core.vision.imageload import load_rgb
from tests.conftest import SAMPLE


def studio_shot(backdrop=(248, 248, 248), size=(600, 800), garment=(150, 250, 330, 530)) -> Image.Image:
    img = Image.new("RGB", size, backdrop)
    img.paste(Image.new("RGB", (garment[2] - garment[0], garment[3] - garment[1]), (30, 60, 150)), garment[:2])
    return img


def test_a_small_garment_on_a_white_backdrop_is_cut_to_a_square_around_it():
    (left, top, right, bottom), backdrop = studio_box(studio_shot())
    assert backdrop == (248, 248, 248)
    assert right - left == bottom - top  # a square
    assert left < 150 and right > 330 and top < 250 and bottom > 530  # the whole garment, with a margin
    assert (right - left) < 0.9 * 600  # zoomed in
    framed = frame_studio(studio_shot())
    assert framed.size[0] == framed.size[1] < 600


def test_the_garment_fills_the_models_view_after_framing():
    buf = io.BytesIO()
    studio_shot().save(buf, "PNG")
    plain = load_rgb(buf.getvalue(), 224).pixels
    framed = load_rgb(buf.getvalue(), 224, frame=True).pixels
    blue = lambda a: float(((a[..., 2] > 100) & (a[..., 0] < 80)).mean())  # noqa: E731
    assert blue(framed) > 2 * blue(plain) and blue(framed) > 0.4


def test_photos_that_are_not_studio_shots_are_left_as_they_are():
    floor = studio_shot(backdrop=(150, 100, 60))  # a wooden floor: where the garment ends is not certain
    assert studio_box(floor) is None
    full = studio_shot(garment=(20, 20, 580, 780))  # fills the frame already
    assert studio_box(full) is None
    tall = studio_shot(garment=(220, 40, 380, 760))  # a full-length figure: the centre square shows as much
    assert studio_box(tall) is None
    for photo in sorted(SAMPLE.glob("*.jpg"))[:10]:  # clothing-small photos: none is a studio shot
        assert studio_box(Image.open(photo).convert("RGB")) is None, photo.name


def test_a_studio_cut_past_the_edge_is_filled_with_the_backdrop():
    shot = studio_shot(garment=(10, 300, 200, 500))  # near the left edge
    framed = np.asarray(frame_studio(shot))
    assert framed.shape[0] == framed.shape[1]
    assert tuple(framed[0, 0]) == (248, 248, 248) and tuple(framed[-1, -1]) == (248, 248, 248)
    corner = studio_shot(garment=(0, 0, 200, 300))  # the garment in the top left corner
    framed = np.asarray(frame_studio(corner))
    blue = float((framed[..., 2] == 150).mean())
    assert framed[0, 0].tolist() == [248, 248, 248] and blue < 0.5  # the padding is backdrop, not garment


def test_a_white_garment_on_a_white_backdrop_is_not_cut_to_its_buttons():
    img = Image.new("RGB", (800, 800), (250, 250, 250))
    img.paste(Image.new("RGB", (500, 550), (242, 242, 242)), (150, 150))  # a white shirt
    for y in range(250, 650, 80):
        img.paste(Image.new("RGB", (12, 12), (40, 40, 40)), (395, y))  # its buttons
    img.paste(Image.new("RGB", (60, 40), (200, 30, 30)), (230, 260))  # a small logo
    assert studio_box(img) is None
