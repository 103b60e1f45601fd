"""Budget: save a daily report (commit + outbox) on a 1M-activity workspace, p99 <= 2 ms.

Baseline from the same run: a bare SQLite commit (one row, WAL, synchronous=FULL) on the
same disk. Each sample submits one report: the status change and its outbox row in one
transaction, exactly what the app and `sk-tui report submit` do.

    python bench/bench_save_report.py [--n 300]
"""

from __future__ import annotations

import argparse
import datetime as dt
import shutil
import sqlite3
import tempfile
import time
from pathlib import Path

from _common import emit, row, summary_ms, workspace


class BareCommit:
    """The baseline: one row, one commit, WAL + synchronous=FULL, same folder."""

    def __init__(self, folder: Path) -> None:
        self.conn = sqlite3.connect(folder / "bare.db", isolation_level=None)
        self.conn.execute("PRAGMA journal_mode=WAL")
        self.conn.execute("PRAGMA synchronous=FULL")
        self.conn.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, payload TEXT)")

    def __call__(self) -> float:
        started = time.perf_counter()
        self.conn.execute("BEGIN IMMEDIATE")
        self.conn.execute("INSERT INTO t (payload) VALUES ('row')")
        self.conn.execute("COMMIT")
        return time.perf_counter() - started


def interleaved_samples(db_path: Path, folder: Path, n: int) -> tuple[list[float], list[float]]:
    """Submit n reports, each followed by one bare commit, so both see the same machine."""
    from sk_tui.store import Store

    store = Store.open(db_path)
    me = store.require_me()
    drafts = []
    day = store.today(me) - dt.timedelta(days=400)
    while len(drafts) < n:  # prepared first, not timed
        day -= dt.timedelta(days=1)
        if store.report_for(me.id, day) is not None:
            continue
        report = store.ensure_draft(me.id, day)
        store.add_activity(report.id, description="Menyusun telaah hukum", minutes=240)
        store.add_activity(report.id, description="Rapat koordinasi lintas PD", minutes=120)
        drafts.append(report.id)
    bare = BareCommit(folder)
    submits, bares = [], []
    for report_id in drafts:
        started = time.perf_counter()
        store.submit_report(report_id, me.id)
        submits.append(time.perf_counter() - started)
        bares.append(bare())
    store.close()
    return submits, bares


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, default=300)
    parser.add_argument("--quick", action="store_true", help="small workspace, 20 saves: the harness runs")
    args = parser.parse_args()
    if args.quick:
        args.n = 20
    source = workspace(args.quick)
    with tempfile.TemporaryDirectory(dir=source.parent) as tmp:
        folder = Path(tmp)
        copy = folder / "large.db"
        shutil.copy(source, copy)
        activities = sqlite3.connect(copy).execute("SELECT COUNT(*) FROM activities").fetchone()[0]
        submits, bares = interleaved_samples(copy, folder, args.n)
        measured, baseline = summary_ms(submits), summary_ms(bares)
    emit("save_report", {"activities": activities, "submit": measured, "baseline_bare_commit": baseline})
    row("save_report", "submit_p99", measured["p99_ms"], "ms", baseline=baseline["p99_ms"], budget="<= 2 ms",
        passed=measured["p99_ms"] <= 2.0, activities=activities, baseline_of="bare SQLite commit p99")


if __name__ == "__main__":
    main()
