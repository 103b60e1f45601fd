"""The error log: tracebacks of unexpected errors, kept for a bug report.

Both interfaces write here (the command line on an internal error, the app when its background
sync fails unexpectedly), so it lives below both of them::

    try:
        ...
    except Exception:
        log, failure = write_error_log()  # failure: why the log could not be written, or None
"""

from __future__ import annotations

import os
import traceback
from pathlib import Path

from sk_tui import clock, paths


def write_error_log() -> tuple[Path, str | None]:
    """Append the exception being handled, with its traceback, to errors.log (0600, folder 0700).

    Returns the log's path and None, or the reason it could not be written.
    """
    path = paths.log_dir() / "errors.log"
    try:
        paths.private_dir(path.parent)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, paths.PRIVATE_FILE)
        with os.fdopen(fd, "a", encoding="utf-8") as log:
            # no arguments: they may hold a token
            log.write(f"--- {clock.now().isoformat()}\n")
            log.write(traceback.format_exc())
    except OSError as exc:
        return path, exc.strerror or type(exc).__name__
    return path, None
