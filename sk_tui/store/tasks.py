"""Tasks on a team board. Every change is compare-and-set on ``version`` and queued.

    >>> task = store.create_task(team_id, "Menyusun draf Pergub", actor_id=me.id)   # doctest: +SKIP
    >>> store.move_task(task.id, +1, actor_id=me.id).status                        # doctest: +SKIP
    <TaskStatus.TODO: 'todo'>

Local versions run ahead of the server by one per queued edit; each op carries the version
it was made against, so the server can refuse an edit made on a stale copy.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from sk_tui.domain import rules, teams
from sk_tui.domain.enums import TaskStatus
from sk_tui.domain.errors import DomainError
from sk_tui.store import outbox
from sk_tui.store.base import BaseStore, from_row, to_row

if TYPE_CHECKING:
    from sk_tui.domain.models import Task
else:  # the models by name (domain/records.py): pydantic is imported when one is first used
    from sk_tui.domain.records import Task

EDITABLE_TASK_FIELDS = {
    "title", "description", "assignees", "status", "due_date", "target_id", "indicator_id", "rank",
}


class TasksMixin(BaseStore):
    def task(self, task_id: str) -> Task | None:
        row = self.one("SELECT * FROM tasks WHERE id = ?", (task_id,))
        return from_row(Task, row) if row else None

    def require_task(self, task_id: str) -> Task:
        task = self.task(task_id)
        if task is None:
            raise DomainError("task_unknown", task_id=task_id)
        return task

    def find_task(self, id_or_prefix: str) -> Task:
        """By full id or a unique prefix (as `sk-tui task list` shows it); DomainError otherwise."""
        row = self.row_by_id_or_prefix("tasks", id_or_prefix)
        if row is None:
            raise DomainError("task_unknown", task_id=id_or_prefix)
        return from_row(Task, row)

    def tasks_for_team(self, team_id: str) -> list[Task]:
        """Every card of a team, column by column in board order."""
        rows = self.rows("SELECT * FROM tasks WHERE team_id = ? ORDER BY status, rank, title", (team_id,))
        return [from_row(Task, r) for r in rows]

    def task_count(self, team_id: str) -> int:
        """How many cards a team's board holds."""
        count: int = self.db.execute("SELECT COUNT(*) FROM tasks WHERE team_id = ?", (team_id,)).fetchone()[0]
        return count

    def task_rows_for_team(self, team_id: str) -> list[dict[str, Any]]:
        """Plain rows for drawing a large board without building a model per card."""
        return self.rows(
            """SELECT id, title, assignees, status, due_date, target_id, rank, version FROM tasks
               WHERE team_id = ? ORDER BY rank, title""",
            (team_id,),
        )

    def target_texts(self, target_ids: list[str] | set[str]) -> dict[str, str]:
        """Target (RHK) id -> its text, for labelling cards: ``store.target_texts({"tgt-1"})``."""
        ids = [i for i in target_ids if i]
        if not ids:
            return {}
        marks = ", ".join("?" for _ in ids)
        return {r["id"]: r["text"] for r in self.rows(f"SELECT id, text FROM targets WHERE id IN ({marks})", ids)}

    def team_targets(self, team_id: str) -> list[Any]:
        """Targets (RHK) assigned from a team, for linking its cards: ``store.team_targets("team-a")``."""
        from sk_tui.domain.models import Target

        return [from_row(Target, r) for r in self.rows(
            "SELECT * FROM targets WHERE team_id = ? ORDER BY text", (team_id,))]

    def open_tasks_assigned_to(self, employee_id: str, limit: int = 200) -> list[Task]:
        """Cards not yet done that name this person, newest first (what a report links to)."""
        rows = self.rows(
            f"""SELECT * FROM tasks WHERE status != 'done' AND assignees LIKE ?
                ORDER BY updated_at DESC LIMIT {int(limit)}""",
            (f'%"{employee_id}"%',),
        )
        return [from_row(Task, r) for r in rows]

    def _check_task_actor(self, team_id: str, actor_id: str | None) -> None:
        if actor_id is None:
            return
        members = [m.employee_id for m in self.memberships(team_id)]
        team = self.require_team(team_id)
        if not rules.can_edit_task(actor_id, members, [team.jpt_id]):
            raise DomainError("not_team_member")
        teams.check_team_open(team)  # a closed team's cards are read-only

    def _next_rank(self, team_id: str, status: TaskStatus) -> float:
        top = self.scalar("SELECT MAX(rank) FROM tasks WHERE team_id = ? AND status = ?", (team_id, status.value))
        return (top or 0.0) + 1.0

    def create_task(
        self,
        team_id: str,
        title: str,
        *,
        actor_id: str | None = None,
        description: str = "",
        assignees: list[str] | None = None,
        status: TaskStatus | str = TaskStatus.BACKLOG,
        due_date: dt.date | None = None,
        target_id: str | None = None,
        indicator_id: str | None = None,
        task_id: str | None = None,
    ) -> Task:
        """A new card, queued as a ``create`` op."""
        status = rules.parse_task_status(str(status))
        with self.transaction():
            self._check_task_actor(team_id, actor_id)
            self._check_people(team_id, assignees or [])
            task = Task(
                **({"id": task_id} if task_id else {}),
                team_id=team_id,
                title=title.strip(),
                description=description,
                assignees=list(assignees or []),
                status=status,
                due_date=due_date,
                target_id=target_id,
                indicator_id=indicator_id,
                rank=self._next_rank(team_id, status),
                version=1,
                updated_at=self.now(),
            )
            self._insert("tasks", to_row(task))
            outbox.enqueue(self.db, entity="task", entity_id=task.id, op="create", base_version=0, payload=to_row(task))
        return task

    def _check_people(self, team_id: str, employee_ids: list[str], already: Iterable[str] = ()) -> None:
        """Assignees must exist and sit on the card's team, as the server checks (those already
        on the card before a team change may stay)."""
        members = {m.employee_id for m in self.memberships(team_id)}
        for employee_id in employee_ids:
            if self.scalar("SELECT 1 FROM employees WHERE id = ?", (employee_id,)) is None:
                raise DomainError("employee_unknown", who=employee_id)
            if employee_id not in members and employee_id not in already:
                raise DomainError("assignee_not_member")

    def update_task(self, task_id: str, *, actor_id: str | None = None, **changes: Any) -> Task:
        """Change fields of a card (compare-and-set on its version), queued as an ``update`` op."""
        unknown = set(changes) - EDITABLE_TASK_FIELDS
        if unknown:
            raise ValueError(f"not editable: {sorted(unknown)}")
        if "status" in changes:
            changes["status"] = rules.parse_task_status(str(changes["status"]))
        with self.transaction():
            current = self.require_task(task_id)
            self._check_task_actor(current.team_id, actor_id)
            if "assignees" in changes:
                self._check_people(current.team_id, changes["assignees"], current.assignees)
            if "status" in changes and changes["status"] != current.status and "rank" not in changes:
                changes["rank"] = self._next_rank(current.team_id, changes["status"])
            updated = Task.model_validate(
                {**current.model_dump(), **changes, "version": current.version + 1, "updated_at": self.now()}
            )
            self._insert("tasks", to_row(updated), replace=True)
            payload = {key: to_row(updated)[key] for key in changes}
            outbox.enqueue(
                self.db, entity="task", entity_id=task_id, op="update", base_version=current.version, payload=payload
            )
        return updated

    def move_task(self, task_id: str, step: int, *, actor_id: str | None = None) -> Task:
        """Move a card ``step`` columns right (+) or left (-)."""
        current = self.require_task(task_id)
        return self.update_task(task_id, actor_id=actor_id, status=rules.neighbour_column(current.status, step))

    def move_task_to(self, task_id: str, status: TaskStatus | str, *, actor_id: str | None = None) -> Task:
        return self.update_task(task_id, actor_id=actor_id, status=rules.parse_task_status(str(status)))
