"""`sk-tui status [--json]`: queue length, last sync, sync problems."""

from __future__ import annotations

import argparse

from sk_tui.commands.common import open_store, print_json, say


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("status", help="sync queue, last sync and problems")
    parser.add_argument("--json", action="store_true", help="print JSON: queued, problems, last_sync")
    parser.set_defaults(func=run_status)


def run_status(args: argparse.Namespace) -> int:
    store = open_store(args)
    status = store.status()
    me = store.me()
    problems = store.sync_problems()
    if args.json:
        print_json({
            **status,
            "me": me.model_dump(mode="json") if me else None,
            "problem_ops": [
                {k: op[k] for k in ("op_id", "entity", "entity_id", "op", "state", "last_error")} for op in problems
            ],
        })
        return 0
    from sk_tui.domain.text import visible

    who = visible(f"{me.name} ({me.nip})") if me else say(args, "(belum diatur)", "(not set up)")
    print(say(args, f"Pengguna      : {who}", f"User          : {who}"))
    print(say(args, f"Antrean sinkron: {status['queued']}", f"Queued ops    : {status['queued']}"))
    print(say(args, f"Masalah sinkron: {status['problems']}", f"Sync problems : {status['problems']}"))
    print(say(args, f"Sinkron terakhir: {status['last_sync'] or 'belum pernah'}",
              f"Last sync     : {status['last_sync'] or 'never'}"))
    if status.get("next_try"):
        print(say(args, f"Coba lagi     : {status['next_try']}", f"Next try      : {status['next_try']}"))
    for op in problems:
        print(visible(f"  ! [{op['op_id'][:8]}] {op['entity']} {op['op']} {op['entity_id'][:8]} {op['state']}: "
                      f"{op['last_error'] or ''}"))
    if problems:
        print(say(args, "  `sk-tui resolve ID reapply|keep|edit` menyelesaikannya.",
                  "  `sk-tui resolve ID reapply|keep|edit` resolves one."))
    return 0
