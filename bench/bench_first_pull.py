"""Budget: the first full pull of the large lead workspace on a new device <= 30 s, with progress shown.

Setup (not timed; the server database is built once and cached as
$SK_TUI_BENCH_DIR/first_pull_server[_small].db): a server holding every record of the demo
workspace that bench/_common.py builds (1.1M activities; --quick: the small demo). The
organisation goes in through the server's own loader (``storage.load_org``); tasks, reports
with their activities, reviews and feedback are written as the server's engine stores and logs
them (a row per record, a change-log entry per record with its visibility, parties and teams,
a report once more for each other team with activities in it) straight from the workspace's
rows; attendance through ``admin.save_person_records``. Each run works on a copy.

Timed: a real `sk-tui serve` on loopback, then on a new device (an empty workspace, a saved
login as the workspace's team lead) one `sk-tui sync` process, start to exit. Its progress
lines (stderr, SK_TUI_PROGRESS=1) are counted: the row fails without them.

Baseline from the same run: a bare SQLite executemany of as many rows as the pull brought
(the storage floor for writing them, WAL, synchronous=FULL).

    python bench/bench_first_pull.py [--quick] [--tree PATH]

SK_TUI_BENCH_PROFILE=DIR records the server and the client with py-spy (installed separately)
into DIR/first_pull.collapsed.txt and DIR/first_pull_client.collapsed.txt.

``--tree PATH`` runs the client (`sk-tui login`, `sk-tui sync`) from another checkout (the
baseline tree) against the same server (this tree's) and database.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from _common import CACHE, FROZEN_NOW, compile_package, emit, row, workspace
from bench_sync import Server, bare_bulk_insert

BUDGET_S = 30.0
# local columns that hold a list as JSON text (the server's data holds the list)
_LISTS = {"assignees"}


def _rows(conn: sqlite3.Connection, table: str) -> list[dict[str, Any]]:
    cursor = conn.execute(f"SELECT * FROM {table}")
    columns = [d[0] for d in cursor.description]
    out = []
    for values in cursor:
        item = dict(zip(columns, values, strict=True))
        for key in _LISTS & item.keys():
            item[key] = json.loads(item[key]) if item[key] else []
        out.append(item)
    return out


def _models(conn: sqlite3.Connection, table: str, model: Any) -> list[dict[str, Any]]:
    """Rows of an organisation table in the server's row form (through the domain model)."""
    from sk_tui.store.base import from_row

    return [from_row(model, r).model_dump(mode="json") for r in _rows(conn, table)]


def build_server_db(source: Path, target: Path) -> dict[str, Any]:
    """A server database holding every record of the workspace at ``source``; returns its facts."""
    from sk_tui.domain import models as m
    from sk_tui.server import admin
    from sk_tui.server import storage as st

    started = time.perf_counter()
    local = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    lead = local.execute("SELECT value FROM meta WHERE key = 'demo_role_lead'").fetchone()[0]
    tmp = target.with_name(target.name + ".building")
    tmp.unlink(missing_ok=True)
    db = st.ServerDB.open(str(tmp))
    try:
        org = {
            "unit": _models(local, "units", m.Unit), "employee": _models(local, "employees", m.Employee),
            "team": _models(local, "teams", m.Team), "membership": _models(local, "memberships", m.Membership),
            "plan": _models(local, "plans", m.PerformancePlan), "target": _models(local, "targets", m.Target),
            "indicator": _models(local, "indicators", m.Indicator), "dwa": _models(local, "dwa", m.DwaArrangement),
        }
        st.load_org(db, org)
        counts = {entity: len(rows) for entity, rows in org.items()}
        tasks = _models(local, "tasks", m.Task)
        with db.writing() as conn:
            st.ServerDB.insert_many(conn, st.tasks, [
                {"id": t["id"], "team_id": t["team_id"], "version": t["version"], "data": st.dumps(t)} for t in tasks])
            db.append_changes(conn, [{"entity": "task", "entity_id": t["id"], "vis": st.VIS_TEAM,
                                      "team_id": t["team_id"], "data": st.dumps(t)} for t in tasks])
        counts["task"] = len(tasks)
        counts.update(_reports(db, local), feedback=_feedback(db, local))
        # the server keeps an attendance status per day; rows of older workspaces without one stay out
        absences = [a for a in _models(local, "absences", m.Absence) if a.get("status")]
        if absences:
            admin.save_person_records(db, absences=absences)
        counts["absence"] = len(absences)
        nip = local.execute("SELECT nip FROM employees WHERE id = ?", (lead,)).fetchone()[0]
    finally:
        db.close()
        local.close()
    os.replace(tmp, target)
    facts = {"lead": lead, "lead_nip": nip, "records": counts, "build_seconds": round(time.perf_counter() - started, 1)}
    target.with_suffix(".json").write_text(json.dumps(facts))
    return facts


def _reports(db: Any, local: sqlite3.Connection, chunk: int = 20_000) -> dict[str, int]:
    """Reports (their activities inside, as the server keeps them) and reviews, in chunks."""
    from sk_tui.server import storage as st

    authors: dict[str, str] = {}
    n_reports = n_acts = 0
    cursor = local.execute("SELECT * FROM reports ORDER BY id")
    columns = [d[0] for d in cursor.description]
    acts_cursor = local.execute("SELECT * FROM activities ORDER BY report_id, position")
    act_columns = [d[0] for d in acts_cursor.description]
    pending = acts_cursor.fetchone()
    while True:
        batch = cursor.fetchmany(chunk)
        if not batch:
            break
        rows, entries = [], []
        for values in batch:
            report = dict(zip(columns, values, strict=True))
            acts = []
            while pending is not None and pending[1] <= report["id"]:
                if pending[1] == report["id"]:
                    acts.append(dict(zip(act_columns, pending, strict=True)))
                pending = acts_cursor.fetchone()
            report["activities"] = acts
            data = st.dumps(report)
            authors[report["id"]] = report["employee_id"]
            rows.append({"id": report["id"], "employee_id": report["employee_id"], "team_id": report["team_id"],
                         "work_date": report["work_date"], "status": report["status"], "version": report["version"],
                         "data": data, "approved_minutes": report["approved_minutes"] or 0})
            entries.append({"entity": "report", "entity_id": report["id"], "vis": st.VIS_PARTIES,
                            "employee_id": report["employee_id"], "team_id": report["team_id"], "data": data})
            entries.extend({"entity": "report", "entity_id": report["id"], "vis": st.VIS_PARTIES,
                            "team_id": team, "data": data}
                           for team in sorted({a["team_id"] for a in acts if a["team_id"]} - {report["team_id"]}))
            n_acts += len(acts)
        with db.writing() as conn:
            st.ServerDB.insert_many(conn, st.reports, rows)
            db.append_changes(conn, entries)
        n_reports += len(rows)
    n_reviews = 0
    cursor = local.execute("SELECT * FROM reviews")
    columns = [d[0] for d in cursor.description]
    while True:
        batch = cursor.fetchmany(chunk)
        if not batch:
            break
        reviews = [dict(zip(columns, values, strict=True)) for values in batch]
        with db.writing() as conn:
            st.ServerDB.insert_many(conn, st.reviews, [
                {"id": r["id"], "report_id": r["report_id"], "reviewer_id": r["reviewer_id"], "team_id": r["team_id"],
                 "data": st.dumps(r)} for r in reviews])
            db.append_changes(conn, [
                {"entity": "review", "entity_id": r["id"], "vis": st.VIS_PARTIES,
                 "employee_id": authors.get(r["report_id"]), "other_id": r["reviewer_id"], "team_id": r["team_id"],
                 "data": st.dumps(r)} for r in reviews])
        n_reviews += len(reviews)
    return {"report": n_reports, "activity": n_acts, "review": n_reviews}


def _feedback(db: Any, local: sqlite3.Connection) -> int:
    from sk_tui.server import storage as st

    rows = _rows(local, "feedback")
    with db.writing() as conn:
        st.ServerDB.insert_many(conn, st.feedback, [
            {"id": f["id"], "from_id": f["from_id"], "to_id": f["to_id"], "data": st.dumps(f)} for f in rows])
        db.append_changes(conn, [{"entity": "feedback", "entity_id": f["id"], "vis": st.VIS_PARTIES,
                                  "employee_id": f["to_id"], "other_id": f["from_id"], "data": st.dumps(f)}
                                 for f in rows])
    return len(rows)


def server_db(quick: bool) -> tuple[Path, dict[str, Any]]:
    source = workspace(quick)
    target = CACHE / ("first_pull_server_small.db" if quick else "first_pull_server.db")
    facts_file = target.with_suffix(".json")
    if not target.exists() or not facts_file.exists():
        sys.stderr.write(f"building {target} from {source} ...\n")
        facts = build_server_db(source, target)
        sys.stderr.write(f"built in {facts['build_seconds']} s: {facts['records']}\n")
    return target, json.loads(facts_file.read_text())


def first_pull(db_file: Path, facts: dict[str, Any], tmp: Path, tree: Path | None) -> dict[str, Any]:
    from sk_tui.server import auth
    from sk_tui.server import storage as st

    copy = tmp / "server.db"
    shutil.copy(db_file, copy)
    db = st.ServerDB.open(str(copy))
    try:
        token = auth.issue_token(db, facts["lead_nip"], label="bench first pull")
    finally:
        db.close()
    env = dict(os.environ, SK_TUI_HOME=str(tmp / "device"), SK_TUI_NOW=FROZEN_NOW, SK_TUI_PROGRESS="1")
    if tree is not None:
        env["PYTHONPATH"] = str(tree)
    server = Server(str(copy), tmp / "server-home", name="first_pull")
    try:
        device = tmp / "device.db"
        cli = [sys.executable, "-m", "sk_tui", "--db", str(device)]
        subprocess.run([*cli, "login", server.url, "--token", "-"], input=token, text=True, env=env, check=True,
                       capture_output=True, cwd=tree or Path(__file__).resolve().parents[1])
        sync = [*cli, "sync", "--json"]
        profiles = os.environ.get("SK_TUI_BENCH_PROFILE")
        if profiles:  # the client too (bench_sync.Server records the server as first_pull.collapsed.txt)
            sync = ["py-spy", "record", "--rate", "200", "--format", "raw", "--threads", "-o",
                    str(Path(profiles) / "first_pull_client.collapsed.txt"), "--", *sync]
        started = time.perf_counter()
        done = subprocess.run(sync, env=env, capture_output=True, text=True,
                              cwd=tree or Path(__file__).resolve().parents[1])
        seconds = time.perf_counter() - started
    finally:
        server.stop()
    if done.returncode != 0:
        raise SystemExit(f"sync failed ({done.returncode}): {done.stdout[-500:]} {done.stderr[-500:]}")
    # the first JSON object on stdout (py-spy, when it records, adds its own lines)
    result, _ = json.JSONDecoder().raw_decode(done.stdout[done.stdout.index("{"):])
    progress = [line for line in done.stderr.replace("\r", "\n").splitlines() if line.strip()]
    return {"seconds": seconds, "received": result["received"], "pull_seconds": result["pull_seconds"],
            "progress_lines": len(progress), "last_progress": progress[-1] if progress else None}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="the small demo: the harness runs")
    parser.add_argument("--tree", type=Path, help="run the client from this checkout")
    args = parser.parse_args()
    compile_package()
    os.environ.setdefault("SK_TUI_NOW", FROZEN_NOW)
    db_file, facts = server_db(args.quick)
    with tempfile.TemporaryDirectory(prefix="sk-bench-first-pull-") as folder:
        tmp = Path(folder)
        os.environ["SK_TUI_HOME"] = str(tmp / "home")
        measured = first_pull(db_file, facts, tmp, args.tree)
        baseline_rate = bare_bulk_insert(tmp, max(1, measured["received"]))
    baseline = measured["received"] / baseline_rate
    shown = measured["progress_lines"] > 0
    emit("first_pull", {**measured, "server_records": facts["records"], "tree": str(args.tree or "this"),
                        "baseline_bare_sqlite_seconds": round(baseline, 3),
                        "workspace": "small" if args.quick else "large"})
    row("first_pull", "large_lead_seconds" if not args.quick else "small_lead_seconds", measured["seconds"], "s",
        baseline=baseline, budget=f"<= {BUDGET_S:g} s, with progress shown",
        passed=measured["seconds"] <= BUDGET_S and shown, received=measured["received"],
        progress_lines=measured["progress_lines"], baseline_of="bare SQLite executemany of as many rows (s)")


if __name__ == "__main__":
    main()
