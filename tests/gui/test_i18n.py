"""The window in Simplified Chinese (issue 19): the translation file is complete and up to
date with the code, and the parts of the window converted so far speak Chinese under a
Chinese locale and English otherwise."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QMenu,
    QTreeWidget,
    QTreeWidgetItemIterator,
    QWidget,
)

from fashiondesk.core import services
from fashiondesk.gui import i18n
from fashiondesk.gui.main_window import MainWindow

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "resources" / "i18n" / "fashiondesk_zh_CN.ts"
CJK = re.compile(r"[\u4e00-\u9fff]")
LUPDATE = shutil.which("pyside6-lupdate", path=str(Path(sys.executable).parent))


def _sources(path: Path) -> dict[tuple[str, str], ET.Element]:
    tree = ET.parse(path)
    return {(context.findtext("name") or "", message.findtext("source") or ""): message.find("translation")
            for context in tree.getroot().iter("context") for message in context.iter("message")}


def test_every_entry_of_the_chinese_file_is_finished():
    unfinished = [source for (_ctx, source), translation in _sources(TS).items()
                  if translation is None or translation.get("type") in ("unfinished", "vanished", "obsolete")
                  or not (translation.text or "").strip()]
    assert unfinished == []


@pytest.mark.skipif(LUPDATE is None, reason="pyside6-lupdate is not installed")
def test_every_string_marked_in_the_code_is_in_the_file(tmp_path):
    fresh = tmp_path / "fresh.ts"
    sources = sorted((ROOT / "fashiondesk" / "gui").glob("*.py")) + sorted((ROOT / "fashiondesk" / "core").rglob("*.py"))
    subprocess.run([LUPDATE, *map(str, sources), "-ts", str(fresh)], check=True, capture_output=True)
    missing = set(_sources(fresh)) - set(_sources(TS))
    assert not missing, f"run pyside6-lupdate (see gui/i18n.py) and translate: {sorted(missing)[:10]}"


def _visible_texts(win: MainWindow) -> list[str]:
    """Menus (titles and entries), the toolbar's filter boxes, the sidebar's entries, and
    every label, button and box shown in the window (the detail panel of the photo shown,
    the similar items, the status bar)."""
    texts: list[str] = []
    for widget in win.findChildren(QWidget):
        if not widget.isVisible():
            continue
        if isinstance(widget, (QLabel, QAbstractButton)) and widget.text():
            texts.append(re.sub(r"<[^>]+>|&nbsp;", " ", widget.text()).strip())
        if isinstance(widget, QLineEdit) and widget.placeholderText():
            texts.append(widget.placeholderText())

    def walk(menu: QMenu) -> None:
        texts.append(menu.title())
        for action in menu.actions():
            if action.menu() is not None:
                walk(action.menu())
            elif action.text() and action.isVisible():
                texts.append(action.text())

    for action in win.menuBar().actions():
        walk(action.menu())
    for box in win.filters.findChildren(QComboBox):
        texts += [box.itemText(i) for i in range(box.count())]
    texts.append(win.filters.search.placeholderText())
    tree = win.sidebar if isinstance(win.sidebar, QTreeWidget) else win.findChild(QTreeWidget)
    item_iter = QTreeWidgetItemIterator(tree)
    while item_iter.value():
        texts.append(item_iter.value().text(0))
        item_iter += 1
    # Not words: file names and paths, numbers, scores, the language names (each shown in
    # its own language), staff's own tags and the app's name.
    own = set(i18n.LANGUAGES.values()) | {"new in", "summer sale", "fashiondesk", "photos"}  # "photos": the folder
    return [t for t in texts if t and t not in own and not re.fullmatch(r"[\d\s,.%:]+", t)
            and not re.search(r"\.(jpg|png)$|^/", t) and not t.startswith("\n")]


@pytest.fixture
def chinese():
    app = QApplication.instance()
    assert i18n.install(app, "zh_CN")
    yield
    i18n.install(app, "en")


def _window(qtbot, catalogue, settings, tmp_path, sample_photos, embedder) -> MainWindow:
    services.add_folders(catalogue, [str(sample_photos(6))])
    services.index(catalogue, embedder=embedder)
    win = MainWindow(catalogue, settings, tmp_path / "thumbs")
    qtbot.addWidget(win)
    win.show()
    win.refresh()
    qtbot.waitUntil(lambda: win.settled() and win.model.rowCount() == 6)
    win.grid.setCurrentIndex(win.model.index(0))  # the detail panel and its similar items, shown
    qtbot.waitUntil(lambda: win.detail.photo is not None and win.detail.similar_section.strip.count() > 0,
                    timeout=10_000)
    return win


def test_under_a_chinese_locale_the_window_is_chinese(
        qtbot, chinese, catalogue, settings, tmp_path, sample_photos, embedder):
    win = _window(qtbot, catalogue, settings, tmp_path, sample_photos, embedder)
    try:
        texts = _visible_texts(win)
        chinese_share = sum(bool(CJK.search(t)) for t in texts) / len(texts)
        print(f"\n{sum(bool(CJK.search(t)) for t in texts)} of {len(texts)} texts in Chinese ({chinese_share:.0%}); "
              f"not: {[t for t in texts if not CJK.search(t)]}")
        assert chinese_share >= 0.9
        assert "连衣裙" in texts or "T恤" in texts or "衬衫" in texts, "category names are shown translated"
        assert re.search(r"索引于 \d{4}/\d{1,2}/\d{1,2} ", win.detail.facts.text()), "dates in Chinese order, no English month"
    finally:
        win.shutdown()


def test_under_an_english_locale_nothing_is_chinese(qtbot, catalogue, settings, tmp_path, sample_photos, embedder):
    win = _window(qtbot, catalogue, settings, tmp_path, sample_photos, embedder)
    try:
        assert [t for t in _visible_texts(win) if CJK.search(t)] == []
    finally:
        win.shutdown()


def test_a_category_typed_in_chinese_is_stored_under_its_own_name(chinese):
    from fashiondesk.core.records import CATEGORY
    from fashiondesk.gui import kinds

    names = kinds.ShownNames(kinds.sources()[CATEGORY])
    assert names.display("outwear") == "外套" and names.stored("外套") == "outwear"
    assert names.display("dress") == "连衣裙"


def test_the_language_is_remembered(settings):
    assert i18n.chosen(settings) in i18n.LANGUAGES
    i18n.choose(settings, "zh_CN")
    assert i18n.chosen(settings) == "zh_CN"
    i18n.choose(settings, "system")
    assert settings.value(i18n.LANGUAGE_KEY) == "system"


def test_searching_by_the_chinese_names_finds_the_photos(chinese, catalogue, tmp_path):
    from fashiondesk.core.services.browse import GridFilter
    from fashiondesk.gui import kinds
    from tests.core.shop_rows import add_photos

    ids = add_photos(catalogue, tmp_path / "照片", ["连衣裙-1.jpg", "other.jpg"], category="dress", colour="navy")
    services.tag(catalogue, [str(tmp_path / "照片" / "other.jpg")], add=["新品"])
    assert kinds.stored_terms("藏青色 连衣裙") == "navy dress"

    def found(text):
        return {row.id for row in services.browse.grid_rows(catalogue, GridFilter(text=kinds.stored_terms(text)))}

    assert found("连衣裙") == set(ids.values()), "the category as shown, and the file name"
    assert found("新品") == {ids["other.jpg"]}, "a Chinese tag"
    assert found("连衣裙-1") == {ids["连衣裙-1.jpg"]}, "a Chinese file name"


def test_the_cores_refusals_are_shown_in_chinese_and_printed_in_english(chinese, catalogue, tmp_path):
    sheet = tmp_path / "bad.csv"
    sheet.write_text("path,price\n/nowhere/a.jpg,cheap\n", encoding="utf-8")
    with pytest.raises(services.UserError) as refused:
        services.import_sheet(catalogue, sheet)
    english = str(refused.value)
    assert "nothing was imported; 1 problem to fix first:" in english and "line 2: not in the catalogue" in english
    shown = i18n.shown(refused.value.args[0])
    assert "没有导入任何内容；需要先改正 1 个问题" in shown and "第 2 行：目录中没有：/nowhere/a.jpg" in shown
    with pytest.raises(services.UserError) as bad_tag:
        services.clean_tag("a;b")
    assert "标签里不能有 ';'" in i18n.shown(bad_tag.value.args[0])


def test_why_a_photo_could_not_be_read_is_shown_in_chinese_and_kept_in_english(
        chinese, qtbot, catalogue, settings, tmp_path, embedder):
    """The catalogue keeps the reason in English (the command line prints it); the window
    reads it back as the message it was and shows it in its language, parts and all."""
    folder = tmp_path / "shop"
    folder.mkdir()
    (folder / "empty.jpg").write_bytes(b"")
    (folder / "notes.jpg").write_bytes(b"just some text, not a photo")
    (folder / "folder.jpg").mkdir()
    os.mkfifo(folder / "pipe.jpg")
    services.add_folders(catalogue, [str(folder)])
    services.index(catalogue, embedder=embedder)
    english = dict((os.path.basename(p), r) for p, r in services.failures(catalogue))
    assert english["empty.jpg"] == "empty file (0 bytes)" and english["pipe.jpg"] == "not a regular file"
    win = MainWindow(catalogue, settings, tmp_path / "thumbs")
    qtbot.addWidget(win)
    shown = dict((os.path.basename(p), r) for p, r in win.failures.rows())
    assert shown["empty.jpg"] == "空文件（0 字节）" and shown["notes.jpg"].startswith("不是图片文件")
    assert shown["pipe.jpg"] == "不是普通文件"
    assert i18n.stored("not a regular file (a folder)") == "不是普通文件（是一个文件夹）"
    assert i18n.stored("file too large for a photo (3.2 GB; the limit is 500 MB)") == "文件太大，不像照片（3.2 GB；上限为 500 MB）"
    assert i18n.stored("a reason no message reads") == "a reason no message reads"
    win.close()
