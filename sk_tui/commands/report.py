"""`sk-tui report add | submit | list`: headless daily reporting for field use and scripts.

    sk-tui report add --minutes 90 --desc "Menyusun telaah hukum" --mode WFA --location Garut
    sk-tui report submit
    sk-tui report list --month 2026-11 --json
"""

from __future__ import annotations

import argparse

from sk_tui.commands.common import UserError, open_store, print_json, print_table, tr


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("report", help="daily reports (laporan harian)", description=__doc__,
                                   formatter_class=argparse.RawDescriptionHelpFormatter)
    actions = parser.add_subparsers(dest="report_command", metavar="ACTION", required=True)

    add = actions.add_parser("add", help="add an activity to a day's report (draft)")
    add.add_argument("--date", help="work date YYYY-MM-DD (default: today)")
    add.add_argument("--minutes", required=True, help="minutes spent, 1-1440")
    add.add_argument("--desc", "--description", dest="description", required=True, help="what was done")
    add.add_argument("--volume", default="1", help="output volume (default 1)")
    add.add_argument("--unit", default="kegiatan", help="volume unit (default: kegiatan)")
    add.add_argument("--task", help="linked task id")
    add.add_argument("--indicator", help="linked indicator (IKI) id")
    add.add_argument("--evidence", default="", help="evidence: a link or document number")
    add.add_argument("--team", help="the team whose lead verifies it: id or name of one of my teams "
                                    "(default: the linked task's or indicator's team, else my default team)")
    add.add_argument("--mode", help="work mode WFO, WFH or WFA (sets the day's mode)")
    add.add_argument("--location", default="", help="where (needed for WFA)")
    add.add_argument("--json", action="store_true", help="print the activity as JSON")
    add.set_defaults(func=run_add)

    submit = actions.add_parser("submit", help="submit a day's report to the team lead")
    submit.add_argument("--date", help="work date YYYY-MM-DD (default: today)")
    submit.add_argument("--json", action="store_true", help="print the report as JSON")
    submit.set_defaults(func=run_submit)

    listing = actions.add_parser("list", help="list my reports")
    listing.add_argument("--month", help="YYYY-MM (default: this month)")
    listing.add_argument("--json", action="store_true", help="print JSON")
    listing.set_defaults(func=run_list)


def _day(store, args, me):
    from sk_tui.domain import rules

    return rules.parse_date(args.date) if args.date else store.today(me)


def _int(value: str, code: str, **extra):
    from sk_tui.domain.errors import DomainError

    try:
        return int(str(value).strip())
    except ValueError:
        raise DomainError(code, **{**extra, "minutes": value, "value": value}) from None


def _float(value: str) -> float:
    from sk_tui.domain.rules import parse_volume

    return parse_volume(str(value))  # the same reading as the app's activity form


def run_add(args: argparse.Namespace) -> int:
    if args.json:  # prints the records with the models' JSON forms: the models build them
        return _add(args)
    from sk_tui.domain.records import plain_records

    # The draft and the activity are plain records when every value meets its model's declared
    # rules (domain/records.py): no pydantic import for a headless add; anything else, and
    # every refusal, is the model's.
    with plain_records():
        return _add(args)


def _add(args: argparse.Namespace) -> int:
    from sk_tui.domain import rules
    from sk_tui.domain.errors import DomainError

    store = open_store(args)
    me = store.require_me_ref()  # its id and time zone: no Employee built on this path
    day = _day(store, args, me)
    minutes = _int(args.minutes, "minutes_range")
    rules.check_minutes(minutes)
    volume = _float(args.volume)
    if not args.description.strip():
        raise DomainError("description_empty")
    if args.mode:
        rules.check_work_mode(args.mode, args.location)
    existing = store.report_for(me.id, day)
    if existing is not None:
        rules.check_report_editable(existing.status, day)
    # Everything is checked before the first write, so a refusal leaves no stray draft behind.
    rules.check_work_date(day, store.today(me))
    store._check_links(args.task, args.indicator)
    team_id = _team(store, me.id, args.team) if args.team else None
    current_total = existing.total_minutes if existing else 0
    rules.check_day_total(day, current_total + minutes, store.policy)
    with store.transaction():
        report = store.ensure_draft(me.id, day)
        if args.mode:
            store.set_work_mode(report.id, args.mode, args.location)
        activity = store.add_activity(
            report.id,
            description=args.description,
            minutes=minutes,
            volume=volume,
            volume_unit=args.unit,
            task_id=args.task,
            indicator_id=args.indicator,
            evidence=args.evidence,
            team_id=team_id,
        )
    report = store.require_report(report.id)
    if args.json:
        print_json({"activity": activity.model_dump(mode="json"), "report": report.model_dump(mode="json")})
    else:
        warn = report.total_minutes > store.policy.daily_minutes_warn
        print(tr(args, "cmd.report.added", day=day, minutes=minutes, total=report.total_minutes))
        if warn:
            print(tr(args, "report.warn_day", limit=store.policy.daily_minutes_warn))
    return 0


def _team(store, employee_id: str, wanted: str) -> str:
    """One of the member's teams by id or (case-insensitive) name."""
    from sk_tui.domain.errors import DomainError

    wanted = wanted.strip()
    teams = store.teams_for(employee_id)
    found = [t for t in teams if t.id == wanted] or [t for t in teams if t.name.casefold() == wanted.casefold()]
    if len(found) != 1:
        raise DomainError("not_team_member")
    return found[0].id


def run_submit(args: argparse.Namespace) -> int:
    from sk_tui.domain.errors import DomainError

    store = open_store(args)
    me = store.require_me()
    day = _day(store, args, me)
    report = store.report_for(me.id, day)
    if report is None:
        raise DomainError("report_empty", day=day.isoformat())
    submitted = store.submit_report(report.id, me.id)
    if args.json:
        print_json(submitted.model_dump(mode="json"))
    else:
        print(tr(args, "cmd.report.submitted", day=day, minutes=submitted.total_minutes))
    return 0


def run_list(args: argparse.Namespace) -> int:
    from sk_tui.domain import kinerja

    store = open_store(args)
    me = store.require_me()
    month = args.month or store.today(me).strftime("%Y-%m")
    try:
        start, end = kinerja.month_bounds(month)
    except (ValueError, TypeError):
        raise UserError(tr(args, "cmd.recap.bad_month", month=month)) from None
    reports = store.reports_for(me.id, start, end)
    if args.json:
        print_json([
            {**r.model_dump(mode="json"), "late": store.is_report_late(r), "activities": len(store.activities(r.id))}
            for r in reports
        ])
        return 0
    if not reports:
        print(tr(args, "cmd.report.none", month=month))
        return 0
    rows = []
    for r in reports:
        late = tr(args, "cmd.report.late") if store.is_report_late(r) else ""
        status = tr(args, f"cmd.report.status.{r.status.value}")
        rows.append([r.work_date.isoformat(), status, r.work_mode.value, r.total_minutes, late])
    print_table(rows, align="<<<><", header=[tr(args, "cmd.report.col.date"), "status", "mode",
                                              tr(args, "minutes"), ""], min_widths=(11, 12, 4, 6))
    return 0
