"""domain/errors.py: the one reader of pydantic's errors and the words it gives them."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from sk_tui.domain.errors import first_error, problem_words, validation_error
from sk_tui.domain.models import DailyReport, Task


def _refusal(model, **data) -> ValidationError:
    with pytest.raises(ValidationError) as caught:
        model.model_validate(data)
    return caught.value


def test_first_error_names_the_path_the_field_and_the_kind():
    first = first_error(_refusal(Task, team_id="t1", title="Judul", assignees=["e1", "e 2"]))
    assert first is not None
    assert (first.path, first.field, first.kind, first.value) == ("assignees.1", "assignees", "id_invalid", "e 2")


def test_first_error_of_anything_else_is_none():
    assert first_error(ValueError("no list of errors here")) is None


def test_problem_words_for_known_and_unknown_kinds():
    assert problem_words("missing") == ("wajib diisi", "is required")
    assert problem_words("no_such_kind") == ("tidak valid", "is invalid")


def test_validation_error_says_a_missing_field_in_both_languages():
    error = validation_error(_refusal(DailyReport, employee_id="e1"))
    assert error.code == "value_invalid"
    assert error.message("id").startswith("Isian tanggal kerja tidak valid: ")
    assert error.message("en").startswith("The work date is invalid: ")
