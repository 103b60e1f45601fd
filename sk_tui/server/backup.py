"""`sk-tui server backup FILE` and `sk-tui server restore FILE` (issue 8, point 4).

SQLite: SQLite's online backup API (a consistent copy while the server runs). PostgreSQL:
``pg_dump --format=custom`` / ``pg_restore --clean`` when they are on PATH; otherwise a clear
refusal. A restore always mints a new server epoch (sk_tui/server/epoch.py), so every client
pulls from 0 and re-sends what it kept before it pushes anything new. Stop the server before
restoring: a running one keeps answering with the epoch it read at start.

    >>> backup("sqlite:///server.db", Path("server-2026-11-27.db"))    # doctest: +SKIP
    >>> restore("sqlite:///server.db", Path("server-2026-11-27.db"))   # doctest: +SKIP
    'c1f0...'                                                           # the new epoch
"""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
import urllib.parse
from pathlib import Path

from sk_tui.server import epoch
from sk_tui.server import storage as st


class BackupError(Exception):
    """A backup or restore that cannot be done; ``args`` = (Indonesian, English)."""


def _sqlite_path(url: str) -> Path | None:
    if not url.startswith("sqlite"):
        return None
    path = url.split("///", 1)[1].split("?", 1)[0] if "///" in url else ""
    if not path or path == ":memory:":
        raise BackupError("Basis data di memori tidak dapat dicadangkan.", "An in-memory database cannot be backed up.")
    return Path(path)


def _libpq(url: str) -> tuple[str, str | None]:
    """A SQLAlchemy PostgreSQL URL as a libpq one, and the schema its search_path names."""
    plain = "postgresql://" + url.split("://", 1)[1]
    query = urllib.parse.parse_qs(urllib.parse.urlsplit(plain).query)
    schema = None
    for option in query.get("options", []):
        for part in option.split():
            if part.startswith("-csearch_path="):
                schema = part.split("=", 1)[1].split(",")[0]
    return plain, schema


def _tool(name: str) -> str:
    found = shutil.which(name)
    if found is None:
        raise BackupError(f"{name} tidak ditemukan di PATH; pasang klien PostgreSQL untuk mencadangkan/memulihkan.",
                          f"{name} is not on PATH; install the PostgreSQL client tools to back up or restore.")
    return found


def _run(cmd: list[str]) -> None:
    done = subprocess.run(cmd, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        why = (done.stderr or done.stdout).strip().splitlines()[-1:] or [f"exit {done.returncode}"]
        raise BackupError(f"{Path(cmd[0]).name} gagal: {why[0]}", f"{Path(cmd[0]).name} failed: {why[0]}")


def backup(db_url: str | None, file: Path) -> None:
    """Write a consistent copy of the server database to ``file``."""
    url = st.normalise_url(db_url)
    path = _sqlite_path(url)
    file = Path(file)
    if path is not None:
        if not path.exists():
            raise BackupError(f"Basis data {path} tidak ada.", f"Database {path} does not exist.")
        source, target = sqlite3.connect(path), sqlite3.connect(file)
        try:
            source.backup(target)
        finally:
            target.close()
            source.close()
        return
    conninfo, schema = _libpq(url)
    cmd = [_tool("pg_dump"), "--format=custom", "--no-owner", f"--file={file}", f"--dbname={conninfo}"]
    if schema:
        cmd.append(f"--schema={schema}")
    _run(cmd)


def restore(db_url: str | None, file: Path) -> str:
    """Replace the server database with the copy in ``file``; returns the new epoch."""
    url = st.normalise_url(db_url)
    path = _sqlite_path(url)
    file = Path(file)
    if not file.exists():
        raise BackupError(f"Berkas cadangan {file} tidak ada.", f"Backup file {file} does not exist.")
    if path is not None:
        source = sqlite3.connect(f"file:{file}?mode=ro", uri=True)
        try:
            try:
                epoch_row = source.execute("SELECT value FROM meta WHERE key = 'server_epoch'").fetchone()
            except sqlite3.DatabaseError:
                epoch_row = None
            if epoch_row is None:
                raise BackupError(f"{file} bukan cadangan basis data server sk-tui.",
                                  f"{file} is not a backup of an sk-tui server database.")
            target = sqlite3.connect(path)
            try:
                source.backup(target)
            finally:
                target.close()
        finally:
            source.close()
    else:
        conninfo, schema = _libpq(url)
        cmd = [_tool("pg_restore"), "--clean", "--if-exists", "--no-owner", f"--dbname={conninfo}"]
        if schema:
            cmd.append(f"--schema={schema}")
        _run([*cmd, str(file)])
    db = st.ServerDB.open(db_url)
    try:
        return epoch.mint(db)
    finally:
        db.close()
