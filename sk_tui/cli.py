"""`sk-tui`: argparse front door (DESIGN.md section 5).

Each sub-command lives in ``sk_tui/commands/<name>.py`` with a ``register(subparsers)`` that
adds its parser and sets ``func``. This module only parses and turns errors into one line:
a user error exits 2 (bad arguments) or 1 (refused), never with a traceback.

Nothing heavy is imported here: Textual, httpx and FastAPI load only inside the commands that
need them, so `sk-tui report add` stays fast.
"""

from __future__ import annotations

import argparse
import importlib
import os
import re
import sys
from typing import TYPE_CHECKING, Any, NoReturn

if TYPE_CHECKING:
    from sk_tui.store.failures import StorageError

COMMAND_MODULES = ("app", "demo", "report", "task", "review", "status", "recap", "sync", "server",
                   "workspace", "team", "dwa")
# top-level command -> the module that registers it, so a command builds only its own parser
# (tests/cli/test_cli_parser_subset.py checks this against what the modules register)
COMMAND_OF: dict[str, str] = {
    "demo": "demo", "report": "report", "task": "task", "review": "review", "status": "status",
    "recap": "recap", "login": "sync", "sync": "sync", "resolve": "sync", "serve": "server",
    "server": "server", "workspace": "workspace", "team": "team", "dwa": "dwa",
}
_GLOBAL_WITH_VALUE = ("--db", "--lang")


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The `sk-tui` parser, every text in the current language (``i18n.set_language``).

    ``command``: a known top-level command builds only that command's module's parser (what
    parsing its arguments needs; importing and translating every command's parser was half of
    a headless `sk-tui report add`); "" builds the global options alone (the app's start);
    None builds all of them (help, errors, tests)."""
    from sk_tui.domain.i18n import t

    _untranslated_argparse()
    parser = Parser(prog="sk-tui")
    parser.add_argument("--db", metavar="PATH")
    parser.add_argument("--lang", choices=["id", "en"])
    parser.add_argument("--version", action="version", version=_version(), help=t("argparse.version"))
    if command == "":
        parser.set_defaults(command=None)
        return parser
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    names = (COMMAND_OF[command],) if command in COMMAND_OF else COMMAND_MODULES
    for name in names:
        module = importlib.import_module(f"sk_tui.commands.{name}")
        module.register(subparsers)
    _accept_global_options_anywhere(subparsers)
    _localize(parser, [])
    return parser


def _command_in(argv: list[str]) -> str | None:
    """The parser ``argv`` needs (see ``build_parser``): its top-level command when it names a
    known one after global options only; "" for global options alone; else None (everything)."""
    index = 0
    while index < len(argv):
        arg = argv[index]
        if arg in _GLOBAL_WITH_VALUE:
            index += 2
            continue
        if arg.startswith(tuple(f"{name}=" for name in _GLOBAL_WITH_VALUE)):
            index += 1
            continue
        if arg in COMMAND_OF:
            return arg
        return None  # help, --version, an unknown option or command: the whole parser answers
    return "" if index == len(argv) else None


def _untranslated_argparse() -> None:
    """argparse looks its words up with gettext each time a parser is made (a search for
    message catalogues on disk, 150 of them for the whole parser); the catalogue here says every
    word argparse shows, and ``argparse_message`` reads argparse's English, so it stays English."""
    if getattr(argparse, "_sk_untranslated", False):
        return
    argparse._ = lambda message: message  # type: ignore[attr-defined]
    argparse.ngettext = lambda singular, plural, n: singular if n == 1 else plural  # type: ignore[attr-defined]
    argparse._sk_untranslated = True  # type: ignore[attr-defined]


class Parser(argparse.ArgumentParser):
    """argparse speaking the interface language: usage, section titles and its own errors
    ("the following arguments are required", "invalid choice" ...) come from the catalogue.

    Sub-command parsers are of this class too (``add_subparsers`` uses the parent's class).
    Descriptions keep their line breaks (examples in them are laid out by hand).
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        from sk_tui.domain.i18n import t

        kwargs.setdefault("formatter_class", argparse.RawDescriptionHelpFormatter)
        super().__init__(*args, **kwargs)
        self.formatter_class = _translated_formatter(self.formatter_class)
        self._positionals.title = t("argparse.positionals")
        self._optionals.title = t("argparse.options")
        for action in self._actions:
            if isinstance(action, argparse._HelpAction):
                action.help = t("argparse.help")

    def error(self, message: str) -> NoReturn:
        from sk_tui.domain.i18n import t

        self.print_usage(sys.stderr)
        self.exit(2, t("argparse.error", prog=self.prog, message=argparse_message(message)) + "\n")


_FORMATTERS: dict[type, type] = {}


def _translated_formatter(base: Any) -> Any:
    """``base`` (a HelpFormatter class) with "usage: " in the interface language."""
    if getattr(base, "_sk_translated", False):
        return base
    if base not in _FORMATTERS:
        class Translated(base):
            _sk_translated = True

            def add_usage(self, usage: Any, actions: Any, groups: Any, prefix: str | None = None) -> None:
                from sk_tui.domain.i18n import t

                super().add_usage(usage, actions, groups, t("argparse.usage") if prefix is None else prefix)

        Translated.__name__ = base.__name__
        _FORMATTERS[base] = Translated
    return _FORMATTERS[base]


# argparse's own messages (Python 3.11-3.13 wording) -> catalogue keys; the parts in the
# message (names, values, choices) are kept as argparse wrote them.
_ARGPARSE_MESSAGES: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern, re.S), key) for pattern, key in (
        (r"the following arguments are required: (?P<names>.*)", "argparse.required"),
        (r"unrecognized arguments: (?P<args>.*)", "argparse.unrecognized"),
        (r"invalid choice: (?P<value>.*?) \(choose from (?P<choices>.*)\)", "argparse.invalid_choice"),
        (r"expected one argument", "argparse.expected_one"),
        (r"expected at least one argument", "argparse.expected_at_least_one"),
        (r"expected at most one argument", "argparse.expected_at_most_one"),
        (r"expected (?P<n>\d+) arguments?", "argparse.expected_n"),
        (r"invalid (?P<type>\S+) value: (?P<value>.*)", "argparse.invalid_value"),
        (r"not allowed with argument (?P<other>.*)", "argparse.not_allowed"),
        (r"one of the arguments (?P<names>.*) is required", "argparse.one_required"),
        (r"ambiguous option: (?P<option>.*?) could match (?P<matches>.*)", "argparse.ambiguous"),
        (r"ignored explicit argument (?P<value>.*)", "argparse.ignored_explicit"),
    )
)


def argparse_message(message: str) -> str:
    """An argparse error message in the interface language (unknown wording: unchanged)."""
    from sk_tui.domain.i18n import TEXT, t

    wrapped = re.fullmatch(r"argument (?P<name>[^:]+): (?P<message>.*)", message, re.S)
    if wrapped:
        return t("argparse.argument", name=wrapped["name"], message=argparse_message(wrapped["message"]))
    for pattern, key in _ARGPARSE_MESSAGES:
        found = pattern.fullmatch(message)
        if found:
            params = found.groupdict()
            if "type" in params and f"argparse.type.{params['type']}" in TEXT:
                params["type"] = t(f"argparse.type.{params['type']}")
            return t(key, **params)
    return message


def _localize(parser: argparse.ArgumentParser, path: list[str]) -> None:
    """Every help text, description and metavar of ``parser`` (and its sub-commands) from the
    catalogue, in the current language.

    Keys follow the command path: ``cli.report.add`` is the sub-command's one-line help,
    ``cli.report.add.about`` its description, ``cli.report.add.--minutes`` an option,
    ``cli.task.move.@task`` a positional. An option's key is looked up from the command up to
    the root, so ``cli.report.--date`` serves every ``report`` action and ``cli.--json`` every
    --json without one of its own. The ``help=`` written in sk_tui/commands is only the fallback
    for a missing key (tests/cli/test_cli_language.py fails on one).
    """
    from sk_tui.domain.i18n import TEXT, t

    prefix = ".".join(["cli", *path])
    if f"{prefix}.about" in TEXT:
        parser.description = t(f"{prefix}.about")
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            action.metavar = _metavar(action.metavar)
            for choice in action._choices_actions:
                if f"{prefix}.{choice.dest}" in TEXT:
                    choice.help = t(f"{prefix}.{choice.dest}")
            for name, sub in action.choices.items():
                _localize(sub, [*path, name])
            continue
        if action.help == argparse.SUPPRESS or isinstance(action, (argparse._HelpAction, argparse._VersionAction)):
            continue
        name = max(action.option_strings, key=len) if action.option_strings else "@" + action.dest
        key = help_key(path, name)
        if key is not None:
            action.help = t(key)
        if action.choices is None and action.nargs != 0:
            action.metavar = _metavar(action.metavar or (action.dest.upper() if action.option_strings else action.dest))


def help_key(path: list[str], name: str) -> str | None:
    """The catalogue key of option ``name`` (``--minutes``, ``@task``) of the command ``path``."""
    from sk_tui.domain.i18n import TEXT

    for depth in range(len(path), -1, -1):
        key = ".".join(["cli", *path[:depth], name])
        if key in TEXT:
            return key
    return None


def _metavar(metavar: Any) -> Any:
    from sk_tui.domain.i18n import TEXT, t

    if isinstance(metavar, str) and f"cli.metavar.{metavar}" in TEXT:
        return t(f"cli.metavar.{metavar}")
    return metavar


def _accept_global_options_anywhere(subparsers: argparse._SubParsersAction) -> None:
    """Let `sk-tui demo --lang en` work as well as `sk-tui --lang en demo`.

    Each sub-command parser (at any depth) also takes --lang and --db, defaulting to
    SUPPRESS so an absent option leaves the top-level value alone. A command that gives
    --db its own meaning (the server's database URL) keeps it.
    """
    for sub in subparsers.choices.values():
        taken = {opt for action in sub._actions for opt in action.option_strings}
        if "--lang" not in taken:
            sub.add_argument("--lang", choices=["id", "en"], default=argparse.SUPPRESS, help=argparse.SUPPRESS)
        if "--db" not in taken:
            sub.add_argument("--db", metavar="PATH", default=argparse.SUPPRESS, help=argparse.SUPPRESS)
        for action in sub._actions:
            if isinstance(action, argparse._SubParsersAction):
                _accept_global_options_anywhere(action)


def _version() -> str:
    from sk_tui import __version__

    return f"sk-tui {__version__}"


def main(argv: list[str] | None = None) -> int:
    # pydantic looks for plugins in every installed package's entry points when it builds its
    # first validator (a quarter of a headless `report add`); sk-tui uses none
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    # Everything this process creates is owner-only: the workspace and server databases with
    # their -wal/-shm files (SQLite creates those later, by itself), logs, tokens, exports.
    from sk_tui.domain import i18n

    previous, language = os.umask(0o077), i18n.language()
    try:
        return _main(argv)
    finally:
        os.umask(previous)
        i18n.set_language(language)  # a caller in the same process (tests) keeps its own


def _main(argv: list[str] | None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    from sk_tui.domain import i18n

    i18n.set_language(_early_language(argv))  # --help and argparse's errors are in it
    parser = build_parser(_command_in(argv))
    args = parser.parse_args(argv)
    if args.command is None:
        from sk_tui.commands import app

        args.func = app.run_open
    from sk_tui.commands.common import report_error

    try:
        return int(args.func(args) or 0)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # `sk-tui report list | head`: the reader went away; not an error.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except Exception as exc:  # noqa: BLE001 - every user-facing error becomes one line
        from sk_tui.store.failures import translate

        storage = translate(exc, _storage_path(args))
        if storage is not None:
            return _report_storage_error(storage, args)
        return report_error(exc, args)


def _early_language(argv: list[str]) -> str:
    """The language before parsing: --lang anywhere before ``--``, else the config's
    (``SK_TUI_LANG``, config.toml), else Indonesian."""
    for index, arg in enumerate(argv):
        if arg == "--":
            break
        value = arg.partition("=")[2] if arg.startswith("--lang=") else (
            argv[index + 1] if arg == "--lang" and index + 1 < len(argv) else None)
        if value in ("id", "en"):
            return value
    from sk_tui.config import ConfigError, load_config

    try:
        return load_config().language
    except ConfigError:
        return "id"


def _storage_path(args: argparse.Namespace) -> str:
    """The file a storage failure most likely concerns: the server's or the workspace database."""
    from sk_tui.commands.common import db_path

    if hasattr(args, "server_db"):
        from sk_tui import paths

        return args.server_db or str(paths.server_db_path())
    return str(db_path(args))


def _report_storage_error(storage: StorageError, args: argparse.Namespace) -> int:
    """A full disk or a read-only file, in one line; the log gets the traceback when it can
    be written (and the line mentions the log only then)."""
    from sk_tui.commands.common import language, tr
    from sk_tui.errorlog import write_error_log

    line = storage.message(language(args))
    log, failure = write_error_log()
    if failure is None:
        line += " " + tr(args, "cmd.details_in", path=log)
    print(f"sk-tui: {line}", file=sys.stderr)
    return 1


if __name__ == "__main__":
    raise SystemExit(main())
