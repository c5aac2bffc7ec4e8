from sqlalchemy import select

from fashiondesk.core import services
from fashiondesk.core.catalogue.models import Photo, Product
from fashiondesk.core.catalogue.products import slug
from tests.core.shop_rows import add_photos


def members(catalogue):
    with catalogue.sessions() as s:
        rows = s.execute(select(Product.handle, Photo.path, Photo.product_position).join(Photo)
                         .order_by(Product.handle, Photo.product_position)).all()
    return [(h, p.rsplit("/", 1)[-1], n) for h, p, n in rows]


def test_grouping_makes_one_product_named_after_the_first_photo(catalogue, tmp_path):
    ids = add_photos(catalogue, tmp_path, ["Robe Été front.jpg", "back.jpg", "detail.jpg", "other.jpg"])
    product = services.group_photos(catalogue, [ids["Robe Été front.jpg"], ids["back.jpg"]])
    assert product.handle == "robe-ete-front"
    assert members(catalogue) == [("robe-ete-front", "Robe Été front.jpg", 1), ("robe-ete-front", "back.jpg", 2)]
    # Adding a photo to photos already grouped: the same product, the new photo last.
    again = services.group_photos(catalogue, [ids["detail.jpg"], ids["back.jpg"]])
    assert again.id == product.id and len(again.photo_ids) == 3
    assert members(catalogue)[-1] == ("robe-ete-front", "detail.jpg", 3)
    # Under a handle staff give: moved there, the old product renumbered.
    moved = services.group_photos(catalogue, [ids["back.jpg"], ids["other.jpg"]], "DR-9")
    assert moved.handle == "DR-9"
    assert members(catalogue) == [("DR-9", "back.jpg", 1), ("DR-9", "other.jpg", 2),
                                  ("robe-ete-front", "Robe Été front.jpg", 1), ("robe-ete-front", "detail.jpg", 2)]
    assert services.ungroup_photos(catalogue, [ids["Robe Été front.jpg"]]) == 1
    assert ("robe-ete-front", "detail.jpg", 1) in members(catalogue)
    info = services.product_of(catalogue, ids["other.jpg"])
    assert info.handle == "DR-9" and info.photo_ids == (ids["back.jpg"], ids["other.jpg"])
    assert services.product_of(catalogue, ids["Robe Été front.jpg"]) is None


def test_a_product_keeps_its_fields_when_its_photos_leave(catalogue, tmp_path):
    ids = add_photos(catalogue, tmp_path, ["a.jpg", "b.jpg"])
    sheet = tmp_path / "s.csv"
    sheet.write_text(f"path,product,price\n{tmp_path}/a.jpg,A-1,10\n", encoding="utf-8")
    services.import_sheet(catalogue, sheet)
    services.ungroup_photos(catalogue, [ids["a.jpg"]])
    back = services.group_photos(catalogue, [ids["b.jpg"]], "A-1")
    assert back.price == "10"


def test_a_new_name_never_takes_a_handle_in_use(catalogue, tmp_path):
    first = add_photos(catalogue, tmp_path / "one", ["coat.jpg"])
    second = add_photos(catalogue, tmp_path / "two", ["coat.jpg"])
    a = services.group_photos(catalogue, list(first.values()))
    b = services.group_photos(catalogue, list(second.values()))
    assert (a.handle, b.handle) == ("coat", "coat-2")


def test_slugs():
    assert slug("Robe d'été — Navy") == "robe-d-ete-navy"
    assert slug("连衣裙 红色") == "连衣裙-红色"
    assert slug("***") == "product"


def test_similar_by_products_lists_each_product_once(catalogue, embedder, sample_photos):
    folder = sample_photos(6)
    services.add_folders(catalogue, [folder])
    services.index(catalogue, embedder=embedder)
    photos = sorted(str(p) for p in folder.glob("*.jpg"))
    query, rest = photos[0], photos[1:]
    by_photo = services.similar(catalogue, [query], k=5, embedder=embedder)
    assert len(by_photo) == 5
    # The two most similar photos become one product; a third joins the query's product.
    ids = services.photo_ids_at(catalogue, [h.path for h in by_photo[:2]])
    services.group_photos(catalogue, ids, "PAIR")
    services.group_photos(catalogue, services.photo_ids_at(catalogue, [query, by_photo[4].path]), "MINE")
    hits = services.similar(catalogue, [query], k=5, embedder=embedder, products=True)
    assert [h.product for h in hits][:1] == ["PAIR"] and hits[0].path == by_photo[0].path
    assert len({h.product or h.path for h in hits}) == len(hits) == 3, "5 photos: PAIR once, the query's own left out"
    assert by_photo[4].path not in {h.path for h in hits}
    assert set(rest) >= {h.path for h in hits}


def test_a_copy_taking_over_from_its_gone_original_keeps_its_product_and_looks(catalogue, tmp_path):
    from fashiondesk.core.catalogue.orphans import merge_copies

    ids = add_photos(catalogue, tmp_path, ["old.jpg", "copy.jpg", "shoes.jpg"])
    with catalogue.sessions() as s, s.begin():  # the copy holds the original's bytes
        s.get(Photo, ids["copy.jpg"]).content_hash = s.get(Photo, ids["old.jpg"]).content_hash
    services.group_photos(catalogue, [ids["copy.jpg"]], "DR-1")
    services.save_look(catalogue, [ids["copy.jpg"], ids["shoes.jpg"]], "Summer")
    with catalogue.sessions() as s, s.begin():
        merge_copies(s, [(ids["old.jpg"], ids["copy.jpg"])])
    info = services.product_of(catalogue, ids["old.jpg"])
    assert info is not None and info.handle == "DR-1" and info.photo_ids == (ids["old.jpg"],)
    (_id, name, members), = services.looks(catalogue)
    assert members == [ids["old.jpg"], ids["shoes.jpg"]]
