"""One op the server refuses as a whole body never stalls the queue (issue 8, point 3): the
client bisects the batch, lists that op as a problem with the server's reason, delivers the rest,
and still pulls."""

from __future__ import annotations

import pytest

from sk_tui.store import Store
from sk_tui.sync.client import sync_once
from tests.helpers.live import LiveServer
from tests.helpers.replica import assert_same_as_server

client_only = pytest.mark.parametrize("server_db", ["sqlite"], indirect=True)


@client_only
def test_an_oversized_op_among_good_ones_is_refused_alone_and_the_rest_arrive(start_server, tmp_path):
    live: LiveServer = start_server(env={"SK_TUI_SERVER_LIMITS": "body=3000"})
    db = tmp_path / "ani.db"
    assert sync_once(db, server_url=live.url, token=live.tokens["ani"]).ok
    store = Store.open(db)
    first = store.create_task("team-a", "Kartu pertama", actor_id="emp-ani")
    huge = store.create_task("team-a", "Kartu besar", actor_id="emp-ani", description="x" * 3500)
    store.update_task(huge.id, actor_id="emp-ani", title="Kartu besar diubah")  # blocked behind it
    rest = [store.create_task("team-a", f"Kartu {i}", actor_id="emp-ani") for i in range(3)]
    # the lead changes a card meanwhile: the pull must still bring it after the refused push
    lead_db = tmp_path / "lead.db"
    assert sync_once(lead_db, server_url=live.url, token=live.tokens["lead"]).ok
    lead_task = Store.open(lead_db).create_task("team-a", "Kartu ketua", actor_id="emp-lead")
    assert sync_once(lead_db, server_url=live.url, token=live.tokens["lead"]).ok

    result = sync_once(db, server_url=live.url, token=live.tokens["ani"])
    assert result.online and result.error is None
    assert (result.applied, result.rejected, result.blocked) == (4, 1, 1)
    on_server = {c["entity_id"] for c in live.pull_all(live.tokens["lead"]) if c["entity"] == "task"}
    assert {first.id, *(t.id for t in rest), lead_task.id} <= on_server and huge.id not in on_server
    assert store.task(lead_task.id) is not None  # the pull ran
    assert store.queued_count() == 0
    problems = {(p["entity_id"], p["op"], p["state"]): p["last_error"] for p in store.sync_problems()}
    assert set(problems) == {(huge.id, "create", "rejected"), (huge.id, "update", "blocked")}
    assert "too_large" in problems[(huge.id, "create", "rejected")]
    assert "3000" in problems[(huge.id, "create", "rejected")]  # the server's own words
    # the device shows the server's view (the refused card is not on it); my card is in the problem
    assert store.task(huge.id) is None
    assert_same_as_server(db, live.url, live.tokens["ani"], tmp_path)
    # the next sync sends nothing again: the queue drained
    again = sync_once(db, server_url=live.url, token=live.tokens["ani"])
    assert (again.sent, again.error) == (0, None)
    store.close()
