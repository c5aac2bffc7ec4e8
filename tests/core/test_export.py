import csv
import io

from fashiondesk.core import services
from fashiondesk.core.catalogue.models import AUTO, CATEGORY, COLOUR, Tag
from fashiondesk.core.export.csv_export import neutralise


def test_formula_cells_are_neutralised():
    for cell in ["=SUM(A1)", "+1", "-1", "@cmd", "\tx", "\rx"]:
        assert neutralise(cell).startswith("'")
    assert neutralise("red dress") == "red dress"


def test_export_columns_and_values(catalogue, embedder, sample_photos):
    folder = sample_photos(2)
    services.add_folders(catalogue, [folder])
    services.index(catalogue, embedder=embedder)
    first, second = sorted(str(p) for p in folder.glob("*.jpg"))
    services.tag(catalogue, [first], add=["=HYPERLINK(\"x\")", "sale"])
    with catalogue.sessions() as s, s.begin():
        from sqlalchemy import select

        from fashiondesk.core.catalogue.models import Photo

        pid = s.scalar(select(Photo.id).where(Photo.path == first))
        s.execute(Tag.__table__.delete().where(Tag.kind.in_([CATEGORY, COLOUR])))  # known values, not the model's
        s.add_all([
            Tag(photo_id=pid, kind=CATEGORY, name="dress", source=AUTO, confidence=0.71),
            Tag(photo_id=pid, kind=COLOUR, name="navy", source=AUTO, confidence=0.3),
            Tag(photo_id=pid, kind=COLOUR, name="white", source=AUTO, confidence=0.6),
        ])
    out = io.StringIO()
    assert services.export_csv(catalogue, out) == 2
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert list(rows[0]) == ["path", "category", "category_confidence", "category_unsure", "category_set_by", "colours", "tags",
                            "product", "position", "title", "price", "size", "stock", "looks", "status", "width",
                            "height"]
    row = {r["path"]: r for r in rows}[first]
    assert row["category"] == "dress" and row["category_confidence"] == "0.710"
    assert row["category_unsure"] == "yes"  # below the shipped model's unsure_below (0.8)
    assert row["colours"] == "white;navy"
    assert row["tags"] == "'=HYPERLINK(\"x\");sale"
    assert row["status"] == "ok" and int(row["width"]) > 0
    assert {r["path"]: r for r in rows}[second]["category"] == ""  # its model tag was removed above
