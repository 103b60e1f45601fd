"""A group commit reads the change log's last seq once and counts on from it (engine
_locked_group / _drafted_group): a batch that fails half-written is undone alone, the batches
after it take the seqs it would have had, and a puller finds the log without a gap (issue 13)."""

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


def create(title: str) -> p.Op:
    task_id = str(uuid.uuid4())
    return p.Op.model_validate({
        "op_id": str(uuid.uuid4()), "entity": "task", "entity_id": task_id, "op": "create", "base_version": 0,
        "payload": {"id": task_id, "team_id": "team-a", "title": title, "description": "", "assignees": "[]",
                    "status": "backlog", "rank": 1.0, "version": 1}})


@pytest.mark.parametrize("kind", KINDS)
def test_a_batch_failing_after_its_log_entries_leaves_no_gap_and_the_others_commit(kind, tmp_path, monkeypatch):
    with database(kind, tmp_path) as url:
        seed(url)
        engine = PushEngine(st.ServerDB.open(url), DEFAULT_POLICY)
        try:
            (first,) = engine.push_group([("emp-ani", [create("Sebelum")])])[0]
            assert first["status"] == p.APPLIED
            real_insert = st.ServerDB.insert_many

            def failing_dedup(conn, table, rows):
                # the poisoned batch's change-log rows are written, then its dedup rows fail
                if table is st.ops and any(row["op_id"] == poisoned.op_id for row in rows):
                    raise RuntimeError("disk on fire")
                real_insert(conn, table, rows)

            monkeypatch.setattr(st.ServerDB, "insert_many", staticmethod(failing_dedup))
            poisoned = create("Racun")
            ani, dedi, eko = [create("Ani 1"), create("Ani 2")], create("Racun lain"), [create("Ketua")]
            out = engine.push_group([("emp-ani", ani), ("emp-dedi", [poisoned, dedi]), ("emp-lead", eko)])
            assert isinstance(out[1], RuntimeError)  # that request gets the error, alone
            assert [r["status"] for r in out[0]] == [p.APPLIED, p.APPLIED]
            assert [r["status"] for r in out[2]] == [p.APPLIED]
            # the batches after the failed one take on where the kept ones end
            assert [r["server_seq"] for r in [*out[0], *out[2]]] == [first["server_seq"] + n for n in (1, 2, 3)]
            with engine.db.reading() as conn:
                logged = conn.exec_driver_sql("SELECT seq, entity_id FROM changes ORDER BY seq").fetchall()
            seqs = [seq for seq, _ in logged]
            assert seqs == list(range(1, len(seqs) + 1))
            ids = {entity_id for _, entity_id in logged}
            assert {op.entity_id for op in [*ani, *eko]} <= ids
            assert poisoned.entity_id not in ids and dedi.entity_id not in ids
            monkeypatch.setattr(st.ServerDB, "insert_many", staticmethod(real_insert))
            # the failed batch, sent again, is applied once, after the others
            again = engine.push_group([("emp-dedi", [poisoned, dedi])])[0]
            assert [r["status"] for r in again] == [p.APPLIED, p.APPLIED]
            assert [r["server_seq"] for r in again] == [seqs[-1] + 1, seqs[-1] + 2]
        finally:
            engine.db.close()
