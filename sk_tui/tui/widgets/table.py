"""A DataTable whose one-line plain cells are drawn without Rich's console.

Textual's DataTable draws every cell through Rich (``Console.render_lines`` of the cell padded
and styled): about a tenth of a millisecond a cell, and a change of day on the daily report
draws every cell of the day's activities anew (the rows are new, so its caches miss), which was
most of that key's frame. A cell that is one line of plain text (a ``Text`` without spans, tabs
or newlines: every cell ``plain()`` makes, and the header labels) in a row one line high is
drawn here into the same segments Rich makes (``tests/tui/test_quick_table.py`` compares them);
anything else goes to DataTable's own path. DataTable also computes its own style (a walk of its
ancestors) for every line it draws and a row's zebra style for every row; both are the same
for the whole of a frame, so they are computed once a frame here. Everything else (API,
caches, cursor, styles) is DataTable's.
"""

from __future__ import annotations

from rich.cells import cell_len, set_cell_size
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual._types import SegmentLines
from textual.geometry import Region
from textual.strip import Strip
from textual.widgets import DataTable

_JUSTIFY_LEFT = (None, "default", "left")


def one_line(cell: object, width: int, padding: int, pre: Style, post: Style) -> list[Segment] | None:
    """The segments Rich renders for ``cell`` padded by ``padding`` in ``width`` cells, one line,
    no wrapping, between ``pre`` and ``post`` styles; None when the cell is not plain one-line
    text (Rich must draw it)."""
    if not isinstance(cell, Text) or cell.spans or cell.justify not in _JUSTIFY_LEFT:
        return None
    text = cell.plain
    if "\n" in text or "\t" in text or width < 2 * padding:
        return None
    inner = width - 2 * padding
    overflow = cell.overflow or "fold"
    if overflow == "ignore":
        return None
    length = cell_len(text)
    if length > inner:
        text = set_cell_size(text, inner - 1) + "…" if overflow == "ellipsis" else set_cell_size(text, inner)
        length = cell_len(text)
    own = cell.style
    if isinstance(own, str):
        if own:
            return None  # a named style: Rich resolves it against the console's theme
        own_style = Style.null()
    else:
        own_style = own
    edge = pre + post
    body = (pre + own_style + post) if own_style else edge
    segments = [Segment(" " * padding, edge)] if padding else []
    segments.append(Segment(text, body))  # Rich's own, even when empty
    if length < inner:
        segments.append(Segment(" " * (inner - length), edge))
    if padding:
        segments.append(Segment(" " * padding, edge))
    return segments


class QuickTable(DataTable):
    """DataTable with one-line plain cells drawn by ``one_line`` (see the module doc)."""

    _frame_style: Style | None = None
    _frame_row_styles: dict[tuple[int, Style], Style] | None = None

    def render_lines(self, crop: Region) -> list[Strip]:
        # The styles of one frame: computed at its first line, forgotten after its last.
        self._frame_style, self._frame_row_styles = None, {}
        try:
            return super().render_lines(crop)
        finally:
            self._frame_style, self._frame_row_styles = None, None

    @property
    def rich_style(self) -> Style:
        if self._frame_row_styles is None:  # outside a frame: as DataTable
            return super().rich_style
        if self._frame_style is None:
            self._frame_style = super().rich_style
        return self._frame_style

    def _get_row_style(self, row_index: int, base_style: Style) -> Style:
        memo = self._frame_row_styles
        if memo is None:
            return super()._get_row_style(row_index, base_style)
        # Rows past the fixed ones differ only by odd and even (the zebra stripes).
        key = (row_index if row_index < max(1, self.fixed_rows) else 2 + row_index % 2, base_style)
        style = memo.get(key)
        if style is None:
            style = memo[key] = super()._get_row_style(row_index, base_style)
        return style

    def _render_cell(self, row_index: int, column_index: int, base_style: Style, width: int,
                     cursor: bool = False, hover: bool = False) -> SegmentLines:
        # DataTable._render_cell (textual 8.2.8) with the cell drawn by one_line when it can be:
        # the same cache, key and styles.
        is_header_cell = row_index == -1
        is_row_label_cell = column_index == -1
        if is_row_label_cell:
            return super()._render_cell(row_index, column_index, base_style, width, cursor, hover)
        row_key = self._header_row_key if is_header_cell else self._row_locations.get_key(row_index)
        column_key = self._column_locations.get_key(column_index)
        if row_key is None or column_key is None:
            return super()._render_cell(row_index, column_index, base_style, width, cursor, hover)
        cell_cache_key = (row_key, column_key, base_style, cursor, hover, self._show_hover_cursor,
                          self._update_count, self._pseudo_class_state)
        cached = self._cell_render_cache.get(cell_cache_key)
        if cached is not None:
            return cached
        height = self.header_height if is_header_cell else self.rows[row_key].height
        if height != 1:
            return super()._render_cell(row_index, column_index, base_style, width, cursor, hover)
        _label, row_cells = self._get_row_renderables(row_index)
        cell = row_cells[column_index]
        is_fixed_style_cell = not is_header_cell and (row_index < self.fixed_rows or column_index < self.fixed_columns)
        component_style, post_style = self._get_styles_to_render_cell(
            is_header_cell, is_row_label_cell, is_fixed_style_cell, hover, cursor, self.show_cursor,
            self._show_hover_cursor, self.cursor_foreground_priority == "css",
            self.cursor_background_priority == "css")
        pre = base_style + Style.from_meta({"row": row_index, "column": column_index}) + component_style
        segments = one_line(cell, width, self.cell_padding, pre, post_style)
        if segments is None:
            return super()._render_cell(row_index, column_index, base_style, width, cursor, hover)
        lines: SegmentLines = [segments]
        self._cell_render_cache[cell_cache_key] = lines
        return lines
