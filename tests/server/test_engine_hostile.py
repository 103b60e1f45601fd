"""The push engine decides every op on its own (issue 7): a hostile op is refused alone with a
reason, the ops around it still apply, and nothing it carried can poison anyone's pull."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from sk_tui.server import storage as st
from tests.helpers.live import run_cli, seed_wider
from tests.helpers.ops import (
    TODAY,
    new_id,
    op,
    report_submit,
    results,
    task_create,
    task_update,
)


@pytest.fixture
def live(shared):
    shared.tokens.update(seed_wider(shared.db_url, shared.ns, int(shared.ns[1:-1])))
    return shared


def push_raw(live, token: str, ops: list) -> list[dict]:
    """Push ops serialised as a hostile client would (NaN allowed, anything in any place)."""
    body = json.dumps({"device_id": "attacker", "ops": ops}, allow_nan=True)
    return results(live.call("POST", "/v2/sync/push", token, content=body))


def hostile_ops(live) -> dict[str, tuple[dict, str]]:
    """name -> (op, the reason it is refused with); all pushed by ani."""
    ani, team = live.id("emp-ani"), live.id("team-a")
    day = TODAY - dt.timedelta(days=1)
    list_payload = op("task", new_id(live.id("t")), "create", {})
    list_payload["payload"] = ["not", "a", "dict"]
    return {
        "position 10**20": (report_submit(live.id("rep-pos"), ani, team, day, position=10**20), "value_refused"),
        "NaN volume": (report_submit(live.id("rep-nan"), ani, team, day, volume=float("nan")), "value_refused"),
        "infinite rank": (task_create(new_id(live.id("t")), team, rank=float("inf")), "value_refused"),
        "payload is a list": (list_payload, "op_invalid"),  # refused by the HTTP layer's op reader
        "100k-char description": (task_create(new_id(live.id("t")), team, description="x" * 100_000),
                                  "value_refused"),
        "unknown entity": (op("payroll", new_id(live.id("p")), "create", {"amount": 1}), "unknown_op"),
        "base_version 10**20": (report_submit(live.id("rep-base"), ani, team, day, base=10**20), "op_invalid"),
        "string where an int belongs": (report_submit(live.id("rep-str"), ani, team, day, minutes="sixty"),
                                        "invalid"),
        "NUL in a title": (task_create(new_id(live.id("t")), team, title="a\x00b"), "value_refused"),
        "nested junk": (task_create(new_id(live.id("t")), team, description={"a": [[[[[[[[[[1]]]]]]]]]]}),
                        "value_refused"),
        "NUL in the record id": (task_create(live.id("t-\x00"), team), "op_invalid"),
        "activities not a list": (dict(report_submit(live.id("rep-act"), ani, team, day),
                                       payload={"work_date": day.isoformat(), "activities": {"0": 1}}),
                                  "invalid"),
    }


def valid_pair(live) -> tuple[dict, dict]:
    return (task_create(new_id(live.id("before")), live.id("team-a")),
            report_submit(live.id("rep-after"), live.id("emp-ani"), live.id("team-a")))


HOSTILE = ("position 10**20", "NaN volume", "infinite rank", "payload is a list", "100k-char description",
           "unknown entity", "base_version 10**20", "string where an int belongs", "NUL in a title",
           "nested junk", "NUL in the record id", "activities not a list")


@pytest.mark.parametrize("name", HOSTILE)
def test_hostile_op_is_refused_alone(live, name):
    hostile, reason = hostile_ops(live)[name]
    before, after = valid_pair(live)
    first, bad, last = push_raw(live, live.tokens["ani"], [before, hostile, after])
    assert first["status"] == "applied" and last["status"] == "applied"
    assert (bad["status"], bad["reason"]) == ("rejected", reason), bad
    assert bad["message"] and bad["message_en"] and bad["current"] is None
    for reader in ("ani", "lead", "jpt"):  # every reader's pull still parses and holds the good ops
        held = {c["entity_id"] for c in live.pull_all(live.tokens[reader])}
        assert after["entity_id"] in held and hostile["entity_id"] not in held


def test_a_client_syncs_after_the_attack(live, cli_env, tmp_path):
    """The issue's attack: one activity with position 10**20 made every sync fail with OverflowError."""
    made = hostile_ops(live)
    assert set(made) == set(HOSTILE)
    attack = [o for o, _ in made.values()]
    before, after = valid_pair(live)
    answers = push_raw(live, live.tokens["ani"], [before, *attack, after])
    assert [a["status"] for a in answers] == ["applied"] + ["rejected"] * len(attack) + ["applied"]
    for reader in ("ani", "lead", "jpt"):
        home, db = tmp_path / reader, tmp_path / f"{reader}.db"
        assert run_cli(cli_env, "login", live.url, "--token", live.tokens[reader], home=home).returncode == 0
        synced = run_cli(cli_env, "--lang", "en", "--db", str(db), "sync", home=home)
        assert synced.returncode == 0, synced.stdout + synced.stderr
        assert "refused 0" in synced.stdout


def test_unreadable_request_is_refused_whole(live):
    """Only a body that cannot be read as a push at all is refused whole (422); an op that is
    readable JSON but not storable (a lone surrogate) is refused alone (tests/server/test_http_guard.py)."""
    for body in (b"not json", b'{"ops": {"a": 1}}', b"[" * 5000 + b"]" * 5000):
        assert live.call("POST", "/v2/sync/push", live.tokens["ani"], content=body).status_code == 422


def test_task_id_taken_elsewhere_reveals_nothing(live):
    secret = live.id("task-secret")
    made = results(live.push(live.tokens["lead2"], [task_create(secret, live.id("team-b"), title="Rahasia")]))
    assert made[0]["status"] == "applied"
    report_id = live.id("rep-ani")
    assert results(live.push(live.tokens["ani"], [report_submit(report_id, live.id("emp-ani"),
                                                                live.id("team-a"))]))[0]["status"] == "applied"
    probes = [task_create(secret, live.id("team-a")),  # another team's task
              task_create(report_id, live.id("team-a"))]  # another kind of record (ani's report)
    answers = results(live.push(live.tokens["eko"], probes))
    neutral = [{k: v for k, v in a.items() if k != "op_id"} for a in answers]
    assert neutral[0] == neutral[1]
    assert neutral[0]["status"] == "rejected" and neutral[0]["reason"] == "id_unavailable"
    assert neutral[0]["current"] is None and "Rahasia" not in json.dumps(answers)
    stolen = results(live.push(live.tokens["lead2"], [report_submit(report_id, live.id("emp-lead2"),
                                                                    live.id("team-b"))]))[0]
    assert {k: v for k, v in stolen.items() if k != "op_id"} == neutral[0]  # not "not_author"
    # someone who sees the task gets the usual conflict with the server's copy
    seen = results(live.push(live.tokens["fani"], [task_create(secret, live.id("team-b"))]))[0]
    assert seen["status"] == "conflict" and seen["current"]["title"] == "Rahasia"


def test_assignees_must_be_team_members(live):
    team, tid = live.id("team-a"), live.id("task-1")
    outsider = results(live.push(live.tokens["lead"], [task_create(tid, team, [live.id("emp-fani")])]))[0]
    assert (outsider["status"], outsider["reason"]) == ("rejected", "assignee_not_member")
    assert "anggota tim" in outsider["message"] and "members" in outsider["message_en"]
    made = results(live.push(live.tokens["lead"], [task_create(tid, team, [live.id("emp-ani")])]))[0]
    assert made["status"] == "applied"
    added = results(live.push(live.tokens["lead"], [
        task_update(tid, 1, assignees=json.dumps([live.id("emp-ani"), live.id("emp-jpt2")]))]))[0]
    assert (added["status"], added["reason"]) == ("rejected", "assignee_not_member")
    fine = results(live.push(live.tokens["lead"], [
        task_update(tid, 1, assignees=json.dumps([live.id("emp-ani"), live.id("emp-dedi")]))]))[0]
    assert fine["status"] == "applied"


def directory(live, who: str, since: int = 0) -> set[str]:
    return {c["entity_id"] for c in live.pull_all(live.tokens[who], since) if c["entity"] in ("unit", "employee")}


def test_directory_holds_the_people_one_works_with(live):
    ids = live.id
    assert directory(live, "ani") == {ids("unit-hukum"), ids("emp-ani"), ids("emp-lead"), ids("emp-dedi"),
                                      ids("emp-jpt")}
    assert directory(live, "eko") == {ids("unit-2"), ids("emp-eko"), ids("emp-lead3"), ids("emp-jpt2")}
    # a JPT forms teams from any unit of the agency (Teams of Teams, issue 12): the agency's
    # directory (the shared server's other organisation is of the same agency, so it shows too)
    assert {i for i in directory(live, "jpt") if i.startswith(live.ns)} == {ids("unit-hukum"), ids("unit-2"), ids("emp-jpt"), ids("emp-lead"),
                                      ids("emp-ani"), ids("emp-dedi"), ids("emp-lead2"), ids("emp-fani"),
                                      ids("emp-jpt2"), ids("emp-lead3"), ids("emp-eko")}


def test_joining_a_team_brings_its_people(live):
    """Fani was logged long before Ani's cursor; Fani joining team-a sends her again."""
    page = live.call("GET", "/v2/sync/pull", live.tokens["ani"], params={"since": 0, "limit": 5000}).json()
    cursor = page["next_cursor"]
    db = st.ServerDB.open(live.db_url)
    try:
        st.load_org(db, {"membership": [{"id": live.id("m-join"), "team_id": live.id("team-a"),
                                         "employee_id": live.id("emp-fani"), "role": "member"}]})
    finally:
        db.close()
    assert live.id("emp-fani") in directory(live, "ani", cursor)
    assert live.id("emp-ani") in directory(live, "fani")


def test_older_database_gains_the_employee_unit_column(server_db):
    from tests.helpers.live import seed

    seed(server_db)
    db = st.ServerDB.open(server_db)
    try:
        with db.writing() as conn:
            # a database from before Alembic and before employees.unit_id (so before 0002 too)
            conn.exec_driver_sql("ALTER TABLE employees DROP COLUMN unit_id")
            conn.exec_driver_sql("ALTER TABLE reviews DROP COLUMN team_id")
            conn.exec_driver_sql("ALTER TABLE reports DROP COLUMN approved_minutes")
            conn.exec_driver_sql("DROP TABLE alembic_version")
            for table in ("attendance", "negative_events", "policy", "month_closes", "month_log", "dwa"):  # 0003-4
                conn.exec_driver_sql(f"DROP TABLE {table}")
    finally:
        db.close()
    db = st.ServerDB.open(server_db)  # what a server started on an older database does
    try:
        with db.reading() as conn:
            units = dict(conn.exec_driver_sql("SELECT id, unit_id FROM employees").fetchall())
    finally:
        db.close()
    assert units and set(units.values()) == {"unit-hukum"}


def test_a_refused_value_is_named_in_the_users_words(live):
    """A payload a domain model refuses: reason ``invalid``, the message names the field in each language."""
    day = TODAY - dt.timedelta(days=1)
    bad = report_submit(live.id("rep-words"), live.id("emp-ani"), live.id("team-a"), day,
                        task_id="no such id")  # an activity's task id that is not an id
    answer = push_raw(live, live.tokens["ani"], [bad])[0]
    assert (answer["status"], answer["reason"], answer["current"]) == ("rejected", "invalid", None)
    assert answer["message"].startswith("Isian id tugas bukan id yang sah")
    assert answer["message_en"].startswith("The task id is not a valid id")
