"""A group of pushes whose drafts stand is written together under the change log's lock (engine
_drafted_group / _merged + _write on PostgreSQL): every op is applied once with its own seq, the
log has no gap, a resent op is answered from its dedup row with the same seq, and a batch that
depends on an earlier one of the same group (an update of the task the earlier batch updated)
is decided again after the earlier ones are written, so it sees them. The same answers on
SQLite (one batch at a time under the writer lock)."""

from __future__ import annotations

import os
import uuid

import pytest

from sk_tui.domain.policy import DEFAULT_POLICY
from sk_tui.server import storage as st
from sk_tui.server.engine import PushEngine
from sk_tui.sync import protocol as p
from tests.helpers.live import PG_ENV, database, seed

KINDS = ["sqlite", pytest.param("postgres", marks=[
    pytest.mark.postgres, pytest.mark.skipif(not os.environ.get(PG_ENV), reason=f"no PostgreSQL: set {PG_ENV}")])]


def _op(task_id: str, verb: str, payload: dict, base_version: int = 0) -> p.Op:
    return p.Op.model_validate({"op_id": str(uuid.uuid4()), "entity": "task", "entity_id": task_id, "op": verb,
                                "base_version": base_version, "payload": payload})


def create(title: str) -> p.Op:
    task_id = str(uuid.uuid4())
    return _op(task_id, "create", {"id": task_id, "team_id": "team-a", "title": title, "description": "",
                                   "assignees": "[]", "status": "backlog", "rank": 1.0, "version": 1})


@pytest.fixture(params=KINDS)
def engine(request, tmp_path):
    with database(request.param, tmp_path) as url:
        seed(url)
        engine = PushEngine(st.ServerDB.open(url), DEFAULT_POLICY)
        try:
            yield engine
        finally:
            engine.db.close()


def logged(engine: PushEngine) -> list[tuple[int, str]]:
    with engine.db.reading() as conn:
        return [tuple(row) for row in conn.exec_driver_sql("SELECT seq, entity_id FROM changes ORDER BY seq")]


def test_a_group_of_standing_drafts_is_applied_once_each_in_order_without_a_gap(engine):
    before = len(logged(engine))
    batches = [("emp-ani", [create("Ani 1"), create("Ani 2")]), ("emp-dedi", [create("Dedi")]),
               ("emp-lead", [create("Ketua 1"), create("Ketua 2"), create("Ketua 3")])]
    out = engine.push_group(batches)
    seqs = [r["server_seq"] for results in out for r in results]
    assert [r["status"] for results in out for r in results] == [p.APPLIED] * 6
    assert seqs == list(range(before + 1, before + 7))  # batch after batch, in the group's order
    log = logged(engine)
    assert [seq for seq, _ in log] == list(range(1, len(log) + 1))
    assert [rid for _, rid in log[before:]] == [op.entity_id for _, ops in batches for op in ops]
    again = engine.push_group([batches[2], batches[0]])  # resent: the dedup rows answer, same seqs
    assert [(r["status"], r["server_seq"]) for r in [*again[1], *again[0]]] == [
        (p.DUPLICATE, seq) for seq in seqs[:2] + seqs[3:]]
    assert len(logged(engine)) == len(log)


def test_a_batch_that_reads_what_an_earlier_batch_of_its_group_writes_sees_it(engine):
    task = create("Kartu")
    (made,) = engine.push_group([("emp-lead", [task])])[0]
    first = _op(task.entity_id, "update", {"title": "Satu"}, base_version=1)
    second = _op(task.entity_id, "update", {"title": "Dua"}, base_version=2)  # on top of the first
    other = create("Lain")
    out = engine.push_group([("emp-lead", [first]), ("emp-ani", [other]), ("emp-lead", [second])])
    assert [(r["status"], r["version"]) for results in out for r in results] == [
        (p.APPLIED, 2), (p.APPLIED, 1), (p.APPLIED, 3)]
    assert [r["server_seq"] for results in out for r in results] == [made["server_seq"] + n for n in (1, 2, 3)]
    with engine.db.reading() as conn:
        version, data = conn.exec_driver_sql(
            f"SELECT version, data FROM tasks WHERE id = '{task.entity_id}'").one()
    assert version == 3 and '"title":"Dua"' in data


def test_in_a_group_a_taken_id_and_a_resent_op_are_answered_as_alone(engine):
    """The drafts of a group read their look-ups together (_Prefetched): an id another kind of
    record holds is refused, a resent op gets its first answer, a new person's team is found."""
    sent = create("Dulu")
    (first,) = engine.push_group([("emp-ani", [sent])])[0]
    taken = create("Tim")
    taken.entity_id = taken.payload["id"] = "team-a"  # a team's id
    out = engine.push_group([("emp-lead", [taken]), ("emp-ani", [sent]), ("emp-dedi", [create("Dedi")])])
    assert (out[0][0]["status"], out[0][0]["reason"]) == (p.REJECTED, "id_unavailable")
    assert (out[1][0]["status"], out[1][0]["server_seq"]) == (p.DUPLICATE, first["server_seq"])
    assert out[2][0]["status"] == p.APPLIED and out[2][0]["server_seq"] == first["server_seq"] + 1


def test_a_group_whose_look_ahead_fails_is_decided_under_the_lock(engine, monkeypatch):
    """A statement failing while a group drafts (here the look-ahead read of the whole group)
    sends the group to the fully locked path: every op is still answered, once."""
    from sk_tui.server import engine as engine_module

    monkeypatch.setattr(engine_module, "_FIRST_ALL", "SELECT no_such_column FROM ops")
    out = engine.push_group([("emp-ani", [create("Ani")]), ("emp-dedi", [create("Dedi")])])
    assert [r["status"] for results in out for r in results] == [p.APPLIED, p.APPLIED]
    log = logged(engine)
    assert [seq for seq, _ in log] == list(range(1, len(log) + 1))
