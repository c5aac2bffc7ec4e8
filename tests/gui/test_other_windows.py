"""A second window on the same catalogue is told that another is open, and each window shows
the other's edits within a few seconds (issue 14, item 13).

The other window is a second ``OtherWindows`` (or a second ``open_catalogue`` on the same
file) in this process: to the lock file and to SQLite that looks as another process does.
"""

import os
import subprocess
import sys

import pytest
from PySide6.QtCore import QLockFile
from PySide6.QtWidgets import QStatusBar

from fashiondesk.core.services import add_custom_tag, browse, set_category
from fashiondesk.core.services.changes import window_lock
from fashiondesk.gui.editing import TagEdits
from fashiondesk.gui.other_windows import NOTICE, OtherWindows
from tests.synthetic import fill

FAST = 20  # ms between checks in these tests
HOLDER = """
import sys
from PySide6.QtCore import QLockFile
lock = QLockFile({path!r})
assert lock.tryLock(0)
print("held", flush=True)
sys.stdin.read()
"""


@pytest.fixture
def windows(qtbot):
    """Makes OtherWindows with their notice in a status bar, as the window has it; stops them all."""
    made = []

    def make(catalogue, busy=lambda: False, start=True):
        bar = QStatusBar()
        qtbot.addWidget(bar)
        others = OtherWindows(catalogue, busy, interval_ms=FAST)
        bar.addPermanentWidget(others.notice)
        bar.show()
        if start:
            others.start()
        made.append((others, bar))  # the bar owns the notice: kept as long as the test runs
        return others

    yield make
    for others, _bar in made:
        others.stop()


def test_the_second_window_is_told_the_first_is_not(windows, catalogue, other):
    first = windows(catalogue)
    second = windows(other)
    assert not first.others and not first.notice.isVisible()
    assert second.others and second.notice.isVisible()
    assert second.notice.text() == NOTICE
    assert "Edits from both windows are kept" in second.notice.toolTip()


def test_the_notice_goes_when_the_other_window_closes(qtbot, windows, catalogue, other):
    first = windows(catalogue)
    second = windows(other)
    first.stop()
    qtbot.waitUntil(lambda: not second.notice.isVisible(), timeout=2000)
    assert not second.others
    third = windows(catalogue)  # the second window now holds the lock in its turn
    assert third.others and third.notice.isVisible()


def test_stop_gives_the_lock_back(windows, catalogue):
    first = windows(catalogue)
    first.stop()
    first.stop()  # twice is harmless
    lock = QLockFile(str(window_lock(catalogue)))
    assert lock.tryLock(0)
    lock.unlock()


def test_a_lock_left_by_a_window_that_crashed_warns_no_more(windows, catalogue):
    path = str(window_lock(catalogue))
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER.format(path=path)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "held"
        assert windows(catalogue).others  # that window is open: said so
        holder.kill()  # crashes: its lock file stays behind
        holder.wait()
        assert os.path.exists(path)
        assert not windows(catalogue).others  # its process is gone: the lock is stale, taken over
    finally:
        holder.kill()
        holder.wait()
        holder.stdout.close()
        holder.stdin.close()


def test_a_window_open_for_hours_still_counts(windows, catalogue, other):
    first = windows(catalogue)
    path = window_lock(catalogue)
    st = path.stat()
    os.utime(path, (st.st_atime - 6 * 3600, st.st_mtime - 6 * 3600))
    assert windows(other).others
    assert first.notice.isHidden()


def test_a_change_made_elsewhere_is_told(qtbot, windows, catalogue, other):
    fill(catalogue, 2)
    watching = windows(catalogue)
    with qtbot.waitSignal(watching.changed_elsewhere, timeout=2000):
        set_category(other, 1, "coat")
    with qtbot.assertNotEmitted(watching.changed_elsewhere, wait=5 * FAST):
        pass  # nothing more changed: nothing more said


def test_a_change_while_busy_is_told_when_the_window_is_free_again(windows, catalogue, other):
    fill(catalogue, 2)
    busy = [True]
    told = []
    watching = windows(catalogue, busy=lambda: busy[0], start=False)
    watching.changed_elsewhere.connect(lambda: told.append(True))
    watching.start()
    watching._timer.stop()  # checked by hand below
    add_custom_tag(other, [1], "sale")
    watching.check()
    watching.check()
    assert told == []
    busy[0] = False
    watching.check()
    assert told == [True]
    watching.check()
    assert told == [True]


def test_the_window_shows_the_other_window_s_edits(qtbot, window, catalogue, other):
    """The wiring proposed for MainWindow: refresh the grid and the photo shown."""
    fill(catalogue, 5)
    window.refresh()
    qtbot.waitUntil(lambda: window.model.rowCount() == 5)
    window.grid.select_photo(3)
    qtbot.waitUntil(lambda: window.detail.photo is not None and window.detail.photo.id == 3)
    others = OtherWindows(window.catalogue, window.is_indexing, window, interval_ms=FAST)
    window.statusBar().addPermanentWidget(others.notice)
    others.changed_elsewhere.connect(lambda: (window.similar.mark_stale(), window.refresh(), window._show_current()))
    others.start()
    try:
        add_custom_tag(other, [3], "window display")
        qtbot.waitUntil(lambda: any(t.name == "window display" for t in window.detail.photo.tags), timeout=3000)
        set_category(other, 4, "brand new category")
        qtbot.waitUntil(lambda: window.sidebar.counts is not None and "brand new category" in str(window.sidebar.counts),
                        timeout=3000)
    finally:
        others.stop()


def test_undo_does_not_take_back_the_other_window_s_edit(catalogue, other):
    fill(catalogue, 1)
    edits = TagEdits(catalogue)
    edits.apply("add the tag sale", [1], add_custom_tag, [1], "sale")
    add_custom_tag(other, [1], "window display")  # the other window, meanwhile
    edits.undo()
    assert "window display" in {t.name for t in browse.photo_detail(catalogue, 1).tags}
