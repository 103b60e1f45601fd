"""The agency's numbers (DOMAIN.md "Policy defaults"), overridable by one TOML file.

    >>> Policy().monthly_target_minutes
    6750
    >>> Policy.from_toml_text('monthly_target_minutes = 6000').monthly_target_minutes
    6000
"""

from __future__ import annotations

import datetime as dt
import tomllib
from decimal import Decimal
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

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

ATTENDANCE_STATUSES = ("hadir", "cuti", "sakit", "izin", "dinas_luar", "tanpa_keterangan")


class Policy(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)

    # upper bounds: a month has at most 31 * 1440 minutes, a day 1440, a year 366 days
    monthly_target_minutes: int = Field(default=6750, gt=0, le=31 * 1440)
    absent_day_deduction_minutes: int = Field(default=300, ge=0, le=1440)
    negative_activity_penalty: Decimal = Field(default=Decimal("0.03"), ge=0, le=1)
    report_deadline: dt.time = dt.time(16, 0)
    late_report_max_days: int = Field(default=3, ge=0, le=366)
    review_window_working_days: int = Field(default=3, ge=1, le=366)
    # what one overdue verification is: per_report_day = one negative activity for the lead per
    # member, work date and team left undecided past the window (DOMAIN.md, Teams of Teams)
    overdue_review_unit: Literal["per_report_day"] = "per_report_day"
    # a device time may run this far ahead of the server's receipt (field staff submit offline,
    # so an earlier device time stands; a later one is a wrong clock)
    max_clock_skew_minutes: int = Field(default=10, ge=0, le=1440)
    server_max_work_date_age_days: int = Field(default=45, ge=1, le=3660)
    daily_minutes_warn: int = Field(default=660, gt=0, le=1440)
    daily_minutes_max: int = Field(default=1440, gt=0, le=1440)
    dwa_max_wfa_days_per_week: int = Field(default=4, ge=0, le=5)
    # DWA patterns the agency offers, 'away-office' days a week (Pergub Jabar 102/2022)
    dwa_patterns: tuple[str, ...] = Field(default=("3-2", "4-1", "1-4"), max_length=10)
    # who decides a DWA application: the unit's JPT, or the applicant's direct superior
    dwa_decider: Literal["jpt", "superior"] = "jpt"
    timezone: str = Field(default="Asia/Jakarta", min_length=1, max_length=64)
    job_class_ceiling: dict[int, int] = Field(
        default_factory=lambda: dict(EXAMPLE_JOB_CLASS_CEILING)
    )
    holidays: frozenset[dt.date] = Field(
        default_factory=lambda: frozenset(dt.date.fromisoformat(d) for d in DEFAULT_HOLIDAYS)
    )
    # ISO weekday numbers (1 = Monday) that are working days
    working_weekdays: frozenset[int] = Field(default=frozenset({1, 2, 3, 4, 5}), min_length=1, max_length=7)
    # attendance statuses whose whole days lower the month's target like days not in post
    target_reducing_statuses: frozenset[str] = frozenset({"cuti", "sakit"})
    # negative event kind -> its own penalty (else negative_activity_penalty)
    negative_kind_penalty: dict[str, Decimal] = Field(default_factory=dict, max_length=100)

    @field_validator("job_class_ceiling", mode="before")
    @classmethod
    def _int_keys(cls, value: dict) -> dict[int, int]:
        # TOML table keys are strings.
        return {int(k): int(v) for k, v in dict(value).items()}

    @field_validator("working_weekdays")
    @classmethod
    def _iso_weekdays(cls, value: frozenset[int]) -> frozenset[int]:
        if not all(1 <= d <= 7 for d in value):
            raise ValueError("ISO weekday numbers are 1 (Monday) to 7 (Sunday)")
        return value

    @field_validator("target_reducing_statuses")
    @classmethod
    def _known_statuses(cls, value: frozenset[str]) -> frozenset[str]:
        unknown = sorted(set(value) - set(ATTENDANCE_STATUSES))
        if unknown:
            raise ValueError(f"unknown attendance status {unknown[0]!r} (one of {', '.join(ATTENDANCE_STATUSES)})")
        return value

    @field_validator("negative_kind_penalty")
    @classmethod
    def _penalties(cls, value: dict[str, Decimal]) -> dict[str, Decimal]:
        for kind, penalty in value.items():
            if not (0 < len(kind) <= 64) or not (0 <= penalty <= 1):
                raise ValueError(f"negative_kind_penalty.{kind}: a kind of 1-64 characters, a penalty from 0 to 1")
        return value

    @classmethod
    def from_toml_text(cls, text: str) -> Policy:
        return cls.model_validate(tomllib.loads(text))

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

        data = self.model_dump(mode="json")
        canonical = json.dumps(_sorted(data), sort_keys=True, separators=(",", ":"), ensure_ascii=False)
        return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def _sorted(value: object) -> object:
    # sets dump as lists in iteration order; sort them so the hash does not depend on it
    if isinstance(value, list):
        return sorted((_sorted(v) for v in value), key=repr)
    if isinstance(value, dict):
        return {k: _sorted(v) for k, v in value.items()}
    return value


# The defaults are the domain's own constants, taken as they are (model_construct): building
# Policy's validator at import was a tenth of a headless `sk-tui report add`, and of the app's
# start before its first frame. A policy.toml is still validated (Policy.from_toml_text);
# tests/unit/test_policy_config.py checks these equal Policy().
DEFAULT_POLICY = Policy.model_construct()
