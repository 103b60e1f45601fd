"""The official month on the server (issue 10 point 5): the recap read model, close and reopen.

    >>> rows = month_recap(db, "2026-11")               # doctest: +SKIP
    >>> close_month(db, "2026-11")                      # doctest: +SKIP

The figures come from the domain's pure functions (``kinerja.explain``) over the server's own
data and the agency's policy as stored here, never a device's. A closed month returns the
figures frozen when it was closed (one ``month_closes`` row per employee with the policy
version and the sha256 of the figures' canonical JSON), so decisions arriving later change
nothing until a logged reopen.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import json
from collections.abc import Iterable
from typing import Any

from sqlalchemy import select
from sqlalchemy.engine import Connection

from sk_tui import clock
from sk_tui.domain import kinerja
from sk_tui.domain.errors import DomainError
from sk_tui.domain.models import REASON_MAX, DailyReport, Employee, Unit
from sk_tui.domain.policy import Policy
from sk_tui.domain.text import first_refused
from sk_tui.server import admin
from sk_tui.server import storage as st


class MonthStateError(ValueError):
    """Closing a closed month, reopening an open one, or closing with figures that cannot be
    computed. ``key`` names the admin's words in the catalogue (domain/i18n_cli.py)."""

    def __init__(self, key: str, **params: object) -> None:
        super().__init__(key)
        self.key, self.params = key, params


@dataclasses.dataclass
class PersonMonth:
    employee: Employee
    figures: dict[str, Any]
    explanation: kinerja.Explanation | None  # None: frozen figures of a closed month
    hash: str | None = None


@dataclasses.dataclass
class MonthRecap:
    month: str
    closed: bool
    policy_version: int
    rows: list[PersonMonth]
    log: list[dict[str, Any]]


def canonical(figures: dict[str, Any]) -> str:
    return json.dumps(figures, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def figures_hash(figures: dict[str, Any]) -> str:
    return hashlib.sha256(canonical(figures).encode("utf-8")).hexdigest()


def _month_key(month: str) -> str:
    return kinerja.month_bounds(month)[0].strftime("%Y-%m")  # ValueError on a bad month


def approved_minutes_by_employee(conn: Connection, month: str, policy: Policy) -> dict[str, tuple[int, int, int]]:
    """employee id -> (counted minutes, late reports, late minutes) of approved activities whose
    work date is in the month. Verification is per team: a day counts the minutes of its
    approved activities (``reports.approved_minutes``, kept by each decision) whether or not
    every team has decided. A report first submitted (device time) more than
    late_report_max_days after its work date is late: shown, counted 0; a resubmission after a
    return never makes it late (the same rule as the local store's recap)."""
    first, last = kinerja.month_bounds(month)
    r = st.reports.c
    out: dict[str, tuple[int, int, int]] = {}
    for row in conn.execute(select(r.employee_id, r.work_date, r.approved_minutes, r.data).where(
            r.approved_minutes > 0, r.work_date >= first.isoformat(), r.work_date <= last.isoformat())):
        report = _report(row.data)
        counted, late, late_minutes = out.get(row.employee_id, (0, 0, 0))
        if kinerja.is_late(report.work_date, report.first_submitted_at or report.submitted_at, policy):
            late, late_minutes = late + 1, late_minutes + row.approved_minutes
        else:
            counted += row.approved_minutes
        out[row.employee_id] = (counted, late, late_minutes)
    return out


def _report(data: str) -> DailyReport:
    """A stored report (its record carries its activities too; the minutes are what counts)."""
    record = json.loads(data)
    activities = record.pop("activities", None) or []
    if activities and not record.get("total_minutes"):
        record["total_minutes"] = sum(int(a.get("minutes") or 0) for a in activities)
    return DailyReport.model_validate(record, context=st.STORED)


def _overdue_reviews(conn: Connection, month: str, policy: Policy, today: dt.date) -> dict[str, int]:
    """lead id -> verifications owed whose window (review_window_working_days after submission)
    ended in the month, before today, without a decision by then: one per member, work date
    and team (``overdue_review_unit`` = "per_report_day"), as the local store counts them."""
    first, last = kinerja.month_bounds(month)
    leads: dict[str, list[str]] = {}
    for member in conn.execute(select(st.memberships.c.team_id, st.memberships.c.employee_id)
                               .where(st.memberships.c.role == "lead")):
        leads.setdefault(member.team_id, []).append(member.employee_id)
    out: dict[str, int] = {}
    since = (first - dt.timedelta(days=31)).isoformat()
    for row in conn.execute(select(st.reports.c.employee_id, st.reports.c.data).where(
            st.reports.c.work_date >= since, st.reports.c.work_date <= last.isoformat())):
        record = json.loads(row.data)
        submitted_at = record.get("submitted_at")
        if not submitted_at:
            continue
        due = kinerja.add_working_days(_local_day(dt.datetime.fromisoformat(submitted_at), policy),
                                       policy.review_window_working_days, policy)
        if not (first <= due <= last) or due >= today:
            continue
        decided: dict[str, str | None] = {}  # team -> its part's decision time (None: pending)
        for act in record.get("activities") or []:
            team = act.get("team_id") or record.get("team_id")
            if team:
                decided[team] = max(filter(None, (decided.get(team), act.get("reviewed_at"))), default=None)
        for team, decided_at in decided.items():
            if team not in leads:
                continue
            if decided_at is not None and _local_day(dt.datetime.fromisoformat(decided_at), policy) <= due:
                continue
            for lead in leads[team]:
                if lead != row.employee_id:
                    out[lead] = out.get(lead, 0) + 1
    return out


def _local_day(moment: dt.datetime, policy: Policy) -> dt.date:
    if moment.tzinfo is None:
        return moment.date()
    from zoneinfo import ZoneInfo

    return moment.astimezone(ZoneInfo(policy.timezone)).date()


def _employees(conn: Connection, month: str, unit: str | None) -> list[Employee]:
    """Employees holding a post some day of the month, in ``unit`` (code or id) when given."""
    first, last = kinerja.month_bounds(month)
    query = select(st.employees.c.data).order_by(st.employees.c.nip)
    if unit:
        unit_ids = [r.id for r in conn.execute(select(st.units.c.id, st.units.c.data))
                    if r.id == unit or st.from_row(Unit, r.data).code == unit]
        if not unit_ids:
            raise DomainError("unit_unknown", value=unit)
        query = query.where(st.employees.c.unit_id.in_(unit_ids))
    people = [st.from_row(Employee, r.data) for r in conn.execute(query)]
    return [e for e in people if (e.post_start is None or e.post_start <= last)
            and (e.post_end is None or e.post_end >= first)]


def _inputs(conn: Connection, month: str, people: Iterable[Employee], policy: Policy,
            today: dt.date) -> dict[str, kinerja.MonthInputs]:
    first, last = kinerja.month_bounds(month)
    approved = approved_minutes_by_employee(conn, month, policy)
    absent: dict[str, list[dt.date]] = {}
    excused: dict[str, list[dt.date]] = {}
    for row in conn.execute(select(st.attendance.c.employee_id, st.attendance.c.day, st.attendance.c.status).where(
            st.attendance.c.day >= first.isoformat(), st.attendance.c.day <= last.isoformat())):
        if row.status == "tanpa_keterangan":
            absent.setdefault(row.employee_id, []).append(dt.date.fromisoformat(row.day))
        elif row.status in policy.target_reducing_statuses:
            excused.setdefault(row.employee_id, []).append(dt.date.fromisoformat(row.day))
    negatives: dict[str, list[kinerja.NegativeItem]] = {}
    for event in conn.execute(select(st.negative_events.c.employee_id, st.negative_events.c.data).where(
            st.negative_events.c.day >= first.isoformat(), st.negative_events.c.day <= last.isoformat())
            .order_by(st.negative_events.c.day, st.negative_events.c.id)):
        data = json.loads(event.data)
        negatives.setdefault(event.employee_id, []).append(kinerja.NegativeItem(
            dt.date.fromisoformat(data["day"]), data.get("kind") or "lainnya",
            data.get("reference") or data.get("reason") or ""))
    for lead, count in _overdue_reviews(conn, month, policy, today).items():
        negatives.setdefault(lead, []).extend(kinerja.NegativeItem(None, kinerja.OVERDUE_REVIEW) for _ in range(count))
    out = {}
    for e in people:
        counted, late, late_minutes = approved.get(e.id, (0, 0, 0))
        out[e.id] = kinerja.MonthInputs(
            approved_minutes=counted, late_reports=late, late_minutes=late_minutes,
            absent_days=absent.get(e.id, []), excused_days=excused.get(e.id, []), negatives=negatives.get(e.id, []),
            job_class=e.job_class, post_start=e.post_start, post_end=e.post_end)
    return out


def month_log(db: st.ServerDB, month: str) -> list[dict[str, Any]]:
    with db.reading() as conn:
        rows = conn.execute(select(st.month_log).where(st.month_log.c.month == _month_key(month))
                            .order_by(st.month_log.c.id)).all()
    return [{"action": r.action, "reason": r.reason, "policy_version": r.policy_version, "at": r.at} for r in rows]


def is_closed(conn: Connection, month: str) -> bool:
    last = conn.execute(select(st.month_log.c.action).where(st.month_log.c.month == month)
                        .order_by(st.month_log.c.id.desc()).limit(1)).scalar()
    return last == "close"


def month_recap(db: st.ServerDB, month: str, unit: str | None = None) -> MonthRecap:
    """Every employee's figures for the month: frozen ones when the month is closed, else
    computed now from the server's data with the agency's policy."""
    key = _month_key(month)
    policy, version, _digest = admin.current_policy(db)
    today = clock.today(policy.timezone)
    with db.reading() as conn:
        people = _employees(conn, key, unit)
        if is_closed(conn, key):
            frozen = {r.employee_id: r for r in conn.execute(select(st.month_closes).where(st.month_closes.c.month == key))}
            rows = [PersonMonth(e, json.loads(frozen[e.id].data), None, frozen[e.id].hash)
                    for e in people if e.id in frozen]
            closed_version = next(iter(frozen.values())).policy_version if frozen else version
            return MonthRecap(key, True, closed_version, rows, month_log(db, key))
        inputs = _inputs(conn, key, people, policy, today)
    rows = []
    for e in people:
        explanation = kinerja.explain(key, inputs[e.id], policy, policy_version=version)
        rows.append(PersonMonth(e, {"nip": e.nip, "name": e.name, **explanation.figures()}, explanation))
    return MonthRecap(key, False, version, rows, month_log(db, key))


def close_month(db: st.ServerDB, month: str) -> MonthRecap:
    """Freeze the month: one row per employee with the policy version and the figures' hash,
    logged and sent to each person, their leads and JPT. Refused when already closed or when
    someone's allowance cannot be computed (an unknown job class)."""
    key = _month_key(month)
    recap = month_recap(db, key)
    if recap.closed:
        raise MonthStateError("cmd.server.month_err.closed_already", month=key)
    broken = [r for r in recap.rows if r.figures.get("allowance") is None]
    if broken:
        names = ", ".join(f"{r.employee.nip} ({'; '.join(r.figures.get('warnings') or [])})" for r in broken[:5])
        raise MonthStateError("cmd.server.month_err.no_allowance", month=key, names=names)
    stamp = st.now_iso()
    records = []
    for row in recap.rows:
        row.hash = figures_hash(row.figures)
        records.append({"id": admin.stable_id("month_close", f"{key}/{row.employee.id}"), "month": key,
                        "employee_id": row.employee.id, "policy_version": recap.policy_version, "hash": row.hash,
                        "figures": row.figures, "closed_at": stamp})
    with db.writing() as conn:
        if is_closed(conn, key):  # closed by someone else meanwhile
            raise MonthStateError("cmd.server.month_err.closed_already", month=key)
        conn.execute(st.month_closes.delete().where(st.month_closes.c.month == key))
        if records:
            conn.execute(st.month_closes.insert(), [
                {"id": r["id"], "month": key, "employee_id": r["employee_id"], "policy_version": r["policy_version"],
                 "hash": r["hash"], "data": canonical(row.figures), "closed_at": stamp}
                for r, row in zip(records, recap.rows, strict=True)])
        conn.execute(st.month_log.insert().values(month=key, action="close", reason="",
                                                  policy_version=recap.policy_version, at=stamp))
        db.append_changes(conn, st.person_changes(conn, "month_close", [{**r, "data": r} for r in records]))
    recap.closed = True
    recap.log = month_log(db, key)
    return recap


def reopen_month(db: st.ServerDB, month: str, reason: str) -> int:
    """Lift the freeze (the reason is logged); the month's figures follow the data again.
    Returns how many frozen rows were lifted."""
    key = _month_key(month)
    reason = reason.strip()
    if not reason:
        raise MonthStateError("cmd.server.month_err.reason_required")
    bad = first_refused(reason)
    if bad is not None or len(reason) > REASON_MAX:  # the domain's rule for a one-line reason
        raise MonthStateError("cmd.server.month_err.reason_invalid", max=REASON_MAX)
    version = admin.current_policy(db)[1]
    with db.writing() as conn:
        if not is_closed(conn, key):
            raise MonthStateError("cmd.server.month_err.not_closed", month=key)
        rows = [{"id": r.id, "employee_id": r.employee_id, "data": None}
                for r in conn.execute(select(st.month_closes.c.id, st.month_closes.c.employee_id)
                                      .where(st.month_closes.c.month == key))]
        conn.execute(st.month_closes.delete().where(st.month_closes.c.month == key))
        conn.execute(st.month_log.insert().values(month=key, action="reopen", reason=reason,
                                                  policy_version=version, at=st.now_iso()))
        db.append_changes(conn, st.person_changes(conn, "month_close", rows))
    return len(rows)
