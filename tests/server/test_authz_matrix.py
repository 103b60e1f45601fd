"""Who may do what, as one table per question, against a real server (SQLite and PostgreSQL).

The organisation (tests/helpers/org.py plus tests/helpers/live.py seed_wider): unit Biro Hukum with its JPT;
team-a = lead (lead), ani, dedi; team-b = lead2 (lead), dedi, fani; a second unit with its own
JPT (jpt2) and team-c = lead3 (lead), eko. Every cell names the caller by role towards team-a
and towards ani, whose report, task and feedback the ops touch. Each expected outcome is
written by hand: 401, "applied", or the reason of a ``rejected``.
"""

from __future__ import annotations

import datetime as dt
import types

import pytest

from sk_tui.server import auth
from sk_tui.server import storage as st
from tests.helpers.live import seed_wider
from tests.helpers.ops import (
    TODAY,
    feedback_create,
    new_id,
    report_submit,
    results,
    review_decide,
    task_create,
    task_update,
)

YESTERDAY = TODAY - dt.timedelta(days=1)

# caller -> who in the organisation (None: the token itself is the point)
CALLERS = {
    "no token": None, "malformed token": None, "revoked token": None,
    "member": "ani", "other team's member": "fani", "lead of the team": "lead",
    "lead of another team": "lead2", "JPT of the unit": "jpt", "JPT of another unit": "jpt2",
}

# caller -> (GET /v2/me, POST /v2/sync/push, GET /v2/sync/pull); GET /v2/health answers 200 to all
ENDPOINTS = {
    "no token": (401, 401, 401),
    "malformed token": (401, 401, 401),
    "revoked token": (401, 401, 401),
    "member": (200, 200, 200),
    "other team's member": (200, 200, 200),
    "lead of the team": (200, 200, 200),
    "lead of another team": (200, 200, 200),
    "JPT of the unit": (200, 200, 200),
    "JPT of another unit": (200, 200, 200),
}

OP_KINDS = ("submit own report to team-a", "submit a report as ani", "approve ani's report",
            "return ani's report", "create a team-a task", "update a team-a task", "give ani feedback")
A = "applied"
DENIED = (401,) * len(OP_KINDS)
OPS = {
    "no token": DENIED,
    "malformed token": DENIED,
    "revoked token": DENIED,
    "member": (A, A, "own_report", "own_report", A, A, "not_feedback_giver"),
    "other team's member": ("not_team_member", "not_author", "not_reviewer", "not_reviewer",
                            "not_team_member", "not_team_member", "not_feedback_giver"),
    "lead of the team": (A, "not_author", A, A, A, A, A),
    "lead of another team": ("not_team_member", "not_author", "not_reviewer", "not_reviewer",
                             "not_team_member", "not_team_member", "not_feedback_giver"),
    "JPT of the unit": ("not_team_member", "not_author", A, A, A, A, A),
    "JPT of another unit": ("not_team_member", "not_author", "not_reviewer", "not_reviewer",
                            "not_team_member", "not_team_member", "not_feedback_giver"),
}

SEEN = ("ani's report", "team-a task", "feedback to ani", "employee lead2", "employee fani", "employee jpt2",
        "unit-2")
Y, N = True, False
VISIBLE = {
    "member": (Y, Y, Y, N, N, N, N),
    "other team's member": (N, N, N, Y, Y, N, N),
    "lead of the team": (Y, Y, Y, N, N, N, N),
    "lead of another team": (N, N, N, Y, Y, N, N),
    # a JPT sees the agency's whole directory (to form cross-unit teams, issue 12), never more
    # of anyone's work than their own teams'
    "JPT of the unit": (Y, Y, N, Y, Y, Y, Y),
    "JPT of another unit": (N, N, N, Y, Y, Y, Y),
}


@pytest.fixture
def world(shared):
    """The shared server with this test's organisation, its tokens and the records ops touch."""
    ns = shared.ns
    tokens = dict(shared.tokens)
    tokens.update(seed_wider(shared.db_url, ns, int(ns[1:-1])))
    db = st.ServerDB.open(shared.db_url)
    try:
        revoked = auth.issue_token(db, ns + "emp-ani")
        assert auth.revoke(db, token=revoked) == 1
    finally:
        db.close()
    tokens.update({"revoked": revoked, "malformed": "skt_" + "!" * 300})
    w = types.SimpleNamespace(server=shared, id=shared.id, report=shared.id("rep-ani"),
                              task=shared.id("task-a"), feedback=None)
    assert results(shared.push(tokens["ani"], [report_submit(w.report, w.id("emp-ani"), w.id("team-a"),
                                                             YESTERDAY)]))[0]["status"] == A
    assert results(shared.push(tokens["lead"], [task_create(w.task, w.id("team-a"), [w.id("emp-ani")])]))[0][
        "status"] == A
    given = feedback_create(w.id("emp-ani"), w.id("emp-lead"))
    assert results(shared.push(tokens["lead"], [given]))[0]["status"] == A
    w.feedback = given["entity_id"]

    def token(caller: str) -> str | None:
        if caller == "no token":
            return None
        if caller == "malformed token":
            return tokens["malformed"]
        if caller == "revoked token":
            return tokens["revoked"]
        return tokens[CALLERS[caller]]

    w.token = token
    return w


def who(w, caller: str) -> str:
    return w.id("emp-" + (CALLERS[caller] or "ani"))


def build(w, caller: str, kind: str) -> dict:
    me = who(w, caller)
    if kind == "submit own report to team-a":
        return report_submit(new_id(w.id("rep")), me, w.id("team-a"))
    if kind == "submit a report as ani":
        return report_submit(new_id(w.id("rep")), w.id("emp-ani"), w.id("team-a"))
    if kind == "approve ani's report":
        return review_decide(w.report, me, "approve")
    if kind == "return ani's report":
        return review_decide(w.report, me, "return")
    if kind == "create a team-a task":
        return task_create(new_id(w.id("task")), w.id("team-a"))
    if kind == "update a team-a task":
        return task_update(w.task, 1, status="todo")
    return feedback_create(w.id("emp-ani"), me)


@pytest.mark.parametrize("caller", list(ENDPOINTS))
def test_endpoints(world, caller):
    server, token = world.server, world.token(caller)
    assert server.call("GET", "/v2/health", token).status_code == 200
    me, push, pull = ENDPOINTS[caller]
    answer = server.call("GET", "/v2/me", token)
    assert answer.status_code == me
    if me == 200:
        assert answer.json()["employee_id"] == who(world, caller)
    assert server.push(token, []).status_code == push
    assert server.call("GET", "/v2/sync/pull", token, params={"since": 0}).status_code == pull


@pytest.mark.parametrize(("caller", "kind"), [(c, k) for c in OPS for k in OP_KINDS])
def test_ops(world, caller, kind):
    expected = OPS[caller][OP_KINDS.index(kind)]
    op = build(world, caller, kind)
    response = world.server.push(world.token(caller), [op])
    if expected == 401:
        assert response.status_code == 401
        return
    (result,) = results(response)
    if expected == A:
        assert result["status"] == A, result
    else:
        assert (result["status"], result["reason"]) == ("rejected", expected), result
        assert result["current"] is None


@pytest.mark.parametrize("caller", list(VISIBLE))
def test_who_sees_what_in_pull(world, caller):
    changes = world.server.pull_all(world.token(caller))
    held = {(c["entity"], c["entity_id"]) for c in changes}
    wanted = {
        "ani's report": ("report", world.report), "team-a task": ("task", world.task),
        "feedback to ani": ("feedback", world.feedback), "employee lead2": ("employee", world.id("emp-lead2")),
        "employee fani": ("employee", world.id("emp-fani")), "employee jpt2": ("employee", world.id("emp-jpt2")),
        "unit-2": ("unit", world.id("unit-2")),
    }
    assert {name: wanted[name] in held for name in SEEN} == dict(zip(SEEN, VISIBLE[caller], strict=True))
    assert ("employee", who(world, caller)) in held  # everyone holds their own record
