"""The local replica of the server's records: pulled pages, the pull cursor, the server epoch,
sync bookkeeping, and pulled records kept aside as problems (DESIGN.md section 4).

The sync client (sk_tui/sync/client.py) speaks HTTP and calls these store methods::

    store.settle_push_results(results, unanswered)   # answers; refused ops get the server's copy back
    store.apply_pulled_page(page["changes"], page["next_cursor"], counts, final=not page["has_more"])
    store.check_scope(page["scope"])          # True: what the user may see changed, pull from 0
    store.recheck_kept_records(counts)        # kept-aside records the user asked to retry
    store.reset_for_new_epoch(epoch)          # the server was restored: pull all, push all again
    store.record_sync_success()               # also prunes acked ops past their retention
    store.resolve_problem(op_id, "reapplied" | "dismissed" | "edited")

A page of changes and the new pull cursor commit in one local transaction, so a sync killed
between pages resumes exactly where it stopped. Each change is a full snapshot of a record;
only the last one per record in a page is written. Convergence (issue 8, point 1): the cursor
never passes a record the device did not apply, set aside, or hold a queued change on top of:

- a record with ops still queued is left alone only while the server's copy is the version
  those ops were made on (or older); the ops' own outcome arrives later (a change, or a
  conflict answer carrying the server's copy);
- a newer server copy wins: it is written, and the queued ops on it become problems holding
  the user's content (``CHANGED_ON_SERVER``); a local report of the same day is replaced the
  same way (a draft is kept as a problem too);
- an op the server refuses puts the server's copy back: the conflict answer's copy is written
  at once, otherwise a full re-pull (``begin_resync``) brings it, and removes what the server
  does not hold (a refused create). The user then reapplies the content on the current
  version, keeps the server's, or edits it (``resolve_problem``).

A full re-pull (new server epoch, changed scope, a refused op) records what it brings in
``resync_seen``; when its last page is written, local records the server did not send are
removed, except local drafts and records with ops still queued.

A pulled record this device cannot store (a value out of every sane range, a shape the domain
refuses, something SQLite cannot hold) is not written: it is kept aside in ``pulled_problems``
with its entity, id and reason, the cursor moves on, and the user sees it beside the ops the
server refused (``Store.sync_problems``). A later good copy of the same record closes its
problem ("superseded"). The user may dismiss one, or ask to retry it: the next sync checks the
kept copy again (newer rules may accept it).

Records are checked with the same converter that reads them back (``base.model_input``), so
what is stored is what the screens can load.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import json
import sqlite3
from collections.abc import Iterator, Sequence
from types import GenericAlias
from typing import TYPE_CHECKING, Any, cast

if TYPE_CHECKING:
    from pydantic import BaseModel, TypeAdapter
else:
    def TypeAdapter(*args: Any, **kwargs: Any) -> Any:  # pydantic's, imported on its first use
        from pydantic import TypeAdapter as adapter

        return adapter(*args, **kwargs)

from sk_tui import clock
from sk_tui.domain.errors import error_line, first_error_line, read_error
from sk_tui.store import outbox
from sk_tui.store.base import TABLES, BaseStore, from_row, model_input, to_row
from sk_tui.store.schema import Database

# meta keys of the sync bookkeeping
CURSOR_KEY = "sync_cursor"
EPOCH_KEY = "server_epoch"
FAILURES_KEY = "sync_failures"
RETRY_AT_KEY = "sync_retry_at"
FAILED_AT_KEY = "sync_failed_at"
LAST_ERROR_KEY = "sync_last_error"
LAST_SYNC_KEY = "last_sync"
RESYNC_KEY = "sync_resync"  # "1" while a full re-pull that removes what the server no longer shows runs
SCOPE_KEY = "sync_scope"  # the server's fingerprint of what this user may see (pull pages carry it)
# the screens' indexes a pull into an empty workspace dropped, to build after its last page
# (a JSON list of their CREATE statements; present while that pull runs, also across a kill)
DEFERRED_INDEXES_KEY = "sync_deferred_indexes"

# why a queued op became a problem without being sent (store/outbox.py ``supersede``)
CHANGED_ON_SERVER = "changed_on_server: the record changed on the server; your change is kept here"
DAY_TAKEN = "day_exists: the server holds another report of yours for this day; your report is kept here"
BLOCKED_BEHIND = "blocked: an earlier change to this record was refused"
# refusals of a re-sent op that another device's re-sent op can lift (the record it builds on)
_WAITS_FOR_ANOTHER_DEVICE = frozenset({"report_unknown", "task_unknown", "stale_version", "transition_refused"})

# WAL pages between checkpoints while a pull writes (32 MB of 4 KB pages; SQLite's default 1,000)
PULL_CHECKPOINT_PAGES = 8192

# the longest a failed sync may hold back the next one (issue 8: a clock jump never delays more)
RETRY_CAP = dt.timedelta(minutes=15)

# DESIGN.md section 4: "Acked rows are kept at least 30 days" (a server restore re-pushes them)
ACKED_RETENTION = dt.timedelta(days=30)

# entity on the wire -> the domain model a stored copy must satisfy (the store's own names;
# the store sits below sync/ and does not import the wire protocol)
ENTITY_MODELS: dict[str, str] = {
    "unit": "Unit", "employee": "Employee", "team": "Team", "membership": "Membership",
    "plan": "PerformancePlan", "target": "Target", "indicator": "Indicator", "task": "Task",
    "report": "DailyReport", "review": "Review", "feedback": "Feedback", "dwa": "DwaArrangement",
    # issue 10: the recap's inputs, the agency's policy and closed months (server-made, pull only)
    "absence": "Absence", "negative_event": "NegativeEvent", "policy": "AgencyPolicy", "month_close": "MonthClose",
}
ENTITY_TABLES: dict[str, str] = {
    entity: TABLES.get(model) or {"AgencyPolicy": "agency_policy", "MonthClose": "month_closes"}[model]
    for entity, model in ENTITY_MODELS.items()
}
# what the checks validate: the wire entities, and a report's activities
_CHECKED_MODELS = {**ENTITY_MODELS, "activity": "Activity"}

# pulled problems share the problems screen's key space with outbox op ids (UUIDs)
PROBLEM_KEY_PREFIX = "pulled:"
PROBLEM_STATE = "invalid"
PROBLEM_OP = "pull"
# the kept copy is for retrying; a record bigger than this is kept without it
MAX_KEPT_DATA = 256 * 1024
MAX_TEXT = 500

_INT64 = (-(2**63), 2**63 - 1)
# what can go wrong binding a value SQLite cannot take (huge ints, lone surrogates, odd types)
_WRITE_ERRORS = (sqlite3.Error, OverflowError, UnicodeError, ValueError, TypeError)
# columns whose wire value is a list (stored as JSON text) or a boolean (stored as 0/1)
_CONVERTED = frozenset({"assignees", "excused", "figures"})


class Invalid(Exception):
    """A pulled record this device cannot store; the message says which field and why."""


# --- converting and checking pulled records ------------------------------------------------


def local_row(data: dict[str, Any], columns: list[str], converted: list[int] | None = None) -> tuple[Any, ...]:
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


_MODELS: dict[str, type[BaseModel]] = {}
_ADAPTERS: dict[str, TypeAdapter[list[Any]]] = {}


def _model(entity: str) -> type[BaseModel]:
    model = _MODELS.get(entity)
    if model is None:
        from sk_tui.domain import models

        model = _MODELS[entity] = getattr(models, _CHECKED_MODELS[entity])
    return model


def _adapter(entity: str) -> TypeAdapter[list[Any]]:
    adapter = _ADAPTERS.get(entity)
    if adapter is None:
        # list[Model] for a class chosen at run time: built as a GenericAlias, which type checkers
        # cannot read as a type expression, hence the cast
        adapter = _ADAPTERS[entity] = TypeAdapter(cast(Any, GenericAlias(list, (_model(entity),))))
    return adapter


def _validate_many(entity: str, docs: list[dict[str, Any]]) -> dict[int, str]:
    """Validate many records of one entity in one call (much cheaper per record than one call
    each); returns index -> reason for the ones the domain refuses. ``entity`` "activity" is
    an activity of a report."""
    from sk_tui.domain.models import validate_many

    model = _model(entity)
    if validate_many(model, docs):  # natively, the common case; else the model's own rules say why
        return {}
    fields = model.model_fields
    clean = [model_input(fields, doc) for doc in docs]
    try:
        _adapter(entity).validate_python(clean)
    except Exception as exc:  # noqa: BLE001 - ValidationError, or a validator failing in another way
        errors = getattr(exc, "errors", None)
        out: dict[int, str] = {}
        if not callable(errors) or not errors():
            for index, data in enumerate(clean):  # no per-record detail: check them one by one
                try:
                    model.model_validate(data)
                except Exception as one:  # noqa: BLE001 - as above
                    out[index] = first_error_line(one)
            return out
        for error in errors():
            loc = error.get("loc") or ()
            if loc and isinstance(loc[0], int) and loc[0] not in out:
                # one formatter: the same line a single record's error gives
                out[loc[0]] = error_line(read_error({**error, "loc": loc[1:]}))
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


def _storable(row: tuple[Any, ...], columns: list[str], prefix: str = "") -> None:
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
        elif kind is float and value - value == 0.0:  # finite
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
    row: tuple[Any, ...] | None = None  # None: delete
    activities: list[tuple[Any, ...]] | None = None
    clash: str | None = None  # another local report of the same person and day, replaced by this one
    seq: Any = None
    data: Any = None


@dataclasses.dataclass(slots=True)
class _Layout:
    """A local table as the pull path writes it (computed once per store and table)."""

    columns: list[str]
    converted: list[int]
    insert_sql: str


@dataclasses.dataclass(slots=True)
class CheckedPage:
    """A pull page checked without the store (``check_page``: pure, one validation per entity
    for the whole page, each record shaped into its row once); ``apply_pulled_page`` takes it,
    or checks a plain list of changes itself.

    ``latest``: the last change per record; ``bad``: changes that are not records at all
    (entity, entity_id, reason, data, seq); ``shaped``: per record its local write, or the
    reason it cannot be stored."""

    changes: Any
    latest: dict[tuple[str, str], dict[str, Any]]
    bad: list[tuple[Any, Any, str, Any, Any]]
    shaped: dict[tuple[str, str], _Write | str]


def check_page(changes: Any, layouts: dict[str, _Layout]) -> CheckedPage:
    """Validate a page once (one pydantic call per entity for the whole page) and turn each
    record into its local row; no database work, so any thread may call it.

    ``layouts``: ``Store.pull_layouts()``, read on the store's own thread."""
    bad: list[tuple[Any, Any, str, Any, Any]] = []
    latest: dict[tuple[str, str], dict[str, Any]] = {}
    foreign = False  # an entity this version does not store
    for change in changes:
        if change.__class__ is dict:  # the wire's shape: plain dicts and str (the fast path)
            entity, entity_id = change.get("entity"), change.get("entity_id")
            if entity.__class__ is str and entity_id.__class__ is str and entity_id:
                key = (entity, entity_id)
                latest.pop(key, None)  # a record's last change takes the place of its earlier ones
                latest[key] = change
                foreign = foreign or entity not in ENTITY_TABLES
                continue
        entity = change.get("entity") if isinstance(change, dict) else None
        entity_id = change.get("entity_id") if isinstance(change, dict) else None
        if not isinstance(entity, str) or not isinstance(entity_id, str) or not entity_id:
            bad.append((entity or "?", entity_id or "?", "change: entity and entity_id must be text", change,
                        change.get("seq") if isinstance(change, dict) else None))
            continue
        key = (entity, entity_id)
        latest.pop(key, None)
        latest[key] = change
        foreign = True  # a str or dict subclass: filter below as before
    if foreign:
        latest = {key: change for key, change in latest.items() if key[0] in ENTITY_TABLES}
    refused = _refused_in_page(latest)
    shaped: dict[tuple[str, str], _Write | str] = {}
    # the common record (an upsert of a valid non-report whose data names its own id) is shaped
    # here in one step, as ``_shape`` would; every other goes through ``_shape``
    plans: dict[str, tuple[str, list[str], list[int]]] = {}
    for key, change in latest.items():
        entity, entity_id = key
        data = change.get("data")
        if (entity != "report" and data.__class__ is dict and data.get("id") == entity_id
                and change.get("kind") != "delete" and key not in refused):
            plan = plans.get(entity)
            if plan is None:
                table = ENTITY_TABLES[entity]
                plan = plans[entity] = (table, layouts[table].columns, layouts[table].converted)
            shaped[key] = _Write(entity, entity_id, plan[0], local_row(data, plan[1], plan[2]),
                                 seq=change.get("seq"), data=data)
            continue
        try:
            shaped[key] = _shape(entity, entity_id, change, refused, layouts)
        except Invalid as exc:
            shaped[key] = str(exc)
    return CheckedPage(changes, latest, bad, shaped)


def _shape(entity: str, entity_id: str, change: dict[str, Any], refused: dict[tuple[str, str], str],
           layouts: dict[str, _Layout]) -> _Write:
    """One pulled record as a local write (raises Invalid); a report's clash with another
    local report of the day is settled later, on the store's thread (``_place_report``)."""
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
    layout = layouts[table]
    # what SQLite cannot hold is found when the page's write fails (``_storable`` then names it)
    row = local_row(data, layout.columns, layout.converted)
    write = _Write(entity, entity_id, table, row, seq=change.get("seq"), data=change.get("data"))
    if entity == "report":
        acts = data.get("activities") or []
        if not isinstance(acts, list):
            raise Invalid("activities: expected a list")
        act_columns = layouts["activities"].columns
        write.activities = []
        for index, act in enumerate(acts):
            prefix = f"activities.{index}."
            if not isinstance(act, dict):
                raise Invalid(f"{prefix[:-1]}: expected an object, got {type(act).__name__}")
            write.activities.append(local_row({**act, "report_id": entity_id}, act_columns, []))
    return write


def _check_storable(write: _Write, layouts: dict[str, _Layout]) -> None:
    """Raise Invalid naming a value of ``write`` SQLite cannot hold."""
    if write.row is not None:
        _storable(write.row, layouts[write.table].columns)
    for index, act_row in enumerate(write.activities or ()):
        _storable(act_row, layouts["activities"].columns, f"activities.{index}.")


# --- pulled records kept aside --------------------------------------------------------------


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


def _any_open(db: Database) -> bool:
    return db.execute("SELECT 1 FROM pulled_problems WHERE resolution IS NULL LIMIT 1").fetchone() is not None


def _supersede(db: Database, keys: list[tuple[str, str]]) -> None:
    """A good copy of these (entity, entity_id) records was stored: their problems are over."""
    stamp = _now()
    db.conn.executemany(
        """UPDATE pulled_problems SET resolution = 'superseded', updated_at = ?
           WHERE entity = ? AND entity_id = ? AND resolution IS NULL""",
        [(stamp, entity, entity_id) for entity, entity_id in keys],
    )


def open_problem_count(db: Database) -> int:
    count: int = db.execute("SELECT COUNT(*) FROM pulled_problems WHERE resolution IS NULL").fetchone()[0]
    return count


def open_problems(db: Database) -> list[dict[str, Any]]:
    """Unresolved problems, oldest first, in the shape of outbox ops (``as_op``)."""
    cursor = db.execute("SELECT * FROM pulled_problems WHERE resolution IS NULL ORDER BY id")
    columns = [d[0] for d in cursor.description]
    return [as_op(dict(zip(columns, row, strict=True))) for row in cursor.fetchall()]


def as_op(problem: dict[str, Any]) -> dict[str, Any]:
    """A problem in the shape of an outbox op (``state`` 'invalid', ``op`` 'pull', ``op_id``
    'pulled:N'), so every problems list shows both alike."""
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
        "op_id": f"{PROBLEM_KEY_PREFIX}{problem['id']}",
        "entity": problem["entity"],
        "entity_id": problem["entity_id"],
        "op": PROBLEM_OP,
        "state": PROBLEM_STATE,
        "last_error": problem["reason"],
        "payload": payload,
        "result": {"id": problem["entity_id"], "server_seq": problem["server_seq"]},
        "source": "pull",
        "created_at": problem["created_at"],
        "updated_at": problem["updated_at"],
    }


def is_problem_key(op_id: str) -> bool:
    return op_id.startswith(PROBLEM_KEY_PREFIX)


def _resolve_pulled(db: Database, op_id: str, resolution: str) -> None:
    """'dismissed': forget it (the local copy stays as it was); 'retried': check it again at
    the next sync (``recheck_kept_records``)."""
    problem_id = int(op_id[len(PROBLEM_KEY_PREFIX):])
    value = "retry" if resolution == "retried" else resolution
    db.execute("UPDATE pulled_problems SET resolution = ?, updated_at = ? WHERE id = ?", (value, _now(), problem_id))


def _to_recheck(db: Database) -> list[dict[str, Any]]:
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


def _close(db: Database, problem_ids: list[int], resolution: str | None) -> None:
    """Set the resolution of these problems (None: open again)."""
    db.conn.executemany("UPDATE pulled_problems SET resolution = ?, updated_at = ? WHERE id = ?",
                        [(resolution, _now(), i) for i in problem_ids])


def _meta_time(value: str | None) -> dt.datetime | None:
    """A stored ISO time as an aware datetime; None when absent or unreadable (no wait then)."""
    if not value:
        return None
    try:
        when = dt.datetime.fromisoformat(value)
    except ValueError:
        return None
    return when if when.tzinfo else when.replace(tzinfo=dt.UTC)


def _next_try(retry_at: dt.datetime | None, now: dt.datetime) -> str | None:
    """The status's next sync try: only while a failure's wait is still running."""
    return retry_at.isoformat() if retry_at is not None and retry_at > now else None


@contextlib.contextmanager
def _as_domain_error() -> Iterator[None]:
    """Content kept in a problem that the domain now refuses: one DomainError, for people."""
    from pydantic import ValidationError

    from sk_tui.domain.errors import validation_error

    try:
        yield
    except ValidationError as exc:
        raise validation_error(exc) from None
    except (KeyError, TypeError) as exc:  # a payload this version did not write
        from sk_tui.domain.errors import DomainError

        raise DomainError("problem_not_editable", what=str(exc)[:40]) from None


def _queued_by_record(ops: list[dict[str, Any]]) -> dict[tuple[str, str], list[dict[str, Any]]]:
    """Queued ops by the record a pull could bring for them: their own, and a review's report."""
    out: dict[tuple[str, str], list[dict[str, Any]]] = {}
    for op in ops:
        out.setdefault((op["entity"], op["entity_id"]), []).append(op)
        if op["entity"] == "review" and isinstance(op.get("report_id"), str):
            out.setdefault(("report", op["report_id"]), []).append(op)
    return out


def _record_of(op: dict[str, Any]) -> tuple[str, str]:
    """The record an op changes (a review changes its report)."""
    payload = op.get("payload")
    if op["entity"] == "review" and isinstance(payload, dict) and isinstance(payload.get("report_id"), str):
        return "report", payload["report_id"]
    return op["entity"], op["entity_id"]


def _answer_copy(result_json: str | None) -> dict[str, Any] | None:
    """The server's copy a conflict answer carries (its ``current``), when it has one."""
    if not result_json:
        return None
    try:
        current = json.loads(result_json).get("current")
    except (ValueError, AttributeError):
        return None
    return current if isinstance(current, dict) and isinstance(current.get("id"), str) else None


def _pull_tables() -> list[str]:
    return sorted({*ENTITY_TABLES.values(), "activities"})


def _deferrable_indexes(db: Database) -> list[tuple[str, str]]:
    """(name, CREATE statement) of the indexes a pull into an empty workspace may build after
    its last page: the secondary indexes the screens read by. Kept: unique ones (they decide
    what is stored), primary keys, and an activity's report index (a re-sent report's
    activities are deleted by it on every page)."""
    out = []
    for table in _pull_tables():
        for _, name, unique, origin, *_ in db.execute(f'PRAGMA index_list("{table}")').fetchall():
            if unique or origin != "c":
                continue
            first = db.execute(f'PRAGMA index_info("{name}")').fetchone()
            if table == "activities" and first is not None and first[2] == "report_id":
                continue
            sql = db.execute("SELECT sql FROM sqlite_master WHERE type = 'index' AND name = ?", (name,)).fetchone()
            if sql is not None and sql[0]:
                out.append((name, sql[0]))
    return out


def _if_not_exists(sql: str) -> str:
    """A stored CREATE INDEX statement that leaves an index built meanwhile alone."""
    head, sep, rest = sql.partition("INDEX")
    if not sep or rest.lstrip().upper().startswith("IF NOT EXISTS"):
        return sql
    return f"{head}INDEX IF NOT EXISTS{rest}"



# --- the store's side of a sync -------------------------------------------------------------


class ReplicaMixin(BaseStore):
    """Pulled pages, the cursor and epoch, and the sync bookkeeping in ``meta``."""

    # --- reading the bookkeeping ---------------------------------------------------------

    def pull_cursor(self) -> int:
        return int(self.get_meta(CURSOR_KEY) or 0)

    def server_epoch(self) -> str | None:
        return self.get_meta(EPOCH_KEY)

    def sync_failures(self) -> int:
        """Failed attempts in a row (the backoff grows with them)."""
        return int(self.get_meta(FAILURES_KEY) or 0)

    def sync_retry_at(self, now: dt.datetime | None = None) -> dt.datetime | None:
        """When the app's timer may sync again after a failure (None: no failure to wait for).

        The wait is stored as wall-clock times (the CLI exits between syncs, so a monotonic
        reading would not survive), and read defensively: a failure stamped in the future means
        the clock was fast then and has been set back, so how long ago it failed is unknown and
        the wait is over; a retry time more than ``RETRY_CAP`` ahead cannot come from a capped
        wait and is over too. So no clock jump holds sync back longer than the cap.
        """
        now = now or clock.now()
        retry_at, failed_at = _meta_time(self.get_meta(RETRY_AT_KEY)), _meta_time(self.get_meta(FAILED_AT_KEY))
        if retry_at is None:
            return None
        if (failed_at is not None and failed_at > now) or retry_at - now > RETRY_CAP:
            return now
        return retry_at

    # --- writing it ----------------------------------------------------------------------

    def remember_sync_account(self, employee_id: str, server_url: str) -> None:
        """The token's user owns this workspace; the server it syncs with."""
        with self.transaction():
            self.set_meta_values({"me": employee_id, "server_url": server_url})

    def remember_server_epoch(self, epoch: str) -> None:
        self.set_meta(EPOCH_KEY, epoch)

    def record_sync_success(self) -> int:
        """A sync ran through: stamp it, clear the failure count, and prune acked ops older
        than ``ACKED_RETENTION``; returns how many were pruned."""
        now = clock.now()  # the clock that stamps the ops' updated_at (outbox.py), not a screen's
        with self.transaction():
            self.set_meta_values({LAST_SYNC_KEY: now.isoformat(), FAILURES_KEY: "0"})
            self.db.execute("DELETE FROM meta WHERE key IN (?, ?, ?)", (RETRY_AT_KEY, FAILED_AT_KEY, LAST_ERROR_KEY))
            return outbox.prune_acked(self.db, (now - ACKED_RETENTION).isoformat())

    def record_sync_failure(self, failures: int, error: str, wait: dt.timedelta | None) -> None:
        """A sync stopped early: how many failures in a row, why, and how long the timer waits
        before trying again (capped at ``RETRY_CAP``; None: no wait)."""
        now = clock.now()
        values = {FAILURES_KEY: str(failures), LAST_ERROR_KEY: error[:500]}
        with self.transaction():
            if wait is None:
                self.db.execute("DELETE FROM meta WHERE key IN (?, ?)", (RETRY_AT_KEY, FAILED_AT_KEY))
            else:
                wait = min(max(wait, dt.timedelta(0)), RETRY_CAP)
                values |= {FAILED_AT_KEY: now.isoformat(), RETRY_AT_KEY: (now + wait).isoformat()}
            self.set_meta_values(values)

    # --- what the user sees --------------------------------------------------------------

    def status(self) -> dict[str, Any]:
        """What `sk-tui status` shows: queued ops, unresolved problems, last sync time, and
        while a failed sync's wait runs, when the next try is due (``next_try``)."""
        now = clock.now()
        return {
            "queued": outbox.queued_count(self.db),
            "problems": self.sync_problem_count(),
            "last_sync": self.get_meta(LAST_SYNC_KEY),
            "next_try": _next_try(self.sync_retry_at(now), now),
            "server": self.get_meta("server_url"),
            "device_id": self.device_id,
        }

    def sync_problems(self) -> list[dict[str, Any]]:
        """Ops the server refused that the user has not resolved, then the pulled records kept
        aside, all shaped like outbox ops (pulled ones: ``state`` 'invalid', ``op`` 'pull')."""
        return outbox.problem_ops(self.db) + open_problems(self.db)

    def sync_problem_count(self) -> int:
        """How many ``sync_problems`` there are."""
        return outbox.problem_count(self.db) + open_problem_count(self.db)

    def resolve_problem(self, op_id: str, resolution: str) -> None:
        """The user dealt with a sync problem.

        For an op the server refused (or that the server's newer copy overtook):

        - 'reapplied' (or 'retried'): the content goes again as a NEW op on the record's current
          version (``reapply``); a DomainError says why it cannot (e.g. the report was approved);
        - 'dismissed': keep the server's copy (the device already shows it);
        - 'edited': the content goes back into a local draft to change before sending
          (reports; ``edit_problem`` for what the screens open).

        For a pulled record kept aside: 'retried' checks it again at the next sync, 'dismissed'
        forgets it.
        """
        with self.transaction():
            if is_problem_key(op_id):
                _resolve_pulled(self.db, op_id, resolution)
                return
            if resolution in ("retried", "reapplied"):
                self.reapply(op_id)
                return
            if resolution == "edited":
                self.edit_problem(op_id)
                return
            outbox.resolve(self.db, op_id, resolution)

    def _problem(self, op_id: str) -> dict[str, Any]:
        from sk_tui.domain.errors import DomainError

        op = outbox.problem_op(self.db, op_id)
        if op is None or op["state"] not in outbox.PROBLEM_STATES or op.get("resolution"):
            raise DomainError("problem_unknown", what=op_id)
        return op

    def reapply(self, op_id: str) -> str | None:
        """Send a problem op's content again, on the record's current version: a new op (and
        the local record changed as it would be), the problem resolved 'reapplied'. Returns the
        new op's id (None when nothing needed sending)."""
        from sk_tui.domain.errors import DomainError

        store = cast(Any, self)
        with _as_domain_error(), self.transaction():
            op = self._problem(op_id)
            entity, kind, payload = op["entity"], op["op"], op["payload"]
            if entity == "task":
                new_id = self._reapply_task(op)
            elif entity == "report" and kind == "submit":
                new_id = self._reapply_report(payload)
            elif entity == "review" and kind == "decide":
                review = store.review_report(payload["report_id"], payload["reviewer_id"], payload["decision"],
                                             payload.get("note") or "")
                new_id = self._last_op_id(review.id)
            elif entity == "feedback" and kind == "create":
                from sk_tui.domain.models import Feedback
                from sk_tui.domain.models import new_id as fresh_id

                fb = from_row(Feedback, {**payload, "id": fresh_id()})
                self._insert("feedback", to_row(fb))
                new_id = outbox.enqueue(self.db, entity="feedback", entity_id=fb.id, op="create", base_version=0,
                                        payload=to_row(fb))
            else:
                raise DomainError("problem_unknown", what=op_id)
            outbox.resolve(self.db, op_id, "reapplied")
        return new_id

    def _last_op_id(self, entity_id: str) -> str | None:
        ops = outbox.ops_for_entity(self.db, entity_id)
        return ops[-1]["op_id"] if ops else None

    def _reapply_task(self, op: dict[str, Any]) -> str | None:
        from sk_tui.domain.models import Task
        from sk_tui.store.tasks import EDITABLE_TASK_FIELDS

        store = cast(Any, self)
        payload = op["payload"]
        current = store.task(op["entity_id"])
        if current is None:  # not on the server (a refused create): create it again
            task = from_row(Task, {**payload, "id": op["entity_id"]})
            store.create_task(task.team_id, task.title, description=task.description, assignees=task.assignees,
                              status=task.status, due_date=task.due_date, target_id=task.target_id,
                              indicator_id=task.indicator_id, task_id=task.id)
            return self._last_op_id(task.id)
        mine = from_row(Task, {**to_row(current), **payload, "id": current.id})
        changes = {k: getattr(mine, k) for k in payload if k in EDITABLE_TASK_FIELDS
                   and getattr(mine, k) != getattr(current, k)}
        if not changes:
            return None  # the server's copy already says what mine said
        store.update_task(current.id, **changes)
        return self._last_op_id(current.id)

    def _reapply_report(self, payload: dict[str, Any]) -> str:
        """My report's content as the day's report on the server's current version."""
        from sk_tui.domain import rules
        from sk_tui.domain.errors import DomainError
        from sk_tui.domain.models import Activity, DailyReport, ReportStatus

        store = cast(Any, self)
        mine = from_row(DailyReport, payload)
        existing = store.report_for(mine.employee_id, mine.work_date)
        if existing is not None and existing.status == ReportStatus.APPROVED:
            raise DomainError("report_locked", day=mine.work_date.isoformat(), status="approved")
        rid = existing.id if existing is not None else mine.id
        base = existing.version if existing is not None else 0
        acts = [from_row(Activity, {**a, "report_id": rid}) for a in payload.get("activities") or []]
        if not acts:
            raise DomainError("report_empty", day=mine.work_date.isoformat())
        total = sum(a.minutes for a in acts)
        rules.check_day_total(mine.work_date, total, self.policy)
        keep = {k: getattr(existing, k) for k in ("review_note", "reviewed_by", "reviewed_at")} if existing else {}
        report = mine.model_copy(update={"id": rid, "status": ReportStatus.SUBMITTED, "version": base + 1,
                                         "submitted_at": self.now(), **keep})
        self.db.execute("DELETE FROM activities WHERE report_id = ?", (rid,))
        self._insert("reports", {**to_row(report), "total_minutes": total}, replace=True)
        for act in acts:
            self._insert("activities", to_row(act), replace=True)
        return outbox.enqueue(self.db, entity="report", entity_id=rid, op="submit", base_version=base,
                              payload=store.report_payload(report))

    def edit_problem(self, op_id: str) -> dict[str, Any]:
        """'Edit': put a problem's content back where the user can change it before sending.

        A report's activities go into the day's local report when that one may be edited (a
        draft, or returned), else into a new draft when the day has none; the problem is then
        resolved 'edited'. Returns ``{"entity", "id", "fields"}``: for a report the report to
        open; for a task the card (the server's) and my values for its form, the problem left
        open until the form is saved (``reapply``, or a save, resolves it)."""
        from sk_tui.domain.errors import DomainError
        from sk_tui.domain.models import Activity, DailyReport, ReportStatus, Task, new_id

        store = cast(Any, self)
        with _as_domain_error(), self.transaction():
            op = self._problem(op_id)
            payload = op["payload"]
            if op["entity"] == "task":
                current = store.task(op["entity_id"])
                card = from_row(Task, {**(to_row(current) if current else {}), **payload, "id": op["entity_id"]})
                return {"entity": "task", "id": op["entity_id"] if current else None,
                        "fields": {k: getattr(card, k) for k in payload if hasattr(card, k)}}
            if op["entity"] != "report":
                raise DomainError("problem_not_editable", what=op["entity"])
            mine = from_row(DailyReport, payload)
            existing = store.report_for(mine.employee_id, mine.work_date)
            if existing is not None and existing.status not in (ReportStatus.DRAFT, ReportStatus.RETURNED):
                raise DomainError("report_locked", day=mine.work_date.isoformat(), status=existing.status.value)
            if existing is None:
                existing = mine.model_copy(update={"status": ReportStatus.DRAFT, "version": 0, "submitted_at": None,
                                                   "review_note": "", "reviewed_by": None, "reviewed_at": None})
                self._insert("reports", to_row(existing), replace=True)
            self.db.execute("DELETE FROM activities WHERE report_id = ?", (existing.id,))
            total = 0
            for position, raw in enumerate(payload.get("activities") or []):
                act = from_row(Activity, {**raw, "id": new_id(), "report_id": existing.id, "position": position})
                self._insert("activities", to_row(act))
                total += act.minutes
            self.db.execute("UPDATE reports SET total_minutes = ? WHERE id = ?", (total, existing.id))
            outbox.resolve(self.db, op_id, "edited")
            return {"entity": "report", "id": existing.id, "fields": {"work_date": mine.work_date.isoformat()}}

    # --- pulled pages --------------------------------------------------------------------

    def apply_pulled_page(self, changes: list[Any] | CheckedPage, next_cursor: int,
                          counts: dict[str, int] | None = None, *, final: bool = False) -> int:
        """Write a page of changes and move the cursor, atomically; returns records written.

        Records that cannot be stored are kept aside as sync problems (counted in
        ``counts["kept_aside"]``); the cursor passes them. ``final``: the server has no more
        pages; a full re-pull then removes what the server did not send (``counts["removed"]``).
        ``changes``: the page's changes, or the page already checked (``check_page``).
        """
        raw = changes.changes if isinstance(changes, CheckedPage) else changes
        with self.without_fsync(), self.transaction():
            meta = dict(self.db.execute("SELECT key, value FROM meta WHERE key IN (?, ?, ?)",
                                        (RESYNC_KEY, CURSOR_KEY, DEFERRED_INDEXES_KEY)).fetchall())
            if meta.get(CURSOR_KEY, "0") == "0" and DEFERRED_INDEXES_KEY not in meta and not final:
                self._defer_indexes()
            resync = meta.get(RESYNC_KEY) == "1"
            if resync:
                self.db.conn.executemany(
                    "INSERT OR IGNORE INTO resync_seen (entity, entity_id) VALUES (?, ?)",
                    [(c["entity"], c["entity_id"]) for c in raw if isinstance(c, dict)
                     and isinstance(c.get("entity"), str) and isinstance(c.get("entity_id"), str)])
            written = self._apply_changes(changes, counts)
            self.set_meta_values({CURSOR_KEY: str(next_cursor)})
            if resync and final:
                removed = self._remove_unseen()
                if counts is not None:
                    counts["removed"] = counts.get("removed", 0) + removed
            if final:
                self.build_deferred_indexes()
        return written

    @contextlib.contextmanager
    def pulling(self, pages: int = PULL_CHECKPOINT_PAGES) -> Iterator[None]:
        """A pull's pages: the WAL is copied back into the database (a checkpoint, which waits
        for the disk) every ``pages`` pages instead of SQLite's 1,000, so a pull of many pages
        does not wait for a checkpoint every few pages; the pages a pull rewrites again and
        again (an index's) are copied once per checkpoint. Durability is the WAL's either way."""
        conn = self.db.conn
        before = conn.execute("PRAGMA wal_autocheckpoint").fetchone()[0]
        conn.execute(f"PRAGMA wal_autocheckpoint={max(int(pages), before)}")
        try:
            yield
        finally:
            conn.execute(f"PRAGMA wal_autocheckpoint={int(before)}")

    def _defer_indexes(self) -> None:
        """A pull into an empty workspace (a new device): drop the screens' indexes of the
        tables it fills, to build each once after its last page instead of growing it row by
        row (``build_deferred_indexes``). Their statements are kept in ``meta`` in the same
        transaction as the first page, so a pull killed midway still ends with them built when
        it resumes; the pull's own look-ups keep their indexes."""
        db = self.db
        if any(db.execute(f'SELECT 1 FROM "{table}" LIMIT 1').fetchone() for table in _pull_tables()):
            return
        indexes = _deferrable_indexes(db)
        if not indexes:
            return
        for name, _ in indexes:
            db.execute(f'DROP INDEX "{name}"')
        self.set_meta_values({DEFERRED_INDEXES_KEY: json.dumps([sql for _, sql in indexes])})

    def build_deferred_indexes(self) -> bool:
        """Build the indexes a first pull deferred (``_defer_indexes``), if any; True when built.
        The last page's transaction calls it; the sync client too when a pull stops early, so
        the screens never go on without them."""
        if not self._depth and self.get_meta(DEFERRED_INDEXES_KEY) is None:
            return False  # the common case, without a write transaction
        with self.transaction():
            stored = self.get_meta(DEFERRED_INDEXES_KEY)
            if stored is None:
                return False
            for sql in json.loads(stored):
                self.db.execute(_if_not_exists(sql))
            self.db.execute("DELETE FROM meta WHERE key = ?", (DEFERRED_INDEXES_KEY,))
            return True

    def begin_resync(self) -> None:
        """Pull everything again from 0; when the last page is in, remove local records the
        server did not send (kept: drafts, records with queued ops)."""
        with self.transaction():
            self.db.execute("DELETE FROM resync_seen")
            self.set_meta_values({CURSOR_KEY: "0", RESYNC_KEY: "1"})

    def resync_pending(self) -> bool:
        return self.get_meta(RESYNC_KEY) == "1"

    def check_scope(self, scope: str | None) -> bool:
        """The scope fingerprint a pull page carries (what this user may see: teams, roles).
        A change means a full re-pull: True when one was begun (the caller starts again at 0)."""
        if not scope:
            return False
        known = self.get_meta(SCOPE_KEY)
        if known == scope:
            return False
        with self.transaction():
            self.set_meta(SCOPE_KEY, scope)
            # a first scope on a workspace that already pulled (an older version's) needs the
            # re-pull too: what it was given before may have been narrower
            if known is None and self.pull_cursor() == 0:
                return False
            self.begin_resync()
        return True

    def _remove_unseen(self) -> int:
        """End of a full re-pull: drop local records the server did not send; returns how many."""
        db = self.db
        removed = 0
        queued = "SELECT entity_id FROM outbox WHERE state IN ('pending', 'inflight')"
        for entity, table in ENTITY_TABLES.items():
            draft = " AND status != 'draft'" if table == "reports" else ""
            removed += db.execute(
                f"""DELETE FROM {table} WHERE id NOT IN (SELECT entity_id FROM resync_seen WHERE entity = ?)
                    AND id NOT IN ({queued}){draft}""", (entity,)).rowcount
        db.execute("DELETE FROM activities WHERE report_id NOT IN (SELECT id FROM reports)")
        db.execute("DELETE FROM resync_seen")
        self.db.execute("DELETE FROM meta WHERE key = ?", (RESYNC_KEY,))
        return removed

    def settle_push_results(self, results: list[outbox.PushResult], unanswered: Sequence[str] = (),
                            counts: dict[str, int] | None = None) -> list[str]:
        """Record the server's answers for a batch (``OutboxMixin.record_push_results``) and, for
        each refused op, put the server's copy back: the conflict answer's copy at once, else by
        a full re-pull. Later queued ops on the same record become problems (blocked).

        Returns the ops that wait in the queue for a later sync (re-sent after a server restore,
        refused for a record another device has still to re-send)."""
        with self.transaction():
            refused = [r for r in results if r.state != outbox.OpState.ACKED]
            resent = outbox.resent_ids(self.db, [r.op_id for r in refused]) if refused else set()
            cast(Any, self).record_push_results(results, unanswered)  # OutboxMixin: writes the states
            if not refused:
                return []
            # after a server restore, another device may still have to re-send the record these
            # ops build on: they wait in the queue rather than become problems
            waiting = [r.op_id for r in refused if r.op_id in resent
                       and (r.error or "").split(":", 1)[0] in _WAITS_FOR_ANOTHER_DEVICE]
            if waiting:
                outbox.defer(self.db, waiting)
                refused = [r for r in refused if r.op_id not in set(waiting)]
                if not refused:
                    return waiting
            copies: list[dict[str, Any]] = []
            resync = False
            for r in refused:
                op = outbox.problem_op(self.db, r.op_id)
                if op is None:
                    continue
                record = _record_of(op)
                later = [q["op_id"] for q in outbox.queued_on(self.db)
                         if record in (( q["entity"], q["entity_id"]), ("report", q.get("report_id")))]
                outbox.supersede(self.db, later, outbox.OpState.BLOCKED, BLOCKED_BEHIND)
                current = _answer_copy(r.result_json)
                if current is not None:
                    entity = "report" if op["entity"] in ("report", "review") else op["entity"]
                    copies.append({"entity": entity, "entity_id": current["id"], "kind": "upsert", "data": current})
                else:
                    resync = True
            if copies:
                self._apply_changes(copies, counts)
            if resync:
                self.begin_resync()
            return waiting

    def recheck_kept_records(self, counts: dict[str, int] | None = None) -> int:
        """Check again the kept-aside records the user asked to retry; returns how many now stored.

        Each retry closes its problem; a record that still fails opens a new one with today's reason.
        """
        with self.transaction():
            kept = _to_recheck(self.db)
            if not kept:
                return 0
            # a record too big to keep a copy of cannot be checked again: it stays listed
            _close(self.db, [k["id"] for k in kept if k["data"] is None], None)
            _close(self.db, [k["id"] for k in kept if k["data"] is not None], "rechecked")
            changes = [{"seq": k["seq"], "entity": k["entity"], "entity_id": k["entity_id"], "kind": "upsert",
                        "data": k["data"]} for k in kept if k["data"] is not None]
            return self._apply_changes(changes, counts)

    def reset_for_new_epoch(self, epoch: str | None) -> int:
        """The server was restored or replaced: pull everything again (removing what it no
        longer holds, unless an op re-sends it) and re-push every kept op.

        Returns how many acked ops go back in the queue (the server's dedup absorbs repeats).
        """
        with self.transaction():
            requeued = outbox.requeue_acked(self.db)
            self.begin_resync()
            if epoch is not None:
                self.set_meta_values({EPOCH_KEY: epoch})
            return requeued

    # --- the pull path (hot: see bench/bench_sync.py) -------------------------------------

    def _layout(self, table: str) -> _Layout:
        layout = self._replica_layouts.get(table)
        if layout is None:
            columns = [row[1] for row in self.db.execute(f"PRAGMA table_info({table})").fetchall()]
            layout = self._replica_layouts[table] = _Layout(
                columns, [i for i, column in enumerate(columns) if column in _CONVERTED],
                f"INSERT OR REPLACE INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})")
        return layout

    def _settle_collisions(self, latest: dict[tuple[str, str], dict[str, Any]],
                           queued: dict[tuple[str, str], list[dict[str, Any]]]) -> dict[tuple[str, str], dict[str, Any]]:
        """Pulled records with local ops queued on them: keep the local copy while the server's
        is the version the ops were made on (or older); a newer one wins and the ops become
        problems. Returns the changes to write."""
        out = {}
        for key, change in latest.items():
            ops = queued.get(key)
            if not ops:
                out[key] = change
                continue
            data = change.get("data")
            pulled = data.get("version") if isinstance(data, dict) else None
            first = ops[0]
            base = first["base_version"] if first["entity"] == key[0] else first.get("report_version")
            if change.get("kind") != "delete" and data is not None and (
                    key[0] not in ("task", "report") or (
                        isinstance(pulled, int) and isinstance(base, int) and pulled <= base)):
                continue  # the local copy is ahead of this one: its ops' outcome comes later
            outbox.supersede(self.db, [op["op_id"] for op in ops], outbox.OpState.CONFLICT, CHANGED_ON_SERVER)
            for op in ops:  # the ops are problems now: nothing is ahead on their records any more
                for other in queued.values():
                    if op in other:
                        other.remove(op)
            out[key] = change
        return out

    def pull_layouts(self) -> dict[str, _Layout]:
        """Every table a pull writes, as ``check_page`` needs it (read here, on the store's thread)."""
        return {table: self._layout(table) for table in (*ENTITY_TABLES.values(), "activities")}

    def _place_report(self, write: _Write, me: str | None,
                      queued: dict[tuple[str, str], list[dict[str, Any]]]) -> None:
        """Another local report of the same person and day is replaced by the pulled one (mine:
        its content kept as a problem, ``_yield_day``)."""
        data = write.data if isinstance(write.data, dict) else {}
        clash = self.db.execute(
            "SELECT id, status FROM reports WHERE employee_id = ? AND work_date = ? AND id != ?",
            (data.get("employee_id"), data.get("work_date"), write.entity_id),
        ).fetchone()
        if clash is not None and data.get("employee_id") == me:
            _check_storable(write, self.pull_layouts())  # before my report yields to one not stored
            self._yield_day(clash[0], clash[1], queued)
        write.clash = clash[0] if clash is not None else None

    def _yield_day(self, report_id: str, status: str, queued: dict[tuple[str, str], list[dict[str, Any]]]) -> None:
        """The server holds another report of mine for this day and it wins: my local one goes,
        its content kept as a problem (its queued ops; a draft is parked as one)."""
        ops = [op["op_id"] for op in queued.get(("report", report_id), [])]
        if ops:
            outbox.supersede(self.db, ops, outbox.OpState.CONFLICT, DAY_TAKEN)
            queued.pop(("report", report_id), None)
        elif status == "draft" and self.scalar("SELECT 1 FROM activities WHERE report_id = ?", (report_id,)):
            from sk_tui.domain.models import DailyReport

            row = self.one("SELECT * FROM reports WHERE id = ?", (report_id,)) or {}
            payload = cast(Any, self).report_payload(from_row(DailyReport, row))
            outbox.park(self.db, entity="report", entity_id=report_id, op="submit", payload=payload, error=DAY_TAKEN)

    def _write_all(self, writes: list[_Write]) -> None:
        """Every write set-wise (the fast path of a normal page)."""
        conn = self.db.conn
        deletes: dict[str, list[tuple[str]]] = {}
        rows: dict[str, list[tuple[Any, ...]]] = {}
        reports: list[_Write] = []
        table_rows: list[tuple[Any, ...]] | None = None
        last = None
        for w in writes:
            if w.row is None:
                deletes.setdefault(w.table, []).append((w.entity_id,))
                continue
            if w.table is not last:  # pages come in runs of one table
                last = w.table
                table_rows = rows.setdefault(last, [])
            cast(list, table_rows).append(w.row)
            if w.entity == "report":
                reports.append(w)
        for table, keys in deletes.items():
            conn.executemany(f"DELETE FROM {table} WHERE id = ?", keys)
        clashes = [(w.clash,) for w in reports if w.clash]
        if clashes:
            conn.executemany("DELETE FROM reports WHERE id = ?", clashes)
            conn.executemany("DELETE FROM activities WHERE report_id = ?", clashes)
        if reports:
            conn.executemany("DELETE FROM activities WHERE report_id = ?", [(w.entity_id,) for w in reports])
        for table, table_rows in rows.items():
            conn.executemany(self._layout(table).insert_sql, table_rows)
        activities = [a for w in reports for a in (w.activities or [])]
        if activities:
            conn.executemany(self._layout("activities").insert_sql, activities)

    def _write_one(self, w: _Write) -> None:
        db = self.db
        if w.row is None:
            db.execute(f"DELETE FROM {w.table} WHERE id = ?", (w.entity_id,))
            return
        if w.clash:
            db.execute("DELETE FROM reports WHERE id = ?", (w.clash,))
            db.execute("DELETE FROM activities WHERE report_id = ?", (w.clash,))
        if w.entity == "report":
            db.execute("DELETE FROM activities WHERE report_id = ?", (w.entity_id,))
        db.execute(self._layout(w.table).insert_sql, w.row)
        if w.activities:
            db.conn.executemany(self._layout("activities").insert_sql, w.activities)

    def _apply_changes(self, changes: list[Any] | CheckedPage, counts: dict[str, int] | None = None) -> int:
        """Check and write a page's records inside the caller's transaction; returns records written.

        A record that fails a check, or that SQLite refuses, is kept aside as a problem and the
        rest of the page still applies; ``counts["kept_aside"]`` grows.
        """
        counts = counts if counts is not None else {}
        counts.setdefault("kept_aside", 0)
        db = self.db
        checked = changes if isinstance(changes, CheckedPage) else check_page(changes, self.pull_layouts())
        for entity, entity_id, reason, data, seq in checked.bad:
            keep_aside(db, entity=entity, entity_id=entity_id, reason=reason, data=data, server_seq=seq)
            counts["kept_aside"] += 1
        latest = checked.latest
        queued = _queued_by_record(outbox.queued_on(db)) if latest else {}
        if queued:
            latest = self._settle_collisions(latest, queued)
        me = self.get_meta("me")
        writes: list[_Write] = []
        for key, change in latest.items():
            write = checked.shaped[key]
            if isinstance(write, str):
                keep_aside(db, entity=key[0], entity_id=key[1], reason=write,
                           data=change.get("data"), server_seq=change.get("seq"))
                counts["kept_aside"] += 1
                continue
            if write.entity == "report" and write.row is not None:
                try:
                    self._place_report(write, me, queued)
                except Invalid as exc:
                    keep_aside(db, entity=key[0], entity_id=key[1], reason=str(exc),
                               data=change.get("data"), server_seq=change.get("seq"))
                    counts["kept_aside"] += 1
                    continue
            writes.append(write)
        db.execute("SAVEPOINT apply_page")
        try:
            self._write_all(writes)
            db.execute("RELEASE apply_page")
            written = writes
        except _WRITE_ERRORS:
            # something the checks did not foresee: find the record(s) one by one, keep the rest
            db.execute("ROLLBACK TO apply_page")
            db.execute("RELEASE apply_page")
            written = []
            layouts = self.pull_layouts()
            for w in writes:
                try:
                    _check_storable(w, layouts)
                except Invalid as exc:
                    keep_aside(db, entity=w.entity, entity_id=w.entity_id, reason=str(exc), data=w.data,
                               server_seq=w.seq)
                    counts["kept_aside"] += 1
                    continue
                db.execute("SAVEPOINT apply_record")
                try:
                    self._write_one(w)
                except _WRITE_ERRORS as exc:
                    db.execute("ROLLBACK TO apply_record")
                    db.execute("RELEASE apply_record")
                    keep_aside(db, entity=w.entity, entity_id=w.entity_id,
                               reason=f"not stored: {type(exc).__name__}: {exc}", data=w.data, server_seq=w.seq)
                    counts["kept_aside"] += 1
                    continue
                db.execute("RELEASE apply_record")
                written.append(w)
        if written and _any_open(db):
            _supersede(db, [(w.entity, w.entity_id) for w in written])
        return len(written)
