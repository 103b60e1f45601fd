"""Forming teams (Pergub Jabar 181/2021): the unit's JPT forms a team by decree for a period,
names its lead (any JF or pelaksana), adds members from any unit and closes it at the end.

    >>> from sk_tui.domain.models import Employee
    >>> jpt = Employee(id="j", nip="197001011995031001", name="Kepala", position_kind="jpt", unit_id="BH")
    >>> check_team_former(jpt, "BH")
    >>> check_team_former(jpt, "DISKOM")
    Traceback (most recent call last):
    ...
    sk_tui.domain.errors.DomainError: Only the Eselon II leader (JPT) of the unit forms its teams.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from sk_tui.domain.enums import PositionKind
from sk_tui.domain.errors import DomainError

if TYPE_CHECKING:  # the models only as annotations: reading this module needs no pydantic model
    from sk_tui.domain.models import Employee, Team


def check_team_former(actor: Employee, unit_id: str) -> None:
    """Only a JPT of the team's unit forms a team (an admin does it on the server)."""
    if actor.position_kind != PositionKind.JPT or actor.unit_id != unit_id:
        raise DomainError("not_team_former")


def check_team_jpt(actor_id: str, team: Team) -> None:
    """Changes to a formed team (lead, members, closing) are its JPT's."""
    if team.jpt_id != actor_id:
        raise DomainError("not_team_former")


def check_team_open(team: Team) -> None:
    """A closed team keeps its history but takes no new work."""
    if team.closed_on is not None:
        raise DomainError("team_closed", team=team.name, day=team.closed_on.isoformat())


def check_lead(candidate: Employee) -> None:
    """A lead is a role, not a rank: any JF or executor (pelaksana) may lead; not the JPT."""
    if candidate.position_kind == PositionKind.JPT:
        raise DomainError("lead_is_jpt")


def close_day(team: Team, today: dt.date) -> dt.date:
    """The day a team closes: today, never before its period began."""
    if team.period_start is not None and today < team.period_start:
        return team.period_start
    return today


def other_unit(member: Employee, team: Team) -> bool:
    """Members from another unit are marked in every list of the team."""
    return member.unit_id != team.unit_id
