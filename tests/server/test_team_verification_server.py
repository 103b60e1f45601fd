"""The server's side of verification per team and of time (issue 10, points 1 and 2), against a
real server on SQLite and PostgreSQL. The frozen now is Fri 27 Nov 2026 10:00 Jakarta; the
server's receipt time is that now, so device times up to 10:10 are accepted.

Dedi sits on team-a (lead: ``lead``) and team-b (lead: ``lead2``).
"""

from __future__ import annotations

import datetime as dt

from sk_tui.sync import protocol as p
from tests.helpers.clock import TODAY
from tests.helpers.ops import new_id, op, results, review_decide

DAY = TODAY - dt.timedelta(days=1)


def two_team_report(rid: str, *, b_minutes: int = 60, a_minutes: int = 120, base: int = 0,
                    submitted_at: str = f"{DAY}T16:00:00+07:00", b_team: str = "team-b") -> dict:
    def act(suffix, minutes, team, position):
        return {"id": f"{rid}-{suffix}", "report_id": rid, "description": f"Kegiatan {suffix}", "minutes": minutes,
                "volume": 1.0, "volume_unit": "kegiatan", "task_id": None, "indicator_id": None, "evidence": "",
                "position": position, "team_id": team, "verdict": "approved"}  # a verdict the server ignores
    return op("report", rid, "submit", {
        "id": rid, "employee_id": "emp-dedi", "work_date": DAY.isoformat(), "work_mode": "WFO", "location": "",
        "status": "submitted", "team_id": "team-a", "version": base + 1, "submitted_at": submitted_at,
        "total_minutes": a_minutes + b_minutes,
        "activities": [act("a", a_minutes, "team-a", 0), act("b", b_minutes, b_team, 1)]}, base)


def latest(live, who: str, rid: str) -> dict:
    return [c["data"] for c in live.pull_all(live.tokens[who]) if c["entity_id"] == rid][-1]


def test_each_team_decides_its_own_part_and_approvals_stand(live):
    rid = new_id("rep")
    (sent,) = results(live.push(live.tokens["dedi"], [two_team_report(rid)]))
    assert sent["status"] == "applied"
    stored = latest(live, "dedi", rid)
    assert [a["verdict"] for a in stored["activities"]] == ["pending", "pending"]
    assert stored["first_submitted_at"] == stored["submitted_at"] and stored["received_at"]
    # both leads pull the report (the whole row; their screens show only their part)
    assert latest(live, "lead", rid)["id"] == rid and latest(live, "lead2", rid)["id"] == rid

    # lead A may not decide B's part; lead B names B's part and the version it saw
    (wrong,) = results(live.push(live.tokens["lead"], [review_decide(rid, "emp-lead", team="team-b")]))
    assert (wrong["status"], wrong["reason"]) == ("rejected", "not_reviewer")
    (a_ok,) = results(live.push(live.tokens["lead"], [review_decide(rid, "emp-lead", version=1)]))
    assert a_ok["status"] == "applied"
    (stale,) = results(live.push(live.tokens["lead2"], [review_decide(rid, "emp-lead2", "return", version=1)]))
    assert (stale["status"], stale["reason"]) == ("conflict", "stale_version")
    (b_ret,) = results(live.push(live.tokens["lead2"], [review_decide(rid, "emp-lead2", "return", version=2)]))
    assert b_ret["status"] == "applied"
    returned = latest(live, "dedi", rid)
    assert (returned["status"], returned["approved_minutes"], returned["version"]) == ("returned", 120, 3)
    assert [a["verdict"] for a in returned["activities"]] == ["approved", "returned"]
    reviews = [c["data"] for c in live.pull_all(live.tokens["dedi"]) if c["entity"] == "review"]
    assert sorted(r["team_id"] for r in reviews) == ["team-a", "team-b"]
    assert all(r["received_at"] for r in reviews)

    # an approved activity may not change, nor be dropped; the returned one is fixed alone
    (changed,) = results(live.push(live.tokens["dedi"], [two_team_report(rid, a_minutes=100, base=3)]))
    assert (changed["status"], changed["reason"]) == ("rejected", "activity_approved")
    later = f"{TODAY}T09:00:00+07:00"  # resubmitted the next morning
    (fixed,) = results(live.push(live.tokens["dedi"], [two_team_report(rid, b_minutes=90, base=3,
                                                                       submitted_at=later)]))
    assert fixed["status"] == "applied"
    again = latest(live, "dedi", rid)
    assert [a["verdict"] for a in again["activities"]] == ["approved", "pending"]
    assert again["first_submitted_at"] == stored["first_submitted_at"] != again["submitted_at"]
    (b_ok,) = results(live.push(live.tokens["lead2"], [review_decide(rid, "emp-lead2", version=4)]))
    assert b_ok["status"] == "applied"
    done = latest(live, "dedi", rid)
    assert (done["status"], done["approved_minutes"], done["total_minutes"]) == ("approved", 210, 210)


def test_an_activity_for_a_team_the_member_is_not_on_is_refused(live):
    (answer,) = results(live.push(live.tokens["ani"], [
        op("report", new_id("rep"), "submit", {**two_team_report("x")["payload"], "employee_id": "emp-ani"})]))
    assert (answer["status"], answer["reason"]) == ("rejected", "not_team_member")  # ani is not on team-b


def test_device_times_out_of_range_are_refused_per_op(live):
    early = two_team_report(new_id("rep"), submitted_at=f"{DAY - dt.timedelta(days=1)}T23:59:00+07:00")
    ahead = two_team_report(new_id("rep"), submitted_at=f"{TODAY}T10:11:00+07:00")
    fine = two_team_report(new_id("rep"), submitted_at=f"{TODAY}T10:10:00+07:00")
    # three reports of one day for one author: send each alone so only the time decides
    for sent, expected in ((early, "rejected"), (ahead, "rejected"), (fine, "applied")):
        (answer,) = results(live.push(live.tokens["dedi"], [sent]))
        assert answer["status"] == expected, answer
        if expected == "rejected":
            assert answer["reason"] == "device_time_out_of_range"
            assert "jam perangkat" in answer["message"] and "device clock" in answer["message_en"]
    rid = fine["entity_id"]
    (future,) = results(live.push(live.tokens["lead"], [
        review_decide(rid, "emp-lead", decided_at=f"{TODAY}T11:00:00+07:00")]))
    assert (future["status"], future["reason"]) == ("rejected", "device_time_out_of_range")
    (ok,) = results(live.push(live.tokens["lead"], [review_decide(rid, "emp-lead")]))
    assert ok["status"] == "applied"


def test_a_v1_client_is_told_to_update_the_app(live):
    for method, path in (("GET", "/v1/me"), ("POST", "/v1/sync/push"), ("GET", "/v1/sync/pull")):
        answer = live.call(method, path, live.tokens["ani"])
        assert answer.status_code == 426
        body = answer.json()
        assert body["message"] == p.UPDATE_REQUIRED[0] and body["message_en"] == p.UPDATE_REQUIRED[1]
        assert "perbarui aplikasi" in body["detail"] and "update the app" in body["detail"]
    assert live.call("GET", "/v2/me", live.tokens["ani"]).status_code == 200


def test_a_later_decision_leaves_an_earlier_approval_standing(live):
    rid = new_id("rep")
    results(live.push(live.tokens["dedi"], [two_team_report(rid)]))
    assert results(live.push(live.tokens["lead"], [review_decide(rid, "emp-lead", version=1)]))[0]["status"] == "applied"
    assert results(live.push(live.tokens["lead2"], [review_decide(rid, "emp-lead2", "return", version=2)]))[0][
        "status"] == "applied"
    resubmit = two_team_report(rid, base=3)
    extra = {**resubmit["payload"]["activities"][0], "id": f"{rid}-c", "description": "Rapat", "minutes": 30,
             "position": 2}
    resubmit["payload"]["activities"].append(extra)
    assert results(live.push(live.tokens["dedi"], [resubmit]))[0]["status"] == "applied"
    (again,) = results(live.push(live.tokens["lead"], [review_decide(rid, "emp-lead", "return", version=4)]))
    assert again["status"] == "applied"
    data = latest(live, "dedi", rid)
    assert [(a["id"][-1], a["verdict"]) for a in data["activities"]] == [
        ("a", "approved"), ("b", "pending"), ("c", "returned")]
    assert (data["status"], data["approved_minutes"]) == ("returned", 120)


# The v1 client (sk_tui/sync/client.py and commands/sync.py as of 6b62b07, before the v2 bump),
# reduced to what decides the line its `sk-tui sync` prints: the first request is GET /v1/me with
# User-Agent "sk-tui-sync/1"; a 401/403 stops with the body's first 200 characters as the detail,
# any other status >= 400 with only "me: HTTP n"; the CLI prints its generic words, then "(detail)".
_V1_WORDS = {
    "unauthorized": "Token ditolak (dicabut atau kedaluwarsa); perubahan tetap di antrean. "
                    "Masuk lagi: `sk-tui login URL` (token lewat standar masukan).",
    "forbidden": "Server menolak akses akun ini; perubahan tetap di antrean.",
    "protocol_error": "Jawaban server tidak terduga; perubahan tetap di antrean.",
}


def _v1_sync_line(response) -> str:
    status = response.status_code
    if status == 401:
        code, detail = "unauthorized", response.text[:200]
    elif status == 403:
        code, detail = "forbidden", response.text[:200]
    elif status >= 400:
        code, detail = "protocol_error", f"me: HTTP {status}"
    else:
        raise AssertionError("a v1 client must not get past /v1/me")
    return f"sk-tui: {_V1_WORDS[code]}" + (f" ({detail})" if detail else "")


def test_the_v1_sync_command_prints_update_the_app(live):
    import httpx

    answer = httpx.get(live.url + "/v1/me", timeout=10, headers={
        "Authorization": f"Bearer {live.tokens['ani']}", "User-Agent": "sk-tui-sync/1"})
    line = _v1_sync_line(answer)
    assert "Perbarui aplikasi sk-tui" in line and "Update the sk-tui app" in line
    assert line.endswith(f"({p.OLD_CLIENT_LINE})") and len(p.OLD_CLIENT_LINE) <= 200  # not cut
    # any other caller still gets the standard 426 with the JSON body
    assert live.call("GET", "/v1/me", live.tokens["ani"]).status_code == 426
