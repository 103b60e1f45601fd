"""A record built from values whose every declared rule holds, without pydantic's validator.

    >>> from sk_tui.domain.models import Activity
    >>> checked(Activity, {"report_id": "r1", "description": "Rapat", "minutes": 60}).minutes
    60

Building a model's validator (its core schema) costs milliseconds the first time, and the first
one in a process imports pydantic's plugin loader and ``importlib.metadata``: a third of a
headless `sk-tui report add` went there. ``checked`` reads the rules the model itself declares
(``model_fields``: bounds, lengths, finiteness, its ``AfterValidator`` functions, its own
"after" field and model validators) and, when each holds for values already of the field's
Python type, builds the model with ``model_construct``. The rules keep one home, the model's declaration; this only interprets
them. Anything it does not understand (another type, a "before" or "wrap" validator, a pattern
on non-ASCII text, an unknown constraint), and any value that breaks a rule, goes to the model's
own validation instead, so a refusal and its words are always the model's.

``from_row`` does the same for a row read back from the store (ISO text to dates, text to
enums), with the store's lenient reading (``STORED``: text and id rules skipped).
"""

from __future__ import annotations

import math
import re
import types
import typing
from collections.abc import Mapping
from typing import Any, TypeVar

from sk_tui.domain.records import STORED, ModelRef, Undecided, plain_record, typed

if typing.TYPE_CHECKING:
    from pydantic import BaseModel

M = TypeVar("M", bound="BaseModel")

# model_config keys that do not change what a field accepts
_NEUTRAL_CONFIG = frozenset({"extra", "validate_assignment", "defer_build", "frozen", "title"})
_ASCII_PRINTABLE = re.compile(r"[ -~]*")


# the value or the model is outside what this module decides: the model decides
_Unsure = Undecided


class _Info:
    """What the model's AfterValidator functions read of pydantic's ValidationInfo."""

    __slots__ = ("context",)

    def __init__(self, context: dict[str, Any] | None) -> None:
        self.context = context


def checked(cls: type[M], values: Mapping[str, Any], *, context: dict[str, Any] | None = None) -> M:
    """``cls(**values)``, without building its validator when every rule holds (see the module
    docstring); otherwise ``cls.model_validate`` (which refuses as the model does). ``cls`` may
    be a ``records.ModelRef``: inside ``records.plain_records()`` that gives a PlainRecord when
    the specs decide, without importing pydantic."""
    if isinstance(cls, ModelRef):
        record = plain_record(cls, values, stored=context == STORED, convert=False)
        if record is not None:
            return typing.cast(M, record)
        cls = cls.resolve()
    if cls.__pydantic_complete__:  # its validator is built: pydantic-core is the quicker way now
        return cls.model_validate(dict(values), context=context)
    return interpreted(cls, values, context=context)


def from_row(cls: type[M], row: Mapping[str, Any], context: dict[str, Any]) -> M:
    """A stored row (ISO text, enum values) as ``cls``; ``row`` holds only ``cls``'s fields
    (``cls`` may be a ``records.ModelRef``, as in ``checked``)."""
    if isinstance(cls, ModelRef):
        record = plain_record(cls, row, stored=context == STORED, convert=True)
        if record is not None:
            return typing.cast(M, record)
        cls = cls.resolve()
    if cls.__pydantic_complete__:  # as in ``checked``
        return cls.model_validate(dict(row), context=context)
    return interpreted(cls, row, context=context, convert=True)


def interpreted(cls: type[M], values: Mapping[str, Any], *, context: dict[str, Any] | None = None,
                convert: bool = False) -> M:
    """The record by reading the model's declared rules (``convert``: from a stored row), the
    model's own validation for anything else; ``checked`` and ``from_row`` until the model's
    validator is built, the tests always."""
    try:
        return _built(cls, _valid(cls, values, context, convert=convert))
    except _Unsure:
        return cls.model_validate(dict(values), context=context)


def _built(cls: type[M], data: dict[str, Any]) -> M:
    """The record, once the model's own "after" model validators accept it."""
    record = cls.model_construct(**data)
    for decorator in cls.__pydantic_decorators__.model_validators.values():
        try:
            result = getattr(record, decorator.cls_var_name)()
        except Exception:  # noqa: BLE001 - a refusal: the model decides and words it
            raise _Unsure from None
        if result is not record:
            raise _Unsure
    return record


def _valid(cls: type[BaseModel], values: Mapping[str, Any], context: dict[str, Any] | None,
           *, convert: bool) -> dict[str, Any]:
    if not set(cls.model_config) <= _NEUTRAL_CONFIG or cls.model_config.get("extra") not in (None, "forbid", "ignore"):
        raise _Unsure
    decorators = cls.__pydantic_decorators__
    if decorators.validators or decorators.root_validators:
        raise _Unsure
    if any(d.info.mode != "after" for d in decorators.model_validators.values()):
        raise _Unsure
    # field name -> the model's own "after" field validators (classmethods taking the value)
    field_rules: dict[str, list[Any]] = {}
    for decorator in decorators.field_validators.values():
        if decorator.info.mode != "after" or "*" in decorator.info.fields:
            raise _Unsure
        for name in decorator.info.fields:
            field_rules.setdefault(name, []).append(getattr(cls, decorator.cls_var_name))
    fields = cls.model_fields
    if any(key not in fields for key in values):
        raise _Unsure  # an unknown key: the model words the refusal
    info = _Info(context)
    out: dict[str, Any] = {}
    for name, field in fields.items():
        if name not in values:
            if field.is_required():
                raise _Unsure
            continue  # a default: the model's own, never validated by pydantic either
        value = _field_value(values[name], field.annotation, field.metadata, info, convert)
        for rule in field_rules.get(name, ()):
            try:
                result = rule(value)
            except Exception:  # noqa: BLE001 - a refusal (or another signature): the model decides
                raise _Unsure from None
            if type(result) is not type(value) or result != value:
                raise _Unsure  # it would change the value: the model does that
        out[name] = value
    return out


def _field_value(value: Any, annotation: Any, metadata: list[Any], info: _Info, convert: bool) -> Any:
    """``value`` when it is of ``annotation``'s type and meets ``metadata``; else _Unsure."""
    origin = typing.get_origin(annotation)
    if origin is typing.Union or origin is types.UnionType:
        args = typing.get_args(annotation)
        if len(args) != 2 or type(None) not in args:
            raise _Unsure
        if value is None:
            if metadata:
                raise _Unsure
            return None
        annotation = next(arg for arg in args if arg is not type(None))
        origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        base, *extra = typing.get_args(annotation)
        return _field_value(value, base, [*metadata, *extra], info, convert)
    value = typed(value, annotation, convert)
    for rule in metadata:
        value = _meets(value, rule, info, convert)
    return value


def _meets(value: Any, rule: Any, info: _Info, convert: bool) -> Any:
    """``value`` when it meets ``rule`` (one item of a field's metadata); else _Unsure."""
    import annotated_types as at  # pydantic's own dependency: only once a model is read
    from pydantic import AfterValidator
    from pydantic.fields import FieldInfo
    from pydantic.types import AllowInfNan

    if isinstance(rule, at.Gt):
        ok = value > rule.gt
    elif isinstance(rule, at.Ge):
        ok = value >= rule.ge
    elif isinstance(rule, at.Lt):
        ok = value < rule.lt
    elif isinstance(rule, at.Le):
        ok = value <= rule.le
    elif isinstance(rule, at.MinLen):
        ok = len(value) >= rule.min_length
    elif isinstance(rule, at.MaxLen):
        ok = len(value) <= rule.max_length
    elif isinstance(rule, AfterValidator):
        try:
            result = rule.func(value, info)  # type: ignore[call-arg, arg-type]
        except Exception:  # noqa: BLE001 - a refusal (or another signature): the model decides
            raise _Unsure from None
        ok = result is value
    elif isinstance(rule, FieldInfo):
        # Field(...) inside Annotated: its own constraints (json_schema_extra changes nothing)
        for inner in rule.metadata:
            value = _meets(value, inner, info, convert)
        ok = True
    elif isinstance(rule, AllowInfNan):  # Field(allow_inf_nan=...) from pydantic 2.14 on
        ok = _general("allow_inf_nan", rule.allow_inf_nan, value)
    elif type(rule).__name__ == "_PydanticGeneralMetadata":  # before 2.14: allow_inf_nan, pattern
        ok = all(_general(key, setting, value) for key, setting in vars(rule).items())
    else:
        ok = False
    if not ok:
        raise _Unsure
    return value


def _general(key: str, setting: Any, value: Any) -> bool:
    """One of Field()'s general constraints: finiteness, or a pattern on printable ASCII text
    (where Python's ``re`` and pydantic's Rust regex agree; anything else: the model)."""
    if key == "allow_inf_nan":
        return setting is not False or (isinstance(value, float) and math.isfinite(value))
    if key == "pattern" and isinstance(value, str) and isinstance(setting, str):
        return _ASCII_PRINTABLE.fullmatch(value) is not None and re.search(setting, value) is not None
    return False
