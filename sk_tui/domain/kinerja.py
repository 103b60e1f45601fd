"""The monthly recap (DOMAIN.md steps 1-6), the rating matrix and DWA output comparison.

    >>> r = monthly_recap(approved_minutes=6300, target_minutes=6750, absent_days=1,
    ...                   negative_activities=2, ceiling=10_000_000)
    >>> r.effective, str(r.base), str(r.achievement), r.allowance
    (6000, '0.8889', '0.8289', 8288889)
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from sk_tui.domain.models import Expectation, Rating
from sk_tui.domain.policy import DEFAULT_POLICY, Policy


def month_bounds(month: str | dt.date) -> tuple[dt.date, dt.date]:
    """First and last day of a month given as 'YYYY-MM' or any date in it."""
    if isinstance(month, str):
        year, mon = (int(p) for p in month.split("-"))
    else:
        year, mon = month.year, month.month
    last = calendar.monthrange(year, mon)[1]
    return dt.date(year, mon, 1), dt.date(year, mon, last)


def working_days(start: dt.date, end: dt.date, policy: Policy = DEFAULT_POLICY) -> list[dt.date]:
    """Monday-Friday between start and end inclusive, minus the agency's holidays."""
    days = []
    day = start
    while day <= end:
        if policy.is_working_day(day):
            days.append(day)
        day += dt.timedelta(days=1)
    return days


def add_working_days(day: dt.date, count: int, policy: Policy = DEFAULT_POLICY) -> dt.date:
    """The working day ``count`` working days after ``day``."""
    while count > 0:
        day += dt.timedelta(days=1)
        if policy.is_working_day(day):
            count -= 1
    return day


def is_late(
    work_date: dt.date, submitted_at: dt.datetime | None, policy: Policy, timezone: str | None = None
) -> bool:
    """Submitted (device time) more than late_report_max_days calendar days after the work date.

    Days are counted on the local calendar (``timezone``, else the policy's), not in UTC.
    """
    if submitted_at is None:
        return False
    if submitted_at.tzinfo is not None:
        from zoneinfo import ZoneInfo

        submitted_at = submitted_at.astimezone(ZoneInfo(timezone or policy.timezone))
    return (submitted_at.date() - work_date).days > policy.late_report_max_days


def prorated_target(
    month: str | dt.date,
    policy: Policy = DEFAULT_POLICY,
    post_start: dt.date | None = None,
    post_end: dt.date | None = None,
) -> int:
    """monthly_target x (working days holding the post / working days in the month), rounded."""
    first, last = month_bounds(month)
    all_days = working_days(first, last, policy)
    if not all_days:
        return 0
    held = [
        d for d in all_days if (post_start is None or d >= post_start) and (post_end is None or d <= post_end)
    ]
    share = Decimal(policy.monthly_target_minutes) * len(held) / len(all_days)
    return int(share.quantize(Decimal(1), rounding=ROUND_HALF_UP))


@dataclass(frozen=True)
class Recap:
    approved: int
    target: int
    absent_days: int
    negative_activities: int
    effective: int
    base: Decimal
    achievement: Decimal
    ceiling: int
    allowance: int
    late_reports: int = 0
    late_minutes: int = 0

    def as_dict(self) -> dict:
        return {
            "approved": self.approved,
            "target": self.target,
            "absent_days": self.absent_days,
            "negative_activities": self.negative_activities,
            "effective": self.effective,
            "base": str(self.base),
            "achievement": str(self.achievement),
            "ceiling": self.ceiling,
            "allowance": self.allowance,
            "late_reports": self.late_reports,
            "late_minutes": self.late_minutes,
        }


_FOUR = Decimal("0.0001")


def monthly_recap(
    *,
    approved_minutes: int,
    target_minutes: int,
    absent_days: int = 0,
    negative_activities: int = 0,
    ceiling: int = 0,
    policy: Policy = DEFAULT_POLICY,
    late_reports: int = 0,
    late_minutes: int = 0,
) -> Recap:
    """Steps 3-6 of the recap; ``approved_minutes`` already excludes late reports (step 1).

    base and achievement are computed exactly and reported to 4 decimals; the allowance comes
    from the exact achievement, round-half-up to whole rupiah (the DOMAIN.md example).
    """
    effective = max(0, approved_minutes - policy.absent_day_deduction_minutes * absent_days)
    if target_minutes <= 0:
        exact_base = Decimal(0)
    else:
        exact_base = min(Decimal(1), Decimal(effective) / Decimal(target_minutes))
    exact_achievement = max(
        Decimal(0), exact_base - policy.negative_activity_penalty * negative_activities
    )
    allowance = int(
        (Decimal(ceiling) * exact_achievement).quantize(Decimal(1), rounding=ROUND_HALF_UP)
    )
    base = exact_base.quantize(_FOUR, rounding=ROUND_HALF_UP)
    achievement = exact_achievement.quantize(_FOUR, rounding=ROUND_HALF_UP)
    return Recap(
        approved=approved_minutes,
        target=target_minutes,
        absent_days=absent_days,
        negative_activities=negative_activities,
        effective=effective,
        base=base,
        achievement=achievement,
        ceiling=ceiling,
        allowance=allowance,
        late_reports=late_reports,
        late_minutes=late_minutes,
    )


_MATRIX: dict[tuple[Expectation, Expectation], Rating] = {
    (Expectation.ABOVE, Expectation.BELOW): Rating.KURANG,
    (Expectation.ABOVE, Expectation.AS_EXPECTED): Rating.BAIK,
    (Expectation.ABOVE, Expectation.ABOVE): Rating.SANGAT_BAIK,
    (Expectation.AS_EXPECTED, Expectation.BELOW): Rating.KURANG,
    (Expectation.AS_EXPECTED, Expectation.AS_EXPECTED): Rating.BAIK,
    (Expectation.AS_EXPECTED, Expectation.ABOVE): Rating.BAIK,
    (Expectation.BELOW, Expectation.BELOW): Rating.SANGAT_KURANG,
    (Expectation.BELOW, Expectation.AS_EXPECTED): Rating.BUTUH_PERBAIKAN,
    (Expectation.BELOW, Expectation.ABOVE): Rating.BUTUH_PERBAIKAN,
}


def performance_rating(results: Expectation, behaviour: Expectation) -> Rating:
    """PermenPANRB 6/2022 matrix: work results x work behaviour -> predikat kinerja."""
    return _MATRIX[(Expectation(results), Expectation(behaviour))]


def pace_projection(done: float, elapsed_days: int, total_days: int) -> float:
    """Where the period ends at the current pace: done / elapsed x total."""
    if elapsed_days <= 0:
        return 0.0
    return done / elapsed_days * total_days


def output_per_day_by_mode(rows: list[tuple[str, int]]) -> dict[str, float]:
    """DWA check: mean minutes per reported day by work mode, from (mode, day_minutes) rows."""
    sums: dict[str, list[int]] = {}
    for mode, minutes in rows:
        sums.setdefault(str(mode), []).append(minutes)
    return {mode: sum(v) / len(v) for mode, v in sums.items()}
