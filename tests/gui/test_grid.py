from fashiondesk.core.catalogue.queries import GridRow
from fashiondesk.gui.grid import PhotoGridModel
from fashiondesk.gui.thumbnails import ThumbnailLoader


def rows(n, start=0):
    return [GridRow(i, f"/p/{i:04d}.jpg", "ok", "dress", 0.9, "auto") for i in range(start, start + n)]


def test_added_rows_are_inserted_and_a_new_order_resets(qtbot, tmp_path):
    loader = ThumbnailLoader(tmp_path)
    model = PhotoGridModel(loader, unsure_below=0.8)
    events = []
    model.modelReset.connect(lambda: events.append("reset"))
    model.rowsInserted.connect(lambda _p, first, last: events.append(("insert", first, last)))
    model.set_rows(rows(5))
    model.set_rows(rows(8))
    model.set_rows(rows(8))  # nothing changed: nothing happens
    model.set_rows(rows(8)[::-1])  # another order (a new filter or sort): a reset
    assert events == [("insert", 0, 4), ("insert", 5, 7), "reset"]
    assert model.rowCount() == 8 and model.row_of_id(4) == 3
    loader.close()


def test_rows_added_or_removed_in_the_middle_keep_selection_and_scroll(qtbot, tmp_path):
    from fashiondesk.gui.grid import PhotoGrid

    loader = ThumbnailLoader(tmp_path)
    model = PhotoGridModel(loader, unsure_below=0.8)
    grid = PhotoGrid(model)
    qtbot.addWidget(grid)
    grid.resize(600, 400)
    grid.show()
    everything = rows(300)
    model.set_rows(everything[::2])  # half indexed so far, in path order
    grid.select_photo(everything[200].id)
    qtbot.wait(50)
    grid.verticalScrollBar().setValue(grid.verticalScrollBar().maximum() // 2)
    scroll = grid.verticalScrollBar().value()
    events = []
    model.modelReset.connect(lambda: events.append("reset"))
    model.rowsInserted.connect(lambda *_: events.append("insert"))
    model.rowsRemoved.connect(lambda *_: events.append("remove"))
    model.set_rows([everything[1]] + everything[:1:-2])  # another order: a reset
    assert events == ["reset"]
    model.set_rows(everything[::2])
    grid.select_photo(everything[200].id)
    qtbot.wait(50)
    grid.verticalScrollBar().setValue(scroll)
    events.clear()
    model.set_rows(everything[:40] + everything[40::2])  # 20 new photos among the first 40
    assert events == ["insert"] * 20 and "reset" not in events
    assert grid.current_photo_id() == everything[200].id
    assert grid.verticalScrollBar().value() == scroll
    events.clear()
    model.set_rows(everything[40::2])  # the first 40 went missing
    assert set(events) == {"remove"} and grid.current_photo_id() == everything[200].id
    assert [r.id for r in model.rows()] == [r.id for r in everything[40::2]]
    loader.close()


def test_unsure_means_automatic_and_below_the_threshold_or_no_category(tmp_path):
    loader = ThumbnailLoader(tmp_path)
    model = PhotoGridModel(loader, unsure_below=0.8)
    assert model.is_unsure(GridRow(1, "/a", "ok", "dress", 0.5, "auto"))
    assert not model.is_unsure(GridRow(1, "/a", "ok", "dress", 0.5, "manual"))
    assert not model.is_unsure(GridRow(1, "/a", "ok", "dress", 0.85, "auto"))
    assert model.is_unsure(GridRow(1, "/a", "ok", None, None, None))
    loader.close()
