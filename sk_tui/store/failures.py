"""Storage failures a person can act on, said plainly in their language (issue 7, point 7).

A full disk, a read-only file or folder, a database another program holds: SQLite and the OS
report these as codes; ``translate`` turns them into a ``StorageError``, a ``DomainError`` the
CLI prints as one line and the app shows as a toast. The transaction that failed was rolled
back, so every message can say that nothing was changed::

    >>> import sqlite3
    >>> exc = sqlite3.OperationalError("database or disk is full"); exc.sqlite_errorname = "SQLITE_FULL"
    >>> translate(exc, "/data/workspace.db").message("en")
    'Disk full: could not write /data/workspace.db; nothing was changed. Free some disk space and try again.'
"""

from __future__ import annotations

import errno
import sqlite3
from pathlib import Path

from sk_tui.domain.errors import DomainError
from sk_tui.domain.i18n import text

_SQLITE_KINDS = {
    "SQLITE_FULL": "disk_full",
    "SQLITE_READONLY": "read_only",
    "SQLITE_CANTOPEN": "cannot_open",
    "SQLITE_PERM": "read_only",
    "SQLITE_BUSY": "busy",
    "SQLITE_LOCKED": "busy",
    "SQLITE_IOERR": "io_error",
}
_OS_KINDS = {
    errno.ENOSPC: "disk_full",
    errno.EDQUOT: "disk_full",
    errno.EROFS: "read_only",
    errno.EACCES: "read_only",
    errno.EPERM: "read_only",
}


class StorageError(DomainError):
    """The workspace (or a file beside it) could not be written; nothing was changed."""

    def __init__(self, kind: str, path: str | Path | None, detail: str = "") -> None:
        self.kind = kind
        self.detail = detail
        super().__init__(f"storage_{kind}", path=str(path) if path else "?", detail=detail)

    def message(self, lang: str = "id") -> str:
        # the words live in the one catalogue (domain/i18n.py, "storage.*")
        return text(f"storage.{self.kind}", lang, path=self.params.get("path", "?"))


def _sqlite_kind(exc: sqlite3.Error) -> str | None:
    name = getattr(exc, "sqlite_errorname", None) or ""
    for prefix, kind in _SQLITE_KINDS.items():
        if name == prefix or name.startswith(prefix + "_"):  # SQLITE_IOERR_WRITE, SQLITE_READONLY_DBMOVED ...
            return kind
    text = str(exc).lower()  # errors raised without a code (older sqlite3 modules)
    if "disk is full" in text:
        return "disk_full"
    if "readonly" in text or "read-only" in text:
        return "read_only"
    if "unable to open" in text:
        return "cannot_open"
    if "disk i/o error" in text:
        return "io_error"
    return None


def translate(exc: BaseException, path: str | Path | None = None) -> StorageError | None:
    """The StorageError ``exc`` means, or None when it is not a storage failure."""
    if isinstance(exc, StorageError):
        return exc
    if isinstance(exc, sqlite3.Error):
        kind = _sqlite_kind(exc)
        return StorageError(kind, path, str(exc)) if kind else None
    if isinstance(exc, OSError) and exc.errno in _OS_KINDS:
        return StorageError(_OS_KINDS[exc.errno], exc.filename or path, str(exc))
    return None
