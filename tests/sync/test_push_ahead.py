"""The push sends the next batch while the previous batch's answers are written (client.py
``_Ahead``): only after a batch whose every op was acked. A refusal still blocks later ops on
the same record before they go, a failed send ahead leaves its batch queued, and every op
arrives exactly once, in order."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from sk_tui.store import Store
from sk_tui.sync.client import Backoff, sync_once
from tests.helpers.live import LiveServer

client_only = pytest.mark.parametrize("server_db", ["sqlite"], indirect=True)


def _workspace(tmp_path: Path, live: LiveServer, who: str) -> Path:
    path = tmp_path / f"{who}.db"
    assert sync_once(path, server_url=live.url, token=live.tokens[who]).ok
    return path


def _states(db: Path) -> list[tuple[str, str]]:
    with sqlite3.connect(db) as conn:
        return conn.execute("SELECT entity_id, state FROM outbox ORDER BY seq").fetchall()


@client_only
def test_small_batches_arrive_once_and_in_order(start_server, tmp_path):
    live = start_server()
    db = _workspace(tmp_path, live, "ani")
    store = Store.open(db)
    tasks = [store.create_task("team-a", f"Kartu {i}", actor_id="emp-ani") for i in range(7)]
    store.update_task(tasks[0].id, actor_id="emp-ani", title="Kartu 0 diubah")  # last batch, same record

    result = sync_once(db, server_url=live.url, token=live.tokens["ani"], push_batch=2)

    assert result.ok and (result.sent, result.applied) == (8, 8)
    assert {state for _, state in _states(db)} == {"acked"}
    logged = [c["entity_id"] for c in live.pull_all(live.tokens["lead"]) if c["entity"] == "task"]
    assert logged == [t.id for t in tasks] + [tasks[0].id]  # the server took them in queue order
    assert store.task(tasks[0].id).title == "Kartu 0 diubah"
    again = sync_once(db, server_url=live.url, token=live.tokens["ani"], push_batch=2)
    assert (again.sent, again.error) == (0, None)
    store.close()


@client_only
def test_a_refusal_in_a_batch_sent_ahead_blocks_later_ops_on_its_record(start_server, tmp_path):
    live = start_server()
    ani_db, lead_db = _workspace(tmp_path, live, "ani"), _workspace(tmp_path, live, "lead")
    ani, lead = Store.open(ani_db), Store.open(lead_db)
    clash = ani.create_task("team-a", "Telaah", actor_id="emp-ani")
    assert sync_once(ani_db, server_url=live.url, token=live.tokens["ani"]).ok
    assert sync_once(lead_db, server_url=live.url, token=live.tokens["lead"]).ok
    lead.move_task(clash.id, +1, actor_id="emp-lead")
    assert sync_once(lead_db, server_url=live.url, token=live.tokens["lead"]).ok
    # batches of two: [a, b] all acked, so [c, stale edit] goes ahead and meets the conflict;
    # [d, second edit] must not leave before that answer blocks the second edit
    a, b, c = (ani.create_task("team-a", f"Kartu {n}", actor_id="emp-ani") for n in "abc")
    ani.update_task(clash.id, actor_id="emp-ani", title="Telaah ulang")
    d = ani.create_task("team-a", "Kartu d", actor_id="emp-ani")
    ani.update_task(clash.id, actor_id="emp-ani", description="catatan")

    result = sync_once(ani_db, server_url=live.url, token=live.tokens["ani"], push_batch=2)

    assert (result.sent, result.applied, result.conflicts) == (5, 4, 1)  # the second edit never left
    problems = {(p["entity_id"], p["state"]) for p in ani.sync_problems()}
    assert problems == {(clash.id, "conflict"), (clash.id, "blocked")}
    on_server = [ch for ch in live.pull_all(live.tokens["lead"]) if ch["entity"] == "task"]
    assert {ch["entity_id"] for ch in on_server} >= {a.id, b.id, c.id, d.id}
    assert [ch["data"]["status"] for ch in on_server if ch["entity_id"] == clash.id][-1] == "todo"
    assert ani.task(clash.id).status == "todo"  # the server's copy came back with the answer
    ani.close()
    lead.close()


@client_only
def test_a_failed_send_ahead_leaves_its_batch_queued_and_the_next_sync_delivers_it(start_server, tmp_path):
    live = start_server(faults="push:500:3:1")  # the first push passes, the next three answer 500
    db = _workspace(tmp_path, live, "ani")
    store = Store.open(db)
    tasks = [store.create_task("team-a", f"Kartu {i}", actor_id="emp-ani") for i in range(4)]

    failed = sync_once(db, server_url=live.url, token=live.tokens["ani"], push_batch=2, max_attempts=1,
                       backoff=Backoff(base=0.01, cap=0.02, sleep=lambda _s: None))

    assert failed.error == "server_unavailable" and failed.applied == 2
    states = dict(_states(db))
    assert [states[t.id] for t in tasks] == ["acked", "acked", "pending", "pending"]
    with sqlite3.connect(db) as conn:
        errors = {row[0] for row in conn.execute("SELECT last_error FROM outbox WHERE state = 'pending'")}
    assert errors == {"server_unavailable"}

    retried = sync_once(db, server_url=live.url, token=live.tokens["ani"], push_batch=2, max_attempts=5,
                        backoff=Backoff(base=0.01, cap=0.02, sleep=lambda _s: None))
    assert retried.ok and (retried.sent, retried.applied, retried.duplicates) == (2, 2, 0)
    logged = [c["entity_id"] for c in live.pull_all(live.tokens["lead"]) if c["entity"] == "task"]
    assert logged == [t.id for t in tasks]  # each once, in order
    store.close()
