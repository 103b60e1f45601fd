"""`sk-tui workspace [show]` and `sk-tui workspace use PATH|demo|default`.

The current workspace is the one every command uses without --db (the app, `report`, `task`,
`status`, `recap`, `sync` ...). `sk-tui demo` makes the demo current; `workspace use default`
goes back to the personal workspace in the data folder. --db still overrides for one command.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from sk_tui import paths
from sk_tui.commands.common import db_path, print_json, tr


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("workspace", help="show or switch the current workspace", description=__doc__,
                                   formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.set_defaults(func=run_show, json=False)
    actions = parser.add_subparsers(dest="workspace_command", metavar="ACTION")
    show = actions.add_parser("show", help="print the current workspace")
    show.add_argument("--json", action="store_true", help="print JSON: path, kind, exists, chosen_by")
    show.set_defaults(func=run_show)
    use = actions.add_parser("use", help="make PATH, demo or default the current workspace")
    use.add_argument("target", metavar="PATH|demo|default")
    use.set_defaults(func=run_use)


def kind_of(path: Path) -> str:
    """'default', 'demo' or 'path': how `workspace use` would name this workspace."""
    resolved = path.expanduser().resolve()
    if resolved == paths.default_db_path().resolve():
        return "default"
    if resolved in {paths.demo_db_path(scale).resolve() for scale in ("small", "large")}:
        return "demo"
    return "path"


def _label(args: argparse.Namespace, kind: str) -> str:
    return {
        "default": tr(args, "cmd.workspace.kind.default"),
        "demo": "demo",
        "path": tr(args, "cmd.workspace.kind.path"),
    }[kind]


def run_show(args: argparse.Namespace) -> int:
    from sk_tui.config import current_workspace
    from sk_tui.domain.text import visible

    path = db_path(args)
    if getattr(args, "db", None):
        chosen_by = "--db"
    elif current_workspace() is not None:
        chosen_by = "workspace use"
    else:
        chosen_by = "default"
    kind = kind_of(path)
    if args.json:
        print_json({"path": str(path), "kind": kind, "exists": path.exists(), "chosen_by": chosen_by})
        return 0
    shown = visible(str(path))
    print(tr(args, "cmd.workspace.current", path=shown, kind=_label(args, kind)))
    if not path.exists():
        print(tr(args, "cmd.workspace.not_yet"))
    if chosen_by == "--db":
        print(tr(args, "cmd.workspace.by_db"))
    print(tr(args, "cmd.workspace.switch"))
    return 0


def run_use(args: argparse.Namespace) -> int:
    from sk_tui.commands.common import UserError
    from sk_tui.config import set_current_workspace
    from sk_tui.domain.text import visible

    target = args.target.strip()
    path: Path | None
    if target == "default":
        path = None
    elif target == "demo":
        path = paths.demo_db_path()
        if not path.exists():
            raise UserError(tr(args, "cmd.workspace.no_demo", path=path))
    else:
        path = Path(target).expanduser().resolve()
        if path.is_dir():
            raise UserError(tr(args, "cmd.workspace.is_folder", path=visible(str(path))))
        if not path.parent.is_dir():
            raise UserError(tr(args, "cmd.workspace.no_folder", path=visible(str(path.parent))))
    if path is not None and path == paths.default_db_path().resolve():
        path = None  # the default by its path: store nothing, so moving SK_TUI_HOME still works
    set_current_workspace(path)
    current = path or paths.default_db_path()
    shown = visible(str(current))
    print(tr(args, "cmd.workspace.current", path=shown, kind=_label(args, kind_of(current))))
    if not current.exists():
        print(tr(args, "cmd.workspace.not_yet"), file=sys.stderr)
    return 0
