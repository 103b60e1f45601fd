"""The id and text rules checked natively by pydantic-core (models._NativeFirst, validate_many)
accept exactly what the Python rules accept, and every refusal still carries the Python rule's
reason: the character it names, the length, the id pattern.

A record model validates with its native twin once it has been used a few times
(``models._NATIVE_AFTER``); these tests warm every model first, so each check below goes through
the twin and, on refusal, through the model's own validator.
"""

from __future__ import annotations

import sys
import unicodedata

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import ValidationError
from pydantic_core import SchemaValidator

from sk_tui.domain import models, text
from sk_tui.domain.errors import validation_error
from tests.helpers.hostile import REFUSED, REFUSED_ONE_LINE, TRAVELS
from tests.unit.test_model_bounds import BASE, ID_FIELDS, MULTI_LINE, ONE_LINE, build

PRECISE = {model: model.__pydantic_validator__ for model in BASE}


@pytest.fixture(autouse=True, scope="module")
def _warm() -> None:
    for model in BASE:
        for _ in range(models._NATIVE_AFTER + 1):
            build(model)
            models.Task.model_validate({"team_id": "t1", "title": "x"}, context=models.STORED)


def _outcome(model, data, **kwargs):
    """What the model's own (Python-rule) validator says: the value, or the errors."""
    try:
        return ("ok", model.__pydantic_validator__._precise.validate_python(data, **kwargs).model_dump())
    except ValidationError as exc:
        return ("refused", [(e["type"], e["loc"], e.get("ctx")) for e in exc.errors()])


def _now(model, data, **kwargs):
    try:
        return ("ok", model.model_validate(data, **kwargs).model_dump())
    except ValidationError as exc:
        return ("refused", [(e["type"], e["loc"], e.get("ctx")) for e in exc.errors()])


def _same_ids(a, b):
    """Outcomes compared without the generated id (a fresh UUID each validation)."""
    if a[0] == "ok" and b[0] == "ok":
        return {**a[1], "id": None} == {**b[1], "id": None}
    return a == b


def test_the_models_validate_natively_once_warm():
    for model in BASE:
        validator = model.__pydantic_validator__
        assert isinstance(validator, models._NativeFirst), model
        assert validator._twins.get(False) is not None, model  # the rewrite knows every model's shape


@pytest.mark.skipif(unicodedata.unidata_version != text._TRAVELS_UNICODE, reason="table of another Unicode")
def test_the_table_of_travelling_characters_is_this_pythons():
    assert text._stored_ranges() == text.travelling_ranges()


def _code_points() -> list[int]:
    """Every code point of planes 0, 1 and 14 (text, emoji, tags and variation selectors), every
    31st of the others (ideographs, unassigned, private use)."""
    return [code for code in range(sys.maxunicode + 1) if not 0xD800 <= code <= 0xDFFF
            and (code < 0x20000 or 0xE0000 <= code < 0xF0000 or code % 31 == 0)]


@pytest.mark.parametrize("multiline", [False, True])
def test_the_native_pattern_accepts_exactly_the_characters_the_rule_lets_travel(multiline):
    check = SchemaValidator({"type": "list", "items_schema": {"type": "str", "pattern": text.native_pattern(
        multiline=multiline)}})
    chars = [chr(code) for code in _code_points()]
    refused: set[str] = set()
    for start in range(0, len(chars), 2048):  # in chunks: each error carries the whole pattern
        chunk = chars[start:start + 2048]
        try:
            check.validate_python(chunk)
        except ValidationError as exc:
            refused.update(chunk[e["loc"][0]] for e in exc.errors(include_context=False, include_input=False,
                                                                 include_url=False))
    wrong = [c for c in chars if (c in refused) != (text.first_refused(c, multiline=multiline) is not None)]
    if unicodedata.unidata_version != text._TRAVELS_UNICODE:  # stricter only: never accepts a refused one
        wrong = [c for c in wrong if c not in refused]
    assert not wrong, [text.describe_char(c) for c in wrong[:10]]


@pytest.mark.parametrize("field", ONE_LINE + MULTI_LINE, ids=lambda f: getattr(f, "__name__", str(f)))
def test_hostile_text_gets_the_same_answer_and_reason_as_before(field):
    model, name = field[0], field[1]
    for value in [*TRAVELS.values(), *REFUSED.values(), *REFUSED_ONE_LINE.values(), "", "a" * field[3],
                  "a" * (field[3] + 1), "é" * (field[3] + 1), "\ud800", "ok\u200d"]:
        data = {**BASE[model], name: value}
        before, now = _outcome(model, data), _now(model, data)
        assert _same_ids(before, now), (name, value[:40], before, now)


@pytest.mark.parametrize("field", ID_FIELDS, ids=lambda f: getattr(f, "__name__", str(f)))
def test_ids_get_the_same_answer_and_reason_as_before(field):
    model, name = field
    for value in ["e1", "a" * 64, "a" * 65, "e 1", "e1\n", "\ne1", "-e1", "é1", "e1\x00", "", "x:y.z_w-1"]:
        data = {**BASE[model], name: value}
        assert _same_ids(_outcome(model, data), _now(model, data)), (name, value)


def test_a_refusal_names_the_character_in_the_users_words():
    error = validation_error(_raises(models.Task, title="judul\x1b[2J"))
    assert error.code == "text_control_char" and "U+001B ESCAPE" in error.message("en")
    assert "U+001B ESCAPE" in error.message("id")


def _raises(model, **changes) -> ValidationError:
    with pytest.raises(ValidationError) as caught:
        build(model, **changes)
    return caught.value


def test_stored_rows_still_load_whatever_they_hold():
    for value in REFUSED.values():
        task = models.Task.model_validate({"team_id": "t 1", "title": value}, context=models.STORED)
        assert task.title == value
    with pytest.raises(ValidationError):  # what is no text rule still holds for stored rows
        models.Task.model_validate({"team_id": "t1", "title": ""}, context=models.STORED)


def test_assignment_still_checks_the_rules():
    task = build(models.Task)
    with pytest.raises(ValidationError) as caught:
        task.title = "a\u202eb"
    assert caught.value.errors()[0]["type"] == "text_control_char"


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(title=st.text(max_size=210), description=st.text(max_size=50), team=st.text(max_size=70))
def test_any_text_gets_the_same_answer_as_the_python_rules(title, description, team):
    data = {"team_id": team, "title": title, "description": description}
    assert _same_ids(_outcome(models.Task, data), _now(models.Task, data))
    # and the page check (records as received) agrees with the model
    assert models.validate_many(models.Task, [data]) == (_outcome(models.Task, data)[0] == "ok")


def test_validate_many_reads_records_as_the_store_converter_does():
    # None is the field's default, keys that are no field are ignored (store.base.model_input)
    assert models.validate_many(models.Task, [{"team_id": "t1", "title": "x", "description": None, "rank": None,
                                               "due_date": None, "not_a_field": 1}])
    assert not models.validate_many(models.Task, [{"team_id": None, "title": "x"}])  # required
    for model in BASE:
        assert models.validate_many(model, [BASE[model]] * 3), model
    for model, name, *_ in ONE_LINE + MULTI_LINE:
        assert not models.validate_many(model, [BASE[model], {**BASE[model], name: REFUSED["csi_clear"]}]), name
    for model, name in ID_FIELDS:
        assert not models.validate_many(model, [{**BASE[model], name: "e 1"}]), name


def test_a_page_check_before_any_model_was_built(tmp_path):
    # the models are built on first use (defer_build): a pull may be that first use
    import subprocess

    code = ("from sk_tui.domain import models\n"
            "assert models.validate_many(models.Team, [{'name': 'x', 'unit_id': 'u', 'jpt_id': 'j'}])\n"
            "assert not models.validate_many(models.Task, [{'title': 'x\\x1b', 'team_id': 'u'}])\n"
            "assert isinstance(models.Task.__pydantic_validator__, models._NativeFirst)\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=tmp_path,
                          env={**__import__("os").environ})
    assert done.returncode == 0, done.stderr
