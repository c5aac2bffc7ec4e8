"""Renaming a photo: its file on disk and its path in the catalogue, in one step.

The photo keeps its row, so it keeps its id, tags, rejections, embeddings and everything
else: only ``Photo.path`` changes. A rename leaves a file's size and modification time as
they were, and on most disks its inode too, so the next index run finds the file unchanged
and reads nothing again. Where a disk gives a renamed file a new inode (FAT drives, some
network shares), the run hashes it once, finds the same bytes and keeps the photo
(``identity``, rule 3). If the catalogue cannot be updated, the file gets its old name back.

The new name is a plain file name in the photo's own folder:

- no folder separators, nothing a Windows disk refuses (``<>:"/\\|?*``, control
  characters, names such as CON or NUL), not hidden (a leading dot: the folder scan skips
  hidden files, so the photo would drop out of the catalogue), at most 255 bytes;
- spaces and dots at the end are dropped, as Windows drops them;
- the photo keeps its file type: a name typed without the extension gets the photo's own
  (``red dress`` -> ``red dress.jpg``; so does ``red.dress`` -> ``red.dress.jpg``). Typing the
  same extension in other capitals is allowed (``.JPG``); another photo extension
  (``.png`` on a JPEG) is refused, as a rename does not convert the file;
- an existing file is never replaced, and a photo whose file is missing is not renamed.
"""

from __future__ import annotations

import logging
import os
import unicodedata
from typing import Any, cast

from sqlalchemy import CursorResult, select, update

from fashiondesk.core.catalogue.db import Catalogue
from fashiondesk.core.catalogue.models import MISSING, Photo
from fashiondesk.core.files import is_image_name
from fashiondesk.core.messages import translate

log = logging.getLogger("fashiondesk.catalogue")


class RenameError(ValueError):
    """A rename that cannot be made; the message says why, for staff."""


FORBIDDEN = '<>:"|?*'  # besides / and \, which get their own message
RESERVED = frozenset(
    {"CON", "PRN", "AUX", "NUL"} | {f"COM{i}" for i in range(1, 10)} | {f"LPT{i}" for i in range(1, 10)}
)
MAX_NAME_BYTES = 255


def new_file_name(typed: str, old_name: str) -> str:
    """The file name ``typed`` asks for, by the rules above, for a photo called ``old_name``."""
    name = unicodedata.normalize("NFC", typed).strip().rstrip(". ")
    if not name:
        raise RenameError(translate("Rename", "Type a new name for the photo."))
    if "/" in name or "\\" in name:
        raise RenameError(translate("Rename", "A name cannot contain / or \\. The photo is renamed in its own folder."))
    bad = sorted({c for c in name if c in FORBIDDEN})
    if bad:
        raise RenameError(translate("Rename", "A name cannot contain {chars} (Windows does not allow them in file "
                                              "names).").format(chars=" ".join(bad)))
    if any(unicodedata.category(c) in ("Cc", "Cs") for c in name):
        raise RenameError(translate("Rename", "A name cannot contain tabs, line breaks or other invisible characters."))
    if name.startswith("."):
        raise RenameError(translate("Rename", "A name cannot start with a dot: the file would be hidden and drop out of "
                                              "the catalogue."))
    old_extension = os.path.splitext(old_name)[1]
    extension = os.path.splitext(name)[1]
    if extension.lower() != old_extension.lower():
        if is_image_name(name):
            raise RenameError(translate(
                "Rename", "The photo stays a {old} file: end the name with {old}, or leave the ending out (renaming "
                "does not turn it into a {new} file).").format(old=old_extension, new=extension))
        name += old_extension
    if name.split(".")[0].rstrip(" ").upper() in RESERVED:
        raise RenameError(translate("Rename", "“{name}” is a name Windows keeps for itself; choose another "
                                              "name.").format(name=name.split(".")[0]))
    if len(name.encode("utf-8")) > MAX_NAME_BYTES:
        raise RenameError(translate("Rename", "That name is too long; choose a shorter one."))
    return name


def rename_photo(catalogue: Catalogue, photo_id: int, new_name: str) -> str:
    """Rename the photo's file to ``new_name`` in its folder and record the new path; returns
    it (the old path if the name is the same). Raises RenameError, nothing changed, if the
    name breaks a rule, a file of that name is there, or the photo's file is not."""
    if catalogue.read_only:
        raise RenameError(translate("Rename", "This catalogue is open read-only; photos cannot be renamed in it."))
    with catalogue.write_turn:
        with catalogue.sessions() as session:
            found = session.execute(select(Photo.path, Photo.status).where(Photo.id == photo_id)).first()
            if found is None:
                raise RenameError(translate("Rename", "That photo is no longer in the catalogue."))
            old, status = found
            old_name = os.path.basename(old)
            name = new_file_name(new_name, old_name)
            new = os.path.join(os.path.dirname(old), name)
            if new == old:
                return old
            if status == MISSING or not os.path.isfile(old):
                raise RenameError(translate(
                    "Rename", "The file {name} is no longer in its folder, so it cannot be renamed. Index the folder "
                    "again to find where it went.").format(name=old_name))
            if os.path.lexists(new) and not _same_file(old, new):  # a change of capitals only is fine
                raise RenameError(translate("Rename", "There is already a file called {name} in that folder; choose "
                                                  "another name.").format(name=name))
            taken = session.scalar(
                select(Photo.id).where(Photo.path == new, Photo.status != MISSING, Photo.id != photo_id).limit(1)
            )
            if taken is not None:  # its file went since the last index run
                raise RenameError(translate(
                    "Rename", "Another photo in the catalogue is still recorded as {name}. Index the folder again, then "
                    "rename the photo.").format(name=name))
        try:
            os.rename(old, new)
        except OSError as exc:
            raise RenameError(translate("Rename", "{name} could not be renamed: {why}.").format(
                name=old_name, why=exc.strerror or exc)) from exc
        try:
            _record(catalogue, photo_id, old, new)
        except BaseException:
            _put_back(old, new)
            raise
    log.info("renamed photo %s: %s -> %s", photo_id, old, new)
    return new


def _record(catalogue: Catalogue, photo_id: int, old: str, new: str) -> None:
    with catalogue.sessions() as session, session.begin():
        changed = cast("CursorResult[Any]", session.execute(
            update(Photo).where(Photo.id == photo_id, Photo.path == old).values(path=new)
        )).rowcount
        if changed != 1:  # an index run in another process moved it meanwhile
            raise RenameError(translate("Rename", "The photo changed in the catalogue meanwhile; nothing was renamed. "
                                                  "Try again."))


def _put_back(old: str, new: str) -> None:
    """The catalogue kept the old path: the file gets its old name back."""
    try:
        os.rename(new, old)
    except OSError as exc:
        log.error("could not rename %s back to %s after the catalogue refused the new name", new, old, exc_info=True)
        raise RenameError(
            f"The file is now called {os.path.basename(new)}, but the catalogue could not be updated and the old "
            "name could not be put back. Index the folder again: the photo is found under its new name, with its tags."
        ) from exc


def _same_file(a: str, b: str) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False
