"""Budgets (DESIGN.md section 6): 50 concurrent clients pushing 100-op batches: 0 errors, p99
batch <= 250 ms, server resident memory <= 300 MB; 500 clients against `serve --workers 2` on
PostgreSQL: 0 errors, >= 1.5 x the throughput of one worker on the same machine.

Baselines from the same run: a bare SQLite bulk insert of the same number of rows (50 clients);
the same load against one worker (--compare-workers).
Each client is a thread with its own device token and HTTP connection, pushing batches of
task-create ops to a real `sk-tui serve` process (uvicorn) over loopback.

    python bench/bench_server.py [--clients 50] [--batches 10] [--batch 100] [--db postgresql://...]
    python bench/bench_server.py --db postgresql://... --compare-workers   # 500 clients, 2 vs 1 worker
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import threading
import time
import uuid
from pathlib import Path

from _common import FROZEN_NOW, compile_package, emit, row, summary_ms
from bench_sync import Server, bare_bulk_insert, drop_pg_schemas, make_db_url, seed_server


def task_ops(count: int) -> list[dict]:
    ops = []
    for i in range(count):
        tid = str(uuid.uuid4())
        ops.append({"op_id": str(uuid.uuid4()), "entity": "task", "entity_id": tid, "op": "create",
                    "base_version": 0, "payload": {"id": tid, "team_id": "bench-team", "title": f"Kartu {i}",
                                                   "description": "", "assignees": "[]", "status": "backlog",
                                                   "rank": float(i), "version": 1}})
    return ops


def run_clients(url: str, tokens: list[str], batch: int, batches: int, gate, queue) -> None:
    """One process's share of the clients: a thread per client, each pushing ``batches`` batches."""
    import httpx

    latencies: list[float] = []
    errors: list[str] = []
    lock = threading.Lock()
    bodies = [[json.dumps({"device_id": f"d{c}", "ops": task_ops(batch)}).encode() for _ in range(batches)]
              for c in range(len(tokens))]
    start = threading.Barrier(len(tokens) + 1)

    def client(index: int) -> None:
        with httpx.Client(base_url=url, timeout=60, headers={"Authorization": f"Bearer {tokens[index]}"}) as http:
            start.wait()
            for body in bodies[index]:
                began = time.perf_counter()
                try:
                    response = http.post("/v2/sync/push", content=body, headers={"Content-Type": "application/json"})
                    ok = response.status_code == 200 and response.content.count(b'"status":"applied"') == batch
                    problem = None if ok else f"HTTP {response.status_code}"
                except httpx.HTTPError as exc:
                    problem = type(exc).__name__
                elapsed = time.perf_counter() - began
                with lock:
                    latencies.append(elapsed)
                    if problem:
                        errors.append(problem)

    threads = [threading.Thread(target=client, args=(i,)) for i in range(len(tokens))]
    for thread in threads:
        thread.start()
    gate.wait()
    start.wait()
    for thread in threads:
        thread.join()
    queue.put((latencies, errors))


def server_rss_mb(pid: int) -> float:
    """Peak resident memory (VmHWM) of the server and the processes under it, summed."""
    total, todo = 0.0, [pid]
    while todo:
        current = todo.pop()
        try:
            for line in Path(f"/proc/{current}/status").read_text().splitlines():
                if line.startswith("VmHWM:"):
                    total += int(line.split()[1]) / 1024
            todo += [int(k) for k in Path(f"/proc/{current}/task/{current}/children").read_text().split()]
        except OSError:
            continue
    return total


def load(server, tokens: list[str], args) -> tuple[float, list[float], list[str]]:
    """All clients push at once; (wall seconds, batch latencies, errors)."""
    import multiprocessing as mp

    # the clients as threads spread over a few processes: one process with 50 threads
    # measures its own GIL more than the server
    groups = [list(range(i, len(tokens), args.procs)) for i in range(args.procs)]
    gate = mp.Barrier(len(groups) + 1)
    queue: mp.Queue = mp.Queue()
    procs = [mp.Process(target=run_clients, args=(server.url, [tokens[i] for i in group], args.batch,
                                                   args.batches, gate, queue)) for group in groups]
    for proc in procs:
        proc.start()
    gate.wait()
    began = time.perf_counter()
    latencies: list[float] = []
    errors: list[str] = []
    for _ in procs:
        lat, errs = queue.get()
        latencies += lat
        errors += errs
    wall = time.perf_counter() - began
    for proc in procs:
        proc.join()
    return wall, latencies, errors


def idle_pulls(server, tokens: list[str], since: int, threads: int = 20, each: int = 25) -> float:
    """Pulls that find nothing new (what every device's periodic sync mostly is), a second."""
    import httpx

    def puller(token: str) -> None:
        with httpx.Client(base_url=server.url, timeout=60, headers={"Authorization": f"Bearer {token}"}) as http:
            for _ in range(each):
                assert http.get("/v2/sync/pull", params={"since": since}).status_code == 200

    workers = [threading.Thread(target=puller, args=(tokens[i % len(tokens)],)) for i in range(threads)]
    began = time.perf_counter()
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    return threads * each / (time.perf_counter() - began)


def last_seq(db_url: str) -> int:
    from sk_tui.server import storage as st

    db = st.ServerDB.open(db_url)
    try:
        with db.reading() as conn:
            return db.last_seq(conn)
    finally:
        db.close()


def clients_row(args, tmp: Path) -> None:
    """50 clients against one server process: errors, p99 batch latency, server memory."""
    db_url = make_db_url(args, tmp, "server")
    tokens = list(seed_server(db_url, members=args.clients).values())[: args.clients]
    server = Server(db_url, tmp / "home-server", name="server")
    try:
        wall, latencies, errors = load(server, tokens, args)
        rss = server_rss_mb(server.proc.pid)
        idle = idle_pulls(server, tokens, last_seq(db_url), threads=4 if args.quick else 20,
                          each=5 if args.quick else 25)
    finally:
        server.stop()
    total = args.clients * args.batches * args.batch
    rate = total / wall
    stats = summary_ms(latencies)
    baseline = bare_bulk_insert(tmp, total)
    backend = "postgresql" if args.db else "sqlite"
    emit("server_clients", {"clients": args.clients, "ops": total, "seconds": round(wall, 3), "errors": errors[:20],
                            "batch_latency": stats, "server_rss_mb": rss, "backend": backend})
    name = f"{args.clients}_clients_{backend}"
    row("server", f"{name}_errors", len(errors), "errors", budget="0", passed=not errors)
    row("server", f"{name}_p99_batch", stats["p99_ms"], "ms", budget="<= 250 ms", passed=stats["p99_ms"] <= 250,
        batch=args.batch, median_ms=stats["median_ms"])
    row("server", f"{name}_throughput", rate, "ops/s", baseline=baseline, baseline_of="bare SQLite executemany rows/s")
    row("server", f"{name}_server_rss", rss, "MB", budget="<= 300 MB", passed=rss <= 300)
    row("server", f"idle_pulls_{backend}", idle, "requests/s", note="20 clients, pulls with nothing new")


def workers_row(args, tmp: Path) -> None:
    """The same load against `serve --workers 2` and one worker, on PostgreSQL."""
    if not args.db:
        raise SystemExit("--compare-workers needs --db postgresql://... (SQLite is one process)")
    rates: dict[int, float] = {}
    details: dict[int, dict] = {}
    for workers in (1, 2):
        db_url = make_db_url(args, tmp, f"workers{workers}")
        tokens = list(seed_server(db_url, members=args.clients).values())[: args.clients]
        server = Server(db_url, tmp / f"home-w{workers}", workers=workers, name=f"workers{workers}")
        try:
            wall, latencies, errors = load(server, tokens, args)
        finally:
            server.stop()
        rates[workers] = args.clients * args.batches * args.batch / wall
        details[workers] = {"seconds": round(wall, 3), "errors": len(errors), "batch_latency": summary_ms(latencies)}
        row("server", f"{args.clients}_clients_pg_workers{workers}_errors", len(errors), "errors", budget="0",
            passed=not errors)
    emit("server_workers", {"clients": args.clients, "batch": args.batch, "batches": args.batches,
                            "ops_per_s": rates, "runs": details})
    ratio = rates[2] / rates[1]
    row("server", f"{args.clients}_clients_pg_workers2_throughput", rates[2], "ops/s", baseline=rates[1],
        baseline_of="the same load against one worker", budget=">= 1.5x one worker", ratio=ratio,
        passed=ratio >= 1.5, cores=os.cpu_count())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--batches", type=int, default=10)
    parser.add_argument("--batch", type=int, default=100)
    parser.add_argument("--procs", type=int, default=1, help="client processes the clients are spread over")
    parser.add_argument("--db", help="PostgreSQL URL for the server (default: a SQLite file)")
    parser.add_argument("--compare-workers", action="store_true",
                        help="500 clients (20-op batches) against serve --workers 2 and against one worker")
    parser.add_argument("--quick", action="store_true", help="a handful of small batches: the harness runs")
    args = parser.parse_args()
    if args.compare_workers and "--clients" not in sys.argv:
        args.clients, args.batches, args.batch, args.procs = 500, 2, 20, 2
    if args.quick:
        args.clients, args.batches, args.batch, args.procs = 4 if args.compare_workers else 5, 2, 10, 1
    compile_package()
    os.environ.setdefault("SK_TUI_NOW", FROZEN_NOW)
    with tempfile.TemporaryDirectory(prefix="sk-bench-server-") as folder:
        tmp = Path(folder)
        os.environ["SK_TUI_HOME"] = str(tmp / "home")
        try:
            if args.compare_workers:
                workers_row(args, tmp)
            else:
                clients_row(args, tmp)
        finally:
            drop_pg_schemas(args.db)


if __name__ == "__main__":
    main()
