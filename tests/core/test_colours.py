import numpy as np
import pytest

from fashiondesk.core.vision.colour_eval import evaluate_colours
from fashiondesk.core.vision.colours import PALETTE, dominant_colours, nearest_name, srgb_to_oklab


def product_shot(garment, background=(235, 235, 235), size=224, skin=False):
    img = np.full((size, size, 3), background, dtype=np.uint8)
    img[40:200, 60:170] = garment
    if skin:
        img[10:40, 95:135] = (224, 172, 140)  # a face above the garment
    return img


def test_oklab_of_white_and_black():
    assert np.allclose(srgb_to_oklab(np.array([255, 255, 255])), [1.0, 0.0, 0.0], atol=1e-3)
    assert np.allclose(srgb_to_oklab(np.array([0, 0, 0])), [0.0, 0.0, 0.0], atol=1e-3)


def test_palette_names_itself():
    for name, rgb in PALETTE.items():
        assert nearest_name(srgb_to_oklab(np.array(rgb, dtype=np.float32))) == name


@pytest.mark.parametrize("garment,name", [((200, 30, 35), "red"), ((40, 48, 75), "navy"), ((240, 210, 50), "yellow")])
def test_garment_colour_ignores_the_backdrop_and_skin(garment, name):
    colours = dominant_colours(product_shot(garment, skin=True))
    assert colours[0].name == name and colours[0].share > 0.8
    assert colours[0].hex.startswith("#") and len(colours[0].hex) == 7


def test_two_colour_garment_dominant_first():
    img = product_shot((20, 120, 120), background=(120, 80, 40))
    img[140:200, 60:170] = (245, 245, 242)  # lower part white
    names = [c.name for c in dominant_colours(img)]
    assert names[:2] == ["teal", "white"]


def test_evaluate_colours_on_a_small_labelled_set(tmp_path):
    from PIL import Image

    (tmp_path / "photos").mkdir()
    Image.fromarray(product_shot((200, 30, 35))).save(tmp_path / "photos" / "a.png")
    Image.fromarray(product_shot((40, 48, 75))).save(tmp_path / "photos" / "b.png")
    labels = tmp_path / "labels.csv"
    labels.write_text("file,colour\nphotos/a.png,red\nphotos/b.png,green\n")
    report = evaluate_colours(labels, tmp_path)
    assert report["photos"] == 2 and report["dominant_accuracy"] == 0.5
    assert report["confusion"] == {"green -> navy": 1, "red -> red": 1}


def test_the_models_activation_map_picks_the_garment_on_a_busy_background():
    # A red garment on a navy-and-white striped sheet: the border model keeps both stripe
    # colours; the activation map (peaked where the garment is) removes them.
    img = np.zeros((224, 224, 3), dtype=np.uint8)
    img[:] = (40, 48, 75)
    img[::16] = (235, 235, 235)
    img[:, ::16] = (235, 235, 235)
    img[64:160, 64:160] = (200, 30, 35)
    class_map = np.zeros((7, 7), dtype=np.float32)
    class_map[2:5, 2:5] = 3.0
    class_map[3, 3] = 4.0
    colours = dominant_colours(img, class_map)
    assert colours[0].name == "red" and colours[0].share > 0.8


def test_index_stores_colour_tags_with_hex_and_share(catalogue, embedder, tmp_path):
    from PIL import Image
    from sqlalchemy import select

    from fashiondesk.core import services
    from fashiondesk.core.catalogue.models import AUTO, COLOUR, Tag

    folder = tmp_path / "shop"
    folder.mkdir()
    Image.fromarray(product_shot((200, 30, 35))).save(folder / "red.png")
    services.add_folders(catalogue, [folder])
    services.index(catalogue, embedder=embedder)
    with catalogue.sessions() as s:
        tags = list(s.scalars(select(Tag).where(Tag.kind == COLOUR).order_by(Tag.confidence.desc())))
    assert tags[0].name == "red" and tags[0].source == AUTO
    assert tags[0].value.startswith("#") and 0.5 < tags[0].confidence <= 1.0
