"""The monthly recap (DOMAIN.md steps 1-6), the rating matrix and DWA output comparison.

    >>> r = monthly_recap(approved_minutes=6300, target_minutes=6750, absent_days=1,
    ...                   negative_activities=2, ceiling=10_000_000)
    >>> r.effective, str(r.base), str(r.achievement), r.allowance
    (6000, '0.8889', '0.8289', 8288889)
"""

from __future__ import annotations

import calendar
import contextlib
import datetime as dt
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from fractions import Fraction
from typing import Any

from sk_tui.domain.enums import Expectation, Rating
from sk_tui.domain.errors import DomainError
from sk_tui.domain.i18n import grouped, text
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
    """The policy's working weekdays between start and end inclusive, minus its holidays."""
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


def target_days(
    month: str | dt.date,
    policy: Policy = DEFAULT_POLICY,
    post_start: dt.date | None = None,
    post_end: dt.date | None = None,
    excused_days: Iterable[dt.date] = (),
) -> tuple[int, int, int]:
    """(working days in the month, of them held in post, of those excused): the target's ratio
    is (held - excused) / all. Excused days are whole days of a target-reducing status."""
    first, last = month_bounds(month)
    all_days = working_days(first, last, policy)
    held = {
        d for d in all_days if (post_start is None or d >= post_start) and (post_end is None or d <= post_end)
    }
    excused = held & set(excused_days)
    return len(all_days), len(held), len(excused)


def prorated_target(
    month: str | dt.date,
    policy: Policy = DEFAULT_POLICY,
    post_start: dt.date | None = None,
    post_end: dt.date | None = None,
    excused_days: Iterable[dt.date] = (),
) -> Fraction:
    """monthly_target x (working days in post and not excused / working days in the month),
    exactly: a fraction, never rounded (DOMAIN.md "Exactness")."""
    all_days, held, excused = target_days(month, policy, post_start, post_end, excused_days)
    if not all_days:
        return Fraction(0)
    return Fraction(policy.monthly_target_minutes * (held - excused), all_days)


def _round_half_up(value: Fraction) -> int:
    return math.floor(value + Fraction(1, 2))


def _four(value: Fraction) -> Decimal:
    """A fraction shown to 4 decimals, half up (display only: the allowance uses the exact value)."""
    return (Decimal(_round_half_up(value * 10_000)) / 10_000).quantize(Decimal("0.0001"))


@dataclass(frozen=True)
class Recap:
    approved: int
    target: Fraction
    absent_days: int
    negative_activities: int
    effective: int
    base: Decimal
    achievement: Decimal
    ceiling: int
    allowance: int
    late_reports: int = 0
    late_minutes: int = 0
    penalty: Fraction = Fraction(0)

    def as_dict(self) -> dict:
        return {
            "approved": self.approved,
            "target": f"{float(self.target):.2f}" if self.target.denominator != 1 else str(self.target),
            "target_exact": str(self.target),
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


def monthly_recap(
    *,
    approved_minutes: int,
    target_minutes: int | Fraction,
    absent_days: int = 0,
    negative_activities: int = 0,
    ceiling: int = 0,
    policy: Policy = DEFAULT_POLICY,
    late_reports: int = 0,
    late_minutes: int = 0,
    event_penalties: Sequence[Decimal] = (),
) -> Recap:
    """Steps 3-6 of the recap; ``approved_minutes`` already excludes late reports (step 1).

    ``negative_activities`` each cost the policy's penalty; ``event_penalties`` are negative
    events with their own figure (one entry each). Everything is exact fractions until the
    allowance, round-half-up to whole rupiah; base and achievement are shown to 4 decimals.
    """
    target = Fraction(target_minutes)
    effective = max(0, approved_minutes - policy.absent_day_deduction_minutes * absent_days)
    exact_base = Fraction(0) if target <= 0 else min(Fraction(1), Fraction(effective) / target)
    penalty = Fraction(policy.negative_activity_penalty) * negative_activities + sum(
        (Fraction(p) for p in event_penalties), Fraction(0))
    exact_achievement = max(Fraction(0), exact_base - penalty)
    allowance = _round_half_up(ceiling * exact_achievement)
    return Recap(
        approved=approved_minutes,
        target=target,
        absent_days=absent_days,
        negative_activities=negative_activities + len(event_penalties),
        effective=effective,
        base=_four(exact_base),
        achievement=_four(exact_achievement),
        ceiling=ceiling,
        allowance=allowance,
        late_reports=late_reports,
        late_minutes=late_minutes,
        penalty=penalty,
    )


# --- every number explained (issue 10 point 6) ---------------------------------------------


@dataclass(frozen=True)
class NegativeItem:
    """One negative activity: an event HR recorded, or an overdue review (kind "overdue_review")."""

    day: dt.date | None
    kind: str
    reference: str = ""
    penalty: Decimal = Decimal(0)


@dataclass(frozen=True)
class Step:
    """One line of the explanation: a stable key (the label's catalogue key), the value as
    shown, and for a step with parts (negative events) the parts."""

    key: str
    value: str
    detail: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Explanation:
    month: str
    recap: Recap | None
    steps: list[Step]
    warnings: list[str]
    closed: bool
    policy_version: int | None

    def value(self, key: str) -> str:
        return next(s.value for s in self.steps if s.key == key)

    def step(self, key: str) -> Step:
        return next(s for s in self.steps if s.key == key)

    def figures(self) -> dict[str, Any]:
        """The month's figures as one flat JSON object: what a closed month freezes, what
        `server recap --format json|csv` prints (the same keys on every side)."""
        late, absent, excused = self.step("late"), self.step("absent"), self.step("excused")
        target, negative, ceiling = self.step("target"), self.step("negative"), self.step("ceiling")
        return {
            "month": self.month,
            "approved": int(self.value("approved")),
            "late_reports": int(late.value),
            "late_minutes": late.detail["minutes"],
            "absent_days": int(absent.value),
            "absent_deduction": absent.detail["deduction"],
            "absent_per_day": absent.detail["per_day"],
            "excused_days": int(excused.value),
            "excused_target_removed": excused.detail["removed"],
            "effective": int(self.value("effective")),
            "target": target.value,
            "target_exact": target.detail["exact"],
            "target_monthly": target.detail["monthly"],
            "target_days_held": target.detail["days_held"],
            "target_days_all": target.detail["days_all"],
            "base": self.value("base"),
            "negative_activities": int(negative.value),
            "negative_penalty": negative.detail["penalty"],
            "negative_events": negative.detail["items"],
            "achievement": self.value("achievement"),
            "job_class": ceiling.detail.get("job_class"),
            "ceiling": None if self.recap is None else self.recap.ceiling,
            "allowance": None if self.recap is None else self.recap.allowance,
            "policy_version": self.policy_version,
            "warnings": list(self.warnings),
        }


@dataclass(frozen=True)
class MonthInputs:
    """What the recap of one person-month reads, gathered by a store (local or server)."""

    approved_minutes: int
    late_reports: int = 0
    late_minutes: int = 0
    absent_days: Sequence[dt.date] = ()  # tanpa keterangan
    excused_days: Sequence[dt.date] = ()  # target-reducing statuses, whole days
    negatives: Sequence[NegativeItem] = ()
    job_class: int | None = None
    post_start: dt.date | None = None
    post_end: dt.date | None = None


def _two(value: Fraction) -> str:
    return f"{Decimal(_round_half_up(value * 100)) / 100:.2f}"


def month_target(month: str | dt.date, inputs: MonthInputs, policy: Policy) -> Fraction:
    """A person-month's target: days not in post and excused days (``target_reducing_statuses``)
    removed. The one home of that rule for the recap, its explanation and the report screen."""
    return prorated_target(month, policy, inputs.post_start, inputs.post_end, set(inputs.excused_days))


def recap_for(month: str, inputs: MonthInputs, policy: Policy) -> Recap:
    """The recap of a person-month from its inputs (raises DomainError on an unknown job class)."""
    ceiling = policy.ceiling_for(inputs.job_class)
    target = month_target(month, inputs, policy)
    absent = len(set(inputs.absent_days))
    overdue = [n for n in inputs.negatives if n.kind == OVERDUE_REVIEW]
    events = [policy.penalty_for(n.kind) for n in inputs.negatives if n.kind != OVERDUE_REVIEW]
    return monthly_recap(approved_minutes=inputs.approved_minutes, target_minutes=target, absent_days=absent,
                         negative_activities=len(overdue), ceiling=ceiling, policy=policy,
                         late_reports=inputs.late_reports, late_minutes=inputs.late_minutes,
                         event_penalties=events)


OVERDUE_REVIEW = "overdue_review"


def explain(
    month: str,
    inputs: MonthInputs,
    policy: Policy = DEFAULT_POLICY,
    *,
    policy_version: int | None = None,
    closed: bool = False,
    official: dict[str, Any] | None = None,
    policy_problem: str | None = None,
) -> Explanation:
    """The ordered steps behind one person-month's allowance (DOMAIN.md steps 1-6).

    Values are plain text (numbers unformatted, target and base to 2 or 4 decimals) so the
    TUI, the CLI and the server's recap show the same figures. An unknown job class is not a
    crash: the recap is None, the ceiling step says so and the warnings carry the reason.
    ``official``: a closed month's frozen figures, shown for the allowance instead of the
    preview (which is what the inputs give now). ``policy_problem``: why the agency's policy
    could not be read; the figures then come from the defaults and say so (never "official").
    """
    steps: list[Step] = []
    warnings: list[str] = []
    first = month_bounds(month)[0]
    if policy_problem is not None:
        warnings.append(f"policy_unreadable:{policy_problem}")
    missing = policy.missing_holiday_years(first.year)
    if missing:
        warnings.append(f"holidays_missing:{missing[0]}")
    all_days, held, excused = target_days(month, policy, inputs.post_start, inputs.post_end,
                                          set(inputs.excused_days))
    try:
        recap: Recap | None = recap_for(month, inputs, policy)
    except DomainError as exc:
        recap = None
        warnings.append(f"{exc.code}:{exc.params.get('job_class')}")
    target = month_target(month, inputs, policy)
    absent = len(set(inputs.absent_days))
    deduction = policy.absent_day_deduction_minutes * absent
    effective = max(0, inputs.approved_minutes - deduction)
    full = Fraction(policy.monthly_target_minutes * held, all_days) if all_days else Fraction(0)
    steps.append(Step("approved", str(inputs.approved_minutes)))
    steps.append(Step("late", str(inputs.late_reports), {"minutes": inputs.late_minutes}))
    steps.append(Step("absent", str(absent), {"deduction": deduction,
                                               "per_day": policy.absent_day_deduction_minutes}))
    steps.append(Step("excused", str(excused), {"removed": _two(full - target)}))
    steps.append(Step("effective", str(effective)))
    steps.append(Step("target", _two(target), {"exact": str(target), "days_held": held - excused,
                                                "days_all": all_days, "monthly": policy.monthly_target_minutes}))
    base = Fraction(0) if target <= 0 else min(Fraction(1), Fraction(effective) / target)
    steps.append(Step("base", str(_four(base))))
    items = []
    for n in inputs.negatives:
        cost = policy.negative_activity_penalty if n.kind == OVERDUE_REVIEW else policy.penalty_for(n.kind)
        items.append({"day": n.day.isoformat() if n.day else "", "kind": n.kind, "reference": n.reference,
                      "penalty": str(cost)})
    penalty = sum((Fraction(Decimal(i["penalty"])) for i in items), Fraction(0))
    steps.append(Step("negative", str(len(items)), {"penalty": str(_four(penalty)), "items": items}))
    steps.append(Step("achievement", str(recap.achievement) if recap else str(_four(max(Fraction(0), base - penalty)))))
    if recap is None:
        steps.append(Step("ceiling", "?", {"job_class": inputs.job_class}))
        steps.append(Step("allowance", "?"))
    else:
        steps.append(Step("ceiling", str(recap.ceiling), {"job_class": inputs.job_class}))
        steps.append(Step("allowance", str(recap.allowance)))
    steps.append(Step("policy", "" if policy_version is None else str(policy_version),
                      {"unreadable": policy_problem} if policy_problem is not None else {}))
    if official is not None:
        steps.append(Step("official", str(official.get("allowance", "")), {"figures": official}))
    steps.append(Step("closed", "yes" if closed else "no", {"policy_version": policy_version}))
    return Explanation(month=first.strftime("%Y-%m"), recap=recap, steps=steps, warnings=warnings,
                       closed=closed, policy_version=policy_version)


# figures() key -> (step, detail key or "" for the step's value): how a frozen month's figures
# become its steps again
_FROZEN_STEPS: dict[str, tuple[str, str]] = {
    "approved": ("approved", ""), "late_reports": ("late", ""), "late_minutes": ("late", "minutes"),
    "absent_days": ("absent", ""), "absent_deduction": ("absent", "deduction"), "absent_per_day": ("absent", "per_day"),
    "excused_days": ("excused", ""), "excused_target_removed": ("excused", "removed"),
    "effective": ("effective", ""), "target": ("target", ""), "target_exact": ("target", "exact"),
    "target_monthly": ("target", "monthly"), "target_days_held": ("target", "days_held"),
    "target_days_all": ("target", "days_all"), "base": ("base", ""), "negative_activities": ("negative", ""),
    "negative_penalty": ("negative", "penalty"), "negative_events": ("negative", "items"),
    "achievement": ("achievement", ""), "job_class": ("ceiling", "job_class"), "ceiling": ("ceiling", ""),
    "allowance": ("allowance", ""),
}


def frozen_explanation(preview: Explanation, figures: dict[str, Any], policy_version: int | None) -> Explanation:
    """A closed month as HR froze it: every step from the snapshot's figures (what the server
    computed at close-month with policy ``policy_version``), not from today's local inputs.
    A figure the snapshot lacks (one frozen by an older server) keeps the preview's value."""
    steps = {s.key: Step(s.key, s.value, dict(s.detail)) for s in preview.steps}
    for name, (key, part) in _FROZEN_STEPS.items():
        if name not in figures or (figures[name] is None and name != "job_class"):
            continue
        step = steps[key]
        if part:
            step.detail[part] = figures[name]
        else:
            steps[key] = Step(key, str(figures[name]), step.detail)
    version = figures.get("policy_version", policy_version) if policy_version is None else policy_version
    steps["policy"] = Step("policy", "" if version is None else str(version))
    steps["official"] = Step("official", str(figures.get("allowance", "")), {"figures": figures})
    steps["closed"] = Step("closed", "yes", {"policy_version": version})
    order = [s.key for s in preview.steps if s.key not in ("official", "closed")] + ["official", "closed"]
    recap = preview.recap
    with contextlib.suppress(KeyError, TypeError, ValueError, ArithmeticError):  # an older or partial snapshot
        recap = Recap(approved=int(figures["approved"]), target=Fraction(str(figures["target_exact"])),
                      absent_days=int(figures["absent_days"]), negative_activities=int(figures["negative_activities"]),
                      effective=int(figures["effective"]), base=Decimal(str(figures["base"])),
                      achievement=Decimal(str(figures["achievement"])), ceiling=int(figures["ceiling"]),
                      allowance=int(figures["allowance"]), late_reports=int(figures["late_reports"]),
                      late_minutes=int(figures["late_minutes"]), penalty=Fraction(str(figures["negative_penalty"])))
    warnings = figures.get("warnings")
    return Explanation(month=preview.month, recap=recap, steps=[steps[k] for k in order],
                       warnings=list(warnings) if isinstance(warnings, list) else preview.warnings,
                       closed=True, policy_version=version if isinstance(version, int) else policy_version)


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


# --- the explanation as people read it (the TUI, `sk-tui recap` and `server recap` share it) ---

STEP_KEYS = ("approved", "late", "absent", "excused", "effective", "target", "base", "negative",
             "achievement", "ceiling", "allowance", "policy", "official", "closed")
# Each step's label and value texts live in the one catalogue (domain/i18n.py, "explain.*").
_KIND_KEYS: dict[str, str] = {OVERDUE_REVIEW: "explain.kind.overdue_review",
                              # the kinds HR enters most (an agency's own kinds show as entered)
                              "hukuman_disiplin": "explain.kind.hukuman_disiplin",
                              "lhkpn": "explain.kind.lhkpn", "lainnya": "explain.kind.lainnya"}


def _rp(value: object, lang: str) -> str:
    return "Rp " + grouped(int(str(value)), lang) if str(value).lstrip("-").isdigit() else "?"


def _pct(value: str, lang: str) -> str:
    return grouped(float(value) * 100, lang, 2) + "%"


def describe(explanation: Explanation, lang: str = "id") -> list[tuple[str, str]]:
    """(label, value) lines of an explanation in ``lang`` (Indonesian unless "en")."""

    def say(key: str, **params: object) -> str:
        return text("explain." + key, lang, **params)

    def days(n: object) -> str:
        # English counts "1 day" but "2 days"; Indonesian has no plural.
        return say("day_one" if str(n) == "1" else "days", n=n)

    lines: list[tuple[str, str]] = []
    for step in explanation.steps:
        label = say("step." + step.key)
        d = step.detail
        if step.key in ("approved", "effective"):
            value = say("minutes", n=grouped(step.value, lang))
        elif step.key == "late":
            value = say("late_value", n=step.value, minutes=grouped(d["minutes"], lang))
        elif step.key == "absent":
            value = say("absent_value", days=days(step.value), per_day=d["per_day"],
                        deduction=grouped(d["deduction"], lang))
        elif step.key == "excused":
            value = say("excused_value", days=days(step.value), removed=grouped(d["removed"], lang, 2))
        elif step.key == "target":
            value = say("target_value", n=grouped(step.value, lang, 2), monthly=grouped(d["monthly"], lang),
                        held=d["days_held"], all=d["days_all"])
        elif step.key in ("base", "achievement"):
            value = _pct(step.value, lang)
        elif step.key == "negative":
            value = say("negative_value", n=step.value, penalty=_pct(d["penalty"], lang))
        elif step.key == "ceiling":
            value = say("job_class", job_class=d.get("job_class")) + (
                _rp(step.value, lang) if step.value != "?" else say("not_in_ceiling"))
        elif step.key in ("allowance", "official"):
            value = _rp(step.value, lang)
        elif step.key == "policy" and d.get("unreadable") is not None:
            value = say("policy_unreadable_value")
        elif step.key == "policy":
            value = f"v{step.value}" if step.value else say("policy_local")
        elif step.key == "closed":
            value = say("closed_yes") if step.value == "yes" else say("closed_no")
            if step.value == "yes" and d.get("policy_version") is not None:
                value += say("closed_policy", version=d["policy_version"])
        else:
            value = step.value
        lines.append((label, value))
        if step.key == "negative":
            for item in d["items"]:
                kind_key = _KIND_KEYS.get(item["kind"])
                kind = text(kind_key, lang) if kind_key else item["kind"]
                when = item["day"] or "–"
                ref = f" {item['reference']}" if item["reference"] else ""
                lines.append(("", f"  {when} {kind}{ref}: −{_pct(item['penalty'], lang)}"))
    for warning in explanation.warnings:
        code, _, arg = warning.partition(":")
        if code in ("holidays_missing", "policy_unreadable", "job_class_unknown"):
            lines.append(("⚠", say("warn." + code, arg=arg)))
    return lines
