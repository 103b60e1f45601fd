"""The server's schema through Alembic: a database made by the old ``create_all`` (revision 0001,
no alembic_version table) with data in it upgrades in place, keeps its data, gains verification
per team (0002), and then serves a sync; the newest revision matches ``storage.metadata``.
On SQLite and on PostgreSQL (SK_TUI_TEST_PG_URL)."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from sqlalchemy import create_engine, text

from sk_tui.server import auth
from sk_tui.server import storage as st
from tests.helpers.clock import TODAY
from tests.helpers.live import ENTITY, LiveServer, org_models
from tests.helpers.live_fixtures import BACKENDS
from tests.helpers.ops import new_id, op, results, review_decide

OLD_DAY = TODAY - dt.timedelta(days=3)


@pytest.fixture(params=BACKENDS)
def old_db(request, tmp_path):
    """A database exactly as the server before Alembic left it, with an organisation, an approved
    two-activity report of Dedi's (team-a), its review, and their change-log rows."""
    from tests.helpers.live import database

    with database(request.param, tmp_path) as url:
        engine = create_engine(st.normalise_url(url))
        try:
            with engine.begin() as conn:
                st.ServerDB.migrate(conn, "0001")
                conn.execute(text("DROP TABLE alembic_version"))  # create_all never made one
                _, models = org_models()
                changes = []
                for entity in st.ORG_ORDER:
                    if entity == "dwa":
                        continue  # DWA arrangements came with revision 0004
                    rows = [m.model_dump(mode="json") for m in models if ENTITY[type(m).__name__] == entity]
                    pairs = [st.org_rows(entity, r) for r in rows]
                    if pairs:
                        conn.execute(st.RECORD_TABLES[entity].insert(), [p[0] for p in pairs])
                        changes += [p[1] for p in pairs]
                report = {
                    "id": "rep-old", "employee_id": "emp-dedi", "work_date": OLD_DAY.isoformat(), "work_mode": "WFO",
                    "location": "", "status": "approved", "team_id": "team-a", "version": 2,
                    "submitted_at": f"{OLD_DAY}T15:00:00+07:00", "total_minutes": 180, "review_note": "",
                    "reviewed_by": "emp-lead", "reviewed_at": f"{OLD_DAY}T16:00:00+07:00",
                    "activities": [
                        {"id": f"act-{n}", "report_id": "rep-old", "description": f"Lama {n}", "minutes": m,
                         "volume": 1.0, "volume_unit": "kegiatan", "task_id": None, "indicator_id": None,
                         "evidence": "", "position": n} for n, m in enumerate((120, 60))],
                }
                review = {"id": "rev-old", "report_id": "rep-old", "reviewer_id": "emp-lead", "decision": "approve",
                          "note": "", "report_version": 1, "decided_at": f"{OLD_DAY}T16:00:00+07:00"}
                conn.execute(text("""INSERT INTO reports (id, employee_id, team_id, work_date, status, version, data)
                                     VALUES ('rep-old', 'emp-dedi', 'team-a', :d, 'approved', 2, :data)"""),
                             {"d": OLD_DAY.isoformat(), "data": st.dumps(report)})
                conn.execute(text("""INSERT INTO reviews (id, report_id, reviewer_id, data)
                                     VALUES ('rev-old', 'rep-old', 'emp-lead', :data)"""), {"data": st.dumps(review)})
                changes += [
                    {"entity": "report", "entity_id": "rep-old", "vis": st.VIS_PARTIES, "employee_id": "emp-dedi",
                     "team_id": "team-a", "data": st.dumps(report)},
                    {"entity": "review", "entity_id": "rev-old", "vis": st.VIS_PARTIES, "employee_id": "emp-dedi",
                     "other_id": "emp-lead", "team_id": "team-a", "data": st.dumps(review)},
                ]
                for seq, change in enumerate(changes, start=1):
                    conn.execute(st.changes.insert(), [{"employee_id": None, "other_id": None, "team_id": None,
                                                        **change, "seq": seq, "created_at": "2026-11-20T00:00:00+00:00"}])
                conn.execute(st.meta_table.insert(), [{"key": "server_epoch", "value": "epoch-old"},
                                                      {"key": "schema_version", "value": "1"}])
        finally:
            engine.dispose()
        yield url


def test_an_old_database_upgrades_with_its_data_and_then_syncs(old_db, cli_env):
    db = st.ServerDB.open(old_db)  # what a new server does at start
    try:
        assert db.epoch() == "epoch-old"  # the same server: devices keep their cursors
        with db.reading() as conn:
            from alembic.script import ScriptDirectory

            head = ScriptDirectory.from_config(st.ServerDB.alembic_config()).get_current_head()
            assert head is not None and head >= "0003"  # the newest revision, whatever it is now
            assert conn.execute(text("SELECT version_num FROM alembic_version")).scalar() == head
            row = conn.execute(text("SELECT data, approved_minutes FROM reports WHERE id = 'rep-old'")).one()
            review_team = conn.execute(text("SELECT team_id FROM reviews WHERE id = 'rev-old'")).scalar()
            logged = json.loads(conn.execute(text(
                "SELECT data FROM changes WHERE entity = 'report' AND entity_id = 'rep-old'")).scalar())
            from alembic.autogenerate import compare_metadata
            from alembic.migration import MigrationContext

            assert compare_metadata(MigrationContext.configure(conn), st.metadata) == []  # head == storage.py
        data = json.loads(row.data)
        assert row.approved_minutes == 180 and data["approved_minutes"] == 180
        assert [(a["team_id"], a["verdict"], a["reviewed_by"]) for a in data["activities"]] == \
            [("team-a", "approved", "emp-lead")] * 2
        assert data["first_submitted_at"] == data["submitted_at"]
        assert review_team == "team-a" and logged == data
        tokens = {who: auth.issue_token(db, f"emp-{who}") for who in ("dedi", "lead2")}
    finally:
        db.close()
    st.ServerDB.open(old_db).close()  # a second start finds nothing to do

    server = LiveServer(old_db, cli_env)
    try:
        pulled = {c["entity_id"]: c["data"] for c in server.pull_all(tokens["dedi"])}
        assert pulled["rep-old"]["activities"][0]["verdict"] == "approved"
        assert pulled["rev-old"]["team_id"] == "team-a"
        rid = new_id("rep")
        activity = {"id": f"{rid}-b", "report_id": rid, "description": "Perkara", "minutes": 60, "volume": 1.0,
                    "volume_unit": "kegiatan", "task_id": None, "indicator_id": None, "evidence": "",
                    "position": 0, "team_id": "team-b"}
        (sent,) = results(server.push(tokens["dedi"], [op("report", rid, "submit", {
            "id": rid, "employee_id": "emp-dedi", "work_date": TODAY.isoformat(), "work_mode": "WFO",
            "location": "", "team_id": "team-a", "submitted_at": f"{TODAY}T09:00:00+07:00",
            "activities": [activity]})]))
        assert sent["status"] == "applied"
        (decided,) = results(server.push(tokens["lead2"], [review_decide(rid, "emp-lead2")]))
        assert decided["status"] == "applied"
        mine = [c["data"] for c in server.pull_all(tokens["dedi"]) if c["entity_id"] == rid][-1]
        assert (mine["status"], mine["approved_minutes"]) == ("approved", 60)
    finally:
        server.stop()
