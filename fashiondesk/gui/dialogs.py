"""Small dialogs shared by the catalogue's risky steps: confirm, choose a folder, please wait.

Every step that changes the catalogue (relocate or remove a folder, restore a backup) goes
through an explicit choice here first. Tests replace ``confirm`` and ``choose_folder``
(looked up on this module at call time) so that nothing blocks.
"""

from __future__ import annotations

import os

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget

from fashiondesk.gui import file_dialogs


def confirm_box(parent: QWidget | None, title: str, text: str, details: str, action: str) -> QMessageBox:
    """A question with a button that names the action, and Cancel as the default."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(title)
    box.setText(text)
    box.setInformativeText(details)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.addButton(action, QMessageBox.ButtonRole.AcceptRole)
    cancel = box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(cancel)
    box.setEscapeButton(cancel)
    return box


def confirm(parent: QWidget | None, title: str, text: str, details: str, action: str) -> bool:
    box = confirm_box(parent, title, text, details, action)
    box.exec()
    return box.buttonRole(box.clickedButton()) == QMessageBox.ButtonRole.AcceptRole


def nearest_existing(path: str) -> str:
    """The path, or the closest folder above it that is there (an unplugged drive's mount
    point may be gone too)."""
    path = os.path.abspath(path)
    while not os.path.isdir(path):
        parent = os.path.dirname(path)
        if parent == path:
            return os.path.expanduser("~")
        path = parent
    return path


def choose_folder(parent: QWidget | None, caption: str, start: str) -> str:
    """A folder chooser; "" when cancelled."""
    return file_dialogs.folder(parent, caption, start)


class BusyDialog(QProgressDialog):
    """Keeps hands off the window while a step changes the catalogue behind it; the
    event loop keeps running, so the window still paints."""

    def __init__(self, parent: QWidget, text: str):
        super().__init__(text, "", 0, 0, parent)
        self.setWindowTitle("fashiondesk")
        self.setCancelButton(None)
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setMinimumDuration(0)
        self.setAutoClose(False)
        self.setAutoReset(False)
        self.setMinimumWidth(380)

    def keyPressEvent(self, event) -> None:
        if event.key() != Qt.Key.Key_Escape:  # nothing to cancel: the step is all or nothing
            super().keyPressEvent(event)

    def closeEvent(self, event) -> None:
        if self.isVisible() and not getattr(self, "_finishing", False):
            event.ignore()
            return
        super().closeEvent(event)

    def finish(self) -> None:
        self._finishing = True
        self.close()
        self.deleteLater()


def run_busy(parent: QWidget, tasks, text: str, fn, *args, done, error) -> None:
    """Run a step that changes the catalogue on a task thread, with the window held still
    until it has finished; ``done(result)`` or ``error(message)`` follow on the GUI thread."""
    busy = BusyDialog(parent, text)
    busy.show()

    def finished(result) -> None:
        busy.finish()
        done(result)

    def failed(message: str) -> None:
        busy.finish()
        error(message)

    tasks.run(fn, *args, done=finished, error=failed)
