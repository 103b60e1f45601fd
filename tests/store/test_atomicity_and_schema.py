"""A domain write and its outbox row commit together; migrations; durability pragmas."""

from __future__ import annotations

import datetime as dt
import sqlite3

import pytest

from sk_tui.domain.models import ReportStatus
from sk_tui.store import Store, outbox, schema
from sk_tui.store.failures import StorageError
from tests.helpers.clock import TODAY as DAY


def snapshot(store):
    return {t: store.rows(f"SELECT * FROM {t} ORDER BY rowid")
            for t in ("reports", "activities", "reviews", "tasks", "outbox")}


class Boom(RuntimeError):
    pass


def submitted_report(store, org):
    report = store.ensure_draft(org.ani.id, DAY)
    store.add_activity(report.id, description="Telaah", minutes=60)
    return report


def test_submit_failing_after_the_status_change_leaves_neither(store, org, monkeypatch):
    report = submitted_report(store, org)
    before = snapshot(store)
    monkeypatch.setattr(outbox, "enqueue", lambda *a, **k: (_ for _ in ()).throw(Boom("disk full")))
    with pytest.raises(Boom):
        store.submit_report(report.id, org.ani.id)
    assert snapshot(store) == before
    assert store.require_report(report.id).status == ReportStatus.DRAFT


def test_review_failing_after_the_decision_leaves_neither(store, org, monkeypatch):
    report = submitted_report(store, org)
    store.submit_report(report.id, org.ani.id)
    before = snapshot(store)
    monkeypatch.setattr(outbox, "enqueue", lambda *a, **k: (_ for _ in ()).throw(Boom("disk full")))
    with pytest.raises(Boom):
        store.review_report(report.id, org.lead.id, "approve")
    assert snapshot(store) == before
    assert store.reviews_of(report.id) == []


def test_task_writes_failing_at_the_outbox_leave_neither(store, org, monkeypatch):
    task = store.create_task(org.team_a.id, "A", actor_id=org.ani.id)
    before = snapshot(store)
    monkeypatch.setattr(outbox, "enqueue", lambda *a, **k: (_ for _ in ()).throw(Boom("disk full")))
    with pytest.raises(Boom):
        store.create_task(org.team_a.id, "B", actor_id=org.ani.id)
    with pytest.raises(Boom):
        store.move_task(task.id, +1, actor_id=org.ani.id)
    assert snapshot(store) == before


def test_a_failure_inside_an_outer_transaction_rolls_back_every_joined_write(store, org):
    before = snapshot(store)
    with pytest.raises(Boom), store.transaction():  # noqa: PT012 - the writes are what is rolled back
        report = store.ensure_draft(org.ani.id, DAY)
        store.add_activity(report.id, description="Telaah", minutes=60)
        store.submit_report(report.id, org.ani.id)
        raise Boom("power cut before commit")
    assert snapshot(store) == before


def test_the_database_is_wal_with_synchronous_full(store):
    assert store.scalar("PRAGMA journal_mode") == "wal"
    assert store.scalar("PRAGMA synchronous") == 2  # FULL


# --- migrations --------------------------------------------------------------------------

def test_a_database_written_by_the_first_schema_is_upgraded_with_its_data(tmp_path):
    path = tmp_path / "old.db"
    db = schema.connect(path)
    assert schema.migrate(db, target=1) == 1
    columns = {r[1] for r in db.execute("PRAGMA table_info(reports)")}
    assert "total_minutes" not in columns  # truly the v1 shape
    # written the v1 way: plain rows, no totals column
    db.execute("INSERT INTO meta (key, value) VALUES ('me', 'emp-ani')")
    db.execute("""INSERT INTO employees (id, nip, name, position_kind, job_class, unit_id)
                  VALUES ('emp-ani', '199105052019032012', 'Ani', 'jf', 8, 'u1')""")
    for rid, day, status, minutes in (("r1", "2026-11-02", "approved", (120, 90)),
                                      ("r2", "2026-11-03", "submitted", (300,)),
                                      ("r3", "2026-11-04", "draft", ())):
        db.execute("""INSERT INTO reports (id, employee_id, work_date, work_mode, location, status, team_id,
                      version, submitted_at) VALUES (?, 'emp-ani', ?, 'WFO', '', ?, NULL, 1, ?)""",
                   (rid, day, status, f"{day}T15:00:00+07:00"))
        for i, m in enumerate(minutes):
            db.execute("""INSERT INTO activities (id, report_id, description, minutes, volume, volume_unit, position)
                          VALUES (?, ?, 'kegiatan', ?, 1, 'kegiatan', ?)""", (f"{rid}-a{i}", rid, m, i))
    db.execute("""INSERT INTO outbox (op_id, entity, entity_id, op, base_version, payload, created_at, updated_at)
                  VALUES ('op1', 'report', 'r2', 'submit', 0, '{}', 'x', 'x')""")
    db.conn.close()

    store = Store.open(path)
    try:
        assert schema.schema_version(store.db) == schema.SCHEMA_VERSION
        assert {r[1] for r in store.db.execute("PRAGMA table_info(outbox)")} >= {"resolution"}
        totals = {r.id: r.total_minutes for r in store.reports_for("emp-ani", dt.date(2026, 11, 1),
                                                                    dt.date(2026, 11, 30))}
        assert totals == {"r1": 210, "r2": 300, "r3": 0}
        assert [a.minutes for a in store.activities("r1")] == [120, 90]
        assert store.me().name == "Ani"
        assert store.status()["queued"] == 1 and store.status()["problems"] == 0
        assert store.recap("emp-ani", "2026-11").approved == 210
    finally:
        store.close()
    # opening again is a no-op
    again = Store.open(path)
    assert schema.schema_version(again.db) == schema.SCHEMA_VERSION
    again.close()


def test_a_failing_migration_leaves_the_old_version_and_data(tmp_path, monkeypatch):
    path = tmp_path / "old.db"
    db = schema.connect(path)
    schema.migrate(db, target=1)
    db.execute("INSERT INTO meta (key, value) VALUES ('me', 'x')")

    def broken(db):
        db.execute("ALTER TABLE reports ADD COLUMN total_minutes INTEGER NOT NULL DEFAULT 0")
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr(schema, "MIGRATIONS", [schema.MIGRATIONS[0], broken])
    with pytest.raises(sqlite3.OperationalError):
        schema.migrate(db, target=2)
    assert schema.schema_version(db) == 1
    assert "total_minutes" not in {r[1] for r in db.execute("PRAGMA table_info(reports)")}
    assert db.execute("SELECT value FROM meta WHERE key='me'").fetchone()[0] == "x"
    db.conn.close()


def test_a_failed_commit_rolls_back_and_the_store_keeps_working(store, org, monkeypatch):
    report = submitted_report(store, org)
    real_execute = store.db.execute

    def commit_fails(sql, *args):
        if sql.strip().upper() == "COMMIT":
            raise sqlite3.OperationalError("disk I/O error")
        return real_execute(sql, *args)

    monkeypatch.setattr(store.db, "execute", commit_fails)
    with pytest.raises(StorageError) as failed:  # said plainly: the disk failed, nothing changed
        store.submit_report(report.id, org.ani.id)
    assert isinstance(failed.value.__cause__, sqlite3.OperationalError)
    assert "nothing was changed" in failed.value.message("en")
    monkeypatch.setattr(store.db, "execute", real_execute)
    assert not store.db.conn.in_transaction
    assert store.require_report(report.id).status == ReportStatus.DRAFT
    assert store.status()["queued"] == 0
    store.submit_report(report.id, org.ani.id)  # the next write works
    assert store.status()["queued"] == 1
