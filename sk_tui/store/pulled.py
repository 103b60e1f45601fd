"""Pulled records that could not be stored: kept aside as sync problems (DESIGN.md section 4).

A pull page may carry a record this device cannot store (a value out of every sane range, a
shape the domain refuses). It is not written; it is kept here with its entity, id and reason,
the cursor moves on, and the user sees it beside the ops the server refused::

    with store.transaction():
        keep_aside(store.db, entity="report", entity_id="r1", reason="activities.0.position: ...",
                   data={...}, server_seq=42)
    open_problems(store.db)   # -> rows shaped like outbox ops (see ``as_op``)

A later good copy of the same record closes its problem ("superseded"). The user may dismiss
one, or ask to retry it: the next sync checks the kept copy again (newer rules may accept it).
"""

from __future__ import annotations

import json
from typing import Any

from sk_tui import clock
from sk_tui.store.schema import Database

# problem ids share the problems screen's key space with outbox op ids (UUIDs)
KEY_PREFIX = "pulled:"
STATE = "invalid"
OP = "pull"
# the kept copy is for retrying; a record bigger than this is kept without it
MAX_KEPT_DATA = 256 * 1024
MAX_TEXT = 500


def _now() -> str:
    return clock.now().isoformat()


def _text(value: Any, limit: int = MAX_TEXT) -> str:
    text = value if isinstance(value, str) else repr(value)
    # what SQLite can store and a terminal can show: no lone surrogates, bounded length
    text = text.encode("utf-8", "backslashreplace").decode("utf-8")
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _dump(data: Any) -> str | None:
    try:
        text = json.dumps(data, ensure_ascii=True, default=repr)
    except (TypeError, ValueError, RecursionError):
        return None
    return text if len(text) <= MAX_KEPT_DATA else None


def keep_aside(db: Database, *, entity: Any, entity_id: Any, reason: str, data: Any,
               server_seq: Any = None) -> None:
    """Record (or refresh) the open problem of one pulled record; call inside the page's transaction."""
    entity, entity_id = _text(entity, 64), _text(entity_id, 200)
    seq = server_seq if isinstance(server_seq, int) and -(2**63) <= server_seq < 2**63 else None
    stamp = _now()
    updated = db.execute(
        """UPDATE pulled_problems SET reason = ?, data = ?, server_seq = ?, updated_at = ?
           WHERE entity = ? AND entity_id = ? AND resolution IS NULL""",
        (_text(reason), _dump(data), seq, stamp, entity, entity_id),
    ).rowcount
    if not updated:
        db.execute(
            """INSERT INTO pulled_problems (entity, entity_id, server_seq, reason, data, created_at, updated_at)
               VALUES (?, ?, ?, ?, ?, ?, ?)""",
            (entity, entity_id, seq, _text(reason), _dump(data), stamp, stamp),
        )


def any_open(db: Database) -> bool:
    return db.execute("SELECT 1 FROM pulled_problems WHERE resolution IS NULL LIMIT 1").fetchone() is not None


def supersede(db: Database, keys: list[tuple[str, str]]) -> None:
    """A good copy of these (entity, entity_id) records was stored: their problems are over."""
    stamp = _now()
    db.conn.executemany(
        """UPDATE pulled_problems SET resolution = 'superseded', updated_at = ?
           WHERE entity = ? AND entity_id = ? AND resolution IS NULL""",
        [(stamp, entity, entity_id) for entity, entity_id in keys],
    )


def open_count(db: Database) -> int:
    return db.execute("SELECT COUNT(*) FROM pulled_problems WHERE resolution IS NULL").fetchone()[0]


def open_problems(db: Database) -> list[dict[str, Any]]:
    """Unresolved problems, oldest first: {id, entity, entity_id, server_seq, reason, data, ...}."""
    cursor = db.execute("SELECT * FROM pulled_problems WHERE resolution IS NULL ORDER BY id")
    columns = [d[0] for d in cursor.description]
    return [dict(zip(columns, row, strict=True)) for row in cursor.fetchall()]


def as_op(problem: dict[str, Any]) -> dict[str, Any]:
    """A problem in the shape of an outbox op, so every problems list shows both alike."""
    data: Any = None
    if problem.get("data"):
        try:
            data = json.loads(problem["data"])
        except ValueError:
            data = None
    # what the problems view names the record by (a report's day, a task's title)
    payload = {k: data[k] for k in ("work_date", "title", "name") if isinstance(data, dict)
               and isinstance(data.get(k), str)}
    return {
        "op_id": f"{KEY_PREFIX}{problem['id']}",
        "entity": problem["entity"],
        "entity_id": problem["entity_id"],
        "op": OP,
        "state": STATE,
        "last_error": problem["reason"],
        "payload": payload,
        "result": {"id": problem["entity_id"], "server_seq": problem["server_seq"]},
        "source": "pull",
        "created_at": problem["created_at"],
        "updated_at": problem["updated_at"],
    }


def is_key(op_id: str) -> bool:
    return op_id.startswith(KEY_PREFIX)


def resolve(db: Database, op_id: str, resolution: str) -> None:
    """'dismissed': forget it (the local copy stays as it was); 'retried': check it again at
    the next sync (``to_recheck``)."""
    problem_id = int(op_id[len(KEY_PREFIX):])
    value = "retry" if resolution == "retried" else resolution
    db.execute("UPDATE pulled_problems SET resolution = ?, updated_at = ? WHERE id = ?", (value, _now(), problem_id))


def to_recheck(db: Database) -> list[dict[str, Any]]:
    """Problems the user asked to retry, with their kept copy decoded (None when not kept)."""
    cursor = db.execute("SELECT id, entity, entity_id, server_seq, data FROM pulled_problems "
                        "WHERE resolution = 'retry' ORDER BY id")
    out = []
    for problem_id, entity, entity_id, seq, data in cursor.fetchall():
        try:
            decoded = json.loads(data) if data else None
        except ValueError:
            decoded = None
        out.append({"id": problem_id, "entity": entity, "entity_id": entity_id, "seq": seq, "data": decoded})
    return out


def close(db: Database, problem_ids: list[int], resolution: str | None = "applied") -> None:
    """Set the resolution of these problems (None: open again)."""
    db.conn.executemany("UPDATE pulled_problems SET resolution = ?, updated_at = ? WHERE id = ?",
                        [(resolution, _now(), i) for i in problem_ids])
