"""The error every use case raises for something the user can fix."""

from fashiondesk.core.messages import translate


class UserError(Exception):
    """Something the user can fix; the message says what."""


def explain(exc: BaseException, catalogue: str = "the catalogue") -> str | None:
    """One line a shop assistant can act on, for the errors a catalogue and a disk give;
    None for anything else (a bug: the caller logs its traceback)."""
    import errno
    import sqlite3

    from sqlalchemy.exc import DBAPIError

    cause = exc.orig if isinstance(exc, DBAPIError) and exc.orig is not None else exc
    text = str(cause).splitlines()[0] if str(cause) else type(cause).__name__
    if isinstance(cause, OSError) and cause.errno == errno.ENOSPC or "database or disk is full" in text:
        return translate("Errors", "the disk is full: free some space and run the command again (nothing already saved "
                                   "was lost)")
    if isinstance(cause, sqlite3.DatabaseError):
        if "malformed" in text or "not a database" in text or "corrupt" in text:
            return translate("Errors", "{catalogue} is damaged ({why}). Bring back a backup: 'fashiondesk restore "
                                       "--list', then 'fashiondesk restore 1' (or File → Restore from backup… in the "
                                       "window). To see the damage: sqlite3 '{catalogue}' 'PRAGMA integrity_check'").format(catalogue=catalogue, why=text)
        if "locked" in text or "busy" in text:
            return translate("Errors", "{catalogue} is busy (another fashiondesk is writing to it); try again in a "
                                       "moment").format(catalogue=catalogue)
        if "readonly" in text or "read-only" in text:
            return translate("Errors", "{catalogue} cannot be written (read-only file or folder); copy it to a folder "
                                       "you can write to").format(catalogue=catalogue)
        if "unable to open" in text:
            return translate("Errors", "cannot open {catalogue}: check that its folder exists and can be written to").format(catalogue=catalogue)
    if isinstance(exc, DBAPIError):
        return translate("Errors", "the catalogue database could not be used: {why}").format(why=text)
    if isinstance(cause, PermissionError):
        return translate("Errors", "permission denied: {what}").format(what=cause.filename or text)
    if isinstance(cause, OSError) and cause.strerror:
        return f"{cause.strerror}: {cause.filename}" if cause.filename else cause.strerror
    if isinstance(cause, MemoryError):
        return translate("Errors", "not enough memory to finish; close other programs and run the command again")
    return None
