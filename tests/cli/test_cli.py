import csv
import io
import os
import subprocess
import sys


def fd(*args, db):
    return subprocess.run(
        [sys.executable, "-m", "fashiondesk", "--db", str(db), *map(str, args)],
        capture_output=True, text=True, timeout=120,
    )


def test_index_export_tag_info_end_to_end(tmp_path, sample_photos):
    folder = sample_photos(4, tmp_path / "Boutique photos é")
    (folder / "broken.jpg").write_bytes(b"\xff\xd8\xff\xe0 not really")
    db = tmp_path / "cat.db"

    first = fd("index", folder, db=db)
    assert first.returncode == 0, first.stderr
    assert "4 indexed, 0 unchanged, 1 failed" in first.stderr
    assert "photos/s" in first.stderr and "ETA" in first.stderr
    assert "broken.jpg" in first.stderr

    again = fd("index", db=db)
    assert "0 indexed, 4 unchanged" in again.stderr

    target = sorted(folder.glob("*.jpg"))[-1]
    assert fd("tag", target, "--add", "new in", "--add", "linen", db=db).returncode == 0
    assert fd("tag", target, "--remove", "linen", db=db).returncode == 0

    out = fd("export", "-", db=db)
    assert out.returncode == 0
    rows = {r["path"]: r for r in csv.DictReader(io.StringIO(out.stdout))}
    assert len(rows) == 5
    assert rows[str(target)]["tags"] == "new in"
    assert rows[str(folder / "broken.jpg")]["status"] == "failed"

    info = fd("info", db=db)
    assert "photos: 5 (failed 1, ok 4)" in info.stdout
    assert "embeddings with this model: 4" in info.stdout
    assert "could not be taken" not in info.stdout

    # A file the scan cannot take is no photo, but info still counts it with the failures.
    os.symlink(tmp_path / "gone.jpg", folder / "dangling.jpg")
    fd("index", db=db)
    info = fd("info", db=db)
    assert "photos: 5 (failed 1, ok 4)" in info.stdout
    assert "files that could not be taken as photos: 1 (see 'fashiondesk failures')" in info.stdout
    assert str(folder / "dangling.jpg") in fd("failures", db=db).stdout


def test_errors_are_one_line_and_non_zero(tmp_path):
    db = tmp_path / "cat.db"
    res = fd("index", tmp_path / "no such folder", db=db)
    assert res.returncode != 0
    assert res.stderr.strip().count("\n") == 0 and "there is no folder" in res.stderr
    res = fd("tag", tmp_path / "nope.jpg", "--add", "x", db=db)
    assert res.returncode != 0 and "not in the catalogue" in res.stderr


def test_everyday_commands_do_not_import_torch(tmp_path, sample_photos):
    folder = sample_photos(2)
    db = tmp_path / "c.db"
    outside = next(folder.glob("*.jpg"))
    code = (
        "import sys; from fashiondesk.cli.main import main; "
        f"main(['--db', r'{db}', 'index', r'{folder}', '--quiet']); "
        f"main(['--db', r'{db}', 'similar', r'{outside}']); "
        f"main(['--db', r'{db}', 'export', r'{tmp_path / 'out.csv'}']); "
        "print('torch' in sys.modules)"
    )
    res = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert res.stdout.strip().splitlines()[-1] == "False", res.stderr


def test_similar_prints_path_score_csv(tmp_path, sample_photos):
    folder = sample_photos(30)
    db = tmp_path / "cat.db"
    assert fd("index", folder, "--quiet", db=db).returncode == 0
    res = fd("similar", folder / "shoes-2.jpg", "-k", "3", db=db)
    assert res.returncode == 0, res.stderr
    rows = list(csv.DictReader(io.StringIO(res.stdout)))
    assert len(rows) == 3 and list(rows[0]) == ["path", "score"]
    assert str(folder / "shoes-2.jpg") not in {r["path"] for r in rows}
    scores = [float(r["score"]) for r in rows]
    assert scores == sorted(scores, reverse=True) and all(-1 <= s <= 1 for s in scores)
    res = fd("similar", tmp_path / "missing.jpg", db=db)
    assert res.returncode == 1 and "cannot read" in res.stderr


def test_window_without_qt_says_so_in_one_line(monkeypatch, capsys):
    import builtins

    from fashiondesk.cli.main import main

    real_import = builtins.__import__

    def no_qt(name, *args, **kwargs):
        if name.startswith("fashiondesk.gui"):
            raise ImportError("libEGL.so.1: cannot open shared object file")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_qt)
    assert main([]) == 1
    err = capsys.readouterr().err
    assert err.startswith("fashiondesk: the window cannot start: libEGL") and err.count("\n") == 1


def test_tag_sets_the_staff_category_and_export_shows_it(tmp_path, sample_photos):
    """`tag --category` (a new name allowed) is the staff's category: the export shows it,
    not the model's guess, marks it sure, and a re-index keeps it."""
    folder = sample_photos(2)
    db = tmp_path / "cat.db"
    assert fd("index", folder, "--quiet", db=db).returncode == 0
    target = sorted(folder.glob("*.jpg"))[0]
    res = fd("tag", target, "--category", "Blazer", db=db)
    assert res.returncode == 0 and "tags changed on 1 of 1" in res.stderr
    assert "no change" in fd("tag", target, "--category", "Blazer", db=db).stderr
    assert "cannot contain ';'" in fd("tag", target, "--category", "a;b", db=db).stderr
    touched = target.stat()
    os.utime(target, (touched.st_atime, touched.st_mtime + 5))  # touched: read again
    assert fd("index", "--quiet", db=db).returncode == 0
    rows = {r["path"]: r for r in csv.DictReader(io.StringIO(fd("export", "-", db=db).stdout))}
    row = rows[str(target)]
    assert row["category"] == "Blazer" and row["category_confidence"] == "" and row["category_unsure"] == ""


def test_version_names_the_app_and_the_shipped_model(tmp_path):
    from fashiondesk import __version__
    from fashiondesk.core.vision.spec import shipped_spec

    out = fd("--version", db=tmp_path / "never-made.db")
    assert out.returncode == 0
    assert out.stdout.splitlines() == [f"fashiondesk {__version__}", f"model {shipped_spec().version}"]
    assert not (tmp_path / "never-made.db").exists()


def test_errors_keep_chinese_paths_and_tags_intact(tmp_path, sample_photos):
    folder = sample_photos(1, tmp_path / "店铺照片")
    photo = next(folder.glob("*.jpg"))
    db = tmp_path / "cat.db"
    assert fd("index", folder, "--quiet", db=db).returncode == 0
    missing = fd("tag", folder / "连衣裙.jpg", "--add", "新品", db=db)
    assert missing.returncode == 1
    assert f"not in the catalogue: {folder / '连衣裙.jpg'}" in missing.stderr
    bad = fd("tag", photo, "--add", "新品;夏季", db=db)
    assert bad.returncode == 1 and "'新品;夏季'" in bad.stderr
    assert fd("tag", photo, "--add", "新品", db=db).returncode == 0
    out = fd("export", "-", db=db)
    assert "新品" in out.stdout and "店铺照片" in out.stdout


def test_a_file_name_with_a_newline_is_printed_on_one_line(tmp_path):
    folder = tmp_path / "shop"
    folder.mkdir()
    (folder / "new\nline.jpg").write_bytes(b"\xff\xd8\xff\xe0 not really")
    db = tmp_path / "cat.db"
    res = fd("index", folder, db=db)
    assert f"  failed: {folder}/new\\nline.jpg: " in res.stderr
    assert fd("failures", db=db).stdout.count("\n") == 1
    from fashiondesk.cli.main import _shown

    wide = "店铺\u3000照片 \u200d👩\u200d👧 nb\xa0sp.jpg"  # an ideographic space, joiners, a no-break space
    assert _shown(wide) == wide and _shown("a\tb\rc.jpg") == "a\\tb\\rc.jpg"
