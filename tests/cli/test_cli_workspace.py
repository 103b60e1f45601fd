"""The current workspace: `sk-tui demo` makes the demo current, `sk-tui workspace use` switches,
--db overrides for one command; the README's CLI examples run as written after the demo."""

from __future__ import annotations

import datetime as dt
import json
import re
import shlex
import stat
from pathlib import Path

from sk_tui import paths
from tests.helpers.cli import Workspace

README = Path(__file__).resolve().parents[2] / "README.md"


def readme_cli_commands() -> list[tuple[list[str], str]]:
    """The README CLI section's ``sh`` block: each line's arguments after `sk-tui`, and its comment."""
    text = README.read_text(encoding="utf-8")
    section = text[text.index("<!-- section:cli -->"):text.index("<!-- /section:cli -->")]
    block = re.search(r"```sh\n(.*?)```", section, re.S)
    assert block, "the README's CLI section has no sh block"
    commands = []
    for line in block.group(1).splitlines():
        command, _, comment = line.partition("  #")
        words = shlex.split(command)
        assert words[0] == "sk-tui", line
        commands.append((words[1:], comment.strip()))
    return commands


def demo(ws: Workspace, capsys, *extra: str):
    result = ws.in_process("demo", "--no-open", *extra, capsys=capsys)
    assert result.code == 0, result.err
    return result


def current(ws: Workspace, capsys, *extra: str) -> dict:
    return json.loads(ws.in_process(*extra, "workspace", "show", "--json", capsys=capsys).out)


def test_the_readme_cli_examples_run_as_written_after_the_demo(ws):
    assert ws.ok("demo", "--no-open").code == 0
    demo_db = paths.demo_db_path()
    before = ws.dump()
    commands = readme_cli_commands()
    assert commands[-1][0] == ["workspace", "use", "default"]
    for args, comment in commands:
        result = ws.ok(*args)
        if args == ["status", "--json"]:
            status = json.loads(result.out)
            shown = json.loads(comment.replace(", ...}", "}"))  # the README's claim, checked
            assert {k: status[k] for k in shown} == shown
        if args[0] == "recap":
            assert result.out.splitlines()[0].count(",") >= 3  # CSV, from the demo's month
    assert ws.dump() == before  # none of it touched the default workspace
    demo_ws = Workspace(db=demo_db, env=ws.env, org=None)
    store = demo_ws.store()
    try:
        me = store.require_me()

        report = store.report_for(me.id, dt.date(2026, 11, 27))
        assert report is not None and report.status.value == "submitted"
        assert (report.work_mode.value, report.location) == ("WFA", "Garut")
        added = [a for a in store.activities(report.id) if a.description == "Rapat koordinasi lintas PD"]
        assert [(a.volume, a.volume_unit, a.evidence) for a in added] == [(1.5, "dokumen", "ND 180/123/Huk")]
    finally:
        store.close()
    # The last README line switched back: commands reach the default workspace again.
    shown = json.loads(ws.ok("workspace", "show", "--json").out)
    assert shown == {"path": str(paths.default_db_path()), "kind": "default", "exists": True,
                     "chosen_by": "default"}


def test_demo_becomes_current_and_says_so_once(ws, capsys):
    assert current(ws, capsys)["kind"] == "default"
    first = demo(ws, capsys)
    assert "perintah tanpa --db memakainya" in first.err and "workspace use default" in first.err
    assert current(ws, capsys) == {"path": str(paths.demo_db_path().resolve()), "kind": "demo", "exists": True,
                                   "chosen_by": "workspace use"}
    again = demo(ws, capsys, "--as", "lead")
    assert "perintah tanpa --db" not in again.err  # already current: nothing to announce
    status = json.loads(ws.in_process("status", "--json", capsys=capsys).out)
    demo_store = Workspace(db=paths.demo_db_path(), env=ws.env, org=None).store()
    try:
        lead_nip = demo_store.require_me().nip  # `--as lead` chose whose eyes
    finally:
        demo_store.close()
    assert status["me"]["nip"] == lead_nip  # the demo's lead, not someone of the tiny org
    assert lead_nip not in {p.nip for p in vars(ws.org).values() if hasattr(p, "nip")}
    mode = stat.S_IMODE(paths.current_workspace_file().stat().st_mode)
    assert mode == 0o600


def test_a_refused_demo_does_not_switch(ws, capsys):
    result = ws.in_process("demo", "--no-open", "--as", "12345", capsys=capsys)
    assert result.code == 1 and len(result.err_lines) >= 1
    assert current(ws, capsys)["kind"] == "default"


def test_db_overrides_the_current_workspace_for_one_command(ws, capsys):
    demo(ws, capsys)
    shown = current(ws, capsys, "--db", str(ws.db))
    assert shown == {"path": str(ws.db), "kind": "default", "exists": True, "chosen_by": "--db"}
    out = ws.in_process("--db", str(ws.db), "status", "--json", capsys=capsys).out
    assert json.loads(out)["me"]["nip"] == ws.org.ani.nip
    assert current(ws, capsys)["kind"] == "demo"  # still current afterwards


def test_use_default_demo_and_a_path(ws, tmp_path, capsys):
    demo(ws, capsys)
    used = ws.in_process("workspace", "use", "default", capsys=capsys)
    assert used.code == 0 and str(paths.default_db_path()) in used.out and "bawaan" in used.out
    assert not paths.current_workspace_file().exists()
    assert json.loads(ws.in_process("status", "--json", capsys=capsys).out)["me"]["nip"] == ws.org.ani.nip

    assert ws.in_process("workspace", "use", "demo", capsys=capsys).code == 0
    assert current(ws, capsys)["kind"] == "demo"

    other = tmp_path / "kantor" / "tim.db"
    other.parent.mkdir()
    assert ws.in_process("workspace", "use", str(other), capsys=capsys).code == 0
    assert current(ws, capsys) == {"path": str(other.resolve()), "kind": "path", "exists": False,
                                   "chosen_by": "workspace use"}
    missing = ws.in_process("report", "add", "--minutes", "60", "--desc", "x", capsys=capsys)
    assert missing.code == 1 and len(missing.err_lines) == 1
    assert "workspace use PATH|demo|default" in missing.err and str(other.resolve()) in missing.err
    assert not other.exists()  # a command never creates the workspace it cannot find

    # Naming the default by its path stores nothing (the default follows the data folder).
    assert ws.in_process("workspace", "use", str(paths.default_db_path()), capsys=capsys).code == 0
    assert not paths.current_workspace_file().exists()


def test_use_refuses_what_cannot_be_a_workspace(ws, tmp_path, capsys):
    for target, indonesian in (
        ("demo", "jalankan `sk-tui demo` dahulu"),
        (str(tmp_path), "adalah folder"),
        (str(tmp_path / "tidak-ada" / "x.db"), "tidak ada"),
    ):
        result = ws.in_process("workspace", "use", target, capsys=capsys)
        assert result.code == 1 and len(result.err_lines) == 1 and "Traceback" not in result.err
        assert indonesian in result.err
        assert not paths.current_workspace_file().exists()
    english = ws.in_process("--lang", "en", "workspace", "use", "demo", capsys=capsys)
    assert "run `sk-tui demo` first" in english.err


def test_show_in_both_languages(ws, capsys):
    demo(ws, capsys)
    out = ws.in_process("workspace", capsys=capsys).out
    assert f"Ruang kerja saat ini: {paths.demo_db_path().resolve()} (demo)" in out
    assert "sk-tui workspace use PATH|demo|default" in out
    out_en = ws.in_process("--lang", "en", "workspace", "show", capsys=capsys).out
    assert f"Current workspace: {paths.demo_db_path().resolve()} (demo)" in out_en
    assert "Switch with" in out_en
