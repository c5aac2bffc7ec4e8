"""The error every use case raises for something the user can fix."""


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
        return "the disk is full: free some space and run the command again (nothing already saved was lost)"
    if isinstance(cause, sqlite3.DatabaseError):
        if "malformed" in text or "not a database" in text or "corrupt" in text:
            return (
                f"{catalogue} is damaged ({text}). Bring back a backup: 'fashiondesk restore --list', then "
                f"'fashiondesk restore 1'. To see the damage: sqlite3 '{catalogue}' 'PRAGMA integrity_check'"
            )
        if "locked" in text or "busy" in text:
            return f"{catalogue} is busy (another fashiondesk is writing to it); try again in a moment"
        if "readonly" in text or "read-only" in text:
            return f"{catalogue} cannot be written (read-only file or folder); copy it to a folder you can write to"
        if "unable to open" in text:
            return f"cannot open {catalogue}: check that its folder exists and can be written to"
    if isinstance(exc, DBAPIError):
        return f"the catalogue database could not be used: {text}"
    if isinstance(cause, PermissionError):
        return f"permission denied: {cause.filename or text}"
    if isinstance(cause, OSError) and cause.strerror:
        return f"{cause.strerror}: {cause.filename}" if cause.filename else cause.strerror
    if isinstance(cause, MemoryError):
        return "not enough memory to finish; close other programs and run the command again"
    return None
