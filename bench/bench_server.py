"""Budget (DESIGN.md section 6): server, 50 concurrent clients pushing: 0 errors,
>= 1,000 ops/s, p99 batch <= 500 ms.

Baseline from the same run: a bare SQLite bulk insert of the same number of rows.
Each client is a thread with its own device token and HTTP connection, pushing batches of
task-create ops to a real `sk-tui serve` process (uvicorn) over loopback.

    python bench/bench_server.py [--clients 50] [--batches 10] [--batch 100] [--db postgresql://...]
"""

from __future__ import annotations

import argparse
import json
import os
import tempfile
import threading
import time
import uuid
from pathlib import Path

from _common import FROZEN_NOW, compile_package, emit, summary_ms
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
                    response = http.post("/v1/sync/push", content=body, headers={"Content-Type": "application/json"})
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--batches", type=int, default=10)
    parser.add_argument("--batch", type=int, default=100)
    parser.add_argument("--procs", type=int, default=1, help="client processes the clients are spread over")
    parser.add_argument("--db", help="PostgreSQL URL for the server (default: a SQLite file)")
    args = parser.parse_args()
    compile_package()
    os.environ.setdefault("SK_TUI_NOW", FROZEN_NOW)
    with tempfile.TemporaryDirectory(prefix="sk-bench-server-") as folder:
        tmp = Path(folder)
        os.environ["SK_TUI_HOME"] = str(tmp / "home")
        db_url = make_db_url(args, tmp, "server")
        tokens = list(seed_server(db_url, members=args.clients).values())[: args.clients]
        server = Server(db_url, tmp / "home-server")
        import multiprocessing as mp

        # 50 clients as threads spread over a few processes: one process with 50 threads
        # measures its own GIL more than the server
        groups = [list(range(i, args.clients, args.procs)) for i in range(args.procs)]
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
        server.stop()
        drop_pg_schemas(args.db)
        total = args.clients * args.batches * args.batch
        rate = total / wall
        stats = summary_ms(latencies)
        baseline = bare_bulk_insert(tmp, total)
        emit("server_50_clients", {
            "clients": args.clients, "ops": total, "seconds": round(wall, 3), "ops_per_s": round(rate),
            "errors": len(errors), "batch_latency": stats, "budget": "0 errors, >= 1000 ops/s, p99 <= 500 ms",
            "ok": not errors and rate >= 1000 and stats["p99_ms"] <= 500,
            "baseline_bare_sqlite_rows_per_s": round(baseline), "ratio_to_baseline": round(rate / baseline, 4),
            "backend": "postgresql" if args.db else "sqlite",
        })


if __name__ == "__main__":
    main()
