"""The start-up paths' pydantic-free homes: the plain Policy, the enumerations and bounds."""

from __future__ import annotations

import subprocess
import sys

import pytest
from pydantic import ValidationError

from sk_tui.domain import policy_model
from sk_tui.domain.policy import DEFAULT_POLICY, DEFAULTS, Policy


def test_plain_policy_defaults_are_the_models():
    assert DEFAULT_POLICY.model_dump() == policy_model.Policy().model_dump()
    assert set(DEFAULTS) == set(policy_model.Policy.model_fields)
    assert DEFAULT_POLICY.model_dump(mode="json") == policy_model.Policy().model_dump(mode="json")


def test_plain_policy_refuses_with_the_models_words():
    for values in ({"working_weekdays": [0]}, {"monthly_target_minutes": 0}, {"colour": "blue"},
                   {"target_reducing_statuses": ["libur"]}):
        with pytest.raises(ValidationError) as plain:
            Policy(**values)
        with pytest.raises(ValidationError) as model:
            policy_model.Policy(**values)
        assert str(plain.value) == str(model.value)


def test_plain_policy_is_frozen_and_copies_with_an_update():
    with pytest.raises(AttributeError):
        DEFAULT_POLICY.timezone = "Asia/Jayapura"  # type: ignore[misc]
    copy = DEFAULT_POLICY.model_copy(update={"job_class_ceiling": {8: 10}})
    assert copy.job_class_ceiling == {8: 10} and DEFAULT_POLICY.has_ceiling(7)
    assert Policy(timezone="Asia/Jayapura") != DEFAULT_POLICY


def test_the_domains_plain_modules_import_no_pydantic():
    code = ("import sys; import sk_tui.domain.rules, sk_tui.domain.enums, sk_tui.domain.limits, "
            "sk_tui.domain.policy, sk_tui.domain.kinerja, sk_tui.domain.dwa, sk_tui.domain.teams; "
            "print(sorted(m for m in sys.modules if m.split('.')[0] in ('pydantic', 'pydantic_core')))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


def _declared(field) -> dict:
    """What a model field declares, in the terms of ``records.Field``."""
    import types
    import typing

    import annotated_types as at
    from pydantic.fields import FieldInfo

    out: dict = {"optional": False, "low": None, "low_open": False, "high": None, "min_length": 0,
                 "multiline": False, "finite": None}
    annotation, metadata = field.annotation, list(field.metadata)
    origin = typing.get_origin(annotation)
    if origin is typing.Union or origin is types.UnionType:
        out["optional"] = True
        annotation = next(arg for arg in typing.get_args(annotation) if arg is not type(None))
    if typing.get_origin(annotation) is typing.Annotated:
        annotation, *extra = typing.get_args(annotation)
        metadata += extra
    kind = annotation
    flat = []
    for item in metadata:
        flat += item.metadata if isinstance(item, FieldInfo) else [item]
    for item in flat:
        rule = getattr(getattr(item, "func", None), "__sk_rule__", None)
        if rule == ("id",):
            kind = "id"
        elif rule and rule[0] == "text":
            kind, out["high"], out["multiline"] = "text", rule[1], rule[2]
        elif isinstance(item, at.Gt):
            out["low"], out["low_open"] = item.gt, True
        elif isinstance(item, at.Ge):
            out["low"] = item.ge
        elif isinstance(item, at.Le):
            out["high"] = item.le
        elif isinstance(item, at.MinLen):
            out["min_length"] = item.min_length
        elif hasattr(item, "allow_inf_nan"):  # pydantic.types.AllowInfNan (2.14) or its general metadata (before)
            out["finite"] = item.allow_inf_nan
    out["kind"] = kind
    return out


def test_plain_record_specs_are_their_models_declarations():
    """The specs a headless add checks records by say what the models declare, field by field
    (same order, kinds, bounds, text and id rules, defaults): the models stay the rules' home."""
    from sk_tui.domain import models, records

    for name, spec in records.SPECS.items():
        model = getattr(models, name)
        assert list(spec) == list(model.model_fields), name
        for field_name, rules in spec.items():
            field = model.model_fields[field_name]
            declared = _declared(field)
            where = f"{name}.{field_name}"
            assert rules.kind == declared["kind"], where
            assert rules.optional == declared["optional"], where
            assert rules.required == field.is_required(), where
            assert rules.min_length == declared["min_length"], where
            assert rules.multiline == declared["multiline"], where
            assert (rules.low, rules.low_open, rules.high) == (declared["low"], declared["low_open"], declared["high"]), where
            if rules.kind is float:
                assert declared["finite"] is False, where  # the spec refuses inf and nan
            if not rules.required:
                if rules.factory is not None:
                    assert field.default_factory is rules.factory, where
                else:
                    assert field.default == rules.default and field.default_factory is None, where


def test_a_plain_record_is_what_the_model_builds():
    import datetime as dt

    from sk_tui.domain import models, plain, records
    from sk_tui.store.base import to_row

    values = {"id": "a1", "report_id": "r1", "description": "Rapat\nkoordinasi", "minutes": 60, "volume": 2.5,
              "volume_unit": "dokumen", "evidence": "ND-1", "position": 3, "team_id": "t1"}
    record = records.plain_record(records.Activity, values, stored=False, convert=False)
    assert record is None  # outside plain_records(): the model builds it
    with records.plain_records(), _models_hidden():
        record = records.plain_record(records.Activity, values, stored=False, convert=False)
        refused = [records.plain_record(records.Activity, {**values, **bad}, stored=False, convert=False)
                   for bad in ({"minutes": 0}, {"minutes": 1441}, {"volume": float("nan")}, {"description": ""},
                               {"description": "a\x1bb"}, {"volume_unit": "a\nb"}, {"team_id": "bad id"},
                               {"position": 10_001}, {"minutes": True}, {"colour": "x"})]
        row = records.plain_record(records.DailyReport, {"id": "d1", "employee_id": "e1", "work_date": "2026-11-20",
                                                         "status": "submitted", "total_minutes": 90},
                                   stored=True, convert=True)
    assert refused == [None] * len(refused)  # each goes to the model, which refuses in its own words
    assert to_row(record) == to_row(models.Activity(**values))
    assert type(record).__name__ == "Activity" and record.verdict == models.Verdict.PENDING
    assert row is not None and row.work_date == dt.date(2026, 11, 20) and row.status == models.ReportStatus.SUBMITTED
    assert row.editable is False  # a model's property: the model's own, on the same values
    assert to_row(row) == to_row(plain.from_row(models.DailyReport, {"id": "d1", "employee_id": "e1",
                                                                    "work_date": "2026-11-20", "status": "submitted",
                                                                    "total_minutes": 90}, models.STORED))


class _models_hidden:
    """The models as a fresh headless process sees them: not imported."""

    def __enter__(self):
        from sk_tui.domain import records

        self.saved = sys.modules.pop("sk_tui.domain.models")
        self.refs = {ref: ref._cls for ref in (records.Activity, records.DailyReport)}
        for ref in self.refs:
            ref._cls = None

    def __exit__(self, *exc):
        sys.modules["sk_tui.domain.models"] = self.saved
        for ref, cls in self.refs.items():
            ref._cls = cls


def test_headless_report_add_imports_no_pydantic(tmp_path):
    import os

    env = dict(os.environ, SK_TUI_HOME=str(tmp_path), SK_TUI_NOW="2026-11-27T10:00:00+07:00")
    db = tmp_path / "ws.db"
    subprocess.run([sys.executable, "-m", "sk_tui", "--db", str(db), "demo", "--no-open"], env=env, check=True,
                   capture_output=True)
    code = ("import sys, runpy; sys.argv = ['sk-tui', '--db', sys.argv[1], 'report', 'add', '--date', '2025-03-03', "
            "'--minutes', '60', '--desc', 'Telaah']\n"
            "try:\n    runpy.run_module('sk_tui', run_name='__main__')\nexcept SystemExit as exc:\n    assert not exc.code\n"
            "print(sorted(m for m in sys.modules if m.split('.')[0] in ('pydantic', 'pydantic_core')))")
    done = subprocess.run([sys.executable, "-c", code, str(db)], env=env, capture_output=True, text=True, check=True)
    assert done.stdout.strip().splitlines()[-1] == "[]", done.stdout
    assert "2025-03-03" in done.stdout


def test_new_id_is_a_random_uuid4_as_uuid_writes_it():
    import uuid

    from sk_tui.domain.records import new_id

    ids = {new_id() for _ in range(1000)}
    assert len(ids) == 1000
    for value in list(ids)[:100]:
        parsed = uuid.UUID(value)
        assert parsed.version == 4 and parsed.variant == uuid.RFC_4122 and str(parsed) == value


def test_a_lazy_module_is_imported_at_its_first_use_and_is_the_module():
    code = ("import sys; from sk_tui.domain.lazy import lazy_module; m = lazy_module('fractions'); "
            "before = 'fractions' in sys.modules; f = m.Fraction(1, 3); import fractions; "
            "print(before, type(f) is fractions.Fraction)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.split() == ["False", "True"]
