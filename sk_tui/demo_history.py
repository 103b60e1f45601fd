"""The demo's working history: task boards, daily reports with activities, reviews, absences,
negative events, feedback and DWA arrangements, written as raw rows.

Used by ``sk_tui.demo.build_demo``; no pydantic model per row, so a million activities fit in a
minute. Every value comes from a seeded generator and ``today`` (no wall clock), so a rebuild
gives byte-identical tables.
"""

from __future__ import annotations

import bisect
import datetime as dt
import hashlib
import json
import random
from collections.abc import Callable
from typing import TYPE_CHECKING

from sk_tui import demo_data as data
from sk_tui.domain.models import Aspect, MemberRole

if TYPE_CHECKING:
    from sk_tui.demo import DemoOrg, _Scale
    from sk_tui.store import Store

TZ = "+07:00"
BATCH = 100_000  # activity rows per executemany
COLUMNS = ("backlog", "todo", "in_progress", "review", "done")
REPORT_COLUMNS = ("id", "employee_id", "work_date", "work_mode", "location", "status", "team_id",
                  "version", "submitted_at", "total_minutes", "review_note", "reviewed_by", "reviewed_at",
                  "first_submitted_at", "approved_minutes")
ACTIVITY_COLUMNS = ("id", "report_id", "description", "minutes", "volume", "volume_unit", "task_id",
                    "indicator_id", "evidence", "position", "team_id", "verdict", "review_note", "reviewed_by",
                    "reviewed_at")
TASK_COLUMNS = ("id", "team_id", "title", "description", "assignees", "status", "due_date", "target_id",
                "indicator_id", "rank", "version", "updated_at")
REVIEW_COLUMNS = ("id", "report_id", "reviewer_id", "decision", "note", "report_version", "decided_at", "team_id")
_VARIANT = {c: "89ab"[int(c, 16) & 3] for c in "0123456789abcdef"}


def _at(day: dt.date, minute_of_day: int) -> str:
    """A local (Jakarta) timestamp on ``day``; derived from the work date, never the clock."""
    return f"{day.isoformat()}T{minute_of_day // 60:02d}:{minute_of_day % 60:02d}:00{TZ}"


class History:
    """Writes the history of ``org`` into ``store`` (inside the caller's transaction)."""

    def __init__(self, store: Store, org: DemoOrg, *, seed: int, today: dt.date, spec: _Scale,
                 progress: Callable[[str, float], None]):
        self.store, self.org, self.today, self.spec, self.progress = store, org, today, spec, progress
        self.rng = random.Random(f"sk-tui-demo-history-{seed}")
        self._hex, self._hex_at = "", 0
        self.people = {e.id: e for e in org.employees}
        self.jpt_id = org.roles["jpt"]
        policy = store.policy
        start = today - dt.timedelta(days=spec.history_days)
        self.days = [start + dt.timedelta(days=n) for n in range(spec.history_days + 1)]
        self.work_days = [d for d in self.days if policy.is_working_day(d)]
        self.iso = {d: d.isoformat() for d in self.work_days}
        self.day_text = {d: d.strftime("%d/%m/%Y") for d in self.work_days}
        # index of today among working days (== len when today is not a working day)
        self.today_index = bisect.bisect_left(self.work_days, today)
        self._index_org()
        self.activity_count = 0
        self._first_submitted: dict[str, str] = {}  # report id -> its first submission (set by _flow)
        self._first_decision: dict[str, str] = {}  # report id -> its first decision's time

    def uid(self) -> str:
        """A UUID4-shaped id from the seeded generator (never uuid4: rebuilds must match)."""
        at = self._hex_at
        if at >= len(self._hex):
            self._hex, at = self.rng.randbytes(16 * 8192).hex(), 0
        self._hex_at = at + 32
        h = self._hex[at:at + 32]
        return f"{h[:8]}-{h[8:12]}-4{h[13:16]}-{_VARIANT[h[16]]}{h[17:20]}-{h[20:]}"

    # --- lookups -----------------------------------------------------------------------------

    def _index_org(self) -> None:
        org = self.org
        self.teams_of: dict[str, list[tuple[str, str]]] = {}  # employee -> [(team, role)]
        self.members_of: dict[str, list[str]] = {}  # team -> non-lead members
        self.lead_of: dict[str, str] = {}
        for m in org.memberships:
            self.teams_of.setdefault(m.employee_id, []).append((m.team_id, m.role.value))
            if m.role == MemberRole.LEAD:
                self.lead_of.setdefault(m.team_id, m.employee_id)
            else:
                self.members_of.setdefault(m.team_id, []).append(m.employee_id)
        for employee_id, teams in self.teams_of.items():
            # the store's default_team_id rule: a team one is not the lead of first, then by id
            teams.sort(key=lambda pair: (pair[1] == "lead", pair[0]))
            self.teams_of[employee_id] = teams
        owner = {p.id: p.employee_id for p in org.plans}
        indicators: dict[str, list[str]] = {}
        self.indicator_unit = {ind.id: ind.unit for ind in org.indicators}
        for ind in org.indicators:
            if ind.aspect in (Aspect.QUANTITY, Aspect.TIME):
                indicators.setdefault(ind.target_id, []).append(ind.id)
        # (employee, team) -> (target id, [indicator ids]); first target wins
        self.target_of: dict[tuple[str, str], tuple[str, list[str]]] = {}
        for t in org.targets:
            if t.team_id:
                self.target_of.setdefault((owner[t.plan_id], t.team_id), (t.id, indicators.get(t.id, [])))
        self.tasks_of: dict[tuple[str, str], list[str]] = {}

    # --- task boards --------------------------------------------------------------------------

    def write_tasks(self) -> None:
        rng, today, rows = self.rng, self.today, []
        for team in self.org.teams:
            work = self.org.team_work[team.id]
            big = team.id == self.org.big_team_id
            count = self.spec.big_team_cards if big else (18 if not self.spec.extra_employees else 12)
            members = self.members_of.get(team.id, []) or [self.lead_of[team.id]]
            ranks = dict.fromkeys(COLUMNS, 0.0)
            for n in range(count):
                status = COLUMNS[n] if n < 5 else rng.choices(COLUMNS, (15, 20, 25, 12, 28))[0]
                ranks[status] += 1.0
                template = rng.choice(data.BIG_TEAM_TASK if big else data.TASK_TITLES[work])
                title = template.format(topic=rng.choice(data.TOPICS), kab=rng.choice(data.KABKOTA),
                                        partner=rng.choice(data.PARTNERS), desa=rng.choice(data.DESA),
                                        n=rng.randint(1, 999) if not big else 1000 + n)
                assignees = [rng.choice(members)]
                if rng.random() < 0.25 and len(members) > 1:
                    assignees.append(rng.choice([m for m in members if m != assignees[0]]))
                if status == "done":
                    due = today - dt.timedelta(days=rng.randint(1, 60))
                else:
                    due = today + dt.timedelta(days=rng.randint(-12, 40))  # some overdue
                target_id, indicators = self.target_of.get((assignees[0], team.id), (None, []))
                task_id = self.uid()
                for person in assignees:
                    self.tasks_of.setdefault((person, team.id), []).append(task_id)
                rows.append((
                    task_id, team.id, title,
                    "" if rng.random() < 0.4 else rng.choice(data.TASK_NOTES),
                    json.dumps(assignees), status,
                    None if rng.random() < 0.1 else due.isoformat(),
                    target_id, indicators[0] if indicators else None, ranks[status], 1,
                    _at(today - dt.timedelta(days=rng.randint(0, 20)), rng.randint(7 * 60 + 30, 16 * 60)),
                ))
        self.store.insert_rows("tasks", TASK_COLUMNS, rows)

    # --- daily reports ------------------------------------------------------------------------

    def _pools(self) -> None:
        rng = self.rng
        self.splits: list[list[int]] = []
        for _ in range(512):
            n = rng.choice((2, 3, 3, 4, 4, 4, 5, 5, 6))
            total = rng.randrange(300, 481, 15)
            pieces = [30] * n
            for _chunk in range((total - 30 * n) // 15):
                open_ = [i for i, p in enumerate(pieces) if p < 240]
                pieces[rng.choice(open_)] += 15
            self.splits.append(pieces)
        self.phrases: dict[str, list[tuple[str, str, int, int, int]]] = {}
        for kind, templates in data.WORK.items():
            pool = []
            for _ in range(120):
                text, unit, (lo, hi) = rng.choice(templates)
                pool.append((text.format(topic=rng.choice(data.TOPICS), kab=rng.choice(data.KABKOTA),
                                         partner=rng.choice(data.PARTNERS), desa=rng.choice(data.DESA)), unit, lo, hi,
                             data.SHORT_WORK.get(text, 240)))
            self.phrases[kind] = pool
        self.evidence = [e.format(n=rng.randint(1, 4999), year=self.today.year, day="{day}") for e in data.EVIDENCE
                         for _ in range(40)]

    def _review_lag(self, lazy: bool) -> int:
        r = self.rng.random()
        if lazy:
            return 1 if r < 0.35 else self.rng.randint(2, 7)
        return 0 if r < 0.15 else 1 if r < 0.75 else 2 if r < 0.9 else 3 if r < 0.96 else self.rng.randint(4, 6)

    def write_reports(self) -> None:
        self._pools()
        insert = self.store.insert_rows
        self.review_rows: list[tuple] = []
        self.absence_rows: list[tuple] = []
        report_rows: list[tuple] = []
        activity_rows: list[tuple] = []
        reporters = [e for e in self.org.employees if e.id in self.teams_of]
        lazy_lead = self.org.employees[data.SMALL_TEAMS[2][4]].id  # bankum's lead reviews late
        self.dwa = self._dwa(reporters)
        for number, employee in enumerate(reporters):
            self._employee_history(employee, lazy_lead, report_rows, activity_rows)
            if len(activity_rows) >= BATCH:
                insert("reports", REPORT_COLUMNS, report_rows)
                insert("activities", ACTIVITY_COLUMNS, activity_rows)
                report_rows.clear()
                activity_rows.clear()
            if number % 20 == 0:
                self.progress("Laporan harian", number / len(reporters))
        insert("reports", REPORT_COLUMNS, report_rows)
        insert("activities", ACTIVITY_COLUMNS, activity_rows)
        insert("reviews", REVIEW_COLUMNS, self.review_rows)
        insert("absences", ("id", "employee_id", "day", "excused", "reason"), self.absence_rows)
        self.progress("Laporan harian", 1.0)

    def _dwa(self, reporters: list) -> dict[str, tuple[str, set[int], list[str]]]:
        """employee -> (pattern, office weekdays, favourite WFA places); the staff role included."""
        rng, chosen = self.rng, {}
        staff = self.org.roles["staff"]
        # Not for front-line service posts (drivers, office help, operators): job class 5 and up.
        candidates = [e for e in reporters if e.id != staff and e.unit_id == self.people[staff].unit_id
                      and e.job_class >= 5]
        picked = {e.id for e in rng.sample(candidates, min(len(candidates), max(7, len(candidates) // 6)))}
        eligible = [e for e in reporters if e.id == staff or e.id in picked]
        patterns = ("3-2", "4-1", "3-2", "2-3", "4-1", "1-4")
        for number, employee in enumerate(eligible):
            pattern = "3-2" if employee.id == staff else patterns[number % len(patterns)]
            office = set(rng.sample(range(5), int(pattern[-1])))
            if employee.id == staff:
                office = {0, 2}  # Monday and Wednesday in the office; Friday (today) anywhere
            chosen[employee.id] = (pattern, office, rng.sample(data.WFA_LOCATIONS, 2))
        return chosen

    def _work_mode(self, employee_id: str, day: dt.date) -> tuple[str, str]:
        arrangement = self.dwa.get(employee_id)
        if arrangement is None:
            return ("WFO", "") if self.rng.random() < 0.93 else ("WFH", data.WFH_LOCATION)
        _pattern, office, places = arrangement
        if day.weekday() in office:
            return "WFO", ""
        if self.rng.random() < 0.6:
            return "WFA", self.rng.choice(places)
        return "WFH", data.WFH_LOCATION

    def _employee_history(self, employee, lazy_lead: str, reports: list, activities: list) -> None:
        rng, days, today_index = self.rng, self.work_days, self.today_index
        teams = self.teams_of[employee.id]
        report_team, role = teams[0]
        reviewer = self.jpt_id if role == "lead" else self.lead_of[report_team]
        # verification per team: each team's lead verifies its activities (the JPT a lead's own)
        reviewers = {team: self.jpt_id if team_role == "lead" else self.lead_of[team] for team, team_role in teams}
        lazy = reviewer == lazy_lead
        sloppy = 0.02 + 0.06 * rng.random()
        is_staff = employee.id == self.org.roles["staff"]
        start = bisect.bisect_left(days, employee.post_start) if employee.post_start else 0
        for index in range(start, min(today_index + 1, len(days))):
            day = days[index]
            if index < today_index:
                roll = rng.random()
                if roll < 0.025 and not is_staff:
                    self.absence_rows.append((self.uid(), employee.id, day.isoformat(), 1, rng.choice(data.ABSENCE_REASONS)))
                    continue
                if roll < 0.029 and not is_staff:
                    self.absence_rows.append((self.uid(), employee.id, day.isoformat(), 0, "Tanpa keterangan"))
                    continue
            elif not is_staff and rng.random() > 0.2:
                continue  # 10:00 on today: most have not started their report yet
            report_id = self.uid()
            mode, location = self._work_mode(employee.id, day)
            self._team = report_team  # the team whose part _flow's review rows decide
            state = self._flow(index, reviewer, lazy, sloppy, is_staff, report_id)
            if index == today_index:
                # it is 10:00: two hours or so of work since 07:30
                split = [rng.choice((60, 75)), rng.choice((45, 60, 75))] if is_staff else [rng.choice((30, 60, 90))]
            else:
                split = rng.choice(self.splits)
            day_text = self.day_text[day]
            made = [self._activity(employee.id, teams, report_id, minutes, position, day_text)
                    for position, minutes in enumerate(split)]
            self.activity_count += len(split)
            status, version, submitted_at, note, reviewed_by, reviewed_at = state
            verdicts, status, version, approved = self._team_parts(
                report_id, report_team, reviewers, [(a[10], a[3]) for a in made], state)
            activities.extend(a + verdicts[a[10]] for a in made)
            reports.append((report_id, employee.id, self.iso[day], mode, location, status, report_team,
                            version, submitted_at, sum(split), note, reviewed_by, reviewed_at,
                            self._first_submitted.pop(report_id, submitted_at), approved))

    def _team_parts(self, report_id: str, report_team: str, reviewers: dict[str, str],
                    team_minutes: list[tuple[str, int]], state: tuple) -> tuple[dict, str, int, int]:
        """Per team of the report: (verdict, note, reviewed_by, reviewed_at) of its activities,
        and the report's status, version and approved minutes. The report's own flow (_flow) is
        the verification of its first team's part; every other team's lead approves theirs at
        the first decision (one more review row and version each)."""
        status, version, _submitted, note, _by, decided_at = state
        parts: dict[str, tuple] = {}
        first_decision = self._first_decision.pop(report_id, None)
        others = sorted({team for team, _m in team_minutes} - {report_team})
        if status == "draft" or first_decision is None:
            parts = {team: ("pending", "", None, None) for team, _m in team_minutes}
            return parts, status, version, 0
        own = {"approved": ("approved", "", reviewers.get(report_team), decided_at),
               "returned": ("returned", note, reviewers.get(report_team), decided_at),
               "submitted": ("pending", "", None, None)}[status]
        if status == "submitted" and note:  # returned, fixed and resubmitted: waiting again
            own = ("pending", "", None, None)
        parts[report_team] = own
        for number, team in enumerate(others, start=1):
            digest = hashlib.blake2b(f"{report_id}:{team}".encode(), digest_size=16).hexdigest()
            review_id = f"{digest[:8]}-{digest[8:12]}-4{digest[13:16]}-{_VARIANT[digest[16]]}{digest[17:20]}-{digest[20:]}"
            self.review_rows.append((review_id, report_id, reviewers.get(team, self.jpt_id), "approve", "",
                                     version + number - 1, first_decision, team))
            parts[team] = ("approved", "", reviewers.get(team, self.jpt_id), first_decision)
        version += len(others)
        verdicts = [parts[team][0] for team, _m in team_minutes]
        new_status = "returned" if "returned" in verdicts else "approved" if set(verdicts) == {"approved"} else "submitted"
        approved = sum(m for team, m in team_minutes if parts[team][0] == "approved")
        return parts, new_status, version, approved

    def _activity(self, employee_id: str, teams: list, report_id: str, minutes: int, position: int,
                  day_text: str) -> tuple:
        # One draw of random bits decides everything about the activity (a million of these).
        bits = self.rng.getrandbits(96)
        roll = bits & 0x3FF
        team_id = teams[0][0] if roll < 717 or len(teams) == 1 else teams[1 + roll % (len(teams) - 1)][0]
        kind = "common" if (bits >> 10) & 0xFF < 31 else self.org.team_work[team_id]
        text, unit, lo, hi, longest = self.phrases[kind][(bits >> 18) % 120]
        if minutes > longest:  # no three-hour morning roll call
            text, unit, lo, hi, _longest = self.phrases[self.org.team_work[team_id]][(bits >> 18) % 120]
        tasks = self.tasks_of.get((employee_id, team_id))
        task_id = tasks[(bits >> 42) % len(tasks)] if tasks and (bits >> 34) & 0xFF < 77 else None
        indicators = self.target_of.get((employee_id, team_id), (None, ()))[1]
        indicator_id = indicators[0] if indicators and (bits >> 58) & 0xFF < 192 else None
        evidence = self.evidence[(bits >> 66) % len(self.evidence)]
        if "{day}" in evidence:
            evidence = evidence.replace("{day}", day_text)
        volume = float(lo if lo == hi else lo + (bits >> 80) % (hi - lo + 1))
        if indicator_id and unit == self.indicator_unit[indicator_id]:
            # Output in the indicator's own unit is rare (a finished draft, not every day's
            # drafting): about one such activity in 8, one unit each; the rest add minutes.
            if (bits >> 88) % 8:
                indicator_id = None
            else:
                volume = 1.0
        return (self.uid(), report_id, text, minutes, volume, unit, task_id, indicator_id, evidence, position,
                team_id)

    def _flow(self, index: int, reviewer: str, lazy: bool, sloppy: float, is_staff: bool,
              report_id: str) -> tuple:
        """(status, version, submitted_at, review_note, reviewed_by, reviewed_at) of a report made on
        working day ``index``, with its review rows appended as decisions happen."""
        rng, days, today_index = self.rng, self.work_days, self.today_index
        if index >= today_index:
            return ("draft", 0, None, "", None, None)
        day = days[index]
        submit_day, submit_index = day, index
        if rng.random() < 0.012 and not is_staff:  # a late submission, days after the work date
            submit_day = day + dt.timedelta(days=rng.randint(4, 6))
            submit_index = bisect.bisect_left(days, submit_day)
            if submit_index >= today_index:
                return ("draft", 0, None, "", None, None)
        submitted_at = _at(submit_day, rng.randint(14 * 60 + 30, 16 * 60 + 40))
        self._first_submitted[report_id] = submitted_at
        force_return = is_staff and index == today_index - 3
        decide_index = submit_index + (2 if force_return else self._review_lag(lazy))
        if decide_index >= today_index or (is_staff and index == today_index - 1):
            return ("submitted", 1, submitted_at, "", None, None)
        decided_at = self._decision_time(submit_index, decide_index)
        self._first_decision[report_id] = decided_at
        if force_return or (decide_index - submit_index <= 1 and rng.random() < sloppy):
            note = rng.choice(data.RETURN_NOTES)
            self.review_rows.append((self.uid(), report_id, reviewer, "return", note, 1, decided_at, self._team))
            # fixed the next working day, or the same afternoon if that would make it late
            fix_index = decide_index + 1
            if fix_index < len(days) and (days[fix_index] - day).days > self.store.policy.late_report_max_days:
                fix_index = decide_index
            if force_return or fix_index >= today_index:
                return ("returned", 2, submitted_at, note, reviewer, decided_at)
            fix_minute = rng.randint(9 * 60, 15 * 60) if fix_index > decide_index else 17 * 60 + 45
            submitted_at = _at(days[fix_index], fix_minute)
            second = fix_index + rng.choice((1, 1, 2)) if fix_index == decide_index else fix_index + rng.choice((0, 1, 1, 2))
            if second >= today_index:
                return ("submitted", 3, submitted_at, note, reviewer, decided_at)
            decided_at = self._decision_time(fix_index, second)
            self.review_rows.append((self.uid(), report_id, reviewer, "approve", "", 3, decided_at, self._team))
            return ("approved", 4, submitted_at, "", reviewer, decided_at)
        self.review_rows.append((self.uid(), report_id, reviewer, "approve", "", 1, decided_at, self._team))
        return ("approved", 2, submitted_at, "", reviewer, decided_at)

    def _decision_time(self, submit_index: int, decide_index: int) -> str:
        minute = self.rng.randint(16 * 60 + 45, 17 * 60 + 30) if decide_index == submit_index else \
            self.rng.randint(8 * 60, 11 * 60 + 59)
        return _at(self.work_days[decide_index], minute)

    # --- the rest -----------------------------------------------------------------------------

    def write_people_events(self) -> None:
        """Negative events, feedback notes and DWA arrangements."""
        rng, insert, org, today = self.rng, self.store.insert_rows, self.org, self.today
        past = self.work_days[: self.today_index]
        events = []
        candidates = [e for e in org.employees if e.id in self.teams_of and e.id != org.roles["staff"]]
        for number in range(max(2, len(candidates) // 50)):
            employee = candidates[(number * 37 + 30) % len(candidates)]
            day = past[-(15 + 18 * number) % len(past)]
            events.append((self.uid(), employee.id, day.isoformat(), data.NEGATIVE_REASONS[number % 2]))
        insert("negative_events", ("id", "employee_id", "day", "reason"), events)

        notes = []
        for number in range(max(24, len(org.teams) * 6)):
            team = org.teams[number % len(org.teams)]
            members = self.members_of.get(team.id)
            if not members:
                continue
            to_id = org.roles["staff"] if number < 3 else rng.choice(members)
            if number < 3:
                team = next(t for t in org.teams if (to_id, t.id) in self.target_of and t.id in self.lead_of)
            tasks = self.tasks_of.get((to_id, team.id))
            day = past[-1 - rng.randint(0, min(60, len(past) - 1))]
            notes.append((self.uid(), self.lead_of[team.id], to_id, rng.choice(data.FEEDBACK_TEXTS),
                          rng.choice(tasks) if tasks and rng.random() < 0.4 else None,
                          _at(day, rng.randint(9 * 60, 16 * 60))))
        insert("feedback", ("id", "from_id", "to_id", "text", "task_id", "created_at"), notes)

        rows = []
        for employee_id, (pattern, _office, _places) in self.dwa.items():
            valid_from = dt.date(today.year, 1, 2) if rng.random() < 0.6 else dt.date(today.year, 7, 1)
            if valid_from > today:
                valid_from = dt.date(today.year - 1, 7, 1)
            rows.append((self.uid(), employee_id, pattern, valid_from.isoformat(),
                         dt.date(valid_from.year, 12, 31).isoformat(), "approved", self.jpt_id, self.jpt_id))
        insert("dwa", ("id", "employee_id", "pattern", "valid_from", "valid_to", "status", "decided_by",
                       "approved_by"), rows)
