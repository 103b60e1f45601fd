"""`sk-tui review list | approve | return`: headless review for team leads.

    sk-tui review list
    sk-tui review approve REPORT_ID
    sk-tui review return REPORT_ID --note "Lengkapi bukti dukung"

Verification is per team: a lead sees and decides only the activities of the teams they lead
(the JPT those of the teams under them); ``--team`` picks one when they verify several teams of
the same report.
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
        action.add_argument("--team", help="the team whose activities to decide (when I verify several)")
        action.add_argument("--json", action="store_true")
        action.set_defaults(func=run_decide, decision="approve" if name == "approve" else "return")


def run_list(args: argparse.Namespace) -> int:
    store = open_store(args)
    me = store.require_me()
    reports = store.reports_to_review(me.id)
    names = {e.id: e.name for e in store.employees({r.employee_id for r in reports})}
    # only the activities of the teams this person verifies (another team's part is not theirs)
    mine = {r.id: store.activities_to_review(r.id, me.id) for r in reports}
    teams = {t.id: t.name for t in store.all_teams()}
    if args.json:
        print_json([{**r.model_dump(mode="json"),
                     "author": names.get(r.employee_id),
                     "minutes": sum(a.minutes for a in mine[r.id]),
                     "activities": [a.model_dump(mode="json") for a in mine[r.id]]} for r in reports])
        return 0
    if not reports:
        print(tr(args, "cmd.review.none"))
        return 0
    minutes = tr(args, "minutes")
    rows = []
    for r in reports:
        for team_id in sorted({a.team_id for a in mine[r.id] if a.verdict == "pending"}, key=str):
            part = [a for a in mine[r.id] if a.team_id == team_id]
            rows.append([r.id[:8], r.work_date, f"{sum(a.minutes for a in part)} {minutes}",
                         names.get(r.employee_id, "?"), teams.get(team_id or "", "?")])
    print_table(rows, align="<<><<", gap="  ")
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
    team_id = None
    if args.team:
        wanted = args.team.strip()
        led = [t for t in store.all_teams() if t.id in set(store.led_team_ids(me.id))]
        found = [t for t in led if t.id == wanted] or [t for t in led if t.name.casefold() == wanted.casefold()]
        if len(found) != 1:
            from sk_tui.domain.errors import DomainError

            raise DomainError("not_reviewer")
        team_id = found[0].id
    review = store.review_report(report_id, me.id, args.decision, args.note, team_id=team_id)
    if args.json:
        print_json(review.model_dump(mode="json"))
    else:
        print(tr(args, "cmd.review.approved" if args.decision == "approve" else "cmd.review.returned", report=report_id[:8]))
    return 0
