"""The central endpoint as a FastAPI app (protocol: sk_tui/sync/protocol.py, DESIGN.md section 4).

    >>> app = create_app("sqlite:///server.db")        # doctest: +SKIP
    >>> uvicorn.run(app, host="127.0.0.1", port=8765)  # doctest: +SKIP

``SK_TUI_SERVER_FAULTS`` (tests only) injects failures, e.g. ``push:500:3`` (the next three
pushes answer 500), ``pull:hang:1:2`` (after two pulls pass, the next one hangs),
``push:commit_hang:1`` (commit, then never answer).
"""

from __future__ import annotations

import asyncio
import json
import os
from typing import Any

from fastapi import FastAPI, Header, HTTPException, Query, Request
from fastapi.responses import JSONResponse, Response
from pydantic import ValidationError
from sqlalchemy import and_, or_, select, union
from starlette.concurrency import run_in_threadpool

from sk_tui import __version__, clock
from sk_tui.domain.policy import DEFAULT_POLICY, Policy
from sk_tui.server import auth
from sk_tui.server import storage as st
from sk_tui.server.engine import GroupCommitter, PushEngine, read_push
from sk_tui.sync import protocol as p

MAX_BODY_BYTES = 32 * 1024 * 1024


def _server_time() -> str:
    return clock.now().isoformat()


def _actor(db: st.ServerDB, authorization: str | None) -> str:
    if not authorization or not authorization.lower().startswith("bearer "):
        raise HTTPException(401, "missing bearer token", headers={"WWW-Authenticate": "Bearer"})
    employee_id = auth.who_has(db, authorization.split(None, 1)[1])
    if employee_id is None:
        raise HTTPException(401, "unknown or revoked token", headers={"WWW-Authenticate": "Bearer"})
    return employee_id


def _directory(conn, actor: str, teams: list[str]):  # noqa: ANN001, ANN202
    """Who and which units the actor's directory holds, as subqueries: the actor, their superior,
    everyone on their teams (members and leads), those teams' JPTs, and the units of all of them."""
    e, m, t = st.employees.c, st.memberships.c, st.teams.c
    own = conn.execute(select(e.data).where(e.id == actor)).scalar()
    superior = json.loads(own).get("superior_id") if own else None
    people = union(
        select(m.employee_id).where(m.team_id.in_(teams)),
        select(t.jpt_id).where(t.id.in_(teams)),
        select(e.id).where(e.id.in_([actor, superior] if superior else [actor])),
    )
    return people, select(e.unit_id).where(e.id.in_(people))


def pull_page(db: st.ServerDB, actor: str, since: int, limit: int) -> bytes:
    """One page of the change log the actor may see, as the JSON body of a PullResponse."""
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
    next_cursor = rows[-1].seq if has_more else hi
    parts = [
        f'{{"seq":{r.seq},"entity":"{r.entity}","entity_id":{json.dumps(r.entity_id)},'
        f'"kind":"{"upsert" if r.data is not None else "delete"}","data":{r.data if r.data is not None else "null"}}}'
        for r in rows
    ]
    head = json.dumps({"server_epoch": db.epoch(), "server_time": _server_time(), "next_cursor": next_cursor,
                       "has_more": has_more})
    return (head[:-1] + ',"changes":[' + ",".join(parts) + "]}").encode("utf-8")


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


def create_app(db_url: str | None = None, policy: Policy | None = None, *, db: st.ServerDB | None = None) -> FastAPI:
    """The app over the database at ``db_url`` (a SQLite path/URL or postgresql://...)."""
    db = db or st.ServerDB.open(db_url)
    committer = GroupCommitter(PushEngine(db, policy or DEFAULT_POLICY))
    app = FastAPI(title="sk_tui central endpoint", version=__version__,
                  description="Sync protocol v1 for sk_tui: push queued ops, pull scoped changes.")
    app.state.db = db
    faults = Faults(os.environ.get("SK_TUI_SERVER_FAULTS", ""))

    if faults.rules:
        @app.middleware("http")
        async def _inject(request: Request, call_next):  # noqa: ANN001, ANN202
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

    @app.get(f"{p.API_PREFIX}/health", response_model=p.Health)
    def health() -> dict[str, Any]:
        return {"ok": True, "version": __version__, "server_epoch": db.epoch(), "server_time": _server_time()}

    @app.get(f"{p.API_PREFIX}/me", response_model=p.Me)
    def me(authorization: str | None = Header(default=None)) -> dict[str, Any]:
        actor = _actor(db, authorization)
        return {**auth.employee_summary(db, actor), "server_epoch": db.epoch(), "server_time": _server_time()}

    def _push(raw: bytes, authorization: str | None) -> Response:
        actor = _actor(db, authorization)
        if len(raw) > MAX_BODY_BYTES:
            raise HTTPException(413, "request body too large")
        try:
            body = read_push(raw)  # a malformed op is refused alone, not the whole request
        except ValidationError as exc:
            raise HTTPException(422, exc.errors(include_url=False, include_input=False)) from None
        if len(body.ops) > p.MAX_OPS_PER_PUSH:
            raise HTTPException(413, f"at most {p.MAX_OPS_PER_PUSH} ops a request")
        results = committer.push(actor, body.ops)
        payload = {"server_epoch": db.epoch(), "server_time": _server_time(), "results": results}
        return Response(st.dumps(payload), media_type="application/json")

    push_schema = {"requestBody": {"required": True, "content": {"application/json": {
        "schema": p.PushRequest.model_json_schema()}}}}

    @app.post(f"{p.API_PREFIX}/sync/push", responses={200: {"model": p.PushResponse}, 413: {}, 422: {}},
              openapi_extra=push_schema)
    async def push(request: Request, authorization: str | None = Header(default=None)) -> Response:
        """Deliver up to 500 queued ops (body: PushRequest); one result per op, in order."""
        raw = await request.body()
        return await run_in_threadpool(_push, raw, authorization)

    @app.get(f"{p.API_PREFIX}/sync/pull", responses={200: {"model": p.PullResponse}, 410: {}})
    def pull(
        since: int = Query(default=0, ge=0),
        limit: int = Query(default=p.DEFAULT_PULL_LIMIT, ge=1, le=p.MAX_PULL_LIMIT),
        authorization: str | None = Header(default=None),
    ) -> Response:
        actor = _actor(db, authorization)
        return Response(pull_page(db, actor, since, limit), media_type="application/json")

    return app
