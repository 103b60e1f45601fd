"""A first pull into an empty workspace builds the screens' indexes once, after its last page
(store/replica.py ``_defer_indexes``): whether it runs through, is killed midway and resumed,
or stops early, it ends with the same indexes and records as a workspace that pulled page by
page, and a workspace that already holds records keeps its indexes throughout."""

from __future__ import annotations

import json
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from sk_tui.store import Store
from sk_tui.store.replica import DEFERRED_INDEXES_KEY
from sk_tui.sync.client import sync_once
from tests.helpers.live import ROOT, run_cli, wait_until

client_only = pytest.mark.parametrize("server_db", ["sqlite"], indirect=True)


def indexes(path: Path) -> set[tuple[str, str]]:
    with sqlite3.connect(path) as conn:
        return set(conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL"))


def fresh_indexes(tmp_path: Path) -> set[tuple[str, str]]:
    Store.open(tmp_path / "fresh.db").close()
    return indexes(tmp_path / "fresh.db")


def meta(path: Path, key: str) -> str | None:
    try:
        with sqlite3.connect(path) as conn:
            row = conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
    except sqlite3.OperationalError:
        return None
    return row[0] if row else None


def task(i: int, team: str = "team-x", status: str = "todo") -> dict:
    return {"seq": i, "entity": "task", "entity_id": f"t{i}",
            "data": {"id": f"t{i}", "team_id": team, "title": f"Kartu {i}", "status": status, "version": 1,
                     "assignees": [], "rank": float(i)}}


def test_pages_into_an_empty_workspace_end_with_every_index_and_the_same_records(tmp_path):
    expected = fresh_indexes(tmp_path)
    store = Store.open(tmp_path / "new.db")
    store.apply_pulled_page([task(1), task(2)], 2)
    # midway the board's index is not there yet (built once at the end) ...
    assert "idx_tasks_team_id_status_rank" not in {name for name, _ in indexes(tmp_path / "new.db")}
    store.close()  # ... and a workspace closed (or killed) here keeps that in its own record
    store = Store.open(tmp_path / "new.db")
    store.apply_pulled_page([task(3), {**task(1), "seq": 4, "data": {**task(1)["data"], "title": "Lagi"}}], 4)
    store.apply_pulled_page([task(5, status="done")], 5, final=True)
    assert indexes(tmp_path / "new.db") == expected
    assert store.get_meta(DEFERRED_INDEXES_KEY) is None
    assert dict(store.db.execute("SELECT id, title FROM tasks").fetchall()) == {
        "t1": "Lagi", "t2": "Kartu 2", "t3": "Kartu 3", "t5": "Kartu 5"}
    # the board reads them by its index again
    plan = " ".join(r[-1] for r in store.db.execute(
        "EXPLAIN QUERY PLAN SELECT id FROM tasks WHERE team_id = ? AND status = ? ORDER BY rank", ("team-x", "todo")))
    assert "idx_tasks_team_id_status_rank" in plan
    store.close()


def test_a_workspace_holding_records_keeps_its_indexes_while_it_pulls(tmp_path, org):
    path = tmp_path / "workspace.db"  # the ``store`` fixture's file, holding an organisation
    before = indexes(path)
    other = Store.open(path)
    other.apply_pulled_page([task(1, team=org.team_a.id)], 1)
    assert indexes(path) == before and other.get_meta(DEFERRED_INDEXES_KEY) is None
    other.close()


def test_a_one_page_pull_drops_nothing(tmp_path):
    store = Store.open(tmp_path / "one.db")
    store.apply_pulled_page([task(1)], 1, final=True)
    assert indexes(tmp_path / "one.db") == fresh_indexes(tmp_path)
    store.close()


@client_only
def test_a_first_pull_killed_midway_resumes_and_ends_with_every_index(start_server, cli_env, tmp_path):
    live = start_server(faults="pull:hang:1:3")  # after this test's own pull and two pages, a page hangs
    visible = live.pull_all(live.tokens["ani"])
    db, home = tmp_path / "ani.db", tmp_path / "ani-home"
    env = {**cli_env, "SK_TUI_HOME": str(home), "SK_TUI_SYNC_PAGE_SIZE": "3"}
    assert run_cli(cli_env, "login", live.url, "--token", live.tokens["ani"], home=home).returncode == 0
    client = subprocess.Popen([sys.executable, "-m", "sk_tui", "--db", str(db), "sync"], env=env, cwd=ROOT,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    wait_until(lambda: db.exists() and meta(db, "sync_cursor") == str(visible[5]["seq"]), what="two pages applied")
    client.send_signal(signal.SIGKILL)
    client.wait(timeout=10)
    assert meta(db, DEFERRED_INDEXES_KEY) is not None  # killed while the indexes waited for the last page
    rerun = run_cli(env, "--db", str(db), "sync", "--json")
    assert rerun.returncode == 0, rerun.stderr
    assert json.loads(rerun.stdout)["received"] == len(visible) - 6  # neither a gap nor a repeat
    assert indexes(db) == fresh_indexes(tmp_path)
    assert meta(db, DEFERRED_INDEXES_KEY) is None
    # the same records as a workspace that pulled in one go
    whole = tmp_path / "whole.db"
    assert sync_once(whole, server_url=live.url, token=live.tokens["ani"]).ok
    tables = ("units", "employees", "teams", "memberships", "plans", "targets", "indicators", "dwa", "tasks",
              "reports", "activities")
    with sqlite3.connect(db) as a, sqlite3.connect(whole) as b:
        for table in tables:
            assert sorted(a.execute(f"SELECT * FROM {table}")) == sorted(b.execute(f"SELECT * FROM {table}")), table


@client_only
def test_a_first_pull_that_stops_early_builds_the_indexes_it_deferred(start_server, tmp_path):
    live = start_server(faults="pull:500:99:2")
    db = tmp_path / "new.db"
    result = sync_once(db, server_url=live.url, token=live.tokens["ani"], pull_limit=3, max_attempts=1)
    assert result.error is not None and int(meta(db, "sync_cursor") or 0) > 0  # stopped after some pages
    assert indexes(db) == fresh_indexes(tmp_path)
    assert meta(db, DEFERRED_INDEXES_KEY) is None
