"""Applying pulled changes to the local store.

A page of changes and the new pull cursor commit in one local transaction, so a sync killed
between pages resumes exactly where it stopped. Each change is a full snapshot of a record;
only the last one per record in a page is written. A record with ops still queued locally is
left alone (the local copy is ahead; the server's answer to those ops arrives in a later pull).

    >>> apply_page(store, page["changes"], page["next_cursor"])   # doctest: +SKIP
    42
"""

from __future__ import annotations

import dataclasses
import json
import sqlite3
from typing import Any

from sk_tui.sync.protocol import ENTITY_TABLES

CURSOR_KEY = "sync_cursor"
EPOCH_KEY = "server_epoch"


def _columns(store, table: str) -> list[str]:
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


def _converted(store, table: str) -> list[int]:
    cache = store.__dict__.setdefault("_sync_converted", {})
    if table not in cache:
        cache[table] = [i for i, column in enumerate(_columns(store, table)) if column in _CONVERTED]
    return cache[table]


def locally_ahead(store) -> set[str]:
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


# entity on the wire -> the domain model a stored copy must satisfy (read back by from_row)
_MODEL_NAMES = {
    "unit": "Unit", "employee": "Employee", "team": "Team", "membership": "Membership",
    "plan": "PerformancePlan", "target": "Target", "indicator": "Indicator", "task": "Task",
    "report": "DailyReport", "review": "Review", "feedback": "Feedback", "activity": "Activity",
}
_INT64 = (-(2**63), 2**63 - 1)
# what can go wrong binding a value SQLite cannot take (huge ints, lone surrogates, odd types)
_WRITE_ERRORS = (sqlite3.Error, OverflowError, UnicodeError, ValueError, TypeError)


class Invalid(Exception):
    """A pulled record this device cannot store; the message says which field and why."""


_MODELS: dict[str, Any] = {}


def _model(entity: str):
    model = _MODELS.get(entity)
    if model is None:
        from sk_tui.domain import models

        model = _MODELS[entity] = getattr(models, _MODEL_NAMES[entity])
    return model


def _first_error(exc: Exception, prefix: str = "") -> str:
    errors = getattr(exc, "errors", None)
    if callable(errors):
        try:
            first = errors()[0]
            where = ".".join(str(part) for part in first.get("loc", ())) or "record"
            return f"{prefix}{where}: {first.get('msg')}"
        except Exception:  # noqa: BLE001 - fall back to the plain text
            pass
    return f"{prefix}{str(exc).splitlines()[0] if str(exc) else type(exc).__name__}"


def _validate(model, data: dict[str, Any], prefix: str = "") -> None:
    """The domain's own rules (bounds, shapes, enums): what the screens rely on when reading."""
    fields = model.model_fields
    try:
        model.model_validate({k: v for k, v in data.items() if k in fields and v is not None})
    except Exception as exc:  # noqa: BLE001 - pydantic's ValidationError, or a validator's own error
        raise Invalid(_first_error(exc, prefix)) from None


_ADAPTERS: dict[str, Any] = {}


def _adapter(entity: str):
    adapter = _ADAPTERS.get(entity)
    if adapter is None:
        from pydantic import TypeAdapter

        adapter = _ADAPTERS[entity] = TypeAdapter(list[_model(entity)])
    return adapter


def _validate_many(entity: str, docs: list[dict[str, Any]]) -> dict[int, str]:
    """Validate many records of one entity in one call (much cheaper per record than one call
    each); returns index -> reason for the ones the domain refuses."""
    fields = _model(entity).model_fields
    clean = [{k: v for k, v in doc.items() if k in fields and v is not None} for doc in docs]
    try:
        _adapter(entity).validate_python(clean)
    except Exception as exc:  # noqa: BLE001 - ValidationError, or a validator failing in another way
        errors = getattr(exc, "errors", None)
        if not callable(errors) or not errors():
            out = {}  # no per-record detail: check them one by one
            for index, doc in enumerate(docs):
                try:
                    _validate(_model(entity), doc)
                except Invalid as one:
                    out[index] = str(one)
            return out
        out: dict[int, str] = {}
        for error in errors():
            loc = error.get("loc") or ()
            if loc and isinstance(loc[0], int) and loc[0] not in out:
                where = ".".join(str(part) for part in loc[1:]) or "record"
                out[loc[0]] = f"{where}: {error.get('msg')}"
        return out
    return {}


def _refused_in_page(latest: dict[tuple[str, str], dict[str, Any]]) -> dict[tuple[str, str], str]:
    """Records of the page the domain refuses (key -> reason), a report with any bad activity
    among them; shapes that are not records at all are left to ``_plan``."""
    docs: dict[str, list[tuple[tuple[str, str], dict[str, Any]]]] = {}
    acts: list[tuple[tuple[str, str], int, dict[str, Any]]] = []
    for key, change in latest.items():
        data = change.get("data")
        if change.get("kind") == "delete" or not isinstance(data, dict):
            continue
        docs.setdefault(key[0], []).append((key, data))
        if key[0] == "report" and isinstance(data.get("activities"), list):
            acts.extend((key, index, {**act, "report_id": key[1]})
                        for index, act in enumerate(data["activities"]) if isinstance(act, dict))
    refused: dict[tuple[str, str], str] = {}
    for entity, entries in docs.items():
        for index, reason in _validate_many(entity, [data for _, data in entries]).items():
            refused[entries[index][0]] = reason
    if acts:
        for index, reason in sorted(_validate_many("activity", [a for _, _, a in acts]).items()):
            key, position, _ = acts[index]
            refused.setdefault(key, f"activities.{position}.{reason}")
    return refused


def _storable(row: tuple, columns: list[str], prefix: str = "") -> None:
    """Guards for what SQLite cannot hold whatever the domain says: ints beyond 64 bits,
    non-finite floats, text that is not valid Unicode, values of any other type."""
    low, high = _INT64
    for value in row:  # the fast pass: nearly every value is short ASCII text or None
        kind = value.__class__
        if kind is str:
            if value.isascii():
                continue
        elif value is None or kind is bool:
            continue
        elif kind is int:
            if low <= value <= high:
                continue
        elif kind is float:
            if value - value == 0.0:  # finite
                continue
        problem = _unstorable(value)
        if problem:
            raise Invalid(f"{prefix}{columns[row.index(value)]}: {problem}")


def _unstorable(value: Any) -> str | None:
    kind = type(value)
    if kind is str:
        try:
            value.encode("utf-8")
        except UnicodeError:
            return "text is not valid Unicode"
        return None
    if kind is int:
        return f"integer out of range ({str(value)[:30]})"
    if kind is float:
        return "number is not finite"
    return f"unexpected {kind.__name__} value"


@dataclasses.dataclass(slots=True)
class _Write:
    """One record's local change: delete it, or replace its row (a report with its activities)."""

    entity: str
    entity_id: str
    table: str
    row: tuple | None = None  # None: delete
    activities: list[tuple] | None = None
    clash: str | None = None  # another local report of the same person and day, replaced by this one
    seq: Any = None
    data: Any = None


def _plan(store, entity: str, entity_id: str, change: dict[str, Any], me: str | None,
          refused: dict[tuple[str, str], str]) -> _Write | None:
    """Check one pulled record and turn it into a local write (None: leave the local copy).

    ``refused``: the page's domain verdicts (``_refused_in_page``)."""
    table = ENTITY_TABLES[entity]
    data = change.get("data")
    if change.get("kind") == "delete" or data is None:
        return _Write(entity, entity_id, table, seq=change.get("seq"))
    if not isinstance(data, dict):
        raise Invalid(f"data: expected an object, got {type(data).__name__}")
    if data.get("id", entity_id) != entity_id:
        raise Invalid(f"id: {str(data.get('id'))[:80]!r} differs from the change's id")
    if "id" not in data:
        data = {**data, "id": entity_id}
    reason = refused.get((entity, entity_id))
    if reason is not None:
        raise Invalid(reason)
    columns = _columns(store, table)
    row = local_row(data, columns, _converted(store, table))
    _storable(row, columns)
    write = _Write(entity, entity_id, table, row, seq=change.get("seq"), data=change.get("data"))
    if entity == "report":
        clash = store.db.execute(
            "SELECT id FROM reports WHERE employee_id = ? AND work_date = ? AND id != ?",
            (data.get("employee_id"), data.get("work_date"), entity_id),
        ).fetchone()
        if clash is not None and data.get("employee_id") == me:
            return None  # keep the local report of that day; the server's shows as a conflict
        write.clash = clash[0] if clash is not None else None
        acts = data.get("activities") or []
        if not isinstance(acts, list):
            raise Invalid("activities: expected a list")
        act_columns = _columns(store, "activities")
        write.activities = []
        for index, act in enumerate(acts):
            prefix = f"activities.{index}."
            if not isinstance(act, dict):
                raise Invalid(f"{prefix[:-1]}: expected an object, got {type(act).__name__}")
            act = {**act, "report_id": entity_id}
            act_row = local_row(act, act_columns, [])
            _storable(act_row, act_columns, prefix)
            write.activities.append(act_row)
    return write


def _insert_sql(store, table: str) -> str:
    columns = _columns(store, table)
    return f"INSERT OR REPLACE INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})"


def _write_all(store, writes: list[_Write]) -> None:
    """Every write set-wise (the fast path of a normal page)."""
    conn = store.db.conn
    deletes: dict[str, list[tuple]] = {}
    rows: dict[str, list[tuple]] = {}
    for w in writes:
        if w.row is None:
            deletes.setdefault(w.table, []).append((w.entity_id,))
        else:
            rows.setdefault(w.table, []).append(w.row)
    for table, keys in deletes.items():
        conn.executemany(f"DELETE FROM {table} WHERE id = ?", keys)
    reports = [w for w in writes if w.entity == "report" and w.row is not None]
    clashes = [(w.clash,) for w in reports if w.clash]
    if clashes:
        conn.executemany("DELETE FROM reports WHERE id = ?", clashes)
    if reports:
        conn.executemany("DELETE FROM activities WHERE report_id = ?", [(w.entity_id,) for w in reports])
    for table, table_rows in rows.items():
        conn.executemany(_insert_sql(store, table), table_rows)
    activities = [a for w in reports for a in (w.activities or [])]
    if activities:
        conn.executemany(_insert_sql(store, "activities"), activities)


def _write_one(store, w: _Write) -> None:
    if w.row is None:
        store.db.execute(f"DELETE FROM {w.table} WHERE id = ?", (w.entity_id,))
        return
    if w.clash:
        store.db.execute("DELETE FROM reports WHERE id = ?", (w.clash,))
    if w.entity == "report":
        store.db.execute("DELETE FROM activities WHERE report_id = ?", (w.entity_id,))
    store.db.execute(_insert_sql(store, w.table), w.row)
    if w.activities:
        store.db.conn.executemany(_insert_sql(store, "activities"), w.activities)


def _apply(store, changes: list[dict[str, Any]], counts: dict[str, int] | None = None) -> int:
    """Check and write a page's records inside the caller's transaction; returns records written.

    A record that fails a check, or that SQLite refuses, is kept aside as a problem
    (store/pulled.py) and the rest of the page still applies; ``counts["kept_aside"]`` grows.
    """
    from sk_tui.store import pulled

    counts = counts if counts is not None else {}
    counts.setdefault("kept_aside", 0)

    latest: dict[tuple[str, str], dict[str, Any]] = {}
    for change in changes:
        entity = change.get("entity") if isinstance(change, dict) else None
        entity_id = change.get("entity_id") if isinstance(change, dict) else None
        if not isinstance(entity, str) or not isinstance(entity_id, str) or not entity_id:
            pulled.keep_aside(store.db, entity=entity or "?", entity_id=entity_id or "?",
                              reason="change: entity and entity_id must be text",
                              data=change, server_seq=change.get("seq") if isinstance(change, dict) else None)
            counts["kept_aside"] += 1
            continue
        key = (entity, entity_id)
        latest.pop(key, None)
        latest[key] = change
    skip = locally_ahead(store)
    latest = {key: change for key, change in latest.items() if key[0] in ENTITY_TABLES and key[1] not in skip}
    refused = _refused_in_page(latest)
    me = store.get_meta("me")
    writes: list[_Write] = []
    for (entity, entity_id), change in latest.items():
        try:
            write = _plan(store, entity, entity_id, change, me, refused)
        except Invalid as exc:
            pulled.keep_aside(store.db, entity=entity, entity_id=entity_id, reason=str(exc),
                              data=change.get("data"), server_seq=change.get("seq"))
            counts["kept_aside"] += 1
            continue
        if write is not None:
            writes.append(write)
    db = store.db
    db.execute("SAVEPOINT apply_page")
    try:
        _write_all(store, writes)
        db.execute("RELEASE apply_page")
        written = writes
    except _WRITE_ERRORS:
        # something the checks did not foresee: find the record(s) one by one, keep the rest
        db.execute("ROLLBACK TO apply_page")
        db.execute("RELEASE apply_page")
        written = []
        for w in writes:
            db.execute("SAVEPOINT apply_record")
            try:
                _write_one(store, w)
            except _WRITE_ERRORS as exc:
                db.execute("ROLLBACK TO apply_record")
                db.execute("RELEASE apply_record")
                pulled.keep_aside(db, entity=w.entity, entity_id=w.entity_id,
                                  reason=f"not stored: {type(exc).__name__}: {exc}", data=w.data, server_seq=w.seq)
                counts["kept_aside"] += 1
                continue
            db.execute("RELEASE apply_record")
            written.append(w)
    if written and pulled.any_open(db):
        pulled.supersede(db, [(w.entity, w.entity_id) for w in written])
    return len(written)


def apply_page(store, changes: list[dict[str, Any]], next_cursor: int,
               counts: dict[str, int] | None = None) -> int:
    """Write a page of changes and move the cursor, atomically; returns records written.

    Records that cannot be stored are kept aside as sync problems (counted in
    ``counts["kept_aside"]``); the cursor passes them.
    """
    with store.transaction():
        written = _apply(store, changes, counts)
        store.db.execute("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", (CURSOR_KEY, str(next_cursor)))
    return written


def recheck_kept(store, counts: dict[str, int] | None = None) -> int:
    """Check again the kept-aside records the user asked to retry; returns how many now stored.

    Each retry closes its problem; a record that still fails opens a new one with today's reason.
    """
    from sk_tui.store import pulled

    with store.transaction():
        kept = pulled.to_recheck(store.db)
        if not kept:
            return 0
        # a record too big to keep a copy of cannot be checked again: it stays listed
        pulled.close(store.db, [k["id"] for k in kept if k["data"] is None], None)
        pulled.close(store.db, [k["id"] for k in kept if k["data"] is not None], "rechecked")
        changes = [{"seq": k["seq"], "entity": k["entity"], "entity_id": k["entity_id"], "kind": "upsert",
                    "data": k["data"]} for k in kept if k["data"] is not None]
        return _apply(store, changes, counts)


def reset_for_new_epoch(store, epoch: str | None) -> int:
    """The server was restored or replaced: pull everything again and re-push every kept op.

    Returns how many acked ops go back in the queue (the server's dedup absorbs repeats).
    """
    with store.transaction():
        cursor = store.db.execute("UPDATE outbox SET state = 'pending' WHERE state = 'acked'")
        store.db.execute("INSERT OR REPLACE INTO meta (key, value) VALUES (?, '0')", (CURSOR_KEY,))
        if epoch is not None:
            store.db.execute("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", (EPOCH_KEY, epoch))
        return cursor.rowcount
