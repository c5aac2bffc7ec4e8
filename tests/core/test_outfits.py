"""Outfit suggestions: the roles, the colour rules on made-up colours, and the ranking on a
made-up shop (rows and embeddings written straight into a catalogue)."""

from __future__ import annotations

import numpy as np
import pytest

from fashiondesk.core import services
from fashiondesk.core.catalogue.models import AUTO, CATEGORY, COLOUR, MANUAL, MISSING, OK, Embedding, Folder, Photo, Tag
from fashiondesk.core.looks import harmony
from fashiondesk.core.looks.harmony import Colour
from fashiondesk.core.looks.roles import guess, role_of
from fashiondesk.core.vision.spec import shipped_spec


def c(name, share=1.0):
    return [Colour(name, share)]


def test_neutrals_go_with_everything_and_denim_is_a_neutral_on_a_bottom():
    for loud in ("red", "yellow", "pink", "teal"):
        assert harmony.garments(c(loud), "top", c("black"), "bottom") == 1.0
        assert harmony.garments(c("navy"), "top", c(loud), "shoes") == 1.0
    assert harmony.garments(c("red"), "top", c("blue"), "bottom") == 1.0, "jeans"
    assert harmony.garments(c("red"), "top", c("blue"), "outerwear") < 0.5, "a blue coat is a statement"


def test_one_statement_colour_unless_close_or_opposite_hues():
    assert harmony.garments(c("red"), "top", c("pink"), "accessory") == harmony.CLOSE_PAIR
    assert harmony.garments(c("blue"), "top", c("orange"), "shoes") == harmony.OPPOSITE_PAIR
    assert harmony.garments(c("red"), "top", c("teal"), "bottom") == harmony.OPPOSITE_PAIR
    assert harmony.garments(c("red"), "top", c("green"), "bottom") == harmony.CLASH
    assert harmony.garments(c("yellow"), "top", c("pink"), "bottom") == harmony.CLASH
    # Shares weigh: a mostly-black piece with a touch of green goes better with red than a green one.
    mostly_black = [Colour("black", 0.8), Colour("green", 0.2)]
    assert harmony.garments(c("red"), "top", mostly_black, "bottom") > harmony.garments(c("red"), "top", c("green"),
                                                                                         "bottom")


@pytest.mark.parametrize("name,role", [
    ("blazer", "outerwear"), ("Denim jacket", "outerwear"), ("jeans", "bottom"), ("capri pants", "bottom"),
    ("sneakers", "shoes"), ("Ankle boots", "shoes"), ("tote bag", "accessory"), ("silk scarf", "accessory"),
    ("blouse", "top"), ("dress shirt", "top"), ("jumpsuit", "dress"), ("maxi dress", "dress"),
    ("连衣裙", "dress"), ("衬衫", "top"), ("牛仔裤", "bottom"), ("运动鞋", "shoes"), ("羽绒服", "outerwear"),
    ("gift card", None), ("outwear", "outerwear"), ("t-shirt", "top"),
])
def test_a_shops_own_categories_get_a_role_from_their_name(name, role):
    assert guess(name) == role


def test_staff_role_wins():
    assert role_of("Kimono", {}) is None
    assert role_of("Kimono", {"kimono": "outerwear"}) == "outerwear"
    assert role_of("jeans", {"jeans": "top"}) == "top"


# -- a made-up shop ------------------------------------------------------------------------

DIM = 1280


def unit(seed: int, near: np.ndarray | None = None, noise: float = 0.3) -> np.ndarray:
    rng = np.random.default_rng(seed)
    v = rng.normal(size=DIM).astype(np.float32)
    if near is not None:
        v = near * 1.0 + noise * v / np.linalg.norm(v)
    return (v / np.linalg.norm(v)).astype(np.float32)


class Shop:
    def __init__(self, catalogue, folder):
        self.catalogue, self.folder = catalogue, folder
        self.version = shipped_spec().version
        self.ids: dict[str, int] = {}
        with catalogue.sessions() as s, s.begin():
            s.add(Folder(id=1, path=str(folder)))

    def add(self, name, category, colours=("black",), vector=None, staff=False, confidence=0.99, seed=0):
        with self.catalogue.sessions() as s, s.begin():
            photo = Photo(folder_id=1, path=str(self.folder / name), content_hash=f"{len(self.ids):032x}", size=1,
                          mtime=1.0, status=OK)
            s.add(photo)
            s.flush()
            s.add(Tag(photo_id=photo.id, kind=CATEGORY, name=category, source=MANUAL if staff else AUTO,
                      confidence=None if staff else confidence))
            for n, colour in enumerate(colours):
                s.add(Tag(photo_id=photo.id, kind=COLOUR, name=colour, source=AUTO, confidence=1.0 / (n + 1)))
            v = vector if vector is not None else unit(seed or len(self.ids) + 1)
            s.add(Embedding(photo_id=photo.id, model_version=self.version, vector=v.tobytes(), seq=1))
            self.ids[name] = photo.id
        return str(self.folder / name)


@pytest.fixture
def shop(catalogue, tmp_path):
    shop = Shop(catalogue, tmp_path)
    for n in range(4):
        shop.add(f"tee-{n}.jpg", "t-shirt", ("white",))
        shop.add(f"jeans-{n}.jpg", "pants", ("blue",))
        shop.add(f"skirt-{n}.jpg", "skirt", ("black",))
        shop.add(f"shoe-{n}.jpg", "shoes", ("black",))
        shop.add(f"coat-{n}.jpg", "outwear", ("navy",))
        shop.add(f"hat-{n}.jpg", "hat", ("grey",))
        shop.add(f"dress-{n}.jpg", "dress", ("red",))
    return shop


def names(pieces):
    return [p.path.rsplit("/", 1)[1] for p in pieces]


def test_a_top_gets_bottoms_shoes_outerwear_and_an_accessory_never_another_top(shop):
    pieces = services.outfit(shop.catalogue, str(shop.folder / "tee-0.jpg"), k=2)
    assert [p.role for p in pieces] == ["bottom"] * 2 + ["shoes"] * 2 + ["outerwear"] * 2 + ["accessory"] * 2
    assert not any(n.startswith(("tee", "dress")) for n in names(pieces))
    assert all(p.score > 0 for p in pieces)


def test_a_dress_never_gets_a_bottom_or_a_dress(shop):
    pieces = services.outfit(shop.catalogue, str(shop.folder / "dress-0.jpg"), k=3)
    assert {p.role for p in pieces} == {"shoes", "outerwear", "accessory"}
    assert not any(n.startswith(("dress", "jeans", "skirt")) for n in names(pieces))


def test_trousers_get_a_top_shoes_and_outerwear(shop):
    roles = [p.role for p in services.outfit(shop.catalogue, str(shop.folder / "jeans-0.jpg"), k=1)]
    assert roles[:3] == ["top", "shoes", "outerwear"]


def test_clashing_colours_and_unsure_categories_come_last(shop):
    shop.add("red-top.jpg", "t-shirt", ("red",), staff=True)
    shop.add("green-shoes.jpg", "shoes", ("green",))
    shop.add("unsure-shoes.jpg", "shoes", ("black",), confidence=0.3)
    pieces = [p for p in services.outfit(shop.catalogue, str(shop.folder / "red-top.jpg"), k=10) if p.role == "shoes"]
    assert names(pieces)[-1] == "green-shoes.jpg", "a second statement colour that clashes"
    assert "unsure-shoes.jpg" not in names(pieces), "a category still to review is not offered while sure ones are"


def test_out_of_stock_pieces_and_second_photos_of_a_product(shop):
    query = str(shop.folder / "tee-1.jpg")
    first = [p for p in services.outfit(shop.catalogue, query, k=4) if p.role == "shoes"]
    top = first[0]
    sheet = shop.folder / "stock.csv"
    sheet.write_text(f"path,product,stock\n{top.path},SH-1,0\n{shop.folder / 'shoe-extra.jpg'},SH-1,\n"
                     if False else f"path,product,stock\n{top.path},SH-1,0\n", encoding="utf-8")
    services.import_sheet(shop.catalogue, sheet)
    again = [p for p in services.outfit(shop.catalogue, query, k=4) if p.role == "shoes"]
    assert names(again)[0] != names(first)[0] and names(first)[0] in names(again), "out of stock: lower, still there"
    # A second photo of another pair of shoes: the product is listed once.
    services.group_photos(shop.catalogue, [shop.ids[names(again)[0]], shop.ids[names(again)[1]]], "SH-2")
    grouped = [p for p in services.outfit(shop.catalogue, query, k=4) if p.role == "shoes"]
    assert len({n for n in names(grouped)} & {names(again)[0], names(again)[1]}) == 1


def test_saved_looks_raise_pieces_like_those_staff_put_together(shop):
    base = unit(100)
    query = shop.add("new-tee.jpg", "t-shirt", ("white",), vector=unit(101, near=base, noise=0.5))
    old_tee = shop.add("old-tee.jpg", "t-shirt", ("white",), vector=unit(102, near=base, noise=0.5))
    liked = unit(200)
    shop.add("liked-jeans.jpg", "pants", ("blue",), vector=liked)
    shop.add("like-liked.jpg", "pants", ("blue",), vector=unit(201, near=liked, noise=0.5))
    before = [p for p in services.outfit(shop.catalogue, query, k=12) if p.role == "bottom"]
    assert names(before)[0] != "like-liked.jpg"
    services.save_look(shop.catalogue, [shop.ids["old-tee.jpg"], shop.ids["liked-jeans.jpg"]], "Weekend")
    after = [p for p in services.outfit(shop.catalogue, query, k=12) if p.role == "bottom"]
    assert names(after).index("like-liked.jpg") < names(before).index("like-liked.jpg"), "one look raises it"
    for n in range(3):  # more looks of the kind: more weight
        tee = shop.add(f"tee-like-{n}.jpg", "t-shirt", ("white",), vector=unit(300 + n, near=base, noise=0.5))
        services.save_look(shop.catalogue, services.photo_ids_at(shop.catalogue, [tee, old_tee]) +
                           [shop.ids["liked-jeans.jpg"]])
    most = [p for p in services.outfit(shop.catalogue, query, k=12) if p.role == "bottom"]
    assert names(most)[:2] == ["liked-jeans.jpg", "like-liked.jpg"]
    assert [name for _id, name, _m in services.looks(shop.catalogue)] == ["Weekend", "Look 2", "Look 3", "Look 4"]


def test_a_category_without_a_role_is_refused_with_what_to_do(shop):
    query = shop.add("gift.jpg", "gift card", ())
    with pytest.raises(services.UserError, match="fashiondesk roles 'gift card' top"):
        services.outfit(shop.catalogue, query)
    services.set_role(shop.catalogue, "Gift card", "accessory")
    assert services.outfit(shop.catalogue, query, k=1)
    listed = {r.category: (r.role, r.how) for r in services.roles(shop.catalogue)}
    assert listed["gift card"] == ("accessory", "set by staff") and listed["pants"] == ("bottom", "shipped")


def test_a_window_kept_answer_follows_category_changes(shop):
    from fashiondesk.core.looks.suggest import ShopCache

    cache = ShopCache()
    query = str(shop.folder / "tee-0.jpg")
    last = shop.add("last.jpg", "shirt", ("black",))  # the newest category tag
    before = services.outfit(shop.catalogue, query, k=20, shops=cache)
    assert "last.jpg" not in names(before)
    for category in ("shorts", "pants"):  # twice: the tag's id is reused
        services.set_category(shop.catalogue, shop.ids["last.jpg"], category)
    after = services.outfit(shop.catalogue, query, k=20, shops=cache)
    assert "last.jpg" in names([p for p in after if p.role == "bottom"]), last


def test_the_window_asks_by_photo_and_a_missing_photo_is_said_to_be_missing(shop):
    """The window names the photo it shows by its id: its file may have moved since the
    panel read its path. A photo whose file is gone is said to be missing."""
    from sqlalchemy import update

    moved = shop.ids["tee-0.jpg"]
    with shop.catalogue.sessions() as s, s.begin():
        s.execute(update(Photo).where(Photo.id == moved).values(path=str(shop.folder / "tops" / "tee-0.jpg")))
    stale = str(shop.folder / "tee-0.jpg")
    assert {p.role for p in services.outfit(shop.catalogue, stale, k=1, photo_id=moved)} == {
        "bottom", "shoes", "outerwear", "accessory"}
    with shop.catalogue.sessions() as s, s.begin():
        s.execute(update(Photo).where(Photo.id == moved).values(status=MISSING))
    with pytest.raises(services.UserError, match="tee-0.jpg is missing"):
        services.outfit(shop.catalogue, stale, k=1, photo_id=moved)


def test_an_altered_copy_of_a_piece_is_not_offered_beside_it(shop):
    """A cropped, brightened copy of a coat's photo can sit far from it in the embedding
    space; the duplicates check of their fingerprints still tells it is the same photo."""
    from PIL import Image

    from fashiondesk.core.catalogue.models import Fingerprint
    from fashiondesk.core.vision import fingerprint
    from tests import alterations
    from tests.conftest import SAMPLE

    def prints(name):
        with Image.open(SAMPLE / name) as img:
            original = img.convert("RGB")
        return fingerprint.make(original), fingerprint.make(alterations.rotate_brighter(alterations.crop70(original)))

    coat, copy = prints("outwear-1.jpg")
    others = [prints(f"outwear-{n}.jpg")[0] for n in (2, 3)]
    with shop.catalogue.sessions() as s, s.begin():
        for n, data in enumerate([coat, copy, *others]):
            s.add(Fingerprint(photo_id=shop.ids[f"coat-{n}.jpg"], data=data))
    pieces = services.outfit(shop.catalogue, str(shop.folder / "tee-0.jpg"), k=4)
    coats = [n for n in names(pieces) if n.startswith("coat")]
    assert len(coats) == 3 and not {"coat-0.jpg", "coat-1.jpg"} <= set(coats), coats


def test_a_photo_not_yet_embedded_by_this_model_is_read_from_its_file(shop):
    """After a model update, before indexing reaches a photo, the window still asks by its
    id: its file is read and embedded, as an outside photo's (a review found a 'try again'
    that no retry could mend)."""
    from sqlalchemy import update

    pid = shop.ids["tee-0.jpg"]
    with shop.catalogue.sessions() as s, s.begin():
        s.execute(update(Embedding).where(Embedding.photo_id == pid).values(model_version="older-model"))

    def embed_the_file():
        raise RuntimeError("the file is read and embedded")

    with pytest.raises(RuntimeError, match="the file is read and embedded"):
        services.outfit(shop.catalogue, str(shop.folder / "tee-0.jpg"), k=1, photo_id=pid, load_embedder=embed_the_file)
