"""The queue of local changes waiting for the central endpoint (DESIGN.md section 4).

One row per op: ``op_id`` (UUID), ``entity`` / ``entity_id``, ``op``, ``base_version``,
``payload`` (JSON), ``state`` and delivery bookkeeping.

**This file is the only code that changes an op's state.** The life cycle::

    pending --next_push_batch--> inflight --record_push_results--> acked | rejected | conflict | blocked
    inflight --requeue_ops (network trouble, 413, no answer)--> pending
    pending|inflight --supersede (the server's copy of its record changed, or an earlier op on
                      the record was refused)--> conflict | blocked
    rejected/conflict/blocked --resolve 'reapplied' | 'dismissed' | 'edited'--> resolution set, state kept
                      (reapplying queues a NEW op on the current version: store/replica.py)
    (nothing) --park (a local draft the server's report of that day replaced)--> conflict
    acked --requeue_acked (a new server epoch)--> pending
    acked, untouched for 30 days --prune_acked (after each successful sync)--> deleted

The sync client (sk_tui/sync/client.py) decides from the server's answers; it calls the
``OutboxMixin`` methods below (and ``Store.record_sync_success``, ``Store.reset_for_new_epoch``,
``Store.resolve_problem`` in store/replica.py, which call the functions here).

Functions here take the caller's connection so an op always commits in the same transaction
as the domain write it records::

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
from collections.abc import Collection, Iterable, Sequence
from typing import TYPE_CHECKING, Any, NamedTuple

from sk_tui import clock
from sk_tui.domain.lazy import lazy_module
from sk_tui.store.base import BaseStore
from sk_tui.store.schema import Database

if TYPE_CHECKING:
    import uuid
else:
    uuid = lazy_module("uuid")  # imported at the first queued op (domain/lazy.py), not by every command


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


def _row_to_op(row: tuple[Any, ...], columns: list[str]) -> dict[str, Any]:
    op = dict(zip(columns, row, strict=True))
    op["payload"] = json.loads(op["payload"])
    if op.get("result"):
        op["result"] = json.loads(op["result"])
    return op


def _select(db: Database, where: str, params: Iterable[Any] = ()) -> list[dict[str, Any]]:
    cursor = db.execute(f"SELECT * FROM outbox WHERE {where} ORDER BY seq", tuple(params))
    columns = [d[0] for d in cursor.description]
    return [_row_to_op(row, columns) for row in cursor.fetchall()]


def ops_for_entity(db: Database, entity_id: str) -> list[dict[str, Any]]:
    return _select(db, "entity_id = ?", (entity_id,))


def problem_ops(db: Database) -> list[dict[str, Any]]:
    """Rejected, conflicting and blocked ops the user has not resolved yet (the outbox's part
    of ``Store.sync_problems``, which adds the pulled records kept aside)."""
    return _select(db, "state IN ('rejected', 'conflict', 'blocked') AND resolution IS NULL")


def problem_count(db: Database) -> int:
    """How many ``problem_ops`` there are."""
    count: int = db.execute(
        "SELECT COUNT(*) FROM outbox WHERE state IN ('rejected','conflict','blocked') AND resolution IS NULL"
    ).fetchone()[0]
    return count


def queued_count(db: Database) -> int:
    count: int = db.execute("SELECT COUNT(*) FROM outbox WHERE state IN ('pending','inflight')").fetchone()[0]
    return count


# --- state changes (the only ones) ---------------------------------------------------------


def mark_inflight(db: Database, op_ids: Iterable[str]) -> None:
    stamp = _now_iso()
    db.conn.executemany(
        "UPDATE outbox SET state='inflight', attempts=attempts+1, updated_at=? WHERE op_id=? AND state IN ('pending','inflight')",
        [(stamp, op_id) for op_id in op_ids],
    )


def _mark_inflight_rows(db: Database, seqs: Sequence[int]) -> None:
    """``mark_inflight`` for rows just read as queued in the same transaction: one statement,
    by rowid (an ``op_id IN (json_each)`` is planned as a scan of the state index)."""
    if seqs:
        db.conn.execute(
            "UPDATE outbox SET state='inflight', attempts=attempts+1, updated_at=? "
            "WHERE seq IN (SELECT value FROM json_each(?))",
            (_now_iso(), json.dumps(list(seqs))),
        )


def mark_result(
    db: Database,
    op_id: str,
    state: str,
    *,
    server_seq: int | None = None,
    error: str | None = None,
    result: dict[str, Any] | None = None,
) -> None:
    """Record the server's answer for one op (``OutboxMixin.record_push_results`` does a batch)."""
    _mark_results(db, [PushResult(op_id, state, server_seq, error,
                                  json.dumps(result, default=str) if result is not None else None)])


def _mark_results(db: Database, results: Iterable[PushResult]) -> None:
    stamp = _now_iso()
    db.conn.executemany(
        """UPDATE outbox SET state=?, server_seq=COALESCE(?, server_seq), last_error=?, result=?,
                             updated_at=? WHERE op_id=?""",
        [(r.state, r.server_seq, r.error, r.result_json, stamp, r.op_id) for r in results],
    )


def mark_retry(db: Database, op_ids: Iterable[str], error: str) -> None:
    """Delivery failed for a transient reason: back to pending, nothing dropped."""
    stamp = _now_iso()
    db.conn.executemany(
        "UPDATE outbox SET state='pending', last_error=?, updated_at=? WHERE op_id=? AND state='inflight'",
        [(error, stamp, op_id) for op_id in op_ids],
    )


def resolve(db: Database, op_id: str, resolution: str) -> None:
    """The user dealt with a problem op: 'dismissed' (keep the server's copy), 'reapplied' (a
    new op carries the content on the current version) or 'edited' (the content went back into
    a local draft). The op itself never goes back in the queue: its base version is stale."""
    db.execute("UPDATE outbox SET resolution=?, updated_at=? WHERE op_id=?", (resolution, _now_iso(), op_id))


def supersede(db: Database, op_ids: Iterable[str], state: str, error: str) -> int:
    """Queued ops that can no longer go as they are (their record changed on the server, or an
    earlier op on it was refused) become problems holding their content; returns how many."""
    stamp = _now_iso()
    cursor = db.conn.executemany(
        "UPDATE outbox SET state=?, last_error=?, updated_at=? WHERE op_id=? AND state IN ('pending','inflight')",
        [(state, error[:500], stamp, op_id) for op_id in op_ids],
    )
    return int(cursor.rowcount or 0)


def queued_on(db: Database) -> list[dict[str, Any]]:
    """Queued ops (oldest first) with what they touch: entity, entity_id, base_version, and
    a review's report_id and report_version."""
    out = []
    for op_id, entity, entity_id, base, payload in db.execute(
        "SELECT op_id, entity, entity_id, base_version, payload FROM outbox "
        "WHERE state IN ('pending','inflight') ORDER BY seq"
    ).fetchall():
        op = {"op_id": op_id, "entity": entity, "entity_id": entity_id, "base_version": int(base or 0)}
        if entity == "review":
            try:
                data = json.loads(payload)
            except ValueError:
                data = {}
            if isinstance(data, dict):
                op["report_id"] = data.get("report_id")
                op["report_version"] = data.get("report_version")
        out.append(op)
    return out


def park(db: Database, *, entity: str, entity_id: str, op: str, payload: dict[str, Any], error: str) -> str:
    """Keep local content the server's copy replaced as a problem that is never sent (a draft
    of a day the server holds another report for); returns its op_id."""
    op_id = enqueue(db, entity=entity, entity_id=entity_id, op=op, base_version=0, payload=payload)
    db.execute("UPDATE outbox SET state='conflict', last_error=? WHERE op_id=?", (error[:500], op_id))
    return op_id


def problem_op(db: Database, op_id: str) -> dict[str, Any] | None:
    """One outbox op by id (any state), payload decoded."""
    ops = _select(db, "op_id = ?", (op_id,))
    return ops[0] if ops else None


def requeue_acked(db: Database) -> int:
    """A new server epoch: every acked op goes back in the queue (the server's dedup absorbs
    what it still has); returns how many."""
    rowcount: int = db.execute(
        "UPDATE outbox SET state = 'pending', last_error = ?, updated_at = ? WHERE state = 'acked'",
        (RESENT, _now_iso())).rowcount
    return rowcount


# last_error of an op re-sent after a server restore: refused for a record the restored server
# does not hold yet (another device has still to re-send it), it waits in the queue instead
RESENT = "resent: the server was restored"
MAX_RESENDS = 20


def resent_ids(db: Database, op_ids: Sequence[str]) -> set[str]:
    """Which of these ops went out again after a server restore (and may wait for another
    device's re-sent record a few more times)."""
    out: set[str] = set()
    for start in range(0, len(op_ids), 500):
        chunk = list(op_ids[start:start + 500])
        marks = ", ".join("?" for _ in chunk)
        out.update(row[0] for row in db.execute(
            f"SELECT op_id FROM outbox WHERE op_id IN ({marks}) AND last_error LIKE 'resent:%' AND attempts < ?",
            (*chunk, MAX_RESENDS)))
    return out


def defer(db: Database, op_ids: Iterable[str]) -> None:
    """Re-sent ops the restored server cannot take yet: back in the queue, still marked re-sent."""
    stamp = _now_iso()
    db.conn.executemany("UPDATE outbox SET state='pending', last_error=?, updated_at=? WHERE op_id=?",
                        [(RESENT, stamp, op_id) for op_id in op_ids])


def prune_acked(db: Database, older_than_iso: str) -> int:
    """Drop acked ops last touched before ``older_than_iso`` (kept at least 30 days)."""
    rowcount: int = db.execute("DELETE FROM outbox WHERE state='acked' AND updated_at < ?", (older_than_iso,)).rowcount
    return rowcount


# --- the store's methods ---------------------------------------------------------------------


class OutgoingOp(NamedTuple):
    """An op as it goes on the wire; ``payload_json`` is the text it was queued as, sent
    verbatim (so it hashes the same on every resend)."""

    op_id: str
    entity: str
    entity_id: str
    op: str
    base_version: int
    payload_json: str


class PushResult(NamedTuple):
    """The server's answer for one op, as the outbox records it."""

    op_id: str
    state: str
    server_seq: int | None
    error: str | None
    result_json: str | None


class OutboxMixin(BaseStore):
    """The outbox life cycle as store methods (each one transaction)."""

    def next_push_batch(self, limit: int, skip: Collection[str] = ()) -> list[OutgoingOp]:
        """The oldest queued ops (inflight ones again: the server dedups by op_id), now inflight;
        ``skip``: ops already sent in this sync that wait in the queue for a later one, or
        whose answers are still being written (the sync client sends the next batch meanwhile).

        One read and one update, committed without waiting for the disk (WAL, synchronous=NORMAL:
        a kill -9 keeps it): pending and inflight are both queued and both sent again, so an
        inflight mark lost to a power cut changes nothing the server sees (it dedups by op_id)."""
        with self.without_fsync(), self.transaction():
            rows = self.db.conn.execute(
                f"""SELECT seq, op_id, entity, entity_id, op, base_version, payload FROM outbox
                    WHERE state IN ('pending', 'inflight')
                    {"AND op_id NOT IN (SELECT value FROM json_each(?))" if skip else ""}
                    ORDER BY seq LIMIT ?""",
                (json.dumps(list(skip)), int(limit)) if skip else (int(limit),)).fetchall()
            _mark_inflight_rows(self.db, [row[0] for row in rows])
        return [OutgoingOp(op_id, entity, entity_id, op, int(base or 0), payload)
                for _seq, op_id, entity, entity_id, op, base, payload in rows]

    def record_push_results(self, results: list[PushResult], unanswered: Sequence[str] = ()) -> None:
        """The server's answers for a batch, in one transaction; ``unanswered`` ops go back to pending."""
        with self.transaction():
            _mark_results(self.db, results)
            if unanswered:
                mark_retry(self.db, unanswered, "no result from the server")

    def requeue_ops(self, op_ids: list[str], error: str) -> None:
        """A batch was not delivered (network trouble, too large, an error status): queue it again."""
        with self.transaction():
            mark_retry(self.db, op_ids, error)

    def queued_count(self) -> int:
        return queued_count(self.db)

    def ops_for_entity(self, entity_id: str) -> list[dict[str, Any]]:
        """Every op kept for one record, oldest first."""
        return ops_for_entity(self.db, entity_id)
