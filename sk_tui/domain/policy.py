"""The agency's numbers (DOMAIN.md "Policy defaults"), overridable by one TOML file.

A plain class: every start of the app and of a command reads the defaults, and building the
pydantic model cost a headless `report add` a seventh of its time. The rules of each value
(bounds, types, the refusals' words) live in ``policy_model.py``, which checks every policy
given here (``Policy(...)``, ``from_toml_text``); the defaults live here (``DEFAULTS``).

    >>> Policy().monthly_target_minutes
    6750
    >>> Policy.from_toml_text('monthly_target_minutes = 6000').monthly_target_minutes
    6000
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Literal, get_args

from sk_tui.domain.enums import AttendanceStatus
from sk_tui.domain.lazy import lazy_module

if TYPE_CHECKING:
    import tomllib
else:
    tomllib = lazy_module("tomllib")  # only for a policy given as TOML

# An example ceiling table (rupiah per month by job class); an agency ships its own.
EXAMPLE_JOB_CLASS_CEILING: dict[int, int] = {
    1: 1_968_000,
    2: 2_116_000,
    3: 2_275_000,
    4: 2_534_000,
    5: 2_702_000,
    6: 3_063_000,
    7: 3_915_000,
    8: 4_595_000,
    9: 5_079_000,
    10: 5_979_000,
    11: 8_757_000,
    12: 9_896_000,
    13: 10_936_000,
    14: 17_064_000,
    15: 19_280_000,
    16: 27_577_000,
    17: 33_240_000,
}

# Indonesian national holidays and collective leave (cuti bersama) for the years the demo uses,
# 2025-2027 (2027 from the expected calendar); an agency lists its own in policy.toml.
DEFAULT_HOLIDAYS: tuple[str, ...] = (
    "2025-01-01", "2025-01-27", "2025-01-28", "2025-01-29", "2025-03-28", "2025-03-31",
    "2025-04-01", "2025-04-02", "2025-04-03", "2025-04-04", "2025-04-07", "2025-04-18",
    "2025-05-01", "2025-05-12", "2025-05-13", "2025-05-29", "2025-05-30", "2025-06-06",
    "2025-06-09", "2025-06-27", "2025-08-18", "2025-09-05", "2025-12-25", "2025-12-26",
    "2026-01-01", "2026-01-16", "2026-02-17", "2026-03-19", "2026-03-20", "2026-03-23",
    "2026-03-24", "2026-04-03", "2026-05-01", "2026-05-14", "2026-05-27", "2026-05-31",
    "2026-06-01", "2026-06-16", "2026-08-17", "2026-08-25", "2026-12-24", "2026-12-25",
    "2027-01-01", "2027-01-05", "2027-02-08", "2027-03-09", "2027-03-10", "2027-03-11",
    "2027-03-12", "2027-03-26", "2027-05-06", "2027-05-17", "2027-05-20", "2027-06-01",
    "2027-08-17", "2027-12-24",
)

ATTENDANCE_STATUSES: tuple[str, ...] = get_args(AttendanceStatus)  # the one list: enums.AttendanceStatus


# Each value's default (a factory: no two policies share a dict); the model declares these.
DEFAULTS: dict[str, Any] = {
    "monthly_target_minutes": lambda: 6750,
    "absent_day_deduction_minutes": lambda: 300,
    "negative_activity_penalty": lambda: Decimal("0.03"),
    "report_deadline": lambda: dt.time(16, 0),
    "late_report_max_days": lambda: 3,
    "review_window_working_days": lambda: 3,
    "overdue_review_unit": lambda: "per_report_day",
    "max_clock_skew_minutes": lambda: 10,
    "server_max_work_date_age_days": lambda: 45,
    "daily_minutes_warn": lambda: 660,
    "daily_minutes_max": lambda: 1440,
    "dwa_max_wfa_days_per_week": lambda: 4,
    "dwa_patterns": lambda: ("3-2", "4-1", "1-4"),
    "dwa_decider": lambda: "jpt",
    "timezone": lambda: "Asia/Jakarta",
    "job_class_ceiling": lambda: dict(EXAMPLE_JOB_CLASS_CEILING),
    "holidays": lambda: frozenset(dt.date.fromisoformat(d) for d in DEFAULT_HOLIDAYS),
    "working_weekdays": lambda: frozenset({1, 2, 3, 4, 5}),
    "target_reducing_statuses": lambda: frozenset({"cuti", "sakit"}),
    "negative_kind_penalty": dict,
}


def _model() -> Any:
    from sk_tui.domain.policy_model import Policy as Model

    return Model


class Policy:
    """The agency's policy: immutable values, the defaults unless given (see the module
    docstring). ``Policy(**values)`` and ``from_toml_text`` validate with the model (its
    ValidationError, word for word); ``Policy()`` is the defaults, without pydantic."""

    __slots__ = tuple(DEFAULTS)

    monthly_target_minutes: int
    absent_day_deduction_minutes: int
    negative_activity_penalty: Decimal
    report_deadline: dt.time
    late_report_max_days: int
    review_window_working_days: int
    overdue_review_unit: Literal["per_report_day"]
    max_clock_skew_minutes: int
    server_max_work_date_age_days: int
    daily_minutes_warn: int
    daily_minutes_max: int
    dwa_max_wfa_days_per_week: int
    dwa_patterns: tuple[str, ...]
    dwa_decider: Literal["jpt", "superior"]
    timezone: str
    job_class_ceiling: dict[int, int]
    holidays: frozenset[dt.date]
    working_weekdays: frozenset[int]
    target_reducing_statuses: frozenset[str]
    negative_kind_penalty: dict[str, Decimal]

    def __init__(self, **values: Any) -> None:
        if values:  # the model checks and converts them (TOML's text keys, lists as sets, ...)
            checked = _model().model_validate(values)
            values = {name: getattr(checked, name) for name in DEFAULTS}
        else:
            values = {name: factory() for name, factory in DEFAULTS.items()}
        for name in DEFAULTS:
            object.__setattr__(self, name, values[name])

    @classmethod
    def _unchecked(cls, values: dict[str, Any]) -> Policy:
        policy = cls.__new__(cls)
        for name, factory in DEFAULTS.items():
            object.__setattr__(policy, name, values[name] if name in values else factory())
        return policy

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError(f"Policy is frozen: {name} cannot be set")

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Policy):
            return NotImplemented
        return all(getattr(self, name) == getattr(other, name) for name in DEFAULTS)

    __hash__ = None  # type: ignore[assignment]  # mutable tables inside, as the model's was

    def __repr__(self) -> str:
        return "Policy(" + ", ".join(f"{name}={getattr(self, name)!r}" for name in DEFAULTS) + ")"

    def model_dump(self, *, mode: str = "python") -> dict[str, Any]:
        """The values as the model dumps them (``mode="json"``: its JSON forms)."""
        values = {name: getattr(self, name) for name in DEFAULTS}
        if mode == "python":
            return values
        return dict(_model().model_construct(**values).model_dump(mode=mode))

    def model_copy(self, *, update: dict[str, Any] | None = None) -> Policy:
        """A copy with ``update`` taken as given (not validated, as pydantic's model_copy)."""
        return Policy._unchecked({**{name: getattr(self, name) for name in DEFAULTS}, **(update or {})})

    @classmethod
    def from_toml_text(cls, text: str) -> Policy:
        return cls(**tomllib.loads(text))

    def has_ceiling(self, job_class: int | None) -> bool:
        return job_class is not None and job_class in self.job_class_ceiling

    def ceiling_for(self, job_class: int | None) -> int:
        """The post's ceiling; a job class the table lacks is an error (never a silent Rp 0)."""
        if not self.has_ceiling(job_class):
            from sk_tui.domain.errors import DomainError

            raise DomainError("job_class_unknown", job_class=job_class)
        return self.job_class_ceiling[job_class]  # type: ignore[index]

    def known_job_class(self, value: str | int) -> int:
        """A job class given by an admin (a CSV cell or `user-add --job-class`), checked against the
        ceiling table; one refusal, worded the same for every way in."""
        text = str(value).strip()
        if not text.isdigit() or not self.has_ceiling(int(text)):
            from sk_tui.domain.errors import DomainError

            raise DomainError("job_class_not_in_table", job_class=text,
                              low=min(self.job_class_ceiling, default="-"), high=max(self.job_class_ceiling, default="-"))
        return int(text)

    def penalty_for(self, kind: str | None) -> Decimal:
        """What one negative event of ``kind`` costs (an overdue review: kind None)."""
        if kind is not None and kind in self.negative_kind_penalty:
            return self.negative_kind_penalty[kind]
        return self.negative_activity_penalty

    def is_working_day(self, day: dt.date) -> bool:
        return day.isoweekday() in self.working_weekdays and day not in self.holidays

    def missing_holiday_years(self, *years: int) -> list[int]:
        """Years among ``years`` without a single holiday listed (the recap warns about them)."""
        listed = {d.year for d in self.holidays}
        return [y for y in years if y not in listed]

    def fingerprint(self) -> str:
        """sha256 of the policy's canonical JSON: the same numbers give the same hash."""
        import hashlib
        import json

        data = self.model_dump(mode="json")  # pydantic's JSON forms: the hashes stay as they were
        canonical = json.dumps(_sorted(data), sort_keys=True, separators=(",", ":"), ensure_ascii=False)
        return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def _sorted(value: object) -> object:
    # sets dump as lists in iteration order; sort them so the hash does not depend on it
    if isinstance(value, list):
        return sorted((_sorted(v) for v in value), key=repr)
    if isinstance(value, dict):
        return {k: _sorted(v) for k, v in value.items()}
    return value


# The defaults, without pydantic (a headless command and the app's first frame use them);
# tests/unit/test_policy_config.py checks they equal what the model gives.
DEFAULT_POLICY = Policy()
