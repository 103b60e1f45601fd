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

# Indonesian national holidays and collective leave for the demo years (agency-overridable).
DEFAULT_HOLIDAYS: tuple[str, ...] = (
    "2026-01-01", "2026-01-16", "2026-02-17", "2026-03-19", "2026-03-20", "2026-03-23",
    "2026-03-24", "2026-04-03", "2026-05-01", "2026-05-14", "2026-05-27", "2026-05-31",
    "2026-06-01", "2026-06-16", "2026-08-17", "2026-08-25", "2026-12-24", "2026-12-25",
    "2027-01-01",
)


class Policy(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)

    # upper bounds: a month has at most 31 * 1440 minutes, a day 1440, a year 366 days
    monthly_target_minutes: int = Field(default=6750, gt=0, le=31 * 1440)
    absent_day_deduction_minutes: int = Field(default=300, ge=0, le=1440)
    negative_activity_penalty: Decimal = Field(default=Decimal("0.03"), ge=0, le=1)
    report_deadline: dt.time = dt.time(16, 0)
    late_report_max_days: int = Field(default=3, ge=0, le=366)
    review_window_working_days: int = Field(default=3, ge=1, le=366)
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

    @field_validator("job_class_ceiling", mode="before")
    @classmethod
    def _int_keys(cls, value: dict) -> dict[int, int]:
        # TOML table keys are strings.
        return {int(k): int(v) for k, v in dict(value).items()}

    @classmethod
    def from_toml_text(cls, text: str) -> Policy:
        return cls.model_validate(tomllib.loads(text))

    def ceiling_for(self, job_class: int) -> int:
        return self.job_class_ceiling.get(job_class, 0)

    def is_working_day(self, day: dt.date) -> bool:
        return day.weekday() < 5 and day not in self.holidays


DEFAULT_POLICY = Policy()
