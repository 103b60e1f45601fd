"""A command builds only its own parser (issue 13: headless `sk-tui report add` starts fast), and
that parser reads the command line exactly as the whole one does; help, errors and unknown
commands still get the whole parser."""

from __future__ import annotations

import argparse
import importlib

import pytest

from sk_tui import cli


def _registered(module: str) -> set[str]:
    parser = argparse.ArgumentParser()
    subparsers = parser.add_subparsers()
    importlib.import_module(f"sk_tui.commands.{module}").register(subparsers)
    return set(subparsers.choices)


def test_every_command_is_mapped_to_the_module_that_registers_it():
    mapped: dict[str, set[str]] = {}
    for command, module in cli.COMMAND_OF.items():
        mapped.setdefault(module, set()).add(command)
    registered = {module: _registered(module) for module in cli.COMMAND_MODULES}
    assert {m: names for m, names in registered.items() if names} == mapped


@pytest.mark.parametrize("argv", [
    ["report", "add", "--minutes", "60", "--desc", "Telaah"],
    ["--db", "w.db", "report", "add", "--minutes", "60", "--desc", "Telaah", "--lang", "en"],
    ["--lang=en", "task", "list", "--json"],
    ["--db=w.db", "sync", "--json"],
    ["status"],
])
def test_a_commands_own_parser_reads_its_line_as_the_whole_parser_does(argv):
    command = cli._command_in(argv)
    assert command == next(a for a in argv if not a.startswith("-") and a != "w.db")
    own = vars(cli.build_parser(command).parse_args(argv))
    whole = vars(cli.build_parser().parse_args(argv))
    assert own.keys() == whole.keys()
    assert {k: v for k, v in own.items() if k != "func"} == {k: v for k, v in whole.items() if k != "func"}
    assert own["func"].__qualname__ == whole["func"].__qualname__


@pytest.mark.parametrize(("argv", "expected"), [
    ([], ""), (["--db", "w.db"], ""), (["--lang", "en"], ""),  # the app: global options only
    (["--help"], None), (["--version"], None), (["repor"], None), (["--db"], None), (["-x", "report"], None),
])
def test_help_errors_and_unknown_commands_get_the_whole_parser(argv, expected):
    assert cli._command_in(argv) == expected


def test_the_app_start_parses_its_global_options(tmp_path):
    args = cli.build_parser("").parse_args(["--db", str(tmp_path / "w.db"), "--lang", "en"])
    assert args.command is None and args.db == str(tmp_path / "w.db") and args.lang == "en"
