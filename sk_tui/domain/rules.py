"""State machines and who may write what. Pure functions that return or raise DomainError.

The daily report lifecycle::

    draft --submit(author)--> submitted --approve(reviewer)--> approved (immutable)
                                        --return(reviewer)---> returned --submit(author)--> submitted

Editing (activities, work mode) is the author's, only in draft or returned.

Verification is per team (DOMAIN.md "Verification in Teams of Teams"): every activity belongs
to one team and carries that team's verdict (pending, approved, returned). A team's decision
sets the verdict of all its activities of the day; the report's status follows from them
(``report_status_for``): returned when any team returned, approved when every activity is,
else submitted. An approved activity never changes; a returned one is fixed and resubmitted
alone.

    >>> next_report_status(ReportStatus.DRAFT, "submit")
    <ReportStatus.SUBMITTED: 'submitted'>
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable

from sk_tui.domain import text as _text
from sk_tui.domain.enums import (
    TASK_COLUMNS,
    Decision,
    PositionKind,
    ReportStatus,
    TaskStatus,
    Verdict,
    WorkMode,
)
from sk_tui.domain.errors import DomainError
from sk_tui.domain.limits import NAME_MAX
from sk_tui.domain.policy import DEFAULT_POLICY, Policy

REPORT_TRANSITIONS: dict[tuple[ReportStatus, str], ReportStatus] = {
    (ReportStatus.DRAFT, "submit"): ReportStatus.SUBMITTED,
    (ReportStatus.RETURNED, "submit"): ReportStatus.SUBMITTED,
    (ReportStatus.SUBMITTED, "approve"): ReportStatus.APPROVED,
    (ReportStatus.SUBMITTED, "return"): ReportStatus.RETURNED,
}



def next_report_status(status: ReportStatus | str, action: str) -> ReportStatus:
    """The status after ``action`` (submit / approve / return), or DomainError."""
    status = ReportStatus(status)
    try:
        return REPORT_TRANSITIONS[(status, action)]
    except KeyError:
        raise DomainError("transition_refused", status=status.value, action=action) from None


def decision_action(decision: Decision | str) -> str:
    return "approve" if Decision(decision) == Decision.APPROVE else "return"


def check_report_editable(status: ReportStatus | str, day: dt.date) -> None:
    status = ReportStatus(status)
    if status not in (ReportStatus.DRAFT, ReportStatus.RETURNED):
        raise DomainError("report_locked", day=day.isoformat(), status=status.value)


def check_author(actor_id: str, author_id: str) -> None:
    if actor_id != author_id:
        raise DomainError("not_author")


def can_review(
    reviewer_id: str,
    author_id: str,
    team_lead_ids: Iterable[str],
    jpt_ids: Iterable[str],
) -> bool:
    """The lead of the report's team or the responsible JPT, never the author."""
    if reviewer_id == author_id:
        return False
    return reviewer_id in set(team_lead_ids) or reviewer_id in set(jpt_ids)


def check_reviewer(
    reviewer_id: str, author_id: str, team_lead_ids: Iterable[str], jpt_ids: Iterable[str]
) -> None:
    if reviewer_id == author_id:
        raise DomainError("own_report")
    if not can_review(reviewer_id, author_id, team_lead_ids, jpt_ids):
        raise DomainError("not_reviewer")


def check_review(decision: Decision | str, note: str, reviewed_version: int, current_version: int) -> None:
    """A return needs a note; a decision names the version it reviewed."""
    if Decision(decision) == Decision.RETURN and not note.strip():
        raise DomainError("return_needs_note")
    if reviewed_version != current_version:
        raise DomainError("stale_version", current=current_version, seen=reviewed_version)


def report_status_for(verdicts: Iterable[Verdict | str]) -> ReportStatus:
    """A submitted report's status from its activities' verdicts.

    >>> report_status_for(["approved", "pending"]), report_status_for(["approved", "returned"])
    (<ReportStatus.SUBMITTED: 'submitted'>, <ReportStatus.RETURNED: 'returned'>)
    >>> report_status_for(["approved", "approved"])
    <ReportStatus.APPROVED: 'approved'>
    """
    seen = {Verdict(v) for v in verdicts}
    if Verdict.RETURNED in seen:
        return ReportStatus.RETURNED
    if seen and seen == {Verdict.APPROVED}:
        return ReportStatus.APPROVED
    return ReportStatus.SUBMITTED


def check_activity_editable(verdict: Verdict | str) -> None:
    """An approved activity is its team lead's decided word: never changed or removed."""
    if Verdict(verdict) == Verdict.APPROVED:
        raise DomainError("activity_approved")


def activity_team(linked_team_id: str | None, default_team_id: str | None) -> str | None:
    """The team an activity belongs to: its linked task's or indicator's team, else the
    member's default team."""
    return linked_team_id or default_team_id


def check_reviewable(verdicts: Iterable[Verdict | str], status: ReportStatus | str) -> None:
    """A team decides its part of a submitted (or partly returned) report while it is pending."""
    status = ReportStatus(status)
    if status not in (ReportStatus.SUBMITTED, ReportStatus.RETURNED):
        raise DomainError("transition_refused", status=status.value, action="verifikasi")
    if not any(Verdict(v) == Verdict.PENDING for v in verdicts):
        raise DomainError("nothing_to_review")


def check_device_time(device_time: dt.datetime, work_date: dt.date, received_at: dt.datetime,
                      policy: Policy = DEFAULT_POLICY) -> None:
    """A device time the server accepts: not before the work date's local midnight, not later
    than its own receipt + max_clock_skew_minutes. Inside that window the device time stands
    (a report written in the field may reach the server days later).

    >>> import datetime as dt
    >>> got = dt.datetime(2026, 11, 2, 9, tzinfo=dt.UTC)
    >>> check_device_time(got - dt.timedelta(days=2), dt.date(2026, 10, 30), got)
    >>> try:
    ...     check_device_time(got + dt.timedelta(minutes=11), dt.date(2026, 11, 2), got)
    ... except DomainError as error:
    ...     print(error.code)
    device_time_out_of_range
    """
    from zoneinfo import ZoneInfo

    zone = ZoneInfo(policy.timezone)
    earliest = dt.datetime.combine(work_date, dt.time(0), zone)
    latest = received_at + dt.timedelta(minutes=policy.max_clock_skew_minutes)
    if device_time.tzinfo is None:  # a naive time is read as the policy's local time
        device_time = device_time.replace(tzinfo=zone)
    if device_time < earliest or device_time > latest:
        raise DomainError(
            "device_time_out_of_range", time=device_time.astimezone(zone).isoformat(timespec="minutes"),
            earliest=earliest.isoformat(timespec="minutes"),
            latest=latest.astimezone(zone).isoformat(timespec="minutes"),
        )


def check_minutes(minutes: int) -> None:
    if not isinstance(minutes, int) or minutes < 1 or minutes > 1440:
        raise DomainError("minutes_range", minutes=minutes)


def check_day_total(day: dt.date, total: int, policy: Policy = DEFAULT_POLICY) -> bool:
    """Raise when the day's total is over the hard limit; True when it is over the warning."""
    if total > policy.daily_minutes_max:
        raise DomainError(
            "day_total_exceeded", day=day.isoformat(), total=total, limit=policy.daily_minutes_max
        )
    return total > policy.daily_minutes_warn


def check_work_date(day: dt.date, today: dt.date) -> None:
    """Reports are for today or earlier (local working date)."""
    if day > today:
        raise DomainError("date_future", day=day.isoformat())


def check_server_work_date(day: dt.date, server_today: dt.date, policy: Policy = DEFAULT_POLICY) -> None:
    """The server's window: not in the future (one day of clock/zone slack), not too old."""
    age = (server_today - day).days
    if age < -1 or age > policy.server_max_work_date_age_days:
        raise DomainError("work_date_window", day=day.isoformat(), days=policy.server_max_work_date_age_days)


def check_text(field: str, value: str, *, multiline: bool = False, max_length: int = NAME_MAX) -> str:
    """``value`` when it may be stored in ``field``; the same DomainError a model's validation
    gives (see errors.validation_error) otherwise. For writes that do not build a model."""
    if len(value) > max_length:
        raise DomainError("text_too_long", field=field, length=len(value), max_length=max_length)
    bad = _text.first_refused(value, multiline=multiline)
    if bad is not None:
        raise DomainError("text_control_char", field=field, char=_text.describe_char(bad))
    return value


def check_work_mode(mode: str, location: str) -> WorkMode:
    check_text("location", location)
    try:
        work_mode = WorkMode(mode.upper())
    except ValueError:
        raise DomainError("work_mode_invalid", value=mode) from None
    if work_mode == WorkMode.WFA and not location.strip():
        raise DomainError("location_required")
    if work_mode == WorkMode.DL and not location.strip():
        raise DomainError("location_required_mode", mode=work_mode.value)
    return work_mode


def parse_date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value.strip())
    except (ValueError, AttributeError):
        raise DomainError("date_invalid", value=value) from None


# --- tasks -------------------------------------------------------------------------------


def parse_task_status(value: str) -> TaskStatus:
    aliases = {"to_do": "todo", "to-do": "todo", "in-progress": "in_progress", "doing": "in_progress"}
    key = value.strip().lower().replace(" ", "_")
    key = aliases.get(key, key)
    try:
        return TaskStatus(key)
    except ValueError:
        raise DomainError("status_invalid", value=value) from None


def neighbour_column(status: TaskStatus | str, step: int) -> TaskStatus:
    """The column ``step`` places right (+) or left (-) of ``status``, or DomainError at an edge."""
    index = TASK_COLUMNS.index(TaskStatus(status)) + step
    if index < 0:
        raise DomainError("task_move_edge", side="kiri", side_en="leftmost")
    if index >= len(TASK_COLUMNS):
        raise DomainError("task_move_edge", side="kanan", side_en="rightmost")
    return TASK_COLUMNS[index]


def can_edit_task(actor_id: str, team_member_ids: Iterable[str], jpt_ids: Iterable[str]) -> bool:
    """Any member of the team (lead included) or the responsible JPT may change its tasks."""
    return actor_id in set(team_member_ids) or actor_id in set(jpt_ids)


def is_jpt(position_kind: PositionKind | str) -> bool:
    return PositionKind(position_kind) == PositionKind.JPT


def wfa_days_allowed(days_this_week: int, policy: Policy = DEFAULT_POLICY) -> bool:
    """DWA: at most dwa_max_wfa_days_per_week days away from the office."""
    return days_this_week <= policy.dwa_max_wfa_days_per_week


# Digits with at most one decimal separator: "1,5" (Indonesian) and "1.5" both mean one and a
# half. No sign, exponent, "inf" or "nan"; thousands grouping ("1.000,5") is refused rather than
# guessed, since "1.000" reads as one thousand to an Indonesian and as one to float().
_VOLUME = re.compile(r"(?:\d+(?:[.,]\d*)?|[.,]\d+)")


def parse_volume(text: str) -> float:
    """A typed volume as a number, for the form and the command line alike, or DomainError.

    >>> parse_volume("1,5"), parse_volume(" 2 "), parse_volume("0.25")
    (1.5, 2.0, 0.25)
    """
    value = text.strip()
    if not _VOLUME.fullmatch(value):
        raise DomainError("volume_invalid", value=text)
    return float(value.replace(",", "."))
