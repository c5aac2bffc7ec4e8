"""Similar-items searches for the window: the detail panel's strip and "show all in grid".

Searches run one at a time on their own job queue, over an index and a model that
``services.SimilarSearch`` keeps loaded between them; it never writes the index, so the
indexing run stays its only writer. A newer search for the same place supersedes an
older one that has not answered yet.
"""

from __future__ import annotations

import os

from PySide6.QtCore import QObject, Signal

from fashiondesk.core import services
from fashiondesk.gui.i18n import translate
from fashiondesk.gui.jobs import Jobs

STRIP = 12  # photos in the detail panel's strip
GRID = 60  # photos shown in the grid by "show all in grid" or a dropped photo
OUTFIT = 4  # pieces per role in the detail panel's Goes with (as many as its width shows)


class SimilarItems(QObject):
    strip_ready = Signal(object)  # (list[Hit], Closeness): for the detail panel
    strip_failed = Signal(str)
    grid_ready = Signal(object, str)  # list[Hit], the grid's title ("Like photo.jpg")
    failed = Signal(str)  # a grid search failed
    outfit_ready = Signal(int, object)  # photo id, its suggestions (services.outfit)
    outfit_failed = Signal(int, str)  # photo id, why there are none

    def __init__(self, catalogue: services.Catalogue, parent=None):
        super().__init__(parent)
        self._search = services.SimilarSearch(catalogue)
        self._jobs = Jobs("similar items", threads=1, parent=self)

    def for_strip(self, path: str, colour: str | None = None) -> None:
        """Photos like ``path`` for the detail panel, with what their scores mean here;
        ``colour``: those of that colour first."""
        self._jobs.run(self._strip, path, colour, key="strip", done=self.strip_ready.emit, error=self.strip_failed.emit)

    def _strip(self, path: str, colour: str | None) -> tuple[list, services.Closeness]:
        return self._search.search([path], STRIP, prefer_colour=colour, products=True), self._search.closeness()

    def for_outfit(self, photo_id: int, path: str) -> None:
        """Pieces that complete the look of the photo, for the detail panel's Goes with."""
        self._jobs.run(self._search.outfit, path, OUTFIT, photo_id, key="outfit",
                       done=lambda pieces: self.outfit_ready.emit(photo_id, pieces),
                       error=lambda message: self.outfit_failed.emit(photo_id, message))

    def for_grid(self, path: str) -> None:
        """Photos like ``path`` (catalogued or not) for the grid, best first."""
        title = translate("Similar", "Like {name}").format(name=os.path.basename(path))
        self._jobs.run(self._search.search, [path], GRID, key="grid",
                       done=lambda hits: self.grid_ready.emit(hits, title), error=self.failed.emit)

    def mark_stale(self) -> None:
        """The catalogue changed (indexing, a moved or removed folder, a restore): the next
        search opens the index again. Queued behind the searches asked for before."""
        self._jobs.run(self._search.mark_stale)

    def tags_changed(self) -> None:
        """Categories may have changed: the next Goes with reads them again."""
        self._jobs.run(self._search.forget_categories)

    def forget(self) -> None:
        """Drop the answers still to come (a restore: the photo ids they name may be gone)."""
        self._jobs.discard("strip")
        self._jobs.discard("grid")
        self._jobs.discard("outfit")
        self.mark_stale()

    def stop(self) -> None:
        self._jobs.stop()
