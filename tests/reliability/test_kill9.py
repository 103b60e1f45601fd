"""SIGKILL a writing process at many points: the database stays whole, and every write is there
with its outbox row or not there at all."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

from sk_tui.store import Store
from tests.helpers.org import build_org

CHILD = Path(__file__).with_name("writer_child.py")
ROUNDS = 20


def run_and_kill(db: Path, employee_id: str, offset: int, kill_after: int) -> list[str]:
    """Start the writer, read ``kill_after`` committed lines, SIGKILL it, return what it said."""
    child = subprocess.Popen(
        [sys.executable, str(CHILD), str(db), employee_id, str(offset)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=os.environ.copy(),
    )
    lines: list[str] = []
    try:
        assert child.stdout.readline().strip() == "ready", child.stderr.read()
        while len(lines) < kill_after:
            line = child.stdout.readline()
            assert line, f"writer died on its own: {child.stderr.read()}"
            lines.append(line.strip())
        os.kill(child.pid, signal.SIGKILL)
        # what it printed before dying was committed too
        rest, _ = child.communicate(timeout=10)
        lines += [line for line in rest.splitlines() if line.strip()]
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
    assert child.returncode == -signal.SIGKILL
    return lines


def test_sigkill_at_many_points_loses_nothing_committed_and_leaves_no_half_writes(tmp_path):
    db = tmp_path / "kill.db"
    setup = Store.open(db)
    org = build_org(setup)
    setup.close()

    committed_activities: dict[str, int] = {}
    committed_submits: set[str] = set()
    for round_no in range(ROUNDS):
        # kill after 1..36 committed ops: early, mid-report, mid-submit, late
        kill_after = 1 + (round_no * 7) % 36
        for line in run_and_kill(db, org.ani.id, offset=round_no * 40, kill_after=kill_after):
            kind, *rest = line.split()
            if kind == "A":
                committed_activities[rest[1]] = int(rest[2])
            elif kind == "S":
                committed_submits.add(rest[0])
    assert len(committed_submits) > ROUNDS  # the kills did land among real work

    store = Store.open(db)
    try:
        assert store.scalar("PRAGMA integrity_check") == "ok"
        assert store.rows("PRAGMA foreign_key_check") == []

        # everything the writer saw committed is there
        stored = {r["id"]: r["minutes"] for r in store.rows("SELECT id, minutes FROM activities")}
        missing = set(committed_activities) - set(stored)
        assert not missing, f"{len(missing)} committed activities lost"
        for activity_id, minutes in committed_activities.items():
            assert stored[activity_id] == minutes

        reports = {r["id"]: r for r in store.rows("SELECT * FROM reports")}
        ops = store.rows("SELECT * FROM outbox ORDER BY seq")
        submit_ops: dict[str, list[dict]] = {}
        for op in ops:
            assert op["entity"] == "report" and op["op"] == "submit"
            submit_ops.setdefault(op["entity_id"], []).append(op)

        # no outbox row without its report, no submitted report without its outbox row
        assert set(submit_ops) <= set(reports)
        for report_id, report in reports.items():
            if report["status"] == "submitted":
                assert len(submit_ops.get(report_id, [])) == 1, report_id
                payload = json.loads(submit_ops[report_id][0]["payload"])
                activity_ids = {a["id"] for a in payload["activities"]}
                assert activity_ids == {r["id"] for r in store.rows(
                    "SELECT id FROM activities WHERE report_id = ?", (report_id,))}
            else:
                assert report["status"] == "draft" and report_id not in submit_ops
            # the stored day total matches its activities
            total = store.scalar("SELECT COALESCE(SUM(minutes), 0) FROM activities WHERE report_id = ?",
                                 (report_id,))
            assert report["total_minutes"] == total
        for report_id in committed_submits:
            assert reports[report_id]["status"] == "submitted"
        assert store.status()["queued"] == len(submit_ops)
    finally:
        store.close()
