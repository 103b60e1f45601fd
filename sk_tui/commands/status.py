"""`sk-tui status [--json]`: queue length, last sync, sync problems."""

from __future__ import annotations

import argparse

from sk_tui.commands.common import language, open_store, print_json, tr
from sk_tui.domain.i18n import TEXT


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

    who = visible(f"{me.name} ({me.nip})") if me else tr(args, "cmd.status.no_user")
    rows = [("user", who), ("queued", status["queued"]), ("problems", status["problems"]),
            ("last_sync", status["last_sync"] or tr(args, "cmd.status.never"))]
    if status.get("next_try"):
        rows.append(("next_try", status["next_try"]))
    labels = [tr(args, f"cmd.status.{name}") for name, _value in rows]
    width = max(len(label) for label in labels)
    for label, (_name, value) in zip(labels, rows, strict=True):
        print(f"{label:<{width}}: {value}")
    from sk_tui.domain.i18n import refusal

    lang = language(args)
    for op in problems:
        # the same words as the app's problems screen, in the user's language
        entity = tr(args, f"problems.entity.{op['entity']}") if f"problems.entity.{op['entity']}" in TEXT else op["entity"]
        action = tr(args, f"problems.op.{op['op']}") if f"problems.op.{op['op']}" in TEXT else op["op"]
        state = tr(args, f"problems.state.{op['state']}") if f"problems.state.{op['state']}" in TEXT else op["state"]
        reason = refusal(op.get("result"), op.get("last_error"), lang) or ""
        code = op["result"].get("reason") if isinstance(op.get("result"), dict) else None
        if isinstance(code, str) and code and code not in reason:
            reason += f" ({code})"  # the stable code, for whoever supports the user
        print(visible(f"  ! [{op['op_id'][:8]}] {entity} {action} {op['entity_id'][:8]} {state}: {reason}"))
    if problems:
        print("  " + tr(args, "cmd.status.resolve_hint"))
    return 0
