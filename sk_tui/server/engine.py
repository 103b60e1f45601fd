"""Deciding a pushed batch set-wise (DESIGN.md sections 4 and 9).

One push is one write transaction: a handful of queries load everything the batch touches
(dedup rows, reports, tasks, teams and their people), every op is decided in memory in order
against that state, and the outcome is written with a few bulk statements: upserts of the
records, the change-log rows and the dedup rows together.

    >>> results = PushEngine(db, policy).push("emp-ani", ops)      # doctest: +SKIP
    >>> results[0]["status"]                                      # doctest: +SKIP
    'applied'
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import math
from collections.abc import Callable
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError
from sqlalchemy.exc import DBAPIError

from sk_tui import clock
from sk_tui.domain import rules
from sk_tui.domain.errors import BOUND_WORDS, REFUSALS, DomainError, validation_error
from sk_tui.domain.models import (
    Activity,
    DailyReport,
    Feedback,
    ReportStatus,
    Review,
    Task,
    Verdict,
)
from sk_tui.domain.policy import Policy
from sk_tui.server import storage as st
from sk_tui.sync import protocol as p

_M = TypeVar("_M", bound=BaseModel)

_EXTRA_MESSAGES = REFUSALS  # the words live in the domain's catalogue (domain/errors.py)


log = logging.getLogger(__name__)

# Backstops on any value a payload carries, whatever the domain models say: every integer fits
# a PostgreSQL INTEGER column (and so SQLite and every client), every float is finite (JSON has
# no NaN), every string is storable text of sane length, and nothing nests or repeats without end.
MAX_INT = 2**31 - 1
MAX_VERSION = MAX_INT - 1  # a version is base_version + 1 and must still fit
MAX_STRING = 65_536
MAX_ITEMS = 2_000
MAX_DEPTH = 8
MAX_ID = 64
_WHY_BOUND = BOUND_WORDS


# field names, computed once (pydantic's model_fields is a property with a cost per access)
REPORT_FIELDS = frozenset(DailyReport.model_fields)
ACTIVITY_FIELDS = frozenset(Activity.model_fields)
REVIEW_FIELDS = frozenset(Review.model_fields)
TASK_FIELDS = frozenset(Task.model_fields)
FEEDBACK_FIELDS = frozenset(Feedback.model_fields)


class Refused(Exception):
    """An op that is not applied: ``status`` conflict/rejected/blocked with a reason ``code``.

    The words come from ``error`` when a domain rule refused the op (its code and message),
    else from the code's own message here (_EXTRA_MESSAGES) filled with ``params``.
    """

    def __init__(self, outcome: str, code: str, current: dict[str, Any] | None = None, *,
                 error: DomainError | None = None, **params: Any):
        super().__init__(code)
        self.status, self.code, self.current, self.params = outcome, code, current, params
        self.error = error

    @classmethod
    def of(cls, outcome: str, error: DomainError, current: dict[str, Any] | None = None) -> Refused:
        """A domain rule's refusal: its code and its message."""
        return cls(outcome, error.code, current, error=error)

    def messages(self) -> tuple[str, str]:
        """(Indonesian, English)."""
        if self.error is not None:
            return self.error.message("id"), self.error.message("en")
        ind, eng = _EXTRA_MESSAGES[self.code]
        try:
            return ind.format(**self.params), eng.format(**self.params)
        except (KeyError, IndexError):
            return ind, eng

    def result(self, op_id: str) -> dict[str, Any]:
        """The op's entry in a PushResponse."""
        ind, eng = self.messages()
        return {"op_id": op_id, "status": self.status, "reason": self.code, "message": ind, "message_en": eng,
                "current": self.current}


# --- records: payload -> model -> row form ------------------------------------------------
# The one path a pushed record takes: _model validates it (lists the local store keeps as JSON
# text decoded first), row_form (storage.py) turns the model into what ``data`` stores and a pull
# sends, and _stored reads a loaded row's ``data`` back, parsed once per batch.

_JSON_LISTS: dict[type[BaseModel], tuple[str, ...]] = {Task: ("assignees",)}  # list fields a client may send as the JSON text it stores


def _model(cls: type[_M], data: dict[str, Any]) -> _M:
    """``data`` as the domain model ``cls``; Refused ``invalid`` naming the first bad field."""
    for name in _JSON_LISTS.get(cls, ()):
        if data.get(name) == "[]":  # the common case (no one assigned): no parse, nothing to check
            data[name] = []
        elif isinstance(data.get(name), str):
            try:
                data[name] = json.loads(data[name])
            except (ValueError, RecursionError):
                continue  # the model refuses the text
            check_values(data[name], f"payload.{name}")
    try:
        return cls.model_validate(data)
    except ValidationError as exc:
        raise Refused(p.REJECTED, "invalid", error=validation_error(exc)) from None


def _stored(state: dict[str, Any]) -> dict[str, Any]:
    """The record of a loaded report or task row (``data``, kept as text until first needed)."""
    if isinstance(state["data"], str):
        state["data"] = json.loads(state["data"])
    data: dict[str, Any] = state["data"]
    return data


def _storable(text: str) -> bool:
    """No NUL (PostgreSQL refuses it) and no lone surrogate (no UTF-8 encoding exists)."""
    if "\x00" in text:
        return False
    if text.isascii():  # the common case: nothing to encode
        return True
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def id_like(value: object) -> bool:
    """An id the server may look up: short storable text with no control characters."""
    return (isinstance(value, str) and 0 < len(value) <= MAX_ID and value.isprintable()
            and _storable(value))


def _shown(value: object, limit: int = 40) -> str:
    """A value the caller sent, safe to quote back in a message (printable, short)."""
    text = "".join(ch if ch.isalnum() or ch in "_-./" else "?" for ch in str(value)[:limit])
    return text or "?"


def _out_of_bounds(where: str, kind: str) -> Refused:
    ind, eng = _WHY_BOUND[kind]
    return Refused(p.REJECTED, "value_refused", field=_shown(where, 60), why_id=ind, why_en=eng)


def check_values(value: Any, where: str = "payload", depth: int = 0) -> None:
    """Refuse any value no domain model should ever have to look at (see MAX_* above).

    Every payload passes here once, so the scalars of a dict or list are checked in the loop
    (no call, no path string a value) and only nested containers recurse; the path that names
    a refused value is built when one is refused.
    """
    if depth == 0 and type(value) is dict and len(value) <= MAX_ITEMS and _flat_ok(value):
        return  # the common payload: short keys, plain scalars (the loop below says the same)
    if depth > MAX_DEPTH:
        raise _out_of_bounds(where, "depth")
    kind = type(value)
    deep = depth >= MAX_DEPTH  # anything inside is one level too deep: check_values names it
    if kind is dict:
        if len(value) > MAX_ITEMS:
            raise _out_of_bounds(where, "items")
        for key, item in value.items():
            if not isinstance(key, str) or len(key) > MAX_ID or not _storable(key):
                raise _out_of_bounds(where, "shape")
            if deep or not _scalar_ok(item):
                check_values(item, f"{where}.{key}", depth + 1)
    elif kind is list:
        if len(value) > MAX_ITEMS:
            raise _out_of_bounds(where, "items")
        for index, item in enumerate(value):
            if deep or not _scalar_ok(item):
                check_values(item, f"{where}.{index}", depth + 1)
    else:
        _check_other(value, where, depth)


def _flat_ok(value: dict) -> bool:
    """True when every key of ``value`` is storable text of at most MAX_ID characters and every
    value a scalar _scalar_ok accepts: check_values' answer for such a dict, inlined (a call a
    value was most of a task op's screening). False says nothing: check_values looks again."""
    for key, item in value.items():
        if type(key) is not str or len(key) > MAX_ID or "\x00" in key or not key.isascii():
            return False
        kind = type(item)
        if kind is str:
            if len(item) > MAX_STRING or "\x00" in item or not item.isascii():
                return False  # non-ASCII text: _storable's encoding test decides, in the loop
        elif kind is int:
            if not -MAX_INT <= item <= MAX_INT:
                return False
        elif kind is float:
            if not math.isfinite(item):
                return False
        elif item is not None and kind is not bool:
            return False
    return True


def _scalar_ok(value: Any) -> bool:
    """True for a value check_values would accept without a look inside; False for a container
    or a refused or unusual value (check_values then looks at it and names it)."""
    kind = type(value)
    if kind is str:
        return len(value) <= MAX_STRING and _storable(value)
    if kind is int:
        return -MAX_INT <= value <= MAX_INT
    if kind is float:
        return math.isfinite(value)
    return value is None or kind is bool


def _check_other(value: Any, where: str, depth: int) -> None:
    """check_values for anything that is not exactly a dict or a list (subclasses included)."""
    if isinstance(value, bool) or value is None:
        return
    if isinstance(value, int):
        if not -MAX_INT <= value <= MAX_INT:
            raise _out_of_bounds(where, "int")
    elif isinstance(value, float):
        if not math.isfinite(value):
            raise _out_of_bounds(where, "float")
    elif isinstance(value, str):
        if len(value) > MAX_STRING or not _storable(value):
            raise _out_of_bounds(where, "string")
    elif isinstance(value, dict):
        check_values(dict(value), where, depth)
    elif isinstance(value, list):
        check_values(list(value), where, depth)
    else:
        raise _out_of_bounds(where, "shape")


def screen_op(op: p.Op) -> Refused | None:
    """The checks every op passes before anything is looked up for it."""
    if not id_like(op.op_id):
        return Refused(p.REJECTED, "invalid", why="op_id")
    if op.op not in p.CLIENT_OPS.get(op.entity, ()):
        return Refused(p.REJECTED, "unknown_op", what=f"{_shown(op.entity, 32)}/{_shown(op.op, 32)}")
    if not id_like(op.entity_id):
        return Refused(p.REJECTED, "id_unavailable")
    if op.base_version > MAX_VERSION:
        return _out_of_bounds("base_version", "int")
    try:
        check_values(op.payload)
    except Refused as refusal:
        return refusal
    return None


class _Batch:
    """Everything one batch may read, loaded in a few queries, then changed in memory."""

    def __init__(self, actor: str):
        self.actor = actor
        self.dedup: dict[str, tuple[str, dict]] = {}
        self.reports: dict[str, dict[str, Any]] = {}  # id -> {employee_id, team_id, work_date, status, version, data}
        self.actor_days: dict[str, str] = {}  # work_date -> report id (the actor's reports)
        self.tasks: dict[str, dict[str, Any]] = {}
        self.existing: set[tuple[str, str]] = set()  # (entity, id) for reviews and feedback
        self.taken: dict[str, set[str]] = {}  # id -> entities holding it, for the ids ops may create
        self.team_jpt: dict[str, str | None] = {}
        self.team_people: dict[str, dict[str, str]] = {}  # team -> employee -> role
        self.person_teams: dict[str, dict[str, str]] = {}  # employee -> team -> role
        self.failed: set[tuple[str, str]] = set()
        self.stored_reports: set[str] = set()  # ids already in the database
        self.stored_tasks: set[str] = set()
        self.dirty_reports: set[str] = set()
        self.dirty_tasks: set[str] = set()
        self.new_reviews: list[dict] = []
        self.new_feedback: list[dict] = []
        self.closed_teams: dict[str, tuple[str, str]] = {}  # team -> (name, day closed)
        self.conn: Any = None  # the batch's connection, for the rare ops that read as they go
        self.read_live = False  # a draft's decision read the database beyond _load (see _Watched)
        self.entries: list[dict] = []
        self.applied: list[tuple[dict, str, int]] = []  # (result, payload hash, entry index)
        self.applied_by: list[str] | None = None  # a group's merged batch: the actor of each applied op
        self.echoes: list[tuple[dict, dict]] = []  # (duplicate's result, original's): seq known once written


class _Watched:
    """A draft's connection: any use marks the batch, whose decision then read something
    _load did not (a DWA week, say) and is taken again under the lock."""

    def __init__(self, conn: Any, batch: _Batch):
        self._conn, self._batch = conn, batch

    def __getattr__(self, name: str) -> Any:
        self._batch.read_live = True
        return getattr(self._conn, name)


class _DraftFailed(Exception):
    """A statement failed while drafting (the transaction can run nothing more)."""


class _Draft:
    """A batch decided before the change log's lock: its state, results and what it read."""

    def __init__(self, batch: _Batch, results: list[dict[str, Any]], reads: set[tuple]):
        self.batch, self.results, self.reads = batch, results, reads


def _reads(batch: _Batch, ops: list[p.Op]) -> set[tuple]:
    """Keys of what a draft's decisions depended on that another batch may write: its op ids
    (dedup; a resent op names the same record), every record id it names or loaded, and the
    actor's reports (one a day). Teams and memberships
    are written only by ops that are never drafted (PushEngine._live_ops)."""
    keys: set[tuple] = {("op", batch.actor, op.op_id) for op in ops}
    keys.update(("id", op.entity_id) for op in ops)
    keys.update(("id", rid) for rid in batch.taken)
    keys.update(("id", rid) for rid in batch.reports)
    keys.update(("id", rid) for rid in batch.tasks)
    if batch.actor_days or any(op.entity == "report" for op in ops):
        keys.add(("reports_of", batch.actor))  # the actor's days: one report a day
    for op in ops:
        if op.entity == "review" and isinstance(op.payload.get("report_id"), str):
            keys.add(("id", op.payload["report_id"]))
    return keys


_CHANGED_SINCE = "SELECT seq, entity, entity_id, employee_id FROM changes WHERE seq > %s"


def _changed_since(conn, seq: int) -> tuple[set[tuple], int]:
    """What other writers committed after ``seq`` (a draft's start), read under the change
    log's lock (so nothing more can commit): (its keys, see _changed_keys; the log's last seq,
    so writing the group needs no read of its own)."""
    rows = conn.exec_driver_sql(_CHANGED_SINCE, (seq,)).fetchall()
    return _changed_keys(rows), max((row[0] for row in rows), default=seq)


def _changed_keys(rows: list) -> set[tuple]:
    """Keys (see _reads) of the change-log rows (seq, entity, entity_id, employee_id) other
    writers committed since a draft began (read under the lock, so nothing more can commit)."""
    keys: set[tuple] = set()
    for _seq, entity, entity_id, employee_id in rows:
        keys.add(("id", entity_id))
        if entity == "report" and employee_id:
            keys.add(("reports_of", employee_id))
        elif entity in ("team", "membership", "employee", "unit"):
            keys.add(("all",))
    return keys


def _writes(batch: _Batch) -> set[tuple]:
    """Keys of what a written batch changed (see _reads); ``all`` when it changed teams or
    memberships, which every later draft of the group may have read."""
    keys: set[tuple] = {("op", batch.actor, result["op_id"]) for result, _digest, _index in batch.applied}
    keys.update(("id", entry["entity_id"]) for entry in batch.entries)
    keys.update(("reports_of", batch.reports[rid]["employee_id"]) for rid in batch.dirty_reports)
    if any(entry["entity"] in ("team", "membership", "employee", "unit") for entry in batch.entries):
        keys.add(("all",))
    return keys


class _GroupFailed(Exception):
    """A SQLite group could not be decided or written as one: pushed again batch by batch."""


class _Group:
    """What a SQLite group's earlier batches decided and have not written yet: each later
    batch's _load reads it over the database's rows, so every batch is decided exactly as if
    the batches before it were written first (a record one creates is there for the next;
    an op applied in one is a duplicate in the next), and ``_merged(group.batches)`` is the
    whole group as one batch for _write (one statement a table)."""

    def __init__(self) -> None:
        self.clear()

    def clear(self) -> None:
        self.batches: list[_Batch] = []
        self.dedup: dict[tuple[str, str], tuple[str, dict]] = {}  # (actor, op id) -> (hash, result)
        self.taken: dict[str, set[str]] = {}
        self.existing: set[tuple[str, str]] = set()
        self.reports: dict[str, dict[str, Any]] = {}  # the newest state of each report decided
        self.days: dict[tuple[str, str], str] = {}  # (employee, work date) -> report id
        self.tasks: dict[str, dict[str, Any]] = {}

    def add(self, batch: _Batch) -> None:
        """A decided batch: what it changed becomes what the next batches read."""
        self.batches.append(batch)
        for result, digest, _index in batch.applied:
            self.dedup[batch.actor, result["op_id"]] = (digest, result)
        for rid, entities in batch.taken.items():
            self.taken.setdefault(rid, set()).update(entities)
        self.existing |= batch.existing
        for rid in batch.dirty_reports:
            state = batch.reports[rid]
            before = self.reports.get(rid)
            if before is not None:
                self.days.pop((before["employee_id"], before["work_date"]), None)
            self.reports[rid] = state
            self.days[state["employee_id"], state["work_date"]] = rid
        for tid in batch.dirty_tasks:
            self.tasks[tid] = batch.tasks[tid]

    def over_first_look(self, batch: _Batch, ops: list[p.Op], new_ids: set[str], task_ids: set[str],
                        other_ids: dict[str, set[str]]) -> None:
        """The group's dedup rows and taken ids over what _first_look found."""
        for op in ops:
            seen = self.dedup.get((batch.actor, op.op_id))
            if seen is not None:
                batch.dedup[op.op_id] = seen
        for rid in new_ids:
            entities = self.taken.get(rid)
            if entities:
                batch.taken.setdefault(rid, set()).update(entities)
                if "task" in entities:
                    task_ids.add(rid)
        for entity, ids in other_ids.items():
            batch.existing.update((entity, rid) for rid in ids if (entity, rid) in self.existing)

    def over_records(self, batch: _Batch, report_ids: set[str], days: set[str], task_ids: set[str],
                     team_ids: set[str]) -> None:
        """The group's reports, days and tasks over the rows _load read (copies: a batch
        changes its states in place, and a batch that fails must leave the group as it was)."""
        import copy

        for rid in report_ids & self.reports.keys():
            state = batch.reports[rid] = copy.deepcopy(self.reports[rid])
            if state["team_id"]:
                team_ids.add(state["team_id"])
            team_ids.update(_activity_teams(state))
        for day, rid in list(batch.actor_days.items()):
            moved = self.reports.get(rid)
            if moved is not None and moved["work_date"] != day:
                del batch.actor_days[day]  # a resubmission earlier in the group moved it
        for day in days:
            mine = self.days.get((batch.actor, day))
            if mine is not None:
                batch.actor_days[day] = mine
        for tid in task_ids & self.tasks.keys():
            state = batch.tasks[tid] = dict(self.tasks[tid])
            team_ids.add(state["team_id"])


def _merged(batches: list[_Batch]) -> _Batch:
    """Decided batches as one, in order: their change-log entries and dedup rows, and the last
    state of each record they changed (written by _write with one statement a table)."""
    out = _Batch("")
    out.applied_by = []
    for batch in batches:
        offset = len(out.entries)
        out.entries.extend(batch.entries)
        out.applied.extend((result, digest, index + offset) for result, digest, index in batch.applied)
        out.applied_by.extend([batch.actor] * len(batch.applied))
        out.echoes.extend(batch.echoes)
        out.new_reviews.extend(batch.new_reviews)
        out.new_feedback.extend(batch.new_feedback)
        out.stored_reports |= batch.stored_reports
        out.stored_tasks |= batch.stored_tasks
        for rid in batch.dirty_reports:
            out.reports[rid] = batch.reports[rid]
        out.dirty_reports |= batch.dirty_reports
        for tid in batch.dirty_tasks:
            out.tasks[tid] = batch.tasks[tid]
        out.dirty_tasks |= batch.dirty_tasks
    return out


class PushEngine:
    def __init__(self, db: st.ServerDB, policy: Policy, policy_source: Callable[[Any], Policy] | None = None):
        self.db = db
        self.policy = policy
        self._policy_source = policy_source  # read before each push: a new agency policy needs no restart
        self._deciders = {
            ("report", "submit"): self._report_submit,
            ("review", "decide"): self._review_decide,
            ("task", "create"): self._task_create,
            ("task", "update"): self._task_update,
            ("feedback", "create"): self._feedback_create,
        }
        from sk_tui.server.org_engine import OrgDecider

        self.org = OrgDecider(self)
        org_deciders = self.org.deciders()
        self._live_ops = frozenset(org_deciders)  # ops that read and write as they are decided
        self._deciders.update(org_deciders)

    def _refresh_policy(self, conn: Any) -> None:
        if self._policy_source is not None:
            self.policy = self._policy_source(conn)

    def server_today(self) -> dt.date:
        return clock.today(self.policy.timezone)

    # --- the batch ----------------------------------------------------------------------

    def push(self, actor: str, ops: list[p.Op]) -> list[dict[str, Any]]:
        """Decide and write one batch in its own transaction."""
        with self.db.writing() as conn:
            self._refresh_policy(conn)
            batch, results = self._decide(conn, actor, ops)
            self._write(conn, batch)
            return results

    def push_group(self, items: list[tuple[str, list[p.Op]]]) -> list[list[dict[str, Any]] | BaseException]:
        """Group commit: several requests' batches, one after another, in one transaction.

        Each batch sits in a savepoint, so a batch that fails unexpectedly is undone alone and
        its request gets the error; the others commit together (one fsync for all). On
        PostgreSQL the batches are decided before the change log's lock is taken (_drafted).
        """
        if not self.db.is_sqlite:
            return self._drafted(items)
        return self._grouped(items)

    def _drafted(self, items: list[tuple[str, list[p.Op]]]) -> list[list[dict[str, Any]] | BaseException]:
        """push_group for several server processes on one PostgreSQL database.

        The change log's advisory lock serialises writers until they commit (the log stays
        gap-free). Holding it for the whole push made a second worker wait while the first
        loaded and decided, so ``--workers 2`` did no better than one. Here every batch is
        first decided WITHOUT the lock and without writing (a draft); then the lock is taken
        and a draft is written only when nothing it read can have changed since: no record it
        read or names was logged by another writer after the seq read before drafting (every
        write the engine reads goes with a change-log entry naming the record; a team,
        membership or directory change counts as changing everything), and no earlier batch
        of this group wrote one. Any other batch is decided again under the lock
        exactly as before (_decide), so the outcome is the one a fully locked push gives.
        """
        try:
            return self._drafted_group(items)
        except _DraftFailed:  # a statement failed while drafting: the transaction is void
            return self._locked_group(items)

    def _drafted_group(self, items: list[tuple[str, list[p.Op]]]) -> list[list[dict[str, Any]] | BaseException]:
        out: list[list[dict[str, Any]] | BaseException] = []
        with self.db.writing(lock=False) as conn:
            self._refresh_policy(conn)
            seen = self.db.last_seq(conn)
            # no savepoint a draft (two round trips each, a fifth of a push's wall time): drafts
            # only read, and a failed statement sends the whole group to _locked_group
            if len(items) > 1:  # the drafts' look-ups for the whole group, two statements
                try:
                    conn.info[_PREFETCH] = _Prefetched(conn, items)
                except DBAPIError as error:  # the transaction can run nothing more
                    raise _DraftFailed from error
            try:
                drafts = [self._draft(conn, actor, ops) for actor, ops in items]
            finally:  # what is decided under the lock reads the database, never this
                conn.info.pop(_PREFETCH, None)
            self.db.lock_changes(conn)
            written, top = _changed_since(conn, seen)  # what other processes committed meanwhile
            if len(items) == 1:  # the savepoint is for keeping a failed batch from the others
                return [self._settle(conn, items[0], drafts[0], written, top)[0]]
            # the drafts that stand are written together (one statement a table for all of
            # them, one savepoint), where each took a savepoint and three to five statements
            # under the lock; a draft that must be decided again first has them written
            kept: list[tuple[int, _Draft]] = []
            for index, (item, draft) in enumerate(zip(items, drafts, strict=True)):
                out.append([])
                if draft is not None and ("all",) not in written and not draft.reads & written:
                    draft.batch.conn = conn
                    written |= _writes(draft.batch)
                    kept.append((index, draft))
                    continue
                top = self._write_kept(conn, kept, out, top)
                kept = []
                try:
                    with conn.begin_nested():
                        results, after = self._settle(conn, item, None, written, top)
                except Exception as exc:  # noqa: BLE001 - handed back to that request only
                    out[index] = exc
                    continue
                out[index] = results
                top = after  # only once the batch's savepoint is kept: the log stays gap-free
            self._write_kept(conn, kept, out, top)
        return out

    def _write_kept(self, conn, kept: list[tuple[int, _Draft]], out: list, top: int) -> int:
        """Write the standing drafts ``kept`` (index in the group, draft) of a group under the
        lock, their results into ``out``; returns the change log's last seq after them. All in
        one savepoint with one statement a table; when that fails, undone and written again one
        batch a savepoint, so only the batch that fails gets the error (as _locked_group)."""
        if not kept:
            return top
        try:
            with conn.begin_nested():
                after = self._write(conn, _merged([draft.batch for _index, draft in kept]), top)
        except Exception:  # noqa: BLE001 - written again batch by batch below, where it is reported
            after = None
        if after is not None:
            for index, draft in kept:
                out[index] = draft.results
            return after
        for index, draft in kept:
            try:
                with conn.begin_nested():
                    after = self._write(conn, draft.batch, top)
            except Exception as exc:  # noqa: BLE001 - handed back to that request only
                out[index] = exc
                continue
            out[index] = draft.results
            top = after or top  # only once the batch's savepoint is kept: the log stays gap-free
        return top

    def _settle(self, conn, item: tuple[str, list[p.Op]], draft: _Draft | None,
                written: set[tuple], top: int) -> tuple[list[dict[str, Any]], int]:
        """Write a batch's draft when nothing it read was written since, else decide it again
        (under the lock); ``written`` gains what the batch wrote. ``top``: the change log's
        last seq (read under the lock); returns the results and the last seq after the batch."""
        actor, ops = item
        if draft is not None and ("all",) not in written and not draft.reads & written:
            batch, results = draft.batch, draft.results
            batch.conn = conn
        else:
            batch, results = self._decide(conn, actor, ops)
        top = self._write(conn, batch, top) or top
        written |= _writes(batch)
        return results, top

    def _grouped(self, items: list[tuple[str, list[p.Op]]]) -> list[list[dict[str, Any]] | BaseException]:
        """push_group on SQLite: every batch decided in order, each against the database plus
        what the group's earlier batches decided (_Group, read by _load), then the whole group
        written with one statement a table and no savepoint (they were a fifth of a 50-client
        push's writer time: bench/results/profiles). A batch whose decision read the database
        beyond _load (a DWA week) is decided again after the group so far is written; a group
        with an op that writes as it is decided (teams, memberships, DWA), a statement that
        fails, or a write that fails is rolled back and pushed again through _locked_group,
        where a failing batch is undone alone: the outcome is the one _locked_group gives."""
        if any((op.entity, op.op) in self._live_ops for _actor, ops in items for op in ops):
            return self._locked_group(items)
        try:
            with self.db.writing() as conn:
                self._refresh_policy(conn)
                top = self.db.last_seq(conn)  # read once a group, under the writer lock
                group = _Group()
                out: list[list[dict[str, Any]] | BaseException] = []
                for actor, ops in items:
                    try:
                        batch, results = self._decide(conn, actor, ops, draft=True, group=group)
                        if batch.read_live and group.batches:  # it read what the group has not written
                            top = self._flush(conn, group, top)
                            batch, results = self._decide(conn, actor, ops, draft=True, group=group)
                    except DBAPIError as error:
                        raise _GroupFailed from error
                    except _GroupFailed:
                        raise
                    except Exception as exc:  # noqa: BLE001 - handed back to that request only
                        out.append(exc)  # nothing of it was written or kept in the group
                        continue
                    group.add(batch)
                    out.append(results)
                self._flush(conn, group, top)
            return out
        except _GroupFailed:
            return self._locked_group(items)

    def _flush(self, conn, group: _Group, top: int) -> int:
        """Write what the group decided so far (one statement a table); the change log's last
        seq after it. _GroupFailed (the transaction is rolled back) when a write fails."""
        try:
            after = self._write(conn, _merged(group.batches), top)
        except Exception as error:
            raise _GroupFailed from error
        group.clear()
        return after if after is not None else top

    def _locked_group(self, items: list[tuple[str, list[p.Op]]]) -> list[list[dict[str, Any]] | BaseException]:
        """Every batch decided and written under the lock, each in its own savepoint."""
        out: list[list[dict[str, Any]] | BaseException] = []
        with self.db.writing() as conn:
            self._refresh_policy(conn)
            top = self.db.last_seq(conn)  # read once a group, under the writer lock
            for actor, ops in items:
                try:
                    with conn.begin_nested():
                        batch, results = self._decide(conn, actor, ops)
                        after = self._write(conn, batch, top)
                except Exception as exc:  # noqa: BLE001 - handed back to that request only
                    out.append(exc)
                    continue
                out.append(results)
                top = after or top  # only once the batch's savepoint is kept: the log stays gap-free
        return out

    def _draft(self, conn, actor: str, ops: list[p.Op]) -> _Draft | None:
        """The batch decided in memory, nothing written; None when it cannot be drafted (an op
        that reads or writes as it goes, or a failure that is not the database's: it is then
        decided under the lock, where the failure is reported)."""
        if any((op.entity, op.op) in self._live_ops for op in ops):
            return None
        try:
            batch, results = self._decide(conn, actor, ops, draft=True)
        except DBAPIError as error:
            raise _DraftFailed from error
        except Exception:  # noqa: BLE001 - decided again under the lock, where it is reported
            return None
        if batch.read_live:
            return None
        return _Draft(batch, results, _reads(batch, ops))

    def _decide(self, conn, actor: str, ops: list[p.Op], *, draft: bool = False,
                group: _Group | None = None) -> tuple[_Batch, list[dict]]:
        """Every op decided in memory against the batch's loaded state (nothing written);
        ``draft``: note any read beyond the load (batch.read_live); ``group``: what earlier
        batches of a SQLite group decided and have not written yet."""
        screened: list[Refused | None] = [
            screen_op(op) for op in ops]
        sound = [op for op, refusal in zip(ops, screened, strict=True) if refusal is None]
        batch = self._load(conn, actor, sound, group)
        batch.conn = _Watched(conn, batch) if draft else conn
        results = []
        for op, refusal in zip(ops, screened, strict=True):
            if refusal is None:
                results.append(self._one(batch, op, p.payload_hash(op)))
                continue
            if isinstance(op, p.Op):
                batch.failed.add((op.entity, op.entity_id))
            results.append(refusal.result(op.op_id))
        return batch, results

    def _one(self, batch: _Batch, op: p.Op, digest: str) -> dict[str, Any]:
        key = (op.entity, op.entity_id)
        seen = batch.dedup.get(op.op_id)
        if seen is not None:
            if seen[0] == digest:
                original = seen[1]
                echo = {"op_id": op.op_id, "status": p.DUPLICATE, "server_seq": original.get("server_seq"),
                        "version": original.get("version")}
                if echo["server_seq"] is None:  # applied earlier in this batch or group: not written yet
                    batch.echoes.append((echo, original))
                return echo
            batch.failed.add(key)
            return Refused(p.KEY_REUSED, "key_reused").result(op.op_id)
        if key in batch.failed:
            return Refused(p.BLOCKED, "blocked").result(op.op_id)
        decide = self._deciders.get((op.entity, op.op))
        try:
            if decide is None:
                raise Refused(p.REJECTED, "unknown_op", what=f"{op.entity}/{op.op}")
            version, _entry = decide(batch, op)
        except Refused as refusal:
            batch.failed.add(key)
            return refusal.result(op.op_id)
        except DomainError as error:
            batch.failed.add(key)
            return Refused.of(p.REJECTED, error).result(op.op_id)
        except Exception:
            log.exception("op %s (%s/%s) could not be decided", op.op_id, op.entity, op.op)
            batch.failed.add(key)
            return Refused(p.REJECTED, "invalid", why="payload").result(op.op_id)
        result = {"op_id": op.op_id, "status": p.APPLIED, "server_seq": None, "version": version}
        batch.applied.append((result, digest, len(batch.entries) - 1))
        batch.dedup[op.op_id] = (digest, result)
        return result

    # --- loading ------------------------------------------------------------------------

    def _load(self, conn, actor: str, ops: list[p.Op], group: _Group | None = None) -> _Batch:
        """What the batch may read: the database's rows, with ``group``'s over them (the
        records, dedup rows and ids that earlier batches of the group decided, not written)."""
        batch = _Batch(actor)
        report_ids: set[str] = set()
        days: set[str] = set()
        task_ids: set[str] = set()
        other_ids: dict[str, set[str]] = {"review": set(), "feedback": set()}
        people: set[str] = {actor}
        team_ids: set[str] = set()
        new_ids: set[str] = set()  # ids an op may create: must not be taken by another record
        for op in ops:
            payload = op.payload
            if op.op != "update":
                new_ids.add(op.entity_id)
            if op.entity == "report":
                report_ids.add(op.entity_id)
                if isinstance(payload.get("work_date"), str) and _storable(payload["work_date"][:10]):
                    days.add(payload["work_date"][:10])
                if id_like(payload.get("team_id")):
                    team_ids.add(payload["team_id"])
                acts = payload.get("activities")
                if isinstance(acts, list):
                    team_ids.update(a["team_id"] for a in acts[:MAX_ITEMS]
                                    if isinstance(a, dict) and id_like(a.get("team_id")))
            elif op.entity == "review":
                other_ids["review"].add(op.entity_id)
                if id_like(payload.get("report_id")):
                    report_ids.add(payload["report_id"])
                if id_like(payload.get("team_id")):
                    team_ids.add(payload["team_id"])
            elif op.entity == "task":
                if op.op != "create":
                    task_ids.add(op.entity_id)  # a create's task is loaded only if its id is taken
                if id_like(payload.get("team_id")):
                    team_ids.add(payload["team_id"])
            elif op.entity == "feedback":
                other_ids["feedback"].add(op.entity_id)
                if id_like(payload.get("to_id")):
                    people.add(payload["to_id"])
        # one statement (was twelve): the ops already applied (dedup), and which ids the batch
        # may create are taken, by what; reviews and feedback found here are the existing ones
        for entity, rid, digest, result in _first_look(conn, actor, sorted({op.op_id for op in ops}),
                                                       sorted(new_ids)):
            if entity == "op":
                batch.dedup[rid] = (digest, json.loads(result))
                continue
            batch.taken.setdefault(rid, set()).add(entity)
            if entity == "task":
                task_ids.add(rid)  # a create of a task that exists: answered with the stored task
            if entity in other_ids and rid in other_ids[entity]:
                batch.existing.add((entity, rid))
        if group is not None and group.batches:
            group.over_first_look(batch, ops, new_ids, task_ids, other_ids)
        for rid, employee_id, team_id, work_date, status, version, data in _rows_by(
                conn, "reports", "id, employee_id, team_id, work_date, status, version, data", "id",
                sorted(report_ids)):
            batch.reports[rid] = {"id": rid, "employee_id": employee_id, "team_id": team_id, "work_date": work_date,
                                  "status": status, "version": version, "data": data}
            batch.stored_reports.add(rid)
            if team_id:
                team_ids.add(team_id)
            team_ids.update(_activity_teams(batch.reports[rid]))  # each verifies its own part
        for rid, work_date in _rows_by(conn, "reports", "id, work_date", "work_date", sorted(days),
                                        "employee_id = {p} AND ", [actor]):
            batch.actor_days[work_date] = rid
        for tid, team_id, version, data in _rows_by(
                conn, "tasks", "id, team_id, version, data", "id", sorted(task_ids)):
            batch.tasks[tid] = {"id": tid, "team_id": team_id, "version": version, "data": data}
            batch.stored_tasks.add(tid)
            team_ids.add(team_id)
        if group is not None and group.batches:
            group.over_records(batch, report_ids, days, task_ids, team_ids)
        # one statement: the teams the batch touches, the actor's and the named people's teams,
        # and every membership of them
        for kind, tid, who, data in _team_look(conn, actor, sorted(people), sorted(team_ids)):
            if kind == "m":
                batch.team_people.setdefault(tid, {})[who] = data
                batch.person_teams.setdefault(who, {})[tid] = data
                continue
            batch.team_jpt[tid] = who
            if '"closed_on":null' not in data:
                team = json.loads(data)
                if team.get("closed_on"):
                    batch.closed_teams[tid] = (str(team.get("name")), str(team["closed_on"]))
        return batch

    # --- deciding -----------------------------------------------------------------------

    def _team_leads(self, batch: _Batch, team_id: str | None) -> list[str]:
        if not team_id:
            return []
        return [e for e, role in batch.team_people.get(team_id, {}).items() if role == "lead"]

    def _team_jpts(self, batch: _Batch, team_id: str | None) -> list[str]:
        jpt = batch.team_jpt.get(team_id) if team_id else None
        return [jpt] if jpt else []

    @staticmethod
    def _check_new_id(batch: _Batch, entity: str, rid: str) -> None:
        """An id a create would take: refused, neutrally, when another kind of record holds it."""
        if batch.taken.get(rid, set()) - {entity}:
            raise Refused(p.REJECTED, "id_unavailable")

    @staticmethod
    def _sees_team(batch: _Batch, team_id: str | None) -> bool:
        """Whether the actor pulls the team's records (member, lead or its JPT)."""
        if not team_id:
            return False
        return batch.actor in batch.team_people.get(team_id, {}) or batch.team_jpt.get(team_id) == batch.actor

    def _sees_report(self, batch: _Batch, state: dict[str, Any]) -> bool:
        """Whether the actor pulls this report (its author, the lead of its team or the team's JPT)."""
        return state["employee_id"] == batch.actor or any(
            batch.actor in self._team_leads(batch, team) or batch.actor in self._team_jpts(batch, team)
            for team in {state["team_id"], *_activity_teams(state)})

    @staticmethod
    def _check_assignees(batch: _Batch, team_id: str, assignees: list[str]) -> None:
        members = batch.team_people.get(team_id, {})
        if any(who not in members for who in assignees):
            raise DomainError("assignee_not_member")

    def _report_entry(self, batch: _Batch, state: dict[str, Any]) -> None:
        """The report's change: to its author and its default team's leads, and once more for
        each other team with activities in it, so each team's lead pulls the report (the review
        screen and CLI show a lead only their team's activities)."""
        data = st.dumps(state["data"])
        batch.entries.append({"entity": "report", "entity_id": state["id"], "vis": st.VIS_PARTIES,
                              "employee_id": state["employee_id"], "team_id": state["team_id"], "data": data})
        for team in sorted(_activity_teams(state) - {state["team_id"]}):
            batch.entries.append({"entity": "report", "entity_id": state["id"], "vis": st.VIS_PARTIES,
                                  "team_id": team, "data": data})

    def _report_submit(self, batch: _Batch, op: p.Op) -> tuple[int, int]:
        actor = batch.actor
        payload = dict(op.payload)
        activities = payload.pop("activities", None) or []
        if payload.get("employee_id") not in (None, actor):
            raise Refused.of(p.REJECTED, DomainError("not_author"))
        received = clock.now().astimezone(dt.UTC)
        existing = batch.reports.get(op.entity_id)
        approved_before: dict[str, dict[str, Any]] = {}
        if existing is not None:
            if existing["employee_id"] != actor:
                if self._sees_report(batch, existing):
                    raise Refused.of(p.REJECTED, DomainError("not_author"))
                raise Refused(p.REJECTED, "id_unavailable")  # says nothing about someone else's record
            current = _stored(existing)
            if existing["status"] == ReportStatus.APPROVED:
                raise Refused.of(p.REJECTED, DomainError("report_locked", day=existing["work_date"], status="approved"))
            if op.base_version != existing["version"]:
                raise _stale(current, existing["version"], op.base_version)
            version = _next_version(existing["version"])
            kept = {k: current.get(k) for k in ("reviewed_by", "reviewed_at", "first_submitted_at")}
            kept["first_submitted_at"] = kept["first_submitted_at"] or current.get("submitted_at")
            approved_before = {a["id"]: a for a in current.get("activities") or ()
                               if isinstance(a, dict) and a.get("verdict") == Verdict.APPROVED}
        else:
            self._check_new_id(batch, "report", op.entity_id)
            version = op.base_version + 1
            kept = {"reviewed_by": None, "reviewed_at": None, "first_submitted_at": None}
        report = _model(DailyReport, {
            **{k: v for k, v in payload.items() if k in REPORT_FIELDS},
            "id": op.entity_id, "employee_id": actor, "status": ReportStatus.SUBMITTED, "version": version,
            "review_note": "", "received_at": received, "approved_minutes": 0, **kept,
        })
        day = report.work_date.isoformat()
        other = batch.actor_days.get(day)
        if other is not None and other != report.id:
            clash = batch.reports.get(other)
            raise Refused(p.CONFLICT, "day_exists", current=_stored(clash) if clash else None, day=day)
        rules.check_server_work_date(report.work_date, self.server_today(), self.policy)
        self.org.check_report_mode(batch, actor, report.work_date, report.work_mode, report.location, report.id)
        # the device time stands inside [work date 00:00 local, receipt + skew] (staff submit offline)
        submitted_at = report.submitted_at or received
        rules.check_device_time(submitted_at, report.work_date, received, self.policy)
        report = report.model_copy(update={"submitted_at": submitted_at,
                                           "first_submitted_at": report.first_submitted_at or submitted_at})
        my_teams = batch.person_teams.get(actor, {})
        if report.team_id and report.team_id not in my_teams:
            raise Refused.of(p.REJECTED, DomainError("not_team_member"))
        acts = []
        if not isinstance(activities, list):
            raise Refused(p.REJECTED, "invalid", why="activities")
        for position, raw in enumerate(activities):
            if not isinstance(raw, dict):
                raise Refused(p.REJECTED, "invalid", why="activities")
            act = _model(Activity, {**{k: v for k, v in raw.items() if k in ACTIVITY_FIELDS},
                                    "report_id": report.id, "position": raw.get("position", position),
                                    # the verdict is the server's: a submission only ever asks for one
                                    "verdict": Verdict.PENDING, "review_note": "", "reviewed_by": None,
                                    "reviewed_at": None})
            team_id = act.team_id or report.team_id
            if team_id and team_id not in my_teams:
                raise Refused.of(p.REJECTED, DomainError("not_team_member"))
            before = approved_before.pop(act.id, None)
            if before is not None:
                # an approved activity stands as its lead approved it: unchanged, or refused
                stored = _model(Activity, {k: v for k, v in before.items() if k in ACTIVITY_FIELDS})
                if any(getattr(stored, f) != getattr(act, f) for f in _ACTIVITY_CONTENT) or stored.team_id != team_id:
                    raise Refused.of(p.REJECTED, DomainError("activity_approved"))
                act = stored.model_copy(update={"position": act.position})
            else:
                act = act.model_copy(update={"team_id": team_id})
            acts.append(act)
        if approved_before:  # an approved activity may not be removed either
            raise Refused.of(p.REJECTED, DomainError("activity_approved"))
        if not acts:
            raise DomainError("report_empty", day=day)
        total = sum(a.minutes for a in acts)
        rules.check_day_total(report.work_date, total, self.policy)
        status = rules.report_status_for(a.verdict for a in acts)
        approved = sum(a.minutes for a in acts if a.verdict == Verdict.APPROVED)
        data = st.row_form(report.model_copy(update={"total_minutes": total, "status": status,
                                                     "approved_minutes": approved}))
        data["activities"] = [st.row_form(a) for a in acts]
        state = {"id": report.id, "employee_id": actor, "team_id": report.team_id, "work_date": day,
                 "status": status.value, "version": version, "approved_minutes": approved, "data": data}
        batch.reports[report.id] = state
        batch.actor_days[day] = report.id
        batch.taken.setdefault(report.id, set()).add("report")
        batch.dirty_reports.add(report.id)
        self._report_entry(batch, state)
        return version, len(batch.entries) - 1

    def _review_team(self, batch: _Batch, state: dict[str, Any], asked: str | None) -> str:
        """The team a decision is about: the one named, else the actor's one team with pending
        activities in the report (a v2 client always names it)."""
        teams = _activity_teams(state)
        if asked is not None:
            if asked not in teams:
                raise Refused(p.REJECTED, "review_team_unknown", team=_shown(asked))
            return asked
        mine = sorted(t for t in teams if batch.actor in self._team_leads(batch, t)
                      or batch.actor in self._team_jpts(batch, t))
        if len(mine) > 1:
            raise DomainError("review_team_ambiguous")
        if not mine:
            return state["team_id"] or ""  # check_reviewer refuses it with its own reason
        return mine[0]

    def _review_decide(self, batch: _Batch, op: p.Op) -> tuple[int, int]:
        actor = batch.actor
        payload = op.payload
        if payload.get("reviewer_id") not in (None, actor):
            raise Refused(p.REJECTED, "not_actor")
        received = clock.now().astimezone(dt.UTC)
        report_id = payload.get("report_id")
        state = batch.reports.get(report_id) if isinstance(report_id, str) else None
        if state is None:
            raise DomainError("report_unknown", report_id=str(report_id))
        asked = payload.get("team_id")
        team = self._review_team(batch, state, asked if isinstance(asked, str) else None)
        rules.check_reviewer(actor, state["employee_id"], self._team_leads(batch, team),
                             self._team_jpts(batch, team))
        review = _model(Review, {**{k: v for k, v in payload.items() if k in REVIEW_FIELDS},
                                    "id": op.entity_id, "reviewer_id": actor, "team_id": team,
                                    "received_at": received})
        if ("review", review.id) in batch.existing:
            raise Refused(p.REJECTED, "id_unavailable")
        self._check_new_id(batch, "review", review.id)
        current = _stored(state)
        acts = [a for a in current.get("activities") or () if isinstance(a, dict)]
        part = [a for a in acts if (a.get("team_id") or state["team_id"]) == team]
        try:
            rules.check_reviewable([a.get("verdict") or Verdict.PENDING for a in part], state["status"])
        except DomainError as error:
            raise Refused.of(p.CONFLICT, error, current) from None
        try:
            rules.check_review(review.decision, review.note, review.report_version, state["version"])
        except DomainError as error:
            status = p.CONFLICT if error.code == "stale_version" else p.REJECTED
            raise Refused.of(status, error, current if status == p.CONFLICT else None) from None
        rules.check_device_time(review.decided_at, dt.date.fromisoformat(state["work_date"]), received, self.policy)
        version = _next_version(state["version"])
        returned = rules.decision_action(review.decision) == "return"
        decided_at = review.decided_at.isoformat()
        for act in part:
            if (act.get("verdict") or Verdict.PENDING) != Verdict.PENDING:
                continue  # a decision covers the team's pending activities; an earlier approval stands
            act.update(verdict=Verdict.RETURNED.value if returned else Verdict.APPROVED.value,
                       review_note=review.note if returned else "", reviewed_by=actor, reviewed_at=decided_at)
        new_status = rules.report_status_for(a.get("verdict") or Verdict.PENDING for a in acts)
        approved = sum(a["minutes"] for a in acts if a.get("verdict") == Verdict.APPROVED
                       and isinstance(a.get("minutes"), int))
        current.update(status=new_status.value, version=version, reviewed_by=actor, reviewed_at=decided_at,
                       approved_minutes=approved)
        if returned:
            current["review_note"] = review.note
        state.update(status=new_status.value, version=version, approved_minutes=approved)
        batch.dirty_reports.add(state["id"])
        batch.existing.add(("review", review.id))
        batch.taken.setdefault(review.id, set()).add("review")
        data = st.row_form(review)
        batch.new_reviews.append({"id": review.id, "report_id": review.report_id, "reviewer_id": actor,
                                  "team_id": team, "data": st.dumps(data)})
        self._report_entry(batch, state)
        batch.entries.append({"entity": "review", "entity_id": review.id, "vis": st.VIS_PARTIES,
                              "employee_id": state["employee_id"], "other_id": actor,
                              "team_id": team, "data": st.dumps(data)})
        return version, len(batch.entries) - 1

    def _check_task_actor(self, batch: _Batch, team_id: str) -> None:
        if team_id not in batch.team_jpt:
            raise DomainError("team_unknown", team_id=team_id)
        # the rule gets the actor's own membership, not the team: it builds a set of what it is
        # given, per op (a 500-person team made that most of a task op's decision)
        members = batch.team_people.get(team_id, {})
        if not rules.can_edit_task(batch.actor, members.keys() & {batch.actor}, self._team_jpts(batch, team_id)):
            raise DomainError("not_team_member")
        if team_id in batch.closed_teams:
            name, day = batch.closed_teams[team_id]
            raise DomainError("team_closed", team=name, day=day)

    def _task_entry(self, batch: _Batch, state: dict[str, Any]) -> None:
        if state.get("data_text") is None:
            state["data_text"] = st.dumps(state["data"])
        batch.entries.append({"entity": "task", "entity_id": state["id"], "vis": st.VIS_TEAM,
                              "team_id": state["team_id"], "data": state["data_text"]})

    def _task_create(self, batch: _Batch, op: p.Op) -> tuple[int, int]:
        existing = batch.tasks.get(op.entity_id)
        if existing is not None:
            if self._sees_team(batch, existing["team_id"]):
                raise Refused(p.CONFLICT, "record_exists", current=_stored(existing), what=op.entity_id)
            raise Refused(p.REJECTED, "id_unavailable")  # the same answer as for any refused id
        self._check_new_id(batch, "task", op.entity_id)
        task = _model(Task, {**{k: v for k, v in op.payload.items() if k in TASK_FIELDS},
                                "id": op.entity_id, "version": 1})
        self._check_task_actor(batch, task.team_id)
        self._check_assignees(batch, task.team_id, task.assignees)
        text = task.model_dump_json()
        state = {"id": task.id, "team_id": task.team_id, "version": 1, "data": text, "data_text": text}
        batch.tasks[task.id] = state
        batch.taken.setdefault(task.id, set()).add("task")
        batch.dirty_tasks.add(task.id)
        self._task_entry(batch, state)
        return 1, len(batch.entries) - 1

    def _task_update(self, batch: _Batch, op: p.Op) -> tuple[int, int]:
        state = batch.tasks.get(op.entity_id)
        if state is None:
            raise DomainError("task_unknown", task_id=op.entity_id)
        self._check_task_actor(batch, state["team_id"])
        current = _stored(state)
        unknown = set(op.payload) - p.TASK_EDITABLE_FIELDS - {"updated_at"}
        if unknown:
            raise Refused(p.REJECTED, "invalid", why=f"not editable: {', '.join(sorted(unknown))}")
        if op.base_version != state["version"]:
            raise _stale(current, state["version"], op.base_version)
        version = _next_version(state["version"])
        changes = dict(op.payload)
        task = _model(Task, {**current, **changes, "version": version,
                                "updated_at": changes.get("updated_at") or clock.now().isoformat()})
        before = set(current.get("assignees") or ())
        self._check_assignees(batch, task.team_id, [a for a in task.assignees if a not in before])
        text = task.model_dump_json()
        state.update(version=version, data=text, data_text=text)
        batch.dirty_tasks.add(task.id)
        self._task_entry(batch, state)
        return version, len(batch.entries) - 1

    def _feedback_create(self, batch: _Batch, op: p.Op) -> tuple[int, int]:
        actor = batch.actor
        if op.payload.get("from_id") not in (None, actor):
            raise Refused(p.REJECTED, "not_actor")
        fb = _model(Feedback, {**{k: v for k, v in op.payload.items() if k in FEEDBACK_FIELDS},
                                  "id": op.entity_id, "from_id": actor})
        if ("feedback", fb.id) in batch.existing:
            raise Refused(p.REJECTED, "id_unavailable")
        self._check_new_id(batch, "feedback", fb.id)
        their_teams = batch.person_teams.get(fb.to_id, {})
        allowed = any(
            batch.team_people.get(team, {}).get(actor) == "lead" or batch.team_jpt.get(team) == actor
            for team in their_teams
        )
        if not allowed or fb.to_id == actor:
            raise Refused(p.REJECTED, "not_feedback_giver")
        data = st.row_form(fb)
        batch.existing.add(("feedback", fb.id))
        batch.taken.setdefault(fb.id, set()).add("feedback")
        batch.new_feedback.append({"id": fb.id, "from_id": actor, "to_id": fb.to_id, "data": st.dumps(data)})
        batch.entries.append({"entity": "feedback", "entity_id": fb.id, "vis": st.VIS_PARTIES,
                              "employee_id": fb.to_id, "other_id": actor, "data": st.dumps(data)})
        return 1, len(batch.entries) - 1

    # --- writing ------------------------------------------------------------------------

    def _write(self, conn, batch: _Batch, top: int | None = None) -> int | None:
        """Write a decided batch: its records, change-log entries and dedup rows. ``top``: the
        change log's last seq when the caller read it under the lock (PostgreSQL drafts: one
        round trip fewer), else append_changes reads it. Returns the last seq after the batch
        (None when ``top`` was None and nothing was written)."""
        if not batch.entries:
            return top
        report_rows, task_rows = _record_rows(batch)
        st.ServerDB.upsert(conn, st.reports, report_rows, existing=batch.stored_reports)
        st.ServerDB.upsert(conn, st.tasks, task_rows, existing=batch.stored_tasks)
        if batch.new_reviews:
            st.ServerDB.insert_many(conn, st.reviews, batch.new_reviews)
        if batch.new_feedback:
            st.ServerDB.insert_many(conn, st.feedback, batch.new_feedback)
        seqs = self.db.append_changes(conn, batch.entries, last=top)
        dedup_rows = _dedup_rows(batch, seqs)
        if dedup_rows:
            st.ServerDB.insert_many(conn, st.ops, dedup_rows)
        for echo, original in batch.echoes:
            echo["server_seq"] = original["server_seq"]
        return seqs[-1]


def _record_rows(batch: _Batch) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The reports and tasks a batch changed, as table rows."""
    report_rows = []
    for rid in batch.dirty_reports:
        s = batch.reports[rid]
        data = _stored(s)
        report_rows.append({"id": rid, "employee_id": s["employee_id"], "team_id": s["team_id"],
                            "work_date": s["work_date"], "status": s["status"], "version": s["version"],
                            "data": st.dumps(data), "approved_minutes": int(data.get("approved_minutes") or 0)})
    task_rows = [
        {"id": tid, "team_id": batch.tasks[tid]["team_id"], "version": batch.tasks[tid]["version"],
         "data": batch.tasks[tid].get("data_text") or st.dumps(_stored(batch.tasks[tid]))}
        for tid in batch.dirty_tasks]
    return report_rows, task_rows


def _dedup_rows(batch: _Batch, seqs: Any) -> list[dict[str, Any]]:
    """The dedup rows of a batch's applied ops, each result given its entry's seq."""
    rows = []
    actors = batch.applied_by or [batch.actor] * len(batch.applied)
    for (result, digest, index), actor in zip(batch.applied, actors, strict=True):
        result["server_seq"] = seqs[index]
        rows.append({"user_id": actor, "op_id": result["op_id"], "payload_hash": digest,
                     "result": f'{{"status":"applied","server_seq":{int(result["server_seq"])},'
                               f'"version":{int(result["version"])}}}'})
    return rows


# what an approved activity may not change on a resubmission
_ACTIVITY_CONTENT = ("description", "minutes", "volume", "volume_unit", "task_id", "indicator_id", "evidence")


def _activity_teams(state: dict[str, Any]) -> set[str]:
    """The teams with activities in a loaded report (each verifies its own part)."""
    acts = _stored(state).get("activities") or ()
    return {a.get("team_id") or state["team_id"] for a in acts
            if isinstance(a, dict) and (a.get("team_id") or state["team_id"])}


def _stale(current: dict[str, Any], version: int, seen: int) -> Refused:
    return Refused.of(p.CONFLICT, DomainError("stale_version", current=version, seen=seen), current)


def _next_version(version: int) -> int:
    """The version after ``version``; refused rather than overflowing an INTEGER column."""
    if version >= MAX_INT:
        raise _out_of_bounds("version", "int")
    return version + 1


def _rows_by(conn, table: str, columns: str, key: str, ids: list[str], where: str = "",
             params: list | tuple = ()) -> list[tuple]:
    """``columns`` of the ``table`` rows whose ``key`` is one of ``ids`` (and ``where``, its
    ``{p}`` marks filled from ``params``), the ids as ONE parameter so the statement text never
    depends on how many there are (one prepared statement, one round trip: IN lists of up to
    900 parameters were a quarter of a PostgreSQL push, bench/results/profiles): ``IN (SELECT
    unnest(array))`` on PostgreSQL (see _ids), ``IN (SELECT value FROM json_each(?))`` on SQLite."""
    if not ids:
        return []
    if conn.dialect.name == "postgresql":
        text = f"SELECT {columns} FROM {table} WHERE {where.format(p='%s')}{key} IN (SELECT unnest(%s::text[]))"
        args = (*params, list(ids))
    else:
        text = f"SELECT {columns} FROM {table} WHERE {where.format(p='?')}{key} IN (SELECT value FROM json_each(?))"
        args = (*params, json.dumps(ids))
    return [tuple(row) for row in conn.exec_driver_sql(text, args).fetchall()]


def _ids(pg: bool, name: str) -> str:
    """A list parameter as a set of ids: a PostgreSQL array, or SQLite's json_each of JSON text.

    PostgreSQL: ``IN (SELECT unnest(array))``, not ``= ANY(array)``: a prepared statement goes
    to a generic plan after five runs, and the generic plan of ``user_id = $1 AND op_id =
    ANY($2)`` scanned all the user's dedup rows comparing each with the whole array (40 ms a
    push became 400 ms, and growing); the unnest join probes the index once an id in any plan.
    """
    return f"(SELECT unnest(%({name})s::text[]))" if pg else f"(SELECT value FROM json_each(:{name}))"


def _first_look_sql(pg: bool) -> str:
    """(``op``, op_id, payload_hash, result) for the actor's ops already applied, then
    (entity, id, NULL, NULL) for each of the ids some record holds. PostgreSQL: one probe an
    id of the id registry (``record_ids``, kept in step with every record table by revision
    0005's triggers), where it was a look in each of the twelve record tables (23 % of a
    PostgreSQL push's wall time, bench/results/profiles); SQLite: the twelve tables.

    (Measured and not kept, before the registry: each id joined to its row through a LATERAL
    subquery with LIMIT 1, forcing an index probe per id in every table: 13 x 500 probes cost
    more than the hash joins PostgreSQL picks, 54-69 ms against 31-43 ms a 500-op push.)"""
    where, ops = "IN " + _ids(pg, "ids"), "IN " + _ids(pg, "ops")
    actor = "%(actor)s" if pg else ":actor"
    parts = [f"SELECT 'op', op_id, payload_hash, result FROM ops WHERE user_id = {actor} AND op_id {ops}"]
    if pg:
        parts.append(f"SELECT entity, id, NULL, NULL FROM {st.record_ids.name} WHERE id {where}")
    else:  # SQLite keeps no registry (revision 0005: its row triggers cost more than this saves)
        parts += [f"SELECT '{entity}', id, NULL, NULL FROM {table.name} WHERE id {where}"
                  for entity, table in st.RECORD_TABLES.items()]
    return " UNION ALL ".join(parts)


def _team_look_sql(pg: bool) -> str:
    """(``t``, team, jpt, data) for the teams the batch touches (named, the people's, the
    actor's as JPT), then (``m``, team, employee, role) for every membership of those teams."""
    def within(name: str) -> str:
        return "IN " + _ids(pg, name)

    actor = "%(actor)s" if pg else ":actor"
    listed = "SELECT unnest(%(teams)s::text[])" if pg else "SELECT value FROM json_each(:teams)"
    return (f"WITH touched(id) AS (SELECT team_id FROM memberships WHERE employee_id {within('people')} "
            f"UNION SELECT id FROM teams WHERE jpt_id = {actor} UNION {listed}) "
            "SELECT 't', id, jpt_id, data FROM teams WHERE id IN (SELECT id FROM touched) "
            "UNION ALL SELECT 'm', team_id, employee_id, role FROM memberships "
            "WHERE team_id IN (SELECT id FROM touched)")


_SQL = {(name, pg): make(pg) for name, make in (("first", _first_look_sql), ("teams", _team_look_sql))
        for pg in (True, False)}


def _look(conn, name: str, params: dict[str, Any]) -> list[tuple]:
    """One of the load's statements (_SQL), id lists as single parameters (see _rows_any)."""
    pg = conn.dialect.name == "postgresql"
    args = {k: (v if pg or not isinstance(v, list) else json.dumps(v)) for k, v in params.items()}
    return [tuple(row) for row in conn.exec_driver_sql(_SQL[name, pg], args).fetchall()]


def _first_look(conn, actor: str, op_ids: list[str], new_ids: list[str]) -> list[tuple]:
    if not op_ids and not new_ids:
        return []
    ahead = conn.info.get(_PREFETCH)
    if ahead is not None:
        rows = ahead.first(actor, op_ids, new_ids)
        if rows is not None:
            return rows
    return _look(conn, "first", {"actor": actor, "ops": op_ids, "ids": new_ids})


def _team_look(conn, actor: str, people: list[str], team_ids: list[str]) -> list[tuple]:
    ahead = conn.info.get(_PREFETCH)
    if ahead is not None:
        rows = ahead.teams(actor, people, team_ids)
        if rows is not None:
            return rows
    return _look(conn, "teams", {"actor": actor, "people": people, "teams": team_ids})


_PREFETCH = "sk_tui.drafts_prefetched"  # Connection.info key, set only while a group drafts

# _first_look_sql and _team_look_sql for every batch of a group at once (PostgreSQL: only
# drafts, which are PostgreSQL's, read through it); the pairs as two parallel arrays
_FIRST_ALL = ("SELECT 'op', user_id, op_id, payload_hash, result FROM ops WHERE (user_id, op_id) IN "
              "(SELECT * FROM unnest(%(actors)s::text[], %(ops)s::text[])) "
              f"UNION ALL SELECT entity, NULL, id, NULL, NULL FROM {st.record_ids.name} "
              "WHERE id IN (SELECT unnest(%(ids)s::text[]))")
_TEAMS_ALL = ("WITH touched(id) AS (SELECT team_id FROM memberships WHERE employee_id IN "
              "(SELECT unnest(%(people)s::text[])) UNION SELECT id FROM teams WHERE jpt_id IN "
              "(SELECT unnest(%(actors)s::text[])) UNION SELECT unnest(%(teams)s::text[])) "
              "SELECT 't', id, jpt_id, data FROM teams WHERE id IN (SELECT id FROM touched) "
              "UNION ALL SELECT 'm', team_id, employee_id, role FROM memberships "
              "WHERE team_id IN (SELECT id FROM touched)")


class _Prefetched:
    """What the drafts of a group look up (_first_look, _team_look), read for all its batches
    in two statements where each batch read two of its own (a group of a hundred 20-op pushes
    spent most of its drafting waiting on those round trips). Read after the seq the drafts
    are checked against, like each batch's own look-ups, so a draft reads nothing older than
    before. A look-up it does not cover (an id or a person it was not asked for, a team found
    only through a loaded record) goes to the database as before, and so does everything
    decided under the lock: _drafted_group drops this before taking it."""

    def __init__(self, conn, items: list[tuple[str, list[p.Op]]]):
        pairs: set[tuple[str, str]] = set()
        ids: set[str] = set()
        people: set[str] = set()
        teams: set[str] = set()
        for actor, ops in items:
            people.add(actor)
            for op in ops:
                payload = op.payload if isinstance(op.payload, dict) else {}
                if id_like(op.op_id):
                    pairs.add((actor, op.op_id))
                if op.op != "update" and id_like(op.entity_id):
                    ids.add(op.entity_id)
                if id_like(payload.get("team_id")):
                    teams.add(payload["team_id"])
                if op.entity == "feedback" and id_like(payload.get("to_id")):
                    people.add(payload["to_id"])
        self.actors, self.pairs, self.ids, self.people, self.listed = {a for a, _ in items}, pairs, ids, people, teams
        ordered = sorted(pairs)
        self.done: dict[tuple[str, str], tuple] = {}  # (actor, op_id) -> its _first_look row
        self.held: dict[str, list[tuple]] = {}  # id -> its _first_look rows (entity, id, None, None)
        for kind, user, rid, digest, result in conn.exec_driver_sql(_FIRST_ALL, {
                "actors": [a for a, _ in ordered], "ops": [o for _, o in ordered], "ids": sorted(ids)}):
            if kind == "op":
                self.done[user, rid] = ("op", rid, digest, result)
            else:
                self.held.setdefault(rid, []).append((kind, rid, None, None))
        self.team_row: dict[str, tuple] = {}
        self.members: dict[str, list[tuple]] = {}  # team -> its 'm' rows
        self.teams_of: dict[str, set[str]] = {}  # employee -> teams (of the teams read)
        self.jpt_of: dict[str, set[str]] = {}  # employee -> teams they are the JPT of
        for row in conn.exec_driver_sql(_TEAMS_ALL, {"people": sorted(people), "actors": sorted(self.actors),
                                                     "teams": sorted(teams)}):
            kind, tid, who, _data = row
            if kind == "m":
                self.members.setdefault(tid, []).append(tuple(row))
                self.teams_of.setdefault(who, set()).add(tid)
            else:
                self.team_row[tid] = tuple(row)
                if who:
                    self.jpt_of.setdefault(who, set()).add(tid)

    def first(self, actor: str, op_ids: list[str], new_ids: list[str]) -> list[tuple] | None:
        """_first_look's rows, or None when the prefetch was not asked for all of them."""
        if any((actor, op_id) not in self.pairs for op_id in op_ids) or not self.ids.issuperset(new_ids):
            return None
        rows = [self.done[actor, op_id] for op_id in op_ids if (actor, op_id) in self.done]
        for rid in new_ids:
            rows += self.held.get(rid, ())
        return rows

    def teams(self, actor: str, people: list[str], team_ids: list[str]) -> list[tuple] | None:
        """_team_look's rows, or None when the prefetch may not hold all of them."""
        if (actor not in self.actors or not self.people.issuperset(people)
                or any(t not in self.listed and t not in self.team_row and t not in self.members
                       for t in team_ids)):
            return None
        touched = set(team_ids) | self.jpt_of.get(actor, set())
        for who in people:
            touched |= self.teams_of.get(who, set())
        rows = [self.team_row[t] for t in sorted(touched) if t in self.team_row]
        for t in sorted(touched):
            rows += self.members.get(t, ())
        return rows


class GroupCommitter:
    """Serialises pushes; whoever gets the writer turn writes every batch waiting by then.

    Under load this turns many small transactions (each with its own commit and fsync) into
    a few larger ones, without holding any single request longer than one group.

        >>> committer = GroupCommitter(engine)          # doctest: +SKIP
        >>> committer.push("emp-ani", ops)[0]["status"]  # doctest: +SKIP
        'applied'
    """

    def __init__(self, engine: PushEngine, max_ops: int = 2000):
        import threading

        self.engine = engine
        self.max_ops = max_ops
        self._mutex = threading.Lock()
        self._writer = threading.Lock()
        self._queue: list[dict[str, Any]] = []

    def push(self, actor: str, ops: list[p.Op]) -> list[dict[str, Any]]:
        item: dict[str, Any] = {"actor": actor, "ops": ops, "done": False, "out": None}
        with self._mutex:
            self._queue.append(item)
        while not item["done"]:
            with self._writer:
                if item["done"]:
                    break
                with self._mutex:
                    group: list[dict[str, Any]] = []
                    size = 0
                    while self._queue and (not group or size + len(self._queue[0]["ops"]) <= self.max_ops):
                        taken = self._queue.pop(0)
                        group.append(taken)
                        size += len(taken["ops"])
                try:
                    outs = self.engine.push_group([(g["actor"], g["ops"]) for g in group])
                except BaseException as exc:  # noqa: BLE001 - not swallowed: every request of the group
                    # raises it (this thread's own below), and none is left waiting for a result
                    outs = [exc] * len(group)
                for taken, out in zip(group, outs, strict=True):
                    taken["out"], taken["done"] = out, True
        if isinstance(item["out"], BaseException):
            raise item["out"]
        return item["out"]


__all__ = ["GroupCommitter", "PushEngine", "Refused"]
