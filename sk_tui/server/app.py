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
import json
import math
import os
import re
import threading
import time
from typing import Any

from fastapi import FastAPI, HTTPException, Query, Request, Security
from fastapi.openapi.utils import get_openapi
from fastapi.responses import JSONResponse, Response
from fastapi.security import HTTPBearer
from pydantic import ValidationError
from sqlalchemy import and_, or_, select, union
from starlette.concurrency import run_in_threadpool

from sk_tui import __version__, clock
from sk_tui.domain.errors import first_error, problem_words
from sk_tui.domain.models import Employee
from sk_tui.domain.policy import DEFAULT_POLICY, Policy
from sk_tui.server import auth
from sk_tui.server import storage as st
from sk_tui.server.engine import GroupCommitter, PushEngine, Refused
from sk_tui.sync import protocol as p

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


def _unauthorized(detail: str) -> HTTPException:
    return HTTPException(401, detail, headers={"WWW-Authenticate": "Bearer"})


def bearer_token(authorization: str | None) -> str:
    """The token of a well-formed ``Bearer`` header; 401 for any other shape."""
    scheme, _, token = (authorization or "").partition(" ")
    token = token.strip(" \t")
    if scheme.lower() != "bearer" or not token:
        raise _unauthorized("missing bearer token")
    if len(token) > MAX_TOKEN_CHARS or not token.isascii() or not token.isprintable() or " " in token:
        raise _unauthorized("unknown or revoked token")
    return token


def _actor(db: st.ServerDB, authorization: str | None) -> tuple[str, str]:
    """(employee id, token hash) of a live token, or 401."""
    token = bearer_token(authorization)
    employee_id = auth.who_has(db, token)
    if employee_id is None:
        raise _unauthorized("unknown or revoked token")
    return employee_id, auth.hash_token(token)


def _directory(conn, actor: str, teams: list[str]):
    """Who and which units the actor's directory holds, as subqueries: the actor, their superior,
    everyone on their teams (members and leads), those teams' JPTs, and the units of all of them."""
    e, m, t = st.employees.c, st.memberships.c, st.teams.c
    own = conn.execute(select(e.data).where(e.id == actor)).scalar()
    me = st.from_row(Employee, own) if own else None
    if me is not None and me.position_kind == "jpt":
        # a JPT forms teams from any unit (Teams of Teams): the whole directory
        everyone = select(e.id)
        return everyone, select(e.unit_id).where(e.id.in_(everyone))
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
            raise HTTPException(413, f"at most {p.MAX_OPS_PER_PUSH} ops a request")
        return body.ops, list(range(len(body.ops)))
    except ValidationError:
        pass
    try:
        data = json.loads(raw)
    except (ValueError, RecursionError):
        raise HTTPException(422, "body is not JSON") from None
    if not isinstance(data, dict):
        raise HTTPException(422, "body is not a JSON object")
    if not isinstance(data.get("ops"), list):
        raise HTTPException(422, "ops must be a list")
    device_id = data.get("device_id", "")
    if not isinstance(device_id, str) or len(device_id) > 64:
        raise HTTPException(422, "device_id must be text of at most 64 characters")
    if len(data["ops"]) > p.MAX_OPS_PER_PUSH:
        raise HTTPException(413, f"at most {p.MAX_OPS_PER_PUSH} ops a request")
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
    c = st.changes.c
    m = st.memberships.c
    with db.reading() as conn:
        hi = db.last_seq(conn)
        if since > hi:
            raise HTTPException(410, "cursor ahead of the server: re-pull from 0")
        mine = conn.execute(select(m.team_id, m.role).where(m.employee_id == actor)).all()
        led = {row.team_id for row in mine if row.role == "lead"}
        led.update(conn.execute(select(st.teams.c.id).where(st.teams.c.jpt_id == actor)).scalars())
        member = {row.team_id for row in mine}
        people, units = _directory(conn, actor, sorted(member | led))
        visible = or_(
            and_(c.vis == st.VIS_ALL, c.entity.notin_(st.DIRECTORY_ENTITIES)),
            and_(c.entity == "employee", c.entity_id.in_(people)), and_(c.entity == "unit", c.entity_id.in_(units)),
            c.employee_id == actor, c.other_id == actor,
            c.team_id.in_(sorted(led)), and_(c.vis == st.VIS_TEAM, c.team_id.in_(sorted(member))),
        )
        rows = conn.execute(
            select(st.changes.c.seq, c.entity, c.entity_id, c.data).where(c.seq > since, c.seq <= hi, visible)
            .order_by(c.seq).limit(limit + 1)
        ).all()
    has_more = len(rows) > limit
    rows = rows[:limit]
    parts = [
        (f'{{"seq":{r.seq},"entity":"{r.entity}","entity_id":{json.dumps(r.entity_id)},'
         f'"kind":"{"upsert" if r.data is not None else "delete"}","data":{r.data if r.data is not None else "null"}}}'
         ).encode()
        for r in rows
    ]
    # byte cap: stop before the change that would pass ``max_bytes`` (a page always carries at
    # least one change, so a cursor never stalls); the rest come on the next page
    size = 0
    for kept, part in enumerate(parts):
        size += len(part) + 1
        if kept and size > max_bytes:
            parts, rows, has_more = parts[:kept], rows[:kept], True
            break
    next_cursor = rows[-1].seq if has_more else hi
    head = json.dumps({"server_epoch": db.epoch(), "server_time": _server_time(), "next_cursor": next_cursor,
                       "has_more": has_more})
    return head[:-1].encode("utf-8") + b',"changes":[' + b",".join(parts) + b"]}"


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


def create_app(db_url: str | None = None, policy: Policy | None = None, *, db: st.ServerDB | None = None,
               limits: Limits | None = None) -> FastAPI:
    """The app over the database at ``db_url`` (a SQLite path/URL or postgresql://...)."""
    db = db or st.ServerDB.open(db_url)
    limits = limits or Limits.from_env()
    committer = GroupCommitter(PushEngine(db, policy or DEFAULT_POLICY))
    limiter = RateLimiter(limits.rate, limits.burst)
    app = FastAPI(title="sk_tui central endpoint", version=__version__,
                  description="Sync protocol v1 for sk_tui: push queued ops, pull scoped changes.")
    app.openapi = lambda: _openapi(app)  # type: ignore[method-assign]
    app.state.db = db
    app.state.limits = limits
    faults = Faults(os.environ.get("SK_TUI_SERVER_FAULTS", ""))
    # documents the scheme (and lets tools send it); the header itself is read by _caller,
    # since this parser's answers for odd shapes are not ours to rely on
    bearer = HTTPBearer(auto_error=False, description="A device token from `sk-tui server token`.")

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
            raise HTTPException(429, "too many requests", headers={"Retry-After": str(max(1, math.ceil(wait)))})
        return actor

    @app.get(f"{p.API_PREFIX}/health", response_model=p.Health)
    def health() -> dict[str, Any]:
        return {"ok": True, "version": __version__, "server_epoch": db.epoch(), "server_time": _server_time()}

    @app.get(f"{p.API_PREFIX}/me", response_model=p.Me, responses=AUTH_RESPONSES,
             dependencies=[Security(bearer)])
    def me(request: Request) -> dict[str, Any]:
        actor = _caller(request)
        summary = auth.employee_summary(db, actor)
        if summary is None:  # the employee went away after the token was checked
            raise _unauthorized("unknown or revoked token")
        return {**summary, "server_epoch": db.epoch(), "server_time": _server_time()}

    def _push(raw: bytes, actor: str) -> Response:
        valid, plan = read_push(raw)
        done = committer.push(actor, valid) if valid or not plan else []
        results = [done[step] if isinstance(step, int) else step for step in plan]
        payload = {"server_epoch": db.epoch(), "server_time": _server_time(), "results": results}
        return Response(st.dumps(payload), media_type="application/json")

    async def _body(request: Request) -> bytes:
        """The request body, refused with 413 once it passes the limit (declared or streamed)."""
        declared = request.headers.get("content-length")
        if declared is not None:
            if not declared.isdigit():
                raise HTTPException(400, "bad Content-Length")
            if int(declared) > limits.body_bytes:
                raise HTTPException(413, f"request body over {limits.body_bytes} bytes")
        chunks, size = [], 0
        async for chunk in request.stream():
            size += len(chunk)
            if size > limits.body_bytes:
                raise HTTPException(413, f"request body over {limits.body_bytes} bytes")
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
