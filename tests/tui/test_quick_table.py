"""The daily report's table draws one-line plain cells itself (sk_tui/tui/widgets/table.py):
every cell must come out as the same segments DataTable draws through Rich, whatever the text
(wide characters, cut with "…" or not, empty, escaped control characters), on the cursor row or
not, in the header, in both themes' styles."""

from __future__ import annotations

from rich.style import Style
from rich.text import Text
from textual.app import App, ComposeResult
from textual.widgets import DataTable

from sk_tui.tui.plain import plain
from sk_tui.tui.widgets.table import QuickTable, one_line

TEXTS = ["", "a", "Rapat koordinasi tim hukum tentang rancangan peraturan", "会议会议会议会议x", "x会",
         "Rapat 📄 tim", "judul\x1b[2J", "  spasi  ", "[b]bukan markup[/b]", "é" * 40, "1✓", "12↩"]


class _Tables(App[None]):
    def compose(self) -> ComposeResult:
        yield QuickTable(id="quick", cursor_type="row", zebra_stripes=True)


def _cells() -> list[list[object]]:
    rows = []
    for i, text in enumerate(TEXTS):
        rows.append([f"{i}✓", plain(text, ellipsis=True), str(i * 7), plain(text), Text(text), plain(text, "bold")])
    return rows


async def test_quick_cells_are_the_segments_datatable_draws():
    app = _Tables()
    async with app.run_test(size=(100, 30)) as pilot:
        table = app.query_one(QuickTable)
        for key, width in (("no", 4), ("desc", 18), ("min", 3), ("b", 9), ("c", 1), ("d", 12)):
            table.add_column(plain(key.upper()), key=key, width=width)
        for row in _cells():
            table.add_row(*row)
        await pilot.pause()
        compared = 0
        for row in range(-1, table.row_count):
            for column in range(len(table.columns)):
                for cursor in (False, True):
                    for base in (table.rich_style, table.rich_style + table.get_component_rich_style("datatable--even-row")):
                        width = table.ordered_columns[column].get_render_width(table)
                        table._cell_render_cache.clear()
                        quick = table._render_cell(row, column, base, width, cursor)
                        table._cell_render_cache.clear()
                        rich = DataTable._render_cell(table, row, column, base, width, cursor)
                        assert quick == rich, (row, column, cursor)
                        compared += 1
        assert compared == (len(TEXTS) + 1) * 6 * 4
        assert one_line(plain("Rapat"), 8, 1, Style(), Style()) is not None  # the quick path was taken


class _Both(App[None]):
    CSS = "DataTable { height: 12; width: 60; }"

    def compose(self) -> ComposeResult:
        yield QuickTable(id="quick", cursor_type="row", zebra_stripes=True)
        yield DataTable(id="rich", cursor_type="row", zebra_stripes=True)


async def test_a_quick_table_draws_every_line_as_datatable_does():
    app = _Both()
    async with app.run_test(size=(80, 30)) as pilot:
        tables = [app.query_one("#quick"), app.query_one("#rich")]
        for table in tables:
            for key, width in (("no", 4), ("desc", 24), ("min", 4), ("d", 14)):
                table.add_column(plain(key.upper()), key=key, width=width)
            for i, text in enumerate(TEXTS[:8]):
                table.add_row(f"{i}", plain(text, ellipsis=True), str(i), plain(text, "bold"), key=str(i))
            table.move_cursor(row=2)
        app.set_focus(None)  # both drawn as unfocused (focus changes the cursor's style)
        await pilot.pause()
        quick, rich = ([list(strip) for strip in table.render_lines(table.region.reset_offset)] for table in tables)
        assert len(quick) == 12 and quick == rich
