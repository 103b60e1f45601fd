"""`sk-tui team create | update | lead | add | remove | close | list`: the JPT forms the unit's teams.

    sk-tui team create --name "Tim Percepatan Perizinan" --scope cross_unit --decree "800/Kep.45/2026" \\
        --from 2026-12-01 --to 2027-06-30
    sk-tui team lead TEAM 199002102015031001        # any JF or pelaksana may lead
    sk-tui team add TEAM 199408082019022004         # members may come from any unit
    sk-tui team remove TEAM 199408082019022004
    sk-tui team update TEAM --decree "800/Kep.52/2026" --end 2027-12-31
    sk-tui team close TEAM                          # cards turn read-only, history stays
    sk-tui team list [--json]
    sk-tui team default TEAM                        # my default team for activities without a link

Offline first: each change is applied to the workspace and queued; the server decides it with
the same rules (only the unit's JPT forms and changes its teams).
"""

from __future__ import annotations

import argparse
import datetime as dt

from sk_tui.commands.common import UserError, open_store, print_json, print_table, tr
from sk_tui.domain.text import visible

SCOPES = ("internal", "cross_division", "cross_unit", "cross_agency")
KINDS = ("administrative", "development")


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("team", help="form and list teams (tim kerja)", description=__doc__,
                                   formatter_class=argparse.RawDescriptionHelpFormatter)
    actions = parser.add_subparsers(dest="team_command", metavar="ACTION", required=True)

    create = actions.add_parser("create", help="form a team (JPT)")
    create.add_argument("--name", required=True, help="team name")
    create.add_argument("--scope", choices=SCOPES, default="internal", help="internal, cross_division, cross_unit "
                        "or cross_agency")
    create.add_argument("--kind", choices=KINDS, default="administrative", help="administrative or development")
    create.add_argument("--decree", default="", help="decree (SK) number")
    create.add_argument("--from", dest="period_start", help="period start YYYY-MM-DD")
    create.add_argument("--to", dest="period_end", help="period end YYYY-MM-DD")
    create.add_argument("--json", action="store_true", help="print the team as JSON")
    create.set_defaults(func=run_create)

    lead = actions.add_parser("lead", help="name the team's lead (JPT)")
    lead.add_argument("team", help="team id (or a unique prefix)")
    lead.add_argument("who", help="NIP or employee id")
    lead.set_defaults(func=run_lead)

    for name, helptext, func in (("add", "add a member (JPT)", "run_add"),
                                 ("remove", "remove a member (JPT)", "run_remove")):
        sub = actions.add_parser(name, help=helptext)
        sub.add_argument("team", help="team id (or a unique prefix)")
        sub.add_argument("who", help="NIP or employee id")
        sub.set_defaults(func=globals()[func])

    update = actions.add_parser("update", help="change a team's name, scope, kind, decree or period (JPT)")
    update.add_argument("team", help="team id (or a unique prefix)")
    update.add_argument("--name", help="new team name")
    update.add_argument("--scope", choices=SCOPES, help="internal, cross_division, cross_unit or cross_agency")
    update.add_argument("--kind", choices=KINDS, help="administrative or development")
    update.add_argument("--decree", help="decree (SK) number")
    update.add_argument("--start", dest="period_start", help="period start YYYY-MM-DD")
    update.add_argument("--end", dest="period_end", help="period end YYYY-MM-DD")
    update.add_argument("--json", action="store_true", help="print the team as JSON")
    update.set_defaults(func=run_update)

    close = actions.add_parser("close", help="close a team at the end of its period (JPT)")
    close.add_argument("team", help="team id (or a unique prefix)")
    close.set_defaults(func=run_close)

    default = actions.add_parser("default", help="my default team: where an activity without a linked task or "
                                                 "indicator goes (no TEAM: show it)")
    default.add_argument("team", nargs="?", help="team id or name (one of my teams)")
    default.add_argument("--clear", action="store_true", help="forget the choice (back to the automatic team)")
    default.set_defaults(func=run_default)

    listing = actions.add_parser("list", help="my teams (a JPT: every team of the unit)")
    listing.add_argument("--json", action="store_true", help="print JSON")
    listing.set_defaults(func=run_list)


def _date(text: str | None) -> dt.date | None:
    from sk_tui.domain import rules

    return rules.parse_date(text) if text else None


def _team_json(store, team) -> dict:
    data = team.model_dump(mode="json")
    data["members"] = [
        {"id": e.id, "nip": e.nip, "name": e.name, "role": role.value, "other_unit": e.unit_id != team.unit_id}
        for e, role in store.team_members(team.id)
    ]
    return data


def _print_team(args: argparse.Namespace, store, team, key: str) -> int:
    if args.json:
        print_json(_team_json(store, team))
    else:
        print(tr(args, key, id=team.id[:8], name=visible(team.name)))
    return 0


def run_create(args: argparse.Namespace) -> int:
    store = open_store(args)
    me = store.require_me()
    if not args.name.strip():
        raise UserError(tr(args, "cmd.team.name_empty"))
    team = store.create_team(args.name, actor_id=me.id, scope=args.scope, kind=args.kind, decree_no=args.decree,
                             period_start=_date(args.period_start), period_end=_date(args.period_end))
    return _print_team(args, store, team, "cmd.team.formed")


def run_update(args: argparse.Namespace) -> int:
    store = open_store(args)
    me = store.require_me()
    if args.name is not None and not args.name.strip():
        raise UserError(tr(args, "cmd.team.name_empty"))
    team = store.update_team(store.find_team(args.team).id, actor_id=me.id, name=args.name, scope=args.scope,
                             kind=args.kind, decree_no=args.decree, period_start=_date(args.period_start),
                             period_end=_date(args.period_end))
    return _print_team(args, store, team, "cmd.team.updated")


def run_lead(args: argparse.Namespace) -> int:
    store = open_store(args)
    me = store.require_me()
    team = store.find_team(args.team)
    person = store.find_employee(args.who)
    store.set_team_lead(team.id, person.id, actor_id=me.id)
    print(tr(args, "cmd.team.lead", team=visible(team.name), name=visible(person.name)))
    return 0


def run_add(args: argparse.Namespace) -> int:
    return _membership(args, join=True)


def run_remove(args: argparse.Namespace) -> int:
    return _membership(args, join=False)


def _membership(args: argparse.Namespace, *, join: bool) -> int:
    store = open_store(args)
    me = store.require_me()
    team = store.find_team(args.team)
    person = store.find_employee(args.who)
    name, team_name = visible(person.name), visible(team.name)
    if join:
        store.add_team_member(team.id, person.id, actor_id=me.id)
        mark = f" ({tr(args, 'cmd.team.other_unit')})" if person.unit_id != team.unit_id else ""
        print(tr(args, "cmd.team.joined", name=name, mark=mark, team=team_name))
    else:
        store.remove_team_member(team.id, person.id, actor_id=me.id)
        print(tr(args, "cmd.team.left", name=name, team=team_name))
    return 0


def run_close(args: argparse.Namespace) -> int:
    store = open_store(args)
    me = store.require_me()
    team = store.close_team(store.find_team(args.team).id, actor_id=me.id)
    day = team.closed_on.isoformat() if team.closed_on else ""
    print(tr(args, "cmd.team.closed", team=visible(team.name), day=day))
    return 0


def run_default(args: argparse.Namespace) -> int:
    from sk_tui.commands.report import _team

    store = open_store(args)
    me = store.require_me()
    if args.clear:
        store.set_default_team(me.id, None)
    elif args.team:
        store.set_default_team(me.id, _team(store, me.id, args.team))
    team_id = store.default_team_id(me.id)
    team = store.team(team_id) if team_id else None
    if team is None:
        print(tr(args, "cmd.team.no_default"))
        return 0
    key = "cmd.team.default_chosen" if store.chosen_default_team(me.id) else "cmd.team.default_auto"
    print(tr(args, key, id=team.id[:8], team=visible(team.name)))
    return 0


def run_list(args: argparse.Namespace) -> int:
    store = open_store(args)
    me = store.require_me()
    teams = store.teams_for(me.id)
    if args.json:
        print_json([_team_json(store, team) for team in teams])
        return 0
    if not teams:
        print(tr(args, "cmd.team.none"))
        return 0
    rows = []
    for team in teams:
        members = store.team_members(team.id)
        lead = next((e.short_name for e, role in members if role.value == "lead"), "-")
        other = sum(1 for e, _ in members if e.unit_id != team.unit_id)
        count = f"{len(members)}" + (f" ({tr(args, 'cmd.team.from_other_units', n=other)})" if other else "")
        state = tr(args, "cmd.team.state.closed") if team.closed else ""
        rows.append([team.id[:8], team.name, tr(args, f"cmd.team.scope.{team.scope.value}"), lead, count,
                     team.decree_no, state])
    header = ["ID", *(tr(args, f"cmd.team.col.{col}") for col in ("team", "scope", "lead", "members", "decree")), ""]
    print_table(rows, header=header)
    return 0
