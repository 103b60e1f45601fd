"""Issue 10 (rest) point 1 in the app: the activity form shows the member's default team, and F4
("jadikan bawaan") makes the team chosen in the field the default, kept across restarts; an
activity saved without a chosen team then goes to it."""

from __future__ import annotations

from textual.widgets import Select

from tests.helpers.app import make_app
from tests.helpers.clock import TODAY


async def _type(pilot, text: str) -> None:
    await pilot.press(*[{" ": "space"}.get(ch, ch) for ch in text])


def _line(app) -> str:
    return str(app.screen.query_one("#act-team", Select).prompt)


async def test_f4_makes_the_chosen_team_the_default_and_it_is_used_and_kept(store, org):
    store.set_me(org.dedi.id)  # on team A and team B, leading neither
    app = make_app(store.path)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("2", "a")
        await pilot.pause()
        assert f"otomatis: tim tugas/IKI, atau {org.team_a.name}" in _line(app)
        await pilot.press("f4")  # nothing chosen in the field yet: said, nothing changes
        await pilot.pause()
        assert store.chosen_default_team(org.dedi.id) is None
        team = app.screen.query_one("#act-team", Select)
        team.value = org.team_b.id
        await pilot.press("f4")
        await pilot.pause()
        assert f"atau bawaan saya {org.team_b.name}" in _line(app)
        team.value = Select.NULL  # saved without a chosen team: the default decides
        await _type(pilot, "Pendampingan perkara")
        await pilot.press("tab")
        await _type(pilot, "60")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert type(app.screen).__name__ != "ActivityForm"
    (activity,) = store.activities(store.report_for(org.dedi.id, TODAY).id)
    assert activity.team_id == org.team_b.id
    app = make_app(store.path)  # a restart
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("2", "a")
        await pilot.pause()
        assert f"atau bawaan saya {org.team_b.name}" in _line(app)
