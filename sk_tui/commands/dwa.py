"""`sk-tui dwa apply | approve | refuse | list | report`: Dynamic Working Arrangements.

    sk-tui dwa apply --pattern 3-2 --from 2026-12-01 --to 2027-05-31 --targets "12 telaah hukum/bulan"
    sk-tui dwa list [--json]                     # mine; a JPT also sees the unit's applications
    sk-tui dwa approve DWA_ID                    # the unit's JPT (or the superior, by policy)
    sk-tui dwa refuse DWA_ID --note "Jabatan layanan garda depan"
    sk-tui dwa report --month 2026-11 [--unit BH] [--format table|csv|json]

A pattern A-O gives A days a week away from the office (WFA or WFH) and O in it; an approved
arrangement governs each ISO week, and without one a person works WFO (DL allowed). The report
shows approved minutes and output volume per working day by work mode, for the unit, each team
and each person, this month and the two before: whether output fell away from the office.
"""

from __future__ import annotations

import argparse
import csv
import sys
from decimal import Decimal

from sk_tui.commands.common import UserError, language, open_store, print_json, print_table, tr
from sk_tui.domain.text import bar, visible


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("dwa", help="dynamic working arrangements (DWA)", description=__doc__,
                                   formatter_class=argparse.RawDescriptionHelpFormatter)
    actions = parser.add_subparsers(dest="dwa_command", metavar="ACTION", required=True)

    apply = actions.add_parser("apply", help="apply for an arrangement")
    apply.add_argument("--pattern", required=True, help="days away-office a week, e.g. 3-2, 4-1, 1-4")
    apply.add_argument("--from", dest="valid_from", required=True, help="first day YYYY-MM-DD")
    apply.add_argument("--to", dest="valid_to", help="last day YYYY-MM-DD")
    apply.add_argument("--targets", default="", help="the agreed output targets it covers")
    apply.add_argument("--json", action="store_true", help="print the application as JSON")
    apply.set_defaults(func=run_apply)

    approve = actions.add_parser("approve", help="approve an application (JPT)")
    approve.add_argument("dwa", help="application id (or a unique prefix)")
    approve.add_argument("--note", default="", help="a note")
    approve.set_defaults(func=run_decide, approve=True)

    refuse = actions.add_parser("refuse", help="refuse an application with a note (JPT)")
    refuse.add_argument("dwa", help="application id (or a unique prefix)")
    refuse.add_argument("--note", required=True, help="why")
    refuse.set_defaults(func=run_decide, approve=False)

    listing = actions.add_parser("list", help="arrangements I may see")
    listing.add_argument("--json", action="store_true", help="print JSON")
    listing.set_defaults(func=run_list)

    report = actions.add_parser("report", help="output per working day by work mode")
    report.add_argument("--month", help="YYYY-MM (default this month)")
    report.add_argument("--unit", metavar="CODE", help="unit code or id (default mine)")
    report.add_argument("--format", choices=["table", "csv", "json"], default="table", help="output format (default table)")
    report.set_defaults(func=run_report)


def _json(arrangement, store) -> dict:
    data = arrangement.model_dump(mode="json")
    person = store.employee(arrangement.employee_id)
    data["employee_name"] = person.name if person else None
    return data


def run_apply(args: argparse.Namespace) -> int:
    from sk_tui.domain import rules

    store = open_store(args)
    me = store.require_me()
    valid_to = rules.parse_date(args.valid_to) if args.valid_to else None
    arrangement = store.apply_dwa(args.pattern.strip(), rules.parse_date(args.valid_from), actor_id=me.id,
                                  valid_to=valid_to, targets=args.targets)
    if args.json:
        print_json(_json(arrangement, store))
    else:
        print(tr(args, "cmd.dwa.applied", id=arrangement.id[:8], pattern=arrangement.pattern))
    return 0


def run_decide(args: argparse.Namespace) -> int:
    store = open_store(args)
    me = store.require_me()
    decided = store.decide_dwa(args.dwa, args.approve, actor_id=me.id, note=args.note)
    person = store.employee(decided.employee_id)
    who = visible(person.name) if person else decided.employee_id
    word = tr(args, f"cmd.dwa.status.{decided.status.value}")
    print(f"DWA {who} ({decided.pattern}): {word}")
    return 0


def run_list(args: argparse.Namespace) -> int:
    store = open_store(args)
    store.require_me()
    arrangements = store.dwa_arrangements()
    if args.json:
        print_json([_json(a, store) for a in arrangements])
        return 0
    if not arrangements:
        print(tr(args, "cmd.dwa.none"))
        return 0
    people = {e.id: e for e in store.employees({a.employee_id for a in arrangements})}
    rows = []
    for a in arrangements:
        who = people.get(a.employee_id)
        period = a.valid_from.isoformat() + " – " + (a.valid_to.isoformat() if a.valid_to else "…")
        rows.append([a.id[:8], who.short_name if who else "?", a.pattern, period,
                     tr(args, f"cmd.dwa.status.{a.status.value}"), a.note or a.targets])
    header = ["ID", *(tr(args, f"cmd.dwa.col.{col}") for col in ("employee", "pattern", "valid", "status", "note"))]
    print_table(rows, header=header)
    return 0


def _months(month: str, count: int = 3) -> list[str]:
    year, mon = (int(p) for p in month.split("-"))
    out = []
    for _ in range(count):
        out.append(f"{year:04d}-{mon:02d}")
        year, mon = (year - 1, 12) if mon == 1 else (year, mon - 1)
    return list(reversed(out))


def run_report(args: argparse.Namespace) -> int:
    from sk_tui.domain import dwa, kinerja

    store = open_store(args)
    me = store.require_me()
    month = args.month or store.today(me).strftime("%Y-%m")
    try:
        kinerja.month_bounds(month)
    except ValueError:
        raise UserError(tr(args, "cmd.recap.bad_month", month=month)) from None
    unit_id = me.unit_id
    if args.unit:
        found = store.find_unit_id(args.unit)
        if found is None:
            raise UserError(tr(args, "cmd.dwa.unknown_unit", unit=args.unit))
        unit_id = found
    people = store.unit_people(unit_id)
    team_names = {t.id: t.name for t in store.all_teams()}
    rows: list[dict] = []
    for m in _months(month):
        first, last = kinerja.month_bounds(m)
        data = store.dwa_output_rows(sorted(people), first, last)
        groups: list[tuple[str, str, list]] = [("unit", unit_id, data)]
        groups += [("team", team_names.get(team_id, team_id), [r for r in data if r[1] == team_id])
                   for team_id in sorted({r[1] for r in data if r[1]})]
        groups += [("person", people.get(person, person), [r for r in data if r[0] == person])
                   for person in sorted({r[0] for r in data}, key=lambda p: people.get(p, p))]
        rows += [{"month": m, "level": level, "name": name, **out.as_dict()}
                 for level, name, part in groups
                 for out in dwa.output_by_mode([(r[0], r[2], r[3], r[4], r[5]) for r in part])]
    if args.format == "json":
        print_json(rows)
        return 0
    if args.format == "csv":
        fields = ["month", "level", "name", "mode", "days", "minutes", "volume", "minutes_per_day", "volume_per_day"]
        writer = csv.DictWriter(sys.stdout, fieldnames=fields, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
        return 0
    if not rows:
        print(tr(args, "cmd.dwa.no_output"))
        return 0
    english = language(args) == "en"

    def local(figure: str) -> str:  # 426.43 reads 426,43 in Indonesian
        return figure if english else figure.replace(".", ",")

    table = [[r["month"], tr(args, f"cmd.dwa.level.{r['level']}"), r["name"][:32], r["mode"], r["days"],
              local(r["minutes_per_day"]), local(r["volume_per_day"])] for r in rows]
    header = [tr(args, f"cmd.dwa.col.{col}")
              for col in ("month", "level", "name", "mode", "days", "minutes_per_day", "volume_per_day")]
    print_table(table, header=header, align="<<<<<>>")
    unit_rows = [r for r in rows if r["level"] == "unit" and r["month"] == month]
    if unit_rows:
        top = max(Decimal(r["minutes_per_day"]) for r in unit_rows)
        print()
        print(tr(args, "cmd.dwa.chart", month=month))
        for r in unit_rows:
            print(f"  {r['mode']:<4} {bar(Decimal(r['minutes_per_day']), top, 24):<24} {local(r['minutes_per_day'])}")
    return 0

