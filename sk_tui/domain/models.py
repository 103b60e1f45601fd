"""The domain of DOMAIN.md as pydantic models: pure data, no I/O.

Every record carries a client-generated UUID string ``id``; the server never assigns identity.

    >>> Employee(id=new_id(), nip="198703122010011002", name="Ani", position_kind="jf",
    ...          unit_id="u1").nip_birth_date().year
    1987
"""

from __future__ import annotations

import datetime as dt
import uuid
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from sk_tui.domain.errors import DomainError


def new_id() -> str:
    """A fresh record id (UUID4 as text)."""
    return str(uuid.uuid4())


class PositionKind(StrEnum):
    JPT = "jpt"
    ADMINISTRATOR = "administrator"
    PENGAWAS = "pengawas"
    PELAKSANA = "pelaksana"
    JF = "jf"


class TeamScope(StrEnum):
    INTERNAL = "internal"
    CROSS_DIVISION = "cross_division"
    CROSS_UNIT = "cross_unit"
    CROSS_AGENCY = "cross_agency"


class TeamKind(StrEnum):
    ADMINISTRATIVE = "administrative"
    DEVELOPMENT = "development"


class MemberRole(StrEnum):
    LEAD = "lead"
    MEMBER = "member"


class TargetKind(StrEnum):
    UTAMA = "utama"
    TAMBAHAN = "tambahan"


class Aspect(StrEnum):
    QUANTITY = "quantity"
    QUALITY = "quality"
    TIME = "time"
    COST = "cost"


class TaskStatus(StrEnum):
    BACKLOG = "backlog"
    TODO = "todo"
    IN_PROGRESS = "in_progress"
    REVIEW = "review"
    DONE = "done"


TASK_COLUMNS: tuple[TaskStatus, ...] = tuple(TaskStatus)


class WorkMode(StrEnum):
    WFO = "WFO"
    WFH = "WFH"
    WFA = "WFA"


class ReportStatus(StrEnum):
    DRAFT = "draft"
    SUBMITTED = "submitted"
    APPROVED = "approved"
    RETURNED = "returned"


class Decision(StrEnum):
    APPROVE = "approve"
    RETURN = "return"


class Expectation(StrEnum):
    BELOW = "below"
    AS_EXPECTED = "as_expected"
    ABOVE = "above"


class Rating(StrEnum):
    SANGAT_BAIK = "Sangat Baik"
    BAIK = "Baik"
    BUTUH_PERBAIKAN = "Butuh Perbaikan"
    KURANG = "Kurang/Misconduct"
    SANGAT_KURANG = "Sangat Kurang"


class _Record(BaseModel):
    # defer_build: a schema is built on first use, not at import (keeps the headless CLI fast).
    model_config = ConfigDict(extra="forbid", validate_assignment=True, defer_build=True)

    id: str = Field(default_factory=new_id, min_length=1, max_length=64)


def validate_nip(nip: str) -> str:
    """Check an 18-digit NIP: birth date (8), appointment year-month (6), sex (1), serial (3).

    Raises DomainError("nip_invalid") naming what is wrong.
    """
    nip = nip.strip().replace(" ", "")
    if len(nip) != 18 or not nip.isdigit():
        raise DomainError("nip_invalid", nip=nip, why="nip_digits")
    try:
        dt.date(int(nip[0:4]), int(nip[4:6]), int(nip[6:8]))
    except ValueError:
        raise DomainError("nip_invalid", nip=nip, why="nip_birth") from None
    year, month = int(nip[8:12]), int(nip[12:14])
    if not (1 <= month <= 12) or year < int(nip[0:4]) + 15:
        raise DomainError("nip_invalid", nip=nip, why="nip_appointment")
    if nip[14] not in "12":
        raise DomainError("nip_invalid", nip=nip, why="nip_sex")
    return nip


class Unit(_Record):
    code: str = ""
    name: str = Field(min_length=1)
    parent_id: str | None = None
    agency: str = "Pemerintah Daerah Provinsi Jawa Barat"
    timezone: str = "Asia/Jakarta"


class Employee(_Record):
    nip: str
    name: str = Field(min_length=1, max_length=200)
    position_kind: PositionKind
    position_title: str = ""
    jf_level: str | None = None  # jenjang, e.g. "Ahli Muda"
    job_class: int = Field(default=7, ge=1, le=17)
    unit_id: str
    superior_id: str | None = None
    timezone: str | None = None  # None: the unit's
    post_start: dt.date | None = None  # held the post from (recap pro-rates)
    post_end: dt.date | None = None

    @field_validator("nip")
    @classmethod
    def _nip(cls, value: str) -> str:
        try:
            return validate_nip(value)
        except DomainError as exc:
            raise ValueError(exc.message("en")) from None

    def nip_birth_date(self) -> dt.date:
        return dt.date(int(self.nip[0:4]), int(self.nip[4:6]), int(self.nip[6:8]))

    @property
    def initials(self) -> str:
        words = [w for w in self.name.replace(",", " ").split() if w[:1].isalpha() and "." not in w]
        return "".join(w[0] for w in words[:2]).upper() or self.name[:2].upper()


class Team(_Record):
    name: str = Field(min_length=1, max_length=200)
    unit_id: str
    scope: TeamScope = TeamScope.INTERNAL
    kind: TeamKind = TeamKind.ADMINISTRATIVE
    jpt_id: str  # the Eselon II leader the team answers to
    decree_no: str = ""
    period_start: dt.date | None = None
    period_end: dt.date | None = None

    @model_validator(mode="after")
    def _period(self) -> Team:
        if self.period_start and self.period_end and self.period_end < self.period_start:
            raise ValueError("period_end before period_start")
        return self


class Membership(_Record):
    team_id: str
    employee_id: str
    role: MemberRole = MemberRole.MEMBER


class PerformancePlan(_Record):
    """An SKP for one employee and period."""

    employee_id: str
    period_start: dt.date
    period_end: dt.date
    status: str = "approved"


class Target(_Record):
    """An RHK row; ``parent_id`` is the leader's/team's RHK it intervenes (cascading)."""

    plan_id: str
    kind: TargetKind = TargetKind.UTAMA
    text: str = Field(min_length=1)
    parent_id: str | None = None
    team_id: str | None = None  # the team it was assigned from


class Indicator(_Record):
    """An IKI: measurable indicator of a target."""

    target_id: str
    aspect: Aspect = Aspect.QUANTITY
    text: str = Field(min_length=1)
    target_value: float = Field(gt=0)
    unit: str = Field(min_length=1, max_length=40)


class Task(_Record):
    team_id: str
    title: str = Field(min_length=1, max_length=200)
    description: str = ""
    assignees: list[str] = Field(default_factory=list)  # employee ids
    status: TaskStatus = TaskStatus.BACKLOG
    due_date: dt.date | None = None
    target_id: str | None = None
    indicator_id: str | None = None
    rank: float = 0.0  # order inside a column
    version: int = Field(default=0, ge=0)  # server version this copy is based on (+ local edits)
    updated_at: dt.datetime | None = None

    def is_overdue(self, today: dt.date) -> bool:
        return self.due_date is not None and self.due_date < today and self.status != TaskStatus.DONE


class Activity(_Record):
    report_id: str
    description: str = Field(min_length=1, max_length=2000)
    minutes: int = Field(gt=0, le=1440)
    volume: float = Field(default=1.0, ge=0)
    volume_unit: str = Field(default="kegiatan", min_length=1, max_length=40)
    task_id: str | None = None
    indicator_id: str | None = None
    evidence: str = Field(default="", max_length=1000)
    position: int = 0


class DailyReport(_Record):
    employee_id: str
    work_date: dt.date
    work_mode: WorkMode = WorkMode.WFO
    location: str = Field(default="", max_length=200)
    status: ReportStatus = ReportStatus.DRAFT
    team_id: str | None = None  # whose lead reviews it
    version: int = Field(default=0, ge=0)
    submitted_at: dt.datetime | None = None  # device time of (last) submission
    total_minutes: int = Field(default=0, ge=0)
    review_note: str = ""  # the lead's note when returned
    reviewed_by: str | None = None
    reviewed_at: dt.datetime | None = None

    @property
    def editable(self) -> bool:
        return self.status in (ReportStatus.DRAFT, ReportStatus.RETURNED)


class Review(_Record):
    report_id: str
    reviewer_id: str
    decision: Decision
    note: str = Field(default="", max_length=2000)
    report_version: int = Field(ge=1)
    decided_at: dt.datetime

    @model_validator(mode="after")
    def _return_needs_note(self) -> Review:
        if self.decision == Decision.RETURN and not self.note.strip():
            raise ValueError("a returned report needs a note")
        return self


class Feedback(_Record):
    """Continuous feedback (umpan balik) from a lead to a member."""

    from_id: str
    to_id: str
    text: str = Field(min_length=1, max_length=2000)
    task_id: str | None = None
    created_at: dt.datetime


class DwaArrangement(_Record):
    """A Dynamic Working Arrangement: pattern 'A-O' = days anywhere - days in office a week."""

    employee_id: str
    pattern: str = "3-2"
    valid_from: dt.date
    valid_to: dt.date | None = None
    approved_by: str | None = None

    @field_validator("pattern")
    @classmethod
    def _pattern(cls, value: str) -> str:
        parts = value.split("-")
        if len(parts) != 2 or not all(p.isdigit() for p in parts) or sum(map(int, parts)) != 5:
            raise ValueError("pattern must be like 3-2 (anywhere-office days, 5 in all)")
        return value

    @property
    def anywhere_days(self) -> int:
        return int(self.pattern.split("-")[0])


class Absence(_Record):
    employee_id: str
    day: dt.date
    excused: bool = False
    reason: str = ""


class NegativeEvent(_Record):
    """A negative activity the agency records (besides overdue reviews, which are derived)."""

    employee_id: str
    day: dt.date
    reason: str = Field(min_length=1)
