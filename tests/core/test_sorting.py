"""The grid's orders (issue 14, item 10): folder, file name, date, least sure first; done in
SQL by ``grid_rows``, with similar items always most similar first."""

import pytest
from sqlalchemy import insert

from fashiondesk.core.catalogue.models import AUTO, CATEGORY, MANUAL, OK, Folder, Photo, Tag
from fashiondesk.core.catalogue.queries import (
    FOLDER,
    RESULTS,
    REVIEW,
    SORT_CONFIDENCE,
    SORT_DATE,
    SORT_FOLDER,
    SORT_NAME,
    GridFilter,
    grid_rows,
    natural_name,
)
from fashiondesk.core.services import browse

# id: (path, modified time, category, source, confidence)
PHOTOS = {
    1: ("/shop/b/IMG_10.jpg", 300.0, "dress", AUTO, 0.95),
    2: ("/shop/a/img_2.jpg", 100.0, "dress", AUTO, 0.40),
    3: ("/shop/a/IMG_1.JPG", 500.0, None, None, None),
    4: ("/shop/c/Apple.jpg", 200.0, "hat", MANUAL, None),
    5: ("/shop/b/IMG_9.jpg", 600.0, "shirt", AUTO, 0.30),
    6: ("/shop/a/zebra.jpg", 300.0, "skirt", AUTO, 0.99),
}
UNSURE_BELOW = 0.8


@pytest.fixture
def shop(catalogue):
    with catalogue.sessions() as s, s.begin():
        s.execute(insert(Folder), [dict(id=1, path="/shop")])
        s.execute(insert(Photo), [dict(id=i, folder_id=1, path=p, size=1, mtime=m, status=OK)
                                  for i, (p, m, *_rest) in PHOTOS.items()])
        s.execute(insert(Tag), [dict(photo_id=i, kind=CATEGORY, name=c, source=src, confidence=conf)
                                for i, (_p, _m, c, src, conf) in PHOTOS.items() if c])
    return catalogue


def ids(catalogue, **fields):
    with catalogue.sessions() as s:
        return [r.id for r in grid_rows(s, GridFilter(**fields), UNSURE_BELOW)]


def test_folder_order_is_the_default_and_what_it_always_was(shop):
    assert GridFilter().sort == SORT_FOLDER
    assert ids(shop) == [3, 2, 6, 1, 5, 4]  # by path
    assert ids(shop, scope=REVIEW) == [3, 5, 2]  # no category, then least sure first


def test_by_name_ignores_case_and_folders_and_counts_numbers(shop):
    # Apple, IMG_1, img_2, IMG_9, IMG_10, zebra: wherever each lies.
    assert ids(shop, sort=SORT_NAME) == [4, 3, 2, 5, 1, 6]


def test_by_date_is_newest_first_then_folder_order(shop):
    assert ids(shop, sort=SORT_DATE) == [5, 3, 6, 1, 4, 2]  # 6 and 1 were saved together


def test_least_sure_first_puts_staff_categories_last(shop):
    # No category, then automatic ones by confidence, then the one staff set (sure).
    assert ids(shop, sort=SORT_CONFIDENCE) == [3, 5, 2, 1, 6, 4]


def test_needs_review_takes_an_order_staff_choose(shop):
    assert ids(shop, scope=REVIEW, sort=SORT_CONFIDENCE) == [3, 5, 2]
    assert ids(shop, scope=REVIEW, sort=SORT_NAME) == [3, 2, 5]  # IMG_1, img_2, IMG_9
    assert ids(shop, scope=REVIEW, sort=SORT_DATE) == [5, 3, 2]


def test_an_order_applies_within_every_scope_and_search(shop):
    assert ids(shop, scope=FOLDER, value=1, sort=SORT_DATE) == [5, 3, 6, 1, 4, 2]
    assert ids(shop, category="dress", sort=SORT_NAME) == [2, 1]
    assert ids(shop, text="img", sort=SORT_DATE) == [5, 3, 1, 2]


def test_similar_items_keep_their_own_order_whatever_the_sort(shop):
    for sort in (SORT_FOLDER, SORT_NAME, SORT_DATE, SORT_CONFIDENCE):
        assert ids(shop, scope=RESULTS, value=(5, 2, 4), sort=sort) == [5, 2, 4]


def test_an_unknown_order_is_folder_order(shop):
    assert ids(shop, sort="colour") == ids(shop)


def test_the_name_key_orders_numbers_by_value():
    names = ["/x/IMG_10.jpg", "/x/img_2.jpg", "/y/IMG_1.jpg", "/x/photo-0100.jpg", "/x/photo-99.jpg", "/x/a.jpg"]
    assert sorted(names, key=natural_name) == [
        "/x/a.jpg", "/y/IMG_1.jpg", "/x/img_2.jpg", "/x/IMG_10.jpg", "/x/photo-99.jpg", "/x/photo-0100.jpg"]
    assert natural_name("/x/IMG_007.JPG") == natural_name("/x/img_7.jpg")  # then by path
    assert natural_name("/shop/2024/Dress 3.jpg") == "dress 013.jpg"  # only the file's name counts


def test_the_window_gets_the_orders_through_the_services():
    assert browse.SORTS == (SORT_FOLDER, SORT_NAME, SORT_DATE, SORT_CONFIDENCE)
    assert browse.GridFilter is GridFilter
    assert browse.model_card().name == "MODEL_CARD.md" and browse.model_card().is_file()
