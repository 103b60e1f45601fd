"""Read models for targets and the monthly recap (DOMAIN.md steps 1-6).

    >>> store.recap(me.id, "2026-10").allowance          # doctest: +SKIP
    3244897

Sums read ``reports.total_minutes`` and ``reports.approved_minutes`` so a month never scans
activities (a lead's overdue verifications read their own teams' activities).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sk_tui.domain import kinerja
from sk_tui.domain.models import Employee
from sk_tui.store.base import BaseStore


class RecapMixin(BaseStore):
    def approved_minutes(self, employee_id: str, start: dt.date, end: dt.date) -> tuple[int, int, int]:
        """(counted minutes, late reports, late minutes) of approved activities, work date in range.

        Verification is per team: a day counts the minutes of its approved activities
        (``reports.approved_minutes``, kept by each decision) whether or not every team has
        decided. Late = first submitted (device time) more than late_report_max_days after the
        work date: kept and shown, but counted as 0; a resubmission after a return never makes
        a report late.
        """
        counted = late_reports = late_minutes = 0
        # one row per day with approved minutes, on the (employee, date) index: never the activities
        for work_date, submitted_at, minutes in self.db.execute(
            """SELECT work_date, COALESCE(first_submitted_at, submitted_at), approved_minutes FROM reports
               WHERE employee_id = ? AND work_date BETWEEN ? AND ? AND +approved_minutes > 0""",
            (employee_id, start.isoformat(), end.isoformat()),
        ):
            submitted = dt.datetime.fromisoformat(submitted_at) if submitted_at else None
            if kinerja.is_late(dt.date.fromisoformat(work_date), submitted, self.policy):
                late_reports += 1
                late_minutes += minutes
            else:
                counted += minutes
        return counted, late_reports, late_minutes

    def minutes_by_status(self, employee_id: str, start: dt.date, end: dt.date) -> dict[str, int]:
        """Minutes per report status in a range (for 'this month so far' on the report screen)."""
        totals = {"draft": 0, "submitted": 0, "approved": 0, "returned": 0}
        for status, minutes in self.db.execute(
            """SELECT status, SUM(total_minutes) FROM reports WHERE employee_id = ? AND work_date BETWEEN ? AND ?
               GROUP BY status""",
            (employee_id, start.isoformat(), end.isoformat()),
        ):
            totals[status] = minutes or 0
        return totals

    def daily_minutes(self, employee_id: str, start: dt.date, end: dt.date) -> list[tuple[dt.date, int]]:
        """Minutes reported each calendar day in range (0 where nothing was reported)."""
        found = {
            row[0]: row[1]
            for row in self.db.execute(
                "SELECT work_date, total_minutes FROM reports WHERE employee_id = ? AND work_date BETWEEN ? AND ?",
                (employee_id, start.isoformat(), end.isoformat()),
            )
        }
        days = (end - start).days + 1
        return [(start + dt.timedelta(d), found.get((start + dt.timedelta(d)).isoformat(), 0)) for d in range(days)]

    def absent_days(self, employee_id: str, start: dt.date, end: dt.date) -> int:
        return self.scalar(
            "SELECT COUNT(*) FROM absences WHERE employee_id = ? AND excused = 0 AND day BETWEEN ? AND ?",
            (employee_id, start.isoformat(), end.isoformat()),
        )

    def overdue_reviews(self, reviewer_id: str, start: dt.date, end: dt.date) -> int:
        """Verifications this person owed as a team lead whose window (review_window_working_days
        after submission) ended inside the range without a decision by then: one negative
        activity per member, work date and team (policy ``overdue_review_unit`` =
        "per_report_day"). The JPT may verify any team's activities but owes none of them.

        SQLite groups the (report, team) parts by local submission and decision day, so a leader
        with tens of thousands of reports costs one indexed scan and a few hundred Python steps.
        A part decided (or still pending) after a resubmission counts from that submission.
        """
        team_ids = [r["team_id"] for r in self.rows(
            "SELECT team_id FROM memberships WHERE employee_id = ? AND role = 'lead'", (reviewer_id,))]
        if not team_ids:
            return 0
        marks = ", ".join("?" for _ in team_ids)
        shift = self._utc_offset_modifier(start)
        today = self.today()
        count = 0
        window_start = start - dt.timedelta(days=31)
        due_of: dict[str, dt.date] = {}
        # a part's decision time is the same on each of its activities: MAX picks it (NULL: pending)
        for submitted_day, decided_day, parts in self.db.execute(
            f"""SELECT s, d, COUNT(*) FROM (
                    SELECT date(r.submitted_at, ?) AS s, date(MAX(a.reviewed_at), ?) AS d
                    FROM reports r JOIN activities a ON a.report_id = r.id
                    WHERE a.team_id IN ({marks}) AND r.employee_id != ? AND r.submitted_at IS NOT NULL
                    AND r.work_date BETWEEN ? AND ? GROUP BY r.id, a.team_id)
                GROUP BY s, d""",
            [shift, shift, *team_ids, reviewer_id, window_start.isoformat(), end.isoformat()],
        ):
            if submitted_day not in due_of:
                due_of[submitted_day] = kinerja.add_working_days(
                    dt.date.fromisoformat(submitted_day), self.policy.review_window_working_days, self.policy
                )
            due = due_of[submitted_day]
            if not (start <= due <= end) or due >= today:
                continue
            if decided_day is None or dt.date.fromisoformat(decided_day) > due:
                count += parts
        return count

    def _utc_offset_modifier(self, day: dt.date) -> str:
        """SQLite date modifier turning a stored UTC-normalised time into the policy's local
        time ('+420 minutes' for Asia/Jakarta; the Indonesian zones keep no summer time)."""
        from zoneinfo import ZoneInfo

        offset = dt.datetime.combine(day, dt.time(12), ZoneInfo(self.policy.timezone)).utcoffset() or dt.timedelta()
        return f"{int(offset.total_seconds() // 60):+d} minutes"

    def negative_activities(self, employee_id: str, start: dt.date, end: dt.date) -> int:
        recorded = self.scalar(
            "SELECT COUNT(*) FROM negative_events WHERE employee_id = ? AND day BETWEEN ? AND ?",
            (employee_id, start.isoformat(), end.isoformat()),
        )
        return recorded + self.overdue_reviews(employee_id, start, end)

    def recap(self, employee: Employee | str, month: str | dt.date) -> kinerja.Recap:
        """The month's recap for one employee, exactly as DOMAIN.md defines it."""
        if isinstance(employee, str):
            employee = self.find_employee(employee)
        start, end = kinerja.month_bounds(month)
        approved, late_reports, late_minutes = self.approved_minutes(employee.id, start, end)
        return kinerja.monthly_recap(
            approved_minutes=approved,
            target_minutes=kinerja.prorated_target(month, self.policy, employee.post_start, employee.post_end),
            absent_days=self.absent_days(employee.id, start, end),
            negative_activities=self.negative_activities(employee.id, start, end),
            ceiling=self.policy.ceiling_for(employee.job_class),
            policy=self.policy,
            late_reports=late_reports,
            late_minutes=late_minutes,
        )

    def team_recap(self, team_id: str, month: str | dt.date) -> list[tuple[Employee, kinerja.Recap]]:
        return [(employee, self.recap(employee, month)) for employee, _role in self.team_members(team_id)]

    def indicator_progress(
        self, indicator_ids: list[str], start: dt.date, end: dt.date, employee_ids: list[str] | None = None
    ) -> dict[str, dict[str, Any]]:
        """Per indicator: volume realised in approved reports and in all submitted-or-approved
        ones, plus the minutes spent on it.

        Only volume reported in the indicator's own unit counts toward it ("2 dokumen" toward a
        target in dokumen; "3 kegiatan" of meetings toward it adds minutes, not output).
        """
        if not indicator_ids:
            return {}
        marks = ", ".join("?" for _ in indicator_ids)
        params: list[Any] = [*indicator_ids, start.isoformat(), end.isoformat()]
        who = ""
        if employee_ids:
            who = f" AND r.employee_id IN ({', '.join('?' for _ in employee_ids)})"
            params += employee_ids
        result = {i: {"approved": 0.0, "reported": 0.0, "minutes": 0} for i in indicator_ids}
        for indicator_id, status, volume, minutes in self.db.execute(
            f"""SELECT a.indicator_id, r.status,
                       SUM(CASE WHEN lower(a.volume_unit) = lower(i.unit) THEN a.volume ELSE 0 END),
                       SUM(a.minutes)
                FROM activities a JOIN reports r ON r.id = a.report_id JOIN indicators i ON i.id = a.indicator_id
                WHERE a.indicator_id IN ({marks}) AND r.work_date BETWEEN ? AND ?{who}
                GROUP BY a.indicator_id, r.status""",
            params,
        ):
            entry = result[indicator_id]
            if status == "approved":
                entry["approved"] += volume or 0
            if status in ("approved", "submitted"):
                entry["reported"] += volume or 0
            entry["minutes"] += minutes or 0
        return result
