"""Noticing a restored server database (issue 8, point 4): a high-water mark kept OUTSIDE it.

The epoch lives inside the database, so a restored copy carries its old epoch, and clients
whose cursors passed its last change would pull nothing and never re-send what it lost. The
server therefore keeps, outside the database, the highest change number and the epoch it has
seen: next to a SQLite file (``server.db.highwater.json``), or for PostgreSQL in the data folder
(``server-highwater.json``, keyed by the database URL without its password). At start
(``check_at_start``), a database whose epoch differs from the mark's, or whose last change is
below the mark, was restored by other means (a copied file, a dump): a new epoch is minted.
``sk-tui server restore`` mints one itself (``mint``). Clients see the new epoch in /me, before
they push, then pull from 0 and re-send every op they kept (their dedup-absorbed repeats).

    >>> check_at_start(db)       # doctest: +SKIP
    'c1f0...'                    # a new epoch: this database was restored
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import threading
import uuid
from pathlib import Path
from typing import Any

from sk_tui.server import storage as st


def mark_file(db: st.ServerDB) -> tuple[Path, str] | None:
    """Where the mark of ``db`` lives, and its key in that file (None: an in-memory database)."""
    url = db.engine.url
    if db.is_sqlite:
        if not url.database or url.database == ":memory:":
            return None
        path = Path(url.database).expanduser().resolve()
        return path.with_name(path.name + ".highwater.json"), "sqlite"
    from sk_tui import paths

    key = hashlib.sha256(url.render_as_string(hide_password=True).encode()).hexdigest()[:32]
    return paths.data_dir() / "server-highwater.json", key


def read_mark(db: st.ServerDB) -> dict[str, Any] | None:
    where = mark_file(db)
    if where is None:
        return None
    try:
        marks = json.loads(where[0].read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    mark = marks.get(where[1]) if isinstance(marks, dict) else None
    return mark if isinstance(mark, dict) else None


_lock = threading.Lock()


def write_mark(db: st.ServerDB, epoch: str, max_seq: int, *, lower: bool = False) -> None:
    """Record the epoch and highest change number seen; the number never goes down unless
    ``lower`` (a restore this server made itself, with a new epoch)."""
    where = mark_file(db)
    if where is None:
        return
    file, key = where
    with _lock:
        try:
            marks = json.loads(file.read_text(encoding="utf-8"))
            marks = marks if isinstance(marks, dict) else {}
        except (OSError, ValueError):
            marks = {}
        old: dict[str, Any] = marks.get(key) or {}
        old = old if isinstance(old, dict) else {}
        if not lower and old.get("epoch") == epoch and int(old.get("max_seq") or 0) >= max_seq:
            return
        marks[key] = {"epoch": epoch, "max_seq": max_seq}
        file.parent.mkdir(parents=True, exist_ok=True)
        tmp = file.with_name(f"{file.name}.{os.getpid()}.{threading.get_ident()}.tmp")
        tmp.write_text(json.dumps(marks), encoding="utf-8")
        with contextlib.suppress(OSError):
            os.chmod(tmp, 0o600)
        os.replace(tmp, file)


def mint(db: st.ServerDB, replacing: str | None = None) -> str:
    """Give the database a new epoch (after a restore) and reset the mark to what it holds.

    ``replacing``: mint only while the epoch is still this one (two workers starting at once
    mint one epoch between them); returns the epoch the database holds afterwards."""
    epoch = str(uuid.uuid4())
    key = st.meta_table.c.key == "server_epoch"
    with db.writing() as conn:
        where = key if replacing is None else key & (st.meta_table.c.value == replacing)
        if not conn.execute(st.meta_table.update().where(where).values(value=epoch)).rowcount:
            epoch = conn.execute(st.meta_table.select().with_only_columns(st.meta_table.c.value).where(key)).scalar_one()
        seq = db.last_seq(conn)
    db._epoch = None
    write_mark(db, epoch, seq, lower=True)
    return epoch


def check_at_start(db: st.ServerDB) -> str | None:
    """Compare the database with the mark kept outside it; a restored one gets a new epoch
    (returned). Then the mark is brought up to date."""
    mark = read_mark(db)
    with db.reading() as conn:
        seq = db.last_seq(conn)
    epoch = db.epoch()
    if mark is not None and (mark.get("epoch") != epoch or seq < int(mark.get("max_seq") or 0)):
        return mint(db, replacing=epoch)
    write_mark(db, epoch, seq)
    return None


class HighWater:
    """The mark kept current while the server runs: ``seen(results)`` after each push."""

    def __init__(self, db: st.ServerDB) -> None:
        self.db = db
        with db.reading() as conn:
            self.max_seq = db.last_seq(conn)

    def seen(self, results: list[dict[str, Any]]) -> None:
        top = max((r.get("server_seq") or 0 for r in results if r.get("status") == "applied"), default=0)
        if top > self.max_seq:
            self.max_seq = top
            write_mark(self.db, self.db.epoch(), top)
