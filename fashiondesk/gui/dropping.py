"""What a drop on the window means: folders are added, image files become a query."""

from __future__ import annotations

import os

from PySide6.QtCore import QUrl

from fashiondesk.core.services.browse import is_image_name


def split_drop(urls: list[QUrl]) -> tuple[list[str], list[str]]:
    folders, images = [], []
    for url in urls:
        if not url.isLocalFile():
            continue
        path = url.toLocalFile()
        if os.path.isdir(path):
            folders.append(path)
        elif os.path.isfile(path) and is_image_name(os.path.basename(path)):
            images.append(path)
    return folders, images
