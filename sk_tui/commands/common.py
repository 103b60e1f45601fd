"""Shared helpers for the sub-commands: language, opening the store, printing, errors."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from sk_tui import paths


class UserError(Exception):
    """A problem the user can fix, already phrased for them; exit 1."""


def language(args: argparse.Namespace) -> str:
    """--lang, else the config file's language, else Indonesian."""
    if getattr(args, "lang", None):
        return args.lang
    from sk_tui.config import ConfigError, load_config

    try:
        return load_config().language
    except ConfigError:
        return "id"


def tr(args: argparse.Namespace, key: str, /, **params: object) -> str:
    """The catalogue's text for ``key`` (sk_tui/domain/i18n.py) in the command's language."""
    from sk_tui.domain.i18n import text

    return text(key, language(args), **params)


def db_path(args: argparse.Namespace) -> Path:
    """--db, else the current workspace (`sk-tui workspace use`, `sk-tui demo`), else the default."""
    if getattr(args, "db", None):
        return Path(args.db).expanduser()
    from sk_tui.config import current_workspace

    return current_workspace() or paths.default_db_path()


def open_store(args: argparse.Namespace, *, must_exist: bool = True):
    """The workspace store named by --db (or the default one)."""
    from sk_tui.store import Store

    path = db_path(args)
    if must_exist and not path.exists():
        if not getattr(args, "db", None) and path != paths.default_db_path():
            # chosen earlier by `workspace use`/`demo`; say how to choose again
            raise UserError(tr(args, "cmd.workspace.current_missing", path=path))
        raise UserError(tr(args, "cmd.workspace.missing", path=path))
    from sk_tui.config import load_policy

    return Store.open(path, policy=load_policy())  # a bad policy.toml: ConfigError, one line


def print_table(rows: list[list[Any]], *, align: str = "", header: list[str] | None = None,
                gap: str = " ", min_widths: tuple[int, ...] = ()) -> None:
    """Print ``rows`` as aligned columns for a terminal.

    Every cell goes through ``text.visible`` (an ESC, a bidi override or a newline stored in
    a title shows as ``\\x1b``, ``\\u202e``, ``\\n``; the terminal never acts on it), and
    columns are padded by terminal cell width, so emoji and wide characters keep borders
    straight. Nothing is cut. ``align`` holds one ``<`` or ``>`` per column (default ``<``);
    the last column is not padded on the left-aligned side. ``min_widths`` keeps a familiar
    layout when every cell is short.
    """
    from sk_tui.domain.text import cell_width, visible

    table = ([[visible(str(c)) for c in header]] if header else []) + [[visible(str(c)) for c in row] for row in rows]
    if not table:
        return
    columns = max(len(row) for row in table)
    widths = [max([cell_width(row[i]) for row in table if i < len(row)] + list(min_widths[i:i + 1]))
              for i in range(columns)]
    for row in table:
        cells = []
        for i, cell in enumerate(row):
            pad = " " * (widths[i] - cell_width(cell))
            right = i < len(align) and align[i] == ">"
            last = i == len(row) - 1
            cells.append(pad + cell if right else (cell if last else cell + pad))
        print(gap.join(cells).rstrip(" "))


def print_json(data: Any) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2, default=str)
    sys.stdout.write("\n")


def report_error(exc: Exception, args: argparse.Namespace) -> int:
    """Print one line for ``exc`` in the user's language and return the exit code."""
    from sk_tui.domain.errors import DomainError

    lang = language(args)
    if isinstance(exc, DomainError):
        line = exc.message(lang)
    elif isinstance(exc, UserError):
        line = str(exc)
    elif type(exc).__name__ == "ValidationError":
        from sk_tui.domain.errors import validation_error

        line = validation_error(exc).message(lang)
    elif type(exc).__name__ == "ConfigError":
        from sk_tui.domain.errors import first_error_line

        line = first_error_line(exc)
    elif isinstance(exc, (OSError, ValueError)):
        line = str(exc)
    else:
        # only on a crash: importing traceback is no cost of every start
        from sk_tui.errorlog import write_error_log

        log, failure = write_error_log()
        if failure is None:
            line = (
                f"Kesalahan internal ({type(exc).__name__}); rincian di {log}"
                if lang != "en"
                else f"Internal error ({type(exc).__name__}); details in {log}"
            )
        else:  # say so rather than point at a log that does not hold it
            line = (
                f"Kesalahan internal ({type(exc).__name__}: {exc}); log {log} tidak dapat ditulis ({failure})"
                if lang != "en"
                else f"Internal error ({type(exc).__name__}: {exc}); the log {log} could not be written ({failure})"
            )
    from sk_tui.domain.text import visible

    print(f"sk-tui: {visible(line)}", file=sys.stderr)
    return 1
