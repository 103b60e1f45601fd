"""What users of lazygit, k9s or posting expect: q quits, Esc goes back, j/k move in every
list, help starts with the keys of the screen you are on, the footer fits and shows the filter,
choices survive a restart, and the board stays readable when the terminal is resized."""

from __future__ import annotations

import tomllib

from sk_tui import paths
from sk_tui.config import load_config, save_settings
from tests.helpers.app import make_app


def _board_text(app) -> str:
    board = app.screen.query_one("#board")
    return "\n".join(board.render_line(y).text for y in range(board.size.height))


def _footer(app) -> str:
    return str(app.screen.query_one("KeyFooter").render())


async def test_q_quits_from_a_main_screen(workspace):
    path, _org, _ids = workspace
    for mode in ("1", "2", "3"):
        app = make_app(path)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press(mode)
            await pilot.pause()
            from sk_tui.store import Store

            store = Store.open(path)
            queued = store.status()["queued"]
            store.close()
            await pilot.press("q")
            await pilot.pause()
            if queued:  # offline with a queue: asked first; "n" stays
                assert app.screen.query_one("#confirm-question")
                assert str(queued) in str(app.screen.query_one("#confirm-question").render())
                await pilot.press("n")
                await pilot.pause()
                assert app.is_running
                await pilot.press("q", "y")
            await pilot.pause()
        assert app.return_code == 0 and not app.is_running


async def test_q_quits_at_once_with_an_empty_queue_and_is_a_letter_in_a_form(store, org):
    app = make_app(store.path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("n", "q")
        await pilot.pause()
        assert app.screen.query_one("#task-title").value == "q"
        await pilot.press("ctrl+u", "escape")
        await pilot.pause()
        await pilot.press("q")
        await pilot.pause()
    assert not app.is_running


async def test_esc_goes_back_everywhere(workspace):
    path, _org, _ids = workspace
    app = make_app(path)
    async with app.run_test(size=(80, 24)) as pilot:
        for mode in ("2", "3", "5"):
            await pilot.press(mode)
            await pilot.pause()
            await pilot.press("escape")
            await pilot.pause()
            assert app.current_mode == "board"
        await pilot.press("o")  # a filter; Esc on the board clears it
        await pilot.pause()
        assert app.screen.filter.overdue
        await pilot.press("escape")
        await pilot.pause()
        assert not app.screen.filter.active()
        for key, widget in (("f1", "#help-scroll"), ("t", "#pick-list"), ("f", "#pick-list"), ("e", "#task-title")):
            await pilot.press(key)
            await pilot.pause()
            assert app.screen.query(widget)
            await pilot.press("escape")
            await pilot.pause()
            assert not app.screen.query(widget)


async def test_j_and_k_move_in_every_list_and_table(workspace):
    path, _org, _ids = workspace
    app = make_app(path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("2")
        await pilot.pause()
        table = app.screen.query_one("#activities")
        assert table.cursor_row == 0
        await pilot.press("j")
        assert table.cursor_row == 1
        await pilot.press("k")
        assert table.cursor_row == 0
        await pilot.press("1", "f")  # the person filter: an OptionList in a dialog
        await pilot.pause()
        options = app.screen.query_one("#pick-list")
        start = options.highlighted
        await pilot.press("j")
        assert options.highlighted == start + 1
        await pilot.press("k")
        assert options.highlighted == start
        await pilot.press("escape")
        await pilot.press("j")  # the board's own cursor
        await pilot.pause()
        assert app.screen.board.cursor_row[0] == 1


async def test_help_lists_this_screens_keys_first_written_as_typed(workspace):
    path, _org, _ids = workspace
    app = make_app(path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("2", "f1")
        await pilot.pause()
        table = app.screen.table
        first_title = str(table.columns[1]._cells[0])
        assert "Layar ini" in first_title and "Laporan harian" in first_title
        keys = [str(c) for c in table.columns[0]._cells]
        assert "ctrl+q" in keys[-40:] or any("ctrl+q" in k for k in keys)
        assert not any(k.startswith(("Ctrl", "Esc", "F1")) for k in keys)


async def test_the_footer_fits_80_columns_and_shows_the_active_filter(workspace):
    path, _org, _ids = workspace
    app = make_app(path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        footer = _footer(app)
        assert len(footer) <= 80 and "…" not in footer
        assert " ? " in footer and "Perintah" in footer  # help and the palette always fit
        await pilot.press("o")
        await pilot.pause()
        await pilot.pause()
        assert "saring: terlambat" in _footer(app)
        await pilot.press("f")
        await pilot.pause()
        await pilot.press("j", "enter")  # "me" (Ani)
        await pilot.pause()
        await pilot.pause()
        assert "saring: AL, terlambat" in _footer(app)
        assert len(_footer(app)) <= 80


async def test_language_theme_and_team_are_written_back_and_restored(workspace):
    path, org, _ids = workspace
    config_file = paths.config_file()
    paths.ensure_parent(config_file)
    config_file.write_text('# my settings\nsync_interval_seconds = 120\n\n[keymap]\n"board.new" = "n"\n')
    from sk_tui.store import Store

    store = Store.open(path)
    store.set_me(org.dedi.id)  # on two teams
    store.close()
    app = make_app(path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f2", "f3")
        await pilot.pause()
        app.screen.show_team(org.team_b.id)
        await pilot.pause()
    text = config_file.read_text()
    assert text.startswith("# my settings\n") and '"board.new" = "n"' in text  # the rest is kept
    saved = tomllib.loads(text)
    assert (saved["language"], saved["theme"], saved["last_team"]) == ("en", "textual-light", org.team_b.id)
    assert saved["sync_interval_seconds"] == 120
    config = load_config()
    from sk_tui.tui.app import SkApp

    app = SkApp(path, config=config, autosync=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert app.theme == "textual-light"
        assert "Team board" in str(app.screen.query_one("#status-bar").render())
        assert app.screen.team_id == org.team_b.id


def test_the_settings_writer_keeps_other_keys_and_refuses_what_would_not_read_back(tmp_path):
    path = tmp_path / "config.toml"
    path.write_text('language = "id"  # mine\nkeymap = { "board.new" = "ctrl+n" }\n')
    save_settings({"theme": 'a "quoted" name', "language": "en"}, path)
    data = tomllib.loads(path.read_text())
    assert data == {"language": "en", "keymap": {"board.new": "ctrl+n"}, "theme": 'a "quoted" name'}
    save_settings({"theme": None}, path)
    assert "theme" not in tomllib.loads(path.read_text())
    assert not (tmp_path / "config.toml.tmp").exists()


async def test_resize_moves_the_preview_and_card_titles_take_two_lines(workspace):
    path, _org, _ids = workspace
    app = make_app(path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("right")  # "Draf Pergub Pengelolaan Sampah Regional"
        await pilot.pause()
        area = app.screen.query_one("#board-area")
        assert area.has_class("-bottom")
        preview = str(app.screen.query_one("#board-preview").render())
        assert "Draf Pergub Pengelolaan Sampah Regional" in preview and "! terlambat" in preview
        lines = _board_text(app)
        assert "Draf Pergub" in lines and "Pengelolaan" in lines  # wrapped, not cut at 15 cells
        await pilot.resize_terminal(120, 40)
        await pilot.pause()
        await pilot.pause()
        assert area.has_class("-side") and not area.has_class("-bottom")
        preview_widget = app.screen.query_one("#board-preview")
        assert preview_widget.region.x > app.screen.query_one("#board").region.right - 1
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        await pilot.pause()
        assert area.has_class("-bottom")
        assert app.screen.board.current_card()["title"] == "Draf Pergub Pengelolaan Sampah Regional"


async def test_a_target_shared_by_a_column_is_shown_once_in_its_header(workspace):
    path, _org, _ids = workspace
    app = make_app(path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        board = app.screen.board
        lines = [board.render_line(y).text for y in range(board.size.height)]
        assert "◎" in lines[1]  # under the names of the columns whose cards share it
        shared = [c for c, target in enumerate(board.shared_target) if target]
        assert shared
        own_lines = sum(1 for c, column in enumerate(board.columns) if board.shared_target[c] is None
                        for row in column if row.get("target_id"))
        assert sum(line.count("◎") for line in lines[2:]) == own_lines


async def test_a_filter_that_empties_the_cursors_column_moves_to_a_card_it_left(workspace):
    path, _org, _ids = workspace
    app = make_app(path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("o")  # overdue: only "Draf Pergub …" in the second column
        await pilot.pause()
        assert app.screen.board.current_card()["title"] == "Draf Pergub Pengelolaan Sampah Regional"
        assert "Draf Pergub Pengelolaan Sampah Regional" in str(app.screen.query_one("#board-preview").render())


async def test_the_footer_shows_only_keys_described_in_the_ui_language(workspace):
    path, _org, _ids = workspace
    app = make_app(path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("2", "m", "enter")  # the work mode's menu is open
        await pilot.pause()
        await pilot.pause()
        assert "Dismiss" not in _footer(app)
