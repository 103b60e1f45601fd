"""The sync protocol v2 (DESIGN.md section 4): wire models shared by the client and the server.

    >>> PushRequest(device_id="d1", ops=[Op(op_id="o1", entity="task", entity_id="t1", op="create",
    ...             base_version=0, payload={"title": "x"})]).ops[0].op
    'create'

Endpoints (all under ``/v2``, bearer token in ``Authorization``):

| method | path          | body / query                  | answer          |
|--------|---------------|-------------------------------|-----------------|
| GET    | /health       |                               | ``Health``      |
| GET    | /me           |                               | ``Me``          |
| POST   | /sync/push    | ``PushRequest`` (<= 500 ops)  | ``PushResponse``|
| GET    | /sync/pull    | ``since``, ``limit``          | ``PullResponse``|

Ids on the wire (``op_id``, ``entity_id``, ``device_id``) match ``ID_PATTERN``, the one pattern
every record id matches (``sk_tui.domain.text``): a letter or digit, then letters, digits and
``. _ : -``, 1 to 64 characters in all, so never empty, never a NUL, a space or a newline.
``entity`` and ``op`` are short lowercase words; ``base_version`` and versions are 0..2**31-1;
sequence numbers and cursors are 0..2**63-1 (what SQLite and PostgreSQL ``bigint`` hold).
The record inside ``payload`` is checked by the domain models on the server, op by op.

Per-op result status is one of ``RESULT_STATUSES``. Changes in a pull page are ordered by the
server's sequence; ``data`` is the record in the local store's row form (dates as ISO text),
a report carrying its ``activities``.

v2 (issue 10) differs from v1 in what records mean, not in shape: every activity carries its
``team_id`` and that team's ``verdict`` (``pending`` | ``approved`` | ``returned``, the
server's, never taken from a client), a review names its ``team_id``, a report its
``first_submitted_at`` and ``approved_minutes``, and the server stamps ``received_at`` on each
submission and decision and refuses (reason ``device_time_out_of_range``) a device time before
the work date's local midnight or after its receipt + ``max_clock_skew_minutes``. A v1 client
would misread all of that, so every ``/v1`` path answers **426 Upgrade Required** with an
``UpdateRequired`` body (Indonesian ``message``, English ``message_en``); a v2 client shows it.
"""

from __future__ import annotations

import contextlib
import gc
import hashlib
from collections.abc import Iterator
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from sk_tui.domain.text import ID_PATTERN

PROTOCOL_VERSION = 2
API_PREFIX = f"/v{PROTOCOL_VERSION}"
RETIRED_PREFIXES = ("/v1",)  # answered with 426 and UPDATE_REQUIRED
UPDATE_REQUIRED = (
    ("Aplikasi sk-tui ini terlalu lama untuk server; perbarui aplikasi (protokol v2). "
     "Perubahan Anda tetap tersimpan di antrean."),
    ("This sk-tui app is too old for the server; update the app (protocol v2). "
     "Your changes stay queued."),
)
# The v1 sync client (User-Agent exactly OLD_CLIENT_AGENT) shows no body of a 426, only "(text)"
# after its generic line on a 401/403, cut at 200 characters: it gets a 403 with this plain text.
OLD_CLIENT_AGENT = "sk-tui-sync/1"
OLD_CLIENT_LINE = ("Perbarui aplikasi sk-tui: server memakai protokol v2. / "
                   "Update the sk-tui app: the server speaks protocol v2.")
MAX_OPS_PER_PUSH = 500
DEFAULT_PULL_LIMIT = 1000
MAX_PULL_LIMIT = 5000

APPLIED = "applied"
DUPLICATE = "duplicate"
CONFLICT = "conflict"
REJECTED = "rejected"
KEY_REUSED = "key_reused"
BLOCKED = "blocked"
RESULT_STATUSES = (APPLIED, DUPLICATE, CONFLICT, REJECTED, KEY_REUSED, BLOCKED)

# entity on the wire -> local table
ENTITY_TABLES: dict[str, str] = {
    "unit": "units",
    "employee": "employees",
    "team": "teams",
    "membership": "memberships",
    "plan": "plans",
    "target": "targets",
    "indicator": "indicators",
    "task": "tasks",
    "report": "reports",
    "review": "reviews",
    "feedback": "feedback",
}

# entity -> ops a client may push
CLIENT_OPS: dict[str, tuple[str, ...]] = {
    "report": ("submit",),
    "review": ("decide",),
    "task": ("create", "update"),
    "feedback": ("create",),
    # Teams of Teams: the JPT forms teams; DWA: the employee applies, the JPT decides
    "team": ("create", "update", "lead", "close"),
    "membership": ("create", "delete"),
    "dwa": ("apply", "decide"),
}


# fields a task ``update`` op may change
TASK_EDITABLE_FIELDS = frozenset({
    "title", "description", "assignees", "status", "due_date", "target_id", "indicator_id", "rank",
})


VERSION_MAX = 2**31 - 1
SEQ_MAX = 2**63 - 1
WORD_PATTERN = r"^[a-z][a-z_]{0,31}$"  # entity and op names

# pydantic checks patterns with Rust's regex, where "$" is the end of the text (no newline).
WireId = Annotated[str, Field(min_length=1, max_length=64, pattern=ID_PATTERN)]
Word = Annotated[str, Field(min_length=1, max_length=32, pattern=WORD_PATTERN)]


class _Wire(BaseModel):
    model_config = ConfigDict(extra="ignore")


class Op(_Wire):
    op_id: WireId
    entity: Word
    entity_id: WireId
    op: Word
    base_version: int = Field(default=0, ge=0, le=VERSION_MAX)
    payload: dict[str, Any] = Field(default_factory=dict)


class PushRequest(_Wire):
    # "" (an old client that sent none) or an id
    device_id: str = Field(default="", max_length=64, pattern=r"^$|" + ID_PATTERN)
    ops: list[Op]


class OpResult(_Wire):
    op_id: str
    status: Literal["applied", "duplicate", "conflict", "rejected", "key_reused", "blocked"]
    server_seq: int | None = None
    version: int | None = None
    reason: str | None = None  # stable code, e.g. "not_author", "stale_version"
    message: str | None = None  # for people, Indonesian (see DomainError)
    message_en: str | None = None
    current: dict[str, Any] | None = None  # the server copy on a conflict


class PushResponse(_Wire):
    server_epoch: str
    server_time: str
    results: list[OpResult]


class Change(_Wire):
    # A pulled page must parse as a whole, so entity_id is only bounded here; each record is
    # checked against the domain models when it is applied.
    seq: int = Field(ge=0, le=SEQ_MAX)
    entity: str = Field(max_length=32)
    entity_id: str = Field(max_length=64)
    kind: Literal["upsert", "delete"] = "upsert"
    data: dict[str, Any] | None = None


class PullResponse(_Wire):
    server_epoch: str
    server_time: str
    changes: list[Change]
    next_cursor: int = Field(ge=0, le=SEQ_MAX)
    has_more: bool


class Me(_Wire):
    employee_id: str
    nip: str
    name: str
    roles: list[str]
    server_epoch: str
    server_time: str


class Health(_Wire):
    ok: bool
    version: str
    server_epoch: str
    server_time: str


def payload_hash(op: Op | dict[str, Any]) -> str:
    """What makes two sends of one op_id 'the same op': entity, id, op, base version, payload.

    Keys are hashed in the order sent; a client resends an op exactly as it queued it.
    """
    from pydantic_core import to_json

    if isinstance(op, Op):
        parts = [op.entity, op.entity_id, op.op, op.base_version, op.payload]
    else:
        parts = [op["entity"], op["entity_id"], op["op"], int(op.get("base_version") or 0), op.get("payload") or {}]
    return hashlib.sha256(to_json(parts, fallback=str)).hexdigest()


class UpdateRequired(_Wire):
    """The body of a 426 answer to a retired protocol version: what the user should do."""

    detail: str  # both languages in one line, for any tool that shows ``detail``
    message: str  # Indonesian
    message_en: str
    protocol: int = PROTOCOL_VERSION


class Problem(_Wire):
    """The body of an error answer (401, 410, 413, 422, 429): what went wrong, for people and logs."""

    detail: str | list[dict[str, Any]]


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """Python's cycle collector off while a pull page is built (server) or decoded, checked and
    written (client): its thousands of new rows, dicts and tuples (no cycles among them, freed
    by reference counting) would otherwise set off collections that walk them again and again
    (a third of the client's page check). A thread finding it already paused leaves it to the
    one that paused it (at worst it comes back on while another page is being handled)."""
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()
