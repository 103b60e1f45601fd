"""The central endpoint's storage through SQLAlchemy Core: SQLite file by default, PostgreSQL by URL.

    >>> db = ServerDB.open("sqlite:///server.db")       # doctest: +SKIP
    >>> db.epoch()                                      # doctest: +SKIP
    '3f1c...'

Every record table keeps the columns the server's rules need plus ``data``: the record in the
local store's row form as JSON, which is exactly what a pull sends. ``changes`` is the change
log; its ``seq`` is assigned here, under one writer lock (a process lock for SQLite, a
transaction-scoped advisory lock in PostgreSQL), so a pull cursor can never skip a row that
commits late.

The schema is migrated by Alembic (sk_tui/server/migrations): ``create_schema`` upgrades any
database to the newest revision, stamping one made by the old ``create_all`` as 0001 first.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import operator
import threading
import uuid
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel
from sqlalchemy import (
    BigInteger,
    Column,
    Index,
    Integer,
    MetaData,
    SmallInteger,
    String,
    Table,
    Text,
    UniqueConstraint,
    create_engine,
    event,
    select,
    text,
)
from sqlalchemy.engine import Connection, Engine

from sk_tui import clock
from sk_tui.domain.models import STORED

_M = TypeVar("_M", bound=BaseModel)

# A new table or column here needs a new Alembic revision in sk_tui/server/migrations/versions
# (README "Contributing"): create_all is no longer run, so an existing database only gets what a
# revision adds. tests/server/test_migrations.py checks that head matches this metadata.
metadata = MetaData()

ID = 64


def _id(name: str = "id", **kw: Any) -> Column:
    return Column(name, String(ID), **kw)


meta_table = Table("meta", metadata, Column("key", String(64), primary_key=True), Column("value", Text))
units = Table("units", metadata, _id(primary_key=True), Column("data", Text, nullable=False))
employees = Table(
    "employees", metadata, _id(primary_key=True), Column("nip", String(32), nullable=False, unique=True),
    Column("position_kind", String(32), nullable=False), Column("data", Text, nullable=False),
    _id("unit_id"),  # added before Alembic: create_schema adds and fills it in older databases
)
teams = Table(
    "teams", metadata, _id(primary_key=True), _id("jpt_id", index=True), Column("data", Text, nullable=False),
)
memberships = Table(
    "memberships", metadata, _id(primary_key=True), _id("team_id", nullable=False),
    _id("employee_id", nullable=False, index=True), Column("role", String(16), nullable=False),
    Column("data", Text, nullable=False), UniqueConstraint("team_id", "employee_id"),
)
plans = Table(
    "plans", metadata, _id(primary_key=True), _id("employee_id", index=True), Column("data", Text, nullable=False),
)
targets = Table(
    "targets", metadata, _id(primary_key=True), _id("employee_id"), _id("team_id"),
    Column("data", Text, nullable=False),
)
indicators = Table(
    "indicators", metadata, _id(primary_key=True), _id("employee_id"), _id("team_id"),
    Column("data", Text, nullable=False),
)
tasks = Table(
    "tasks", metadata, _id(primary_key=True), _id("team_id", nullable=False, index=True),
    Column("version", Integer, nullable=False), Column("data", Text, nullable=False),
)
reports = Table(
    "reports", metadata, _id(primary_key=True), _id("employee_id", nullable=False), _id("team_id"),
    Column("work_date", String(10), nullable=False), Column("status", String(16), nullable=False),
    Column("version", Integer, nullable=False), Column("data", Text, nullable=False),
    UniqueConstraint("employee_id", "work_date"),
    # revision 0002: the minutes of the report's approved activities (verification per team)
    Column("approved_minutes", Integer, nullable=False, server_default="0"),
)
reviews = Table(
    "reviews", metadata, _id(primary_key=True), _id("report_id", nullable=False, index=True),
    _id("reviewer_id", nullable=False), Column("data", Text, nullable=False),
    _id("team_id"),  # revision 0002: the team whose activities the decision is about
)
feedback = Table(
    "feedback", metadata, _id(primary_key=True), _id("from_id", nullable=False), _id("to_id", nullable=False),
    Column("data", Text, nullable=False),
)
dwa = Table(
    "dwa", metadata, _id(primary_key=True), _id("employee_id", nullable=False, index=True),
    Column("data", Text, nullable=False),
)
# dedup: one row per applied op, keyed by (user, op_id)
ops = Table(
    "ops", metadata, _id("user_id", primary_key=True), _id("op_id", primary_key=True),
    Column("payload_hash", String(64), nullable=False), Column("result", Text, nullable=False),
)
# vis: 0 everyone (teams, memberships), 1 owner / other party / leads of team, 2 the whole team,
# 3 the directory (units, employees): by entity_id, to those who work with them (app.pull_page)
changes = Table(
    "changes", metadata, Column("seq", BigInteger, primary_key=True, autoincrement=False),
    Column("entity", String(32), nullable=False), _id("entity_id", nullable=False),
    Column("vis", SmallInteger, nullable=False), _id("employee_id"), _id("other_id"), _id("team_id"),
    Column("data", Text), Column("created_at", String(40), nullable=False),
)
# every record id of every record table, with its entity (revision 0005): the push engine's
# taken-id check probes it once an id. Kept in step by the revision's triggers on the record
# tables (insert registers, delete drops), so no writer has to remember it. PostgreSQL only:
# on SQLite it stays empty and the engine looks in the record tables (measured cheaper there).
record_ids = Table(
    "record_ids", metadata, _id(primary_key=True), Column("entity", String(32), primary_key=True),
)
tokens = Table(
    "tokens", metadata, Column("token_hash", String(64), primary_key=True), _id("employee_id", nullable=False),
    Column("label", String(100)), Column("created_at", String(40), nullable=False),
    Column("revoked_at", String(40)),
)
Index("ix_tokens_employee", tokens.c.employee_id)

SCHEMA_VERSION = 2  # the meta row written for a new database; Alembic's revision is the truth
MIGRATIONS_DIR = Path(__file__).parent / "migrations"
VIS_ALL, VIS_PARTIES, VIS_TEAM, VIS_DIRECTORY = 0, 1, 2, 3
DIRECTORY_ENTITIES = ("unit", "employee")

RECORD_TABLES: dict[str, Table] = {
    "unit": units, "employee": employees, "team": teams, "membership": memberships, "plan": plans,
    "target": targets, "indicator": indicators, "task": tasks, "report": reports, "review": reviews,
    "feedback": feedback, "dwa": dwa,
}


# --- records: the row form ---------------------------------------------------------------
# A record's ``data`` is its domain model in row form; row_form writes it, from_row reads it back.
# The push engine keeps the row form (a dict) for reports and tasks it only passes along.

def row_form(model: BaseModel) -> dict[str, Any]:
    """A domain model as a record's ``data`` holds it and a pull sends it (JSON types only)."""
    return model.model_dump(mode="json")


def from_row(model: type[_M], data: str | bytes) -> _M:
    """A record's stored ``data`` as its domain model, read back as stored: the domain's
    ``STORED`` context, so a record kept before a text rule was tightened still loads."""
    return model.model_validate_json(data, context=STORED)


def dumps(data: Any) -> str:
    return json.dumps(data, separators=(",", ":"), ensure_ascii=False, default=str)


def now_iso() -> str:
    return clock.now().astimezone(dt.UTC).isoformat()


def normalise_url(url: str | None) -> str:
    """A path or URL as a SQLAlchemy URL: bare paths are SQLite files, postgresql:// uses psycopg."""
    if not url:
        from sk_tui import paths

        return f"sqlite:///{paths.ensure_parent(paths.server_db_path())}"
    if url.startswith(("postgresql://", "postgres://")):
        return "postgresql+psycopg://" + url.split("://", 1)[1]
    if "://" not in url:
        path = Path(url).expanduser()
        path.parent.mkdir(parents=True, exist_ok=True)
        return f"sqlite:///{path}"
    return url


class ServerDB:
    """Engines, schema and the few statements every part of the server shares."""

    def __init__(self, url: str | None = None):
        self.url = normalise_url(url)
        self.is_sqlite = self.url.startswith("sqlite")
        self._write_lock = threading.Lock()  # SQLite: one writer in this process, no busy-waiting
        if self.is_sqlite:
            self.engine = create_engine(self.url, pool_size=20, max_overflow=40, pool_timeout=60)
            self._sqlite_setup(self.engine)
        else:
            # LIFO: the connection used last is the one used next, so the push engine's few
            # statements stay prepared on it (psycopg prepares a statement on its second use on
            # a connection; a FIFO pool of ten handed each connection a push in ten, and the
            # statements were planned again every time)
            self.engine = create_engine(self.url, pool_size=10, max_overflow=40, pool_timeout=60,
                                        pool_pre_ping=False, pool_use_lifo=True,
                                        connect_args={"prepare_threshold": 1})
        self.create_schema()
        self._epoch: str | None = None

    @classmethod
    def open(cls, url: str | None = None) -> ServerDB:
        return cls(url)

    def close(self) -> None:
        self.engine.dispose()

    @staticmethod
    def _sqlite_setup(engine: Engine) -> None:
        @event.listens_for(engine, "connect")
        def _connect(dbapi_connection, _record):
            dbapi_connection.isolation_level = None  # we say BEGIN ourselves
            cur = dbapi_connection.cursor()
            cur.execute("PRAGMA journal_mode=WAL")
            cur.execute("PRAGMA synchronous=FULL")
            cur.execute("PRAGMA busy_timeout=30000")
            cur.close()

        @event.listens_for(engine, "begin")
        def _begin(conn: Connection) -> None:
            mode = conn.get_execution_options().get("sqlite_begin", "")
            conn.exec_driver_sql(f"BEGIN {mode}".strip())

    # --- schema ----------------------------------------------------------------------------

    def create_schema(self) -> None:
        """Bring the database to the newest Alembic revision, in the writer's lock (two servers
        starting on one database do not both migrate)."""
        with self.writing() as conn:
            self.migrate(conn)
            if conn.execute(select(meta_table.c.value).where(meta_table.c.key == "server_epoch")).first() is None:
                conn.execute(meta_table.insert(), [
                    {"key": "server_epoch", "value": str(uuid.uuid4())},
                    {"key": "schema_version", "value": str(SCHEMA_VERSION)},
                ])

    @staticmethod
    def alembic_config(conn: Connection | None = None) -> Any:
        """Alembic's Config built in code (no alembic.ini is read at run time)."""
        from alembic.config import Config

        config = Config()
        config.set_main_option("script_location", str(MIGRATIONS_DIR))
        if conn is not None:
            config.attributes["connection"] = conn
        return config

    @classmethod
    def migrate(cls, conn: Connection, revision: str = "head") -> None:
        """Upgrade to ``revision``. A database from before Alembic (tables, no alembic_version)
        is the 0001 schema: brought to it exactly, stamped, then upgraded."""
        from alembic import command
        from sqlalchemy import inspect

        tables = set(inspect(conn).get_table_names())
        config = cls.alembic_config(conn)
        if "alembic_version" not in tables and "meta" in tables:
            cls._add_employee_units(conn)
            command.stamp(config, "0001")
        command.upgrade(config, revision)

    @staticmethod
    def _add_employee_units(conn: Connection) -> None:
        """Databases made before employees.unit_id existed: add the column, fill it from ``data``."""
        from sqlalchemy import inspect

        if "unit_id" in {col["name"] for col in inspect(conn).get_columns("employees")}:
            return
        conn.exec_driver_sql(f"ALTER TABLE employees ADD COLUMN unit_id VARCHAR({ID})")
        rows = [{"i": r.id, "u": json.loads(r.data).get("unit_id")}
                for r in conn.execute(select(employees.c.id, employees.c.data))]
        if rows:
            conn.execute(text("UPDATE employees SET unit_id = :u WHERE id = :i"), rows)

    # --- transactions ----------------------------------------------------------------------

    @contextlib.contextmanager
    def writing(self, *, lock: bool = True) -> Iterator[Connection]:
        """One write transaction that may append to the change log: serialised across writers.

        ``lock=False`` (PostgreSQL only; SQLite always has its one writer): the caller takes
        ``lock_changes`` itself before its first write, and holds it to the commit.
        """
        if self.is_sqlite:
            with (self._write_lock,
                  self.engine.connect().execution_options(sqlite_begin="IMMEDIATE") as conn,
                  conn.begin()):
                yield conn
        else:
            with self.engine.begin() as conn:
                if lock:
                    self.lock_changes(conn)
                yield conn

    def lock_changes(self, conn: Connection) -> None:
        """PostgreSQL: the change log's writer lock, released when the transaction ends (so no
        seq is visible before every lower one has committed). SQLite: ``writing`` holds it."""
        if not self.is_sqlite:
            conn.exec_driver_sql("SELECT pg_advisory_xact_lock(hashtext('sk_tui:changes:' || current_schema()))")

    @contextlib.contextmanager
    def reading(self) -> Iterator[Connection]:
        with self.engine.connect() as conn, conn.begin():
            yield conn

    # --- shared statements -----------------------------------------------------------------

    def epoch(self) -> str:
        if self._epoch is None:
            with self.reading() as conn:
                self._epoch = conn.execute(
                    select(meta_table.c.value).where(meta_table.c.key == "server_epoch")).scalar_one()
        return self._epoch

    @staticmethod
    def last_seq(conn: Connection) -> int:
        return int(conn.exec_driver_sql("SELECT MAX(seq) FROM changes").scalar() or 0)

    @staticmethod
    def insert_many(conn: Connection, table: Table, rows: list[dict[str, Any]]) -> None:
        """One executemany straight through the driver (Core's per-row parameter work skipped);
        on PostgreSQL one COPY, a single round trip for the batch instead of a statement a row
        (they were a sixth of a PostgreSQL push's server samples: bench/results/profiles)."""
        if not rows:
            return
        columns = [c.name for c in table.columns]
        if conn.dialect.name == "postgresql":
            cursor = conn.connection.driver_connection.cursor()  # type: ignore[union-attr]
            with cursor.copy(f"COPY {table.name} ({', '.join(columns)}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(tuple(map(row.get, columns)))
            return
        mark = "?" if conn.dialect.paramstyle == "qmark" else "%s"
        sql = f"INSERT INTO {table.name} ({', '.join(columns)}) VALUES ({', '.join([mark] * len(columns))})"
        take = operator.itemgetter(*columns)  # rows that carry every column (the push engine's)
        try:
            values = [take(row) for row in rows] if len(columns) > 1 else [(row[columns[0]],) for row in rows]
        except KeyError:  # a missing column is NULL
            values = [tuple(map(row.get, columns)) for row in rows]
        conn.exec_driver_sql(sql, values)

    @staticmethod
    def upsert(conn: Connection, table: Table, rows: list[dict[str, Any]], existing: set[str] | None = None) -> None:
        """Replace rows by id in two set-wise statements (portable across SQLite and PostgreSQL).

        ``existing``: the ids known to be stored already (only those need deleting); None: any.
        """
        if not rows:
            return
        ServerDB.delete_ids(conn, table, [r["id"] for r in rows if existing is None or r["id"] in existing])
        ServerDB.insert_many(conn, table, rows)

    @staticmethod
    def delete_ids(conn: Connection, table: Table, ids: list[str]) -> None:
        """Delete the rows of ``table`` with these ids."""
        for start in range(0, len(ids), 900):
            conn.execute(table.delete().where(table.c.id.in_(ids[start:start + 900])))

    def append_changes(self, conn: Connection, entries: list[dict[str, Any]], last: int | None = None) -> list[int]:
        """Give each entry the next sequence number and insert them all; call inside ``writing``.
        ``last``: the log's last seq when the caller read it under the writer lock."""
        if not entries:
            return []
        seq = self.last_seq(conn) if last is None else last
        stamp = now_iso()
        out = []
        for entry in entries:
            seq += 1
            entry.setdefault("employee_id", None)
            entry.setdefault("other_id", None)
            entry.setdefault("team_id", None)
            entry["seq"] = seq
            entry["created_at"] = stamp
            out.append(seq)
        self.insert_many(conn, changes, entries)
        return out


def org_rows(entity: str, row: dict[str, Any], *, plan_owner: dict[str, str] | None = None,
             target_info: dict[str, tuple[str | None, str | None]] | None = None) -> tuple[dict, dict]:
    """A table row and a change-log entry for one organisation record in row form."""
    data = dumps(row)
    table_row: dict[str, Any] = {"id": row["id"], "data": data}
    change: dict[str, Any] = {"entity": entity, "entity_id": row["id"], "data": data, "vis": VIS_ALL}
    if entity in DIRECTORY_ENTITIES:
        change["vis"] = VIS_DIRECTORY
    if entity == "employee":
        table_row.update(nip=row["nip"], position_kind=row["position_kind"], unit_id=row.get("unit_id"))
    elif entity == "team":
        table_row.update(jpt_id=row.get("jpt_id"))
        change["team_id"] = row["id"]
    elif entity == "membership":
        table_row.update(team_id=row["team_id"], employee_id=row["employee_id"], role=row["role"])
    elif entity == "plan":
        table_row.update(employee_id=row["employee_id"])
        change.update(vis=VIS_PARTIES, employee_id=row["employee_id"])
    elif entity == "target":
        owner = (plan_owner or {}).get(row["plan_id"])
        table_row.update(employee_id=owner, team_id=row.get("team_id"))
        change.update(vis=VIS_PARTIES, employee_id=owner, team_id=row.get("team_id"))
    elif entity == "indicator":
        owner, team_id = (target_info or {}).get(row["target_id"], (None, None))
        table_row.update(employee_id=owner, team_id=team_id)
        change.update(vis=VIS_PARTIES, employee_id=owner, team_id=team_id)
    elif entity == "dwa":
        table_row.update(employee_id=row["employee_id"])
        change.update(vis=VIS_PARTIES, employee_id=row["employee_id"],
                      other_id=row.get("decided_by") or row.get("approved_by"))
    return table_row, change


ORG_ORDER = ("unit", "employee", "team", "membership", "plan", "target", "indicator", "dwa")


def load_org(db: ServerDB, records: Mapping[str, Iterable[dict[str, Any]]]) -> int:
    """Upsert organisation records (row form, by entity) and log them, in one transaction."""
    total = 0
    with db.writing() as conn:
        plan_owner = dict(conn.execute(select(plans.c.id, plans.c.employee_id)).all())
        for row in records.get("plan", ()):
            plan_owner[row["id"]] = row["employee_id"]
        target_info = {r.id: (r.employee_id, r.team_id) for r in conn.execute(
            select(targets.c.id, targets.c.employee_id, targets.c.team_id))}
        for row in records.get("target", ()):
            target_info[row["id"]] = (plan_owner.get(row["plan_id"]), row.get("team_id"))
        entries: list[dict[str, Any]] = []
        for entity in ORG_ORDER:
            rows = list(records.get(entity, ()))
            if not rows:
                continue
            pairs = [org_rows(entity, r, plan_owner=plan_owner, target_info=target_info) for r in rows]
            db.upsert(conn, RECORD_TABLES[entity], [p[0] for p in pairs])
            entries.extend(p[1] for p in pairs)
            total += len(rows)
        entries.extend(directory_resent(conn, records, entries))
        db.append_changes(conn, entries)
    return total


def directory_resent(conn: Connection, records: Mapping[str, Iterable[dict[str, Any]]],
                      entries: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Directory rows to log again because someone gained sight of them in this load.

    A person who joins a team (or a team that gets a new JPT, or an employee a new superior)
    sees people logged long before their cursor; sending those rows again lets the next pull
    bring them. Rows already logged in this load are not repeated.
    """
    team_ids = {r["team_id"] for r in records.get("membership", ())} | {r["id"] for r in records.get("team", ())}
    people = {r["superior_id"] for r in records.get("employee", ()) if r.get("superior_id")}
    for start in range(0, len(team_ids), 900):
        chunk = sorted(team_ids)[start:start + 900]
        people.update(conn.execute(select(memberships.c.employee_id).where(memberships.c.team_id.in_(chunk))).scalars())
        people.update(j for j in conn.execute(select(teams.c.jpt_id).where(teams.c.id.in_(chunk))).scalars() if j)
    logged = {(e["entity"], e["entity_id"]) for e in entries if e["entity"] in DIRECTORY_ENTITIES}
    out: list[dict[str, Any]] = []
    unit_ids: set[str] = set()
    wanted = sorted(who for who in people if ("employee", who) not in logged)
    for start in range(0, len(wanted), 900):
        for row in conn.execute(select(employees.c.id, employees.c.unit_id, employees.c.data)
                                .where(employees.c.id.in_(wanted[start:start + 900]))):
            out.append({"entity": "employee", "entity_id": row.id, "vis": VIS_DIRECTORY, "data": row.data})
            if row.unit_id:
                unit_ids.add(row.unit_id)
    wanted = sorted(u for u in unit_ids if ("unit", u) not in logged)
    for start in range(0, len(wanted), 900):
        out.extend({"entity": "unit", "entity_id": row.id, "vis": VIS_DIRECTORY, "data": row.data}
                   for row in conn.execute(select(units.c.id, units.c.data).where(units.c.id.in_(wanted[start:start + 900]))))
    return out


# === issue 10: the recap's inputs, the agency's policy and the official month ================
# (Alembic revision 0003 creates them)
attendance = Table(
    "attendance", metadata, _id(primary_key=True), _id("employee_id", nullable=False),
    Column("day", String(10), nullable=False), Column("status", String(20), nullable=False),
    Column("data", Text, nullable=False), UniqueConstraint("employee_id", "day"),
)
negative_events = Table(
    "negative_events", metadata, _id(primary_key=True), _id("employee_id", nullable=False, index=True),
    Column("day", String(10), nullable=False), Column("kind", String(64), nullable=False),
    Column("data", Text, nullable=False),
)
# every version of the agency's policy; the highest is in force
policy_versions = Table(
    "policy", metadata, Column("version", Integer, primary_key=True, autoincrement=False),
    Column("hash", String(64), nullable=False), Column("toml", Text, nullable=False),
    Column("set_at", String(40), nullable=False),
)
# one row per employee of a closed month: the frozen figures (canonical JSON) and their sha256
month_closes = Table(
    "month_closes", metadata, _id(primary_key=True), Column("month", String(7), nullable=False),
    _id("employee_id", nullable=False), Column("policy_version", Integer, nullable=False),
    Column("hash", String(64), nullable=False), Column("data", Text, nullable=False),
    Column("closed_at", String(40), nullable=False), UniqueConstraint("month", "employee_id"),
)
# close and reopen, with the reason given: never deleted
month_log = Table(
    "month_log", metadata, Column("id", Integer, primary_key=True, autoincrement=True),
    Column("month", String(7), nullable=False, index=True), Column("action", String(16), nullable=False),
    Column("reason", Text, nullable=False), Column("policy_version", Integer, nullable=False),
    Column("at", String(40), nullable=False),
)
POLICY_ENTITY_ID = "agency"


def person_changes(conn: Connection, entity: str, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Change-log entries for records about one person (``employee_id``) that the person, their
    team leads and their JPT may see: one entry per team the person is on (leads and JPTs pull
    by team), or one for the person alone. ``data`` None logs a delete."""
    people = sorted({r["employee_id"] for r in rows})
    teams_of: dict[str, list[str]] = {}
    for start in range(0, len(people), 900):
        for row in conn.execute(select(memberships.c.employee_id, memberships.c.team_id)
                                .where(memberships.c.employee_id.in_(people[start:start + 900]))):
            teams_of.setdefault(row.employee_id, []).append(row.team_id)
    out: list[dict[str, Any]] = []
    for r in rows:
        data = r.get("data")
        text_data = None if data is None else (data if isinstance(data, str) else dumps(data))
        teams: list[str | None] = [*sorted(teams_of.get(r["employee_id"], []))] or [None]
        out.extend({"entity": entity, "entity_id": r["id"], "vis": VIS_PARTIES, "data": text_data,
                    "employee_id": r["employee_id"], "team_id": team_id} for team_id in teams)
    return out
