"""Applying pulled changes to the local store.

A page of changes and the new pull cursor commit in one local transaction, so a sync killed
between pages resumes exactly where it stopped. Each change is a full snapshot of a record;
only the last one per record in a page is written. A record with ops still queued locally is
left alone (the local copy is ahead; the server's answer to those ops arrives in a later pull).

    >>> apply_page(store, page["changes"], page["next_cursor"])   # doctest: +SKIP
    42
"""

from __future__ import annotations

import json
from typing import Any

from sk_tui.sync.protocol import ENTITY_TABLES

CURSOR_KEY = "sync_cursor"
EPOCH_KEY = "server_epoch"


def _columns(store, table: str) -> list[str]:  # noqa: ANN001
    cache = store.__dict__.setdefault("_sync_columns", {})
    if table not in cache:
        cache[table] = [row[1] for row in store.db.execute(f"PRAGMA table_info({table})").fetchall()]
    return cache[table]


# columns whose wire value is a list (stored as JSON text) or a boolean (stored as 0/1)
_CONVERTED = frozenset({"assignees", "excused"})


def local_row(data: dict[str, Any], columns: list[str], converted: list[int] | None = None) -> tuple:
    """A wire record as a local row: lists as JSON text, booleans as 0/1, unknown keys dropped.

    ``converted``: indexes of the columns that may need converting (default: found by name).
    """
    out = list(map(data.get, columns))
    if converted is None:
        converted = [i for i, column in enumerate(columns) if column in _CONVERTED]
    for index in converted:
        value = out[index]
        if isinstance(value, list | dict):
            out[index] = json.dumps(value) if value else ("[]" if isinstance(value, list) else "{}")
        elif isinstance(value, bool):
            out[index] = int(value)
    return tuple(out)


def _converted(store, table: str) -> list[int]:  # noqa: ANN001
    cache = store.__dict__.setdefault("_sync_converted", {})
    if table not in cache:
        cache[table] = [i for i, column in enumerate(_columns(store, table)) if column in _CONVERTED]
    return cache[table]


def locally_ahead(store) -> set[str]:  # noqa: ANN001
    """Ids of records with ops still queued: reports, tasks and reviewed reports."""
    ids: set[str] = set()
    for entity_id, entity, payload in store.db.execute(
        "SELECT entity_id, entity, payload FROM outbox WHERE state IN ('pending', 'inflight')"
    ).fetchall():
        ids.add(entity_id)
        if entity == "review":
            try:
                ids.add(json.loads(payload).get("report_id"))
            except (ValueError, AttributeError):
                pass
    return ids


def apply_page(store, changes: list[dict[str, Any]], next_cursor: int) -> int:  # noqa: ANN001
    """Write a page of changes and move the cursor, atomically; returns records written."""
    latest: dict[tuple[str, str], dict[str, Any]] = {}
    for change in changes:
        key = (change["entity"], change["entity_id"])
        latest.pop(key, None)
        latest[key] = change
    written = 0
    with store.transaction():
        skip = locally_ahead(store)
        by_table: dict[str, list[tuple]] = {}
        deletes: dict[str, list[tuple]] = {}
        report_ids: list[tuple] = []
        activities: list[tuple] = []
        act_columns = _columns(store, "activities")
        me = store.get_meta("me")
        for (entity, entity_id), change in latest.items():
            table = ENTITY_TABLES.get(entity)
            if table is None or entity_id in skip:
                continue
            data = change.get("data")
            if change.get("kind") == "delete" or data is None:
                deletes.setdefault(table, []).append((entity_id,))
                continue
            if entity == "report":
                clash = store.db.execute(
                    "SELECT id FROM reports WHERE employee_id = ? AND work_date = ? AND id != ?",
                    (data.get("employee_id"), data.get("work_date"), entity_id),
                ).fetchone()
                if clash is not None and data.get("employee_id") == me:
                    continue  # keep the local report of that day; the server's shows as a conflict
                if clash is not None:
                    store.db.execute("DELETE FROM reports WHERE id = ?", (clash[0],))
                report_ids.append((entity_id,))
                for act in data.get("activities") or []:
                    activities.append(local_row({**act, "report_id": entity_id}, act_columns, []))
            by_table.setdefault(table, []).append(local_row(data, _columns(store, table), _converted(store, table)))
            written += 1
        for table, keys in deletes.items():
            store.db.conn.executemany(f"DELETE FROM {table} WHERE id = ?", keys)
            written += len(keys)
        if report_ids:
            store.db.conn.executemany("DELETE FROM activities WHERE report_id = ?", report_ids)
        for table, rows in by_table.items():
            columns = _columns(store, table)
            sql = f"INSERT OR REPLACE INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})"
            store.db.conn.executemany(sql, rows)
        if activities:
            sql = (f"INSERT OR REPLACE INTO activities ({', '.join(act_columns)}) "
                   f"VALUES ({', '.join('?' * len(act_columns))})")
            store.db.conn.executemany(sql, activities)
        store.db.execute("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", (CURSOR_KEY, str(next_cursor)))
    return written


def reset_for_new_epoch(store, epoch: str | None) -> int:  # noqa: ANN001
    """The server was restored or replaced: pull everything again and re-push every kept op.

    Returns how many acked ops go back in the queue (the server's dedup absorbs repeats).
    """
    with store.transaction():
        cursor = store.db.execute("UPDATE outbox SET state = 'pending' WHERE state = 'acked'")
        store.db.execute("INSERT OR REPLACE INTO meta (key, value) VALUES (?, '0')", (CURSOR_KEY,))
        if epoch is not None:
            store.db.execute("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", (EPOCH_KEY, epoch))
        return cursor.rowcount
