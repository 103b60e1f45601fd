"""A card move is drawn at once and written on the app's writer thread (its own connection):
nothing is lost when the app quits right after, and a refused move puts the card back."""

from __future__ import annotations

from sk_tui.domain.errors import DomainError
from sk_tui.domain.models import TaskStatus
from sk_tui.store import Store
from tests.helpers.app import make_app


def _column_ids(app, column: int) -> list[str]:
    return [row["id"] for row in app.screen.query_one("#board").columns[column]]


async def test_a_card_moved_just_before_quitting_is_saved_with_its_op(workspace):
    path, _org, ids = workspace
    app = make_app(path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("greater_than_sign", "greater_than_sign")
        assert ids["card0"] in _column_ids(app, 2)  # shown before the store has it
        app.exit()  # at once: the quit waits for the writes
    store = Store.open(path)
    try:
        assert store.task(ids["card0"]).status == TaskStatus.IN_PROGRESS
        assert store.status()["queued"] >= 2
    finally:
        store.close()


async def test_a_refused_move_puts_the_card_back_and_says_why(workspace, monkeypatch):
    path, _org, ids = workspace

    def refuse(self, task_id, step, *, actor_id=None):
        raise DomainError("not_team_member")

    monkeypatch.setattr(Store, "move_task", refuse)
    app = make_app(path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        queued = app.store.status()["queued"]
        await pilot.press("greater_than_sign")
        await app.wait_for_writes()
        await pilot.pause()
        assert ids["card0"] in _column_ids(app, 0)
        assert app.screen.query_one("#board").current_card()["id"] == ids["card0"]
        assert any(DomainError("not_team_member").message("id") in n.message for n in app._notifications)
        assert app.store.status()["queued"] == queued


async def test_cards_a_sync_brings_while_a_board_dialog_is_open_are_shown_when_it_closes(workspace):
    from sk_tui.tui.messages import DataChanged

    path, org, _ids = workspace
    app = make_app(path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("t")  # the team picker
        await pilot.pause()
        other = Store.open(path)  # as the sync worker writes: a connection of its own
        try:
            other.create_task(org.team_a.id, "Kartu dari sinkronisasi", actor_id=org.ani.id)
        finally:
            other.close()
        app.post_message(DataChanged())  # what a sync that received changes posts
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        titles = [row["title"] for row in app.screen.query_one("#board").data.rows]
        assert "Kartu dari sinkronisasi" in titles
