"""`sk-tui recap --month YYYY-MM [--team ID] [--format table|csv|json]`: the TRK recap.

Without --team: my own recap. With --team: every member of the team. With --nip: one employee
(a lead or JPT looking at one person's month).
"""

from __future__ import annotations

import argparse
import csv
import sys

from sk_tui.commands.common import UserError, open_store, print_json, print_table, tr

FIELDS = ("nip", "name", "approved", "target", "absent_days", "negative_activities", "effective",
          "base", "achievement", "ceiling", "allowance", "late_reports")


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("recap", help="monthly minutes, achievement and allowance (TRK)", description=__doc__)
    parser.add_argument("--month", required=True, help="YYYY-MM")
    parser.add_argument("--team", help="team id: recap every member")
    parser.add_argument("--nip", help="an employee's 18-digit NIP: recap that employee only")
    parser.add_argument("--format", choices=["table", "csv", "json"], default="table")
    parser.set_defaults(func=run_recap)


def _rupiah(value: int) -> str:
    return "Rp " + f"{value:,}".replace(",", ".")


def run_recap(args: argparse.Namespace) -> int:
    from sk_tui.domain import kinerja

    store = open_store(args)
    try:
        kinerja.month_bounds(args.month)
    except (ValueError, TypeError):
        raise UserError(tr(args, "cmd.recap.bad_month", month=args.month)) from None
    if getattr(args, "nip", None):
        employee = store.find_employee(args.nip)
        pairs = [(employee, store.recap(employee, args.month))]
    elif args.team:
        store.require_team(args.team)
        pairs = store.team_recap(args.team, args.month)
    else:
        me = store.require_me()
        pairs = [(me, store.recap(me, args.month))]
    rows = [{"nip": e.nip, "name": e.name, **r.as_dict()} for e, r in pairs]
    if args.format == "json":
        print_json(rows)
    elif args.format == "csv":
        writer = csv.DictWriter(sys.stdout, fieldnames=FIELDS, extrasaction="ignore")
        writer.writeheader()
        writer.writerows(rows)
    else:
        header = [tr(args, f"cmd.recap.col.{name}") for name in ("name", "approved", "target", "achievement", "allowance")]
        print_table([[row["name"], row["approved"], row["target"], f"{float(row['achievement']) * 100:.2f}%",
                      _rupiah(row["allowance"])] for row in rows], align="<>>>>", header=header,
                    min_widths=(28, 9, 6, 8, 15))
    return 0
