"""Renaming a photo from the window: its file and its path in the catalogue, in one step."""

from __future__ import annotations

from fashiondesk.core.messages import translate
from fashiondesk.core.catalogue import rename
from fashiondesk.core.catalogue.db import Catalogue
from fashiondesk.core.catalogue.rename import RenameError, new_file_name  # noqa: F401 - the naming rules
from fashiondesk.core.services.errors import UserError, explain
from fashiondesk.core.services.safety import nothing_else_running


def rename_photo(catalogue: Catalogue, photo_id: int, new_name: str) -> str:
    """Give the photo's file a new name in its folder; the photo keeps its tags and all the
    rest. Returns the new path. Refused (UserError, nothing changed) while an index run, a
    learn, a restore or a folder removal is under way, and when ``catalogue.rename``'s rules
    say no."""
    with nothing_else_running(catalogue, translate("Catalogue", "rename the photo")):
        try:
            return rename.rename_photo(catalogue, photo_id, new_name)
        except RenameError as exc:
            raise UserError(exc.args[0] if exc.args else str(exc)) from exc
        except Exception as exc:
            explained = explain(exc)
            if explained is None:  # a bug: its traceback is logged by the caller
                raise
            raise UserError(translate("Rename", "The photo was not renamed: {why}").format(why=explained)) from exc
