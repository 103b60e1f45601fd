"""Monthly aggregates the JPT's view across teams and the targets screen read instead of the
1M-row activity table, kept in step with every write by SQLite triggers: the store's own write
paths, a pull applied by the replica and a bulk build all write plain SQL, so triggers are the
one place that sees them all, in the same transaction as the write.

- ``agg_indicator``: per (indicator, period of the work date: its year 'YYYY' and its month
  'YYYY-MM', volume unit) the volume in approved reports, in submitted-or-approved ones, the
  minutes and the number of activities (``indicator_progress``: a year so far is one row less
  a month or two).
- ``agg_report_parts``: per (report, team) part its decision time (the latest ``reviewed_at``
  of its activities); ``agg_review_day``: per (team, work date, local submission day, local
  decision day) the number of submitted parts (``overdue_by_team``). Local days use the
  modifier in ``agg_settings``; a store whose policy has another time zone reads the raw rows.
- ``agg_team_month``: reports per (team, month, status) (the overview's submission and
  verification rates).
- ``agg_mode_month``: per (employee, month, work mode) of approved reports with activities
  the days, minutes and volume (DWA output per working day by work mode).

The connection must run with ``PRAGMA recursive_triggers=ON`` (schema.connect sets it): an
``INSERT OR REPLACE`` then fires the delete triggers of the row it replaces.

``recompute_*`` give what the tables must hold, from the raw rows: the migration fills the
tables with them, the property test compares against them.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sk_tui.store.schema import Database

DEFAULT_SHIFT = "+420 minutes"  # Asia/Jakarta, the default policy's zone
AGGREGATES = ("agg_indicator", "agg_report_parts", "agg_review_day", "agg_team_month", "agg_mode_month")

TABLES = """
CREATE TABLE IF NOT EXISTS agg_settings (id INTEGER PRIMARY KEY CHECK (id = 1), shift TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS agg_indicator (
    indicator_id TEXT NOT NULL, period TEXT NOT NULL, unit TEXT NOT NULL,
    approved REAL NOT NULL, reported REAL NOT NULL, minutes INTEGER NOT NULL, n INTEGER NOT NULL,
    PRIMARY KEY (indicator_id, period, unit)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS agg_report_parts (
    report_id TEXT NOT NULL, team_id TEXT NOT NULL, decided TEXT,
    PRIMARY KEY (report_id, team_id)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS agg_team_month (
    team_id TEXT NOT NULL, month TEXT NOT NULL, status TEXT NOT NULL, n INTEGER NOT NULL,
    PRIMARY KEY (team_id, month, status)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS agg_mode_month (
    employee_id TEXT NOT NULL, month TEXT NOT NULL, mode TEXT NOT NULL,
    days INTEGER NOT NULL, minutes INTEGER NOT NULL, volume REAL NOT NULL, n INTEGER NOT NULL,
    PRIMARY KEY (employee_id, month, mode)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS agg_review_day (
    team_id TEXT NOT NULL, work_date TEXT NOT NULL, submitted_day TEXT NOT NULL, decided_day TEXT NOT NULL,
    n INTEGER NOT NULL,
    PRIMARY KEY (team_id, work_date, submitted_day, decided_day)) WITHOUT ROWID;
"""

# 'u:' + the lower-cased unit, '' for none: NULL never matches an indicator's unit (as in the
# raw query), and a primary key column cannot hold NULL
_UNIT = "COALESCE('u:' || lower({a}.volume_unit), '')"
_SHIFT = "(SELECT shift FROM agg_settings WHERE id = 1)"

_APPROVED = "CASE WHEN {status} = 'approved' THEN {volume} ELSE 0 END"
_REPORTED = "CASE WHEN {status} IN ('approved', 'submitted') THEN {volume} ELSE 0 END"
_IND_UPSERT = """INSERT INTO agg_indicator (indicator_id, period, unit, approved, reported, minutes, n)
    {select}
    ON CONFLICT (indicator_id, period, unit) DO UPDATE SET approved = approved + excluded.approved,
        reported = reported + excluded.reported, minutes = minutes + excluded.minutes, n = n + excluded.n;"""
_IND_CLEAN = "DELETE FROM agg_indicator WHERE n = 0 AND indicator_id IN ({ids});"


def _ind_one(row: str, sign: str) -> str:
    """One activity (``row`` = NEW or OLD) with its report, added (sign '') or taken away ('-'),
    to its year's row and its month's."""
    volume = f"COALESCE({row}.volume, 0)"
    out = []
    for length in (4, 7):
        select = f"""SELECT {row}.indicator_id, substr(r.work_date, 1, {length}), {_UNIT.format(a=row)},
            {sign}({_APPROVED.format(status='r.status', volume=volume)}),
            {sign}({_REPORTED.format(status='r.status', volume=volume)}), {sign}COALESCE({row}.minutes, 0), {sign}1
            FROM reports r WHERE r.id = {row}.report_id AND {row}.indicator_id IS NOT NULL"""
        out.append(_IND_UPSERT.format(select=select))
    return "\n".join(out) + (_IND_CLEAN.format(ids=f"{row}.indicator_id") if sign else "")


def _ind_report(row: str, sign: str) -> str:
    """Every activity of one report (``row`` = NEW or OLD of reports)."""
    volume = "COALESCE(SUM(a.volume), 0)"
    out = []
    for length in (4, 7):
        select = f"""SELECT a.indicator_id, substr({row}.work_date, 1, {length}), {_UNIT.format(a='a')},
            {sign}({_APPROVED.format(status=f'{row}.status', volume=volume)}),
            {sign}({_REPORTED.format(status=f'{row}.status', volume=volume)}), {sign}COALESCE(SUM(a.minutes), 0),
            {sign}COUNT(*)
            FROM activities a WHERE a.report_id = {row}.id AND a.indicator_id IS NOT NULL GROUP BY 1, 2, 3"""
        out.append(_IND_UPSERT.format(select=select))
    return "\n".join(out) + (
        _IND_CLEAN.format(ids=f"SELECT indicator_id FROM activities WHERE report_id = {row}.id") if sign else "")


def _part_join(row: str) -> str:
    """One activity added to its (report, team) part: the part is new, or decided later than it
    was (the latest decision of its activities, this one's), or unchanged. A part row exists
    while its report has an activity of that team, so a new part's only activity is this one.
    No OR IGNORE: inside a trigger the outer statement's OR REPLACE would override it."""
    return f"""DELETE FROM agg_report_parts WHERE report_id = {row}.report_id AND team_id = {row}.team_id
        AND {row}.reviewed_at IS NOT NULL AND (decided IS NULL OR decided < {row}.reviewed_at);
    INSERT INTO agg_report_parts (report_id, team_id, decided)
        SELECT {row}.report_id, {row}.team_id, {row}.reviewed_at WHERE {row}.team_id IS NOT NULL
        AND NOT EXISTS (SELECT 1 FROM agg_report_parts WHERE report_id = {row}.report_id AND team_id = {row}.team_id);"""


def _part_refresh(row: str) -> str:
    """Recompute one (report, team) part from its activities (gone when none is left)."""
    return f"""DELETE FROM agg_report_parts WHERE report_id = {row}.report_id AND team_id = {row}.team_id;
    INSERT INTO agg_report_parts (report_id, team_id, decided)
        SELECT report_id, team_id, MAX(reviewed_at) FROM activities
        WHERE report_id = {row}.report_id AND team_id = {row}.team_id GROUP BY report_id, team_id;"""


_DAY_UPSERT = """INSERT INTO agg_review_day (team_id, work_date, submitted_day, decided_day, n)
    {select}
    ON CONFLICT (team_id, work_date, submitted_day, decided_day) DO UPDATE SET n = n + excluded.n;"""
_DAY_CLEAN = "DELETE FROM agg_review_day WHERE n = 0 AND team_id IN ({teams});"


def _day_part(row: str, sign: str) -> str:
    """One part (``row`` of agg_report_parts) with its report."""
    select = f"""SELECT {row}.team_id, r.work_date, date(r.submitted_at, {_SHIFT}),
        COALESCE(date({row}.decided, {_SHIFT}), ''), {sign}1
        FROM reports r WHERE r.id = {row}.report_id AND r.submitted_at IS NOT NULL"""
    return _DAY_UPSERT.format(select=select) + (_DAY_CLEAN.format(teams=f"{row}.team_id") if sign else "")


def _day_report(row: str, sign: str) -> str:
    """Every part of one report (``row`` of reports)."""
    select = f"""SELECT p.team_id, {row}.work_date, date({row}.submitted_at, {_SHIFT}),
        COALESCE(date(p.decided, {_SHIFT}), ''), {sign}COUNT(*)
        FROM agg_report_parts p WHERE p.report_id = {row}.id AND {row}.submitted_at IS NOT NULL
        GROUP BY 1, 2, 3, 4"""
    return _DAY_UPSERT.format(select=select) + (
        _DAY_CLEAN.format(teams=f"SELECT team_id FROM agg_report_parts WHERE report_id = {row}.id") if sign else "")


def _team(row: str, sign: str) -> str:
    """One report (``row`` of reports) counted in its team's month."""
    return f"""INSERT INTO agg_team_month (team_id, month, status, n)
        VALUES (COALESCE({row}.team_id, ''), substr({row}.work_date, 1, 7), COALESCE({row}.status, ''), {sign}1)
        ON CONFLICT (team_id, month, status) DO UPDATE SET n = n + excluded.n;""" + (
        f"DELETE FROM agg_team_month WHERE n = 0 AND team_id = COALESCE({row}.team_id, '');" if sign else "")


_MODE_UPSERT = """INSERT INTO agg_mode_month (employee_id, month, mode, days, minutes, volume, n)
    {select}
    ON CONFLICT (employee_id, month, mode) DO UPDATE SET days = days + excluded.days,
        minutes = minutes + excluded.minutes, volume = volume + excluded.volume, n = n + excluded.n;"""
_MODE_CLEAN = "DELETE FROM agg_mode_month WHERE n = 0 AND employee_id IN ({who});"


def _mode_report(row: str, sign: str) -> str:
    """One approved report (``row`` of reports) with all its activities (none: no day)."""
    select = f"""SELECT {row}.employee_id, substr({row}.work_date, 1, 7), COALESCE({row}.work_mode, ''), {sign}1,
        {sign}COALESCE(SUM(a.minutes), 0), {sign}COALESCE(SUM(a.volume), 0), {sign}COUNT(*)
        FROM activities a WHERE a.report_id = {row}.id AND {row}.status = 'approved' GROUP BY a.report_id"""
    return _MODE_UPSERT.format(select=select) + (_MODE_CLEAN.format(who=f"{row}.employee_id") if sign else "")


def _mode_activity(row: str, sign: str, day: str) -> str:
    """One activity (``row``) of an approved report; ``day``: whether the report's day comes
    or goes with it (its first activity added, its last one removed)."""
    select = f"""SELECT r.employee_id, substr(r.work_date, 1, 7), COALESCE(r.work_mode, ''), {sign}({day}),
        {sign}COALESCE({row}.minutes, 0), {sign}COALESCE({row}.volume, 0), {sign}1
        FROM reports r WHERE r.id = {row}.report_id AND r.status = 'approved'"""
    return _MODE_UPSERT.format(select=select) + (
        _MODE_CLEAN.format(who=f"SELECT employee_id FROM reports WHERE id = {row}.report_id") if sign else "")


def _count(row: str, n: int) -> str:
    return f"(SELECT COUNT(*) FROM activities WHERE report_id = {row}.report_id) = {n}"


_IND_COLUMNS = "indicator_id, volume, volume_unit, minutes, report_id"
_PART_COLUMNS = "report_id, team_id, reviewed_at"
_REPORT_COLUMNS = "id, status, work_date, submitted_at"


def _triggers() -> dict[str, str]:
    return {
        "agg_activity_insert": f"""AFTER INSERT ON activities BEGIN {_ind_one('NEW', '')}
            {_part_join('NEW')} END""",
        "agg_activity_delete": f"""AFTER DELETE ON activities BEGIN {_ind_one('OLD', '-')}
            {_part_refresh('OLD')} END""",
        "agg_activity_update_ind": f"""AFTER UPDATE OF {_IND_COLUMNS} ON activities BEGIN
            {_ind_one('OLD', '-')} {_ind_one('NEW', '')} END""",
        "agg_activity_update_part": f"""AFTER UPDATE OF {_PART_COLUMNS} ON activities BEGIN
            {_part_refresh('OLD')} {_part_refresh('NEW')} END""",
        "agg_activity_insert_mode": f"AFTER INSERT ON activities BEGIN {_mode_activity('NEW', '', _count('NEW', 1))} END",
        "agg_activity_delete_mode": f"AFTER DELETE ON activities BEGIN {_mode_activity('OLD', '-', _count('OLD', 0))} END",
        "agg_activity_update_mode": f"""AFTER UPDATE OF minutes, volume, report_id ON activities BEGIN
            {_mode_activity('OLD', '-', "OLD.report_id IS NOT NEW.report_id AND " + _count('OLD', 0))}
            {_mode_activity('NEW', '', "OLD.report_id IS NOT NEW.report_id AND " + _count('NEW', 1))} END""",
        "agg_report_insert": f"""AFTER INSERT ON reports BEGIN {_ind_report('NEW', '')} {_day_report('NEW', '')}
            {_team('NEW', '')} {_mode_report('NEW', '')} END""",
        "agg_report_delete": f"""AFTER DELETE ON reports BEGIN {_ind_report('OLD', '-')} {_day_report('OLD', '-')}
            {_team('OLD', '-')} {_mode_report('OLD', '-')} END""",
        "agg_report_update_month": f"""AFTER UPDATE OF id, team_id, status, work_date, work_mode, employee_id ON reports
            WHEN OLD.id IS NOT NEW.id OR OLD.team_id IS NOT NEW.team_id OR OLD.status IS NOT NEW.status
                 OR OLD.work_date IS NOT NEW.work_date OR OLD.work_mode IS NOT NEW.work_mode
                 OR OLD.employee_id IS NOT NEW.employee_id BEGIN
            {_team('OLD', '-')} {_team('NEW', '')} {_mode_report('OLD', '-')} {_mode_report('NEW', '')} END""",
        "agg_report_update": f"""AFTER UPDATE OF {_REPORT_COLUMNS} ON reports
            WHEN OLD.id IS NOT NEW.id OR OLD.status IS NOT NEW.status OR OLD.work_date IS NOT NEW.work_date
                 OR OLD.submitted_at IS NOT NEW.submitted_at BEGIN
            {_ind_report('OLD', '-')} {_ind_report('NEW', '')} {_day_report('OLD', '-')} {_day_report('NEW', '')} END""",
        "agg_part_insert": f"AFTER INSERT ON agg_report_parts BEGIN {_day_part('NEW', '')} END",
        "agg_part_delete": f"AFTER DELETE ON agg_report_parts BEGIN {_day_part('OLD', '-')} END",
    }


# --- what the tables must hold, from the raw rows --------------------------------------------

RECOMPUTE_INDICATOR = " UNION ALL ".join(
    f"""SELECT a.indicator_id, substr(r.work_date, 1, {length}), {_UNIT.format(a='a')},
        SUM({_APPROVED.format(status='r.status', volume='COALESCE(a.volume, 0)')}),
        SUM({_REPORTED.format(status='r.status', volume='COALESCE(a.volume, 0)')}), COALESCE(SUM(a.minutes), 0), COUNT(*)
        FROM activities a JOIN reports r ON r.id = a.report_id WHERE a.indicator_id IS NOT NULL
        GROUP BY 1, 2, 3""" for length in (4, 7))
RECOMPUTE_REPORT_PARTS = """SELECT report_id, team_id, MAX(reviewed_at) FROM activities
    WHERE team_id IS NOT NULL GROUP BY report_id, team_id"""
RECOMPUTE_REVIEW_DAY = f"""SELECT p.team_id, r.work_date, date(r.submitted_at, {_SHIFT}),
    COALESCE(date(p.decided, {_SHIFT}), ''), COUNT(*)
    FROM agg_report_parts p JOIN reports r ON r.id = p.report_id WHERE r.submitted_at IS NOT NULL
    GROUP BY 1, 2, 3, 4"""


RECOMPUTE_TEAM_MONTH = """SELECT COALESCE(team_id, ''), substr(work_date, 1, 7), COALESCE(status, ''), COUNT(*)
    FROM reports GROUP BY 1, 2, 3"""
RECOMPUTE_MODE_MONTH = """SELECT employee_id, month, mode, COUNT(*), SUM(minutes), SUM(volume), SUM(n) FROM (
        SELECT r.employee_id, substr(r.work_date, 1, 7) AS month, COALESCE(r.work_mode, '') AS mode,
               COALESCE(SUM(a.minutes), 0) AS minutes, COALESCE(SUM(a.volume), 0) AS volume, COUNT(*) AS n
        FROM reports r JOIN activities a ON a.report_id = r.id WHERE r.status = 'approved' GROUP BY r.id)
    GROUP BY 1, 2, 3"""


def recompute(db: Database, table: str) -> list[tuple[Any, ...]]:
    """What ``table`` must hold, from the raw rows (agg_review_day from the raw parts too)."""
    if table == "agg_indicator":
        return db.execute(RECOMPUTE_INDICATOR).fetchall()
    if table == "agg_team_month":
        return db.execute(RECOMPUTE_TEAM_MONTH).fetchall()
    if table == "agg_mode_month":
        return db.execute(RECOMPUTE_MODE_MONTH).fetchall()
    if table == "agg_report_parts":
        return db.execute(RECOMPUTE_REPORT_PARTS).fetchall()
    parts = RECOMPUTE_REVIEW_DAY.replace("agg_report_parts p", f"({RECOMPUTE_REPORT_PARTS}) p")
    parts = parts.replace("SELECT report_id, team_id, MAX(reviewed_at)",
                          "SELECT report_id, team_id, MAX(reviewed_at) AS decided")
    return db.execute(parts).fetchall()


def fill(db: Database) -> None:
    """Rebuild every aggregate from the raw rows (set-wise: a migration, after a bulk build)."""
    for table in AGGREGATES:
        db.execute(f"DELETE FROM {table}")
    db.execute(f"INSERT INTO agg_team_month {RECOMPUTE_TEAM_MONTH}")
    db.execute(f"INSERT INTO agg_mode_month {RECOMPUTE_MODE_MONTH}")
    db.execute(f"INSERT INTO agg_indicator {RECOMPUTE_INDICATOR}")
    db.execute(f"INSERT INTO agg_report_parts {RECOMPUTE_REPORT_PARTS}")
    db.execute(f"INSERT INTO agg_review_day {RECOMPUTE_REVIEW_DAY}")


def create_triggers(db: Database) -> None:
    for name, body in _triggers().items():
        db.execute(f"CREATE TRIGGER IF NOT EXISTS {name} {body}")


def drop_triggers(db: Database) -> None:
    for name in _triggers():
        db.execute(f"DROP TRIGGER IF EXISTS {name}")


def install(db: Database, shift: str = DEFAULT_SHIFT) -> None:
    """Tables, contents from the raw rows, then the triggers that keep them (one transaction)."""
    for statement in TABLES.split(";"):
        if statement.strip():
            db.execute(statement)
    db.execute("INSERT OR REPLACE INTO agg_settings (id, shift) VALUES (1, ?)", (shift,))
    fill(db)
    create_triggers(db)


def shift(db: Database) -> str | None:
    row = db.execute("SELECT shift FROM agg_settings WHERE id = 1").fetchone()
    return row[0] if row else None


@contextlib.contextmanager
def suspended(db: Database) -> Iterator[None]:
    """A bulk load without the per-row triggers (they need the indexes a bulk load drops):
    the aggregates are rebuilt set-wise after it."""
    drop_triggers(db)
    yield
    fill(db)
    create_triggers(db)
