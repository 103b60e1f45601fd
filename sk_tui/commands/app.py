"""Open the full-screen app on the workspace (``sk-tui [--db PATH] [--lang id|en]``).

No workspace yet: the app greets the user and offers the demo, a server connection or a
personal offline workspace. Textual is imported only here, when the app really opens.
"""

from __future__ import annotations

import argparse

from sk_tui.commands.common import UserError, db_path, tr


def register(subparsers: argparse._SubParsersAction) -> None:
    """The app opens when no sub-command is given; nothing to register."""


def run_open(args: argparse.Namespace) -> int:
    from sk_tui.config import ConfigError, load_config

    try:
        config = load_config()
    except ConfigError as exc:
        raise UserError(str(exc)) from None
    language = getattr(args, "lang", None) or config.language
    from sk_tui.tui.app import SkApp

    SkApp(db_path(args), language=language, config=config).run()
    return 0


def print_summary(store, args: argparse.Namespace) -> None:
    me = store.me()
    teams = store.teams_for(me.id) if me else []
    print(tr(args, "cmd.summary.workspace", path=store.path))
    if me:
        print(tr(args, "cmd.summary.user", name=me.name, kind=me.position_kind.value))
    print(tr(args, "cmd.summary.teams", n=len(teams)))
    for team in teams:
        tasks = store.task_count(team.id)
        print(f"  - {team.name} [{team.scope.value}] {tr(args, 'cmd.summary.tasks', n=tasks)}")
    print(tr(args, "cmd.summary.queued", n=store.status()["queued"]))
