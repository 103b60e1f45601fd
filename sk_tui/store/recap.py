"""Read models for targets and the monthly recap (DOMAIN.md steps 1-6).

    >>> store.recap(me.id, "2026-10").allowance          # doctest: +SKIP
    3244897

Sums read ``reports.total_minutes`` and ``reports.approved_minutes`` so a month never scans
activities (a lead's overdue verifications read their own teams' activities).
"""

from __future__ import annotations

import datetime as dt
import json
from fractions import Fraction
from typing import TYPE_CHECKING, Any

from sk_tui.domain.lazy import lazy_module
from sk_tui.domain.policy import DEFAULT_POLICY, Policy
from sk_tui.store import aggregates
from sk_tui.store.base import BaseStore

if TYPE_CHECKING:
    from sk_tui.domain import kinerja
    from sk_tui.domain.models import Employee  # annotations only
else:  # imported at first use (domain/lazy.py): a headless add or the first frame never calls them
    kinerja = lazy_module("sk_tui.domain.kinerja")

AGENCY_POLICY_ID = "agency"


class RecapMixin(BaseStore):
    # --- the policy every figure uses (issue 10 point 4) ----------------------------------
    # A workspace that syncs with a server computes with the agency's policy as pulled (the
    # defaults until the server sets one, version 0); the device's own policy.toml, given to
    # the store when it is opened, applies only to a workspace without a server.

    @property
    def policy(self) -> Policy:
        return self.agency_policy()[0]

    @policy.setter
    def policy(self, value: Policy) -> None:
        self._local_policy = value
        self._agency_policy_cache: tuple[tuple[int, int], str | None, Policy, int | None] | None = None
        self._policy_problem: str | None = None

    def agency_policy(self) -> tuple[Policy, int | None]:
        """(the policy in force, its server version; None: the device's own file, no server).

        Re-read only when the database changed (this connection's writes or another's), so
        the hot paths that read ``store.policy`` per row cost two integer reads."""
        key = (self.db.execute("PRAGMA data_version").fetchone()[0], self.db.conn.total_changes)
        cached = self._agency_policy_cache
        if cached is not None and cached[0] == key:
            return cached[2], cached[3]
        row = self.db.execute("SELECT version, hash, toml FROM agency_policy WHERE id = ?",
                              (AGENCY_POLICY_ID,)).fetchone()
        if row is not None:
            version, digest, toml = row
            if cached is not None and cached[1] == digest:
                policy, version = cached[2], cached[3]  # 0 when this text could not be read
            else:
                try:
                    policy = Policy.from_toml_text(toml)
                    self._policy_problem = None
                except ValueError as exc:  # a key this app does not know yet: the defaults, said so
                    from sk_tui.domain.errors import first_error_line

                    policy, version = DEFAULT_POLICY, 0
                    self._policy_problem = first_error_line(exc)
        elif self.get_meta("server_url"):
            policy, version, digest = DEFAULT_POLICY, 0, None
            self._policy_problem = None
        else:
            policy, version, digest = self._local_policy, None, None
            self._policy_problem = None
        self._agency_policy_cache = (key, digest, policy, version)
        return policy, version

    def policy_problem(self) -> str | None:
        """Why the agency's pulled policy cannot be read (the figures then use the defaults and
        are no official preview), else None."""
        self.agency_policy()
        return self._policy_problem

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
        window_start = start - dt.timedelta(days=31)
        # a part's decision time is the same on each of its activities: MAX picks it (NULL: pending)
        rows = self.db.execute(
            f"""SELECT '', s, d, COUNT(*) FROM (
                    SELECT date(r.submitted_at, ?) AS s, date(MAX(a.reviewed_at), ?) AS d
                    FROM reports r JOIN activities a ON a.report_id = r.id
                    WHERE a.team_id IN ({marks}) AND r.employee_id != ? AND r.submitted_at IS NOT NULL
                    AND r.work_date BETWEEN ? AND ? GROUP BY r.id, a.team_id)
                GROUP BY s, d""",
            [shift, shift, *team_ids, reviewer_id, window_start.isoformat(), end.isoformat()],
        )
        return self._count_overdue(rows, start, end).get("", 0)

    def overdue_by_team(self, team_leads: dict[str, str], start: dt.date, end: dt.date) -> dict[str, int]:
        """``overdue_reviews`` for many teams at once (team -> its lead's late verifications of
        that team's parts), for the JPT's view: the parts counted by (team, work date, local
        submission and decision day) in ``agg_review_day``, less each lead's own parts."""
        if not team_leads:
            return {}
        shift = self._utc_offset_modifier(start)
        if aggregates.shift(self.db) != shift:  # the aggregate's local days are another zone's
            return self._overdue_by_team_raw(team_leads, start, end)
        # the local submission days whose window ends in [start, end] before today: the only
        # ones _count_overdue keeps, so SQLite sums just those parts, each against its due day
        today = self.today()
        due: list[tuple[str, str]] = []
        day = start - dt.timedelta(days=31 + 3 * self.policy.review_window_working_days)
        while day <= end:
            ends = kinerja.add_working_days(day, self.policy.review_window_working_days, self.policy)
            if start <= ends <= end and ends < today:
                due.append((day.isoformat(), ends.isoformat()))
            day += dt.timedelta(days=1)
        if not due:
            return {}
        window = ((start - dt.timedelta(days=31)).isoformat(), end.isoformat())
        # each part against the due day of its submission day: one pass over the window's rows
        due_of = f"(CASE {{s}} {' '.join('WHEN ? THEN ?' for _ in due)} END)"
        flat = [v for pair in due for v in pair]
        submitted = [s for s, _d in due]
        days = ", ".join("?" for _ in due)
        marks = ", ".join("?" for _ in team_leads)
        out: dict[str, int] = dict(self.db.execute(
                f"""SELECT team_id, SUM(n) FROM agg_review_day
                    WHERE team_id IN ({marks}) AND work_date BETWEEN ? AND ? AND submitted_day IN ({days})
                    AND (decided_day = '' OR decided_day > {due_of.format(s='submitted_day')}) GROUP BY 1""",
                [*team_leads, *window, *submitted, *flat]))
        leads = sorted(set(team_leads.values()))
        # a lead owes none of their own parts
        for team, person, n in self.db.execute(
                f"""SELECT p.team_id, r.employee_id, COUNT(*) FROM reports r CROSS JOIN agg_report_parts p
                    ON p.report_id = r.id
                    WHERE r.employee_id IN ({", ".join("?" for _ in leads)}) AND r.work_date BETWEEN ? AND ?
                    AND r.submitted_at IS NOT NULL AND date(r.submitted_at, ?) IN ({days}) AND (p.decided IS NULL
                        OR date(p.decided, ?) > {due_of.format(s="date(r.submitted_at, ?)")}) GROUP BY 1, 2""",
                [*leads, *window, shift, *submitted, shift, shift, *flat]):
            if team_leads.get(team) == person and team in out:
                out[team] -= n
        return {team: n for team, n in out.items() if n > 0}

    def _overdue_by_team_raw(self, team_leads: dict[str, str], start: dt.date, end: dt.date) -> dict[str, int]:
        """``overdue_by_team`` from the raw rows: one pass over the reports of the window."""
        marks = ", ".join("?" for _ in team_leads)
        shift = self._utc_offset_modifier(start)
        window_start = start - dt.timedelta(days=31)
        # CROSS JOIN: drive from the window's reports (by date), not from each team's whole year
        rows = self.db.execute(
            f"""SELECT t, s, d, COUNT(*) FROM (
                    SELECT a.team_id AS t, r.employee_id AS e, date(r.submitted_at, ?) AS s,
                           date(MAX(a.reviewed_at), ?) AS d
                    FROM reports r CROSS JOIN activities a ON a.report_id = r.id
                    WHERE r.work_date BETWEEN ? AND ? AND r.submitted_at IS NOT NULL AND a.team_id IN ({marks})
                    GROUP BY r.id, a.team_id)
                WHERE e != (CASE t {" ".join("WHEN ? THEN ?" for _ in team_leads)} END)
                GROUP BY t, s, d""",
            [shift, shift, window_start.isoformat(), end.isoformat(), *team_leads,
             *(v for pair in team_leads.items() for v in pair)],
        )
        return self._count_overdue(rows, start, end)

    def _count_overdue(self, rows: Any, start: dt.date, end: dt.date) -> dict[str, int]:
        """(key, local submission day, local decision day, parts) rows -> key -> parts whose
        window (review_window_working_days after submission) ended in [start, end], before
        today, undecided by then."""
        today = self.today()
        due_of: dict[str, dt.date] = {}
        out: dict[str, int] = {}
        for key, submitted_day, decided_day, parts in rows:
            if submitted_day not in due_of:
                due_of[submitted_day] = kinerja.add_working_days(
                    dt.date.fromisoformat(submitted_day), self.policy.review_window_working_days, self.policy
                )
            due = due_of[submitted_day]
            if not (start <= due <= end) or due >= today:
                continue
            if decided_day is None or dt.date.fromisoformat(decided_day) > due:
                out[key] = out.get(key, 0) + parts
        return out

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

    def attendance_days(self, employee_id: str, start: dt.date, end: dt.date) -> tuple[list[dt.date], list[dt.date]]:
        """(days absent without leave, whole days of a target-reducing status) in range.

        Rows without a status (made before attendance was imported) count as absent unless
        marked excused."""
        reducing = sorted(self.policy.target_reducing_statuses)
        absent: list[dt.date] = []
        excused: list[dt.date] = []
        for day, status, was_excused in self.db.execute(
            "SELECT day, status, excused FROM absences WHERE employee_id = ? AND day BETWEEN ? AND ?",
            (employee_id, start.isoformat(), end.isoformat()),
        ):
            if status == "tanpa_keterangan" or (status is None and not was_excused):
                absent.append(dt.date.fromisoformat(day))
            elif status in reducing:
                excused.append(dt.date.fromisoformat(day))
        return absent, excused

    def negative_items(self, employee_id: str, start: dt.date, end: dt.date) -> list[kinerja.NegativeItem]:
        """Every negative activity of the month: the events HR recorded, then one item per
        overdue review this person owed."""
        items = [
            kinerja.NegativeItem(dt.date.fromisoformat(day), kind or "lainnya", reference or reason or "")
            for day, kind, reference, reason in self.db.execute(
                """SELECT day, kind, reference, reason FROM negative_events
                   WHERE employee_id = ? AND day BETWEEN ? AND ? ORDER BY day, id""",
                (employee_id, start.isoformat(), end.isoformat()),
            )
        ]
        overdue = self.overdue_reviews(employee_id, start, end)
        items += [kinerja.NegativeItem(None, kinerja.OVERDUE_REVIEW) for _ in range(overdue)]
        return items

    def month_inputs(self, employee: Employee, month: str | dt.date) -> kinerja.MonthInputs:
        start, end = kinerja.month_bounds(month)
        approved, late_reports, late_minutes = self.approved_minutes(employee.id, start, end)
        absent, excused = self.attendance_days(employee.id, start, end)
        return kinerja.MonthInputs(
            approved_minutes=approved, late_reports=late_reports, late_minutes=late_minutes,
            absent_days=absent, excused_days=excused, negatives=self.negative_items(employee.id, start, end),
            job_class=employee.job_class, post_start=employee.post_start, post_end=employee.post_end)

    def month_target(self, employee: Employee, month: str | dt.date) -> Fraction:
        """The month's target as the recap counts it (leave days and days not in post removed)."""
        start, end = kinerja.month_bounds(month)
        _absent, excused = self.attendance_days(employee.id, start, end)
        inputs = kinerja.MonthInputs(approved_minutes=0, excused_days=excused,
                                     post_start=employee.post_start, post_end=employee.post_end)
        return kinerja.month_target(month, inputs, self.policy)

    def month_close(self, employee_id: str, month: str) -> dict[str, Any] | None:
        """The official figures of a closed month as the server froze them (None: open)."""
        row = self.db.execute(
            "SELECT policy_version, hash, figures, closed_at FROM month_closes WHERE employee_id = ? AND month = ?",
            (employee_id, month),
        ).fetchone()
        if row is None:
            return None
        try:
            figures = json.loads(row[2])
        except ValueError:
            figures = {}
        return {"policy_version": row[0], "hash": row[1], "closed_at": row[3],
                "figures": figures if isinstance(figures, dict) else {}}

    def explain(self, employee: Employee | str, month: str | dt.date) -> kinerja.Explanation:
        """Every step of one person-month (the preview from local data), and when HR closed the
        month on the server, the official figure it froze."""
        if isinstance(employee, str):
            employee = self.find_employee(employee)
        key = kinerja.month_bounds(month)[0].strftime("%Y-%m")
        policy, version = self.agency_policy()
        closed = self.month_close(employee.id, key)
        problem = self.policy_problem()
        preview = kinerja.explain(key, self.month_inputs(employee, key), policy,
                                  policy_version=None if problem else version, policy_problem=problem)
        if closed is None:
            return preview
        # the steps HR froze, not today's inputs (a later correction changes nothing until a reopen)
        return kinerja.frozen_explanation(preview, closed["figures"], closed["policy_version"])

    def recap(self, employee: Employee | str, month: str | dt.date) -> kinerja.Recap:
        """The month's recap for one employee, exactly as DOMAIN.md defines it.

        Raises DomainError("job_class_unknown") when the policy has no ceiling for the post."""
        if isinstance(employee, str):
            employee = self.find_employee(employee)
        key = kinerja.month_bounds(month)[0].strftime("%Y-%m")
        return kinerja.recap_for(key, self.month_inputs(employee, key), self.policy)

    def team_recap(self, team_id: str, month: str | dt.date) -> list[tuple[Employee, kinerja.Explanation]]:
        """Each member's explained month (a member whose recap cannot be computed shows why)."""
        return [(employee, self.explain(employee, month)) for employee, _role in self.team_members(team_id)]

    def indicator_progress(
        self, indicator_ids: list[str], start: dt.date, end: dt.date, employee_ids: list[str] | None = None
    ) -> dict[str, dict[str, Any]]:
        """Per indicator: volume realised in approved reports and in all submitted-or-approved
        ones, plus the minutes spent on it.

        Only volume reported in the indicator's own unit counts toward it ("2 dokumen" toward a
        target in dokumen; "3 kegiatan" of meetings toward it adds minutes, not output).

        For everyone's reports the range is read as whole years and months of ``agg_indicator``
        (a year so far: the year's row less the months after) and the few days at the edges
        from the raw rows; one person's reports are few: read raw.
        """
        if not indicator_ids:
            return {}
        result = {i: {"approved": 0.0, "reported": 0.0, "minutes": 0} for i in indicator_ids}
        if employee_ids or start > end:
            self._add_progress_raw(result, indicator_ids, start, end, employee_ids)
            return result
        periods: dict[str, int] = {}
        raw: list[tuple[dt.date, dt.date, int]] = []
        _periods_of(start, end, 1, periods, raw)
        marks = ", ".join("?" for _ in indicator_ids)
        wanted = [p for p, sign in periods.items() if sign]
        if wanted:
            for indicator_id, period, approved, reported, minutes in self.db.execute(
                f"""SELECT g.indicator_id, g.period,
                           SUM(CASE WHEN g.unit = 'u:' || lower(i.unit) THEN g.approved ELSE 0 END),
                           SUM(CASE WHEN g.unit = 'u:' || lower(i.unit) THEN g.reported ELSE 0 END), SUM(g.minutes)
                    FROM agg_indicator g JOIN indicators i ON i.id = g.indicator_id
                    WHERE g.indicator_id IN ({marks}) AND g.period IN ({", ".join("?" for _ in wanted)})
                    GROUP BY 1, 2""",
                [*indicator_ids, *wanted],
            ):
                sign, entry = periods[period], result[indicator_id]
                entry["approved"] += sign * (approved or 0)
                entry["reported"] += sign * (reported or 0)
                entry["minutes"] += sign * (minutes or 0)
        for low, high, sign in raw:
            self._add_progress_raw(result, indicator_ids, low, high, None, sign)
        for entry in result.values():  # sums taken apart and together: no float dust
            entry["approved"], entry["reported"] = round(entry["approved"], 9), round(entry["reported"], 9)
        return result

    @staticmethod
    def _add_progress(entry: dict[str, Any], status: str, volume: float | None, minutes: int | None,
                      sign: int) -> None:
        if status == "approved":
            entry["approved"] += sign * (volume or 0)
        if status in ("approved", "submitted"):
            entry["reported"] += sign * (volume or 0)
        entry["minutes"] += sign * (minutes or 0)

    def _add_progress_raw(self, result: dict[str, dict[str, Any]], indicator_ids: list[str], start: dt.date,
                          end: dt.date, employee_ids: list[str] | None, sign: int = 1) -> None:
        marks = ", ".join("?" for _ in indicator_ids)
        params: list[Any] = [*indicator_ids, start.isoformat(), end.isoformat()]
        who = ""
        if employee_ids:
            who = f" AND r.employee_id IN ({', '.join('?' for _ in employee_ids)})"
            params += employee_ids
        # everyone's days at a month's edge: from those days' reports, not each indicator's year
        join = "JOIN" if employee_ids else "CROSS JOIN"
        for indicator_id, status, volume, minutes in self.db.execute(
            f"""SELECT a.indicator_id, r.status,
                       SUM(CASE WHEN lower(a.volume_unit) = lower(i.unit) THEN a.volume ELSE 0 END),
                       SUM(a.minutes)
                FROM reports r {join} activities a ON a.report_id = r.id JOIN indicators i ON i.id = a.indicator_id
                WHERE a.indicator_id IN ({marks}) AND r.work_date BETWEEN ? AND ?{who}
                GROUP BY a.indicator_id, r.status""",
            params,
        ):
            self._add_progress(result[indicator_id], status, volume, minutes, sign)


def _periods_of(start: dt.date, end: dt.date, sign: int, periods: dict[str, int],
                raw: list[tuple[dt.date, dt.date, int]]) -> None:
    """Split [start, end] into periods of ``agg_indicator`` ('YYYY', 'YYYY-MM', each with the
    sign it is counted with) and day ranges read raw: a year or month mostly covered is taken
    whole, less what lies outside; one mostly outside is taken in smaller parts."""
    day = dt.timedelta(days=1)
    for year in range(start.year, end.year + 1):
        first, last = dt.date(year, 1, 1), dt.date(year, 12, 31)
        low, high = max(start, first), min(end, last)
        if (high - low).days + 1 > (last - first).days + 1 - ((high - low).days + 1):
            periods[str(year)] = periods.get(str(year), 0) + sign
            if low > first:
                _months_of(first, low - day, -sign, periods, raw)
            if high < last:
                _months_of(high + day, last, -sign, periods, raw)
        else:
            _months_of(low, high, sign, periods, raw)


def _months_of(start: dt.date, end: dt.date, sign: int, periods: dict[str, int],
               raw: list[tuple[dt.date, dt.date, int]]) -> None:
    """The months of [start, end] (one year), as ``_periods_of`` does for years."""
    day = dt.timedelta(days=1)
    month = start.replace(day=1)
    while month <= end:
        first, last = kinerja.month_bounds(month)
        low, high = max(start, first), min(end, last)
        inside = (high - low).days + 1
        if inside > (last - first).days + 1 - inside:
            key = month.strftime("%Y-%m")
            periods[key] = periods.get(key, 0) + sign
            raw += [(a, b, -sign) for a, b in ((first, low - day), (high + day, last)) if a <= b]
        else:
            raw.append((low, high, sign))
        month = last + day
