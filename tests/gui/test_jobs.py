"""The window's one way to run background work (gui/jobs.py, issue 12 item 5)."""

import threading
import time

import pytest
from PySide6.QtCore import QObject

from fashiondesk.core import logs, services
from fashiondesk.gui.jobs import Jobs, jobs_of, log_hint, run_job


@pytest.fixture
def jobs(qapp):
    pool = Jobs("test jobs", threads=1)
    yield pool
    pool.stop()


@pytest.fixture
def log_file():
    """The log set up as the window's start does (in the test's own home); removed after."""
    path = logs.setup()
    assert path is not None
    return path


def test_the_work_runs_off_the_gui_thread_and_the_answer_comes_back_on_it(qtbot, jobs):
    seen = {}

    def work(a, b):
        seen["work"] = threading.get_ident()
        return a + b

    with qtbot.waitCallback() as done:
        jobs.run(work, 2, 3, done=lambda result: (seen.__setitem__("done", threading.get_ident()), done(result)))
    done.assert_called_with(5)
    assert seen["work"] != threading.main_thread().ident
    assert seen["done"] == threading.main_thread().ident


def test_an_error_is_logged_with_its_traceback_and_told_in_one_line(qtbot, jobs, log_file):
    def broken():
        raise ValueError("the widget fell over")

    with qtbot.waitCallback() as error:
        jobs.run(broken, done=lambda _r: pytest.fail("done after an error"), error=error)
    message = error.args[0]
    assert message.startswith("the widget fell over (details in ")
    assert message == "the widget fell over" + log_hint()
    assert log_hint() == " (details in ~/.local/state/fashiondesk/log/fashiondesk.log)"
    text = log_file.read_text(encoding="utf-8")
    assert "ERROR" in text and "Traceback (most recent call last)" in text and "the widget fell over" in text
    assert "in broken" in text  # the frame that raised


def test_something_staff_can_fix_is_a_warning_in_the_log(qtbot, jobs, log_file):
    def refuse():
        raise services.UserError("cannot write /full/disk.csv: disk full")

    with qtbot.waitCallback() as error:
        jobs.run(refuse, error=error)
    assert error.args[0] == "cannot write /full/disk.csv: disk full" + log_hint()
    text = log_file.read_text(encoding="utf-8")
    assert "WARNING" in text and "refused: cannot write /full/disk.csv" in text and "Traceback" in text


def test_without_an_error_callback_the_failed_signal_says_it(qtbot, jobs):
    with qtbot.waitSignal(jobs.failed) as failed:
        jobs.run(lambda: 1 / 0)
    assert failed.args[0].startswith("division by zero")


def test_cancelling_reaches_the_work_and_its_result_still_arrives(qtbot, jobs):
    started = threading.Event()

    def long_work(cancel):
        started.set()
        while not cancel.cancelled:
            time.sleep(0.01)
        return "stopped early"

    with qtbot.waitCallback() as done:
        job = jobs.run(long_work, done=done)
        assert started.wait(5)
        job.cancel()
    done.assert_called_with("stopped early")


def test_a_newer_request_supersedes_an_older_one(qtbot, jobs):
    gate = threading.Event()
    ran, shown = [], []

    def query(name):
        ran.append(name)
        if name == "first":
            gate.wait(5)
        return name

    jobs.run(query, "first", key="rows", done=shown.append)  # running when superseded
    qtbot.waitUntil(lambda: ran == ["first"])
    jobs.run(query, "second", key="rows", done=shown.append)  # waiting when superseded: never runs
    with qtbot.waitCallback() as last:
        jobs.run(query, "third", key="rows", done=lambda r: (shown.append(r), last(r)))
        gate.set()
    assert ran == ["first", "third"]
    assert shown == ["third"]


def test_progress_arrives_on_the_gui_thread_in_order(qtbot, jobs):
    reports = []

    def counting(progress):
        for i in range(5):
            progress(i)
        return "counted"

    with qtbot.waitCallback() as done:
        jobs.run(counting, progress=lambda i: reports.append((i, threading.get_ident())), done=done)
    assert [i for i, _t in reports] == [0, 1, 2, 3, 4]
    assert {t for _i, t in reports} == {threading.main_thread().ident}


def test_stop_waits_discards_and_starts_nothing_after(qtbot, qapp, jobs):
    started, finished, called = threading.Event(), threading.Event(), []

    def slow():
        started.set()
        time.sleep(0.3)
        finished.set()

    jobs.run(slow, done=called.append)
    assert started.wait(5)
    jobs.run(slow, done=called.append)  # waiting: dropped
    assert jobs.stop(5000)
    assert finished.is_set()  # the running one was waited for
    late = jobs.run(lambda: called.append("ran"))
    assert late.discarded
    qapp.processEvents()
    assert called == []


def test_one_off_tasks_have_one_pool_per_owner(qtbot):
    owner = QObject()
    assert jobs_of(owner) is jobs_of(owner)
    with qtbot.waitCallback() as done:
        run_job(owner, sum, [1, 2, 3], done=done)
    done.assert_called_with(6)
    jobs_of(owner).stop()
