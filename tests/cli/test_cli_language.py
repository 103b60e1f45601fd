"""One language at a time on the command line: every --help, argparse's own errors and the
commands' refusals are Indonesian by default and English with --lang en (or the config's
language), never a mix (tests/helpers/language.py says which words belong to which)."""

from __future__ import annotations

import argparse

import pytest

from tests.helpers.language import foreign_words


def _commands() -> list[list[str]]:
    from sk_tui.cli import build_parser

    def walk(parser: argparse.ArgumentParser, path: list[str]):
        yield path
        for action in parser._actions:
            if isinstance(action, argparse._SubParsersAction):
                for name, sub in action.choices.items():
                    yield from walk(sub, [*path, name])

    return list(walk(build_parser(), []))


COMMANDS = _commands()


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    from sk_tui.cli import main

    try:
        code = main(list(argv))
    except SystemExit as exit_:
        code = exit_.code if isinstance(exit_.code, int) else 1
    out = capsys.readouterr()
    return code, out.out, out.err


@pytest.mark.parametrize("lang", ["id", "en"])
@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: " ".join(c) or "sk-tui")
def test_every_help_speaks_one_language(command, lang, capsys):
    argv = [*command, "--help"] if lang == "id" else ["--lang", "en", *command, "--help"]
    code, out, _err = _run(capsys, *argv)
    assert code == 0
    assert out.startswith("pemakaian: sk-tui" if lang == "id" else "usage: sk-tui")
    assert not foreign_words(out, lang), out


def test_help_follows_the_configured_language(ws):
    english = ws.env | {"SK_TUI_LANG": "en"}
    from tests.helpers.cli import Workspace

    result = Workspace(db=ws.db, env=english, org=ws.org).ok("report", "add", "--help")
    assert "usage: sk-tui report add" in result.out and "minutes spent" in result.out
    assert "pemakaian" in ws.ok("report", "add", "--help").out  # Indonesian without it


def test_every_help_text_comes_from_the_catalogue():
    """A help= written in sk_tui/commands without a catalogue key would show in English on an
    Indonesian screen: name the missing keys."""
    from sk_tui.cli import build_parser, help_key
    from sk_tui.domain.i18n import TEXT

    missing: list[str] = []

    def walk(parser: argparse.ArgumentParser, path: list[str]) -> None:
        prefix = ".".join(["cli", *path])
        for action in parser._actions:
            if isinstance(action, argparse._SubParsersAction):
                missing.extend(f"{prefix}.{choice.dest}" for choice in action._choices_actions
                               if f"{prefix}.{choice.dest}" not in TEXT)
                for name, sub in action.choices.items():
                    walk(sub, [*path, name])
            elif action.help not in (None, argparse.SUPPRESS) and not isinstance(
                    action, (argparse._HelpAction, argparse._VersionAction)):
                name = max(action.option_strings, key=len) if action.option_strings else "@" + action.dest
                if help_key(path, name) is None:
                    missing.append(f"{prefix}.{name}")

    walk(build_parser(), [])
    assert not missing, f"add these keys to sk_tui/domain/i18n.py TEXT: {missing}"


ARGPARSE_ERRORS = {
    "missing_required": (["report", "add"], "argumen berikut wajib diisi", "the following arguments are required"),
    "unknown_command": (["frob"], "pilihan tidak sah", "invalid choice"),
    "unrecognized": (["status", "--bogus"], "argumen tidak dikenal", "unrecognized arguments"),
    "bad_int": (["serve", "--port", "x"], "nilai bilangan bulat tidak sah", "invalid int value"),
    "no_value": (["recap", "--month"], "perlu satu nilai", "expected one argument"),
    "exclusive": (["task", "move", "abcd", "--left", "--right"], "tidak boleh bersama argumen",
                  "not allowed with argument"),
    "one_required": (["task", "move", "abcd"], "salah satu argumen", "one of the arguments"),
    "bad_language": (["--lang", "fr", "status"], "pilihan tidak sah", "invalid choice"),
}


@pytest.mark.parametrize("lang", ["id", "en"])
@pytest.mark.parametrize("case", ARGPARSE_ERRORS, ids=str)
def test_argparse_errors_speak_one_language(case, lang, capsys):
    argv, indonesian, english = ARGPARSE_ERRORS[case]
    if lang == "en":
        argv = ["--lang", "en", *argv] if case != "bad_language" else [*argv, "--lang", "en"]
    code, _out, err = _run(capsys, *argv)
    assert code == 2
    usage, _, last = err.rstrip("\n").rpartition("\n")
    assert usage.startswith("pemakaian: " if lang == "id" else "usage: ")
    assert (indonesian if lang == "id" else english) in last
    assert (": kesalahan: " if lang == "id" else ": error: ") in last
    assert not foreign_words(err, lang), err


REFUSALS = {
    "no_workspace": ["status"],
    "submit_nothing": ["--db", "{db}", "report", "submit", "--date", "2026-11-20"],
    "bad_minutes": ["--db", "{db}", "report", "add", "--minutes", "0", "--desc", "x"],
    "wfa_without_location": ["--db", "{db}", "report", "add", "--minutes", "60", "--desc", "x", "--mode", "WFA"],
    "not_logged_in": ["--db", "{db}", "sync"],
    "unknown_task": ["--db", "{db}", "task", "move", "zzzzzz", "--right"],
    # the report, recap, review, team and DWA commands' own refusals
    "report_bad_month": ["--db", "{db}", "report", "list", "--month", "2026-13"],
    "report_future": ["--db", "{db}", "report", "add", "--minutes", "60", "--desc", "x", "--date", "2030-01-02"],
    "recap_bad_month": ["--db", "{db}", "recap", "--month", "2026-00"],
    "review_unknown": ["--db", "{db}", "review", "approve", "zzzzzz"],
    "return_without_note": ["--db", "{db}", "review", "return", "zzzzzz", "--note", " "],
    "team_no_name": ["--db", "{db}", "team", "create", "--name", " "],
    "team_unknown": ["--db", "{db}", "team", "close", "zzzzzz"],
    "dwa_bad_pattern": ["--db", "{db}", "dwa", "apply", "--pattern", "9-9", "--from", "2026-12-01"],
    "dwa_unknown": ["--db", "{db}", "dwa", "approve", "zzzzzz"],
    "dwa_report_bad_month": ["--db", "{db}", "dwa", "report", "--month", "13-2026"],
}


@pytest.mark.parametrize("lang", ["id", "en"])
@pytest.mark.parametrize("case", REFUSALS, ids=str)
def test_refusals_speak_one_language(ws, case, lang, capsys, tmp_path):
    db = str(ws.db) if case != "no_workspace" else ""
    argv = [arg.format(db=db) for arg in REFUSALS[case]]
    if case == "no_workspace":
        argv = ["--db", str(tmp_path / "none.db"), *argv]
    code, _out, err = _run(capsys, *(["--lang", "en"] if lang == "en" else []), *argv)
    assert code != 0 and err.startswith("sk-tui: ")
    assert not foreign_words(err, lang), err


@pytest.mark.parametrize("lang", ["id", "en"])
def test_admin_refusals_speak_one_language(lang, capsys, tmp_path):
    """`sk-tui server import` (every bad row) and `server user-add` say what is wrong in the
    admin's language."""
    db = str(tmp_path / "server.db")
    folder = tmp_path / "org"
    folder.mkdir()
    (folder / "units.csv").write_text("code,name,parent\nBH,Biro Hukum,XX\nBO,,\n", encoding="utf-8")
    (folder / "teams.csv").write_text("id,name,unit\ntim-a,Tim A,BH\n", encoding="utf-8")
    head = ["--lang", "en"] if lang == "en" else []
    code, _out, err = _run(capsys, *head, "server", "import", "--dir", str(folder), "--db", db)
    assert code == 1
    assert ("Unit kerja 'XX' tidak ditemukan" if lang == "id" else "Unknown unit 'XX'") in err
    assert ("tidak ada yang diimpor" if lang == "id" else "nothing was imported") in err
    assert not foreign_words(err, lang), err
    code, _out, err = _run(capsys, *head, "server", "user-add", "--nip", "199105052019032012", "--name", "Ani",
                           "--unit", "ZZ", "--db", db)
    assert code == 1 and err.count("\n") == 1
    assert not foreign_words(err, lang), err


def _literal_texts(node):
    """The literal text a printed expression carries (not the keys it looks up: a string inside
    a call, a subscript or a comparison is not shown as such)."""
    import ast

    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        yield node.value
    elif isinstance(node, ast.JoinedStr):
        for part in node.values:
            yield from _literal_texts(part)
    elif isinstance(node, ast.BinOp):
        yield from _literal_texts(node.left)
        yield from _literal_texts(node.right)
    elif isinstance(node, ast.IfExp):
        yield from _literal_texts(node.body)
        yield from _literal_texts(node.orelse)


def test_no_command_prints_words_that_are_not_in_the_catalogue():
    """Every sentence a command prints or refuses with comes from the catalogue (``tr``): a
    literal with words in print(), UserError(), SystemExit() or a stream's write() would be in
    one language whatever --lang says. The two-text ``say(args, id, en)`` is gone too."""
    import ast
    from pathlib import Path

    import sk_tui
    from tests.helpers.language import SHARED, _words

    root = Path(sk_tui.__file__).parent
    sinks = {"print", "UserError", "SystemExit", "write", "exit"}
    found = []
    for path in [*sorted((root / "commands").glob("*.py")), root / "cli.py"]:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.FunctionDef) and node.name == "say":
                found.append(f"{path.name}:{node.lineno} defines say()")
            if not isinstance(node, ast.Call):
                continue
            func = node.func
            name = func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else ""
            if name == "say":
                found.append(f"{path.name}:{node.lineno} say(...)")
            if name in sinks:
                found.extend(f"{path.name}:{node.lineno} {text!r}" for arg in node.args
                             for text in _literal_texts(arg) if _words(text) - SHARED)
    assert not found, "print via tr(args, key): " + "; ".join(found)


@pytest.mark.parametrize("lang", ["id", "en"])
def test_a_bad_policy_file_is_explained_in_the_admin_language(lang, capsys, tmp_path):
    head = ["--lang", "en"] if lang == "en" else []
    db = str(tmp_path / "server.db")
    cases = {
        "not_toml.toml": ("x = \n", "bukan TOML yang sah (baris 1, kolom 5)", "not valid TOML (line 1, column 5)"),
        "unknown.toml": ("frobnicate = 1\n", "kunci frobnicate tidak dikenal", "unknown key frobnicate"),
        "bad_value.toml": ('report_deadline = "zz"\n', "nilai report_deadline tidak sah",
                           "the value of report_deadline is not valid"),
    }
    for name, (content, indonesian, english) in cases.items():
        (tmp_path / name).write_text(content, encoding="utf-8")
        code, _out, err = _run(capsys, *head, "server", "policy", "set", str(tmp_path / name), "--db", db)
        assert code == 1
        assert (indonesian if lang == "id" else english) in err
        assert not foreign_words(err, lang), err


@pytest.mark.parametrize("lang", ["id", "en"])
def test_building_the_demo_speaks_one_language(lang, capsys, tmp_path):
    """The progress lines name their stages in the command's language."""
    head = ["--lang", "en"] if lang == "en" else []
    code, _out, err = _run(capsys, *head, "--db", str(tmp_path / "demo.db"), "demo", "--no-open")
    assert code == 0
    assert ("Organisasi" if lang == "id" else "Organisation") in err
    assert ("Laporan harian" if lang == "id" else "Daily reports") in err
    assert not foreign_words(err, lang), err
