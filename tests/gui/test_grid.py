from fashiondesk.core.catalogue.queries import GridRow
from fashiondesk.gui.grid import PhotoGridModel
from fashiondesk.gui.thumbnails import ThumbnailLoader


def rows(n, start=0):
    return [GridRow(i, f"/p/{i:04d}.jpg", "ok", "dress", 0.9, "auto") for i in range(start, start + n)]


def test_rows_added_at_the_end_are_inserted_without_a_reset(qtbot, tmp_path):
    loader = ThumbnailLoader(tmp_path)
    model = PhotoGridModel(loader, unsure_below=0.8)
    events = []
    model.modelReset.connect(lambda: events.append("reset"))
    model.rowsInserted.connect(lambda _p, first, last: events.append(("insert", first, last)))
    model.set_rows(rows(5))
    model.set_rows(rows(8))
    model.set_rows(rows(8))  # nothing changed: nothing happens
    model.set_rows(rows(3, start=2))
    assert events == [("insert", 0, 4), ("insert", 5, 7), "reset"]
    assert model.rowCount() == 3 and model.row_of_id(4) == 2
    loader.close()


def test_unsure_means_automatic_and_below_the_threshold_or_no_category(tmp_path):
    loader = ThumbnailLoader(tmp_path)
    model = PhotoGridModel(loader, unsure_below=0.8)
    assert model.is_unsure(GridRow(1, "/a", "ok", "dress", 0.5, "auto"))
    assert not model.is_unsure(GridRow(1, "/a", "ok", "dress", 0.5, "manual"))
    assert not model.is_unsure(GridRow(1, "/a", "ok", "dress", 0.85, "auto"))
    assert model.is_unsure(GridRow(1, "/a", "ok", None, None, None))
    loader.close()
