"""Task cards in the store: create / update / move, each queued with its base version."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from sk_tui.domain.errors import DomainError
from sk_tui.domain.models import TaskStatus


def ops(store):
    return [{**r, "payload": json.loads(r["payload"])} for r in store.rows("SELECT * FROM outbox ORDER BY seq")]


def test_create_task_queues_a_create_op_with_every_field(store, org):
    task = store.create_task(org.team_a.id, "  Menyusun draf Pergub  ", actor_id=org.ani.id,
                             assignees=[org.ani.id, org.dedi.id], due_date=dt.date(2026, 12, 15),
                             target_id=org.target.id)
    assert task.title == "Menyusun draf Pergub" and task.version == 1 and task.status == TaskStatus.BACKLOG
    assert store.task(task.id).assignees == [org.ani.id, org.dedi.id]
    [op] = ops(store)
    assert (op["entity"], op["entity_id"], op["op"], op["base_version"]) == ("task", task.id, "create", 0)
    assert op["payload"]["title"] == "Menyusun draf Pergub"
    assert op["payload"]["due_date"] == "2026-12-15"
    assert json.loads(op["payload"]["assignees"]) == [org.ani.id, org.dedi.id]


def test_an_outsider_cannot_create_or_change_a_teams_cards(store, org):
    with pytest.raises(DomainError) as caught:
        store.create_task(org.team_b.id, "Bukan tim saya", actor_id=org.ani.id)
    assert caught.value.code == "not_team_member"
    task = store.create_task(org.team_b.id, "Gugatan", actor_id=org.lead2.id)
    with pytest.raises(DomainError):
        store.move_task(task.id, +1, actor_id=org.ani.id)
    assert store.task(task.id).status == TaskStatus.BACKLOG
    assert len(ops(store)) == 1


def test_the_jpt_may_change_any_card_of_their_teams(store, org):
    task = store.create_task(org.team_b.id, "Gugatan", actor_id=org.jpt.id)
    assert store.move_task(task.id, +1, actor_id=org.jpt.id).status == TaskStatus.TODO


def test_unknown_assignee_is_refused_and_nothing_is_written(store, org):
    with pytest.raises(DomainError) as caught:
        store.create_task(org.team_a.id, "X", actor_id=org.ani.id, assignees=["ghost"])
    assert caught.value.code == "employee_unknown"
    assert store.scalar("SELECT COUNT(*) FROM tasks") == 0 and ops(store) == []


def test_each_update_bumps_the_version_and_records_the_base_it_was_made_on(store, org):
    task = store.create_task(org.team_a.id, "Telaah", actor_id=org.ani.id)
    store.update_task(task.id, actor_id=org.ani.id, title="Telaah Raperda")
    moved = store.move_task(task.id, +1, actor_id=org.ani.id)
    assert moved.version == 3 and moved.status == TaskStatus.TODO
    update1, update2 = ops(store)[1:]
    assert (update1["op"], update1["base_version"], update1["payload"]) == ("update", 1, {"title": "Telaah Raperda"})
    assert update2["base_version"] == 2
    assert update2["payload"]["status"] == "todo" and "rank" in update2["payload"]
    assert store.task(task.id).version == 3


def test_a_card_walks_across_the_board_and_stops_at_both_edges(store, org):
    task = store.create_task(org.team_a.id, "Telaah", actor_id=org.ani.id)
    with pytest.raises(DomainError) as caught:
        store.move_task(task.id, -1, actor_id=org.ani.id)
    assert caught.value.code == "task_move_edge"
    seen = [store.move_task(task.id, +1, actor_id=org.ani.id).status for _ in range(4)]
    assert seen == [TaskStatus.TODO, TaskStatus.IN_PROGRESS, TaskStatus.REVIEW, TaskStatus.DONE]
    with pytest.raises(DomainError):
        store.move_task(task.id, +1, actor_id=org.ani.id)
    assert store.task(task.id).status == TaskStatus.DONE
    assert len(ops(store)) == 5  # create + 4 moves; refused moves queue nothing


def test_moving_to_a_column_puts_the_card_at_its_bottom(store, org):
    first = store.create_task(org.team_a.id, "A", actor_id=org.ani.id, status="todo")
    second = store.create_task(org.team_a.id, "B", actor_id=org.ani.id)
    moved = store.move_task_to(second.id, "To Do", actor_id=org.ani.id)
    assert moved.status == TaskStatus.TODO and moved.rank > store.task(first.id).rank
    with pytest.raises(DomainError) as caught:
        store.move_task_to(second.id, "archived", actor_id=org.ani.id)
    assert caught.value.code == "status_invalid"


def test_fields_that_are_not_editable_are_refused(store, org):
    task = store.create_task(org.team_a.id, "A", actor_id=org.ani.id)
    with pytest.raises(ValueError, match="not editable"):
        store.update_task(task.id, actor_id=org.ani.id, team_id=org.team_b.id)
    assert store.task(task.id).team_id == org.team_a.id


def test_unknown_task_is_reported_as_such(store, org):
    with pytest.raises(DomainError) as caught:
        store.move_task("ghost", +1, actor_id=org.ani.id)
    assert caught.value.code == "task_unknown"


def test_overdue_cards(store, org):
    task = store.create_task(org.team_a.id, "A", actor_id=org.ani.id, due_date=dt.date(2026, 11, 20))
    assert task.is_overdue(dt.date(2026, 11, 27))
    done = store.move_task_to(task.id, "done", actor_id=org.ani.id)
    assert not done.is_overdue(dt.date(2026, 11, 27))


def test_assignees_must_sit_on_the_cards_team_as_the_server_checks(store, org):
    """Refused offline with the server's reason, so nothing queued is bound to be rejected."""
    from sk_tui.domain.errors import DomainError

    queued = store.status()["queued"]
    with pytest.raises(DomainError) as refused:
        store.create_task(org.team_a.id, "Harmonisasi", actor_id=org.lead.id, assignees=[org.lead2.id])
    assert refused.value.code == "assignee_not_member"
    task = store.create_task(org.team_a.id, "Harmonisasi", actor_id=org.lead.id, assignees=[org.ani.id])
    with pytest.raises(DomainError, match=r"anggota tim|members"):
        store.update_task(task.id, actor_id=org.lead.id, assignees=[org.ani.id, org.lead2.id])
    assert store.task(task.id).assignees == [org.ani.id]
    assert store.status()["queued"] == queued + 1  # only the valid card was queued
