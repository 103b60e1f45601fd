"""A group commit decides each batch against what the group's earlier batches decided and
writes the whole group at once (engine._grouped on SQLite; _drafted on PostgreSQL gives the
same answers): a record one batch creates is there for the next, an op sent twice in one group
is applied once, and a batch that fails leaves the others committed once with a gap-free
change log (issue 13)."""

from __future__ import annotations

import os
import uuid

import pytest

from sk_tui.domain.policy import DEFAULT_POLICY
from sk_tui.server import storage as st
from sk_tui.server.engine import PushEngine
from sk_tui.sync import protocol as p
from tests.helpers.clock import TODAY
from tests.helpers.live import PG_ENV, database, seed

KINDS = ["sqlite", pytest.param("postgres", marks=[
    pytest.mark.postgres, pytest.mark.skipif(not os.environ.get(PG_ENV), reason=f"no PostgreSQL: set {PG_ENV}")])]


def create(title: str, task_id: str | None = None) -> p.Op:
    task_id = task_id or str(uuid.uuid4())
    return p.Op.model_validate({
        "op_id": str(uuid.uuid4()), "entity": "task", "entity_id": task_id, "op": "create", "base_version": 0,
        "payload": {"id": task_id, "team_id": "team-a", "title": title, "description": "", "assignees": "[]",
                    "status": "backlog", "rank": 1.0, "version": 1}})


def retitle(task_id: str, title: str, base: int) -> p.Op:
    return p.Op.model_validate({"op_id": str(uuid.uuid4()), "entity": "task", "entity_id": task_id, "op": "update",
                                "base_version": base, "payload": {"title": title}})


def submit(report_id: str, employee: str) -> p.Op:
    return p.Op.model_validate({
        "op_id": str(uuid.uuid4()), "entity": "report", "entity_id": report_id, "op": "submit", "base_version": 0,
        "payload": {"id": report_id, "employee_id": employee, "work_date": TODAY.isoformat(), "work_mode": "WFO",
                    "location": "", "status": "submitted", "team_id": "team-a", "version": 1,
                    "submitted_at": f"{TODAY.isoformat()}T09:00:00+07:00", "total_minutes": 120,
                    "review_note": "", "reviewed_by": None, "reviewed_at": None,
                    "activities": [{"id": f"{report_id}-a1", "report_id": report_id, "description": "Menyusun telaah",
                                    "minutes": 120, "volume": 1.0, "volume_unit": "kegiatan", "task_id": None,
                                    "indicator_id": None, "evidence": "", "position": 0}]}})


def approve(report_id: str, version: int) -> p.Op:
    rid = str(uuid.uuid4())
    return p.Op.model_validate({
        "op_id": str(uuid.uuid4()), "entity": "review", "entity_id": rid, "op": "decide", "base_version": 0,
        "payload": {"id": rid, "report_id": report_id, "reviewer_id": "emp-lead", "decision": "approve", "note": "",
                    "report_version": version, "decided_at": f"{TODAY.isoformat()}T09:30:00+07:00"}})


def logged(engine: PushEngine) -> list[tuple[int, str]]:
    with engine.db.reading() as conn:
        return [tuple(row) for row in conn.exec_driver_sql("SELECT seq, entity_id FROM changes ORDER BY seq")]


def stored(engine: PushEngine, table: str, rid: str) -> tuple:
    with engine.db.reading() as conn:
        return tuple(conn.exec_driver_sql(f"SELECT version, status FROM {table} WHERE id = %s"
                                          if not engine.db.is_sqlite else
                                          f"SELECT version, status FROM {table} WHERE id = ?", (rid,)).one()) \
            if table == "reports" else tuple(conn.exec_driver_sql(
                "SELECT version, data FROM tasks WHERE id = " + ("?" if engine.db.is_sqlite else "%s"), (rid,)).one())


@pytest.fixture(params=KINDS)
def engine(request, tmp_path):
    with database(request.param, tmp_path) as url:
        seed(url)
        engine = PushEngine(st.ServerDB.open(url), DEFAULT_POLICY)
        try:
            yield engine
        finally:
            engine.db.close()


@pytest.fixture
def one_pass(engine, monkeypatch):
    """Fails the test if a SQLite group is pushed again batch by batch (_locked_group, the
    fallback that would hide a group decided wrongly and refused by a constraint)."""
    def refuse(items):
        raise AssertionError("the group fell back to _locked_group")

    if engine.db.is_sqlite:
        monkeypatch.setattr(engine, "_locked_group", refuse)
    return engine


def test_a_later_batch_of_the_group_sees_what_an_earlier_one_created(engine, one_pass):
    task_id, report_id = str(uuid.uuid4()), str(uuid.uuid4())
    made, report = create("Kartu Ani", task_id), submit(report_id, "emp-ani")
    out = engine.push_group([
        ("emp-ani", [made, report]),
        ("emp-dedi", [retitle(task_id, "Judul Dedi", 1)]),  # the task batch 1 creates
        ("emp-lead", [approve(report_id, 1), retitle(task_id, "Judul Ketua", 2)]),  # the report it submits
    ])
    assert [[(r["status"], r["version"]) for r in results] for results in out] == [
        [(p.APPLIED, 1), (p.APPLIED, 1)], [(p.APPLIED, 2)], [(p.APPLIED, 2), (p.APPLIED, 3)]]
    version, data = stored(engine, "tasks", task_id)
    assert version == 3 and '"title":"Judul Ketua"' in data
    assert stored(engine, "reports", report_id) == (2, "approved")
    seqs = [r["server_seq"] for results in out for r in results]
    assert seqs == sorted(seqs) and len(set(seqs)) == len(seqs)
    assert [seq for seq, _ in logged(engine)] == list(range(1, len(logged(engine)) + 1))  # gap-free
    # sent again, every op is a duplicate answered with its first result
    again = engine.push_group([("emp-ani", [made, report])])[0]
    assert [(r["status"], r["server_seq"]) for r in again] == [(p.DUPLICATE, s) for s in seqs[:2]]


def test_the_same_op_twice_in_one_group_is_applied_once(engine, one_pass):
    first = create("Sekali")
    reused = create("Asli")
    twisted = p.Op.model_validate({**reused.model_dump(), "payload": {**reused.payload, "title": "Lain"}})
    before = len(logged(engine))
    out = engine.push_group([
        ("emp-ani", [first, reused]),
        ("emp-dedi", [first]),  # another person's op id is theirs: a create of a taken id
        ("emp-ani", [first, twisted]),  # resent by its author in the same group; the id reused
    ])
    assert out[0][0]["status"] == p.APPLIED
    assert out[1][0]["status"] == p.CONFLICT and out[1][0]["reason"] == "record_exists"
    echo, reuse = out[2]
    assert (echo["status"], echo["server_seq"], echo["version"]) == (p.DUPLICATE, out[0][0]["server_seq"], 1)
    assert reuse["status"] == p.KEY_REUSED
    rows = logged(engine)[before:]
    assert sorted(entity_id for _, entity_id in rows) == sorted([first.entity_id, reused.entity_id])
    with engine.db.reading() as conn:
        dedup = conn.exec_driver_sql("SELECT COUNT(*) FROM ops WHERE op_id = "
                                     + ("?" if engine.db.is_sqlite else "%s"), (first.op_id,)).scalar()
    assert dedup == 1


def test_a_batch_failing_midway_leaves_the_others_committed_once(engine, monkeypatch):
    (first,) = engine.push_group([("emp-ani", [create("Sebelum")])])[0]
    poisoned, after = create("Racun"), create("Sesudah racun")
    real = PushEngine._load

    def failing(self, conn, actor, ops, *args):
        batch = real(self, conn, actor, ops, *args)
        if any(op.op_id == poisoned.op_id for op in ops):
            raise MemoryError("loaded half-way")  # not an op's refusal: the batch's request gets it
        return batch

    monkeypatch.setattr(PushEngine, "_load", failing)
    ani, eko = [create("Ani 1"), create("Ani 2")], [create("Ketua")]
    out = engine.push_group([("emp-ani", ani), ("emp-dedi", [after, poisoned]), ("emp-lead", eko)])
    assert isinstance(out[1], MemoryError)
    assert [r["status"] for r in [*out[0], *out[2]]] == [p.APPLIED] * 3
    assert [r["server_seq"] for r in [*out[0], *out[2]]] == [first["server_seq"] + n for n in (1, 2, 3)]
    rows = logged(engine)
    assert [seq for seq, _ in rows] == list(range(1, len(rows) + 1))
    ids = [entity_id for _, entity_id in rows]
    assert all(ids.count(op.entity_id) == 1 for op in [*ani, *eko])
    assert after.entity_id not in ids and poisoned.entity_id not in ids  # nothing of that batch
    monkeypatch.setattr(PushEngine, "_load", real)
    again = engine.push_group([("emp-dedi", [after, poisoned]), ("emp-ani", ani)])
    assert [r["status"] for r in again[0]] == [p.APPLIED, p.APPLIED]
    assert [r["server_seq"] for r in again[0]] == [rows[-1][0] + 1, rows[-1][0] + 2]
    assert [r["status"] for r in again[1]] == [p.DUPLICATE, p.DUPLICATE]  # once, not twice


def test_a_group_whose_write_fails_is_pushed_again_batch_by_batch(engine, monkeypatch):
    real_insert = st.ServerDB.insert_many
    poisoned = create("Racun")

    def failing_dedup(conn, table, rows):
        if table is st.ops and any(row["op_id"] == poisoned.op_id for row in rows):
            raise RuntimeError("disk on fire")
        real_insert(conn, table, rows)

    monkeypatch.setattr(st.ServerDB, "insert_many", staticmethod(failing_dedup))
    made = create("Kartu")
    out = engine.push_group([("emp-ani", [made]), ("emp-dedi", [poisoned]),
                             ("emp-lead", [retitle(made.entity_id, "Judul Ketua", 1)])])
    assert isinstance(out[1], RuntimeError)
    assert [(r["status"], r["version"]) for r in [*out[0], *out[2]]] == [(p.APPLIED, 1), (p.APPLIED, 2)]
    rows = logged(engine)
    assert [seq for seq, _ in rows] == list(range(1, len(rows) + 1))
    assert [entity_id for _, entity_id in rows].count(made.entity_id) == 2  # created, retitled: once each


def test_one_report_a_day_holds_across_the_batches_of_a_group(engine, one_pass):
    first, second = str(uuid.uuid4()), str(uuid.uuid4())
    out = engine.push_group([("emp-ani", [submit(first, "emp-ani")]), ("emp-ani", [submit(second, "emp-ani")])])
    assert out[0][0]["status"] == p.APPLIED
    assert (out[1][0]["status"], out[1][0]["reason"]) == (p.CONFLICT, "day_exists")
