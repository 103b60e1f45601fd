"""`sk-tui review list | approve | return`: headless review for team leads.

    sk-tui review list
    sk-tui review approve REPORT_ID
    sk-tui review return REPORT_ID --note "Lengkapi bukti dukung"
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from sk_tui.commands.common import open_store, print_json, print_table, tr

if TYPE_CHECKING:
    from sk_tui.store import Store


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("review", help="verify team members' reports (leads)", description=__doc__,
                                   formatter_class=argparse.RawDescriptionHelpFormatter)
    actions = parser.add_subparsers(dest="review_command", metavar="ACTION", required=True)
    listing = actions.add_parser("list", help="submitted reports waiting for my decision")
    listing.add_argument("--json", action="store_true")
    listing.set_defaults(func=run_list)
    for name, helptext in (("approve", "approve a report"), ("return", "return a report with a note")):
        action = actions.add_parser(name, help=helptext)
        action.add_argument("report_id", help="report id (a unique prefix is enough)")
        action.add_argument("--note", default="", help="note to the author (required to return)")
        action.add_argument("--json", action="store_true")
        action.set_defaults(func=run_decide, decision="approve" if name == "approve" else "return")


def run_list(args: argparse.Namespace) -> int:
    store = open_store(args)
    me = store.require_me()
    reports = store.reports_to_review(me.id)
    names = {e.id: e.name for e in store.employees({r.employee_id for r in reports})}
    if args.json:
        print_json([{**r.model_dump(mode="json"), "author": names.get(r.employee_id)} for r in reports])
        return 0
    if not reports:
        print(tr(args, "cmd.review.none"))
        return 0
    minutes = tr(args, "minutes")
    print_table([[r.id[:8], r.work_date, f"{r.total_minutes} {minutes}", names.get(r.employee_id, "?")]
                 for r in reports], align="<<><", gap="  ")
    return 0


def _resolve_report_id(store: Store, prefix: str) -> str:
    from sk_tui.domain.errors import DomainError

    found = store.report_ids_starting_with(prefix.strip(), limit=2) if prefix.strip() else []
    if len(found) != 1:
        raise DomainError("report_unknown", report_id=prefix)
    return found[0]


def run_decide(args: argparse.Namespace) -> int:
    store = open_store(args)
    me = store.require_me()
    report_id = _resolve_report_id(store, args.report_id)
    review = store.review_report(report_id, me.id, args.decision, args.note)
    if args.json:
        print_json(review.model_dump(mode="json"))
    else:
        print(tr(args, "cmd.review.approved" if args.decision == "approve" else "cmd.review.returned", report=report_id[:8]))
    return 0
