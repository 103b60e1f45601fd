"""The domain of DOMAIN.md as pydantic models: pure data, no I/O.

Every record carries a client-generated UUID string ``id``; the server never assigns identity.

Every value is bounded (issue 7): ids match ``text.ID_PATTERN``; every text field is one-line
(``NameText``, ``ShortText``, ``UnitText``, ``ReasonText``: titles, names, units, codes, locations,
reasons) or multi-line (``NoteText``, ``EvidenceText``, ``TaskDescriptionText``: descriptions, notes,
evidence, feedback, target and indicator text) with a maximum length, and
may not hold the characters ``text.first_refused`` names; numbers have both bounds and are
finite. Rows read back from the local store are validated with ``context=STORED``: the text and
id checks are skipped there, so a record stored before these rules still loads (and is shown
escaped with ``text.visible``), while anything new, typed or received, is checked.

    >>> Employee(id=new_id(), nip="198703122010011002", name="Ani", position_kind="jf",
    ...          unit_id="u1").nip_birth_date().year
    1987
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Annotated, Any, cast

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    ValidationInfo,
    field_validator,
    model_validator,
)
from pydantic_core import PydanticCustomError

from sk_tui.domain import text as _text

# The enumerations and bounds live in pydantic-free modules (a headless command reads them
# without the models); every name stays importable from here.
from sk_tui.domain.enums import (  # noqa: F401 - re-exported
    TASK_COLUMNS,
    Aspect,
    AttendanceStatus,
    Decision,
    DwaStatus,
    Expectation,
    MemberRole,
    PositionKind,
    Rating,
    ReportStatus,
    TargetKind,
    TaskStatus,
    TeamKind,
    TeamScope,
    Verdict,
    WorkMode,
)
from sk_tui.domain.errors import DomainError
from sk_tui.domain.limits import (
    DAY_MINUTES,
    EVIDENCE_MAX,
    MAX_ASSIGNEES,
    NAME_MAX,
    NOTE_MAX,
    POSITION_MAX,
    RANK_MAX,
    REASON_MAX,
    SHORT_MAX,
    TARGET_VALUE_MAX,
    TASK_DESCRIPTION_MAX,
    UNIT_MAX,
    VERSION_MAX,
    VOLUME_MAX,
)

# STORED: the validation context for rows read back from the local store (module docstring)
from sk_tui.domain.records import STORED, new_id


def _stored(info: ValidationInfo) -> bool:
    return bool(info.context and info.context.get("stored"))


def _text_checker(max_length: int, *, multiline: bool) -> Callable[[str, ValidationInfo], str]:
    def check(value: str, info: ValidationInfo) -> str:
        if _stored(info):
            return value
        if len(value) > max_length:
            raise PydanticCustomError(
                "text_too_long", "at most {max_length} characters allowed (got {length})",
                {"max_length": max_length, "length": len(value)},
            )
        bad = _text.first_refused(value, multiline=multiline)
        if bad is not None:
            raise PydanticCustomError(
                "text_control_char", "character {char} is not allowed in {kind} text",
                {"char": _text.describe_char(bad), "kind": "multi-line" if multiline else "one-line"},
            )
        return value

    check.__sk_rule__ = ("text", max_length, multiline)  # type: ignore[attr-defined]  # see _native_schema
    return check


def _check_id(value: str, info: ValidationInfo) -> str:
    # fullmatch: re's "$" would also match before a trailing newline
    if not _stored(info) and not _text.ID_RE.fullmatch(value):
        raise PydanticCustomError("id_invalid", "not a valid id (letters, digits and . _ : -, at most 64)")
    return value


_check_id.__sk_rule__ = ("id",)  # type: ignore[attr-defined]


def _text_rule(max_length: int, *, multiline: bool) -> AfterValidator:
    return AfterValidator(_text_checker(max_length, multiline=multiline))


def _schema_max(max_length: int) -> Any:
    # the bound for the JSON schema only: the length is checked by _text_rule (text_too_long),
    # which stored rows skip, so pydantic's own max_length (string_too_long, always) is not used
    return Field(json_schema_extra={"maxLength": max_length})


# Text fields (see the module docstring): one-line ...
NameText = Annotated[str, _text_rule(NAME_MAX, multiline=False), _schema_max(NAME_MAX)]
ShortText = Annotated[str, _text_rule(SHORT_MAX, multiline=False), _schema_max(SHORT_MAX)]
UnitText = Annotated[str, _text_rule(UNIT_MAX, multiline=False), _schema_max(UNIT_MAX)]
ReasonText = Annotated[str, _text_rule(REASON_MAX, multiline=False), _schema_max(REASON_MAX)]
# ... and multi-line (newline and tab allowed, nothing else from C0/C1)
NoteText = Annotated[str, _text_rule(NOTE_MAX, multiline=True), _schema_max(NOTE_MAX)]
EvidenceText = Annotated[str, _text_rule(EVIDENCE_MAX, multiline=True), _schema_max(EVIDENCE_MAX)]
TaskDescriptionText = Annotated[str, _text_rule(TASK_DESCRIPTION_MAX, multiline=True), _schema_max(TASK_DESCRIPTION_MAX)]

Id = Annotated[str, AfterValidator(_check_id), Field(json_schema_extra={"pattern": _text.ID_PATTERN, "maxLength": 64})]
Version = Annotated[int, Field(ge=0, le=VERSION_MAX)]


# --- native validation ------------------------------------------------------------------------
#
# The id and text rules above are Python callbacks: exact, and they name the refused character,
# but one call per field is most of a record's validation (a pull validates 100k records). A
# record model therefore validates in two steps (``_NativeFirst``): first with a twin of its
# schema where each rule is a pydantic-core constraint (the id pattern; ``max_length`` and a
# pattern of the characters that travel, ``text.native_pattern``), or, for rows read back with
# ``STORED``, dropped (the callbacks skip them there); only when that twin refuses, the model's
# own schema runs again and its error is the one raised. A twin accepts nothing the callbacks
# refuse, so what is accepted and every refusal's reason are the callbacks' own.

# validations of a model before its twins are built (the headless CLI validates a few records
# and never pays for compiling the patterns)
_NATIVE_AFTER = 16


class _Unsupported(Exception):
    """A schema shape the rewrite does not know: the model keeps its own validator only."""


def _native_schema(schema: Any, *, stored: bool) -> Any:
    """A copy of a core schema with every id and text rule as native constraints (``stored``:
    without them, as the callbacks do for ``STORED``)."""
    if isinstance(schema, list):
        return [_native_schema(item, stored=stored) for item in schema]
    if not isinstance(schema, dict):
        return schema
    if schema.get("type") == "function-after":
        rule = getattr(schema["function"].get("function"), "__sk_rule__", None)
        if rule is not None:
            inner = dict(_native_schema(schema["schema"], stored=stored))
            if stored:
                return inner
            if inner.get("type") != "str" or "pattern" in inner or "max_length" in inner:
                raise _Unsupported(inner.get("type"))
            if rule[0] == "id":
                inner["pattern"] = _text.ID_PATTERN  # Rust's "$" is the end of the text
            else:
                inner["max_length"] = rule[1]
                inner["pattern"] = _text.native_pattern(multiline=rule[2])
            return inner
    return {key: _native_schema(value, stored=stored) for key, value in schema.items()}


def _core_config(model: type[BaseModel]) -> Any:
    # the config pydantic builds the model's own validator with
    from pydantic._internal._config import ConfigWrapper

    return ConfigWrapper(model.model_config).core_config(title=model.__name__)


def _as_received(schema: dict[str, Any]) -> dict[str, Any]:
    """A model's fields schema taking a record as the store's converter reads it: a None value
    is the field's default, keys that are no field are dropped (``store.base.model_input``)."""
    fields_schema = dict(schema["schema"])
    if schema.get("type") != "model" or fields_schema.get("type") != "model-fields":
        raise _Unsupported(schema.get("type"))
    fields = {}
    for name, field in fields_schema["fields"].items():
        inner = field["schema"]
        if inner.get("type") == "default":
            inner = {**inner, "schema": {"type": "nullable", "schema": inner["schema"]}}
        fields[name] = {**field, "schema": inner}
    return {**fields_schema, "fields": fields, "extra_behavior": "ignore"}


def _twin(model: type[BaseModel], *, stored: bool, many: bool = False) -> Any:
    """A pydantic-core validator of the model's native twin, or None when its schema has a shape
    the rewrite does not know. ``many``: of a list of records as received (``_as_received``),
    for a model without validators of its own (no instance is built); else of a list of them."""
    from pydantic_core import SchemaValidator

    if not isinstance(model.__pydantic_core_schema__, dict):  # not built yet (defer_build)
        model.model_rebuild()
    try:
        schema = _native_schema(model.__pydantic_core_schema__, stored=stored)
        if many:
            schema = {"type": "list", "items_schema": schema if _own_validators(model) else _as_received(schema)}
        return SchemaValidator(schema, _core_config(model))
    except Exception:  # noqa: BLE001 - _Unsupported or a schema pydantic-core will not build: no twin
        return None


def _own_validators(model: type[BaseModel]) -> bool:
    decorators = model.__pydantic_decorators__
    return bool(decorators.validators or decorators.field_validators or decorators.root_validators
                or decorators.model_validators)


class _NativeFirst:
    """A record model's ``__pydantic_validator__``: its native twin first, its own validator
    (``precise``) when the twin refuses or for any other context; everything else is the own
    validator's (assignment, defaults, ...)."""

    def __init__(self, model: type[BaseModel], precise: Any) -> None:
        self._model, self._precise = model, precise
        self._calls = 0
        self._twins: dict[bool, Any] = {}

    def __getattr__(self, name: str) -> Any:
        return getattr(self._precise, name)

    def _fast(self, context: Any) -> Any:
        if context is None:
            stored = False
        elif context == STORED:
            stored = True
        else:
            return None
        twin = self._twins.get(stored, False)
        if twin is False:
            self._calls += 1
            if self._calls <= _NATIVE_AFTER:
                return None
            twin = self._twins[stored] = _twin(self._model, stored=stored)
        return twin

    def validate_python(self, value: Any, *args: Any, context: Any = None, **kwargs: Any) -> Any:
        twin = self._fast(context)
        if twin is not None:
            try:
                return twin.validate_python(value, *args, context=context, **kwargs)
            except Exception:  # noqa: BLE001 - refused (or odd input): the own validator says why
                pass
        return self._precise.validate_python(value, *args, context=context, **kwargs)

    def validate_json(self, value: Any, *args: Any, context: Any = None, **kwargs: Any) -> Any:
        twin = self._fast(context)
        if twin is not None:
            try:
                return twin.validate_json(value, *args, context=context, **kwargs)
            except Exception:  # noqa: BLE001 - as above
                pass
        return self._precise.validate_json(value, *args, context=context, **kwargs)


_MANY: dict[type[BaseModel], Any] = {}


def validate_many(model: type[BaseModel], items: list[Any]) -> bool:
    """True when every item, a record as received (a None value is the field's default, keys
    that are no field are dropped, as ``store.base.model_input`` reads it), is a valid ``model``
    (typed or received: no ``STORED``), checked natively in one call. False when any may be
    refused: the caller then validates with the model's own schema, which names the reasons."""
    twin = _MANY.get(model, False)
    if twin is False:
        twin = _MANY[model] = _twin(model, stored=False, many=True)
    if twin is None:
        return False
    if _own_validators(model):  # its validators see the model's defaults: give them the same input
        fields = model.model_fields
        items = [{key: value for key, value in item.items() if value is not None and key in fields}
                 if isinstance(item, dict) else item for item in items]
    try:
        twin.validate_python(items)
    except Exception:  # noqa: BLE001 - refused, or a shape the twin does not take
        return False
    return True


class _Record(BaseModel):
    # defer_build: a schema is built on first use, not at import (keeps the headless CLI fast).
    model_config = ConfigDict(extra="forbid", validate_assignment=True, defer_build=True)

    id: Id = Field(default_factory=new_id)

    @classmethod
    def __pydantic_on_complete__(cls) -> None:
        # pydantic >= 2.12 calls this once the validator is built (see _NativeFirst)
        validator = cls.__pydantic_validator__
        if not isinstance(validator, _NativeFirst):
            cast(Any, cls).__pydantic_validator__ = _NativeFirst(cls, validator)


def validate_nip(nip: str) -> str:
    """Check an 18-digit ASN number: 18 digits whose first 8 are a real birth date.

    A PNS NIP goes on with the appointment year-month, sex and serial, but a PPPK number (NI
    PPPK, e.g. 198503152021212001) puts other codes there, so only what both share is checked.
    Raises DomainError("nip_invalid") naming what is wrong.
    """
    nip = nip.strip().replace(" ", "")
    if len(nip) != 18 or not nip.isdigit():
        raise DomainError("nip_invalid", nip=nip, why="nip_digits")
    try:
        dt.date(int(nip[0:4]), int(nip[4:6]), int(nip[6:8]))
    except ValueError:
        raise DomainError("nip_invalid", nip=nip, why="nip_birth") from None
    return nip


class Unit(_Record):
    code: ShortText = ""
    name: NameText = Field(min_length=1)
    parent_id: Id | None = None
    agency: NameText = "Pemerintah Daerah Provinsi Jawa Barat"
    timezone: ShortText = "Asia/Jakarta"


class Employee(_Record):
    nip: str = Field(max_length=64)  # normalised to 18 digits by _nip
    name: NameText = Field(min_length=1)
    position_kind: PositionKind
    position_title: NameText = ""
    jf_level: ShortText | None = None  # jenjang, e.g. "Ahli Muda"
    job_class: int = Field(default=7, ge=1, le=17)
    unit_id: Id
    superior_id: Id | None = None
    timezone: ShortText | None = None  # None: the unit's
    post_start: dt.date | None = None  # held the post from (recap pro-rates)
    post_end: dt.date | None = None

    @field_validator("nip")
    @classmethod
    def _nip(cls, value: str) -> str:
        try:
            return validate_nip(value)
        except DomainError as exc:
            raise ValueError(exc.message("en")) from None

    def nip_birth_date(self) -> dt.date:
        return dt.date(int(self.nip[0:4]), int(self.nip[4:6]), int(self.nip[6:8]))

    @property
    def short_name(self) -> str:
        """The name without academic titles after the comma: "Ani Lestari, S.H., M.H." -> "Ani Lestari"."""
        return self.name.split(",")[0]

    @property
    def initials(self) -> str:
        words = [w for w in self.name.replace(",", " ").split() if w[:1].isalpha() and "." not in w]
        return "".join(w[0] for w in words[:2]).upper() or self.name[:2].upper()


class Team(_Record):
    name: NameText = Field(min_length=1)
    unit_id: Id
    scope: TeamScope = TeamScope.INTERNAL
    kind: TeamKind = TeamKind.ADMINISTRATIVE
    jpt_id: Id  # the Eselon II leader the team answers to
    decree_no: NameText = ""
    period_start: dt.date | None = None
    period_end: dt.date | None = None
    closed_on: dt.date | None = None  # closed by its JPT: its cards are read-only, history stays

    @property
    def closed(self) -> bool:
        return self.closed_on is not None

    @model_validator(mode="after")
    def _period(self) -> Team:
        if self.period_start and self.period_end and self.period_end < self.period_start:
            raise ValueError("period_end before period_start")
        return self


class Membership(_Record):
    team_id: Id
    employee_id: Id
    role: MemberRole = MemberRole.MEMBER


class PerformancePlan(_Record):
    """An SKP for one employee and period."""

    employee_id: Id
    period_start: dt.date
    period_end: dt.date
    status: ShortText = "approved"


class Target(_Record):
    """An RHK row; ``parent_id`` is the leader's/team's RHK it intervenes (cascading)."""

    plan_id: Id
    kind: TargetKind = TargetKind.UTAMA
    text: NoteText = Field(min_length=1)
    parent_id: Id | None = None
    team_id: Id | None = None  # the team it was assigned from


class Indicator(_Record):
    """An IKI: measurable indicator of a target."""

    target_id: Id
    aspect: Aspect = Aspect.QUANTITY
    text: NoteText = Field(min_length=1)
    target_value: float = Field(gt=0, le=TARGET_VALUE_MAX, allow_inf_nan=False)
    unit: UnitText = Field(min_length=1)


class Task(_Record):
    team_id: Id
    title: NameText = Field(min_length=1)
    description: TaskDescriptionText = ""
    assignees: list[Id] = Field(default_factory=list, max_length=MAX_ASSIGNEES)  # employee ids
    status: TaskStatus = TaskStatus.BACKLOG
    due_date: dt.date | None = None
    target_id: Id | None = None
    indicator_id: Id | None = None
    rank: float = Field(default=0.0, ge=-RANK_MAX, le=RANK_MAX, allow_inf_nan=False)  # order inside a column
    version: Version = 0  # server version this copy is based on (+ local edits)
    updated_at: dt.datetime | None = None

    def is_overdue(self, today: dt.date) -> bool:
        return self.due_date is not None and self.due_date < today and self.status != TaskStatus.DONE


class Activity(_Record):
    report_id: Id
    description: NoteText = Field(min_length=1)
    minutes: int = Field(gt=0, le=DAY_MINUTES)
    volume: float = Field(default=1.0, ge=0, le=VOLUME_MAX, allow_inf_nan=False)
    volume_unit: UnitText = Field(default="kegiatan", min_length=1)
    task_id: Id | None = None
    indicator_id: Id | None = None
    evidence: EvidenceText = ""
    position: int = Field(default=0, ge=0, le=POSITION_MAX)
    # Verification per team: the team whose lead (or JPT) verifies this activity, and where that
    # team's decision stands. The server owns the verdict: a client's value is never taken.
    team_id: Id | None = None
    verdict: Verdict = Verdict.PENDING
    review_note: NoteText = ""  # the team lead's note when returned
    reviewed_by: Id | None = None
    reviewed_at: dt.datetime | None = None


class DailyReport(_Record):
    employee_id: Id
    work_date: dt.date
    work_mode: WorkMode = WorkMode.WFO
    location: NameText = ""
    status: ReportStatus = ReportStatus.DRAFT
    team_id: Id | None = None  # the member's default team: activities linked to no team's work go to it
    version: Version = 0
    submitted_at: dt.datetime | None = None  # device time of (last) submission
    # device time of the first submission: lateness counts from it, a resubmission never moves it
    first_submitted_at: dt.datetime | None = None
    received_at: dt.datetime | None = None  # the server's receipt time of the last submission
    total_minutes: int = Field(default=0, ge=0, le=DAY_MINUTES)
    approved_minutes: int = Field(default=0, ge=0, le=DAY_MINUTES)  # sum of approved activities
    review_note: NoteText = ""  # the last return's note (each activity keeps its team's)
    reviewed_by: Id | None = None  # the last decision's reviewer
    reviewed_at: dt.datetime | None = None

    @property
    def editable(self) -> bool:
        return self.status in (ReportStatus.DRAFT, ReportStatus.RETURNED)


class Review(_Record):
    report_id: Id
    reviewer_id: Id
    decision: Decision
    note: NoteText = ""
    report_version: int = Field(ge=1, le=VERSION_MAX)
    decided_at: dt.datetime  # device time
    team_id: Id | None = None  # the team whose activities of the day this decides
    received_at: dt.datetime | None = None  # the server's receipt time

    @model_validator(mode="after")
    def _return_needs_note(self) -> Review:
        if self.decision == Decision.RETURN and not self.note.strip():
            raise ValueError("a returned report needs a note")
        return self


class Feedback(_Record):
    """Continuous feedback (umpan balik) from a lead to a member."""

    from_id: Id
    to_id: Id
    text: NoteText = Field(min_length=1)
    task_id: Id | None = None
    created_at: dt.datetime


class DwaArrangement(_Record):
    """A Dynamic Working Arrangement: pattern 'A-O' = days anywhere - days in office a week.

    Applied for by the employee with the output targets it covers; approved or refused (with a
    note) by the unit's JPT. Only an approved one governs a week (sk_tui.domain.dwa).
    """

    employee_id: Id
    pattern: Annotated[str, _text_rule(8, multiline=False), _schema_max(8)] = "3-2"
    valid_from: dt.date
    valid_to: dt.date | None = None
    targets: NoteText = ""  # the agreed output targets the arrangement covers
    status: DwaStatus = DwaStatus.APPLIED
    note: NoteText = ""  # the decider's note (a refusal's reason)
    decided_by: Id | None = None
    approved_by: Id | None = None  # set when approved: what governs a week (kept for older rows)

    @field_validator("pattern")
    @classmethod
    def _pattern(cls, value: str) -> str:
        parts = value.split("-")
        if len(parts) != 2 or not all(p.isdigit() for p in parts) or sum(map(int, parts)) != 5:
            raise ValueError("pattern must be like 3-2 (anywhere-office days, 5 in all)")
        return value

    @model_validator(mode="after")
    def _period(self) -> DwaArrangement:
        if self.valid_to is not None and self.valid_to < self.valid_from:
            raise ValueError("valid_to before valid_from")
        return self

    @property
    def anywhere_days(self) -> int:
        return int(self.pattern.split("-")[0])


class Absence(_Record):
    """A day's attendance. Imported rows carry ``status`` (the attendance system's word);
    older rows only ``excused`` (False: tanpa keterangan)."""

    employee_id: Id
    day: dt.date
    excused: bool = False
    reason: ReasonText = ""
    status: AttendanceStatus | None = None


class NegativeEvent(_Record):
    """A negative activity the agency records (besides overdue reviews, which are derived)."""

    employee_id: Id
    day: dt.date
    reason: ReasonText = Field(min_length=1)
    kind: ShortText = "lainnya"  # e.g. hukuman_disiplin, lhkpn; the policy may price it
    reference: ShortText = ""  # e.g. the disciplinary decision's number


POLICY_TEXT_MAX = 200_000
PolicyText = Annotated[str, _text_rule(POLICY_TEXT_MAX, multiline=True), _schema_max(POLICY_TEXT_MAX)]


class AgencyPolicy(_Record):
    """The agency's policy as the server holds it: the TOML text, its version and hash."""

    version: Version
    hash: ShortText
    toml: PolicyText
    set_at: ShortText = ""


class MonthClose(_Record):
    """One person's official month, frozen by HR on the server (figures as the recap's JSON)."""

    employee_id: Id
    month: str = Field(max_length=7)  # YYYY-MM
    policy_version: Version
    hash: ShortText
    figures: dict[str, Any] = Field(default_factory=dict, max_length=100)
    closed_at: ShortText = ""

    @field_validator("month")
    @classmethod
    def _month(cls, value: str) -> str:
        year, _, month = value.partition("-")
        if len(value) != 7 or not (year.isdigit() and month.isdigit() and 1 <= int(month) <= 12):
            raise ValueError("month must be YYYY-MM")
        return value

    @field_validator("figures")
    @classmethod
    def _figures(cls, value: dict[str, Any]) -> dict[str, Any]:
        # the server's own numbers; bounded as a whole since its keys and values are not free text
        import json

        if len(json.dumps(value, default=str)) > 50_000:
            raise ValueError("figures: at most 50,000 characters of JSON")
        return value
