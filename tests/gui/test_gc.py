"""Cyclic garbage collection runs on the GUI thread only (see app.GuiThreadCollector)."""

import gc
import threading
import weakref

from fashiondesk.gui.app import GuiThreadCollector, collect_on_gui_thread


class Node:
    def __init__(self):
        self.me = self  # a cycle: only the cyclic collector frees it


def test_the_window_collects_on_its_own_thread_only(qapp, qtbot):
    collector = collect_on_gui_thread(qapp)
    assert not gc.isenabled()  # no collection can start on a worker thread

    def allocate():  # a worker allocating far past every threshold collects nothing
        for _ in range(3 * gc.get_threshold()[0]):
            Node()

    garbage = Node()
    gone = weakref.ref(garbage)
    del garbage
    worker = threading.Thread(target=allocate)
    worker.start()
    worker.join()
    assert gone() is not None
    qtbot.waitUntil(lambda: gone() is None, timeout=5000)  # the GUI thread's timer collected it
    assert isinstance(collector, GuiThreadCollector)
