"""`sk-tui serve --workers N`: several server processes on one PostgreSQL database keep the change
log gap-free and apply every op once; SQLite refuses more than one process (issue 13, point 3)."""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import threading
import uuid
from pathlib import Path

import httpx
import pytest

from tests.helpers.live import PG_ENV, LiveServer, database, run_cli, seed

# three people on team-a, each on three devices at once: many small concurrent transactions
PUSHERS = tuple(f"{name}:{device}" for name in ("lead", "ani", "dedi") for device in range(3))
BATCHES, BATCH = 15, 5


def task_op(team: str, n: int) -> dict:
    task_id = str(uuid.uuid4())
    return {"op_id": str(uuid.uuid4()), "entity": "task", "entity_id": task_id, "op": "create", "base_version": 0,
            "payload": {"id": task_id, "team_id": team, "title": f"Kartu {n}", "description": "", "assignees": "[]",
                        "status": "backlog", "rank": float(n), "version": 1}}


def worker_pids(pid: int) -> list[int]:
    """The processes the server started under it (uvicorn's workers)."""
    found, todo = [], [pid]
    while todo:
        current = todo.pop()
        try:
            kids = [int(k) for k in Path(f"/proc/{current}/task/{current}/children").read_text().split()]
        except OSError:
            kids = []
        found += kids
        todo += kids
    return found


def cpu_ticks(pid: int) -> int:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return int(fields[11]) + int(fields[12])  # utime + stime


def stop_gracefully(server: LiveServer) -> None:
    """SIGTERM first so uvicorn's supervisor takes its workers down with it."""
    if server.proc.poll() is None:
        server.proc.send_signal(signal.SIGTERM)
        with contextlib.suppress(subprocess.TimeoutExpired):  # then the hard stop below
            server.proc.wait(timeout=20)
    server.stop()


@pytest.mark.postgres
@pytest.mark.skipif(not os.environ.get(PG_ENV), reason=f"no PostgreSQL: set {PG_ENV} (CI's .ci/run does)")
def test_two_workers_keep_the_change_log_gap_free_under_concurrent_pushers(tmp_path, cli_env):
    with database("postgres", tmp_path) as url:
        org = seed(url)
        server = LiveServer(url, cli_env, extra_args=("--workers", "2"))
        try:
            workers = worker_pids(server.proc.pid)
            assert len(workers) >= 2, server.output()
            idle = {pid: cpu_ticks(pid) for pid in workers}
            pushed: dict[str, list[dict]] = {name: [] for name in PUSHERS}
            results: dict[str, list[dict]] = {name: [] for name in PUSHERS}
            seen: list[int] = []
            done = threading.Event()
            errors: list[str] = []

            def pusher(name: str) -> None:
                # its own connection: the kernel spreads connections over the worker processes
                token = org.tokens[name.split(":")[0]]
                with httpx.Client(base_url=server.url, timeout=60, headers={"Authorization": f"Bearer {token}"}) as http:
                    for b in range(BATCHES):
                        ops = [task_op("team-a", b * BATCH + i) for i in range(BATCH)]
                        device = name.replace(":", "-")
                        response = http.post("/v2/sync/push", json={"device_id": device, "ops": ops})
                        if response.status_code != 200:
                            errors.append(f"{name}: HTTP {response.status_code}")
                            return
                        pushed[name] += ops
                        results[name] += response.json()["results"]
                    # the last batch again, as a client does after losing the answer
                    again = http.post("/v2/sync/push", json={"device_id": device, "ops": ops}).json()["results"]
                    results[name] += again

            def puller() -> None:
                since = 0
                with httpx.Client(base_url=server.url, timeout=60,
                                  headers={"Authorization": f"Bearer {org.tokens['lead']}"}) as http:
                    while True:
                        finished = done.is_set()  # read before the pull: one more pull after the end
                        page = http.get("/v2/sync/pull", params={"since": since, "limit": 50}).json()
                        seen.extend(change["seq"] for change in page["changes"])
                        since = page["next_cursor"]
                        if finished and not page["has_more"]:
                            return

            threads = [threading.Thread(target=pusher, args=(name,)) for name in PUSHERS]
            reader = threading.Thread(target=puller)
            reader.start()
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join()
            done.set()
            reader.join(timeout=120)
            assert not errors, errors
            busy = [pid for pid in workers if cpu_ticks(pid) > idle[pid] + 5]
            assert len(busy) >= 2, "the load did not reach two worker processes"

            # every op applied once: one applied result each, the resent batch answered duplicate
            for name in PUSHERS:
                statuses = [r["status"] for r in results[name]]
                assert statuses[: BATCHES * BATCH] == ["applied"] * (BATCHES * BATCH)
                assert statuses[BATCHES * BATCH:] == ["duplicate"] * BATCH

            # the puller, pulling while the workers committed, saw every change exactly once and
            # missed none: the same sequence a fresh pull from 0 gets afterwards
            assert len(seen) == len(set(seen))
            assert seen == [change["seq"] for change in server.pull_all(org.tokens["lead"])]
        finally:
            stop_gracefully(server)

        from sk_tui.server import storage as st

        db = st.ServerDB.open(url)
        try:
            with db.reading() as conn:
                seqs = [row[0] for row in conn.exec_driver_sql("SELECT seq FROM changes ORDER BY seq")]
                task_changes = [row[0] for row in conn.exec_driver_sql(
                    "SELECT entity_id FROM changes WHERE entity = 'task'")]
                stored = conn.exec_driver_sql("SELECT COUNT(*) FROM tasks").scalar()
        finally:
            db.close()
        assert seqs == list(range(1, len(seqs) + 1))  # gap-free, no seq twice
        created = {op["entity_id"] for ops in pushed.values() for op in ops}
        assert len(created) == len(PUSHERS) * BATCHES * BATCH
        assert sorted(task_changes) == sorted(created)  # each task logged once
        assert stored == len(created)


def test_sqlite_refuses_more_than_one_worker(tmp_path, cli_env):
    done = run_cli(cli_env, "serve", "--db", str(tmp_path / "server.db"), "--workers", "2")
    assert done.returncode != 0
    assert "SQLite: satu proses" in done.stderr
    english = run_cli(cli_env, "--lang", "en", "serve", "--db", str(tmp_path / "server.db"), "--workers", "2")
    assert "SQLite: one process" in english.stderr
