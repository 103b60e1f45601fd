"""`sk-tui recap --month YYYY-MM [--team ID] [--format table|csv|json]`: the TRK recap.

Without --team: my own recap, with every step that makes it (approved minutes, late reports,
absences, leave, target, negative events, achievement, ceiling, allowance, policy version and
whether HR has closed the month). With --team: every member, one line each. With --nip: one
employee (a lead or JPT looking at one person's month), with its steps.

Figures use the agency's policy as synced from the server ("kebijakan v3"); a local
policy.toml counts only in a workspace without a server.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from typing import Any

from sk_tui.commands.common import UserError, language, open_store, print_json, print_table, tr

FIELDS = ("nip", "name", "month", "approved", "late_reports", "late_minutes", "absent_days", "absent_deduction",
          "excused_days", "excused_target_removed", "effective", "target", "target_exact", "base",
          "negative_activities", "negative_penalty", "negative_events", "achievement", "job_class", "ceiling",
          "allowance", "policy_version", "closed", "official_allowance", "hash")


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("recap", help="monthly minutes, achievement and allowance (TRK)", description=__doc__,
                                   formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--month", required=True, help="YYYY-MM")
    parser.add_argument("--team", help="team id: recap every member")
    parser.add_argument("--nip", help="an employee's 18-digit NIP: recap that employee only")
    parser.add_argument("--format", choices=["table", "csv", "json"], default="table")
    parser.set_defaults(func=run_recap)


def _rupiah(value: Any) -> str:
    return "Rp " + f"{value:,}".replace(",", ".") if isinstance(value, int) else "?"


def _percent(value: Any) -> str:
    try:
        return f"{float(value) * 100:.2f}%"
    except (TypeError, ValueError):
        return "?"


def print_figures(args: argparse.Namespace, rows: list[dict[str, Any]], explanations: list[Any],
                  steps: bool = False, with_nip: bool = False) -> None:
    """Rows of figures (``Explanation.figures()`` plus nip and name) as JSON, CSV or a table;
    with ``steps`` each person's explanation follows the table (shared with `server recap`)."""
    from sk_tui.domain import kinerja
    from sk_tui.domain.text import visible

    if args.format == "json":
        print_json(rows)
        return
    if args.format == "csv":
        writer = csv.DictWriter(sys.stdout, fieldnames=FIELDS, extrasaction="ignore")
        writer.writeheader()
        for row in rows:
            writer.writerow({**row, "negative_events": json.dumps(row.get("negative_events") or [],
                                                                  ensure_ascii=False, separators=(",", ":"))})
        return
    header = [tr(args, f"cmd.recap.col.{col}") for col in ("name", "approved", "target", "effective", "negative",
                                                            "achievement", "class", "allowance")]
    table = [[row["name"], row["approved"], row["target"], row["effective"], row["negative_activities"],
              _percent(row["achievement"]), row.get("job_class") or "?", _rupiah(row.get("allowance"))]
             for row in rows]
    align = "<>>>>>>>"
    widths: tuple[int, ...] = (28, 9, 8, 8, 7, 8, 5, 15)
    if with_nip:  # HR pays by NIP
        header, table = ["NIP", *header], [[row["nip"], *line] for row, line in zip(rows, table, strict=True)]
        align, widths = "<" + align, (18, *widths)
    print_table(table, align=align, header=header, min_widths=widths)
    if not steps:
        return
    for row, explanation in zip(rows, explanations, strict=True):
        if explanation is None:
            continue
        print()
        version = explanation.policy_version
        problem = explanation.step("policy").detail.get("unreadable")
        policy = (tr(args, "cmd.recap.policy_unreadable", why=problem) if problem is not None
                  else tr(args, "cmd.recap.policy", version=version) if version is not None
                  else tr(args, "cmd.recap.local_policy"))
        print(visible(f"{row['name']} ({row['nip']}) · {row['month']} · {policy}"))
        lines = kinerja.describe(explanation, language(args))
        width = max(len(label) for label, _value in lines)
        for label, value in lines:  # a value may hold HR's text (a decision's number): shown, never obeyed
            print(f"  {label:<{width}}  {visible(value)}")


def run_recap(args: argparse.Namespace) -> int:
    from sk_tui.domain import kinerja

    store = open_store(args)
    try:
        kinerja.month_bounds(args.month)
    except (ValueError, TypeError):
        raise UserError(tr(args, "cmd.recap.bad_month", month=args.month)) from None
    if getattr(args, "nip", None):
        employee = store.find_employee(args.nip)
        pairs = [(employee, store.explain(employee, args.month))]
    elif args.team:
        store.require_team(args.team)
        pairs = store.team_recap(args.team, args.month)
    else:
        me = store.require_me()
        pairs = [(me, store.explain(me, args.month))]
    rows = []
    for employee, explanation in pairs:
        official = next((s.detail["figures"] for s in explanation.steps if s.key == "official"), None)
        rows.append({"nip": employee.nip, "name": employee.name, **explanation.figures(),
                     "closed": explanation.closed,
                     "official_allowance": official.get("allowance") if official else None,
                     "hash": ""})
    print_figures(args, rows, [e for _employee, e in pairs], steps=not args.team)
    return 0
