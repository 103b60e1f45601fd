"""The central endpoint as a FastAPI app (protocol: sk_tui/sync/protocol.py, DESIGN.md section 4).

    >>> app = create_app("sqlite:///server.db")        # doctest: +SKIP
    >>> uvicorn.run(app, host="127.0.0.1", port=8765)  # doctest: +SKIP

How the server protects itself (issue 7, point 5):

- Every endpoint but ``/health`` authenticates first: an ``Authorization`` header of any shape
  that is not ``Bearer <live token>`` is a 401, and a push body is not read before that.
- A push body is at most ``Limits.body_bytes`` (16 MiB: 500 ops of about 32 KiB each, well above
  a real report); a larger ``Content-Length`` is a 413 at once, and a body streamed without one
  is read in chunks and refused with 413 as soon as it passes the limit. The client halves a
  batch on 413, so a legitimate large batch still goes through.
- The push body is refused whole (422) only when it cannot be read: not JSON, not an object,
  ``ops`` not a list, ``device_id`` not a short string; more than ``MAX_OPS_PER_PUSH`` ops is a 413.
  Each op that does not fit the wire ``Op`` model gets its own ``rejected`` result with reason
  ``op_invalid`` naming the field; the valid ops go on to the engine. Results stay one per op, in
  request order. A result's ``op_id`` echoes the op's ``op_id`` when it is a string; an op
  without a readable one (not an object, missing, not a string) gets ``"#<index>"``, its 0-based
  position in the request (the client matches results by ``op_id`` and only ever sends strings).
  Later valid ops on the same record as an unreadable one are ``blocked``, as the engine does.
- A pull page stops at ``limit`` rows or about ``Limits.page_bytes`` (4 MiB), whichever first.
- Each live token has a token bucket (``Limits.rate`` requests a second, bursts of
  ``Limits.burst``); an empty bucket answers 429 with ``Retry-After``. Buckets are kept in memory
  for authenticated tokens only, so made-up tokens cannot grow the table.

``SK_TUI_SERVER_LIMITS`` overrides the limits, e.g. ``body=65536,page=4096,rate=5,burst=5``
(``rate=0`` turns rate limiting off); ``create_app(limits=Limits(...))`` does the same.

``SK_TUI_SERVER_FAULTS`` (tests only) injects failures, e.g. ``push:500:3`` (the next three
pushes answer 500), ``pull:hang:1:2`` (after two pulls pass, the next one hangs),
``push:commit_hang:1`` (commit, then never answer).
"""

from __future__ import annotations

import asyncio
import dataclasses
import gc
import hashlib
import json
import math
import os
import re
import threading
import time
from typing import Any

from fastapi import FastAPI, HTTPException, Query, Request, Security
from fastapi.openapi.utils import get_openapi
from fastapi.responses import JSONResponse, PlainTextResponse, Response
from fastapi.security import HTTPBearer
from pydantic import ValidationError
from sqlalchemy import and_, or_, select, union
from starlette.concurrency import run_in_threadpool

from sk_tui import __version__, clock
from sk_tui.domain.errors import first_error, problem_words
from sk_tui.domain.i18n import accepted_language, both, text
from sk_tui.domain.models import Employee
from sk_tui.domain.policy import DEFAULT_POLICY, Policy
from sk_tui.server import auth, epoch
from sk_tui.server import storage as st
from sk_tui.server.engine import GroupCommitter, PushEngine, Refused
from sk_tui.sync import protocol as p

DB_ENV = "SK_TUI_SERVER_DB"  # app_from_env: the database URL each worker process opens
POLICY_ENV = "SK_TUI_SERVER_POLICY"  # app_from_env: the agency's policy.toml, when it has one
MAX_BODY_BYTES = 16 * 1024 * 1024  # 500 ops x ~32 KiB
MAX_PULL_PAGE_BYTES = 4 * 1024 * 1024
MAX_TOKEN_CHARS = 256  # issued tokens are 47 characters; anything far longer is not one
MAX_PAYLOAD_DEPTH = 32  # nesting of an op's payload; real payloads are 3 deep
OP_INVALID = "op_invalid"


@dataclasses.dataclass(frozen=True)
class Limits:
    """What one request and one token may cost the server (module docstring)."""

    body_bytes: int = MAX_BODY_BYTES
    page_bytes: int = MAX_PULL_PAGE_BYTES
    rate: float = 100.0  # requests a second per token, sustained; the sync client needs < 50
    burst: int = 1000  # requests at once per token (tests and benchmarks burst well below this)

    @classmethod
    def from_env(cls, spec: str | None = None) -> Limits:
        spec = os.environ.get("SK_TUI_SERVER_LIMITS", "") if spec is None else spec
        names = {"body": "body_bytes", "page": "page_bytes", "rate": "rate", "burst": "burst"}
        values: dict[str, Any] = {}
        for item in filter(None, (part.strip() for part in spec.split(","))):
            key, _, value = item.partition("=")
            if key.strip() not in names:
                raise ValueError(f"SK_TUI_SERVER_LIMITS: unknown limit {key.strip()!r}")
            field = names[key.strip()]
            values[field] = float(value) if field == "rate" else int(value)
        return cls(**values)


class RateLimiter:
    """Token buckets per key (a token hash): ``rate`` a second, up to ``burst`` at once."""

    def __init__(self, rate: float, burst: int, clock=time.monotonic):
        self.rate, self.burst, self.clock = rate, max(1, burst), clock
        self._buckets: dict[str, tuple[float, float]] = {}  # key -> (tokens, at)
        self._lock = threading.Lock()

    def wait_for(self, key: str) -> float:
        """0 when the request may go on (and is counted), else the seconds until it may."""
        if self.rate <= 0:
            return 0.0
        now = self.clock()
        with self._lock:
            tokens, at = self._buckets.get(key, (float(self.burst), now))
            tokens = min(float(self.burst), tokens + (now - at) * self.rate)
            if tokens >= 1.0:
                self._buckets[key] = (tokens - 1.0, now)
                return 0.0
            self._buckets[key] = (tokens, now)
            if len(self._buckets) > 100_000:  # forget idle (full) buckets; they would be full anyway
                cutoff = now - self.burst / self.rate
                self._buckets = {k: v for k, v in self._buckets.items() if v[1] > cutoff}
            return (1.0 - tokens) / self.rate


def _server_time() -> str:
    return clock.now().isoformat()


class Refusal(HTTPException):
    """An HTTP error whose words come from the catalogue (``http.*`` keys): the answer's
    ``detail`` is in the language Accept-Language asks for, both languages when it names
    neither (see ``_refusal`` in create_app)."""

    def __init__(self, status: int, key: str, headers: dict[str, str] | None = None, **params: object) -> None:
        super().__init__(status, both(key, **params), headers=headers)
        self.key, self.params = key, params


def _unauthorized(key: str) -> HTTPException:
    return Refusal(401, key, headers={"WWW-Authenticate": "Bearer"})


def bearer_token(authorization: str | None) -> str:
    """The token of a well-formed ``Bearer`` header; 401 for any other shape."""
    scheme, _, token = (authorization or "").partition(" ")
    token = token.strip(" \t")
    if scheme.lower() != "bearer" or not token:
        raise _unauthorized("http.token_missing")
    if len(token) > MAX_TOKEN_CHARS or not token.isascii() or not token.isprintable() or " " in token:
        raise _unauthorized("http.token_unknown")
    return token


def _actor(db: st.ServerDB, authorization: str | None) -> tuple[str, str]:
    """(employee id, token hash) of a live token, or 401."""
    token = bearer_token(authorization)
    employee_id = auth.who_has(db, token)
    if employee_id is None:
        raise _unauthorized("http.token_unknown")
    return employee_id, auth.hash_token(token)


def _agency_units(conn, unit_id: str) -> list[str]:
    """Every unit of the agency ``unit_id`` belongs to (a province's bureaus and agencies)."""
    rows = conn.execute(select(st.units.c.id, st.units.c.data)).all()
    agency = {row.id: json.loads(row.data).get("agency") for row in rows}
    return [uid for uid, name in agency.items() if name == agency.get(unit_id)]


def _directory(conn, actor: str, teams: list[str]):
    """Who and which units the actor's directory holds, as subqueries: the actor, their superior,
    everyone on their teams (members and leads), those teams' JPTs, and the units of all of them."""
    e, m, t = st.employees.c, st.memberships.c, st.teams.c
    own = conn.execute(select(e.data).where(e.id == actor)).scalar()
    me = st.from_row(Employee, own) if own else None
    if me is not None and me.position_kind == "jpt":
        # a JPT forms teams from any unit of the agency (Teams of Teams): the agency's directory
        agency_units = _agency_units(conn, me.unit_id)
        return select(e.id).where(e.unit_id.in_(agency_units)), select(st.units.c.id).where(
            st.units.c.id.in_(agency_units))
    superior = me.superior_id if me else None
    people = union(
        select(m.employee_id).where(m.team_id.in_(teams)),
        select(t.jpt_id).where(t.id.in_(teams)),
        select(e.id).where(e.id.in_([actor, superior] if superior else [actor])),
    )
    return people, select(e.unit_id).where(e.id.in_(people))


# --- per-op reading of a push body ------------------------------------------------------

_SURROGATE = re.compile("[\ud800-\udfff]")
OP_TEXT_FIELDS = ("op_id", "entity", "entity_id", "op")


def _text_problem(text: str, surrogates: bool) -> str | None:
    if "\x00" in text:
        return "text_nul"  # PostgreSQL cannot store it, and no person typed it
    if surrogates and _SURROGATE.search(text):
        return "text_surrogate"  # not Unicode text: it cannot be written as UTF-8
    return None


def _wire_problem(value: Any, surrogates: bool, limit: int = MAX_PAYLOAD_DEPTH) -> str | None:
    """Why a value cannot be stored as it is (too deep, NUL, lone surrogate), or None.

    Iterative, so a hostile payload is not a stack. Lone surrogates only come through the slow
    path (``json.loads``): the fast path's parser refuses them."""
    stack = [(value, 1)]
    while stack:
        item, level = stack.pop()
        if isinstance(item, str):
            problem = _text_problem(item, surrogates)
            if problem:
                return problem
        elif level > limit and isinstance(item, dict | list):
            return "too_deep"
        elif isinstance(item, dict):
            for key, sub in item.items():
                problem = _text_problem(key, surrogates) if isinstance(key, str) else None
                if problem:
                    return problem
                stack.append((sub, level + 1))
        elif isinstance(item, list):
            stack.extend((sub, level + 1) for sub in item)
    return None


def _op_problem(op: p.Op, surrogates: bool) -> tuple[str, str] | None:
    """(field, problem) for the first field of a well-formed op that cannot be stored."""
    for name in OP_TEXT_FIELDS:
        problem = _text_problem(getattr(op, name), surrogates)
        if problem:
            return name, problem
    problem = _wire_problem(op.payload, surrogates)
    return ("payload", problem) if problem else None


def _op_id_of(raw: Any, index: int) -> str:
    op_id = raw.get("op_id") if isinstance(raw, dict) else None
    if isinstance(op_id, str) and op_id and _text_problem(op_id, surrogates=True) is None:
        return op_id
    return f"#{index}"


def _invalid(raw: Any, index: int, field: str, kind: str) -> dict[str, Any]:
    why_id, why_en = problem_words(kind)
    field = "".join(ch if ch.isprintable() and not _SURROGATE.match(ch) else "?" for ch in field[:64])
    return Refused(p.REJECTED, OP_INVALID, index=index, field=field, why_id=why_id, why_en=why_en
                   ).result(_op_id_of(raw, index))


def read_op(raw: Any, index: int) -> p.Op | dict[str, Any]:
    """The op as the wire model, or its ``rejected`` result naming the first bad field."""
    if not isinstance(raw, dict):
        return _invalid(raw, index, "op", "dict_type")
    try:
        op = p.Op.model_validate(raw)
    except ValidationError as exc:
        first = first_error(exc)
        return _invalid(raw, index, (first.path if first else "") or "op", first.kind if first else "")
    problem = _op_problem(op, surrogates=True)
    return _invalid(raw, index, *problem) if problem else op


def read_push(raw: bytes) -> tuple[list[p.Op], list[dict[str, Any] | int]]:
    """The valid ops of a push body, and for every op in order: its result, or the index of its
    op in the valid list. HTTPException when the body as a whole cannot be read."""
    try:  # the fast path: every op well-formed, parsed and checked in one pass. Its parser
        # refuses lone surrogates, the id patterns refuse NUL in ids, and the engine's
        # screen_op refuses NUL, depth and out-of-range values in payloads: no second walk here.
        body = p.PushRequest.model_validate_json(raw)
        if len(body.ops) > p.MAX_OPS_PER_PUSH:
            raise Refusal(413, "http.too_many_ops", n=p.MAX_OPS_PER_PUSH)
        return body.ops, list(range(len(body.ops)))
    except ValidationError:
        pass
    try:
        data = json.loads(raw)
    except (ValueError, RecursionError):
        raise Refusal(422, "http.not_json") from None
    if not isinstance(data, dict):
        raise Refusal(422, "http.not_object")
    if not isinstance(data.get("ops"), list):
        raise Refusal(422, "http.ops_not_list")
    device_id = data.get("device_id", "")
    if not isinstance(device_id, str) or len(device_id) > 64:
        raise Refusal(422, "http.device_id")
    if len(data["ops"]) > p.MAX_OPS_PER_PUSH:
        raise Refusal(413, "http.too_many_ops", n=p.MAX_OPS_PER_PUSH)
    valid: list[p.Op] = []
    plan: list[dict[str, Any] | int] = []
    unreadable: set[tuple[str, str]] = set()  # records whose earlier op was unreadable
    for index, item in enumerate(data["ops"]):
        op = read_op(item, index)
        if isinstance(op, dict):
            if isinstance(item, dict) and isinstance(item.get("entity"), str) and isinstance(item.get("entity_id"), str):
                unreadable.add((item["entity"], item["entity_id"]))
            plan.append(op)
        elif (op.entity, op.entity_id) in unreadable:
            plan.append(Refused(p.BLOCKED, "blocked").result(op.op_id))
        else:
            plan.append(len(valid))
            valid.append(op)
    return valid, plan


def pull_page(db: st.ServerDB, actor: str, since: int, limit: int, max_bytes: int = MAX_PULL_PAGE_BYTES) -> bytes:
    """One page of the change log the actor may see, as the JSON body of a PullResponse:
    at most ``limit`` changes and about ``max_bytes`` bytes."""
    with p.collector_paused():
        return _pull_page(db, actor, since, limit, max_bytes)


def _pull_page(db: st.ServerDB, actor: str, since: int, limit: int, max_bytes: int) -> bytes:
    c = st.changes.c
    m = st.memberships.c
    with db.reading() as conn:
        hi = db.last_seq(conn)
        if since > hi:
            raise Refusal(410, "http.cursor_ahead")
        mine = conn.execute(select(m.team_id, m.role).where(m.employee_id == actor)).all()
        jpt_of = set(conn.execute(select(st.teams.c.id).where(st.teams.c.jpt_id == actor)).scalars())
        if since == hi:  # nothing new (most periodic pulls): no visibility to work out
            return _page_head(db, hi, False, _scope(mine, jpt_of)) + b"]}"
        led = {row.team_id for row in mine if row.role == "lead"}
        led.update(jpt_of)
        member = {row.team_id for row in mine}
        people, units = _directory(conn, actor, sorted(member | led))
        visible = or_(
            and_(c.vis == st.VIS_ALL, c.entity.notin_(st.DIRECTORY_ENTITIES)),
            and_(c.entity == "employee", c.entity_id.in_(people)), and_(c.entity == "unit", c.entity_id.in_(units)),
            c.employee_id == actor, c.other_id == actor,
            c.team_id.in_(sorted(led)), and_(c.vis == st.VIS_TEAM, c.team_id.in_(sorted(member))),
        )
        result = conn.execute(
            select(st.changes.c.seq, c.entity, c.entity_id, c.data).where(c.seq > since, c.seq <= hi, visible)
            .order_by(c.seq).limit(limit + 1)
        )
        # plain tuples from the driver: these columns need no result processing, and SQLAlchemy's
        # Row objects were a quarter of a page's cost (bench/results/profiles)
        rows = result.cursor.fetchall() if result.cursor is not None else []
        result.close()
    has_more = len(rows) > limit
    rows = rows[:limit]
    # ids quoted as they are when none of the page's needs escaping (every id the domain makes):
    # one look over all of them instead of a call per row
    ids = " ".join([row[2] for row in rows])
    if ids.isprintable() and '"' not in ids and "\\" not in ids:
        parts = [
            f'{{"seq":{seq},"entity":"{entity}","entity_id":"{entity_id}",'
            f'"kind":"{"delete" if data is None else "upsert"}","data":{"null" if data is None else data}}}'
            for seq, entity, entity_id, data in rows
        ]
    else:
        parts = [
            f'{{"seq":{seq},"entity":"{entity}","entity_id":{_json_text(entity_id)},'
            f'"kind":"{"delete" if data is None else "upsert"}","data":{"null" if data is None else data}}}'
            for seq, entity, entity_id, data in rows
        ]
    body = ",".join(parts).encode()
    if len(body) > max_bytes:
        # byte cap: stop before the change that would pass ``max_bytes`` (a page always carries
        # at least one change, so a cursor never stalls); the rest come on the next page
        size = 0
        for kept, part in enumerate(parts):
            size += len(part.encode()) + 1
            if kept and size > max_bytes:
                rows, has_more = rows[:kept], True
                body = ",".join(parts[:kept]).encode()
                break
    return _page_head(db, rows[-1][0] if has_more else hi, has_more, _scope(mine, jpt_of)) + body + b"]}"


def _scope(mine: Any, jpt_of: set[str]) -> str:
    """What the caller may see, as a fingerprint: when it changes (a team joined or left, a new
    lead or JPT) the client pulls from 0 again, so older records of a new scope arrive too."""
    return hashlib.sha256(json.dumps([sorted(map(tuple, mine)), sorted(jpt_of)]).encode()).hexdigest()[:32]


def _page_head(db: st.ServerDB, next_cursor: int, has_more: bool, scope: str) -> bytes:
    """A pull page's JSON up to the opening of its ``changes`` list."""
    head = json.dumps({"server_epoch": db.epoch(), "server_time": _server_time(), "next_cursor": next_cursor,
                       "has_more": has_more, "scope": scope})
    return head[:-1].encode("utf-8") + b',"changes":['


def _json_text(text: str) -> str:
    """``text`` as a JSON string: quoted as it is when nothing in it needs escaping (every id
    the domain makes), else through json.dumps."""
    if text.isprintable() and '"' not in text and "\\" not in text:
        return f'"{text}"'
    return json.dumps(text)


class Faults:
    """Test-only failure injection, from SK_TUI_SERVER_FAULTS (see the module docstring)."""

    def __init__(self, spec: str):
        self.rules: list[dict[str, Any]] = []
        for item in filter(None, (part.strip() for part in spec.split(","))):
            endpoint, action, times, *after = item.split(":")
            self.rules.append({"endpoint": endpoint, "action": action, "times": int(times),
                               "after": int(after[0]) if after else 0})

    def take(self, endpoint: str) -> str | None:
        for rule in self.rules:
            if rule["endpoint"] not in (endpoint, "any") or rule["times"] <= 0:
                continue
            if rule["after"] > 0:
                rule["after"] -= 1
                return None
            rule["times"] -= 1
            return rule["action"]
        return None


def _problem(description: str, **extra: Any) -> dict[str, Any]:
    return {"model": p.Problem, "description": description, **extra}


_RETRY_AFTER = {"Retry-After": {"description": "Seconds to wait before trying again.",
                                "schema": {"type": "integer", "minimum": 1}, "required": True}}
AUTH_RESPONSES: dict[int | str, dict[str, Any]] = {
    401: _problem("No, malformed, unknown or revoked bearer token."),
    429: _problem("Too many requests for this token; wait as Retry-After says.", headers=_RETRY_AFTER),
}


def _openapi(app: FastAPI) -> dict[str, Any]:
    """The generated document, plus the push body's models under components (the route reads its
    body itself, so FastAPI does not know them) so every $ref resolves."""
    if app.openapi_schema is None:
        doc = get_openapi(title=app.title, version=app.version, description=app.description, routes=app.routes)
        schemas = doc.setdefault("components", {}).setdefault("schemas", {})
        push_schema = p.PushRequest.model_json_schema(ref_template="#/components/schemas/{model}")
        schemas.update(push_schema.pop("$defs", {}))
        schemas["PushRequest"] = push_schema
        app.openapi_schema = doc
    return app.openapi_schema


_GC_TUNED = False


def _tune_gc() -> None:
    """The collector for a server process, once: what exists at start-up (modules, FastAPI,
    pydantic's and SQLAlchemy's structures) is frozen out of every later collection, and the
    youngest generation is collected every 50,000 allocations instead of 700. A push builds
    thousands of dicts that all live until it ends; with the default threshold every
    collection walked them again (~10 % of the engine's wall time for 10,000 task creates,
    measured with gc.callbacks: bench/results/profiles/server_s5_measured_alternatives.txt).
    Garbage cycles are still collected, just in larger steps."""
    global _GC_TUNED
    if _GC_TUNED:
        return
    _GC_TUNED = True
    gc.collect()
    gc.freeze()
    young, middle, old = gc.get_threshold()
    gc.set_threshold(max(young, 50_000), middle, old)


def create_app(db_url: str | None = None, policy: Policy | None = None, *, db: st.ServerDB | None = None,
               limits: Limits | None = None) -> FastAPI:
    """The app over the database at ``db_url`` (a SQLite path/URL or postgresql://...)."""
    _tune_gc()
    db = db or st.ServerDB.open(db_url)
    epoch.check_at_start(db)  # a database restored by other means gets a new epoch
    highwater = epoch.HighWater(db)
    limits = limits or Limits.from_env()
    from sk_tui.server.admin import PolicyProvider

    serving = policy or DEFAULT_POLICY
    committer = GroupCommitter(PushEngine(db, serving, policy_source=PolicyProvider(db, serving)))
    limiter = RateLimiter(limits.rate, limits.burst)
    app = FastAPI(title="sk_tui central endpoint", version=__version__,
                  description="Sync protocol v2 for sk_tui: push queued ops, pull scoped changes.")
    app.openapi = lambda: _openapi(app)  # type: ignore[method-assign]
    app.state.db = db
    app.state.limits = limits
    faults = Faults(os.environ.get("SK_TUI_SERVER_FAULTS", ""))
    # documents the scheme (and lets tools send it); the header itself is read by _caller,
    # since this parser's answers for odd shapes are not ours to rely on
    bearer = HTTPBearer(auto_error=False, description="A device token from `sk-tui server token`.")

    @app.exception_handler(Refusal)
    async def _refusal(request: Request, exc: Refusal) -> JSONResponse:
        lang = accepted_language(request.headers.get("accept-language"))
        detail = text(exc.key, lang, **exc.params) if lang else exc.detail
        return JSONResponse({"detail": detail}, status_code=exc.status_code, headers=exc.headers)

    if faults.rules:
        @app.middleware("http")
        async def _inject(request: Request, call_next):
            path = request.url.path
            endpoint = "push" if path.endswith("/sync/push") else "pull" if path.endswith("/sync/pull") else \
                "me" if path.endswith("/me") else "other"
            action = faults.take(endpoint)
            if action in ("500", "502", "503", "429", "413"):
                headers = {"Retry-After": "1"} if action in ("503", "429") else {}
                return JSONResponse({"detail": f"injected {action}"}, status_code=int(action), headers=headers)
            if action == "hang":
                await asyncio.sleep(60)
                return JSONResponse({"detail": "injected hang"}, status_code=504)
            response = await call_next(request)
            if action == "commit_hang":
                await asyncio.sleep(60)
            return response

    def _caller(request: Request) -> str:
        """The authenticated employee, after the token's rate limit (401 / 429 otherwise)."""
        actor, key = _actor(db, request.headers.get("authorization"))
        wait = limiter.wait_for(key)
        if wait > 0:
            raise Refusal(429, "http.too_many_requests", headers={"Retry-After": str(max(1, math.ceil(wait)))})
        return actor

    def _update_required(request: Request) -> Response:
        if request.headers.get("user-agent") == p.OLD_CLIENT_AGENT:
            return PlainTextResponse(p.OLD_CLIENT_LINE, status_code=403)
        ind, eng = p.UPDATE_REQUIRED
        body = p.UpdateRequired(detail=f"{ind} / {eng}", message=ind, message_en=eng)
        return JSONResponse(body.model_dump(), status_code=426, headers={"Upgrade": f"sk-tui-sync/{p.PROTOCOL_VERSION}"})

    for retired in p.RETIRED_PREFIXES:
        # an app from before protocol v2: told to update, whatever it asked (nothing is read or written)
        app.add_api_route(f"{retired}/{{rest:path}}", _update_required,
                          methods=["GET", "POST", "PUT", "PATCH", "DELETE"], include_in_schema=False)

    @app.get(f"{p.API_PREFIX}/health", response_model=p.Health)
    def health() -> dict[str, Any]:
        return {"ok": True, "version": __version__, "server_epoch": db.epoch(), "server_time": _server_time()}

    @app.get(f"{p.API_PREFIX}/me", response_model=p.Me, responses=AUTH_RESPONSES,
             dependencies=[Security(bearer)])
    def me(request: Request) -> dict[str, Any]:
        actor = _caller(request)
        summary = auth.employee_summary(db, actor)
        if summary is None:  # the employee went away after the token was checked
            raise _unauthorized("http.token_unknown")
        return {**summary, "server_epoch": db.epoch(), "server_time": _server_time()}

    def _push(raw: bytes, actor: str) -> Response:
        valid, plan = read_push(raw)
        done = committer.push(actor, valid) if valid or not plan else []
        results = [done[step] if isinstance(step, int) else step for step in plan]
        highwater.seen(done)
        payload = {"server_epoch": db.epoch(), "server_time": _server_time(), "results": results}
        return Response(st.dumps(payload), media_type="application/json")

    async def _body(request: Request) -> bytes:
        """The request body, refused with 413 once it passes the limit (declared or streamed)."""
        declared = request.headers.get("content-length")
        if declared is not None:
            if not declared.isdigit():
                raise Refusal(400, "http.bad_length")
            if int(declared) > limits.body_bytes:
                raise Refusal(413, "http.body_too_large", n=limits.body_bytes)
        chunks, size = [], 0
        async for chunk in request.stream():
            size += len(chunk)
            if size > limits.body_bytes:
                raise Refusal(413, "http.body_too_large", n=limits.body_bytes)
            chunks.append(chunk)
        return b"".join(chunks)

    push_body = {"requestBody": {"required": True, "content": {"application/json": {
        "schema": {"$ref": "#/components/schemas/PushRequest"}}}}}

    @app.post(f"{p.API_PREFIX}/sync/push", openapi_extra=push_body, dependencies=[Security(bearer)], responses={
        200: {"model": p.PushResponse}, **AUTH_RESPONSES,
        413: _problem(f"Body over the limit or more than {p.MAX_OPS_PER_PUSH} ops: halve the batch."),
        422: _problem("The body is not a JSON object with an ops list (malformed ops are answered per op)."),
    })
    async def push(request: Request) -> Response:
        """Deliver up to 500 queued ops (body: PushRequest); one result per op, in order.

        An op that does not fit the Op model is `rejected` with reason `op_invalid` on its own;
        its result's `op_id` is the op's `op_id` string, or `#<index>` when it has none.
        """
        actor = await run_in_threadpool(_caller, request)  # before a byte of the body is read
        raw = await _body(request)
        return await run_in_threadpool(_push, raw, actor)

    @app.get(f"{p.API_PREFIX}/sync/pull", dependencies=[Security(bearer)], responses={
        200: {"model": p.PullResponse}, **AUTH_RESPONSES,
        410: _problem("The cursor is ahead of the server (restored from a backup): re-pull from 0."),
    })
    def pull(
        request: Request,
        since: int = Query(default=0, ge=0, le=2**63 - 1),
        limit: int = Query(default=p.DEFAULT_PULL_LIMIT, ge=1, le=p.MAX_PULL_LIMIT),
    ) -> Response:
        actor = _caller(request)
        return Response(pull_page(db, actor, since, limit, limits.page_bytes), media_type="application/json")

    return app


def app_from_env() -> FastAPI:
    """uvicorn's app factory for `sk-tui serve --workers N`: every worker process calls it and
    opens its own pool on the database ``SK_TUI_SERVER_DB`` names, with the policy file
    ``SK_TUI_SERVER_POLICY`` names (the defaults without one)."""
    from pathlib import Path

    from sk_tui.server import admin

    db = st.ServerDB.open(os.environ[DB_ENV])
    if admin.current_policy_text(db) is not None:  # the agency's policy (`server policy set`) first
        return create_app(db=db, policy=admin.current_policy(db)[0])
    policy_file = os.environ.get(POLICY_ENV)
    policy = Policy.from_toml_text(Path(policy_file).read_text(encoding="utf-8")) if policy_file else None
    return create_app(db=db, policy=policy)
