"""The board's team picker is a box over the board, kept mounted and only shown and hidden
(sk_tui/tui/widgets/picker.py): while it is shown it takes the keys as a dialog would, and a
choice shows the new team's board with the box gone."""

from __future__ import annotations

from sk_tui.store import Store
from tests.helpers.app import make_app


def _picker(app):
    return app.screen.query_one("#pick-dialog")


def _footer(app) -> str:
    return str(app.screen.query_one("KeyFooter").render())


def _title(app) -> str:
    return str(app.screen.query_one("#board-title").render())


async def test_while_the_picker_is_shown_the_board_and_app_keys_do_nothing(workspace):
    path, _org, _ids = workspace
    app = make_app(path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        board = app.screen.query_one("#board")
        before = [[row["id"] for row in column] for column in board.columns]
        board_footer = _footer(app)
        await pilot.press("t")
        await pilot.pause()
        assert _picker(app).display and app.focused.id == "pick-list"
        assert "Batal" in _footer(app) and "Batal" not in board_footer  # the box's keys, not the board's
        for key in ("greater_than_sign", "n", "q", "2", "slash", "o"):
            await pilot.press(key)
            await pilot.pause()
        assert app.is_running and app.current_mode == "board" and app.screen is not None
        assert [[row["id"] for row in column] for column in board.columns] == before  # no card moved
        assert not board.filter.active()
        assert _picker(app).display  # still open: nothing closed it
        await pilot.press("escape")
        await pilot.pause()
        assert not _picker(app).display and app.focused is board
        assert _footer(app) == board_footer  # the board's keys again


async def test_a_choice_shows_the_new_team_with_the_box_hidden_and_opens_again(workspace):
    path, org, _ids = workspace
    store = Store.open(path)
    store.set_me(org.dedi.id)  # Dedi sits on both teams
    store.close()
    app = make_app(path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        first = org.team_b.name if org.team_b.name in _title(app) else org.team_a.name
        other = org.team_a.name if first == org.team_b.name else org.team_b.name
        for expected in (other, first, other):
            await pilot.press("t")
            await pilot.pause()
            options = app.screen.query_one("#pick-list")
            assert options.option_count == 2
            current = options.get_option_at_index(options.highlighted).id
            assert current == app.screen.team_id  # the cursor starts on the team shown
            await pilot.press("j" if options.highlighted == 0 else "k", "enter")
            await pilot.pause()
            assert not _picker(app).display
            assert expected in _title(app)
            assert app.focused is app.screen.query_one("#board")


async def test_focus_taken_elsewhere_leaves_the_picker_without_a_choice(workspace):
    path, _org, _ids = workspace
    app = make_app(path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        team = app.screen.team_id
        await pilot.press("t")
        await pilot.pause()
        app.screen.query_one("#board").focus()
        await pilot.pause()
        assert not _picker(app).display
        assert app.screen.team_id == team
