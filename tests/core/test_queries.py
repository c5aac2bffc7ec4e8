"""The window's queries and tag edits, on a small hand-made catalogue."""

import pytest
from sqlalchemy import insert, select

from fashiondesk.core.catalogue import edits
from fashiondesk.core.catalogue.models import (
    AUTO,
    CATEGORY,
    COLOUR,
    CUSTOM,
    MANUAL,
    MISSING,
    OK,
    Folder,
    Photo,
    Tag,
)
from fashiondesk.core.catalogue.queries import (
    FOLDER,
    MISSING_SCOPE,
    RESULTS,
    REVIEW,
    TAG,
    GridFilter,
    grid_rows,
    photo_detail,
    sidebar_counts,
    tag_names,
)
from fashiondesk.core.catalogue.writer import AutoTag, _replace_auto_tags


@pytest.fixture
def small(catalogue):
    """a.jpg dress 0.95 navy; b.jpg dress 0.40 red, tagged 'sale'; c.jpg no category; d.jpg missing."""
    with catalogue.sessions() as s, s.begin():
        s.execute(insert(Folder), [dict(id=1, path="/shop"), dict(id=2, path="/other")])
        s.execute(insert(Photo), [
            dict(id=i, folder_id=f, path=p, size=1, mtime=0.0, status=st)
            for i, f, p, st in [(1, 1, "/shop/a.jpg", OK), (2, 1, "/shop/b_50%.jpg", OK),
                                (3, 2, "/other/c.jpg", OK), (4, 1, "/shop/d.jpg", MISSING)]
        ])
        s.execute(insert(Tag), [
            dict(photo_id=1, kind=CATEGORY, name="dress", source=AUTO, confidence=0.95),
            dict(photo_id=1, kind=COLOUR, name="navy", source=AUTO, confidence=0.7, value="#26304a"),
            dict(photo_id=2, kind=CATEGORY, name="dress", source=AUTO, confidence=0.40),
            dict(photo_id=2, kind=COLOUR, name="red", source=AUTO, confidence=0.8, value="#b0282d"),
            dict(photo_id=2, kind=CUSTOM, name="Sale", source=MANUAL),
            dict(photo_id=4, kind=CATEGORY, name="hat", source=MANUAL),
        ])
    return catalogue


def ids(catalogue, flt):
    with catalogue.sessions() as s:
        return [r.id for r in grid_rows(s, flt, unsure_below=0.8)]


def test_grid_scopes_and_filters(small):
    assert ids(small, GridFilter()) == [3, 1, 2]  # readable photos, by path
    assert ids(small, GridFilter(scope=REVIEW)) == [3, 2]  # no category first, then least sure
    assert ids(small, GridFilter(scope=MISSING_SCOPE)) == [4]
    assert ids(small, GridFilter(scope=FOLDER, value=1)) == [1, 2]
    assert ids(small, GridFilter(scope=TAG, value="sale")) == [2]
    assert ids(small, GridFilter(scope=RESULTS, value=(2, 3, 1))) == [2, 3, 1]
    assert ids(small, GridFilter(category="DRESS")) == [1, 2]
    assert ids(small, GridFilter(colour="navy")) == [1]
    assert ids(small, GridFilter(category="dress", colour="red")) == [2]


def test_search_matches_file_names_and_tags_literally(small):
    assert ids(small, GridFilter(text="  A.JPG ")) == [1]
    assert ids(small, GridFilter(text="sal")) == [2]  # custom tag
    assert ids(small, GridFilter(text="navy")) == [1]  # colour tag
    assert ids(small, GridFilter(text="50%")) == [2]  # % is a character, not a wildcard
    assert ids(small, GridFilter(text="_")) == [2]


def test_search_matches_every_word(small):
    assert ids(small, GridFilter(text="red dress")) == [2]  # red AND dress, anywhere
    assert ids(small, GridFilter(text="dress navy")) == [1]
    assert ids(small, GridFilter(text="navy sale")) == []  # on two different photos
    assert ids(small, GridFilter(text="shop dress")) == [1, 2]  # a word of the path counts
    assert ids(small, GridFilter(text='"b_50%.jpg"  red')) == [2]  # a quoted phrase is one term
    assert ids(small, GridFilter(text='"" ')) == [3, 1, 2]  # nothing to match: everything


def test_search_ignores_accents_and_case_beyond_ascii(small):
    """A shop types "elegante" for "été robe élégante.jpg", "creme" for a tag "Crème"."""
    with small.sessions() as s, s.begin():
        s.execute(insert(Photo), [dict(id=5, folder_id=1, path="/shop/été robe ÉLÉGANTE.jpg", size=1, mtime=0.0,
                                       status=OK),
                                  dict(id=6, folder_id=1, path="/shop/连衣裙 夏.jpg", size=1, mtime=0.0, status=OK)])
        s.execute(insert(Tag), [dict(photo_id=3, kind=CUSTOM, name="Crème", source=MANUAL)])
    for text in ("elegante", "élégante", "ÉLÉGANTE", "ete robe", "Été"):
        assert ids(small, GridFilter(text=text)) == [5], text
    assert ids(small, GridFilter(text="creme")) == [3] and ids(small, GridFilter(text="CRÈME")) == [3]
    assert ids(small, GridFilter(text="连衣裙")) == [6]
    assert ids(small, GridFilter(text="elegantes")) == []


def test_sidebar_counts(small):
    with small.sessions() as s:
        counts = sidebar_counts(s, unsure_below=0.8)
    assert (counts.photos, counts.review, counts.missing, counts.failed) == (3, 2, 1, 0)
    assert counts.folders == ((2, "/other", 1), (1, "/shop", 2))
    assert counts.categories == (("dress", 2),)  # the missing photo's hat is not counted
    assert set(counts.colours) == {("navy", "#232d50", 1), ("red", "#c81e23", 1)}  # the palette's colours
    assert counts.tags == (("Sale", 1),)


def test_detail_lists_category_then_colours_then_tags(small):
    with small.sessions() as s:
        detail = photo_detail(s, 2)
        assert photo_detail(s, 99) is None
        assert tag_names(s) == ["Sale"]
    assert [t.kind for t in detail.tags] == [CATEGORY, COLOUR, CUSTOM]
    assert detail.category.name == "dress" and detail.category.confidence == 0.40


def _tags(catalogue, photo_id, kind):
    with catalogue.sessions() as s:
        return [(t.name, t.source) for t in s.scalars(select(Tag).where(Tag.photo_id == photo_id, Tag.kind == kind))]


def test_accept_set_category_add_and_remove(small):
    with small.sessions() as s:
        colour_id = s.scalar(select(Tag.id).where(Tag.photo_id == 1, Tag.kind == COLOUR))
    edits.accept_tag(small, colour_id)
    assert _tags(small, 1, COLOUR) == [("navy", MANUAL)]
    edits.set_category(small, 2, " t-shirt ")
    assert _tags(small, 2, CATEGORY) == [("t-shirt", MANUAL)]
    edits.set_category(small, 3, "skirt")
    assert _tags(small, 3, CATEGORY) == [("skirt", MANUAL)]
    edits.add_custom_tag(small, [1, 2], "window")
    edits.add_custom_tag(small, [2], "WINDOW")  # no duplicate, whatever the case
    assert _tags(small, 2, CUSTOM) == [("Sale", MANUAL), ("window", MANUAL)]
    with pytest.raises(edits.TagError):
        edits.add_custom_tag(small, [1], "   ")
    with small.sessions() as s:
        tag_id = s.scalar(select(Tag.id).where(Tag.photo_id == 1, Tag.name == "window"))
    edits.remove_tag(small, tag_id)
    assert _tags(small, 1, CUSTOM) == []


def test_a_manual_category_keeps_later_automatic_ones_out(small):
    edits.set_category(small, 1, "skirt")
    with small.sessions() as s, s.begin():
        _replace_auto_tags(s, 1, [AutoTag(CATEGORY, "dress", 0.9), AutoTag(COLOUR, "black", 0.6, "#111111")])
    assert _tags(small, 1, CATEGORY) == [("skirt", MANUAL)]
    assert ("black", AUTO) in _tags(small, 1, COLOUR)


def test_restore_puts_the_tags_back_exactly(small):
    before = edits.snapshot(small, [1, 2], "change things")
    edits.set_category(small, 1, "skirt")
    edits.add_custom_tag(small, [2], "window")
    with small.sessions() as s:
        navy = s.scalar(select(Tag.id).where(Tag.photo_id == 1, Tag.kind == COLOUR))
    edits.remove_tag(small, navy)
    edits.restore(small, before)
    assert _tags(small, 1, CATEGORY) == [("dress", AUTO)]
    assert _tags(small, 1, COLOUR) == [("navy", AUTO)]
    assert _tags(small, 2, CUSTOM) == [("Sale", MANUAL)]
