"""The queue of local changes waiting for the central endpoint (DESIGN.md section 4).

One row per op: ``op_id`` (UUID), ``entity`` / ``entity_id``, ``op``, ``base_version``,
``payload`` (JSON), ``state`` and delivery bookkeeping. Functions here take the caller's
connection so an op always commits in the same transaction as the domain write it records::

    with store.transaction():
        ...domain write...
        enqueue(store.db, entity="report", entity_id=rid, op="submit", base_version=0, payload={...})

Ops written by the store:

| entity   | op      | base_version                 | payload                                   |
|----------|---------|------------------------------|-------------------------------------------|
| report   | submit  | report version before submit | report fields + ``activities`` list       |
| review   | decide  | 0                            | review fields (report_id, report_version) |
| task     | create  | 0                            | all task fields                           |
| task     | update  | task version before the edit | the changed fields only                   |
| feedback | create  | 0                            | feedback fields                           |
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterable
from typing import Any

from sk_tui import clock
from sk_tui.store.schema import Database


class OpState:
    PENDING = "pending"
    INFLIGHT = "inflight"
    ACKED = "acked"
    REJECTED = "rejected"
    CONFLICT = "conflict"
    BLOCKED = "blocked"


QUEUED_STATES = (OpState.PENDING, OpState.INFLIGHT)
PROBLEM_STATES = (OpState.REJECTED, OpState.CONFLICT, OpState.BLOCKED)


def _now_iso() -> str:
    return clock.now().isoformat()


def enqueue(
    db: Database,
    *,
    entity: str,
    entity_id: str,
    op: str,
    base_version: int,
    payload: dict[str, Any],
    op_id: str | None = None,
) -> str:
    """Append an op; returns its op_id. Call inside the domain write's transaction."""
    op_id = op_id or str(uuid.uuid4())
    stamp = _now_iso()
    db.execute(
        """INSERT INTO outbox (op_id, entity, entity_id, op, base_version, payload, state,
                               attempts, created_at, updated_at)
           VALUES (?, ?, ?, ?, ?, ?, 'pending', 0, ?, ?)""",
        (op_id, entity, entity_id, op, base_version, json.dumps(payload, default=str, sort_keys=True), stamp, stamp),
    )
    return op_id


def _row_to_op(row: tuple, columns: list[str]) -> dict[str, Any]:
    op = dict(zip(columns, row, strict=True))
    op["payload"] = json.loads(op["payload"])
    if op.get("result"):
        op["result"] = json.loads(op["result"])
    return op


def _select(db: Database, where: str, params: Iterable = (), limit: int | None = None) -> list[dict]:
    sql = f"SELECT * FROM outbox WHERE {where} ORDER BY seq"
    if limit is not None:
        sql += f" LIMIT {int(limit)}"
    cursor = db.execute(sql, tuple(params))
    columns = [d[0] for d in cursor.description]
    return [_row_to_op(row, columns) for row in cursor.fetchall()]


def pending_ops(db: Database, limit: int = 500) -> list[dict[str, Any]]:
    """Ops to send next, oldest first (inflight ones again: the server dedups by op_id)."""
    return _select(db, "state IN ('pending', 'inflight')", limit=limit)


def ops_for_entity(db: Database, entity_id: str) -> list[dict[str, Any]]:
    return _select(db, "entity_id = ?", (entity_id,))


def problem_ops(db: Database) -> list[dict[str, Any]]:
    """Rejected, conflicting and blocked ops the user has not resolved yet, then the pulled
    records kept aside as invalid (store/pulled.py; shaped like ops, ``state`` 'invalid',
    ``op`` 'pull', ``op_id`` 'pulled:N')."""
    from sk_tui.store import pulled

    ops = _select(db, "state IN ('rejected', 'conflict', 'blocked') AND resolution IS NULL")
    return ops + [pulled.as_op(problem) for problem in pulled.open_problems(db)]


def retained_ops(db: Database) -> list[dict[str, Any]]:
    """Every op still kept (for a full re-push after a server restore)."""
    return _select(db, "1")


def mark_inflight(db: Database, op_ids: Iterable[str]) -> None:
    stamp = _now_iso()
    db.conn.executemany(
        "UPDATE outbox SET state='inflight', attempts=attempts+1, updated_at=? WHERE op_id=? AND state IN ('pending','inflight')",
        [(stamp, op_id) for op_id in op_ids],
    )


def mark_result(
    db: Database,
    op_id: str,
    state: str,
    *,
    server_seq: int | None = None,
    error: str | None = None,
    result: dict | None = None,
) -> None:
    """Record the server's answer for one op."""
    db.execute(
        """UPDATE outbox SET state=?, server_seq=COALESCE(?, server_seq), last_error=?,
                             result=?, updated_at=? WHERE op_id=?""",
        (state, server_seq, error, json.dumps(result, default=str) if result is not None else None, _now_iso(), op_id),
    )


def mark_retry(db: Database, op_ids: Iterable[str], error: str) -> None:
    """Delivery failed for a transient reason: back to pending, nothing dropped."""
    stamp = _now_iso()
    db.conn.executemany(
        "UPDATE outbox SET state='pending', last_error=?, updated_at=? WHERE op_id=? AND state='inflight'",
        [(error, stamp, op_id) for op_id in op_ids],
    )


def resolve(db: Database, op_id: str, resolution: str) -> None:
    """The user dealt with a problem op: 'dismissed' (keep server copy) or 'retried'."""
    from sk_tui.store import pulled

    if pulled.is_key(op_id):
        pulled.resolve(db, op_id, resolution)
        return
    if resolution == "retried":
        db.execute(
            "UPDATE outbox SET state='pending', resolution=NULL, last_error=NULL, updated_at=? WHERE op_id=?",
            (_now_iso(), op_id),
        )
    else:
        db.execute("UPDATE outbox SET resolution=?, updated_at=? WHERE op_id=?", (resolution, _now_iso(), op_id))


def queued_count(db: Database) -> int:
    return db.execute("SELECT COUNT(*) FROM outbox WHERE state IN ('pending','inflight')").fetchone()[0]


def problem_count(db: Database) -> int:
    """Unresolved problem ops plus pulled records kept aside (what ``problem_ops`` lists)."""
    from sk_tui.store import pulled

    return db.execute(
        "SELECT COUNT(*) FROM outbox WHERE state IN ('rejected','conflict','blocked') AND resolution IS NULL"
    ).fetchone()[0] + pulled.open_count(db)


def prune_acked(db: Database, older_than_iso: str) -> int:
    """Drop acked ops last touched before ``older_than_iso`` (kept at least 30 days)."""
    cursor = db.execute("DELETE FROM outbox WHERE state='acked' AND updated_at < ?", (older_than_iso,))
    return cursor.rowcount
