"""The core of the local store: connection, transactions, meta, organisation data.

Row <-> model conversion lives here too so every part of the store shares it.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import sqlite3
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple, NoReturn, Self, TypeVar

from sk_tui import clock as clock_module
from sk_tui import paths
from sk_tui.domain.enums import MemberRole, PositionKind
from sk_tui.domain.errors import DomainError
from sk_tui.domain.lazy import lazy_module
from sk_tui.domain.policy import DEFAULT_POLICY, Policy
from sk_tui.domain.records import STORED
from sk_tui.store import failures, schema

if TYPE_CHECKING:
    import uuid

    from pydantic import BaseModel

    from sk_tui.domain.models import (
        Employee,
        Indicator,
        Membership,
        PerformancePlan,
        Target,
        Team,
        Unit,
    )
else:  # the models by name (domain/records.py): pydantic is imported when one is first used
    from sk_tui.domain.records import (
        Employee,
        Indicator,
        Membership,
        PerformancePlan,
        Target,
        Team,
        Unit,
    )
    uuid = lazy_module("uuid")  # the device id, made once per workspace

M = TypeVar("M", bound="BaseModel")

# model class -> table
TABLES: dict[str, str] = {
    "Unit": "units",
    "Employee": "employees",
    "Team": "teams",
    "Membership": "memberships",
    "PerformancePlan": "plans",
    "Target": "targets",
    "Indicator": "indicators",
    "Task": "tasks",
    "DailyReport": "reports",
    "Activity": "activities",
    "Review": "reviews",
    "Feedback": "feedback",
    "DwaArrangement": "dwa",
    "Absence": "absences",
    "NegativeEvent": "negative_events",
}


def to_row(model: BaseModel) -> dict[str, Any]:
    """A model as a flat row: dates as ISO text, lists as JSON, enums as values."""
    row: dict[str, Any] = {}
    # the fields as they are (what model_dump(mode="python") gives for these flat records,
    # without building the model's serializer: see domain/plain.py)
    for key, value in model.__dict__.items():
        if isinstance(value, (dt.date, dt.datetime)):
            row[key] = value.isoformat()
        elif isinstance(value, list):
            row[key] = json.dumps(value)
        elif isinstance(value, bool):
            row[key] = int(value)
        elif hasattr(value, "value"):
            row[key] = value.value
        else:
            row[key] = value
    return row


def model_input(fields: Mapping[str, Any], row: Mapping[str, Any]) -> dict[str, Any]:
    """What a model is built from, given a local row or a pulled record: the one converter.

    NULL (None) falls back to the model's default (rows written by an older schema or client);
    keys that are not fields are dropped; a list kept as JSON text is decoded (text that is not
    JSON stays text, and the model refuses it). Pydantic parses ISO dates itself.
    """
    data = {key: value for key, value in row.items() if value is not None and key in fields}
    assignees = data.get("assignees")
    if isinstance(assignees, str):
        with contextlib.suppress(ValueError):
            data["assignees"] = json.loads(assignees)
    return data


def from_row(cls: type[M], row: Mapping[str, Any]) -> M:
    """A row back into its model (``model_input``, then the model's own validation)."""
    # STORED: text written before the hostile-input rules still loads (and is shown escaped).
    return cls.model_validate(model_input(cls.model_fields, row), context=STORED)


def from_row_plain(cls: type[M], row: Mapping[str, Any]) -> M:
    """``from_row`` for the few rows of a start-up path (the app's first board frame, a headless
    command): until the model's validator is built, its declared rules are checked without
    building it (domain/plain.py); after that, by the validator, as ``from_row`` does."""
    from sk_tui.domain import plain

    return plain.from_row(cls, model_input(cls.model_fields, row), STORED)


# the teams of an employee (parameters: the employee's id twice): the teams they sit on, plus
# every team they answer for as JPT
_TEAMS_OF = "id IN (SELECT team_id FROM memberships WHERE employee_id = ?) OR jpt_id = ?"


class MeRef(NamedTuple):
    """The workspace's user as a start-up path needs them: who, and in which time zone."""

    id: str
    timezone: str | None


class BaseStore:
    """Connection, transactions, meta and organisation data. See ``Store`` for the rest,
    and for the threading rule (one store per thread)."""

    def __init__(self, path: str | Path, policy: Policy | None = None, clock: Callable[[], dt.datetime] | None = None):
        self.path = Path(path) if str(path) != ":memory:" else path
        try:
            if isinstance(self.path, Path):
                paths.private_dir(self.path.parent)
            self.db = schema.connect(path)
            schema.migrate(self.db)
        except (sqlite3.Error, OSError) as exc:
            storage = failures.translate(exc, path)
            if storage is None:
                raise
            raise storage from exc
        self.policy = policy or DEFAULT_POLICY
        self.clock = clock or clock_module.now
        self._depth = 0  # nesting of transaction(); one thread only, so a plain counter
        self._replica_layouts: dict[str, Any] = {}  # table -> how a pulled page writes it (replica.py)

    @classmethod
    def open(cls, path: str | Path, **kwargs: Any) -> Self:
        """Open (creating and migrating as needed) the workspace database at ``path``."""
        return cls(path, **kwargs)

    def close(self) -> None:
        self.db.conn.close()

    # --- transactions --------------------------------------------------------------------

    @contextlib.contextmanager
    def without_fsync(self) -> Iterator[None]:
        """synchronous=NORMAL (WAL: atomic, not waiting for the disk) for the enclosed
        transaction when it is the outermost one, for writes a power cut may lose because they
        are redone (a pulled page and its cursor, an inflight mark); inside a caller's
        transaction the caller's durability holds. FULL again after it."""
        if self._depth:
            yield
            return
        conn = self.db.conn
        conn.execute("PRAGMA synchronous=NORMAL")
        try:
            yield
        finally:
            conn.execute("PRAGMA synchronous=FULL")

    @contextlib.contextmanager
    def transaction(self) -> Iterator[None]:
        """One atomic write (BEGIN IMMEDIATE ... COMMIT); nested calls join the outer one."""
        if self._depth:
            self._depth += 1
            try:
                yield
            finally:
                self._depth -= 1
            return
        try:
            self.db.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as exc:
            storage = failures.translate(exc, self.path)
            if storage is None:
                raise
            raise storage from exc
        self._depth = 1
        try:
            yield
        except BaseException as exc:  # noqa: BLE001 - undone, then raised again
            self._depth = 0
            self._undo_and_raise(exc)  # SQLite may already have rolled back (a full disk can)
        self._depth = 0
        try:
            self.db.execute("COMMIT")
        except BaseException as exc:  # noqa: BLE001 - undone, then raised again
            # A failed COMMIT (I/O error, disk full) leaves the transaction open: undo it,
            # or the next write could not begin and a later COMMIT would publish this one.
            self._undo_and_raise(exc)

    def _undo_and_raise(self, exc: BaseException) -> NoReturn:
        """Roll back what is open and raise ``exc``, a storage failure in the user's words."""
        if self.db.conn.in_transaction:
            self.db.conn.execute("ROLLBACK")
        storage = failures.translate(exc, self.path) if isinstance(exc, sqlite3.Error) else None
        if storage is not None:
            raise storage from exc
        raise exc

    # --- small query helpers -------------------------------------------------------------

    def rows(self, sql: str, params: Sequence | dict = ()) -> list[dict[str, Any]]:
        cursor = self.db.execute(sql, params)
        columns = [d[0] for d in cursor.description]
        return [dict(zip(columns, row, strict=True)) for row in cursor.fetchall()]

    def one(self, sql: str, params: Sequence | dict = ()) -> dict[str, Any] | None:
        found = self.rows(sql, params)
        return found[0] if found else None

    def row_by_id_or_prefix(self, table: str, key: str) -> dict[str, Any] | None:
        """A row by full id or a unique prefix of 4+ characters (ids as the CLI lists them)."""
        key = key.strip()
        row = self.one(f"SELECT * FROM {table} WHERE id = ?", (key,))
        if row is None and len(key) >= 4:
            rows = self.rows(f"SELECT * FROM {table} WHERE id LIKE ? LIMIT 2", (key.replace("%", "") + "%",))
            row = rows[0] if len(rows) == 1 else None
        return row

    def scalar(self, sql: str, params: Sequence | dict = ()) -> Any:
        row = self.db.execute(sql, params).fetchone()
        return row[0] if row else None

    def _insert(self, table: str, row: dict[str, Any], replace: bool = False) -> None:
        columns = ", ".join(row)
        marks = ", ".join("?" for _ in row)
        verb = "INSERT OR REPLACE" if replace else "INSERT"
        self.db.execute(f"{verb} INTO {table} ({columns}) VALUES ({marks})", tuple(row.values()))

    def save_models(self, models: Iterable[BaseModel]) -> int:
        """Upsert records with no outbox row: organisation data from the server or the demo."""
        count = 0
        grouped: dict[str, list[dict]] = {}
        for model in models:
            grouped.setdefault(TABLES[type(model).__name__], []).append(to_row(model))
        with self.transaction():
            for table, rows in grouped.items():
                columns = list(rows[0])
                sql = f"INSERT OR REPLACE INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' for _ in columns)})"
                self.db.conn.executemany(sql, [tuple(r.get(c) for c in columns) for r in rows])
                count += len(rows)
        return count

    # --- time ----------------------------------------------------------------------------

    def now(self) -> dt.datetime:
        return self.clock()

    def today(self, employee: Employee | MeRef | None = None) -> dt.date:
        timezone = (employee.timezone if employee and employee.timezone else None) or self.policy.timezone
        return clock_module.today(timezone, self.clock)

    def employee_today(self, employee_id: str) -> dt.date:
        """``today`` for the employee ``employee_id`` (their time zone), read plainly."""
        return self.today(MeRef(employee_id, self.scalar("SELECT timezone FROM employees WHERE id = ?",
                                                         (employee_id,))))

    # --- meta ----------------------------------------------------------------------------

    def get_meta(self, key: str, default: str | None = None) -> str | None:
        value = self.scalar("SELECT value FROM meta WHERE key = ?", (key,))
        return default if value is None else value

    def set_meta(self, key: str, value: str | None) -> None:
        with self.transaction():
            if value is None:
                self.db.execute("DELETE FROM meta WHERE key = ?", (key,))
            else:
                self.db.execute("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", (key, value))

    def set_meta_values(self, values: dict[str, str]) -> None:
        """Several meta values at once (in the caller's transaction, or one of their own)."""
        with self.transaction():
            self.db.conn.executemany("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", list(values.items()))

    @property
    def device_id(self) -> str:
        device = self.get_meta("device_id")
        if device is None:
            device = str(uuid.uuid4())
            self.set_meta("device_id", device)
        return device

    def me(self) -> Employee | None:
        """The workspace's user, or None before the first-run setup."""
        employee_id = self.get_meta("me")
        return self.employee(employee_id) if employee_id else None

    def require_me(self) -> Employee:
        me = self.me()
        if me is None:
            raise DomainError("no_workspace_user")
        return me

    def me_ref(self) -> MeRef | None:
        """``me`` as its id and time zone, without building an Employee (headless commands)."""
        row = self.db.execute("SELECT e.id, e.timezone FROM meta m JOIN employees e ON e.id = m.value "
                              "WHERE m.key = 'me'").fetchone()
        return MeRef(row[0], row[1]) if row else None

    def require_me_ref(self) -> MeRef:
        me = self.me_ref()
        if me is None:
            raise DomainError("no_workspace_user")
        return me

    def set_me(self, employee_id: str) -> None:
        self.set_meta("me", employee_id)

    # --- organisation --------------------------------------------------------------------

    def unit(self, unit_id: str) -> Unit | None:
        row = self.one("SELECT * FROM units WHERE id = ?", (unit_id,))
        return from_row(Unit, row) if row else None

    def employee(self, employee_id: str) -> Employee | None:
        row = self.one("SELECT * FROM employees WHERE id = ?", (employee_id,))
        return from_row_plain(Employee, row) if row else None  # the app's start reads me here

    def employee_by_nip(self, nip: str) -> Employee | None:
        row = self.one("SELECT * FROM employees WHERE nip = ?", (nip.strip(),))
        return from_row(Employee, row) if row else None

    def find_employee(self, who: str) -> Employee:
        """By id or NIP; DomainError when neither matches.

        Input that looks like a NIP (digits and spaces only) but is malformed gets
        ``nip_invalid``, saying what is wrong with it, rather than "unknown employee".
        """
        found = self.employee(who)
        if found is None and who.strip().replace(" ", "").isdigit():
            from sk_tui.domain.models import validate_nip

            found = self.employee_by_nip(validate_nip(who))
        elif found is None:
            found = self.employee_by_nip(who)
        if found is None:
            raise DomainError("employee_unknown", who=who)
        return found

    def employees(self, ids: Iterable[str] | None = None) -> list[Employee]:
        if ids is None:
            rows = self.rows("SELECT * FROM employees ORDER BY name")
        else:
            wanted = list(ids)
            if not wanted:
                return []
            marks = ", ".join("?" for _ in wanted)
            rows = self.rows(f"SELECT * FROM employees WHERE id IN ({marks}) ORDER BY name", wanted)
        return [from_row(Employee, r) for r in rows]

    def team(self, team_id: str) -> Team | None:
        row = self.one("SELECT * FROM teams WHERE id = ?", (team_id,))
        return from_row_plain(Team, row) if row else None

    def require_team(self, team_id: str) -> Team:
        team = self.team(team_id)
        if team is None:
            raise DomainError("team_unknown", team_id=team_id)
        return team

    def teams_for(self, employee_id: str) -> list[Team]:
        """The teams an employee sits on, plus every team they answer for as JPT."""
        rows = self.rows(f"SELECT * FROM teams WHERE {_TEAMS_OF} ORDER BY name", (employee_id, employee_id))
        return [from_row_plain(Team, r) for r in rows]  # the board's first frame: a handful

    def team_ids_for(self, employee_id: str) -> set[str]:
        """The ids of ``teams_for``'s teams (no Team built)."""
        return {row[0] for row in self.db.execute(f"SELECT id FROM teams WHERE {_TEAMS_OF}", (employee_id, employee_id))}

    def all_teams(self) -> list[Team]:
        return [from_row(Team, r) for r in self.rows("SELECT * FROM teams ORDER BY name")]

    def memberships(self, team_id: str) -> list[Membership]:
        return [from_row(Membership, r) for r in self.rows("SELECT * FROM memberships WHERE team_id = ?", (team_id,))]

    def team_members(self, team_id: str) -> list[tuple[Employee, MemberRole]]:
        """(employee, role) pairs, leads first, then by name."""
        rows = self.rows(
            """SELECT e.*, m.role AS _role FROM memberships m JOIN employees e ON e.id = m.employee_id
               WHERE m.team_id = ? ORDER BY m.role = 'member', e.name""",
            (team_id,),
        )
        return [(from_row_plain(Employee, {k: v for k, v in r.items() if k != "_role"}), MemberRole(r["_role"]))
                for r in rows]

    def team_lead_ids(self, team_id: str) -> list[str]:
        return [r["employee_id"] for r in self.rows(
            "SELECT employee_id FROM memberships WHERE team_id = ? AND role = 'lead'", (team_id,))]

    def is_jpt(self, employee: Employee) -> bool:
        return employee.position_kind == PositionKind.JPT

    def led_team_ids(self, employee_id: str) -> list[str]:
        """Teams whose reports this person reviews: led teams and, for a JPT, every team under them."""
        rows = self.rows(
            """SELECT team_id AS id FROM memberships WHERE employee_id = ? AND role = 'lead'
               UNION SELECT id FROM teams WHERE jpt_id = ?""",
            (employee_id, employee_id),
        )
        return [r["id"] for r in rows]

    # --- plans, targets, indicators ------------------------------------------------------

    def plans_for(self, employee_id: str) -> list[PerformancePlan]:
        return [from_row(PerformancePlan, r) for r in self.rows(
            "SELECT * FROM plans WHERE employee_id = ? ORDER BY period_start", (employee_id,))]

    def targets_for(self, employee_id: str, day: dt.date | None = None) -> list[Target]:
        """The employee's RHK rows in the plan covering ``day`` (all plans when None)."""
        sql = "SELECT t.* FROM targets t JOIN plans p ON p.id = t.plan_id WHERE p.employee_id = ?"
        params: list[Any] = [employee_id]
        if day is not None:
            sql += " AND p.period_start <= ? AND p.period_end >= ?"
            params += [day.isoformat(), day.isoformat()]
        sql += " ORDER BY t.kind DESC, t.text"
        return [from_row(Target, r) for r in self.rows(sql, params)]

    def target(self, target_id: str) -> Target | None:
        row = self.one("SELECT * FROM targets WHERE id = ?", (target_id,))
        return from_row(Target, row) if row else None

    def indicators_for(self, target_ids: Iterable[str]) -> list[Indicator]:
        ids = list(target_ids)
        if not ids:
            return []
        marks = ", ".join("?" for _ in ids)
        return [from_row(Indicator, r) for r in self.rows(
            f"SELECT * FROM indicators WHERE target_id IN ({marks}) ORDER BY text", ids)]

    def indicator(self, indicator_id: str) -> Indicator | None:
        row = self.one("SELECT * FROM indicators WHERE id = ?", (indicator_id,))
        return from_row(Indicator, row) if row else None
