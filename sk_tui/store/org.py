"""Forming teams and DWA arrangements in the local store, offline first: each change is applied
here at once and queued for the server, which decides it with the same rules.

    >>> team = store.create_team("Tim Reformasi", scope="cross_unit", actor_id=jpt.id)   # doctest: +SKIP
    >>> store.set_team_lead(team.id, lead.id, actor_id=jpt.id)                         # doctest: +SKIP
    >>> store.apply_dwa("3-2", dt.date(2026, 12, 1), actor_id=me.id).status             # doctest: +SKIP
    <DwaStatus.APPLIED: 'applied'>
"""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from sk_tui.domain.enums import DwaStatus, MemberRole, WorkMode
from sk_tui.domain.errors import DomainError
from sk_tui.domain.lazy import lazy_module
from sk_tui.store import outbox
from sk_tui.store.base import BaseStore, from_row, to_row
from sk_tui.store.recap import RecapMixin

if TYPE_CHECKING:
    from sk_tui.domain import dwa, kinerja, teams
    from sk_tui.domain.models import DwaArrangement, Employee, Membership, Team
else:  # the models by name (domain/records.py): pydantic is imported when one is first used
    from sk_tui.domain.records import DwaArrangement, Employee, Membership, Team
    # imported at first use (domain/lazy.py): a headless add or the first frame never calls them
    dwa, kinerja, teams = (lazy_module(f"sk_tui.domain.{name}") for name in ("dwa", "kinerja", "teams"))


def _arrangements(store: BaseStore, employee_id: str | None = None) -> list[DwaArrangement]:
    if employee_id is None:
        rows = store.rows("SELECT * FROM dwa ORDER BY valid_from DESC")
    else:
        rows = store.rows("SELECT * FROM dwa WHERE employee_id = ? ORDER BY valid_from DESC", (employee_id,))
    return [from_row(DwaArrangement, r) for r in rows]


def check_day_mode(store: BaseStore, employee_id: str, day: dt.date, mode: WorkMode | str, location: str,
                   report_id: str | None = None) -> WorkMode:
    """The server's DWA rule, offline: refused here rather than queued to be rejected."""
    monday = day - dt.timedelta(days=day.weekday())
    week = {
        dt.date.fromisoformat(r["work_date"]): r["work_mode"]
        for r in store.rows(
            "SELECT work_date, work_mode FROM reports WHERE employee_id = ? AND work_date BETWEEN ? AND ? AND id != ?",
            (employee_id, monday.isoformat(), (monday + dt.timedelta(days=6)).isoformat(), report_id or ""))
    }
    return dwa.check_day_mode(day, mode, location, week, _arrangements(store, employee_id), store.policy)


def _assignees(stored: str | None) -> list[str]:
    """A card's assignee ids as stored (a JSON list); anything else: nobody."""
    try:
        value = json.loads(stored or "[]")
    except ValueError:
        return []
    return [v for v in value if isinstance(v, str)] if isinstance(value, list) else []


class OrgMixin(RecapMixin):  # the overview reads recap figures (late verifications, IKI progress)
    # --- teams ----------------------------------------------------------------------------

    def create_team(
        self,
        name: str,
        *,
        actor_id: str,
        scope: str = "internal",
        kind: str = "administrative",
        decree_no: str = "",
        period_start: dt.date | None = None,
        period_end: dt.date | None = None,
        unit_id: str | None = None,
    ) -> Team:
        actor = self._employee_or_raise(actor_id)
        team = Team(name=name.strip(), unit_id=unit_id or actor.unit_id, scope=scope, kind=kind, jpt_id=actor.id,
                    decree_no=decree_no.strip(), period_start=period_start, period_end=period_end)
        teams.check_team_former(actor, team.unit_id)
        with self.transaction():
            self._insert("teams", to_row(team))
            payload = {k: v for k, v in to_row(team).items() if k not in ("id", "closed_on")}
            outbox.enqueue(self.db, entity="team", entity_id=team.id, op="create", base_version=0, payload=payload)
        return team

    def _own_team(self, team_id: str, actor_id: str, *, open_only: bool = True) -> Team:
        team = self.require_team(team_id)
        teams.check_team_jpt(actor_id, team)
        if open_only:
            teams.check_team_open(team)
        return team

    def _employee_or_raise(self, who: str) -> Employee:
        person = self.employee(who)
        if person is None:
            raise DomainError("employee_unknown", who=who)
        return person

    def set_team_lead(self, team_id: str, employee_id: str, *, actor_id: str) -> Membership:
        """Name the team's one lead (joining them if need be); a previous lead stays as member."""
        with self.transaction():
            team = self._own_team(team_id, actor_id)
            candidate = self._employee_or_raise(employee_id)
            teams.check_lead(candidate)
            chosen: Membership | None = None
            for m in self.memberships(team.id):
                if m.employee_id == candidate.id:
                    chosen = m.model_copy(update={"role": MemberRole.LEAD})
                    self._insert("memberships", to_row(chosen), replace=True)
                elif m.role == MemberRole.LEAD:
                    self._insert("memberships", to_row(m.model_copy(update={"role": MemberRole.MEMBER})),
                                 replace=True)
            if chosen is None:
                chosen = Membership(team_id=team.id, employee_id=candidate.id, role=MemberRole.LEAD)
                self._insert("memberships", to_row(chosen))
            outbox.enqueue(self.db, entity="team", entity_id=team.id, op="lead", base_version=0,
                           payload={"employee_id": candidate.id, "membership_id": chosen.id})
        return chosen

    def add_team_member(self, team_id: str, employee_id: str, *, actor_id: str) -> Membership:
        with self.transaction():
            team = self._own_team(team_id, actor_id)
            person = self._employee_or_raise(employee_id)
            if any(m.employee_id == person.id for m in self.memberships(team.id)):
                raise DomainError("already_member", who=person.name)
            membership = Membership(team_id=team.id, employee_id=person.id, role=MemberRole.MEMBER)
            self._insert("memberships", to_row(membership))
            outbox.enqueue(self.db, entity="membership", entity_id=membership.id, op="create", base_version=0,
                           payload={"team_id": team.id, "employee_id": person.id, "role": "member"})
        return membership

    def remove_team_member(self, team_id: str, employee_id: str, *, actor_id: str) -> None:
        with self.transaction():
            team = self._own_team(team_id, actor_id)
            found = [m for m in self.memberships(team.id) if m.employee_id == employee_id]
            if not found:
                raise DomainError("membership_unknown")
            self.db.execute("DELETE FROM memberships WHERE id = ?", (found[0].id,))
            outbox.enqueue(self.db, entity="membership", entity_id=found[0].id, op="delete", base_version=0,
                           payload={"team_id": team.id})

    def update_team(self, team_id: str, *, actor_id: str, name: str | None = None, scope: str | None = None,
                    kind: str | None = None, decree_no: str | None = None, period_start: dt.date | None = None,
                    period_end: dt.date | None = None) -> Team:
        """Change what the JPT may change of an open team (only the fields given), queued as the
        server's ``team update`` op."""
        given = {"name": name.strip() if name is not None else None, "scope": scope, "kind": kind,
                 "decree_no": decree_no.strip() if decree_no is not None else None,
                 "period_start": period_start, "period_end": period_end}
        fields = {k: v for k, v in given.items() if v is not None}
        if not fields:
            raise DomainError("team_nothing_to_update")
        with self.transaction():
            team = self._own_team(team_id, actor_id)
            updated = Team.model_validate({**team.model_dump(), **fields})  # the domain's rules, once
            row = to_row(updated)
            self._insert("teams", row, replace=True)
            outbox.enqueue(self.db, entity="team", entity_id=team.id, op="update", base_version=0,
                           payload={k: row[k] for k in fields})
        return updated

    def close_team(self, team_id: str, *, actor_id: str) -> Team:
        with self.transaction():
            team = self._own_team(team_id, actor_id)
            closed = team.model_copy(update={"closed_on": teams.close_day(team, self.today())})
            self._insert("teams", to_row(closed), replace=True)
            outbox.enqueue(self.db, entity="team", entity_id=team.id, op="close", base_version=0, payload={})
        return closed

    def data_mark(self) -> tuple[int, int]:
        """Changes so far by this connection and SQLite's count of other connections' commits:
        equal marks, nothing was written in between (a screen may keep what it shows)."""
        return self.db.conn.total_changes, self.db.execute("PRAGMA data_version").fetchone()[0]

    def find_team(self, id_or_prefix: str) -> Team:
        """By full id or a unique prefix of 4+ characters (as `sk-tui team list` shows it)."""
        row = self.row_by_id_or_prefix("teams", id_or_prefix)
        if row is None:
            raise DomainError("team_unknown", team_id=id_or_prefix)
        return from_row(Team, row)

    def find_unit_id(self, code_or_id: str) -> str | None:
        row = self.one("SELECT id FROM units WHERE id = ? OR code = ?", (code_or_id, code_or_id))
        return row["id"] if row else None

    def unit_people(self, unit_id: str) -> dict[str, str]:
        """Employee id -> name for everyone of a unit."""
        return {r["id"]: r["name"] for r in self.rows("SELECT id, name FROM employees WHERE unit_id = ?", (unit_id,))}

    def load_across_teams(self, team_ids: list[str], first: dt.date,
                          last: dt.date) -> list[tuple[str, str, list[tuple[str, int, int]]]]:
        """People on more than one of ``team_ids``: (id, name, [(team name, minutes in range,
        open cards)]) by name, for the JPT's view of who carries what."""
        if not team_ids:
            return []
        marks = ", ".join("?" for _ in team_ids)
        by_person: dict[str, list[dict[str, Any]]] = {}
        for row in self.rows(
                f"""SELECT m.employee_id, e.name, m.team_id, t.name AS team FROM memberships m
                    JOIN employees e ON e.id = m.employee_id JOIN teams t ON t.id = m.team_id
                    WHERE m.team_id IN ({marks}) ORDER BY e.name, t.name""", team_ids):
            by_person.setdefault(row["employee_id"], []).append(row)
        several = {person: memberships for person, memberships in by_person.items() if len(memberships) > 1}
        if not several:
            return []
        # two queries for everyone (not two per person): minutes by (person, team), open cards
        people = ", ".join("?" for _ in several)
        minutes = {(r[0], r[1]): r[2] or 0 for r in self.db.execute(
            f"""SELECT employee_id, team_id, SUM(total_minutes) FROM reports WHERE employee_id IN ({people})
                AND work_date BETWEEN ? AND ? GROUP BY 1, 2""", [*several, first.isoformat(), last.isoformat()])}
        tasks: dict[tuple[str, str], int] = {}
        for team_id, assignees in self.db.execute(
                f"SELECT team_id, assignees FROM tasks WHERE team_id IN ({marks}) AND status != 'done'", team_ids):
            for person in _assignees(assignees):
                if person in several:
                    tasks[(person, team_id)] = tasks.get((person, team_id), 0) + 1
        return [(person, memberships[0]["name"],
                 [(m["team"], minutes.get((person, m["team_id"]), 0), tasks.get((person, m["team_id"]), 0))
                  for m in memberships])
                for person, memberships in several.items()]

    def team_overview(self, team_ids: list[str], month_start: dt.date, month_end: dt.date,
                      today: dt.date) -> list[dict[str, Any]]:
        """One row per team for the JPT's view across teams (a few grouped queries in all)."""
        if not team_ids:
            return []
        marks = ", ".join("?" for _ in team_ids)
        out: dict[str, dict[str, Any]] = {}
        for row in self.rows(f"SELECT * FROM teams WHERE id IN ({marks}) ORDER BY name", team_ids):
            out[row["id"]] = {"team": from_row(Team, row), "lead": None, "lead_id": None, "members": 0,
                              "other_unit": 0, "open_tasks": 0, "overdue_tasks": 0, "done_tasks": 0,
                              "reports": 0, "decided": 0, "expected": 0, "progress": None, "overdue_reviews": 0}
        for row in self.rows(
            f"""SELECT m.team_id, m.role, e.id, e.name, e.unit_id FROM memberships m JOIN employees e
                ON e.id = m.employee_id WHERE m.team_id IN ({marks})""", team_ids):
            item = out[row["team_id"]]
            item["members"] += 1
            if row["role"] == "lead":
                item["lead"], item["lead_id"] = row["name"], row["id"]
            if row["unit_id"] != item["team"].unit_id:
                item["other_unit"] += 1
        for row in self.rows(
            f"""SELECT team_id, status = 'done' AS done, due_date < ? AND status != 'done' AS late, COUNT(*) AS n
                FROM tasks WHERE team_id IN ({marks}) GROUP BY 1, 2, 3""", [today.isoformat(), *team_ids]):
            item = out[row["team_id"]]
            if row["done"]:
                item["done_tasks"] += row["n"]
            else:
                item["open_tasks"] += row["n"]
                if row["late"]:
                    item["overdue_tasks"] += row["n"]
        for team_id, (reports, decided) in self.team_report_counts(team_ids, month_start, month_end).items():
            out[team_id]["reports"], out[team_id]["decided"] = reports, decided
        elapsed = len(kinerja.working_days(month_start, min(today, month_end), self.policy))
        late = self.overdue_by_team({tid: item["lead_id"] for tid, item in out.items() if item["lead_id"]},
                                    month_start, month_end)
        for team_id, item in out.items():
            # reports due so far: each member (the lead too) each working day of the month until today
            item["expected"] = item["members"] * elapsed
            item["overdue_reviews"] = late.get(team_id, 0)
        self._team_target_progress(out, month_start.replace(month=1, day=1), today)
        return list(out.values())

    def team_report_counts(self, team_ids: list[str], start: dt.date, end: dt.date,
                           raw: bool = False) -> dict[str, tuple[int, int]]:
        """Team -> (reports submitted in range, of which decided), from ``agg_team_month`` for a
        whole month (``raw``: from the reports, as for any other range)."""
        marks = ", ".join("?" for _ in team_ids)
        first, last = kinerja.month_bounds(start)
        if not raw and (start, end) == (first, last):
            query = f"""SELECT team_id, status IN ('approved', 'returned'), SUM(n) FROM agg_team_month
                        WHERE team_id IN ({marks}) AND month = ? AND status != 'draft' GROUP BY 1, 2"""
            params: list[Any] = [*team_ids, start.strftime("%Y-%m")]
        else:
            query = f"""SELECT team_id, status IN ('approved', 'returned'), COUNT(*) FROM reports
                        WHERE team_id IN ({marks}) AND work_date BETWEEN ? AND ? AND status != 'draft' GROUP BY 1, 2"""
            params = [*team_ids, start.isoformat(), end.isoformat()]
        out: dict[str, tuple[int, int]] = {}
        for team_id, decided, n in self.db.execute(query, params):
            reports, done = out.get(team_id, (0, 0))
            out[team_id] = (reports + n, done + (n if decided else 0))
        return out

    def _team_target_progress(self, out: dict[str, dict[str, Any]], start: dt.date, today: dt.date) -> None:
        """Mean share of each quantity indicator reached (approved volume, capped at 1) of the
        targets assigned from each team, this year: one query joins the targets to the year's
        rows of ``agg_indicator`` (less the months after today's), the days at the edges come
        from the raw rows (``indicator_progress`` does the same for one list of indicators)."""
        from sk_tui.store.recap import _periods_of

        periods: dict[str, int] = {}
        raw: list[tuple[dt.date, dt.date, int]] = []
        _periods_of(start, today, 1, periods, raw)
        wanted = [(p, sign) for p, sign in periods.items() if sign]
        sign_of = " ".join("WHEN ? THEN ?" for _ in wanted)
        marks = ", ".join("?" for _ in out)
        rows = self.db.execute(
            f"""SELECT t.team_id, i.id, i.target_value,
                       COALESCE(SUM((CASE g.period {sign_of} ELSE 0 END)
                                    * (CASE WHEN g.unit = 'u:' || lower(i.unit) THEN g.approved ELSE 0 END)), 0)
                FROM targets t JOIN indicators i ON i.target_id = t.id
                LEFT JOIN agg_indicator g ON g.indicator_id = i.id AND g.period IN ({", ".join("?" for _ in wanted)})
                WHERE t.team_id IN ({marks}) AND i.aspect = 'quantity' AND i.target_value > 0
                GROUP BY t.team_id, i.id""" if wanted else
            f"""SELECT t.team_id, i.id, i.target_value, 0 FROM targets t JOIN indicators i ON i.target_id = t.id
                WHERE t.team_id IN ({marks}) AND i.aspect = 'quantity' AND i.target_value > 0""",
            [*(v for pair in wanted for v in pair), *(p for p, _ in wanted), *out] if wanted else list(out),
        ).fetchall()
        done = {indicator_id: volume for _team, indicator_id, _target, volume in rows}
        if raw and done:
            edges = {i: {"approved": 0.0, "reported": 0.0, "minutes": 0} for i in done}
            for low, high, sign in raw:
                self._add_progress_raw(edges, list(done), low, high, None, sign)
            for indicator_id, entry in edges.items():
                done[indicator_id] += entry["approved"]
        shares: dict[str, list[float]] = {}
        for team_id, indicator_id, target, _volume in rows:
            shares.setdefault(team_id, []).append(min(1.0, round(done[indicator_id], 9) / target))
        for team_id, values in shares.items():
            out[team_id]["progress"] = sum(values) / len(values)

    # --- DWA ------------------------------------------------------------------------------

    def dwa_arrangements(self, employee_id: str | None = None) -> list[DwaArrangement]:
        return _arrangements(self, employee_id)

    def find_dwa(self, id_or_prefix: str) -> DwaArrangement:
        row = self.row_by_id_or_prefix("dwa", id_or_prefix)
        if row is None:
            raise DomainError("dwa_unknown", dwa_id=id_or_prefix)
        return from_row(DwaArrangement, row)

    def apply_dwa(self, pattern: str, valid_from: dt.date, *, actor_id: str, valid_to: dt.date | None = None,
                  targets: str = "") -> DwaArrangement:
        dwa.check_pattern(pattern, self.policy)
        arrangement = DwaArrangement(employee_id=actor_id, pattern=pattern, valid_from=valid_from,
                                     valid_to=valid_to, targets=targets.strip())
        with self.transaction():
            self._insert("dwa", to_row(arrangement))
            payload = {k: to_row(arrangement)[k] for k in ("pattern", "valid_from", "valid_to", "targets")}
            outbox.enqueue(self.db, entity="dwa", entity_id=arrangement.id, op="apply", base_version=0,
                           payload=payload)
        return arrangement

    def decide_dwa(self, dwa_id: str, approve: bool, *, actor_id: str, note: str = "") -> DwaArrangement:
        with self.transaction():
            arrangement = self.find_dwa(dwa_id)
            applicant = self._employee_or_raise(arrangement.employee_id)
            dwa.check_decider(self._employee_or_raise(actor_id), applicant, arrangement, self.policy)
            if not approve and not note.strip():
                raise DomainError("dwa_refuse_needs_note")
            decided = DwaArrangement.model_validate({
                **arrangement.model_dump(), "status": DwaStatus.APPROVED if approve else DwaStatus.REFUSED,
                "note": note.strip(), "decided_by": actor_id, "approved_by": actor_id if approve else None,
            })
            self._insert("dwa", to_row(decided), replace=True)
            outbox.enqueue(self.db, entity="dwa", entity_id=decided.id, op="decide", base_version=0,
                           payload={"decision": "approve" if approve else "refuse", "note": note.strip()})
        return decided

    def check_day_mode(self, employee_id: str, day: dt.date, mode: WorkMode | str, location: str,
                       report_id: str | None = None) -> WorkMode:
        return check_day_mode(self, employee_id, day, mode, location, report_id)

    def dwa_output(self, employee_ids: list[str], start: dt.date, end: dt.date,
                   raw: bool = False) -> list[dwa.ModeOutput]:
        """Approved output per person-day by work mode (``dwa.output_by_mode``), from
        ``agg_mode_month`` for a whole month (``raw``: from the activities, as for any range)."""
        if not employee_ids:
            return []
        first, last = kinerja.month_bounds(start)
        if raw or (start, end) != (first, last):
            return dwa.output_by_mode([(r[0], r[2], r[3], r[4], r[5])
                                       for r in self.dwa_output_rows(employee_ids, start, end)])
        marks = ", ".join("?" for _ in employee_ids)
        found = {mode: (days, minutes, volume) for mode, days, minutes, volume in self.db.execute(
            f"""SELECT mode, SUM(days), SUM(minutes), SUM(volume) FROM agg_mode_month
                WHERE employee_id IN ({marks}) AND month = ? GROUP BY 1 HAVING SUM(days) > 0""",
            [*employee_ids, start.strftime("%Y-%m")])}
        # volumes summed as floats: to the cent, as the report shows them
        return [dwa.ModeOutput(m.value, found[m.value][0], found[m.value][1],
                               Decimal(str(round(found[m.value][2], 6))).normalize())
                for m in WorkMode if m.value in found]

    def dwa_output_rows(self, employee_ids: list[str], start: dt.date,
                        end: dt.date) -> list[tuple[str, str | None, dt.date, str, int, Decimal]]:
        """(person, team, day, mode, approved minutes, volume) per approved activity in range."""
        if not employee_ids:
            return []
        marks = ", ".join("?" for _ in employee_ids)
        return [
            (r["employee_id"], r["team_id"], dt.date.fromisoformat(r["work_date"]), r["work_mode"],
             r["minutes"] or 0, Decimal(str(r["volume"] or 0)))
            for r in self.rows(
                f"""SELECT r.employee_id, r.team_id, r.work_date, r.work_mode, a.minutes, a.volume FROM reports r
                    JOIN activities a ON a.report_id = r.id
                    WHERE r.employee_id IN ({marks}) AND r.status = 'approved' AND r.work_date BETWEEN ? AND ?""",
                [*employee_ids, start.isoformat(), end.isoformat()])
        ]
