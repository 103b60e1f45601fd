"""The report state machine, who may write what, task columns and day limits."""

from __future__ import annotations

import datetime as dt

import pytest

from sk_tui.domain import rules
from sk_tui.domain.errors import DomainError
from sk_tui.domain.models import ReportStatus, TaskStatus, WorkMode
from sk_tui.domain.policy import Policy

DAY = dt.date(2026, 11, 27)
S = ReportStatus

# (status, action) -> the status after it, or None when refused. Every one of the 16 cells.
MATRIX = {
    (S.DRAFT, "submit"): S.SUBMITTED,
    (S.DRAFT, "approve"): None,
    (S.DRAFT, "return"): None,
    (S.DRAFT, "edit"): S.DRAFT,
    (S.SUBMITTED, "submit"): None,
    (S.SUBMITTED, "approve"): S.APPROVED,
    (S.SUBMITTED, "return"): S.RETURNED,
    (S.SUBMITTED, "edit"): None,
    (S.APPROVED, "submit"): None,
    (S.APPROVED, "approve"): None,
    (S.APPROVED, "return"): None,
    (S.APPROVED, "edit"): None,
    (S.RETURNED, "submit"): S.SUBMITTED,
    (S.RETURNED, "approve"): None,
    (S.RETURNED, "return"): None,
    (S.RETURNED, "edit"): S.RETURNED,
}


def apply(status: ReportStatus, action: str) -> ReportStatus:
    if action == "edit":
        rules.check_report_editable(status, DAY)
        return status
    return rules.next_report_status(status, action)


def test_the_matrix_covers_every_status_and_action():
    assert {s for s, _ in MATRIX} == set(ReportStatus)
    assert len(MATRIX) == 16


@pytest.mark.parametrize(("status", "action"), [k for k, v in MATRIX.items() if v is not None])
def test_allowed_report_transition(status, action):
    assert apply(status, action) == MATRIX[(status, action)]


@pytest.mark.parametrize(("status", "action"), [k for k, v in MATRIX.items() if v is None])
def test_refused_report_transition(status, action):
    with pytest.raises(DomainError) as caught:
        apply(status, action)
    expected = "report_locked" if action == "edit" else "transition_refused"
    assert caught.value.code == expected
    assert status.value in caught.value.message("en")
    indonesian = {"draft": "draf", "submitted": "diajukan", "approved": "disetujui", "returned": "dikembalikan"}
    assert f"berstatus {indonesian[status.value]}" in caught.value.message("id")


def test_an_approved_report_is_locked_with_a_message_naming_the_day():
    with pytest.raises(DomainError) as caught:
        rules.check_report_editable("approved", DAY)
    assert "2026-11-27" in caught.value.message("id")


def test_unknown_action_is_refused():
    with pytest.raises(DomainError):
        rules.next_report_status(S.SUBMITTED, "archive")


# --- who may write what ----------------------------------------------------------------

def test_only_the_author_may_write_a_report():
    rules.check_author("ani", "ani")
    with pytest.raises(DomainError) as caught:
        rules.check_author("dedi", "ani")
    assert caught.value.code == "not_author"


LEADS_A = ["lead-a"]
JPT = ["jpt"]


@pytest.mark.parametrize("reviewer", ["lead-a", "jpt"])
def test_the_team_lead_or_the_jpt_may_review(reviewer):
    assert rules.can_review(reviewer, "ani", LEADS_A, JPT)
    rules.check_reviewer(reviewer, "ani", LEADS_A, JPT)


def test_a_lead_of_another_team_may_not_review():
    assert not rules.can_review("lead-b", "ani", LEADS_A, JPT)
    with pytest.raises(DomainError) as caught:
        rules.check_reviewer("lead-b", "ani", LEADS_A, JPT)
    assert caught.value.code == "not_reviewer"


def test_a_plain_member_may_not_review():
    with pytest.raises(DomainError) as caught:
        rules.check_reviewer("dedi", "ani", LEADS_A, JPT)
    assert caught.value.code == "not_reviewer"


@pytest.mark.parametrize("lead", ["lead-a", "jpt"])
def test_nobody_reviews_their_own_report_not_even_a_lead_or_jpt(lead):
    assert not rules.can_review(lead, lead, LEADS_A, JPT)
    with pytest.raises(DomainError) as caught:
        rules.check_reviewer(lead, lead, LEADS_A, JPT)
    assert caught.value.code == "own_report"


def test_returning_needs_a_note():
    with pytest.raises(DomainError) as caught:
        rules.check_review("return", "  ", 1, 1)
    assert caught.value.code == "return_needs_note"
    rules.check_review("return", "Lengkapi bukti dukung", 1, 1)
    rules.check_review("approve", "", 1, 1)


def test_a_decision_on_a_stale_version_is_refused():
    with pytest.raises(DomainError) as caught:
        rules.check_review("approve", "", reviewed_version=1, current_version=2)
    assert caught.value.code == "stale_version"
    assert "2" in caught.value.message("en") and "1" in caught.value.message("en")


# --- minutes and day totals ------------------------------------------------------------

@pytest.mark.parametrize("minutes", [1, 60, 1440])
def test_minutes_in_range(minutes):
    rules.check_minutes(minutes)


@pytest.mark.parametrize("minutes", [0, -5, 1441, 1.5, "60", None])
def test_minutes_out_of_range_or_not_whole(minutes):
    with pytest.raises(DomainError) as caught:
        rules.check_minutes(minutes)
    assert caught.value.code == "minutes_range"


def test_day_total_at_the_limit_is_allowed_and_warns_over_660():
    assert rules.check_day_total(DAY, 660) is False
    assert rules.check_day_total(DAY, 661) is True
    assert rules.check_day_total(DAY, 1440) is True


def test_day_total_over_24_hours_is_refused():
    with pytest.raises(DomainError) as caught:
        rules.check_day_total(DAY, 1441)
    assert caught.value.code == "day_total_exceeded"
    assert "1441" in caught.value.message("id") and "1440" in caught.value.message("id")


def test_day_total_follows_the_policy():
    policy = Policy(daily_minutes_max=600, daily_minutes_warn=480)
    assert rules.check_day_total(DAY, 500, policy) is True
    with pytest.raises(DomainError):
        rules.check_day_total(DAY, 601, policy)


def test_work_date_in_the_future_is_refused_today_is_fine():
    rules.check_work_date(DAY, DAY)
    rules.check_work_date(DAY - dt.timedelta(days=30), DAY)
    with pytest.raises(DomainError) as caught:
        rules.check_work_date(DAY + dt.timedelta(days=1), DAY)
    assert caught.value.code == "date_future"


@pytest.mark.parametrize("value", ["2026-02-30", "2026-13-01", "27-11-2026", "kemarin", ""])
def test_parse_date_refuses_dates_that_do_not_exist(value):
    with pytest.raises(DomainError) as caught:
        rules.parse_date(value)
    assert caught.value.code == "date_invalid"


def test_parse_date_reads_iso_dates():
    assert rules.parse_date(" 2026-11-27 ") == DAY


def test_server_window_allows_one_day_of_clock_slack_and_45_days_back():
    rules.check_server_work_date(DAY + dt.timedelta(days=1), DAY)
    rules.check_server_work_date(DAY - dt.timedelta(days=45), DAY)
    for day in (DAY + dt.timedelta(days=2), DAY - dt.timedelta(days=46)):
        with pytest.raises(DomainError):
            rules.check_server_work_date(day, DAY)


def test_work_mode_wfa_needs_a_location():
    assert rules.check_work_mode("wfh", "") == WorkMode.WFH
    assert rules.check_work_mode("WFA", "Garut") == WorkMode.WFA
    with pytest.raises(DomainError) as caught:
        rules.check_work_mode("WFA", " ")
    assert caught.value.code == "location_required"
    with pytest.raises(DomainError) as caught:
        rules.check_work_mode("remote", "x")
    assert caught.value.code == "work_mode_invalid"


def test_dwa_allows_at_most_four_days_away_a_week():
    assert rules.wfa_days_allowed(4)
    assert not rules.wfa_days_allowed(5)


# --- task columns ----------------------------------------------------------------------

def test_cards_move_one_column_at_a_time():
    assert rules.neighbour_column(TaskStatus.BACKLOG, +1) == TaskStatus.TODO
    assert rules.neighbour_column(TaskStatus.TODO, +1) == TaskStatus.IN_PROGRESS
    assert rules.neighbour_column(TaskStatus.REVIEW, +1) == TaskStatus.DONE
    assert rules.neighbour_column(TaskStatus.DONE, -1) == TaskStatus.REVIEW
    assert rules.neighbour_column(TaskStatus.TODO, -1) == TaskStatus.BACKLOG


def test_a_card_at_the_left_edge_cannot_move_left():
    with pytest.raises(DomainError) as caught:
        rules.neighbour_column(TaskStatus.BACKLOG, -1)
    assert caught.value.code == "task_move_edge"
    assert "kiri" in caught.value.message("id") and "leftmost" in caught.value.message("en")


def test_a_card_at_the_right_edge_cannot_move_right():
    with pytest.raises(DomainError) as caught:
        rules.neighbour_column(TaskStatus.DONE, +1)
    assert "kanan" in caught.value.message("id") and "rightmost" in caught.value.message("en")


@pytest.mark.parametrize(
    ("text", "status"),
    [("todo", TaskStatus.TODO), ("To Do", TaskStatus.TODO), ("in-progress", TaskStatus.IN_PROGRESS),
     ("doing", TaskStatus.IN_PROGRESS), ("DONE", TaskStatus.DONE)],
)
def test_column_names_people_type(text, status):
    assert rules.parse_task_status(text) == status


def test_unknown_column_is_refused():
    with pytest.raises(DomainError) as caught:
        rules.parse_task_status("archived")
    assert caught.value.code == "status_invalid"


def test_team_members_and_the_jpt_may_edit_tasks_outsiders_may_not():
    assert rules.can_edit_task("ani", ["ani", "lead"], ["jpt"])
    assert rules.can_edit_task("jpt", ["ani", "lead"], ["jpt"])
    assert not rules.can_edit_task("stranger", ["ani", "lead"], ["jpt"])
