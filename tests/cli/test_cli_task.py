"""`sk-tui task list | add | move`: the board's store calls, headless."""

from __future__ import annotations

import json

from sk_tui.cli import main
from sk_tui.domain.models import TaskStatus


def _run(capsys, path, *args):
    code = main(["--db", str(path), "task", *args])
    out = capsys.readouterr()
    return code, out.out, out.err


def test_add_list_and_move_a_task(store, org, capsys):
    code, out, _ = _run(capsys, store.path, "add", "--title", "Kajian Pergub", "--due", "2026-11-20",
                        "--assign", org.ani.nip, "--json")
    assert code == 0
    task = json.loads(out)
    assert task["assignees"] == [org.ani.id] and task["overdue"] is True
    code, out, _ = _run(capsys, store.path, "list", "--overdue")
    assert code == 0 and "Kajian Pergub" in out and "terlambat" in out
    code, out, _ = _run(capsys, store.path, "move", task["id"][:8], "--right")
    assert code == 0 and "backlog → todo" in out
    code, out, _ = _run(capsys, store.path, "move", task["id"], "--to", "done", "--json")
    assert json.loads(out)["status"] == "done"
    assert store.task(task["id"]).status == TaskStatus.DONE
    assert store.status()["queued"] == 3  # create + two moves, all in the outbox


def test_refusals_are_one_line_and_change_nothing(store, org, capsys):
    task = store.create_task(org.team_a.id, "Kartu", actor_id=org.ani.id)
    queued = store.status()["queued"]
    code, _, err = _run(capsys, store.path, "move", task.id, "--left")
    assert code == 1 and err.count("\n") == 1 and "paling kiri" in err
    code, _, err = _run(capsys, store.path, "move", task.id, "--to", "selesai-kah")
    assert code == 1 and "Kolom tidak dikenal" in err
    code, _, err = _run(capsys, store.path, "add", "--title", "X", "--due", "27-11-2026")
    assert code == 1 and "YYYY-MM-DD" in err
    assert store.status()["queued"] == queued
    assert store.task(task.id).status == TaskStatus.BACKLOG


def test_list_json_only_mine(store, org, capsys):
    store.create_task(org.team_a.id, "Punya Ani", actor_id=org.ani.id, assignees=[org.ani.id])
    store.create_task(org.team_a.id, "Punya Dedi", actor_id=org.ani.id, assignees=[org.dedi.id])
    code, out, _ = _run(capsys, store.path, "list", "--mine", "--json")
    assert code == 0 and [t["title"] for t in json.loads(out)] == ["Punya Ani"]
