"""The server's own share of push and pull, in-process (no HTTP, no client): pull pages of
100,000 changes through ``pull_page`` and 10,000 task creates through the push engine in
500-op groups, as changes (or ops) a second. Not a budget row: it says how much of a sync
benchmark the server itself takes, and compares checkouts (run with PYTHONPATH at another one).

    python bench/bench_server_parts.py [--changes 100000] [--ops 10000] [--db postgresql://...]
    python bench/bench_server_parts.py --push-only [--batch 500]   # the push engine alone
"""

from __future__ import annotations

import argparse
import json
import os
import tempfile
import time
from pathlib import Path

from _common import FROZEN_NOW
from bench_server import task_ops
from bench_sync import drop_pg_schemas, make_db_url, seed_changes, seed_server


def pull_rate(url: str, changes: int) -> float:
    from sk_tui.server import app as server_app
    from sk_tui.server import storage as st

    seed_changes(url, changes)
    db = st.ServerDB.open(url)
    try:
        since, received, spent = 0, 0, 0.0
        while True:
            began = time.perf_counter()
            body = server_app.pull_page(db, "bench-2", since, 5000)
            spent += time.perf_counter() - began
            page = json.loads(body)
            received += len(page["changes"])
            since = page["next_cursor"]
            if not page["has_more"]:
                return received / spent
    finally:
        db.close()


def push_rate(url: str, ops: int, batch: int = 500) -> float:
    from sk_tui.domain.policy import DEFAULT_POLICY
    from sk_tui.server import app as server_app
    from sk_tui.server import storage as st
    from sk_tui.server.engine import GroupCommitter, PushEngine

    db = st.ServerDB.open(url)
    try:
        committer = GroupCommitter(PushEngine(db, DEFAULT_POLICY))
        bodies = [json.dumps({"device_id": "d1", "ops": task_ops(batch)}).encode() for _ in range(ops // batch)]
        began = time.perf_counter()
        for raw in bodies:
            valid, plan = server_app.read_push(raw)
            done = committer.push("bench-1", valid)
            st.dumps({"results": [done[step] if isinstance(step, int) else step for step in plan]})
        return ops / (time.perf_counter() - began)
    finally:
        db.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--changes", type=int, default=100_000)
    parser.add_argument("--ops", type=int, default=10_000)
    parser.add_argument("--db", help="PostgreSQL URL (default: a SQLite file)")
    parser.add_argument("--batch", type=int, default=500, help="ops a push")
    parser.add_argument("--push-only", action="store_true", help="leave the pull page out")
    args = parser.parse_args()
    os.environ.setdefault("SK_TUI_NOW", FROZEN_NOW)
    import sk_tui

    with tempfile.TemporaryDirectory(prefix="sk-bench-parts-") as folder:
        tmp = Path(folder)
        os.environ["SK_TUI_HOME"] = str(tmp / "home")
        try:
            pull = 0.0
            if not args.push_only:
                pull_url = make_db_url(args, tmp, "parts_pull")
                seed_server(pull_url, members=2)
                pull = pull_rate(pull_url, args.changes)
            push_url = make_db_url(args, tmp, "parts_push")
            seed_server(push_url, members=2)
            push = push_rate(push_url, args.ops, args.batch)
        finally:
            drop_pg_schemas(args.db)
    print(json.dumps({"bench": "server_parts", "checkout": str(Path(sk_tui.__file__).parents[1]),
                      "backend": "postgresql" if args.db else "sqlite", "pull_page_changes_per_s": round(pull),
                      "push_engine_ops_per_s": round(push)}))


if __name__ == "__main__":
    main()
