"""Kinds of tags declared once (core/tagsources.py), each with its own version."""

import csv
import copy
import dataclasses
import io
import os
import shutil
import sqlite3

import numpy as np
from sqlalchemy import select

from fashiondesk.core import services, tagsources
from fashiondesk.core.catalogue.db import open_catalogue
from fashiondesk.core.catalogue.models import COLOUR, Embedding, Tag, TagRun
from fashiondesk.core.records import AutoTag
from fashiondesk.core.services import browse
from fashiondesk.core.vision import tagging
from tests.conftest import SAMPLE


def counting(embedder, monkeypatch):
    runs = []
    real = embedder.run
    monkeypatch.setattr(embedder, "run", lambda images: (runs.append(len(images)), real(images))[1])
    return runs


def indexed(catalogue, embedder, sample_photos, n=6):
    folder = sample_photos(n)
    services.add_folders(catalogue, [folder])
    services.index(catalogue, embedder=embedder)
    return folder


def test_a_new_colour_method_re_tags_colours_without_the_model(catalogue, embedder, sample_photos, monkeypatch):
    indexed(catalogue, embedder, sample_photos)
    with catalogue.sessions() as s:
        seqs = dict(s.execute(select(Embedding.photo_id, Embedding.seq)).all())
        before = sorted(s.execute(select(Tag.photo_id, Tag.name, Tag.confidence).where(Tag.kind == COLOUR)).all())
    colour = tagsources.source(COLOUR)
    monkeypatch.setitem(tagsources._SOURCES, COLOUR, dataclasses.replace(colour, version="colours-test"))
    runs = counting(embedder, monkeypatch)
    summary = services.index(catalogue, embedder=embedder)
    assert runs == [] and summary.retagged == 6 and summary.indexed == 0
    with catalogue.sessions() as s:
        assert dict(s.execute(select(Embedding.photo_id, Embedding.seq)).all()) == seqs  # not re-embedded
        assert set(s.scalars(select(Tag.source_version).where(Tag.kind == COLOUR))) == {"colours-test"}
        # The same method run again from what is stored gives the same colours, photo by photo.
        assert sorted(s.execute(select(Tag.photo_id, Tag.name, Tag.confidence).where(Tag.kind == COLOUR)).all()) == before
        assert set(s.scalars(select(TagRun.version).where(TagRun.kind == COLOUR))) == {"colours-test"}
    assert services.index(catalogue, embedder=embedder).retagged == 0  # done once


def test_a_new_kind_of_tag_is_one_declaration_and_one_tagger(catalogue, embedder, sample_photos, monkeypatch):
    """A toy source (light or dark, from the pixels) shows up in the catalogue, the export,
    the sidebar counts and the grid's filter with no other change; existing photos get it
    without the model."""
    folder = indexed(catalogue, embedder, sample_photos, 4)
    monkeypatch.setattr(tagsources, "_SOURCES", dict(tagsources._SOURCES))
    monkeypatch.setattr(tagging, "_REGISTERED", [])
    tagsources.declare(tagsources.TagSource("light", "Light", "light", "light", one_per_photo=True, version="l1"))

    def light(spec):
        def make(images, outputs):
            return [(AutoTag("light", "light" if image.mean() > 128 else "dark", 1.0, version="l1"),) for image in images]

        return tagging.Source("light", "l1", frozenset({tagging.PIXELS}), make)

    tagging.register(light)
    runs = counting(embedder, monkeypatch)
    summary = services.index(catalogue, embedder=embedder)
    assert runs == [] and summary.retagged == 4
    out = io.StringIO()
    services.export_csv(catalogue, out)
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert {"light", "light_confidence"} <= set(rows[0]) and list(rows[0]).index("light") < list(rows[0]).index("tags")
    assert {r["light"] for r in rows} <= {"light", "dark"} and all(r["light"] for r in rows)
    counts = dict(browse.sidebar_counts(catalogue).by_kind)
    assert sum(n for _, _, n in counts["light"]) == 4
    name = counts["light"][0][0]
    shown = browse.grid_rows(catalogue, browse.GridFilter(scope=browse.KIND, value=("light", name)))
    assert len(shown) == counts["light"][0][2]
    # A new photo gets it in the same pass as everything else.
    shutil.copy(SAMPLE / "hat-3.jpg", folder / "new.jpg")
    services.index(catalogue, embedder=embedder)
    with catalogue.sessions() as s:
        assert s.scalar(select(Tag.name).join(Tag.photo).where(Tag.kind == "light", Tag.photo.has(path=str(folder / "new.jpg"))))


def test_a_schema_2_catalogue_keeps_its_embeddings_under_the_new_version(tmp_path, embedder, monkeypatch):
    """The colour method's version left the model version string: the upgrade renames the
    stored embeddings instead of reading every photo again."""
    bump(monkeypatch, version="colours2")  # the colour method of those catalogues, still current here
    embedder = copy.copy(embedder)  # the model of those catalogues, still the shipped one here
    embedder.spec = dataclasses.replace(embedder.spec, version="lite0-clothing-ffc28458-cam1", temperature=0.6269)
    photo = tmp_path / "shop" / "dress.jpg"
    photo.parent.mkdir()
    shutil.copy(SAMPLE / "dress-1.jpg", photo)
    st = os.stat(photo)
    db = tmp_path / "v2.db"
    con = sqlite3.connect(db)
    con.executescript((SAMPLE.parents[1] / "tests" / "data" / "catalogue_v1.sql").read_text().split("INSERT")[0])
    con.execute("ALTER TABLE tags ADD COLUMN value VARCHAR(16)")
    con.execute("INSERT INTO meta VALUES ('schema_version', '2')")
    con.execute("INSERT INTO folders VALUES (1, ?, '2026-11-01 10:00:00')", (str(photo.parent),))
    con.execute("INSERT INTO photos VALUES (1, 1, ?, 'h', ?, ?, 400, 533, 'ok', NULL, '2026-11-01 10:00:01')",
                (str(photo), st.st_size, st.st_mtime))
    old = "lite0-clothing-ffc28458-cam1-colours2"
    con.execute("INSERT INTO embeddings VALUES (1, ?, ?)", (old, np.ones(1280, np.float32).tobytes()))
    con.execute("INSERT INTO tags VALUES (1, 1, 'colour', 'navy', 'auto', 0.7, '2026-11-01', '#223355')")
    con.execute("INSERT INTO tags VALUES (2, 1, 'category', 'dress', 'auto', 0.9, '2026-11-01', NULL)")
    con.commit()
    con.close()
    cat = open_catalogue(db)
    try:
        summary = services.index(cat, embedder=embedder)
        assert summary.indexed == 0 and summary.unchanged == 1 and summary.retagged == 0
        with cat.sessions() as s:
            assert s.scalar(select(Embedding.model_version)) == embedder.version
            assert set(s.scalars(select(Tag.source_version))) == {"colours2", f"{embedder.version}/T0.6269"}
    finally:
        cat.close()


def bump(monkeypatch, kind=COLOUR, version="colours-test"):
    monkeypatch.setitem(tagsources._SOURCES, kind, dataclasses.replace(tagsources.source(kind), version=version))


def test_photos_indexed_before_outputs_were_kept_are_read_once_and_keep_their_embedding(
    catalogue, embedder, sample_photos, monkeypatch
):
    indexed(catalogue, embedder, sample_photos, 4)
    with catalogue.sessions() as s, s.begin():
        s.execute(Embedding.__table__.update().values(logits=None, garment_map=None))  # as after an upgrade
        seqs = dict(s.execute(select(Embedding.photo_id, Embedding.seq)).all())
    bump(monkeypatch)
    summary = services.index(catalogue, embedder=embedder)
    assert summary.indexed == 0 and summary.retagged == 4
    with catalogue.sessions() as s:
        assert dict(s.execute(select(Embedding.photo_id, Embedding.seq)).all()) == seqs  # the index keeps them
        assert s.scalar(select(Embedding.garment_map).limit(1)) is not None
    bump(monkeypatch, version="colours-test-2")
    runs = counting(embedder, monkeypatch)
    assert services.index(catalogue, embedder=embedder).retagged == 4 and runs == []  # from now on, no model


def test_a_photo_tagged_again_for_two_kinds_counts_once(catalogue, embedder, sample_photos, monkeypatch):
    indexed(catalogue, embedder, sample_photos, 3)
    bump(monkeypatch)
    with catalogue.sessions() as s, s.begin():
        s.execute(TagRun.__table__.update().values(version="old"))  # both kinds stale
    summary = services.index(catalogue, embedder=embedder)
    assert summary.retagged == 3


def test_a_file_whose_bytes_changed_unseen_is_not_tagged_from_them(catalogue, embedder, sample_photos, monkeypatch):
    from fashiondesk.core.vision import pipeline

    folder = indexed(catalogue, embedder, sample_photos, 2)
    current = tagsources.source(COLOUR).version
    bump(monkeypatch)
    victim = sorted(folder.glob("*.jpg"))[0]
    other = (SAMPLE / "skirt-3.jpg").read_bytes()
    real = pipeline.read_photo
    monkeypatch.setattr(pipeline, "read_photo", lambda p: other if str(p) == str(victim) else real(p))
    summary = services.index(catalogue, embedder=embedder)
    assert summary.retagged == 1
    with catalogue.sessions() as s:
        versions = set(s.scalars(select(TagRun.version).where(TagRun.kind == COLOUR)))
    assert versions == {current, "colours-test"}  # the victim waits for a real read


def test_a_schema_3_catalogue_upgrades_to_4(tmp_path, embedder, sample_photos):
    from sqlalchemy import create_engine

    from fashiondesk.core.catalogue.migrations import STEPS, upgrade

    db = tmp_path / "v3.db"
    con = sqlite3.connect(db)
    con.executescript((SAMPLE.parents[1] / "tests" / "data" / "catalogue_v1.sql").read_text())
    con.commit()
    con.close()
    engine = create_engine(f"sqlite:///{db}")
    upgrade(engine, [step for step in STEPS if step[0] <= 3])  # what the schema-3 release left
    engine.dispose()
    cat = open_catalogue(db)
    try:
        assert cat.upgraded_from == 3
        folder = sample_photos(2)
        services.add_folders(cat, [folder])
        assert services.index(cat, embedder=embedder).indexed == 2
        out = io.StringIO()
        assert services.export_csv(cat, out) == 5
    finally:
        cat.close()


def test_a_rejected_automatic_tag_stays_rejected_through_a_re_tag_and_undo_brings_it_back(
    catalogue, embedder, sample_photos, monkeypatch
):
    indexed(catalogue, embedder, sample_photos, 2)
    with catalogue.sessions() as s:
        tag = s.scalars(select(Tag).where(Tag.kind == COLOUR)).first()
        photo_id, name, tag_id = tag.photo_id, tag.name, tag.id
    snap = services.snapshot(catalogue, [photo_id], "reject")
    services.remove_tag(catalogue, tag_id)  # staff: "not that colour"
    bump(monkeypatch)
    assert services.index(catalogue, embedder=embedder).retagged == 2
    with catalogue.sessions() as s:
        assert name not in set(s.scalars(select(Tag.name).where(Tag.photo_id == photo_id, Tag.kind == COLOUR)))
    services.put_back(catalogue, snap)  # undo the rejection
    bump(monkeypatch, version="colours-test-2")
    services.index(catalogue, embedder=embedder)
    with catalogue.sessions() as s:
        assert name in set(s.scalars(select(Tag.name).where(Tag.photo_id == photo_id, Tag.kind == COLOUR)))


def test_a_photo_that_cannot_be_read_to_re_tag_it_is_read_whole_next_time(catalogue, embedder, sample_photos, monkeypatch):
    """Its tags stay; the next run reads it (through its unchanged bytes: a move, not a decode)
    and the newer source tags it in that same run."""
    from fashiondesk.core.vision import pipeline

    folder = indexed(catalogue, embedder, sample_photos, 2)
    bump(monkeypatch)
    victim = str(sorted(folder.glob("*.jpg"))[0])
    real = pipeline.read_photo

    def locked(path):
        if str(path) == victim:
            raise pipeline.UnreadableImage("cannot read file: Permission denied", transient=True)
        return real(path)

    monkeypatch.setattr(pipeline, "read_photo", locked)
    assert services.index(catalogue, embedder=embedder).retagged == 1
    monkeypatch.setattr(pipeline, "read_photo", real)
    summary = services.index(catalogue, embedder=embedder)
    assert summary.retagged == 1 and summary.indexed == 0
    with catalogue.sessions() as s:
        assert set(s.scalars(select(TagRun.version).where(TagRun.kind == COLOUR))) == {"colours-test"}
