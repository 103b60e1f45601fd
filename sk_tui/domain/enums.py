"""The domain's enumerations (DOMAIN.md), without pydantic: a headless command and the app's
first frame read and compare them without importing the models (``sk_tui.domain.models``
re-exports every one of them, so either import names the same class)."""

from __future__ import annotations

from enum import StrEnum
from typing import Literal


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
    DL = "DL"  # dinas luar: official travel, at a named place; never counts against DWA


class ReportStatus(StrEnum):
    DRAFT = "draft"
    SUBMITTED = "submitted"
    APPROVED = "approved"
    RETURNED = "returned"


class Verdict(StrEnum):
    """Where one activity stands with its team's lead (verification per team)."""

    PENDING = "pending"
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


class DwaStatus(StrEnum):
    APPLIED = "applied"
    APPROVED = "approved"
    REFUSED = "refused"


AttendanceStatus = Literal["hadir", "cuti", "sakit", "izin", "dinas_luar", "tanpa_keterangan"]
