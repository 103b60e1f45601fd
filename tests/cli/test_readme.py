"""The README's CLI section works as written: after `sk-tui demo` (here with --no-open, so no
app opens) every headless command in its ``sh`` blocks runs, without --db, on a fresh home
folder, and exits 0. A command added to the README is run here too."""

from __future__ import annotations

import json
import re
import shlex
from pathlib import Path

from tests.helpers.cli import Workspace

README = Path(__file__).resolve().parents[2] / "README.md"
# sub-commands that open the app or run a server: not headless
INTERACTIVE = {None, "demo", "serve"}


def _cli_section() -> str:
    text = README.read_text(encoding="utf-8")
    found = re.search(r"<!-- section:cli -->(.*?)<!-- /section:cli -->", text, re.S)
    assert found, "README.md lost its <!-- section:cli --> markers"
    return found[1]


def readme_commands() -> list[list[str]]:
    """Each command line of the CLI section's ```sh blocks, split as a shell would."""
    commands = []
    for block in re.findall(r"```sh\n(.*?)```", _cli_section(), re.S):
        for line in block.splitlines():
            argv = shlex.split(line, comments=True)
            if argv:
                commands.append(argv)
    return commands


def _subcommand(argv: list[str]) -> str | None:
    rest = [arg for arg in argv[1:] if not arg.startswith("-")]
    return rest[0] if rest else None


def test_the_readme_has_headless_commands_and_says_how_to_switch():
    commands = readme_commands()
    assert len([c for c in commands if _subcommand(c) not in INTERACTIVE]) >= 5
    assert all(argv[0] == "sk-tui" for argv in commands), commands
    assert "sk-tui workspace use" in _cli_section()


def test_every_readme_command_runs_as_written(cli_env, sk_home):
    ws = Workspace(db=sk_home / "unused.db", env=cli_env, org=None)
    demo = ws.run("demo", "--no-open")
    assert demo.code == 0, demo.err
    shown = json.loads(ws.ok("workspace", "show", "--json").out)
    assert shown["kind"] == "demo"  # the demo is what commands without --db now reach
    for argv in readme_commands():
        if _subcommand(argv) in INTERACTIVE:
            continue
        result = ws.run(*argv[1:])
        assert result.code == 0, f"{shlex.join(argv)}\n{result.err}"
        assert "Traceback" not in result.err
    # the README's last step goes back to the user's own workspace
    assert json.loads(ws.ok("workspace", "show", "--json").out)["kind"] == "default"
