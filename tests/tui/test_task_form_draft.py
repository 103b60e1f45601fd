"""The task form keeps what is typed as the activity form does (issue 11): written once typing
pauses or a field is left, never per key, and back the next time the form opens for the same
team, even when the app ended without Esc."""

from __future__ import annotations

import json

from tests.helpers.app import make_app


async def test_typing_in_the_task_form_is_kept_after_a_pause_not_per_key(store, org):
    app = make_app(store.path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("n")
        await pilot.pause()
        writes: list[str] = []
        real_set_meta = app.store.set_meta
        app.store.set_meta = lambda key, value: (writes.append(key), real_set_meta(key, value))[1]
        await pilot.press(*"Telaah Raperda Sampah")
        assert app.screen.query_one("#task-title").value == "Telaah Raperda Sampah"
        assert writes.count("draft.task") == 0  # nothing written while typing
        await pilot.pause(0.8)
        draft = json.loads(store.get_meta("draft.task"))
        assert draft["team"] == org.team_a.id and draft["task"] is None
        assert draft["fields"]["title"] == "Telaah Raperda Sampah"
        # leaving a field writes what it holds at once
        await pilot.press("tab", *"Bab II", "tab")
        await pilot.pause()
        assert json.loads(store.get_meta("draft.task"))["fields"]["description"] == "Bab II"
        assert writes.count("draft.task") <= 3


async def test_a_task_draft_survives_the_app_closing_without_esc(store, org):
    path = store.path
    app = make_app(path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("n", *"Inventarisasi Perda")
        # the app ends here, within the half second: the draft is written on the way out
    app = make_app(path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("n")
        await pilot.pause()
        assert app.screen.query_one("#task-title").value == "Inventarisasi Perda"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert store.get_meta("draft.task") is None
        assert "Inventarisasi Perda" in [t["title"] for t in store.task_rows_for_team(org.team_a.id)]


async def test_opening_and_closing_an_untouched_task_form_leaves_no_draft(store, org):
    app = make_app(store.path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("n")
        await pilot.pause(0.8)
        await pilot.press("tab", "tab")
        await pilot.pause()
        assert store.get_meta("draft.task") is None  # nothing typed: nothing to keep
        await pilot.press("escape")
        await pilot.pause()
        assert not app.screen.query("#task-title")
    assert store.get_meta("draft.task") is None
