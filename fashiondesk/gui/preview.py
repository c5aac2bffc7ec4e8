"""A large preview of one photo, in a window of its own beside the main one.

The photo is decoded off the GUI thread by the thumbnails' reader (JPEG draft mode, so a
12-megapixel photo decodes at a fraction of its size), at about 80% of the screen, and kept
in the thumbnail cache on disk so a second look is instant. Until it arrives, the
thumbnail already in memory stands in, at the same size. Esc closes; the arrow keys ask
for the photo before or after it in the grid (``step``).
"""

from __future__ import annotations

import os

from PySide6.QtCore import QT_TRANSLATE_NOOP, QSize, Qt, Signal
from PySide6.QtGui import QGuiApplication, QImage, QKeyEvent, QPixmap
from PySide6.QtWidgets import QDialog, QLabel, QVBoxLayout, QWidget

from fashiondesk.gui.i18n import translate
from fashiondesk.gui.jobs import Jobs
from fashiondesk.gui.thumbnails import GRID_EDGE, PREVIEW_EDGE, ThumbnailLoader, make_thumbnail

SCREEN_SHARE = 0.8  # of the screen's free area the preview may take
MAX_EDGE = 4096  # device pixels decoded, at most
UNREADABLE = QT_TRANSLATE_NOOP("Preview", "This photo cannot be shown: its file is missing or cannot be read.")


class PhotoPreview(QDialog):
    step = Signal(int)  # -1: the photo before in the grid, +1: the one after (arrow keys)

    def __init__(self, parent: QWidget, tasks: Jobs, thumbnails: ThumbnailLoader):
        super().__init__(parent)
        self.setModal(False)
        self.setSizeGripEnabled(False)
        self._tasks = tasks
        self._thumbnails = thumbnails
        self.photo_id: int | None = None
        self.path = ""
        self.image = QLabel(alignment=Qt.AlignmentFlag.AlignCenter)
        self.image.setAccessibleName("Photo preview")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.image)

    def show_photo(self, photo_id: int, path: str) -> None:
        """Show this photo: the thumbnail at once, the large picture when it is decoded."""
        self.photo_id, self.path = photo_id, path
        self.setWindowTitle(os.path.basename(path))
        placeholder = self._thumbnails.pixmap(path, PREVIEW_EDGE) or self._thumbnails.pixmap(path, GRID_EDGE)
        if placeholder is not None:
            self._set_pixmap(placeholder)
        else:
            self._set_text(translate("Preview", "Loading…"))
        edge = min(MAX_EDGE, round(max(self.fit().width(), self.fit().height()) * self._scale()))
        self._tasks.run(make_thumbnail, path, edge, self._thumbnails.cache_dir, key="preview",
                        done=lambda image: self._decoded(path, image),
                        error=lambda _message: self._decoded(path, QImage()))  # logged by the job
        self.show()
        self.raise_()
        self.activateWindow()

    def renamed(self, photo_id: int, path: str) -> None:
        if photo_id == self.photo_id:
            self.path = path
            self.setWindowTitle(os.path.basename(path))

    def fit(self) -> QSize:
        """The largest size (logical pixels) the picture is shown at."""
        screen = self.screen() or QGuiApplication.primaryScreen()
        free = screen.availableGeometry().size() if screen is not None else QSize(1280, 800)
        return QSize(round(free.width() * SCREEN_SHARE), round(free.height() * SCREEN_SHARE))

    def _scale(self) -> float:
        screen = self.screen() or QGuiApplication.primaryScreen()
        return screen.devicePixelRatio() if screen is not None else 1.0

    def _decoded(self, path: str, image: QImage) -> None:
        if path != self.path:  # another photo was asked for meanwhile
            return
        if image.isNull():
            self._set_text(translate("Preview", UNREADABLE))
        else:
            self._set_pixmap(QPixmap.fromImage(image))

    def _set_pixmap(self, pixmap: QPixmap) -> None:
        """Scaled to fit (up or down), its shape kept."""
        scale = self._scale()
        size = pixmap.size().scaled(self.fit(), Qt.AspectRatioMode.KeepAspectRatio)
        shown = pixmap.scaled(size * scale, Qt.AspectRatioMode.KeepAspectRatio,
                              Qt.TransformationMode.SmoothTransformation)
        shown.setDevicePixelRatio(scale)
        self.image.setPixmap(shown)
        self.image.setFixedSize(size)
        self.adjustSize()

    def _set_text(self, text: str) -> None:
        if self.image.pixmap().isNull():  # no picture shown yet: a modest window for the words
            self.image.setFixedSize(QSize(480, 320))
        self.image.setText(text)  # in place of the picture, at its size
        self.adjustSize()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Left, Qt.Key.Key_Up):
            self.step.emit(-1)
        elif event.key() in (Qt.Key.Key_Right, Qt.Key.Key_Down):
            self.step.emit(1)
        else:
            super().keyPressEvent(event)  # Esc closes
