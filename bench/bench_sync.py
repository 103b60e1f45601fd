"""Budgets (DESIGN.md section 6): sync push over loopback, 10k ops >= 20,000 ops/s on SQLite
(>= 10,000 on PostgreSQL); sync pull, 100k changes >= 50,000 changes/s.

Baseline from the same run: a bare SQLite bulk insert (executemany in one transaction, WAL,
synchronous=FULL) of the same number of rows on the same disk.

The server is a real `sk-tui serve` process (uvicorn) on a free loopback port; the client is
`sk_tui.sync.client.sync_once` on a real workspace whose outbox holds the ops.

    python bench/bench_sync.py [--ops 10000] [--changes 100000] [--db postgresql://...] [--quick]
                               [--push-only | --pull-only]

The pull's detail line carries ``client_cpu_s``: the CPU this process (the client: the pull's
HTTP thread, decoding, checking and writing) used during the pull, the server not counted.

SK_TUI_BENCH_PROFILE=DIR records the server process with py-spy (installed separately) into
DIR/push.collapsed.txt and DIR/pull.collapsed.txt (bench/profile_top.py summarises them);
with SK_TUI_BENCH_PROFILE_IDLE=1 also while it waits (py-spy --idle: wall time, e.g. on the database).
The client is this process: `py-spy record --idle --threads --format raw -o client.txt -- python
bench/bench_sync.py --push-only` (its push is under ``_Session.push`` and the ``sk-tui-push``
threads that send the next batch while the previous one's answers are written).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

from _common import FROZEN_NOW, compile_package, emit, row

ROOT = Path(__file__).resolve().parents[1]
NIP_BASE = "1990010120150{:01d}1{:03d}"  # birth 1990-01-01, appointed 2015-0x, sex 1, serial


def bare_bulk_insert(folder: Path, rows: int) -> float:
    """Rows per second for one executemany of ``rows`` JSON-ish rows in one transaction."""
    path = folder / f"bare-{uuid.uuid4().hex[:6]}.db"
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=FULL")
    conn.execute("CREATE TABLE t (id TEXT PRIMARY KEY, seq INTEGER, payload TEXT)")
    data = [(str(uuid.uuid4()), i, json.dumps({"title": f"Kartu {i}", "status": "backlog"})) for i in range(rows)]
    started = time.perf_counter()
    conn.execute("BEGIN")
    conn.executemany("INSERT INTO t VALUES (?, ?, ?)", data)
    conn.execute("COMMIT")
    elapsed = time.perf_counter() - started
    conn.close()
    return rows / elapsed


def bench_org(members: int):
    """One unit, its JPT, one team with a lead and ``members`` members (row form, by entity)."""
    from sk_tui.domain.models import Employee, Membership, Team, Unit

    unit = Unit(id="bench-unit", code="BU", name="Biro Bench")
    jpt = Employee(id="bench-jpt", nip="197001012000011001", name="Kepala Biro", position_kind="jpt",
                   unit_id=unit.id)
    people = [Employee(id=f"bench-{i}", nip=NIP_BASE.format(1 + i // 1000, i % 1000), name=f"Pegawai {i}",
                       position_kind="jf", unit_id=unit.id) for i in range(members + 1)]
    team = Team(id="bench-team", name="Tim Bench", unit_id=unit.id, jpt_id=jpt.id)
    memberships = [Membership(id=f"bench-m{i}", team_id=team.id, employee_id=e.id,
                              role="lead" if i == 0 else "member") for i, e in enumerate(people)]
    dump = lambda models: [m.model_dump(mode="json") for m in models]  # noqa: E731
    return {"unit": dump([unit]), "employee": dump([jpt, *people]), "team": dump([team]),
            "membership": dump(memberships)}, [e.id for e in people]


def seed_server(db_url: str, members: int) -> dict[str, str]:
    """Load the bench organisation; returns employee id -> token."""
    from sk_tui.server import auth
    from sk_tui.server import storage as st

    records, ids = bench_org(members)
    db = st.ServerDB.open(db_url)
    try:
        st.load_org(db, records)
        return {employee: auth.issue_token(db, employee) for employee in ids}
    finally:
        db.close()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    """A `sk-tui serve` subprocess; ``url`` once healthy."""

    def __init__(self, db_url: str, home: Path, workers: int = 1, name: str = "server"):
        import httpx

        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        env = dict(os.environ, SK_TUI_HOME=str(home), SK_TUI_NOW=FROZEN_NOW)
        cmd = [sys.executable, "-m", "sk_tui", "serve", "--port", str(self.port), "--db", db_url]
        if workers > 1:
            cmd += ["--workers", str(workers)]
        profiles = os.environ.get("SK_TUI_BENCH_PROFILE")
        if profiles:  # a flame graph of the server process (py-spy, installed separately)
            Path(profiles).mkdir(parents=True, exist_ok=True)
            cmd = ["py-spy", "record", "--subprocesses", "--rate", "200", "--format", "raw",
                   *(["--idle"] if os.environ.get("SK_TUI_BENCH_PROFILE_IDLE") else []),
                   "-o", str(Path(profiles) / f"{name}.collapsed.txt"), "--", *cmd]
        self.proc = subprocess.Popen(cmd, env=env, cwd=ROOT, stdout=subprocess.DEVNULL)
        deadline = time.monotonic() + 60
        while True:
            try:
                if httpx.get(self.url + "/v2/health", timeout=1).status_code == 200:
                    return
            except httpx.HTTPError:
                pass
            if time.monotonic() > deadline or self.proc.poll() is not None:
                raise SystemExit("server did not start")
            time.sleep(0.05)

    def stop(self) -> None:
        if os.environ.get("SK_TUI_BENCH_PROFILE"):  # stop the server under py-spy, so it writes its file
            import signal

            for child in _children(self.proc.pid):
                os.kill(child, signal.SIGTERM)
            self.proc.wait(timeout=60)
            return
        self.proc.terminate()
        self.proc.wait(timeout=20)


def _children(pid: int) -> list[int]:
    try:
        return [int(c) for c in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except OSError:
        return []


def queue_task_ops(db_path: Path, employee_id: str, count: int) -> None:
    """A workspace whose outbox holds ``count`` task-create ops (written directly, in one go)."""
    from sk_tui.domain.models import Task
    from sk_tui.store import Store, outbox
    from sk_tui.store.base import to_row

    store = Store.open(db_path)
    with store.transaction():
        store.db.execute("INSERT OR REPLACE INTO meta (key, value) VALUES ('me', ?)", (employee_id,))
        for i in range(count):
            task = Task(team_id="bench-team", title=f"Kartu {i}", rank=float(i), version=1)
            outbox.enqueue(store.db, entity="task", entity_id=task.id, op="create", base_version=0,
                           payload=to_row(task))
    store.close()


PG_SCHEMAS: list[str] = []


def drop_pg_schemas(base: str | None) -> None:
    """Remove the schemas this run made (call at the end)."""
    if not base or not PG_SCHEMAS:
        return
    import psycopg

    with psycopg.connect(base, autocommit=True) as conn:
        for schema in PG_SCHEMAS:
            conn.execute(f"DROP SCHEMA IF EXISTS {schema} CASCADE")
    PG_SCHEMAS.clear()


def make_db_url(args, tmp: Path, name: str) -> str:
    if not args.db:
        return str(tmp / f"{name}.db")
    import psycopg

    schema = f"bench_{name}_{uuid.uuid4().hex[:6]}"
    with psycopg.connect(args.db, autocommit=True) as conn:
        conn.execute(f"CREATE SCHEMA {schema}")
    PG_SCHEMAS.append(schema)
    sep = "&" if "?" in args.db else "?"
    return f"{args.db}{sep}options=-csearch_path%3D{schema}"


def bench_push(args, tmp: Path) -> dict:
    from sk_tui.sync.client import sync_once

    db_url = make_db_url(args, tmp, "push")
    tokens = seed_server(db_url, members=2)
    server = Server(db_url, tmp / "home-push", name="push")
    try:
        workspace = tmp / "push-workspace.db"
        queue_task_ops(workspace, "bench-1", args.ops)
        result = sync_once(workspace, server_url=server.url, token=tokens["bench-1"])
        assert result.error is None and result.applied == args.ops, result
    finally:
        server.stop()
    baseline = bare_bulk_insert(tmp, args.ops)
    rate = args.ops / result.push_seconds
    budget = 10_000 if args.db else 20_000
    backend = "postgresql" if args.db else "sqlite"
    row("sync", f"push_{backend}", rate, "ops/s", baseline=baseline, budget=f">= {budget} ops/s",
        passed=rate >= budget, ops=args.ops, baseline_of="bare SQLite executemany rows/s")
    return {"ops": args.ops, "seconds": round(result.push_seconds, 3), "ops_per_s": round(rate),
            "baseline_bare_sqlite_rows_per_s": round(baseline), "backend": backend}


def seed_changes(db_url: str, count: int) -> None:
    """Append ``count`` task changes to the server's log directly (setup, not measured)."""
    from sk_tui.domain.models import Task
    from sk_tui.server import storage as st

    db = st.ServerDB.open(db_url)
    try:
        done = 0
        while done < count:
            n = min(10_000, count - done)
            tasks = [Task(team_id="bench-team", title=f"Kartu {done + i}", rank=float(i), version=1)
                     for i in range(n)]
            with db.writing() as conn:
                rows = [{"id": t.id, "team_id": t.team_id, "version": 1, "data": st.dumps(t.model_dump(mode="json"))}
                        for t in tasks]
                conn.execute(st.tasks.insert(), rows)
                db.append_changes(conn, [{"entity": "task", "entity_id": r["id"], "vis": st.VIS_TEAM,
                                          "team_id": r["team_id"], "data": r["data"]} for r in rows])
            done += n
    finally:
        db.close()


def bench_pull(args, tmp: Path) -> dict:
    from sk_tui.sync.client import sync_once

    db_url = make_db_url(args, tmp, "pull")
    tokens = seed_server(db_url, members=2)
    seed_changes(db_url, args.changes)
    server = Server(db_url, tmp / "home-pull", name="pull")
    try:
        workspace = tmp / "pull-workspace.db"
        before = resource.getrusage(resource.RUSAGE_SELF)  # the client is this process, the server another
        result = sync_once(workspace, server_url=server.url, token=tokens["bench-2"], pull_limit=5000)
        after = resource.getrusage(resource.RUSAGE_SELF)
        assert result.error is None and result.received >= args.changes, result
    finally:
        server.stop()
    baseline = bare_bulk_insert(tmp, args.changes)
    rate = result.received / result.pull_seconds
    backend = "postgresql" if args.db else "sqlite"
    row("sync", f"pull_{backend}", rate, "changes/s", baseline=baseline, budget=">= 50000 changes/s",
        passed=rate >= 50_000, changes=result.received, baseline_of="bare SQLite executemany rows/s")
    client_cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return {"changes": result.received, "seconds": round(result.pull_seconds, 3), "changes_per_s": round(rate),
            "client_cpu_s": round(client_cpu, 3), "load": round(os.getloadavg()[0], 1),
            "baseline_bare_sqlite_rows_per_s": round(baseline), "backend": backend}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--ops", type=int, default=10_000)
    parser.add_argument("--changes", type=int, default=100_000)
    parser.add_argument("--db", help="PostgreSQL URL for the server (default: a SQLite file)")
    parser.add_argument("--quick", action="store_true", help="200 ops, 1,000 changes: the harness runs")
    parser.add_argument("--push-only", action="store_true", help="leave the pull out")
    parser.add_argument("--pull-only", action="store_true", help="leave the push out")
    args = parser.parse_args()
    if args.quick:
        args.ops, args.changes = 200, 1000
    compile_package()
    os.environ.setdefault("SK_TUI_NOW", FROZEN_NOW)
    with tempfile.TemporaryDirectory(prefix="sk-bench-sync-") as folder:
        tmp = Path(folder)
        os.environ["SK_TUI_HOME"] = str(tmp / "home")
        try:
            if not args.pull_only:
                emit("sync_push", bench_push(args, tmp))
            if not args.push_only:
                emit("sync_pull", bench_pull(args, tmp))
        finally:
            drop_pg_schemas(args.db)


if __name__ == "__main__":
    main()
