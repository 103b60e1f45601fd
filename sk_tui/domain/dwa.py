"""Dynamic Working Arrangement (DOMAIN.md "DWA" and its ruling): who may work away, how often.

A pattern ``"A-O"`` gives A days a week away from the office (WFA or WFH) and O in it. Away days
are counted per ISO week; holidays and days off are never counted, and DL (dinas luar, official
travel) is work at a place, never an away day. Without an approved arrangement a person works
WFO (DL allowed).

    >>> import datetime as dt
    >>> from sk_tui.domain.models import DwaArrangement
    >>> arr = DwaArrangement(id="d1", employee_id="e1", pattern="3-2",
    ...                      valid_from=dt.date(2026, 11, 1), approved_by="jpt")
    >>> week = {dt.date(2026, 11, 23): WorkMode.WFA, dt.date(2026, 11, 24): WorkMode.WFH,
    ...         dt.date(2026, 11, 25): WorkMode.WFA}
    >>> check_day_mode(dt.date(2026, 11, 26), WorkMode.WFA, "Garut", week, [arr])
    Traceback (most recent call last):
    ...
    sk_tui.domain.errors.DomainError: This week already has 3 days away from the office (WFA/WFH); your arrangement (3-2) allows 3.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING

from sk_tui.domain.enums import DwaStatus, PositionKind, WorkMode
from sk_tui.domain.errors import DomainError
from sk_tui.domain.policy import DEFAULT_POLICY, Policy

if TYPE_CHECKING:  # the models only as annotations: reading this module needs no pydantic model
    from sk_tui.domain.models import DwaArrangement, Employee

# Modes that count against the pattern; DL and WFO never do.
AWAY_MODES: frozenset[WorkMode] = frozenset({WorkMode.WFA, WorkMode.WFH})
# Modes that name a place (where the work was done): anywhere and official travel.
PLACE_MODES: frozenset[WorkMode] = frozenset({WorkMode.WFA, WorkMode.DL})


def parse_pattern(pattern: str) -> tuple[int, int]:
    """'3-2' -> (3 away days, 2 office days)."""
    parts = pattern.split("-")
    if len(parts) != 2 or not all(p.isdigit() for p in parts):
        raise DomainError("dwa_pattern_invalid", value=pattern)
    away, office = int(parts[0]), int(parts[1])
    if away + office != 5:
        raise DomainError("dwa_pattern_invalid", value=pattern)
    return away, office


def check_pattern(pattern: str, policy: Policy = DEFAULT_POLICY) -> str:
    """A pattern the agency offers (policy ``dwa_patterns``)."""
    parse_pattern(pattern)
    allowed = tuple(policy.dwa_patterns)
    if pattern not in allowed:
        raise DomainError("dwa_pattern_not_offered", value=pattern, allowed=", ".join(allowed))
    return pattern


def iso_week(day: dt.date) -> tuple[int, int]:
    year, week, _ = day.isocalendar()
    return year, week


def is_approved(arr: DwaArrangement) -> bool:
    """Approved: by its status, or (rows from before statuses existed) by an approver's name."""
    if arr.status == DwaStatus.REFUSED:
        return False
    return arr.status == DwaStatus.APPROVED or arr.approved_by is not None


def governing(day: dt.date, arrangements: Iterable[DwaArrangement]) -> DwaArrangement | None:
    """The approved arrangement in force on ``day`` (the latest-starting one if several)."""
    best: DwaArrangement | None = None
    for arr in arrangements:
        if not is_approved(arr) or arr.valid_from > day:
            continue
        if arr.valid_to is not None and arr.valid_to < day:
            continue
        if best is None or arr.valid_from > best.valid_from:
            best = arr
    return best


def away_limit(arrangement: DwaArrangement | None, policy: Policy = DEFAULT_POLICY) -> int:
    """Away days a week: the pattern's, never more than ``dwa_max_wfa_days_per_week``."""
    if arrangement is None:
        return 0
    return min(parse_pattern(arrangement.pattern)[0], policy.dwa_max_wfa_days_per_week)


def away_days_in_week(
    day: dt.date,
    week_modes: Mapping[dt.date, WorkMode | str],
    policy: Policy = DEFAULT_POLICY,
    days_off: Iterable[dt.date] = (),
) -> int:
    """Away days already chosen in ``day``'s ISO week, ``day`` itself left out (it is being chosen)."""
    off = set(days_off)
    week = iso_week(day)
    count = 0
    for other, mode in week_modes.items():
        if other == day or iso_week(other) != week:
            continue
        if other in off or not policy.is_working_day(other):
            continue
        if WorkMode(mode) in AWAY_MODES:
            count += 1
    return count


def check_day_mode(
    day: dt.date,
    mode: WorkMode | str,
    location: str,
    week_modes: Mapping[dt.date, WorkMode | str],
    arrangements: Iterable[DwaArrangement],
    policy: Policy = DEFAULT_POLICY,
    days_off: Iterable[dt.date] = (),
) -> WorkMode:
    """May this person work in ``mode`` on ``day``? Raises DomainError with the reason.

    ``week_modes`` holds the modes of the person's other report days (any range covering the
    week); ``days_off`` are leave days, not counted.
    """
    work_mode = WorkMode(mode)
    if work_mode in PLACE_MODES and not location.strip():
        raise DomainError("location_required_mode", mode=work_mode.value)
    if work_mode not in AWAY_MODES or not policy.is_working_day(day):
        return work_mode
    arrangement = governing(day, arrangements)
    if arrangement is None:
        raise DomainError("dwa_none", mode=work_mode.value, day=day.isoformat())
    limit = away_limit(arrangement, policy)
    used = away_days_in_week(day, week_modes, policy, days_off)
    if used + 1 > limit:
        raise DomainError("dwa_week_full", used=used, limit=limit, pattern=arrangement.pattern)
    return work_mode


@dataclass(frozen=True)
class ModeOutput:
    """One work mode's output over a period: the DWA evidence row."""

    mode: str
    days: int
    minutes: int
    volume: Decimal

    @property
    def minutes_per_day(self) -> Decimal:
        return Decimal(self.minutes) / self.days if self.days else Decimal(0)

    @property
    def volume_per_day(self) -> Decimal:
        return self.volume / self.days if self.days else Decimal(0)

    def as_dict(self) -> dict[str, object]:
        q = Decimal("0.01")
        return {
            "mode": self.mode,
            "days": self.days,
            "minutes": self.minutes,
            "volume": str(self.volume),
            "minutes_per_day": str(self.minutes_per_day.quantize(q)),
            "volume_per_day": str(self.volume_per_day.quantize(q)),
        }


def output_by_mode(rows: Iterable[tuple[str, dt.date, str, int, Decimal | float]]) -> list[ModeOutput]:
    """Approved output per person-day by work mode from (person, day, mode, minutes, volume) rows.

    A person-day is one day in one mode (a report has one mode), so days are distinct
    (person, day) pairs; modes come out in the fixed order WFO, WFH, WFA, DL.
    """
    days: dict[str, set[tuple[str, dt.date]]] = {}
    minutes: dict[str, int] = {}
    volume: dict[str, Decimal] = {}
    for person, day, mode, mins, vol in rows:
        key = WorkMode(mode).value
        days.setdefault(key, set()).add((person, day))
        minutes[key] = minutes.get(key, 0) + int(mins)
        volume[key] = volume.get(key, Decimal(0)) + Decimal(str(vol or 0))
    return [
        ModeOutput(m.value, len(days[m.value]), minutes[m.value], volume[m.value])
        for m in WorkMode
        if m.value in days
    ]


def check_decider(
    actor: Employee, applicant: Employee, arrangement: DwaArrangement, policy: Policy = DEFAULT_POLICY
) -> None:
    """The unit's JPT decides (or the direct superior when the policy says so), once."""
    if arrangement.status != DwaStatus.APPLIED:
        raise DomainError("dwa_decided", status=arrangement.status.value)
    if policy.dwa_decider == "superior":
        allowed = applicant.superior_id == actor.id
    else:
        allowed = actor.position_kind == PositionKind.JPT and actor.unit_id == applicant.unit_id
    if not allowed or actor.id == applicant.id:
        raise DomainError("not_dwa_decider")
