"""Domain models: NIP validation, team periods, DWA patterns, review notes."""

from __future__ import annotations

import datetime as dt

import pytest
from pydantic import ValidationError

from sk_tui.domain.errors import DomainError
from sk_tui.domain.models import DwaArrangement, Employee, Review, Team, validate_nip

VALID_NIP = "199105052019032012"  # born 1991-05-05, appointed 2019-03, female, serial 012


def employee(nip: str) -> Employee:
    return Employee(nip=nip, name="Ani", position_kind="jf", unit_id="u1")


def test_a_valid_nip_is_accepted_and_its_birth_date_read():
    emp = employee(VALID_NIP)
    assert emp.nip == VALID_NIP
    assert emp.nip_birth_date() == dt.date(1991, 5, 5)


def test_a_nip_typed_with_spaces_is_normalised():
    assert validate_nip("19910505 201903 2 012") == VALID_NIP


@pytest.mark.parametrize(
    ("nip", "why"),
    [
        ("19910505201903201", "nip_digits"),  # 17 digits
        ("1991050520190320123", "nip_digits"),  # 19 digits
        ("",  "nip_digits"),
        ("19910505201903201A", "nip_digits"),  # a letter
        ("1991-05-05-2019-03", "nip_digits"),
        ("199102302019032012", "nip_birth"),  # 30 February
        ("199113052019032012", "nip_birth"),  # month 13
    ],
)
def test_a_malformed_nip_is_refused_saying_why(nip, why):
    with pytest.raises(DomainError) as caught:
        validate_nip(nip)
    assert caught.value.code == "nip_invalid"
    assert caught.value.params["why"] == why
    # the message names the NIP in both languages
    assert nip.replace(" ", "") in caught.value.message("id")
    assert "NIP tidak valid" in caught.value.message("id")
    assert "Invalid NIP" in caught.value.message("en")


def test_an_employee_with_a_bad_nip_cannot_be_built():
    with pytest.raises(ValidationError, match="birth date does not exist"):
        employee("199102302019032012")


def test_job_class_is_between_1_and_17():
    Employee(nip=VALID_NIP, name="A", position_kind="jf", unit_id="u", job_class=17)
    with pytest.raises(ValidationError):
        Employee(nip=VALID_NIP, name="A", position_kind="jf", unit_id="u", job_class=18)
    with pytest.raises(ValidationError):
        Employee(nip=VALID_NIP, name="A", position_kind="jf", unit_id="u", job_class=0)


def test_team_period_may_not_end_before_it_starts():
    Team(name="T", unit_id="u", jpt_id="j", period_start=dt.date(2026, 1, 1), period_end=dt.date(2026, 1, 1))
    with pytest.raises(ValidationError, match="period_end before period_start"):
        Team(name="T", unit_id="u", jpt_id="j", period_start=dt.date(2026, 2, 1), period_end=dt.date(2026, 1, 31))


def test_team_period_open_ended_is_fine():
    team = Team(name="T", unit_id="u", jpt_id="j", period_start=dt.date(2026, 2, 1))
    assert team.period_end is None


@pytest.mark.parametrize(("pattern", "anywhere"), [("3-2", 3), ("4-1", 4), ("1-4", 1), ("0-5", 0)])
def test_dwa_patterns_that_add_up_to_a_week(pattern, anywhere):
    dwa = DwaArrangement(employee_id="e", pattern=pattern, valid_from=dt.date(2026, 1, 1))
    assert dwa.anywhere_days == anywhere


@pytest.mark.parametrize("pattern", ["3-3", "32", "3-2-0", "a-b", "-5", "5-", "3 - 2"])
def test_dwa_patterns_that_are_not_a_week_are_refused(pattern):
    with pytest.raises(ValidationError, match="pattern must be like 3-2"):
        DwaArrangement(employee_id="e", pattern=pattern, valid_from=dt.date(2026, 1, 1))


def test_a_returned_review_needs_a_note_an_approval_does_not():
    now = dt.datetime(2026, 11, 27, 10, tzinfo=dt.UTC)
    Review(report_id="r", reviewer_id="l", decision="approve", report_version=1, decided_at=now)
    with pytest.raises(ValidationError, match="needs a note"):
        Review(report_id="r", reviewer_id="l", decision="return", note="   ", report_version=1, decided_at=now)


def test_models_refuse_unknown_fields():
    with pytest.raises(ValidationError):
        Team(name="T", unit_id="u", jpt_id="j", colour="red")
