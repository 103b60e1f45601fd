"""A bad record never stops a sync (issue 7, point 4): records the device cannot store are kept
aside as visible problems, the good ones around them arrive, and the cursor passes them."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3

from sk_tui.store import Store
from sk_tui.sync.client import sync_once
from tests.helpers.live import run_cli

DAY = dt.date(2026, 11, 26)


def synced(tmp_path, name, live, who):
    path = tmp_path / f"{name}.db"
    assert sync_once(path, server_url=live.url, token=live.tokens[who]).ok
    return path


def poison(db_url: str, report_id: str, task_id: str) -> dict[str, str]:
    """Write bad records straight into the server's change log, next to good ones, the way a
    server without bounds (or a hand-edited database) would hold them. Returns id -> what."""
    from sqlalchemy import select

    from sk_tui.server import storage as st

    db = st.ServerDB.open(db_url)
    try:
        with db.writing() as conn:
            c = st.changes.c
            report = conn.execute(select(st.changes).where(c.entity_id == report_id)).mappings().first()
            task = conn.execute(select(st.changes).where(c.entity_id == task_id)).mappings().first()
            good_report, good_task = json.loads(report["data"]), json.loads(task["data"])
            huge = {**good_report, "id": "bad-report", "work_date": "2026-11-20",
                    "activities": [{**good_report["activities"][0], "id": "bad-act", "report_id": "bad-report",
                                    "position": 10**20}]}
            entries = [
                {**_scope(report), "entity": "report", "entity_id": "bad-report", "data": st.dumps(huge)},
                {**_scope(task), "entity": "task", "entity_id": "bad-list", "data": "[1, 2]"},
                {**_scope(task), "entity": "task", "entity_id": "bad-text",
                 "data": st.dumps({**good_task, "id": "bad-text"}).replace('"title":"', '"title":"\\ud800', 1)},
                {**_scope(task), "entity": "task", "entity_id": "bad-minus",
                 "data": st.dumps({**good_task, "id": "bad-minus", "version": -(2**70)})},
            ]
            db.append_changes(conn, entries)
    finally:
        db.close()
    return {"bad-report": "position", "bad-list": "data", "bad-text": "title", "bad-minus": "version"}


def _scope(row) -> dict:
    return {k: row[k] for k in ("vis", "employee_id", "other_id", "team_id")}


def problems_of(store) -> dict[str, str]:
    return {p["entity_id"]: p["last_error"] for p in store.sync_problems() if p["op"] == "pull"}


def test_bad_records_are_kept_aside_and_the_good_ones_around_them_arrive(live, tmp_path, cli_env):
    ani_db = synced(tmp_path, "ani", live, "ani")
    lead_db = synced(tmp_path, "lead", live, "lead")
    ani, lead = Store.open(ani_db), Store.open(lead_db)
    report = ani.ensure_draft("emp-ani", DAY)
    ani.add_activity(report.id, description="Menyusun telaah", minutes=120)
    ani.submit_report(report.id, "emp-ani")
    before = lead.create_task("team-a", "Sebelum", actor_id="emp-lead")
    assert sync_once(ani_db, server_url=live.url, token=live.tokens["ani"]).ok
    assert sync_once(lead_db, server_url=live.url, token=live.tokens["lead"]).ok
    expected = poison(live.db_url, report.id, before.id)
    after = lead.create_task("team-a", "Sesudah", actor_id="emp-lead")  # a good record after the bad ones
    lead.review_report(report.id, "emp-lead", "approve")

    for store, path, who in ((lead, lead_db, "lead"), (ani, ani_db, "ani")):
        first = sync_once(path, server_url=live.url, token=live.tokens[who])
        assert first.error is None and first.online, first
        assert first.kept_aside == 4 and not first.ok  # a sync that set records aside says so
        # the good records arrived, the bad ones were not written
        assert store.task(after.id).title == "Sesudah"
        assert store.report(report.id).status == "approved"
        assert store.report("bad-report") is None and store.task("bad-list") is None
        assert store.task("bad-text") is None and store.task("bad-minus") is None
        # each bad one is listed with its id and a reason naming the field
        listed = problems_of(store)
        assert set(listed) == set(expected)
        for entity_id, field in expected.items():
            assert field in listed[entity_id], (entity_id, listed[entity_id])
        # refused by the domain's bound on a position (sk_tui/domain/models.py), before SQLite
        assert "position" in listed["bad-report"] and "10000" in listed["bad-report"]
        assert store.status()["problems"] == 4
        # the cursor passed them: the next sync is clean and lists the same problems once
        server_last = live.pull_all(live.tokens[who])[-1]["seq"]
        assert int(store.get_meta("sync_cursor")) >= server_last
        again = sync_once(path, server_url=live.url, token=live.tokens[who])
        assert again.ok and again.kept_aside == 0 and again.received == 0
        assert set(problems_of(store)) == set(expected)
        # the app's reads still work over the workspace, and hold only the good records
        assert {t.title for t in store.tasks_for_team("team-a")} == {"Sebelum", "Sesudah"}
        assert [a.minutes for a in store.activities(report.id)] == [120]

    # the CLI shows them, and keeps working
    status = run_cli(cli_env, "--db", str(ani_db), "status", "--json")
    assert status.returncode == 0, status.stderr
    shown = json.loads(status.stdout)
    assert shown["problems"] == 4
    pulled = {p["entity_id"]: p for p in shown["problem_ops"] if p["op"] == "pull"}
    assert set(pulled) == set(expected) and "position" in pulled["bad-report"]["last_error"]
    text = run_cli(cli_env, "--db", str(ani_db), "--lang", "en", "status")
    assert text.returncode == 0 and "Sync problems : 4" in text.stdout and "bad-repo" in text.stdout
    listing = run_cli(cli_env, "--db", str(ani_db), "report", "list", "--month", "2026-11", "--json")
    assert listing.returncode == 0 and report.id in listing.stdout and "bad-report" not in listing.stdout
    ani.close()
    lead.close()


def test_a_dismissed_problem_goes_and_a_retried_one_is_checked_again(live, tmp_path):
    ani_db = synced(tmp_path, "ani", live, "ani")
    ani = Store.open(ani_db)
    task = ani.create_task("team-a", "Telaah", actor_id="emp-ani")
    report = ani.ensure_draft("emp-ani", DAY)
    ani.add_activity(report.id, description="Rapat", minutes=60)
    ani.submit_report(report.id, "emp-ani")
    assert sync_once(ani_db, server_url=live.url, token=live.tokens["ani"]).ok
    poison(live.db_url, report.id, task.id)
    assert sync_once(ani_db, server_url=live.url, token=live.tokens["ani"]).kept_aside == 4
    ops = {p["entity_id"]: p for p in ani.sync_problems() if p["op"] == "pull"}
    ani.resolve_problem(ops["bad-list"]["op_id"], "dismissed")
    ani.resolve_problem(ops["bad-report"]["op_id"], "retried")
    assert set(problems_of(ani)) == {"bad-text", "bad-minus"}
    # still invalid under today's rules: the retry lists it again, with its reason
    retry = sync_once(ani_db, server_url=live.url, token=live.tokens["ani"])
    assert retry.kept_aside == 1
    assert set(problems_of(ani)) == {"bad-text", "bad-minus", "bad-report"}
    ani.close()


def test_a_later_good_copy_closes_the_problem(store, org):
    good = {"id": "t9", "team_id": org.team_a.id, "title": "Baik", "status": "todo", "version": 1,
            "assignees": [], "rank": 1.0}
    counts: dict[str, int] = {}
    store.apply_pulled_page([{"seq": 1, "entity": "task", "entity_id": "t9", "data": {**good, "rank": float("nan")}},
                             {"seq": 2, "entity": "task", "entity_id": "t8", "data": {**good, "id": "t8"}}], 2, counts)
    assert counts == {"kept_aside": 1} and store.task("t8") is not None and store.task("t9") is None
    assert store.get_meta("sync_cursor") == "2"
    store.apply_pulled_page([{"seq": 3, "entity": "task", "entity_id": "t9", "data": good}], 3)
    assert store.task("t9").title == "Baik" and problems_of(store) == {}


def test_a_record_sqlite_refuses_in_a_way_no_check_foresaw_is_kept_aside(store, org, monkeypatch):
    from sk_tui.store import replica

    # as if every guard were missing: neither the domain rules nor the storability check run
    monkeypatch.setattr(replica, "_storable", lambda *a, **k: None)
    monkeypatch.setattr(replica, "_refused_in_page", lambda *a, **k: {})
    good = {"team_id": org.team_a.id, "title": "Baik", "status": "todo", "version": 1, "assignees": [], "rank": 1.0}
    changes = [{"seq": 1, "entity": "task", "entity_id": "a", "data": {**good, "id": "a"}},
               {"seq": 2, "entity": "task", "entity_id": "b", "data": {**good, "id": "b", "version": 10**20}},
               {"seq": 3, "entity": "task", "entity_id": "c", "data": {**good, "id": "c"}}]
    counts: dict[str, int] = {}
    assert store.apply_pulled_page(changes, 3, counts) == 2
    assert counts["kept_aside"] == 1 and store.task("b") is None
    assert {store.task("a").title, store.task("c").title} == {"Baik"}
    assert "OverflowError" in problems_of(store)["b"]


def test_the_problems_table_arrives_by_migration_from_the_previous_version(tmp_path):
    from sk_tui.store import schema

    path = tmp_path / "v2.db"
    db = schema.connect(path)
    schema.migrate(db, target=2)
    db.execute("INSERT INTO meta (key, value) VALUES ('sync_cursor', '41')")
    db.conn.close()
    store = Store.open(path)
    try:
        assert schema.schema_version(store.db) == schema.SCHEMA_VERSION >= 3
        assert store.get_meta("sync_cursor") == "41" and store.status()["problems"] == 0
        store.apply_pulled_page([{"seq": 42, "entity": "team", "entity_id": "x", "data": "oops"}], 42)
        assert problems_of(store) == {"x": "data: expected an object, got str"}
    finally:
        store.close()
    raw = sqlite3.connect(path)
    assert raw.execute("SELECT entity, entity_id, server_seq FROM pulled_problems").fetchall() == [("team", "x", 42)]
    raw.close()


def test_each_refusal_in_a_large_page_names_its_own_record(store, org):
    def task(i, **over):
        return {"seq": i, "entity": "task", "entity_id": f"t{i}",
                "data": {"id": f"t{i}", "team_id": org.team_a.id, "title": f"Kartu {i}", "status": "todo",
                         "version": 1, "assignees": [], "rank": float(i), **over}}

    acts = [{"id": f"a{n}", "description": "Rapat", "minutes": m, "volume": 1.0, "volume_unit": "kegiatan",
             "position": n} for n, m in enumerate((30, 0, 45))]
    report = {"seq": 99, "entity": "report", "entity_id": "r1",
              "data": {"id": "r1", "employee_id": org.dedi.id, "work_date": "2026-11-20", "work_mode": "WFO",
                       "status": "submitted", "team_id": org.team_a.id, "version": 1, "activities": acts}}
    page = [task(i) for i in range(1, 60)]
    page[9] = task(10, title="")
    page[29] = task(30, status="nope")
    counts: dict[str, int] = {}
    written = store.apply_pulled_page([*page, report], 99, counts)
    assert counts["kept_aside"] == 3 and written == 57
    listed = problems_of(store)
    assert set(listed) == {"t10", "t30", "r1"}
    assert listed["t10"].startswith("title = '':") and listed["t30"].startswith("status = 'nope':")
    assert listed["r1"].startswith("activities.1.minutes = 0:")
    assert store.task("t11").title == "Kartu 11" and store.report("r1") is None
