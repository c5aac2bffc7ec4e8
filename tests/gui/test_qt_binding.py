"""The Qt binding must not lose references to None: PySide6 6.12.0 on Python 3.11 drops one
on every call that returns nothing, and the window aborts ("none_dealloc") after a few
minutes of scrolling. pyproject.toml keeps that release out; this test keeps it out."""

import sys

import pytest

pytest.importorskip("PySide6")

from PySide6.QtWidgets import QTreeWidget, QTreeWidgetItem  # noqa: E402


def test_qt_calls_keep_none_alive(qapp):
    tree = QTreeWidget()
    item = QTreeWidgetItem(tree, ["a"])
    before = sys.getrefcount(None)
    for _ in range(2000):
        item.setText(0, "x")
        item.setToolTip(0, "y")
    assert sys.getrefcount(None) - before > -100, "the Qt binding loses references to None"
