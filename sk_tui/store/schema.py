"""Tables, indexes and migrations of the local database (``PRAGMA user_version``).

    >>> db = connect(":memory:"); migrate(db); schema_version(db) == SCHEMA_VERSION
    True

Migrations only ever append: version N's function turns a version N-1 database into N.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sk_tui import paths

if TYPE_CHECKING:
    import sqlite_utils


class Database:
    """A sqlite3 connection with sqlite-utils one attribute away.

    Hot paths (saving a report, the headless CLI) run plain SQL through ``execute``; the
    sqlite-utils ``Database`` over the same connection is built on first use (schema work,
    introspection), because importing sqlite-utils costs more than a whole `report add`.
    """

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        self._utils: sqlite_utils.Database | None = None

    def execute(self, sql: str, params: Any = ()) -> sqlite3.Cursor:
        return self.conn.execute(sql, params)

    @property
    def utils(self) -> sqlite_utils.Database:
        if self._utils is None:
            import sqlite_utils

            self._utils = sqlite_utils.Database(self.conn)
        return self._utils

    def __getitem__(self, table: str) -> Any:
        return self.utils[table]

    def __getattr__(self, name: str) -> Any:
        # Anything else sqlite-utils offers (create_table, table_names, query, ...).
        return getattr(self.utils, name)


def connect(path: str | Path, *, timeout: float = 30.0) -> Database:
    """Open the database in WAL with synchronous=FULL: a committed write survives power loss."""
    if str(path) != ":memory:":
        paths.create_private_file(Path(path))  # 0600, and so its -wal/-shm too
    # check_same_thread (sqlite3's default): a connection belongs to the thread that opened it
    # (see Store); using it from another thread raises instead of racing.
    conn = sqlite3.connect(str(path), timeout=timeout, isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=FULL")
    conn.execute("PRAGMA foreign_keys=OFF")
    # an INSERT OR REPLACE fires the delete triggers of the row it replaces (store/aggregates.py)
    conn.execute("PRAGMA recursive_triggers=ON")
    conn.execute("PRAGMA busy_timeout=30000")
    return Database(conn)


def schema_version(db: Database) -> int:
    return db.execute("PRAGMA user_version").fetchone()[0]


def _v1_create(db: Database) -> None:
    """The first schema."""
    t = db.create_table
    t("meta", {"key": str, "value": str}, pk="key")
    t("units", {"id": str, "code": str, "name": str, "parent_id": str, "agency": str, "timezone": str}, pk="id")
    t(
        "employees",
        {
            "id": str, "nip": str, "name": str, "position_kind": str, "position_title": str,
            "jf_level": str, "job_class": int, "unit_id": str, "superior_id": str,
            "timezone": str, "post_start": str, "post_end": str,
        },
        pk="id",
        not_null={"nip", "name", "position_kind", "unit_id"},
    )
    db["employees"].create_index(["nip"], unique=True)
    db["employees"].create_index(["unit_id"])
    t(
        "teams",
        {
            "id": str, "name": str, "unit_id": str, "scope": str, "kind": str, "jpt_id": str,
            "decree_no": str, "period_start": str, "period_end": str,
        },
        pk="id",
    )
    db["teams"].create_index(["jpt_id"])
    t("memberships", {"id": str, "team_id": str, "employee_id": str, "role": str}, pk="id")
    db["memberships"].create_index(["employee_id"])
    db["memberships"].create_index(["team_id", "employee_id"], unique=True)
    t("plans", {"id": str, "employee_id": str, "period_start": str, "period_end": str, "status": str}, pk="id")
    db["plans"].create_index(["employee_id"])
    t("targets", {"id": str, "plan_id": str, "kind": str, "text": str, "parent_id": str, "team_id": str}, pk="id")
    db["targets"].create_index(["plan_id"])
    db["targets"].create_index(["parent_id"])
    t(
        "indicators",
        {"id": str, "target_id": str, "aspect": str, "text": str, "target_value": float, "unit": str},
        pk="id",
    )
    db["indicators"].create_index(["target_id"])
    t(
        "tasks",
        {
            "id": str, "team_id": str, "title": str, "description": str, "assignees": str,
            "status": str, "due_date": str, "target_id": str, "indicator_id": str, "rank": float,
            "version": int, "updated_at": str,
        },
        pk="id",
        defaults={"version": 0, "rank": 0.0, "assignees": "[]", "description": ""},
    )
    db["tasks"].create_index(["team_id", "status", "rank"])
    t(
        "reports",
        {
            "id": str, "employee_id": str, "work_date": str, "work_mode": str, "location": str,
            "status": str, "team_id": str, "version": int, "submitted_at": str,
            "review_note": str, "reviewed_by": str, "reviewed_at": str,
        },
        pk="id",
        defaults={"version": 0, "location": "", "review_note": ""},
    )
    db["reports"].create_index(["employee_id", "work_date"], unique=True)
    db["reports"].create_index(["team_id", "status", "work_date"])
    db["reports"].create_index(["work_date"])
    t(
        "activities",
        {
            "id": str, "report_id": str, "description": str, "minutes": int, "volume": float,
            "volume_unit": str, "task_id": str, "indicator_id": str, "evidence": str, "position": int,
        },
        pk="id",
        defaults={"evidence": "", "position": 0},
    )
    db["activities"].create_index(["report_id"])
    db["activities"].create_index(["indicator_id"])
    t(
        "reviews",
        {
            "id": str, "report_id": str, "reviewer_id": str, "decision": str, "note": str,
            "report_version": int, "decided_at": str,
        },
        pk="id",
    )
    db["reviews"].create_index(["report_id"])
    db["reviews"].create_index(["reviewer_id"])
    t("feedback", {"id": str, "from_id": str, "to_id": str, "text": str, "task_id": str, "created_at": str}, pk="id")
    db["feedback"].create_index(["to_id"])
    t(
        "dwa",
        {"id": str, "employee_id": str, "pattern": str, "valid_from": str, "valid_to": str, "approved_by": str},
        pk="id",
    )
    t("absences", {"id": str, "employee_id": str, "day": str, "excused": int, "reason": str}, pk="id")
    db["absences"].create_index(["employee_id", "day"])
    t("negative_events", {"id": str, "employee_id": str, "day": str, "reason": str}, pk="id")
    db["negative_events"].create_index(["employee_id", "day"])
    db.execute(
        """CREATE TABLE outbox (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            op_id TEXT NOT NULL UNIQUE,
            entity TEXT NOT NULL,
            entity_id TEXT NOT NULL,
            op TEXT NOT NULL,
            base_version INTEGER NOT NULL DEFAULT 0,
            payload TEXT NOT NULL,
            state TEXT NOT NULL DEFAULT 'pending',
            attempts INTEGER NOT NULL DEFAULT 0,
            last_error TEXT,
            server_seq INTEGER,
            result TEXT,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        )"""
    )
    db.execute("CREATE INDEX idx_outbox_state ON outbox(state, seq)")
    db.execute("CREATE INDEX idx_outbox_entity ON outbox(entity_id)")


def _v2_report_totals_and_resolution(db: Database) -> None:
    """Denormalise a report's minutes (recap and month totals without touching activities)
    and record how the user resolved a sync problem."""
    db.execute("ALTER TABLE reports ADD COLUMN total_minutes INTEGER NOT NULL DEFAULT 0")
    db.execute(
        """UPDATE reports SET total_minutes = COALESCE(
               (SELECT SUM(minutes) FROM activities WHERE activities.report_id = reports.id), 0)"""
    )
    db.execute("ALTER TABLE outbox ADD COLUMN resolution TEXT")
    db.execute("CREATE INDEX IF NOT EXISTS idx_reports_status_date ON reports(status, work_date)")


def _v3_pulled_problems(db: Database) -> None:
    """Records a pull brought that could not be stored (invalid, out of range): kept aside
    with their reason so the sync goes on and the user sees them (see store/replica.py)."""
    db.execute(
        """CREATE TABLE pulled_problems (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            entity TEXT NOT NULL,
            entity_id TEXT NOT NULL,
            server_seq INTEGER,
            reason TEXT NOT NULL,
            data TEXT,
            resolution TEXT,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        )"""
    )
    db.execute("CREATE INDEX idx_pulled_problems_open ON pulled_problems(resolution, entity, entity_id)")


def _v4_verification_per_team(db: Database) -> None:
    """Verification per team (DOMAIN.md "Verification in Teams of Teams") and lateness from the
    first submission: every activity gets its team (the report's team until now) and that
    team's verdict (the report's decision until now); a report keeps its first submission time
    and its approved minutes (so the recap reads one column, never the activities); a review
    names its team."""
    for column in ("team_id TEXT", "verdict TEXT NOT NULL DEFAULT 'pending'", "review_note TEXT NOT NULL DEFAULT ''",
                   "reviewed_by TEXT", "reviewed_at TEXT"):
        db.execute(f"ALTER TABLE activities ADD COLUMN {column}")
    db.execute(
        """UPDATE activities SET
               team_id = (SELECT r.team_id FROM reports r WHERE r.id = activities.report_id),
               verdict = COALESCE((SELECT CASE r.status WHEN 'approved' THEN 'approved'
                                   WHEN 'returned' THEN 'returned' ELSE 'pending' END
                                   FROM reports r WHERE r.id = activities.report_id), 'pending'),
               review_note = COALESCE((SELECT r.review_note FROM reports r WHERE r.id = activities.report_id
                                       AND r.status = 'returned'), ''),
               reviewed_by = (SELECT r.reviewed_by FROM reports r WHERE r.id = activities.report_id
                              AND r.status IN ('approved', 'returned')),
               reviewed_at = (SELECT r.reviewed_at FROM reports r WHERE r.id = activities.report_id
                              AND r.status IN ('approved', 'returned'))"""
    )
    for column in ("first_submitted_at TEXT", "received_at TEXT", "approved_minutes INTEGER NOT NULL DEFAULT 0"):
        db.execute(f"ALTER TABLE reports ADD COLUMN {column}")
    # the first submission of an old report is unknown: its last one is the best there is
    db.execute("UPDATE reports SET first_submitted_at = submitted_at")
    db.execute("UPDATE reports SET approved_minutes = total_minutes WHERE status = 'approved'")
    for column in ("team_id TEXT", "received_at TEXT"):
        db.execute(f"ALTER TABLE reviews ADD COLUMN {column}")
    db.execute("UPDATE reviews SET team_id = (SELECT r.team_id FROM reports r WHERE r.id = reviews.report_id)")
    db.execute("CREATE INDEX idx_activities_team ON activities(team_id, verdict)")


def _v5_recap_inputs(db: Database) -> None:
    """Issue 10: attendance statuses and negative-event kinds as imported on the server, the
    agency's policy and the official (closed) months, all pulled from the server."""
    db.execute("ALTER TABLE absences ADD COLUMN status TEXT")
    db.execute("ALTER TABLE negative_events ADD COLUMN kind TEXT NOT NULL DEFAULT 'lainnya'")
    db.execute("ALTER TABLE negative_events ADD COLUMN reference TEXT NOT NULL DEFAULT ''")
    db.execute(
        """CREATE TABLE agency_policy (
            id TEXT PRIMARY KEY, version INTEGER NOT NULL, hash TEXT NOT NULL, toml TEXT NOT NULL,
            set_at TEXT NOT NULL DEFAULT ''
        )"""
    )
    db.execute(
        """CREATE TABLE month_closes (
            id TEXT PRIMARY KEY, employee_id TEXT NOT NULL, month TEXT NOT NULL,
            policy_version INTEGER NOT NULL, hash TEXT NOT NULL, figures TEXT NOT NULL DEFAULT '{}',
            closed_at TEXT NOT NULL DEFAULT ''
        )"""
    )
    db.execute("CREATE INDEX idx_month_closes_employee ON month_closes(employee_id, month)")


def _v6_resync_seen(db: Database) -> None:
    """Records a full re-pull (new server epoch, changed scope, a refused op) has brought so
    far: when it ends, local records the server no longer shows are removed (store/replica.py)."""
    db.execute(
        """CREATE TABLE resync_seen (
            entity TEXT NOT NULL,
            entity_id TEXT NOT NULL,
            PRIMARY KEY (entity, entity_id)
        ) WITHOUT ROWID"""
    )


def _v7_teams_and_dwa(db: Database) -> None:
    """Teams the JPT closes (their cards turn read-only) and DWA applications with a decision."""
    db.execute("ALTER TABLE teams ADD COLUMN closed_on TEXT")
    db.execute("ALTER TABLE dwa ADD COLUMN targets TEXT NOT NULL DEFAULT ''")
    db.execute("ALTER TABLE dwa ADD COLUMN status TEXT NOT NULL DEFAULT 'applied'")
    db.execute("ALTER TABLE dwa ADD COLUMN note TEXT NOT NULL DEFAULT ''")
    db.execute("ALTER TABLE dwa ADD COLUMN decided_by TEXT")
    # an arrangement stored before statuses existed was approved if it named an approver
    db.execute("UPDATE dwa SET status = 'approved' WHERE approved_by IS NOT NULL")
    db.execute("CREATE INDEX IF NOT EXISTS idx_dwa_employee ON dwa(employee_id, valid_from)")


def _v8_monthly_aggregates(db: Database) -> None:
    """Issue 13: monthly aggregates for the view across teams and the targets screen, filled
    from the rows already here and kept by triggers from now on (store/aggregates.py), and an
    index for a month of many teams' reports (the overview's submission and verification
    rates read it; (team, status, date) made them read each team's whole year)."""
    from sk_tui.store import aggregates

    aggregates.install(db)
    db.execute("CREATE INDEX IF NOT EXISTS idx_reports_team_date ON reports(team_id, work_date, status)")
    if db.execute("SELECT 1 FROM sqlite_master WHERE name = 'sqlite_stat1'").fetchone():
        db.execute("ANALYZE idx_reports_team_date")  # the planner weighs it against the older indexes


MIGRATIONS: list[Callable[[Database], None]] = [
    _v1_create,
    _v2_report_totals_and_resolution,
    _v3_pulled_problems,
    _v4_verification_per_team,
    _v5_recap_inputs,
    _v6_resync_seen,
    _v7_teams_and_dwa,
    _v8_monthly_aggregates,
]
SCHEMA_VERSION = len(MIGRATIONS)


def migrate(db: Database, target: int = SCHEMA_VERSION) -> int:
    """Bring the database up to ``target``; each step commits with its user_version."""
    current = schema_version(db)
    for version in range(current + 1, target + 1):
        db.execute("BEGIN IMMEDIATE")
        try:
            MIGRATIONS[version - 1](db)
            db.execute(f"PRAGMA user_version = {version}")
            db.execute("COMMIT")
        except BaseException:
            db.execute("ROLLBACK")
            raise
    return schema_version(db)
