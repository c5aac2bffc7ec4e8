"""`fashiondesk learn`, `evaluate-teaching`, and what the export says about who chose a category."""

import csv
import io
import shutil

from tests.cli.test_cli import fd
from tests.conftest import SAMPLE


def sample_by_class(folder):
    """The bundled sample as a folder-per-class dataset: 10 classes of 3 photos."""
    for photo in sorted(SAMPLE.glob("*.jpg")):
        kind = photo.stem.rsplit("-", 1)[0]
        (folder / kind).mkdir(parents=True, exist_ok=True)
        shutil.copy(photo, folder / kind / photo.name)
    return folder


def export(db):
    out = fd("export", "-", db=db)
    assert out.returncode == 0, out.stderr
    return {r["path"]: r for r in csv.DictReader(io.StringIO(out.stdout))}


def test_learn_reports_what_it_learned_and_export_says_who_chose(tmp_path):
    folder = sample_by_class(tmp_path / "shop")
    db = tmp_path / "cat.db"
    assert fd("index", folder, "--quiet", db=db).returncode == 0
    rows = export(db)
    assert {r["category_set_by"] for r in rows.values()} == {"model"}

    dresses = sorted((folder / "dress").glob("*.jpg"))
    hats = sorted((folder / "hat").glob("*.jpg"))
    assert fd("tag", *dresses, "--category", "gown", db=db).returncode == 0
    assert fd("tag", *hats[:2], "--category", "hat", db=db).returncode == 0
    res = fd("learn", db=db)
    assert res.returncode == 0, res.stderr
    assert "learned from 5 staff categories" in res.stdout
    assert "gown" in res.stdout and "not suggested yet: 2 more needed" in res.stdout
    assert "no accuracy estimate yet" in res.stdout
    rows = export(db)
    assert rows[str(dresses[0])]["category"] == "gown" and rows[str(dresses[0])]["category_set_by"] == "staff"
    assert rows[str(hats[2])]["category_set_by"] == "learned"
    assert "gown" not in {r["category"] for p, r in rows.items() if p not in map(str, dresses)}

    # A new photo is tagged by what was taught as soon as it is indexed.
    shutil.copy(hats[0], folder / "hat" / "hat-copy-edited.jpg")
    with open(folder / "hat" / "hat-copy-edited.jpg", "ab") as f:
        f.write(b"\0")  # other bytes: a new photo, not a copy
    assert fd("index", "--quiet", db=db).returncode == 0
    assert export(db)[str(folder / "hat" / "hat-copy-edited.jpg")]["category_set_by"] == "learned"


def test_evaluate_teaching_reports_accuracy_per_number_of_examples(tmp_path):
    folder = sample_by_class(tmp_path / "dataset")
    res = fd("evaluate-teaching", folder, "--shots", "1,2", "--seeds", "1", "--keep", tmp_path / "eval", db=tmp_path / "x.db")
    assert res.returncode == 0, res.stderr
    lines = res.stdout.splitlines()
    assert lines[0].startswith("30 photos, 10 classes: dress, hat")
    table = [line.split() for line in lines if line.strip()[:1].isdigit() and "±" in line]
    assert [row[0] for row in table] == ["1", "2"]
    assert all(0.0 <= float(row[1].split("±")[0]) <= 1.0 for row in table)
    assert not (tmp_path / "x.db").exists()  # the evaluation never touches the user's catalogue

    new = fd("evaluate-teaching", folder, "--shots", "2", "--seeds", "1", "--new", "hat,shoes",
             "--keep", tmp_path / "eval", db=tmp_path / "x.db")
    assert new.returncode == 0, new.stderr
    assert "new (the shipped model made to forget them, only they taught): hat, shoes" in new.stdout
    assert "drop" in new.stdout

    bad = fd("evaluate-teaching", folder, "--new", "blazer", "--keep", tmp_path / "eval", db=tmp_path / "x.db")
    assert bad.returncode == 1 and "no class folder named blazer" in bad.stderr
    too_many = fd("evaluate-teaching", folder, "--shots", "3", "--keep", tmp_path / "eval", db=tmp_path / "x.db")
    assert too_many.returncode == 1 and "not enough for 3 examples" in too_many.stderr
    assert fd("evaluate-teaching", folder, "--shots", "x", db=tmp_path / "x.db").returncode == 1
    flat = fd("evaluate-teaching", SAMPLE, db=tmp_path / "x.db")
    assert flat.returncode == 1 and "a folder of class folders" in flat.stderr


def test_evaluate_teaching_never_uses_a_catalogue_it_did_not_make(tmp_path):
    folder = sample_by_class(tmp_path / "dataset")
    keep = tmp_path / "keep"
    keep.mkdir()
    shop = keep / "evaluate-teaching.db"
    assert fd("tag", "--help", db=shop).returncode == 0
    assert fd("index", folder / "hat", "--quiet", db=shop).returncode == 0  # somebody's catalogue by that name
    res = fd("evaluate-teaching", folder, "--shots", "1", "--seeds", "1", "--keep", keep, db=tmp_path / "x.db")
    assert res.returncode == 1 and "not a catalogue made by evaluate-teaching" in res.stderr
