"""Issue 7, points 2 and 3: every text field of every record refuses control characters and is
bounded, every id matches the one pattern, every number has both bounds.

The fields are found by looking at the models, so a field added later without a rule fails
``test_every_field_of_every_model_has_a_rule``.
"""

from __future__ import annotations

import math
import typing

import annotated_types as at
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import AfterValidator, BaseModel, ValidationError

from sk_tui.domain import models
from sk_tui.domain.errors import DomainError, validation_error
from sk_tui.domain.text import ID_PATTERN, ID_RE
from tests.helpers.hostile import REFUSED, REFUSED_ONE_LINE, TRAVELS

NIP = "199105052019032012"
WHEN = "2026-11-27T10:00:00"

# A valid record of every kind; each test changes one field of it.
BASE: dict[type[BaseModel], dict[str, typing.Any]] = {
    models.Unit: {"name": "Biro Hukum"},
    models.Employee: {"nip": NIP, "name": "Ani", "position_kind": "jf", "unit_id": "u1"},
    models.Team: {"name": "Tim", "unit_id": "u1", "jpt_id": "e1"},
    models.Membership: {"team_id": "t1", "employee_id": "e1"},
    models.PerformancePlan: {"employee_id": "e1", "period_start": "2026-01-01", "period_end": "2026-12-31"},
    models.Target: {"plan_id": "p1", "text": "Tersusunnya rancangan"},
    models.Indicator: {"target_id": "g1", "text": "Jumlah rancangan", "target_value": 12, "unit": "dokumen"},
    models.Task: {"team_id": "t1", "title": "Menyusun draf"},
    models.Activity: {"report_id": "r1", "description": "Telaah", "minutes": 60},
    models.DailyReport: {"employee_id": "e1", "work_date": "2026-11-27"},
    models.Review: {"report_id": "r1", "reviewer_id": "e2", "decision": "approve", "report_version": 1,
                    "decided_at": WHEN},
    models.Feedback: {"from_id": "e1", "to_id": "e2", "text": "Bagus", "created_at": WHEN},
    models.DwaArrangement: {"employee_id": "e1", "valid_from": "2026-01-01"},
    models.Absence: {"employee_id": "e1", "day": "2026-11-27"},
    models.NegativeEvent: {"employee_id": "e1", "day": "2026-11-27", "reason": "Terlambat apel"},
    models.AgencyPolicy: {"version": 1, "hash": "ab12", "toml": "monthly_target_minutes = 6750\n"},
    models.MonthClose: {"employee_id": "e1", "month": "2026-11", "policy_version": 1, "hash": "ab12"},
}
# str fields with their own stricter validator instead of a text rule
OWN_VALIDATOR = {(models.Employee, "nip"), (models.DwaArrangement, "pattern"), (models.MonthClose, "month"),
                 (models.MonthClose, "figures")}


def _metadata(model: type[BaseModel], name: str) -> list[object]:
    """Every constraint on a field, including those inside ``X | None``."""
    info = model.model_fields[name]
    found = list(info.metadata)
    stack = [info.annotation]
    while stack:
        annotation = stack.pop()
        if typing.get_origin(annotation) is typing.Annotated:
            found.extend(annotation.__metadata__)
        stack.extend(typing.get_args(annotation))
    return found


def _rule(model, name):
    """("text", multiline, max_length) | ("id",) | None."""
    for item in _metadata(model, name):
        if isinstance(item, AfterValidator):
            if item.func is models._check_id:
                return ("id",)
            closure = dict(zip(item.func.__code__.co_freevars, (c.cell_contents for c in item.func.__closure__ or ()),
                               strict=True))
            if "max_length" in closure:
                return ("text", closure["multiline"], closure["max_length"])
    return None


def _is(annotation, kind) -> bool:
    return annotation is kind or kind in typing.get_args(annotation)


def _fields(kind):
    return [(m, n) for m in BASE for n, info in m.model_fields.items() if _is(info.annotation, kind)]


TEXT_FIELDS = [(m, n, *_rule(m, n)[1:]) for m in BASE for n in m.model_fields
               if _rule(m, n) and _rule(m, n)[0] == "text" and (m, n) not in OWN_VALIDATOR]
ONE_LINE = [f for f in TEXT_FIELDS if not f[2]]
MULTI_LINE = [f for f in TEXT_FIELDS if f[2]]
ID_FIELDS = [(m, n) for m in BASE for n in m.model_fields if _rule(m, n) == ("id",)]
NUMBER_FIELDS = [(m, n) for kind in (int, float) for m, n in _fields(kind) if n != "excused"]


def _name(field) -> str:
    return f"{field[0].__name__}.{field[1]}"


def build(model, **changes):
    return model.model_validate({**BASE[model], **changes})


def refused_type(model, **changes) -> str:
    with pytest.raises(ValidationError) as caught:
        build(model, **changes)
    return caught.value.errors()[0]["type"]


def test_the_base_records_are_valid_and_cover_every_record_kind():
    assert set(BASE) == set(_all_record_kinds())
    for model in BASE:
        build(model)


def _all_record_kinds():
    todo, seen = [models._Record], set()
    while todo:
        for sub in todo.pop().__subclasses__():
            seen.add(sub)
            todo.append(sub)
    return seen


def test_every_field_of_every_model_has_a_rule():
    for model in BASE:
        for name, info in model.model_fields.items():
            annotation = info.annotation
            if _is(annotation, str) or typing.get_origin(annotation) is list or (model, name) in OWN_VALIDATOR:
                if (model, name) in OWN_VALIDATOR:
                    continue
                rule = _rule(model, name)
                if typing.get_origin(annotation) is list:  # Task.assignees: list of ids
                    assert any(isinstance(m, at.MaxLen) for m in info.metadata), name
                    assert models.Id in typing.get_args(annotation), name
                    continue
                assert rule is not None, f"{model.__name__}.{name} is text with no rule"
    assert len(ONE_LINE) >= 15 and len(MULTI_LINE) >= 8 and len(ID_FIELDS) >= 30
    names = {_name(f) for f in TEXT_FIELDS}
    assert {"Task.title", "Task.description", "Activity.evidence", "DailyReport.location", "Unit.code",
            "Indicator.unit", "Activity.volume_unit", "Team.decree_no", "NegativeEvent.reason"} <= names
    assert ("Task", "description", True, models.TASK_DESCRIPTION_MAX) in {
        (m.__name__, n, ml, mx) for m, n, ml, mx in TEXT_FIELDS}


@pytest.mark.parametrize("field", TEXT_FIELDS, ids=_name)
def test_every_text_field_refuses_control_characters(field):
    model, name, multiline, _max = field
    for key, value in REFUSED.items():
        assert refused_type(model, **{name: value}) == "text_control_char", key
    for key, value in REFUSED_ONE_LINE.items():
        if multiline:
            assert getattr(build(model, **{name: value}), name) == value, key
        else:
            assert refused_type(model, **{name: value}) == "text_control_char", key


@pytest.mark.parametrize("field", TEXT_FIELDS, ids=_name)
def test_every_text_field_keeps_odd_text_exactly_or_says_it_is_too_long(field):
    model, name, _multiline, max_length = field
    for key, value in TRAVELS.items():
        if len(value) > max_length:
            assert refused_type(model, **{name: value}) == "text_too_long", key
            continue
        record = build(model, **{name: value})
        assert getattr(record, name) == value, key
        again = type(record).model_validate_json(record.model_dump_json())
        assert getattr(again, name) == value and again == record, key


def test_a_long_word_fits_where_the_limit_allows_it():
    task = build(models.Task, description=TRAVELS["long_word"])
    assert task.description == TRAVELS["long_word"]


@pytest.mark.parametrize("field", ID_FIELDS, ids=_name)
def test_every_id_field_matches_the_one_pattern(field):
    model, name = field
    many = typing.get_origin(model.model_fields[name].annotation) is list  # Task.assignees

    def value(one):
        return [one] if many else one

    for bad in ("", "a\x00b", "a b", "a\n", "\na", "-lead", "a" * 65, "tim/../x", "ä", "a\x1b[2J"):
        assert refused_type(model, **{name: value(bad)}) == "id_invalid", repr(bad)
    for good in ("tim-ph", "3f2a9c1e-0c4b-4e8a-9a57-1d7d5c9f0a11", "a" * 64, "u1", "x.y:z_1"):
        assert getattr(build(model, **{name: value(good)}), name) == value(good)


def test_assignees_are_ids_and_at_most_fifty():
    assert refused_type(models.Task, assignees=["e1", "e 2"]) == "id_invalid"
    assert len(build(models.Task, assignees=[f"e{i}" for i in range(50)]).assignees) == 50
    assert refused_type(models.Task, assignees=[f"e{i}" for i in range(51)]) == "too_long"


def _bounds(model, name):
    lo = hi = None
    lo_open = hi_open = False
    for item in _metadata(model, name):
        if isinstance(item, at.Ge):
            lo = item.ge
        elif isinstance(item, at.Gt):
            lo, lo_open = item.gt, True
        elif isinstance(item, at.Le):
            hi = item.le
        elif isinstance(item, at.Lt):
            hi, hi_open = item.lt, True
    return lo, lo_open, hi, hi_open


@pytest.mark.parametrize("field", NUMBER_FIELDS, ids=_name)
def test_every_number_has_both_bounds(field):
    lo, _, hi, _ = _bounds(*field)
    assert lo is not None and hi is not None, _name(field)
    assert hi <= 1e12 and lo >= -1e12


PROPERTY = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


@pytest.mark.parametrize("field", [f for f in NUMBER_FIELDS if _is(f[0].model_fields[f[1]].annotation, int)],
                         ids=_name)
def test_int_bounds_property(field):
    model, name = field
    lo, lo_open, hi, hi_open = _bounds(model, name)
    first, last = lo + lo_open, hi - hi_open

    @PROPERTY
    @given(inside=st.integers(first, last), below=st.integers(max_value=first - 1),
           above=st.integers(min_value=last + 1))
    def check(inside, below, above):
        assert getattr(build(model, **{name: inside}), name) == inside
        for outside in (below, above, first - 1, last + 1):
            with pytest.raises(ValidationError):
                build(model, **{name: outside})

    check()
    assert getattr(build(model, **{name: first}), name) == first
    assert getattr(build(model, **{name: last}), name) == last


@pytest.mark.parametrize("field", [f for f in NUMBER_FIELDS if _is(f[0].model_fields[f[1]].annotation, float)],
                         ids=_name)
def test_float_bounds_property(field):
    model, name = field
    lo, lo_open, hi, hi_open = _bounds(model, name)

    @PROPERTY
    @given(inside=st.floats(lo, hi, exclude_min=lo_open, exclude_max=hi_open),
           above=st.floats(min_value=hi, exclude_min=not hi_open, allow_infinity=False),
           below=st.floats(max_value=lo, exclude_max=not lo_open, allow_infinity=False))
    def check(inside, above, below):
        assert getattr(build(model, **{name: inside}), name) == inside
        for outside in (above, below):
            with pytest.raises(ValidationError):
                build(model, **{name: outside})

    check()
    for outside in (math.nan, math.inf, -math.inf, "nan", "Infinity", 1e308 * 10):
        with pytest.raises(ValidationError):
            build(model, **{name: outside})
    assert getattr(build(model, **{name: hi}), name) == hi or hi_open


@pytest.mark.parametrize("field", list(TEXT_FIELDS), ids=_name)
def test_text_length_property(field):
    model, name, _multiline, max_length = field
    shortest = next((m.min_length for m in _metadata(model, name) if isinstance(m, at.MinLen)), 0)

    @PROPERTY
    @given(inside=st.integers(shortest, max_length), over=st.integers(max_length + 1, max_length + 5000))
    def check(inside, over):
        assert len(getattr(build(model, **{name: "é" * inside}), name)) == inside
        assert refused_type(model, **{name: "a" * over}) == "text_too_long"

    check()
    assert len(getattr(build(model, **{name: "a" * max_length}), name)) == max_length
    assert refused_type(model, **{name: "a" * (max_length + 1)}) == "text_too_long"


@PROPERTY
@given(good=st.from_regex(ID_PATTERN, fullmatch=True),
       bad=st.text(max_size=80).filter(lambda s: not ID_RE.fullmatch(s)))
def test_id_pattern_property(good, bad):
    assert build(models.Task, team_id=good).team_id == good
    assert refused_type(models.Task, team_id=bad) == "id_invalid"


@PROPERTY
@given(count=st.integers(0, models.MAX_ASSIGNEES), over=st.integers(models.MAX_ASSIGNEES + 1, 500))
def test_assignees_count_property(count, over):
    assert len(build(models.Task, assignees=[f"e{i}" for i in range(count)]).assignees) == count
    assert refused_type(models.Task, assignees=[f"e{i}" for i in range(over)]) == "too_long"


def test_a_stored_row_loads_exactly_even_with_old_hostile_text():
    old = {**BASE[models.Task], "title": REFUSED["osc52_clipboard"], "description": "a\x00b" * 6000}
    with pytest.raises(ValidationError):
        models.Task.model_validate(old)
    task = models.Task.model_validate(old, context=models.STORED)
    assert task.title == REFUSED["osc52_clipboard"] and task.description == old["description"]


@pytest.mark.parametrize("key", sorted(REFUSED))
def test_a_refused_title_reads_as_one_line_in_both_languages(key):
    with pytest.raises(ValidationError) as caught:
        build(models.Task, title=REFUSED[key])
    error = validation_error(caught.value)
    assert isinstance(error, DomainError) and error.code == "text_control_char"
    indonesian, english = error.message("id"), error.message("en")
    assert indonesian.startswith("Isian judul memuat karakter yang tidak diizinkan: U+")
    assert english.startswith("The title contains a character that is not allowed: U+")
    for line in (indonesian, english):
        assert line.isprintable() and "\x1b" not in line


def test_the_other_validation_messages_name_the_field_and_the_limit():
    cases = [
        (models.Task, {"description": "a" * 10_001}, "Isian uraian terlalu panjang: 10001 karakter, paling banyak 10000.",
         "The description is too long: 10001 characters, at most 10000."),
        (models.Task, {"team_id": "t 1"}, "Isian id tim bukan id yang sah", "The team id is not a valid id"),
        (models.Activity, {"position": 10**20}, "Isian posisi di luar batas: 100000000000000000000 (harus <= 10000)",
         "The position is out of range: 100000000000000000000 (must be <= 10000)"),
        (models.Activity, {"volume": math.nan}, "Isian volume di luar batas: nan (harus angka terhingga)",
         "The volume is out of range: nan (must be a finite number)"),
        (models.Task, {"assignees": [f"e{i}" for i in range(60)]}, "Isian penerima tugas terlalu banyak: 60",
         "Too many assignees: 60, at most 50"),
        (models.Task, {"title": ""}, "Isian judul tidak boleh kosong.", "The title must not be empty."),
    ]
    for model, change, indonesian, english in cases:
        with pytest.raises(ValidationError) as caught:
            build(model, **change)
        error = validation_error(caught.value)
        assert error.message("id").startswith(indonesian), error.message("id")
        assert error.message("en").startswith(english), error.message("en")
