"""The rules of the agency's policy values as a pydantic model: bounds, types and the
validators' words, in one place. ``sk_tui.domain.policy.Policy`` (a plain class: a headless
command and the app's start read the defaults without pydantic) validates every policy it is
given with this model, so a refusal is this model's ValidationError, word for word. The
defaults are ``policy.DEFAULTS``'s."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from sk_tui.domain.policy import ATTENDANCE_STATUSES, DEFAULTS


class Policy(BaseModel):
    """Named Policy: its refusals read "validation error for Policy", as they always have."""

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)

    # upper bounds: a month has at most 31 * 1440 minutes, a day 1440, a year 366 days
    monthly_target_minutes: int = Field(default=DEFAULTS["monthly_target_minutes"](), gt=0, le=31 * 1440)
    absent_day_deduction_minutes: int = Field(default=DEFAULTS["absent_day_deduction_minutes"](), ge=0, le=1440)
    negative_activity_penalty: Decimal = Field(default=DEFAULTS["negative_activity_penalty"](), ge=0, le=1)
    report_deadline: dt.time = DEFAULTS["report_deadline"]()
    late_report_max_days: int = Field(default=DEFAULTS["late_report_max_days"](), ge=0, le=366)
    review_window_working_days: int = Field(default=DEFAULTS["review_window_working_days"](), ge=1, le=366)
    # what one overdue verification is: per_report_day = one negative activity for the lead per
    # member, work date and team left undecided past the window (DOMAIN.md, Teams of Teams)
    overdue_review_unit: Literal["per_report_day"] = DEFAULTS["overdue_review_unit"]()
    # a device time may run this far ahead of the server's receipt (field staff submit offline,
    # so an earlier device time stands; a later one is a wrong clock)
    max_clock_skew_minutes: int = Field(default=DEFAULTS["max_clock_skew_minutes"](), ge=0, le=1440)
    server_max_work_date_age_days: int = Field(default=DEFAULTS["server_max_work_date_age_days"](), ge=1, le=3660)
    daily_minutes_warn: int = Field(default=DEFAULTS["daily_minutes_warn"](), gt=0, le=1440)
    daily_minutes_max: int = Field(default=DEFAULTS["daily_minutes_max"](), gt=0, le=1440)
    dwa_max_wfa_days_per_week: int = Field(default=DEFAULTS["dwa_max_wfa_days_per_week"](), ge=0, le=5)
    # DWA patterns the agency offers, 'away-office' days a week (Pergub Jabar 102/2022)
    dwa_patterns: tuple[str, ...] = Field(default=DEFAULTS["dwa_patterns"](), max_length=10)
    # who decides a DWA application: the unit's JPT, or the applicant's direct superior
    dwa_decider: Literal["jpt", "superior"] = DEFAULTS["dwa_decider"]()
    timezone: str = Field(default=DEFAULTS["timezone"](), min_length=1, max_length=64)
    job_class_ceiling: dict[int, int] = Field(default_factory=DEFAULTS["job_class_ceiling"])
    holidays: frozenset[dt.date] = Field(default_factory=DEFAULTS["holidays"])
    # ISO weekday numbers (1 = Monday) that are working days
    working_weekdays: frozenset[int] = Field(default=DEFAULTS["working_weekdays"](), min_length=1, max_length=7)
    # attendance statuses whose whole days lower the month's target like days not in post
    target_reducing_statuses: frozenset[str] = DEFAULTS["target_reducing_statuses"]()
    # negative event kind -> its own penalty (else negative_activity_penalty)
    negative_kind_penalty: dict[str, Decimal] = Field(default_factory=DEFAULTS["negative_kind_penalty"], max_length=100)

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
