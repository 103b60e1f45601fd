"""Comparing a device's replica with the server's view for the same user (issue 8, point 1):
``assert_same_as_server(db_path, live, token, tmp_path)`` pulls a fresh workspace for that user
and compares every synced table row for row (local drafts, which the server never holds, aside)."""

from __future__ import annotations

import sqlite3
import uuid
from pathlib import Path

from sk_tui.store.replica import ENTITY_TABLES
from sk_tui.sync.client import sync_once

SYNCED_TABLES = (*sorted(set(ENTITY_TABLES.values())), "activities")


def replica_rows(db_path: Path) -> dict[str, set[tuple]]:
    """Every synced table's rows (drafts and their activities left out), as sets of tuples."""
    conn = sqlite3.connect(db_path)
    try:
        out = {}
        for table in SYNCED_TABLES:
            columns = [row[1] for row in conn.execute(f"PRAGMA table_info({table})")]
            where = ""
            if table == "reports":
                where = " WHERE status != 'draft'"
            elif table == "activities":
                where = " WHERE report_id IN (SELECT id FROM reports WHERE status != 'draft')"
            out[table] = {tuple(row) for row in conn.execute(f"SELECT {', '.join(columns)} FROM {table}{where}")}
        return out
    finally:
        conn.close()


def server_view(url: str, token: str, tmp_path: Path) -> dict[str, set[tuple]]:
    """The server's view for the token's user: a fresh workspace's rows after one sync."""
    fresh = tmp_path / f"fresh-{uuid.uuid4().hex[:8]}.db"
    result = sync_once(fresh, server_url=url, token=token)
    assert result.online and result.error is None, result
    return replica_rows(fresh)


def differences(mine: dict[str, set[tuple]], theirs: dict[str, set[tuple]]) -> dict[str, tuple[set, set]]:
    """table -> (rows only on the device, rows only on the server), for tables that differ."""
    return {t: (mine[t] - theirs[t], theirs[t] - mine[t]) for t in SYNCED_TABLES if mine[t] != theirs[t]}


def assert_same_as_server(db_path: Path, url: str, token: str, tmp_path: Path) -> None:
    diff = differences(replica_rows(db_path), server_view(url, token, tmp_path))
    assert not diff, f"device differs from the server: {diff}"
