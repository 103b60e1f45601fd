"""Op builders for the push protocol, shared by the authorisation matrix and the hostile-engine
tests: each returns one op as a client would queue it, ids given in full (namespaced)."""

from __future__ import annotations

import datetime as dt
import json
import uuid

from tests.helpers.clock import TODAY


def new_id(prefix: str) -> str:
    return f"{prefix}-{uuid.uuid4().hex[:12]}"


def op(entity: str, entity_id: str, kind: str, payload, base: int = 0) -> dict:
    return {"op_id": str(uuid.uuid4()), "entity": entity, "entity_id": entity_id, "op": kind,
            "base_version": base, "payload": payload}


def report_submit(rid: str, employee: str, team: str | None, day: dt.date = TODAY, *, minutes: int = 60,
                  base: int = 0, **activity) -> dict:
    act = {"id": f"{rid}-a1", "report_id": rid, "description": "Menyusun telaah", "minutes": minutes,
           "volume": 1.0, "volume_unit": "kegiatan", "task_id": None, "indicator_id": None, "evidence": "",
           "position": 0, **activity}
    return op("report", rid, "submit", {
        "id": rid, "employee_id": employee, "work_date": day.isoformat(), "work_mode": "WFO", "location": "",
        "status": "submitted", "team_id": team, "version": base + 1, "submitted_at": f"{day}T09:00:00+07:00",
        "total_minutes": minutes, "activities": [act]}, base)


def review_decide(report_id: str, reviewer: str, decision: str = "approve", version: int = 1, *,
                  team: str | None = None, decided_at: str = "2026-11-27T09:30:00+07:00") -> dict:
    # decided before the frozen now (10:00): the server refuses a device time past its receipt + skew
    rid = new_id("rev")
    return op("review", rid, "decide", {
        "id": rid, "report_id": report_id, "reviewer_id": reviewer, "decision": decision,
        "note": "Lengkapi bukti" if decision == "return" else "", "report_version": version,
        "decided_at": decided_at, **({"team_id": team} if team else {})})


def task_create(tid: str, team: str, assignees: list[str] = (), title: str = "Menyusun draf Pergub",
                **fields) -> dict:
    return op("task", tid, "create", {
        "id": tid, "team_id": team, "title": title, "description": "", "assignees": json.dumps(list(assignees)),
        "status": "backlog", "due_date": None, "target_id": None, "indicator_id": None, "rank": 1.0,
        "version": 1, "updated_at": None, **fields})


def task_update(tid: str, base: int, **changes) -> dict:
    return op("task", tid, "update", changes, base)


def feedback_create(to: str, giver: str, text: str = "Pertahankan ketelitian") -> dict:
    fid = new_id("fb")
    return op("feedback", fid, "create", {"id": fid, "from_id": giver, "to_id": to, "text": text,
                                          "task_id": None, "created_at": "2026-11-27T12:00:00+07:00"})


def results(response) -> list[dict]:
    assert response.status_code == 200, response.text
    return response.json()["results"]
