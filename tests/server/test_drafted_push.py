"""Two server processes on one PostgreSQL database decide their batches before taking the change
log's lock (engine._drafted): a batch another process changed the ground under in the meantime
is decided again under the lock, so no update is lost, no id is taken twice and the log stays
gap-free (issue 13)."""

from __future__ import annotations

import os
import uuid

import pytest

from sk_tui.domain.policy import DEFAULT_POLICY
from sk_tui.server import storage as st
from sk_tui.server.engine import PushEngine
from sk_tui.sync import protocol as p
from tests.helpers.live import PG_ENV, database, seed

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.skipif(not os.environ.get(PG_ENV), reason=f"no PostgreSQL: set {PG_ENV}"),
]


def op(entity_id: str, verb: str, payload: dict, base_version: int = 0) -> p.Op:
    return p.Op.model_validate({"op_id": str(uuid.uuid4()), "entity": "task", "entity_id": entity_id, "op": verb,
                                "base_version": base_version, "payload": payload})


def create(task_id: str, title: str = "Kartu") -> p.Op:
    return op(task_id, "create", {"id": task_id, "team_id": "team-a", "title": title, "description": "",
                                  "assignees": "[]", "status": "backlog", "rank": 1.0, "version": 1})


def retitle(task_id: str, title: str, base_version: int) -> p.Op:
    return op(task_id, "update", {"title": title}, base_version)


class Racing:
    """Engine A, whose lock waits until engine B (another process's pool) has pushed."""

    def __init__(self, url: str):
        self.a = PushEngine(st.ServerDB.open(url), DEFAULT_POLICY)
        self.b = PushEngine(st.ServerDB.open(url), DEFAULT_POLICY)
        self.meanwhile: list[tuple[str, list[p.Op]]] = []
        self.b_results: list = []
        take = self.a.db.lock_changes

        def lock_after_b(conn):
            for actor, ops in self.meanwhile:  # B commits while A holds drafts, not the lock
                self.b_results.append(self.b.push_group([(actor, ops)])[0])
            self.meanwhile = []
            take(conn)

        self.a.db.lock_changes = lock_after_b  # type: ignore[method-assign]

    def close(self) -> None:
        self.a.db.close()
        self.b.db.close()

    def seqs(self) -> list[int]:
        with self.a.db.reading() as conn:
            return [row[0] for row in conn.exec_driver_sql("SELECT seq FROM changes ORDER BY seq")]

    def task(self, task_id: str) -> tuple[int, str]:
        with self.a.db.reading() as conn:
            version, data = conn.exec_driver_sql("SELECT version, data FROM tasks WHERE id = %s", (task_id,)).one()
        return version, data


@pytest.fixture
def racing(tmp_path):
    with database("postgres", tmp_path) as url:
        seed(url)
        race = Racing(url)
        try:
            yield race
        finally:
            race.close()


def test_an_update_decided_before_another_process_committed_one_is_a_conflict_not_a_lost_update(racing):
    tid = str(uuid.uuid4())
    (made,) = racing.a.push_group([("emp-ani", [create(tid)])])[0]
    assert made["status"] == p.APPLIED
    racing.meanwhile = [("emp-dedi", [retitle(tid, "Judul Dedi", 1)])]
    (mine,) = racing.a.push_group([("emp-ani", [retitle(tid, "Judul Ani", 1)])])[0]
    (theirs,) = racing.b_results[0]
    assert theirs["status"] == p.APPLIED
    assert mine["status"] == p.CONFLICT and mine["reason"] == "stale_version"
    version, data = racing.task(tid)
    assert version == 2 and "Judul Dedi" in data
    seqs = racing.seqs()
    assert seqs == list(range(1, len(seqs) + 1))


def test_one_id_created_by_two_processes_at_once_is_taken_once(racing):
    tid = str(uuid.uuid4())
    racing.meanwhile = [("emp-dedi", [create(tid, "Kartu Dedi")])]
    (mine,) = racing.a.push_group([("emp-ani", [create(tid, "Kartu Ani")])])[0]
    assert racing.b_results[0][0]["status"] == p.APPLIED
    assert mine["status"] == p.CONFLICT and mine["reason"] == "record_exists"
    assert "Kartu Dedi" in racing.task(tid)[1]


def test_an_op_resent_to_the_other_process_meanwhile_is_applied_once(racing):
    tid = str(uuid.uuid4())
    first = create(tid)
    racing.meanwhile = [("emp-ani", [first])]
    (again,) = racing.a.push_group([("emp-ani", [first])])[0]
    (applied,) = racing.b_results[0]
    assert applied["status"] == p.APPLIED
    assert again["status"] == p.DUPLICATE and again["server_seq"] == applied["server_seq"]


def _count_decisions_under_the_lock(racing) -> list[str]:
    """The actors whose batch worker A decides again under the lock (its draft did not stand)."""
    decide = racing.a._decide
    again: list[str] = []

    def counted(conn, actor, ops, *, draft=False):
        if not draft:
            again.append(actor)
        return decide(conn, actor, ops, draft=draft)

    racing.a._decide = counted  # type: ignore[method-assign]
    return again


def test_batches_of_one_group_see_each_other_and_untouched_drafts_are_kept(racing):
    tid, other = str(uuid.uuid4()), str(uuid.uuid4())
    again = _count_decisions_under_the_lock(racing)
    outs = racing.a.push_group([
        ("emp-ani", [create(tid)]),
        ("emp-dedi", [retitle(tid, "Judul baru", 1)]),  # drafted before the create was written
        ("emp-lead", [create(other)]),
    ])
    assert [[r["status"] for r in out] for out in outs] == [[p.APPLIED], [p.APPLIED], [p.APPLIED]]
    assert racing.task(tid)[0] == 2
    assert again == ["emp-dedi"]  # only the batch whose draft missed the create is decided again
    seqs = racing.seqs()
    assert seqs == list(range(1, len(seqs) + 1))


def test_a_draft_stands_when_the_other_process_wrote_only_other_records(racing):
    mine, theirs = str(uuid.uuid4()), str(uuid.uuid4())
    again = _count_decisions_under_the_lock(racing)
    racing.meanwhile = [("emp-dedi", [create(theirs, "Kartu Dedi")])]
    (made,) = racing.a.push_group([("emp-ani", [create(mine, "Kartu Ani")])])[0]
    assert made["status"] == p.APPLIED and racing.b_results[0][0]["status"] == p.APPLIED
    assert again == []  # written as drafted: the lock covered the writes only
    assert made["server_seq"] > racing.b_results[0][0]["server_seq"]
    seqs = racing.seqs()
    assert seqs == list(range(1, len(seqs) + 1))


def test_a_statement_failing_while_drafting_sends_the_group_to_the_locked_path(racing):
    first, second = str(uuid.uuid4()), str(uuid.uuid4())
    decide = racing.a._decide

    def failing(conn, actor, ops, *, draft=False):
        if draft:
            conn.exec_driver_sql("SELECT 1 / 0")  # the transaction is void after this
        return decide(conn, actor, ops, draft=draft)

    racing.a._decide = failing  # type: ignore[method-assign]
    outs = racing.a.push_group([("emp-ani", [create(first)]), ("emp-dedi", [create(second)])])
    assert [[r["status"] for r in out] for out in outs] == [[p.APPLIED], [p.APPLIED]]
    seqs = racing.seqs()
    assert seqs == list(range(1, len(seqs) + 1))
