"""The window reads the declared kinds of tags (core/tagsources.py): a toy kind registered
here, as tests/core/test_tag_sources.py registers it, shows up in the sidebar, the toolbar's
filters and the detail panel with no edit to the window."""

from datetime import datetime

from PySide6.QtCore import Qt
from sqlalchemy import func, insert, select

from fashiondesk.core import services, tagsources
from fashiondesk.core.catalogue.models import MANUAL, Tag
from fashiondesk.core.records import AutoTag
from fashiondesk.core.services.browse import KIND, GridFilter
from fashiondesk.core.vision import tagging
from fashiondesk.gui.detail import TagRole
from fashiondesk.gui.sidebar import KeyRole

LABEL = "Light or dark"  # the toy's heading: not its kind, so the window must read the label


def _declare_toy(monkeypatch):
    monkeypatch.setattr(tagsources, "_SOURCES", dict(tagsources._SOURCES))
    monkeypatch.setattr(tagging, "_REGISTERED", [])
    tagsources.declare(tagsources.TagSource("light", LABEL, "lightness", "light", one_per_photo=True, version="l1"))

    def light(spec):
        def make(images, outputs):
            return [(AutoTag("light", "light" if image.mean() > 128 else "dark", 1.0, version="l1"),)
                    for image in images]

        return tagging.Source("light", "l1", frozenset({tagging.PIXELS}), make)

    tagging.register(light)


def _tag_count(catalogue):
    with catalogue.sessions() as session:
        return session.scalar(select(func.count()).select_from(Tag))


def _section(sidebar, title):
    for i in range(sidebar.topLevelItemCount()):
        item = sidebar.topLevelItem(i)
        if item.text(0) == title:
            return item
    return None


def _ids(window):
    return {r.id for r in window.model.rows()}


def test_a_declared_kind_shows_in_the_sidebar_filters_and_detail(qtbot, window, catalogue, embedder, sample_photos,
                                                                 monkeypatch):
    _declare_toy(monkeypatch)
    services.add_folders(catalogue, [sample_photos(6)])
    services.index(catalogue, embedder=embedder)
    counts = dict(services.browse.sidebar_counts(catalogue).by_kind)["light"]
    assert {name for name, _s, _n in counts} == {"light", "dark"}  # the sample has both
    window.refresh()
    qtbot.waitUntil(lambda: window.settled() and window.sidebar.counts is not None
                    and window.sidebar.counts.photos == 6 and window.model.rowCount() == 6)
    tags_before = _tag_count(catalogue)

    # The sidebar: a section headed by the declared label, each name with its count.
    section = _section(window.sidebar, LABEL)
    assert section is not None and not section.isHidden() and section.isExpanded()
    entries = {section.child(i).text(0): section.child(i) for i in range(section.childCount())}
    assert {name: item.text(1) for name, item in entries.items()} == {name: f"{n:,}" for name, _s, n in counts}
    titles = [window.sidebar.topLevelItem(i).text(0) for i in range(window.sidebar.topLevelItemCount())]
    assert titles.index("Colours") < titles.index(LABEL) < titles.index("Tags")  # the declarations' order

    # A click on a name shows those photos.
    name, _swatch, n = min(counts, key=lambda c: c[2])
    expected = {r.id for r in services.browse.grid_rows(catalogue, GridFilter(scope=KIND, value=("light", name)))}
    assert len(expected) == n < 6
    item = entries[name]
    window.sidebar.scrollToItem(item)
    qtbot.mouseClick(window.sidebar.viewport(), Qt.MouseButton.LeftButton,
                     pos=window.sidebar.visualItemRect(item).center())
    assert window.sidebar.selected_key() == item.data(0, KeyRole)
    qtbot.waitUntil(lambda: window.filter == GridFilter(scope=KIND, value=("light", name)) and window.settled())
    assert _ids(window) == expected
    assert window.scope_label.text() == f"Lightness “{name}” · {n} photo{'s' if n != 1 else ''}"

    # The toolbar: a filter for the kind, named from its declaration, offering its names;
    # it narrows whatever the grid shows (here all photos, and then a category as well).
    box = window.filters.boxes["light"]
    assert box.isVisible() and box.accessibleName() == "Lightness filter" and box.itemText(0) == "All light or dark"
    assert {box.itemData(i) for i in range(1, box.count())} == {"light", "dark"}
    window.sidebar.select_key(("scope", "all", None))
    qtbot.waitUntil(lambda: window.filter.scope == "all" and window.settled() and window.model.rowCount() == 6)
    box.setCurrentIndex(box.findData(name))
    qtbot.waitUntil(lambda: window.also == (("light", name),) and window.settled())
    assert _ids(window) == expected
    assert f"· {name} ·" in window.scope_label.text()
    category = window.model.rows()[0].category
    window.filters.set_category(category)
    qtbot.waitUntil(lambda: window.filter.category == category and window.settled())
    in_category = {r.id for r in services.browse.grid_rows(catalogue, GridFilter(category=category))}
    assert _ids(window) == in_category & expected
    window.filters.set_category(None)
    box.setCurrentIndex(0)
    qtbot.waitUntil(lambda: window.also == () and window.settled() and window.model.rowCount() == 6)

    # The detail panel: the kind's tags under its label.
    photo = sorted(expected)[0]
    assert window.grid.select_photo(photo)
    texts = [window.detail.tags.item(i).text() for i in range(window.detail.tags.count())]
    assert LABEL in texts
    shown = window.detail.tags.item(texts.index(LABEL) + 1)
    assert shown.data(TagRole).kind == "light" and shown.text().startswith(name)
    assert shown.toolTip().startswith("lightness")

    assert _tag_count(catalogue) == tags_before  # looking, clicking and filtering wrote nothing


def test_a_kind_nobody_declared_is_not_hidden_in_the_detail_panel(qtbot, window, catalogue, embedder, sample_photos):
    services.add_folders(catalogue, [sample_photos(2)])
    services.index(catalogue, embedder=embedder)
    photo = services.browse.grid_rows(catalogue, GridFilter())[0].id
    with catalogue.sessions() as session, session.begin():
        session.execute(insert(Tag).values(photo_id=photo, kind="pattern", name="stripes", source=MANUAL,
                                           confidence=None, value=None, created_at=datetime(2026, 11, 1)))
    window.refresh()
    qtbot.waitUntil(lambda: window.settled() and window.model.rowCount() == 2)
    assert window.grid.select_photo(photo)
    texts = [window.detail.tags.item(i).text() for i in range(window.detail.tags.count())]
    assert texts[-2:] == ["pattern", "stripes"]  # after the declared kinds, headed by its own name
    window.detail.tags.setCurrentRow(texts.index("stripes"))
    assert window.detail.remove_tag_button.isEnabled()  # it can be removed like any tag
    # A heading is no tag: nothing to accept or remove, and Delete does nothing.
    window.detail.tags.setCurrentRow(texts.index("pattern"))
    assert not window.detail.remove_tag_button.isEnabled()
    qtbot.keyClick(window.detail.tags, Qt.Key.Key_Delete)
    assert window.detail.photo.tags_of("pattern")
