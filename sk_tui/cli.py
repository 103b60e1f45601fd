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
import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sk_tui.store.failures import StorageError

COMMAND_MODULES = ("app", "demo", "report", "task", "review", "status", "recap", "sync", "server",
                   "workspace", "team", "dwa")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="sk-tui",
        description="Team work, daily reports and TRK recap; offline-first with sync. "
        "Without a sub-command, opens the app on the current workspace "
        "(`sk-tui workspace` shows it, `sk-tui workspace use PATH|demo|default` switches).",
    )
    parser.add_argument("--db", metavar="PATH", help="workspace database for this command (default: the current workspace)")
    parser.add_argument("--lang", choices=["id", "en"], help="interface language (default: config, else id)")
    parser.add_argument("--version", action="version", version=_version())
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        module = importlib.import_module(f"sk_tui.commands.{name}")
        module.register(subparsers)
    _accept_global_options_anywhere(subparsers)
    return parser


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
    # Everything this process creates is owner-only: the workspace and server databases with
    # their -wal/-shm files (SQLite creates those later, by itself), logs, tokens, exports.
    previous = os.umask(0o077)
    try:
        return _main(argv)
    finally:
        os.umask(previous)


def _main(argv: list[str] | None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser()
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
    from sk_tui.commands.common import language, say, write_error_log

    line = storage.message(language(args))
    log, failure = write_error_log()
    if failure is None:
        line += say(args, f" Rincian di {log}.", f" Details in {log}.")
    print(f"sk-tui: {line}", file=sys.stderr)
    return 1


if __name__ == "__main__":
    raise SystemExit(main())
