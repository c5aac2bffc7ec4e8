"""File → Restore from backup…, and the day's backup taken when the window opens.

Listing the backups opens each one (to count its photos and tags) and restoring copies the
whole catalogue, so both run on task threads. A restore happens only after the staff chose
a backup and confirmed; the window then drops everything it holds (photo ids may all
differ) and asks the catalogue again.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QDateTime, QLocale, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from fashiondesk.core import services
from fashiondesk.gui import dialogs
from fashiondesk.gui.i18n import translate
from fashiondesk.gui.jobs import Jobs

REASONS = {
    "daily": QT_TRANSLATE_NOOP("Backups", "daily"),
    "before-restore": QT_TRANSLATE_NOOP("Backups", "before restoring"),
    "before-remove-folder": QT_TRANSLATE_NOOP("Backups", "before removing a folder"),
}
EMPTY = QT_TRANSLATE_NOOP("Backups", "No backups yet: one is taken each day the catalogue changes.")
WHILE_INDEXING = QT_TRANSLATE_NOOP(
    "Backups", "The catalogue is being indexed; restore a backup when the run has finished (or cancel it).")
BackupRole = Qt.ItemDataRole.UserRole + 1


def reason_text(reason: str) -> str:
    """The reason in words; one this version does not know is shown as its file name says it."""
    known = REASONS.get(reason)
    return translate("Backups", known) if known is not None else reason.replace("-", " ")


def _qt(taken: datetime) -> QDateTime:
    return QDateTime(taken.date(), taken.time())


def when_short(taken: datetime | None) -> str:
    return QLocale().toString(_qt(taken), QLocale.FormatType.ShortFormat) if taken else translate("Backups", "unknown")


def when_long(taken: datetime | None) -> str:
    if taken is None:
        return translate("Backups", "an unknown date")
    locale = QLocale()
    day = locale.toString(taken.date(), QLocale.FormatType.LongFormat)
    return translate("Backups", "{day} at {time}").format(
        day=day, time=locale.toString(taken.time(), QLocale.FormatType.ShortFormat))


def _count(n: int | None) -> str:
    return f"{n:,}" if n is not None else "—"


class BackupsDialog(QDialog):
    """The backups, newest first; Restore… takes the chosen one."""

    def __init__(self, backups: list, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(translate("Backups", "Restore from backup"))
        layout = QVBoxLayout(self)
        self.intro = QLabel(
            translate("Backups", "Choose how the catalogue should be again. The current state is backed up first, "
                                 "so a restore can itself be undone.") if backups else translate("Backups", EMPTY)
        )
        self.intro.setWordWrap(True)
        layout.addWidget(self.intro)
        self.list = QTreeWidget()
        self.list.setHeaderLabels([translate("Backups", "Taken"), translate("Backups", "Why"),
                                   translate("Backups", "Photos"), translate("Backups", "Tags")])
        self.list.setRootIsDecorated(False)
        self.list.setUniformRowHeights(True)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.list.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for backup in backups:
            item = QTreeWidgetItem([when_short(backup.taken), reason_text(backup.reason),
                                    _count(backup.photos), _count(backup.tags)])
            item.setData(0, BackupRole, backup)
            for column in (2, 3):
                item.setTextAlignment(column, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            for column in range(4):
                item.setToolTip(column, str(backup.path))
            if backup.photos is None:  # the restore would refuse it: say so here
                item.setFlags(Qt.ItemFlag.NoItemFlags)
                item.setToolTip(0, f"{backup.path}\n" + translate("Backups", "This backup cannot be read."))
            self.list.addTopLevelItem(item)
        for column in (0, 2, 3):  # room to spare: a contents-sized column clipped its last digit
            self.list.resizeColumnToContents(column)
            self.list.setColumnWidth(column, self.list.columnWidth(column) + 16)
        self.list.setVisible(bool(backups))
        layout.addWidget(self.list)
        self.buttons = QDialogButtonBox()
        self.restore_button = self.buttons.addButton(translate("Backups", "Restore…"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel if backups
                               else QDialogButtonBox.StandardButton.Close)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.list.itemSelectionChanged.connect(self._update)
        self.list.itemDoubleClicked.connect(lambda *_: self.restore_button.isEnabled() and self.accept())
        first = next((self.list.topLevelItem(i) for i in range(self.list.topLevelItemCount())
                      if self.list.topLevelItem(i).flags() & Qt.ItemFlag.ItemIsSelectable), None)
        if first is not None:
            self.list.setCurrentItem(first)
        self._update()
        self.resize(560, 340 if backups else 120)

    def _update(self) -> None:
        self.restore_button.setEnabled(self.chosen() is not None)
        self.restore_button.setVisible(self.list.topLevelItemCount() > 0)

    def chosen(self):
        items = self.list.selectedItems()
        return items[0].data(0, BackupRole) if items else None


def choose_backup(parent: QWidget | None, backups: list):
    """The backup to restore, or None when cancelled."""
    dialog = BackupsDialog(backups, parent)
    try:
        return dialog.chosen() if dialog.exec() == QDialog.DialogCode.Accepted else None
    finally:
        dialog.deleteLater()


def restore_question(backup) -> tuple[str, str]:
    counts = ""
    if backup.photos is not None:
        counts = (translate("Backups", " (1 photo, {tags} tags)") if backup.photos == 1
                  else translate("Backups", " ({photos} photos, {tags} tags)")).format(
            photos=f"{backup.photos:,}", tags=f"{backup.tags:,}")
    when = when_long(backup.taken)
    text = translate("Backups", "Go back to {when}?").format(when=when)
    details = translate(
        "Backups", "The catalogue will go back to how it was on {when}{counts}. "
                   "The current state is backed up first: to return to it, restore the backup taken "
                   "“before restoring”."
    ).format(when=when, counts=counts)
    return text, details


def restored_text(backup, safety: Path | None) -> str:
    """One status-bar line: the file name is enough to find the backup (it is listed as
    "before restoring" too), a whole path would run off the end."""
    text = translate("Backups", "Restored the catalogue as it was on {when}").format(when=when_short(backup.taken))
    if safety is not None:
        return text + translate("Backups", "; the state before was saved as {name}").format(name=safety.name)
    return text + translate("Backups", "; the state before could not be read, so it was kept aside in the backups "
                                       "folder")


class Restorer(QObject):
    restored = Signal(str)  # what the status bar says
    failed = Signal(str)

    def __init__(self, catalogue: services.Catalogue, tasks: Jobs, window: QWidget, is_indexing: Callable[[], bool]):
        super().__init__(window)
        self._catalogue = catalogue
        self._tasks = tasks
        self._window = window
        self._is_indexing = is_indexing

    def start(self) -> None:
        """List the backups (off the GUI thread), then let the staff choose one."""
        if self._is_indexing():
            self.failed.emit(translate("Backups", WHILE_INDEXING))
            return
        self._tasks.run(services.list_backups, self._catalogue, done=self._listed, error=self.failed.emit)

    def _listed(self, backups: list) -> None:
        chosen = choose_backup(self._window, backups)
        if chosen is None:
            return
        if self._is_indexing():  # a run may have started while the dialog was open
            self.failed.emit(translate("Backups", WHILE_INDEXING))
            return
        text, details = restore_question(chosen)
        if not dialogs.confirm(self._window, translate("Backups", "Restore from backup"), text, details,
                               translate("Backups", "Restore")):
            return
        dialogs.run_busy(self._window, self._tasks, translate("Backups", "Restoring the catalogue…"),
                         services.restore, self._catalogue, str(chosen.path),
                         done=lambda result: self._done(chosen, result), error=self.failed.emit)

    def _done(self, chosen, result) -> None:
        restored, safety = result
        self.restored.emit(restored_text(chosen if restored.taken is None else restored, safety))


class DailyBackup(QObject):
    """Today's backup if none yet: when the window opens, then every hour (a window left
    open for days still gets one each day). Off the GUI thread; a failure is a status-bar
    warning, never a dialog."""

    CHECK_MS = 3_600_000

    def __init__(self, catalogue: services.Catalogue, tasks: Jobs, warn: Callable[[str], None], parent=None):
        super().__init__(parent)
        self._catalogue = catalogue
        self._tasks = tasks
        self._warn = warn
        self._timer = QTimer(self, interval=self.CHECK_MS)
        self._timer.timeout.connect(self.check)

    def start(self) -> None:
        self.check()
        self._timer.start()

    def check(self) -> None:
        self._tasks.run(services.daily_backup, self._catalogue,
                        error=lambda message: self._warn(
                            translate("Backups", "No backup of the catalogue today: {message}").format(message=message)))
