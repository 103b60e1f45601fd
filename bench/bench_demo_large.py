"""Budget: build the large demo workspace (>= 1,000,000 activities) in under 2 minutes.

Builds ``scale="large"`` into a temporary folder with the frozen demo clock and prints the wall
time and row counts as one JSON object (progress goes to stderr).

    python bench/bench_demo_large.py [--keep DIR]
"""

from __future__ import annotations

import argparse
import json
import os
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

FROZEN_NOW = "2026-11-27T10:00:00+07:00"
BUDGET_S = 120.0
MIN_ACTIVITIES = 1_000_000


def progress(stage: str, fraction: float) -> None:
    sys.stderr.write(f"\r{stage:<30} {fraction * 100:5.1f}%")
    if fraction >= 1.0:
        sys.stderr.write("\n")
    sys.stderr.flush()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--keep", help="build into this folder and keep the workspace")
    args = parser.parse_args()
    os.environ.setdefault("SK_TUI_NOW", FROZEN_NOW)
    from sk_tui import demo

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(args.keep) if args.keep else Path(tmp)
        path = folder / "demo-large.db"
        path.unlink(missing_ok=True)
        started = time.perf_counter()
        demo.ensure_demo(path, scale="large", progress=progress)
        wall = time.perf_counter() - started
        conn = sqlite3.connect(path)
        counts = {table: conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]
                  for table in ("employees", "teams", "tasks", "reports", "activities", "reviews")}
        big_team = conn.execute("SELECT value FROM meta WHERE key = 'demo_big_team'").fetchone()[0]
        big_cards = conn.execute("SELECT COUNT(*) FROM tasks WHERE team_id = ?", (big_team,)).fetchone()[0]
        conn.close()
        result = {
            "bench": "demo_large_build",
            "wall_s": round(wall, 2),
            "budget_s": BUDGET_S,
            "activities": counts["activities"],
            "counts": counts,
            "big_team_cards": big_cards,
            "file_mb": round(path.stat().st_size / 1e6, 1),
            "ok": wall <= BUDGET_S and counts["activities"] >= MIN_ACTIVITIES,
        }
    print(json.dumps(result))
    return 0 if result["ok"] else 1


if __name__ == "__main__":
    sys.exit(main())
