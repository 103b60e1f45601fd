"""The push/pull protocol against a real server process (SQLite and PostgreSQL)."""

from __future__ import annotations

import datetime as dt
import json
import uuid

import pytest

from tests.helpers.clock import TODAY

NS = {"ns": ""}


def ID(raw: str) -> str:
    """An id in this test's own organisation on the shared server."""
    return NS["ns"] + raw


@pytest.fixture
def live(shared):
    NS["ns"] = shared.ns
    return shared


def report_op(
    rid: str,
    employee: str,
    team: str | None = "",
    *,
    day: dt.date = TODAY,
    minutes: int = 120,
    base: int = 0,
    op_id: str | None = None,
) -> dict:
    team = ID("team-a") if team == "" else team
    payload = {
        "id": rid,
        "employee_id": employee,
        "work_date": day.isoformat(),
        "work_mode": "WFO",
        "location": "",
        "status": "submitted",
        "team_id": team,
        "version": base + 1,
        "submitted_at": "2026-11-27T09:00:00+07:00",
        "total_minutes": minutes,
        "review_note": "",
        "reviewed_by": None,
        "reviewed_at": None,
        "activities": [
            {
                "id": f"{rid}-a1",
                "report_id": rid,
                "description": "Menyusun telaah",
                "minutes": minutes,
                "volume": 1.0,
                "volume_unit": "kegiatan",
                "task_id": None,
                "indicator_id": None,
                "evidence": "",
                "position": 0,
            }
        ],
    }
    return {
        "op_id": op_id or str(uuid.uuid4()),
        "entity": "report",
        "entity_id": rid,
        "op": "submit",
        "base_version": base,
        "payload": payload,
    }


def decide_op(
    report_id: str, reviewer: str, decision: str = "approve", version: int = 1, note: str = ""
) -> dict:
    rid = str(uuid.uuid4())
    return {
        "op_id": str(uuid.uuid4()),
        "entity": "review",
        "entity_id": rid,
        "op": "decide",
        "base_version": 0,
        "payload": {
            "id": rid,
            "report_id": report_id,
            "reviewer_id": reviewer,
            "decision": decision,
            "note": note,
            "report_version": version,
            "decided_at": "2026-11-27T09:30:00+07:00",  # before the frozen now: not past receipt + skew
        },
    }


def task_create(tid: str, team: str = "") -> dict:
    team = team or ID("team-a")
    return {
        "op_id": str(uuid.uuid4()),
        "entity": "task",
        "entity_id": tid,
        "op": "create",
        "base_version": 0,
        "payload": {
            "id": tid,
            "team_id": team,
            "title": "Menyusun draf Pergub",
            "description": "",
            "assignees": json.dumps([ID("emp-ani")]),
            "status": "backlog",
            "due_date": None,
            "target_id": None,
            "indicator_id": None,
            "rank": 1.0,
            "version": 1,
            "updated_at": None,
        },
    }


def task_update(tid: str, base: int, **changes) -> dict:
    return {
        "op_id": str(uuid.uuid4()),
        "entity": "task",
        "entity_id": tid,
        "op": "update",
        "base_version": base,
        "payload": changes,
    }


def results(response) -> list[dict]:
    assert response.status_code == 200, response.text
    return response.json()["results"]


def reports_seen(live, who: str) -> dict[str, dict]:
    return {c["entity_id"]: c["data"] for c in live.pull_all(live.tokens[who]) if c["entity"] == "report"}


def test_health_openapi_and_tokens(live):
    health = live.call("GET", "/v2/health", None).json()
    assert health["ok"] and health["server_epoch"]
    assert "/v2/sync/push" in live.call("GET", "/openapi.json", None).json()["paths"]
    assert live.push("", []).status_code == 401
    assert live.push("skt_not-a-token", []).status_code == 401
    me = live.call("GET", "/v2/me", live.tokens["lead"]).json()
    assert me["employee_id"] == ID("emp-lead") and me["roles"] == ["lead"]


def test_duplicate_replays_and_changed_payload_is_key_reused(live):
    token = live.tokens["ani"]
    op = report_op(ID("rep-1"), ID("emp-ani"), minutes=120)
    first = results(live.push(token, [op]))[0]
    assert first["status"] == "applied" and first["version"] == 1
    again = results(live.push(token, [op]))[0]
    assert again == {**again, "status": "duplicate", "server_seq": first["server_seq"], "version": 1}
    changed = report_op(ID("rep-1"), ID("emp-ani"), minutes=300, op_id=op["op_id"])
    later = report_op(ID("rep-1"), ID("emp-ani"), minutes=200)  # same record, after the failed op
    other = report_op(ID("rep-2"), ID("emp-ani"), day=TODAY - dt.timedelta(days=1))
    reused, blocked, fine = results(live.push(token, [changed, later, other]))
    assert reused["status"] == "key_reused"
    assert blocked["status"] == "blocked"
    assert fine["status"] == "applied"
    assert reports_seen(live, "ani")[ID("rep-1")]["total_minutes"] == 120  # the original, untouched


def test_member_sees_only_own_reports_lead_and_jpt_see_the_team(live):
    assert (
        results(live.push(live.tokens["ani"], [report_op(ID("rep-ani"), ID("emp-ani"))]))[0]["status"]
        == "applied"
    )
    assert ID("rep-ani") in reports_seen(live, "ani")
    assert ID("rep-ani") in reports_seen(live, "lead")
    assert ID("rep-ani") in reports_seen(live, "jpt")
    assert ID("rep-ani") not in reports_seen(live, "dedi")  # a teammate, not the lead
    assert ID("rep-ani") not in reports_seen(live, "lead2")  # lead of another team


def test_who_may_decide(live):
    results(live.push(live.tokens["ani"], [report_op(ID("rep-ani"), ID("emp-ani"))]))
    member = results(live.push(live.tokens["dedi"], [decide_op(ID("rep-ani"), ID("emp-dedi"))]))[0]
    assert (member["status"], member["reason"]) == ("rejected", "not_reviewer")
    other_lead = results(live.push(live.tokens["lead2"], [decide_op(ID("rep-ani"), ID("emp-lead2"))]))[0]
    assert (other_lead["status"], other_lead["reason"]) == ("rejected", "not_reviewer")
    own = results(live.push(live.tokens["ani"], [decide_op(ID("rep-ani"), ID("emp-ani"))]))[0]
    assert (own["status"], own["reason"]) == ("rejected", "own_report")
    forged = results(live.push(live.tokens["dedi"], [decide_op(ID("rep-ani"), ID("emp-lead"))]))[0]
    assert forged["status"] == "rejected"  # the actor comes from the token
    stale = results(live.push(live.tokens["lead"], [decide_op(ID("rep-ani"), ID("emp-lead"), version=7)]))[0]
    assert (stale["status"], stale["reason"]) == ("conflict", "stale_version")
    assert stale["current"]["version"] == 1
    assert reports_seen(live, "ani")[ID("rep-ani")]["status"] == "submitted"
    by_jpt = results(
        live.push(live.tokens["jpt"], [decide_op(ID("rep-ani"), ID("emp-jpt"), "return", note="Lengkapi")])
    )[0]
    assert by_jpt["status"] == "applied"
    seen = reports_seen(live, "ani")[ID("rep-ani")]
    assert (seen["status"], seen["version"], seen["review_note"]) == ("returned", 2, "Lengkapi")


def test_approved_report_is_immutable(live):
    results(live.push(live.tokens["ani"], [report_op(ID("rep-ani"), ID("emp-ani"))]))
    assert (
        results(live.push(live.tokens["lead"], [decide_op(ID("rep-ani"), ID("emp-lead"))]))[0]["status"]
        == "applied"
    )
    edit = results(
        live.push(live.tokens["ani"], [report_op(ID("rep-ani"), ID("emp-ani"), minutes=600, base=2)])
    )[0]
    assert (edit["status"], edit["reason"]) == ("rejected", "report_locked")
    second = results(
        live.push(live.tokens["jpt"], [decide_op(ID("rep-ani"), ID("emp-jpt"), "return", 2, "x")])
    )[0]
    assert second["status"] == "conflict"
    seen = reports_seen(live, "lead")[ID("rep-ani")]
    assert (seen["status"], seen["total_minutes"]) == ("approved", 120)


def test_returned_report_resubmits_against_the_current_version(live):
    results(live.push(live.tokens["ani"], [report_op(ID("rep-ani"), ID("emp-ani"))]))
    results(
        live.push(
            live.tokens["lead"], [decide_op(ID("rep-ani"), ID("emp-lead"), "return", 1, "Tambah bukti")]
        )
    )
    stale = results(
        live.push(live.tokens["ani"], [report_op(ID("rep-ani"), ID("emp-ani"), minutes=150, base=1)])
    )[0]
    assert stale["status"] == "conflict" and stale["current"]["status"] == "returned"
    ok = results(
        live.push(live.tokens["ani"], [report_op(ID("rep-ani"), ID("emp-ani"), minutes=150, base=2)])
    )[0]
    assert (ok["status"], ok["version"]) == ("applied", 3)


def test_author_and_work_date_window(live):
    token = live.tokens["ani"]
    forged = results(live.push(token, [report_op(ID("rep-x"), ID("emp-dedi"))]))[0]
    assert (forged["status"], forged["reason"]) == ("rejected", "not_author")
    old = results(
        live.push(token, [report_op(ID("rep-old"), ID("emp-ani"), day=TODAY - dt.timedelta(days=60))])
    )[0]
    assert (old["status"], old["reason"]) == ("rejected", "work_date_window")
    future = results(
        live.push(token, [report_op(ID("rep-fut"), ID("emp-ani"), day=TODAY + dt.timedelta(days=3))])
    )[0]
    assert future["reason"] == "work_date_window"
    edge = results(
        live.push(token, [report_op(ID("rep-45"), ID("emp-ani"), day=TODAY - dt.timedelta(days=45))])
    )[0]
    assert edge["status"] == "applied"
    not_mine = results(
        live.push(
            token,
            [report_op(ID("rep-b"), ID("emp-ani"), team=ID("team-b"), day=TODAY - dt.timedelta(days=2))],
        )
    )[0]
    assert (not_mine["status"], not_mine["reason"]) == ("rejected", "not_team_member")


def test_task_changes_are_compare_and_set(live):
    created = results(live.push(live.tokens["ani"], [task_create(ID("task-1"))]))[0]
    assert (created["status"], created["version"]) == ("applied", 1)
    moved = results(live.push(live.tokens["lead"], [task_update(ID("task-1"), 1, status="todo")]))[0]
    assert (moved["status"], moved["version"]) == ("applied", 2)
    stale = results(live.push(live.tokens["ani"], [task_update(ID("task-1"), 1, title="Judul lain")]))[0]
    assert stale["status"] == "conflict" and stale["current"]["status"] == "todo"
    outsider = results(live.push(live.tokens["lead2"], [task_update(ID("task-1"), 2, status="done")]))[0]
    assert (outsider["status"], outsider["reason"]) == ("rejected", "not_team_member")
    tasks = {c["entity_id"]: c["data"] for c in live.pull_all(live.tokens["dedi"]) if c["entity"] == "task"}
    assert tasks[ID("task-1")]["title"] == "Menyusun draf Pergub" and tasks[ID("task-1")]["version"] == 2
    assert not [c for c in live.pull_all(live.tokens["lead2"]) if c["entity"] == "task"]


def test_batch_limits_and_cursor_from_the_future(live):
    ops = [task_create(ID(f"t-{i}")) for i in range(501)]
    assert live.push(live.tokens["ani"], ops).status_code == 413
    assert live.call("GET", "/v2/sync/pull", live.tokens["ani"], params={"since": 10**9}).status_code == 410


def test_pull_pages_are_ordered_without_gaps(live):
    token = live.tokens["lead"]
    results(live.push(live.tokens["ani"], [task_create(ID(f"t-{i}")) for i in range(25)]))
    since, seen = 0, []
    while True:
        page = live.call("GET", "/v2/sync/pull", token, params={"since": since, "limit": 7}).json()
        seen += [c["seq"] for c in page["changes"]]
        assert len(page["changes"]) <= 7
        since = page["next_cursor"]
        if not page["has_more"]:
            break
    assert seen == sorted(seen) and len(seen) == len(set(seen))
    assert [c["seq"] for c in live.pull_all(token)] == seen
