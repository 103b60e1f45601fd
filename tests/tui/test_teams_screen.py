"""The JPT's view across teams (key 6): every team with its scope, lead and members, people on
several teams, DWA applications decided from the keyboard, output per day by work mode."""

from __future__ import annotations

import datetime as dt

from textual.widgets import DataTable, Static

from sk_tui.domain.models import DwaStatus
from tests.helpers.app import make_app, seed_workspace
from tests.helpers.clock import TODAY


def _rows(app, table_id: str) -> list[list[str]]:
    table = app.screen.query_one(table_id, DataTable)
    return [[str(cell) for cell in table.get_row_at(i)] for i in range(table.row_count)]


async def test_the_jpt_sees_every_team_and_decides_a_dwa_application(store, org):
    seed_workspace(store, org)
    store.set_meta("me", None)
    # Dedi applies for 3-2 (as his device would have); the JPT's workspace holds it after a sync
    applied = store.apply_dwa("3-2", TODAY, actor_id=org.dedi.id, targets="4 unggahan JDIH per minggu")
    asep_from_elsewhere = org.lead2
    store.set_me(org.jpt.id)
    app = make_app(store.path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("6")
        await pilot.pause()  # the first frame, then the parts below the fold come from a worker
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert "2 tim" in str(app.screen.query_one("#teams-title", Static).render())
        teams = {row[0]: row for row in _rows(app, "#teams-table")}
        assert set(teams) == {org.team_a.name, org.team_b.name}
        assert teams[org.team_b.name][1:3] == ["Lintas PD", asep_from_elsewhere.name]
        assert teams[org.team_a.name][5] == "! 1"  # one overdue card on team A
        # 6 of 12 Pergub drafts approved (the 3rd, 6th, 9th, 12th, 18th and 24th): team A's only IKI
        assert teams[org.team_a.name][6] == "50,0%"
        # Dedi sits on both teams: his load by team
        load = _rows(app, "#teams-load")
        assert [row[0] for row in load] == [org.dedi.name] and load[0][1] == "2"
        # the pending application, then approve it with y
        assert _rows(app, "#teams-dwa")[0][:2] == [org.dedi.name, "3-2"]
        app.screen.query_one("#teams-dwa", DataTable).focus()
        await pilot.press("y")
        await pilot.pause()
        assert _rows(app, "#teams-dwa") == []
        output = str(app.screen.query_one("#teams-output", Static).render())
        assert "WFO" in output and "menit/hari" in output
        # Enter on a team opens its board
        app.screen.query_one("#teams-table", DataTable).focus()
        await pilot.press("j", "enter")
        await pilot.pause()
        # rows by name: team B ("Bantuan") first, so j selects team A; the board shows it, not
        # the team it showed before
        assert app.current_mode == "board" and app.board_team_id == org.team_a.id
        assert org.team_a.name in str(app.screen.query_one("#board-title").render())
        await pilot.press("6")
        await pilot.pause()
        await pilot.press("g")
        await pilot.pause()
        assert app.current_mode == "targets"  # the cursor stayed on team A: its targets open
        assert org.team_a.name in str(app.screen.query_one("#targets-title").render())
    decided = store.find_dwa(applied.id)
    assert decided.status == DwaStatus.APPROVED and decided.approved_by == org.jpt.id
    assert [op["op"] for op in store.ops_for_entity(applied.id)] == ["apply", "decide"]


async def test_refusing_asks_for_the_reason(store, org):
    applied = store.apply_dwa("1-4", TODAY + dt.timedelta(days=3), actor_id=org.dedi.id)
    store.set_me(org.jpt.id)
    app = make_app(store.path, language="en")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("6")
        await pilot.pause()
        app.screen.query_one("#teams-dwa", DataTable).focus()
        await pilot.press("x")
        await pilot.pause()
        await pilot.press(*[{" ": "space"}.get(ch, ch) for ch in "Front-line post"])
        await pilot.press("ctrl+s")
        await pilot.pause()
    refused = store.find_dwa(applied.id)
    assert (refused.status, refused.note, refused.approved_by) == (DwaStatus.REFUSED, "Front-line post", None)


async def test_coming_back_shows_what_was_written_meanwhile(store, org):
    seed_workspace(store, org)
    store.set_me(org.jpt.id)
    app = make_app(store.path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("6")
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        before = {row[0]: row[4] for row in _rows(app, "#teams-table")}
        await pilot.press("1")
        await pilot.pause()
        # another connection (as a sync would) adds a card to team A while the board is shown
        from sk_tui.store import Store

        other = Store.open(store.path)
        other.create_task(org.team_a.id, "Kartu dari sinkron", actor_id=org.lead.id)
        other.close()
        await pilot.press("6")
        await pilot.pause()
        after = {row[0]: row[4] for row in _rows(app, "#teams-table")}
        assert int(after[org.team_a.name]) == int(before[org.team_a.name]) + 1
        # nothing written since: the same rows, not read again
        await pilot.press("1")
        await pilot.pause()
        await pilot.press("6")
        await pilot.pause()
        assert {row[0]: row[4] for row in _rows(app, "#teams-table")} == after
