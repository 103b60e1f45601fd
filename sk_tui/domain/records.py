"""The record models by name, without importing pydantic until one is used.

The store's modules name the models at import (``from sk_tui.domain.records import Activity``);
each name here is a ``ModelRef`` that imports ``sk_tui.domain.models`` (pydantic and every
model class, a third of a headless command's time) the first time it is used: called, asked an
attribute, or given to ``isinstance``. So a command that never builds a model never imports
pydantic.

A headless command that only writes a few records (``sk-tui report add``) goes one step
further inside ``plain_records()``: a report or an activity whose every value meets its
model's declared rules (``SPECS``, pinned to the models by tests/unit/test_plain_start.py) is
a ``PlainRecord`` (the same fields, in the same order, with the model's defaults), and any
value the specs cannot decide goes to the model, which refuses it in its own words.

    >>> Activity.__name__
    'Activity'
"""

from __future__ import annotations

import contextlib
import datetime as dt
import math
import os
import sys
from collections.abc import Callable, Iterator, Mapping
from enum import Enum
from typing import Any

from sk_tui.domain import text as _text
from sk_tui.domain.enums import ReportStatus, Verdict, WorkMode
from sk_tui.domain.limits import (
    DAY_MINUTES,
    EVIDENCE_MAX,
    NAME_MAX,
    NOTE_MAX,
    POSITION_MAX,
    UNIT_MAX,
    VERSION_MAX,
    VOLUME_MAX,
)

# Validation context for rows read back from the local store (see sk_tui.domain.models).
STORED: dict[str, Any] = {"stored": True}

_MODELS = "sk_tui.domain.models"


def new_id() -> str:
    """A fresh record id: a random UUID (version 4) as text, as ``str(uuid.uuid4())`` gives it
    (the same 16 random bytes and bits; ``uuid`` itself costs a headless command ~4 ms to import).

        >>> import uuid
        >>> uuid.UUID(new_id()).version
        4
    """
    raw = bytearray(os.urandom(16))
    raw[6] = (raw[6] & 0x0F) | 0x40  # version 4
    raw[8] = (raw[8] & 0x3F) | 0x80  # RFC 4122 variant
    h = raw.hex()
    return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"


class ModelRef:
    """A model class named before it is needed: every use is the class's own (see the module
    docstring)."""

    __slots__ = ("__name__", "_cls")

    def __init__(self, name: str) -> None:
        self.__name__ = name
        self._cls: Any = None

    def resolve(self) -> Any:
        if self._cls is None:
            import importlib

            self._cls = getattr(importlib.import_module(_MODELS), self.__name__)
        return self._cls

    def loaded(self) -> bool:
        """True once the models are imported (by anyone): then the class itself is the quick way."""
        return self._cls is not None or _MODELS in sys.modules

    @property
    def model_fields(self) -> Mapping[str, Any]:
        # the store's converter (``model_input``) reads only the field names: a spec'd model
        # gives them without importing the models
        if not self.loaded() and _plain and self.__name__ in SPECS:
            return SPECS[self.__name__]
        return self.resolve().model_fields

    def __getattr__(self, name: str) -> Any:
        return getattr(self.resolve(), name)

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        return self.resolve()(*args, **kwargs)

    def __instancecheck__(self, instance: Any) -> bool:
        return isinstance(instance, self.resolve())

    def __subclasscheck__(self, subclass: Any) -> bool:
        return issubclass(subclass, self.resolve())

    def __repr__(self) -> str:
        return f"<model {self.__name__}>"


Unit = ModelRef("Unit")
Employee = ModelRef("Employee")
Team = ModelRef("Team")
Membership = ModelRef("Membership")
PerformancePlan = ModelRef("PerformancePlan")
Target = ModelRef("Target")
Indicator = ModelRef("Indicator")
Task = ModelRef("Task")
Activity = ModelRef("Activity")
DailyReport = ModelRef("DailyReport")
Review = ModelRef("Review")
Feedback = ModelRef("Feedback")
DwaArrangement = ModelRef("DwaArrangement")
Absence = ModelRef("Absence")
NegativeEvent = ModelRef("NegativeEvent")


# --- plain records --------------------------------------------------------------------------

class Field:
    """One field's declared rules, as its model declares them (see ``SPECS``)."""

    __slots__ = ("default", "factory", "high", "kind", "low", "low_open", "min_length", "multiline",
                 "optional", "required")

    def __init__(self, kind: Any, *, optional: bool = False, default: Any = None, factory: Callable[[], Any] | None = None,
                 required: bool = False, low: float | None = None, low_open: bool = False, high: float | None = None,
                 min_length: int = 0, multiline: bool = False) -> None:
        self.kind, self.optional, self.default, self.factory = kind, optional, default, factory
        self.required, self.low, self.low_open, self.high = required, low, low_open, high
        self.min_length, self.multiline = min_length, multiline


def _id(*, optional: bool = False, required: bool = False, factory: Callable[[], Any] | None = None) -> Field:
    return Field("id", optional=optional, required=required, factory=factory)


def _text_field(max_length: int, *, multiline: bool, default: str = "", min_length: int = 0,
                required: bool = False) -> Field:
    return Field("text", default=default, high=max_length, multiline=multiline, min_length=min_length,
                 required=required)


# The declared rules of the models a headless command writes: field -> rules, in the model's
# order. tests/unit/test_plain_start.py pins each to its model (the model stays their home).
SPECS: dict[str, dict[str, Field]] = {
    "DailyReport": {
        "id": _id(factory=new_id),
        "employee_id": _id(required=True),
        "work_date": Field(dt.date, required=True),
        "work_mode": Field(WorkMode, default=WorkMode.WFO),
        "location": _text_field(NAME_MAX, multiline=False),
        "status": Field(ReportStatus, default=ReportStatus.DRAFT),
        "team_id": _id(optional=True),
        "version": Field(int, default=0, low=0, high=VERSION_MAX),
        "submitted_at": Field(dt.datetime, optional=True),
        "first_submitted_at": Field(dt.datetime, optional=True),
        "received_at": Field(dt.datetime, optional=True),
        "total_minutes": Field(int, default=0, low=0, high=DAY_MINUTES),
        "approved_minutes": Field(int, default=0, low=0, high=DAY_MINUTES),
        "review_note": _text_field(NOTE_MAX, multiline=True),
        "reviewed_by": _id(optional=True),
        "reviewed_at": Field(dt.datetime, optional=True),
    },
    "Activity": {
        "id": _id(factory=new_id),
        "report_id": _id(required=True),
        "description": _text_field(NOTE_MAX, multiline=True, min_length=1, required=True),
        "minutes": Field(int, required=True, low=0, low_open=True, high=DAY_MINUTES),
        "volume": Field(float, default=1.0, low=0, high=VOLUME_MAX),
        "volume_unit": _text_field(UNIT_MAX, multiline=False, default="kegiatan", min_length=1),
        "task_id": _id(optional=True),
        "indicator_id": _id(optional=True),
        "evidence": _text_field(EVIDENCE_MAX, multiline=True),
        "position": Field(int, default=0, low=0, high=POSITION_MAX),
        "team_id": _id(optional=True),
        "verdict": Field(Verdict, default=Verdict.PENDING),
        "review_note": _text_field(NOTE_MAX, multiline=True),
        "reviewed_by": _id(optional=True),
        "reviewed_at": Field(dt.datetime, optional=True),
    },
}

_plain = False  # inside plain_records()


@contextlib.contextmanager
def plain_records() -> Iterator[None]:
    """Reports and activities built in this block may be ``PlainRecord``s (a headless command
    that writes a few records and prints a line: nothing else sees them)."""
    global _plain
    before, _plain = _plain, True
    try:
        yield
    finally:
        _plain = before


class Undecided(Exception):
    """A value the specs do not decide: the model decides (and words any refusal)."""


class PlainRecord:
    """A record of a spec'd model built without pydantic: its fields as attributes (``__dict__``
    holds exactly them, in the model's order, as ``model_construct`` would; the class is named
    as the model); anything else (a property, ``model_dump``) is the model's own, on the model
    built from these values."""

    _model: ModelRef

    def __init__(self, values: dict[str, Any]) -> None:
        self.__dict__.update(values)

    def as_model(self) -> Any:
        return self._model.resolve().model_construct(**self.__dict__)

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__"):
            raise AttributeError(name)
        return getattr(self.as_model(), name)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, PlainRecord):
            return self._model is other._model and self.__dict__ == other.__dict__
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"{self._model.__name__}(plain, {self.__dict__!r})"


_PLAIN: dict[str, type[PlainRecord]] = {
    ref.__name__: type(ref.__name__, (PlainRecord,), {"_model": ref, "__slots__": ()}) for ref in (DailyReport, Activity)
}


def plain_record(model: ModelRef, values: Mapping[str, Any], *, stored: bool, convert: bool) -> PlainRecord | None:
    """``model`` from ``values`` as a PlainRecord when ``plain_records()`` is on, the models are
    not imported and every value meets the spec; None when the model should build it (the
    caller then does, and it refuses in its own words). ``stored``: the store's lenient reading
    (text and id rules skipped, as ``STORED`` does); ``convert``: ISO text and enum values as
    stored in a row."""
    spec = SPECS.get(model.__name__)
    if not _plain or spec is None or model.loaded() or any(key not in spec for key in values):
        return None
    out: dict[str, Any] = {}
    try:
        for name, field in spec.items():
            if name not in values:
                if field.required:
                    return None
                out[name] = field.factory() if field.factory else field.default
                continue
            out[name] = _value(values[name], field, stored=stored, convert=convert)
    except Undecided:
        return None
    return _PLAIN[model.__name__](out)


def _value(value: Any, field: Field, *, stored: bool, convert: bool) -> Any:
    if value is None:
        if field.optional:
            return None
        raise Undecided
    kind, typ = field.kind, type(value)
    if kind == "id":
        if typ is not str or (not stored and not _text.ID_RE.fullmatch(value)):
            raise Undecided
        return value
    if kind == "text":
        if typ is not str or len(value) < field.min_length:
            raise Undecided
        if not stored and (len(value) > (field.high or 0) or _text.first_refused(value, multiline=field.multiline)):
            raise Undecided
        return value
    value = typed(value, kind, convert)
    if kind is float and not math.isfinite(value):
        raise Undecided
    if field.low is not None and (value <= field.low if field.low_open else value < field.low):
        raise Undecided
    if field.high is not None and value > field.high:
        raise Undecided
    return value


def typed(value: Any, kind: Any, convert: bool) -> Any:
    """``value`` as exactly ``kind`` (str, int, float, bool, an enum, a date, a datetime), else
    Undecided; ``convert``: the store's forms (ISO text, enum values, 0/1, int for float)."""
    typ = type(value)
    if kind is str or kind is bool:
        if typ is kind:
            return value
        if convert and kind is bool and typ is int and value in (0, 1):
            return bool(value)
    elif kind is int:
        if typ is int:
            return value
    elif kind is float:
        if typ is float:
            return value
        if convert and typ is int:
            return float(value)
    elif isinstance(kind, type) and issubclass(kind, Enum):
        if typ is kind:
            return value
        if convert and typ is str:
            try:
                return kind(value)
            except ValueError:
                raise Undecided from None
    elif kind is dt.date:
        if typ is dt.date:
            return value
        if convert and typ is str and len(value) == 10:
            try:
                return dt.date.fromisoformat(value)
            except ValueError:
                raise Undecided from None
    elif kind is dt.datetime and typ is dt.datetime:
        return value
    raise Undecided
