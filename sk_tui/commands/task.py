"""`sk-tui task list | add | move`: headless board work for scripts and slow links.

    sk-tui task list --team TEAM_ID --json
    sk-tui task add --title "Menyusun draf Pergub" --due 2026-12-15 --assign 199105052019032012
    sk-tui task move 3f2a9c1e --right
    sk-tui task move 3f2a9c1e --to done

Same store calls as the board in the app, so every change lands in the outbox.
"""

from __future__ import annotations

import argparse

from sk_tui.commands.common import UserError, open_store, print_json, print_table, tr
from sk_tui.domain.text import visible


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("task", help="team board tasks (penugasan)", description=__doc__,
                                   formatter_class=argparse.RawDescriptionHelpFormatter)
    actions = parser.add_subparsers(dest="task_command", metavar="ACTION", required=True)

    listing = actions.add_parser("list", help="list a team's cards, column by column")
    listing.add_argument("--team", help="team id (default: my first team)")
    listing.add_argument("--status", help="only this column: backlog, todo, in_progress, review, done")
    listing.add_argument("--mine", action="store_true", help="only cards assigned to me")
    listing.add_argument("--overdue", action="store_true", help="only overdue cards")
    listing.add_argument("--json", action="store_true", help="print JSON")
    listing.set_defaults(func=run_list)

    add = actions.add_parser("add", help="create a card")
    add.add_argument("--title", required=True, help="what is to be done")
    add.add_argument("--team", help="team id (default: my first team)")
    add.add_argument("--desc", "--description", dest="description", default="", help="details")
    add.add_argument("--status", default="backlog", help="column (default backlog)")
    add.add_argument("--due", help="due date YYYY-MM-DD")
    add.add_argument("--assign", default="", help="comma-separated NIPs or employee ids")
    add.add_argument("--target", help="linked target (RHK) id")
    add.add_argument("--json", action="store_true", help="print the task as JSON")
    add.set_defaults(func=run_add)

    move = actions.add_parser("move", help="move a card to another column")
    move.add_argument("task", help="task id (or a unique prefix of 4+ characters)")
    where = move.add_mutually_exclusive_group(required=True)
    where.add_argument("--to", help="column: backlog, todo, in_progress, review, done")
    where.add_argument("--right", action="store_true", help="one column right")
    where.add_argument("--left", action="store_true", help="one column left")
    move.add_argument("--json", action="store_true", help="print the task as JSON")
    move.set_defaults(func=run_move)


def _team_id(store, args, me) -> str:
    if args.team:
        return store.require_team(args.team).id
    teams = store.teams_for(me.id)
    if not teams:
        raise UserError(tr(args, "board.no_team"))
    return teams[0].id


def _task_json(task, store) -> dict:
    data = task.model_dump(mode="json")
    data["overdue"] = task.is_overdue(store.today())
    return data


def run_list(args: argparse.Namespace) -> int:
    from sk_tui.domain import rules

    store = open_store(args)
    me = store.require_me()
    team_id = _team_id(store, args, me)
    status = rules.parse_task_status(args.status) if args.status else None
    today = store.today(me)
    from sk_tui.domain.models import TASK_COLUMNS

    tasks = [
        task for task in sorted(store.tasks_for_team(team_id), key=lambda x: (TASK_COLUMNS.index(x.status), x.rank))
        if (status is None or task.status == status)
        and (not args.mine or me.id in task.assignees)
        and (not args.overdue or task.is_overdue(today))
    ]
    if args.json:
        print_json([_task_json(task, store) for task in tasks])
        return 0
    if not tasks:
        print(tr(args, "cmd.task.none"))
        return 0
    people = {e.id: e.initials for e in store.employees({a for task in tasks for a in task.assignees})}
    rows = []
    for task in tasks:
        due = task.due_date.isoformat() if task.due_date else ""
        if task.is_overdue(today):
            due += f" ({tr(args, 'board.filter.overdue')})"
        who = ",".join(people.get(a, "?") for a in task.assignees)
        rows.append([task.id[:8], task.status.value, who, due, task.title])
    print_table(rows, min_widths=(9, 11, 8, 22))
    return 0


def run_add(args: argparse.Namespace) -> int:
    from sk_tui.domain import rules

    store = open_store(args)
    me = store.require_me()
    team_id = _team_id(store, args, me)
    due = rules.parse_date(args.due) if args.due else None
    assignees = [store.find_employee(who).id for who in args.assign.split(",") if who.strip()]
    if args.target and store.target(args.target) is None:
        raise UserError(tr(args, "cmd.task.unknown_target", target=args.target))
    if not args.title.strip():
        raise UserError(tr(args, "task.title_empty"))
    task = store.create_task(team_id, args.title, actor_id=me.id, description=args.description,
                             assignees=assignees, status=args.status, due_date=due, target_id=args.target)
    if args.json:
        print_json(_task_json(task, store))
    else:
        title = visible(task.title)
        print(tr(args, "cmd.task.created", id=task.id[:8], title=title, status=task.status.value))
    return 0


def run_move(args: argparse.Namespace) -> int:
    store = open_store(args)
    me = store.require_me()
    task = store.find_task(args.task)
    if args.to:
        moved = store.move_task_to(task.id, args.to, actor_id=me.id)
    else:
        moved = store.move_task(task.id, 1 if args.right else -1, actor_id=me.id)
    if args.json:
        print_json(_task_json(moved, store))
    else:
        print(f"{moved.id[:8]} {visible(moved.title)}: {task.status.value} → {moved.status.value}")
    return 0
