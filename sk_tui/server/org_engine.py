"""Teams of Teams and DWA ops on the server: forming teams and deciding arrangements.

The JPT of a unit forms its teams (create, name the lead, add and remove members, close);
an employee applies for a DWA arrangement and the unit's JPT (or the superior, by policy)
decides it. These ops are rare next to reports and cards, so each reads and writes what it
needs directly inside the batch's transaction, and keeps the batch's view of teams current
so a card created on a new team later in the same batch is decided against it.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import TYPE_CHECKING, Any

from sqlalchemy import select

from sk_tui import clock
from sk_tui.domain import dwa, teams
from sk_tui.domain.errors import DomainError
from sk_tui.domain.models import (
    DwaArrangement,
    DwaStatus,
    Employee,
    MemberRole,
    Membership,
    Team,
    WorkMode,
)
from sk_tui.domain.policy import Policy
from sk_tui.server import storage as st
from sk_tui.sync import protocol as p

if TYPE_CHECKING:
    from sk_tui.server.engine import PushEngine, _Batch

TEAM_FIELDS = frozenset(Team.model_fields)
TEAM_EDITABLE = frozenset({"name", "scope", "kind", "decree_no", "period_start", "period_end"})
DWA_FIELDS = frozenset({"pattern", "valid_from", "valid_to", "targets"})


class OrgDecider:
    def __init__(self, engine: PushEngine):
        self.engine = engine

    @property
    def policy(self) -> Policy:
        return self.engine.policy

    def deciders(self) -> dict[tuple[str, str], Any]:
        return {
            ("team", "create"): self.team_create,
            ("team", "update"): self.team_update,
            ("team", "lead"): self.team_lead,
            ("team", "close"): self.team_close,
            ("membership", "create"): self.membership_create,
            ("membership", "delete"): self.membership_delete,
            ("dwa", "apply"): self.dwa_apply,
            ("dwa", "decide"): self.dwa_decide,
        }

    # --- reading --------------------------------------------------------------------------

    @staticmethod
    def _employee(batch: _Batch, employee_id: Any) -> Employee:
        from sk_tui.server.engine import Refused

        if not isinstance(employee_id, str):
            raise Refused(p.REJECTED, "invalid", why="employee_id")
        data = batch.conn.execute(select(st.employees.c.data).where(st.employees.c.id == employee_id)).scalar()
        if data is None:
            raise DomainError("employee_unknown", who=employee_id)
        return st.from_row(Employee, data)

    @staticmethod
    def _team(batch: _Batch, team_id: Any) -> Team:
        if not isinstance(team_id, str):
            raise DomainError("team_unknown", team_id=str(team_id))
        data = batch.conn.execute(select(st.teams.c.data).where(st.teams.c.id == team_id)).scalar()
        if data is None:
            raise DomainError("team_unknown", team_id=team_id)
        return st.from_row(Team, data)

    @staticmethod
    def _memberships(batch: _Batch, team_id: str) -> list[Membership]:
        m = st.memberships.c
        return [st.from_row(Membership, d) for d in batch.conn.execute(select(m.data).where(m.team_id == team_id))
                .scalars()]

    def _today(self) -> dt.date:
        return clock.today(self.policy.timezone)

    # --- writing --------------------------------------------------------------------------

    def _save_team(self, batch: _Batch, team: Team, *, new: bool) -> int:
        row, change = st.org_rows("team", st.row_form(team))
        st.ServerDB.upsert(batch.conn, st.teams, [row], existing=None if not new else set())
        batch.team_jpt[team.id] = team.jpt_id
        batch.team_people.setdefault(team.id, {})
        if team.closed_on is not None:
            batch.closed_teams[team.id] = (team.name, team.closed_on.isoformat())
        batch.entries.append(change)
        return len(batch.entries) - 1

    def _save_membership(self, batch: _Batch, membership: Membership) -> int:
        row, change = st.org_rows("membership", st.row_form(membership))
        st.ServerDB.upsert(batch.conn, st.memberships, [row])
        batch.team_people.setdefault(membership.team_id, {})[membership.employee_id] = membership.role.value
        batch.person_teams.setdefault(membership.employee_id, {})[membership.team_id] = membership.role.value
        # the people the newcomer now works with were logged before their cursor: log them again
        batch.entries.extend(st.directory_resent(batch.conn, {"membership": [st.row_form(membership)]},
                                                 batch.entries))
        batch.entries.append(change)
        return len(batch.entries) - 1

    # --- teams ----------------------------------------------------------------------------

    def team_create(self, batch: _Batch, op: p.Op) -> tuple[int, int]:
        from sk_tui.server.engine import Refused, _model

        if op.payload.get("jpt_id") not in (None, batch.actor):
            raise Refused(p.REJECTED, "not_actor")
        if batch.conn.execute(select(st.teams.c.id).where(st.teams.c.id == op.entity_id)).first() is not None:
            raise Refused(p.REJECTED, "id_unavailable")
        self.engine._check_new_id(batch, "team", op.entity_id)
        team = _model(Team, {**{k: v for k, v in op.payload.items() if k in TEAM_FIELDS - {"closed_on"}},
                             "id": op.entity_id, "jpt_id": batch.actor})
        teams.check_team_former(self._employee(batch, batch.actor), team.unit_id)
        batch.taken.setdefault(team.id, set()).add("team")
        return 1, self._save_team(batch, team, new=True)

    def _own_team(self, batch: _Batch, op: p.Op, *, open_only: bool = True) -> Team:
        team = self._team(batch, op.entity_id if op.entity == "team" else op.payload.get("team_id"))
        teams.check_team_jpt(batch.actor, team)
        if open_only:
            teams.check_team_open(team)
        return team

    def team_update(self, batch: _Batch, op: p.Op) -> tuple[int, int]:
        from sk_tui.server.engine import Refused, _model

        unknown = set(op.payload) - TEAM_EDITABLE
        if unknown:
            raise Refused(p.REJECTED, "invalid", why=f"not editable: {', '.join(sorted(unknown))}")
        team = self._own_team(batch, op)
        updated = _model(Team, {**st.row_form(team), **op.payload})
        return 1, self._save_team(batch, updated, new=False)

    def team_close(self, batch: _Batch, op: p.Op) -> tuple[int, int]:
        team = self._own_team(batch, op)
        closed = team.model_copy(update={"closed_on": teams.close_day(team, self._today())})
        return 1, self._save_team(batch, closed, new=False)

    def team_lead(self, batch: _Batch, op: p.Op) -> tuple[int, int]:
        """Name the team's one lead: the named person becomes lead (joining if need be), any
        other lead becomes a member."""
        from sk_tui.server.engine import Refused, id_like

        team = self._own_team(batch, op)
        candidate = self._employee(batch, op.payload.get("employee_id"))
        teams.check_lead(candidate)
        membership_id = op.payload.get("membership_id")
        index = -1
        found = False
        for m in self._memberships(batch, team.id):
            if m.employee_id == candidate.id:
                found = True
                if m.role != MemberRole.LEAD:
                    index = self._save_membership(batch, m.model_copy(update={"role": MemberRole.LEAD}))
            elif m.role == MemberRole.LEAD:
                index = self._save_membership(batch, m.model_copy(update={"role": MemberRole.MEMBER}))
        if not found:
            if not isinstance(membership_id, str) or not id_like(membership_id):
                raise Refused(p.REJECTED, "invalid", why="membership_id")
            self.engine._check_new_id(batch, "membership", membership_id)
            index = self._save_membership(batch, Membership(id=membership_id, team_id=team.id,
                                                            employee_id=candidate.id, role=MemberRole.LEAD))
        if index < 0:  # already the lead: nothing changes, the op still answers applied
            index = self._save_team(batch, team, new=False)
        return 1, index

    def membership_create(self, batch: _Batch, op: p.Op) -> tuple[int, int]:
        from sk_tui.server.engine import Refused, _model

        team = self._own_team(batch, op)
        membership = _model(Membership, {"id": op.entity_id, "team_id": team.id,
                                         "employee_id": op.payload.get("employee_id"),
                                         "role": op.payload.get("role", "member")})
        person = self._employee(batch, membership.employee_id)
        if membership.role == MemberRole.LEAD:
            raise Refused(p.REJECTED, "invalid", why="role")  # a lead is named with team/lead
        if any(m.employee_id == person.id for m in self._memberships(batch, team.id)):
            raise DomainError("already_member", who=person.name)
        if batch.conn.execute(select(st.memberships.c.id).where(st.memberships.c.id == op.entity_id)).first():
            raise Refused(p.REJECTED, "id_unavailable")
        self.engine._check_new_id(batch, "membership", membership.id)
        batch.taken.setdefault(membership.id, set()).add("membership")
        return 1, self._save_membership(batch, membership)

    def membership_delete(self, batch: _Batch, op: p.Op) -> tuple[int, int]:
        m = st.memberships.c
        data = batch.conn.execute(select(m.data).where(m.id == op.entity_id)).scalar()
        if data is None:
            raise DomainError("membership_unknown")
        membership = st.from_row(Membership, data)
        team = self._team(batch, membership.team_id)
        teams.check_team_jpt(batch.actor, team)
        teams.check_team_open(team)
        batch.conn.execute(st.memberships.delete().where(m.id == op.entity_id))
        batch.team_people.get(team.id, {}).pop(membership.employee_id, None)
        batch.person_teams.get(membership.employee_id, {}).pop(team.id, None)
        batch.entries.append({"entity": "membership", "entity_id": membership.id, "vis": st.VIS_ALL,
                              "team_id": team.id, "data": None})
        return 1, len(batch.entries) - 1

    # --- DWA ------------------------------------------------------------------------------

    def _dwa_decider_id(self, batch: _Batch, applicant: Employee) -> str | None:
        """Who decides this person's applications (and so also pulls them)."""
        if self.policy.dwa_decider == "superior":
            return applicant.superior_id
        e = st.employees.c
        return batch.conn.execute(select(e.id).where(e.unit_id == applicant.unit_id, e.position_kind == "jpt")
                                  .order_by(e.id).limit(1)).scalar()

    def _save_dwa(self, batch: _Batch, arrangement: DwaArrangement, decider: str | None) -> int:
        data = st.dumps(st.row_form(arrangement))
        st.ServerDB.upsert(batch.conn, st.dwa, [{"id": arrangement.id, "employee_id": arrangement.employee_id,
                                                 "data": data}])
        batch.entries.append({"entity": "dwa", "entity_id": arrangement.id, "vis": st.VIS_PARTIES,
                              "employee_id": arrangement.employee_id, "other_id": decider, "data": data})
        return len(batch.entries) - 1

    def dwa_apply(self, batch: _Batch, op: p.Op) -> tuple[int, int]:
        from sk_tui.server.engine import Refused, _model

        if op.payload.get("employee_id") not in (None, batch.actor):
            raise Refused(p.REJECTED, "not_actor")
        if batch.conn.execute(select(st.dwa.c.id).where(st.dwa.c.id == op.entity_id)).first() is not None:
            raise Refused(p.REJECTED, "id_unavailable")
        self.engine._check_new_id(batch, "dwa", op.entity_id)
        arrangement = _model(DwaArrangement, {**{k: v for k, v in op.payload.items() if k in DWA_FIELDS},
                                              "id": op.entity_id, "employee_id": batch.actor})
        dwa.check_pattern(arrangement.pattern, self.policy)
        applicant = self._employee(batch, batch.actor)
        batch.taken.setdefault(arrangement.id, set()).add("dwa")
        return 1, self._save_dwa(batch, arrangement, self._dwa_decider_id(batch, applicant))

    def dwa_decide(self, batch: _Batch, op: p.Op) -> tuple[int, int]:
        from sk_tui.server.engine import Refused

        data = batch.conn.execute(select(st.dwa.c.data).where(st.dwa.c.id == op.entity_id)).scalar()
        if data is None:
            raise DomainError("dwa_unknown", dwa_id=op.entity_id)
        arrangement = st.from_row(DwaArrangement, data)
        applicant = self._employee(batch, arrangement.employee_id)
        dwa.check_decider(self._employee(batch, batch.actor), applicant, arrangement, self.policy)
        decision = op.payload.get("decision")
        note = op.payload.get("note") or ""
        if decision not in ("approve", "refuse") or not isinstance(note, str):
            raise Refused(p.REJECTED, "invalid", why="decision")
        if decision == "refuse" and not note.strip():
            raise DomainError("dwa_refuse_needs_note")
        approved = decision == "approve"
        decided = DwaArrangement.model_validate({
            **st.row_form(arrangement), "status": DwaStatus.APPROVED if approved else DwaStatus.REFUSED,
            "note": note, "decided_by": batch.actor, "approved_by": batch.actor if approved else None,
        })
        return 1, self._save_dwa(batch, decided, batch.actor)

    # --- the DWA rule on a submitted day --------------------------------------------------

    def check_report_mode(self, batch: _Batch, employee_id: str, day: dt.date, mode: WorkMode, location: str,
                          report_id: str) -> None:
        """The day's work mode against the person's approved arrangement (DOMAIN.md DWA ruling)."""
        if WorkMode(mode) not in dwa.AWAY_MODES:  # WFO or DL: no week to look up (DL's place is checked)
            dwa.check_day_mode(day, mode, location, {}, [], self.policy)
            return
        r = st.reports.c
        monday = day - dt.timedelta(days=day.weekday())
        week: dict[dt.date, str] = {}
        for rid, work_date, data in batch.conn.execute(select(r.id, r.work_date, r.data).where(
                r.employee_id == employee_id, r.work_date.between(monday.isoformat(),
                                                                  (monday + dt.timedelta(days=6)).isoformat()))):
            if rid == report_id:
                continue
            week[dt.date.fromisoformat(work_date)] = json.loads(data).get("work_mode", "WFO")
        for other in batch.reports.values():  # reports decided earlier in this batch
            if other["employee_id"] == employee_id and other["id"] != report_id:
                other_day = dt.date.fromisoformat(other["work_date"])
                if monday <= other_day <= monday + dt.timedelta(days=6):
                    data = other["data"] if isinstance(other["data"], dict) else json.loads(other["data"])
                    week[other_day] = data.get("work_mode", "WFO")
        arrangements = [st.from_row(DwaArrangement, d) for d in batch.conn.execute(
            select(st.dwa.c.data).where(st.dwa.c.employee_id == employee_id)).scalars()]
        dwa.check_day_mode(day, mode, location, week, arrangements, self.policy)
