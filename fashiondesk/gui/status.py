"""Status bar parts: indexing progress with Cancel, and the panel of unreadable photos."""

from __future__ import annotations

import os

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDockWidget,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from fashiondesk.core.progress import Progress
from fashiondesk.gui.i18n import stored, translate


def duration(seconds: float | None) -> str:
    if seconds is None:
        return translate("Status", "estimating…")
    seconds = int(round(seconds))
    if seconds < 60:
        return f"{seconds} s"
    if seconds < 3600:
        return f"{seconds // 60} min {seconds % 60:02d} s"
    return f"{seconds // 3600} h {seconds % 3600 // 60:02d} min"


def progress_text(progress: Progress) -> str:
    text = translate("Status", "Indexing {done} of {total} photos").format(done=f"{progress.done:,}",
                                                                          total=f"{progress.total:,}")
    if progress.done:
        text += translate("Status", " · {rate} photos/s · {left} left").format(rate=f"{progress.rate:.0f}",
                                                                              left=duration(progress.eta))
    if progress.failed:
        text += translate("Status", " · {n} unreadable").format(n=progress.failed)
    return text


class IndexStatus(QWidget):
    """Shown in the status bar while indexing runs."""

    cancel_requested = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.label = QLabel()
        self.bar = QProgressBar()
        self.bar.setMaximumWidth(220)
        self.bar.setTextVisible(False)
        self.cancel = QPushButton(translate("Status", "Cancel"))
        self.cancel.setToolTip(translate("Status", "Stop indexing; everything indexed so far is kept"))
        self.cancel.clicked.connect(self._cancel)
        layout.addWidget(self.label)
        layout.addWidget(self.bar)
        layout.addWidget(self.cancel)
        self.setVisible(False)

    def start(self) -> None:
        self.label.setText(translate("Status", "Looking for new and changed photos…"))
        self.bar.setRange(0, 0)
        self.cancel.setEnabled(True)
        self.setVisible(True)

    def update_progress(self, progress: Progress) -> None:
        self.bar.setRange(0, max(1, progress.total))
        self.bar.setValue(progress.done)
        self.label.setText(progress_text(progress))

    def _cancel(self) -> None:
        self.cancel.setEnabled(False)
        self.label.setText(translate("Status", "Stopping… (everything indexed so far is kept)"))
        self.cancel_requested.emit()

    def stop(self) -> None:
        self.setVisible(False)


class FailuresPanel(QDockWidget):
    """Photos that could not be read, with the reason in plain words."""

    def __init__(self, parent=None):
        super().__init__(translate("Status", "Photos that could not be read"), parent)
        self.setObjectName("failures")
        self.table = QTableWidget(0, 2)
        self.table.setHorizontalHeaderLabels([translate("Status", "File"), translate("Status", "Reason")])
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(False)
        self.setWidget(self.table)

    def set_failures(self, failures: list[tuple[str, str]]) -> None:
        self.table.setRowCount(len(failures))
        for row, (path, reason) in enumerate(failures):
            name = QTableWidgetItem(os.path.basename(path))
            name.setToolTip(path)
            why = QTableWidgetItem(stored(reason) if reason else translate("Status", "unknown reason"))
            why.setToolTip(stored(reason) if reason else "")
            self.table.setItem(row, 0, name)
            self.table.setItem(row, 1, why)
        self.table.resizeColumnToContents(0)

    def rows(self) -> list[tuple[str, str]]:
        return [
            (self.table.item(r, 0).toolTip(), self.table.item(r, 1).text()) for r in range(self.table.rowCount())
        ]


def failures_button_text(count: int) -> str:
    if count == 1:
        return translate("Status", "1 photo could not be read")
    return translate("Status", "{n} photos could not be read").format(n=count)


def make_failures_button(parent=None) -> QPushButton:
    button = QPushButton(parent)
    button.setFlat(True)
    button.setCursor(Qt.CursorShape.PointingHandCursor)
    button.setVisible(False)
    return button
