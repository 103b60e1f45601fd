"""domain/plain.py builds a record without pydantic's validator only when the model would accept
the same values and build the same record; every refusal is still the model's, word for word."""

from __future__ import annotations

import datetime as dt
import math
import subprocess
import sys

import pytest
from pydantic import ValidationError

from sk_tui.domain import plain
from sk_tui.domain.errors import validation_error
from sk_tui.domain.models import (
    STORED,
    Activity,
    DailyReport,
    Employee,
    PositionKind,
    ReportStatus,
    Team,
    Verdict,
    WorkMode,
)
from sk_tui.store.base import model_input, to_row

HOSTILE_TEXT = ["", " ", "Rapat\x1b[2J", "a\x00b", "bidi \u202e kiri", "line\nbreak", "tab\tok", "\ud800",
                "x" * 2001, "x" * 2000, "Telaah hukum", "Émoji 🙂 dan 中文", "zero\u200bwidth", "del\x7f"]
HOSTILE_IDS = ["r1", "", "a" * 65, "a" * 64, "id with space", "id\n", "-lead", "ok.id:1_2-3", "é", "r1\x1b"]


def activity_values():
    base = {"id": "a1", "report_id": "r1", "description": "Rapat", "minutes": 60}
    yield base
    for text in HOSTILE_TEXT:
        yield {**base, "description": text}
        yield {**base, "evidence": text}
        yield {**base, "volume_unit": text}
    for value in HOSTILE_IDS:
        yield {**base, "id": value}
        yield {**base, "report_id": value}
        yield {**base, "team_id": value}
        yield {**base, "task_id": value}
    for minutes in (0, 1, 1440, 1441, -5, 60.0, True, "60", None):
        yield {**base, "minutes": minutes}
    for volume in (0.0, 1.5, -0.1, 1e9, 1e9 + 1, math.inf, math.nan, 3, "2", None):
        yield {**base, "volume": volume}
    for position in (0, 10_000, 10_001, -1):
        yield {**base, "position": position}
    yield {**base, "verdict": Verdict.APPROVED}
    yield {**base, "verdict": "approved"}
    yield {**base, "unknown": 1}
    yield {k: v for k, v in base.items() if k != "minutes"}


def same_outcome(cls, values, built):
    """``built`` (plain.interpreted's outcome) is what the model gives for ``values``."""
    expected = outcome_of(cls.model_validate, dict(values))
    if isinstance(expected, ValidationError):
        assert isinstance(built, ValidationError), values
        assert validation_error(built).message("en") == validation_error(expected).message("en")
        assert validation_error(built).message("id") == validation_error(expected).message("id")
        return
    assert not isinstance(built, Exception), (values, built)
    assert built == expected and built.__dict__ == expected.__dict__, values
    assert [type(v) for v in built.__dict__.values()] == [type(v) for v in expected.__dict__.values()]
    assert to_row(built) == to_row(expected)


def outcome_of(build, *args):
    try:
        return build(*args)
    except ValidationError as exc:
        return exc


def outcome(cls, values):
    return outcome_of(plain.interpreted, cls, values)


@pytest.mark.parametrize("values", list(activity_values()))
def test_activity_is_built_or_refused_as_the_model_does(values):
    same_outcome(Activity, values, outcome(Activity, values))


@pytest.mark.parametrize("values", [
    {"id": "r1", "employee_id": "e1", "work_date": dt.date(2026, 11, 27)},
    {"id": "r1", "employee_id": "e1", "work_date": dt.date(2026, 11, 27), "team_id": None},
    {"id": "r1", "employee_id": "e1", "work_date": dt.date(2026, 11, 27), "team_id": "t\x1b"},
    {"id": "r1", "employee_id": "", "work_date": dt.date(2026, 11, 27)},
    {"id": "r1", "employee_id": "e1", "work_date": "2026-11-27"},
    {"id": "r1", "employee_id": "e1", "work_date": dt.datetime(2026, 11, 27, 1, 0)},
    {"id": "r1", "employee_id": "e1", "work_date": dt.date(2026, 11, 27), "total_minutes": 1441},
    {"id": "r1", "employee_id": "e1", "work_date": dt.date(2026, 11, 27), "work_mode": WorkMode.WFA, "location": "Garut\u202e"},
])
def test_report_is_built_or_refused_as_the_model_does(values):
    same_outcome(DailyReport, values, outcome(DailyReport, values))


@pytest.mark.parametrize(("cls", "values"), [
    (Team, {"id": "t1", "name": "T", "unit_id": "u", "jpt_id": "j"}),
    (Team, {"id": "t1", "name": "T", "unit_id": "u", "jpt_id": "j",
            "period_start": dt.date(2026, 1, 1), "period_end": dt.date(2026, 2, 1)}),
    (Team, {"id": "t1", "name": "T", "unit_id": "u", "jpt_id": "j",  # its model validator refuses
            "period_start": dt.date(2026, 2, 1), "period_end": dt.date(2026, 1, 1)}),
    (Team, {"id": "t1", "name": "T\x1b", "unit_id": "u", "jpt_id": "j"}),
    (Employee, {"id": "e1", "nip": "198703122010011002", "name": "Ani", "position_kind": "jf", "unit_id": "u1"}),
    (Employee, {"id": "e1", "nip": "198703122010011002", "name": "Ani", "position_kind": PositionKind.JF,
                "unit_id": "u1"}),
    (Employee, {"id": "e1", "nip": "1987 0312 2010 0110 02", "name": "Ani",  # its field validator rewrites
                "position_kind": PositionKind.JF, "unit_id": "u1"}),
    (Employee, {"id": "e1", "nip": "198713122010011002", "name": "Ani",  # no 13th month: refused
                "position_kind": PositionKind.JF, "unit_id": "u1"}),
    (Employee, {"id": "e1", "nip": "198703122010011002", "name": "Ani", "position_kind": PositionKind.JF,
                "unit_id": "u1", "job_class": 18}),
])
def test_a_model_with_its_own_validators_builds_or_refuses_as_the_model_does(cls, values):
    same_outcome(cls, values, outcome(cls, values))


@pytest.mark.parametrize("row", [
    {"id": "r1", "employee_id": "e1", "work_date": "2026-11-27", "work_mode": "WFA", "location": "Garut",
     "status": "draft", "team_id": None, "version": 0, "total_minutes": 60, "approved_minutes": 0,
     "review_note": "", "submitted_at": None},
    {"id": "r1", "employee_id": "e1", "work_date": "2026-11-27", "status": "returned",
     "review_note": "old \x1b text", "submitted_at": "2026-11-27T10:00:00+07:00"},
    {"id": "bad id", "employee_id": "e1", "work_date": "2026-11-27", "status": "nope"},
    {"id": "r1", "employee_id": "e1", "work_date": "27-11-2026"},
    {"id": "r1", "employee_id": "e1", "work_date": "2026-11-27", "total_minutes": 5000},
])
def test_a_stored_row_reads_as_the_model_reads_it(row):
    data = model_input(DailyReport.model_fields, row)
    try:
        expected = DailyReport.model_validate(data, context=STORED)
    except ValidationError:
        with pytest.raises(ValidationError):
            plain.interpreted(DailyReport, data, context=STORED, convert=True)
        return
    built = plain.interpreted(DailyReport, data, context=STORED, convert=True)
    assert built == expected and to_row(built) == to_row(expected)
    assert isinstance(built.status, ReportStatus)


def test_a_valid_record_is_built_without_its_validator_until_the_model_has_one():
    # a fresh interpreter: in this one earlier tests have built the models' validators
    code = """
from sk_tui.domain import plain
from sk_tui.domain.models import Activity
values = {"report_id": "r1", "description": "Rapat", "minutes": 60}
first = plain.checked(Activity, values)
assert not Activity.__pydantic_complete__, "the headless path built a validator"
Activity.model_validate(values)
assert Activity.__pydantic_complete__
again = plain.checked(Activity, values)
assert again.model_dump(exclude={"id"}) == first.model_dump(exclude={"id"})
print("ok")
"""
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert result.stdout.strip() == "ok", result.stderr
