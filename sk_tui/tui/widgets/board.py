"""The team board: five columns drawn line by line (Textual's line API).

One widget draws every column through ``render_line``, so the cost of a frame depends on the
height of the terminal, not on the number of cards (DESIGN.md section 9). Each column keeps its
own scroll offset; the cursor is (column, index in the filtered column).

Cards are plain dicts from ``Store.task_rows_for_team``; no model is built per card.

A key press repaints only what it changed: a cursor move refreshes the lines of the card it left
and the card it reached (not the whole board), and each card's lines are kept, drawn, by
(card, version, status, line, width, selected, focus) until the data, the theme or the size
changes; the component styles are looked up once per theme, not once per line.

A card is three lines. When every card of a column links the same target (or none does), the
target is shown once under the column's name and the card's title gets two lines; otherwise a
card shows its title on one line and its own target on the third.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field

from rich.segment import Segment
from rich.style import Style
from textual.geometry import Region
from textual.strip import Strip
from textual.widget import Widget

from sk_tui.domain.i18n import short_date, t
from sk_tui.domain.models import TASK_COLUMNS
from sk_tui.tui.plain import fit as _fit
from sk_tui.tui.plain import shown

CARD_HEIGHT = 3
HEADER_HEIGHT = 2


@dataclass
class BoardFilter:
    assignee: str | None = None
    overdue: bool = False
    search: str = ""

    def active(self) -> bool:
        return bool(self.assignee or self.overdue or self.search)


@dataclass
class BoardData:
    """What the board draws: cards by column plus the names it needs to label them."""

    rows: list[dict] = field(default_factory=list)
    initials: dict[str, str] = field(default_factory=dict)
    targets: dict[str, str] = field(default_factory=dict)
    today: dt.date = dt.date(2000, 1, 1)


def _assignees(row: dict) -> list[str]:
    value = row.get("assignees")
    if isinstance(value, str):
        row["assignees"] = value = json.loads(value or "[]")
    return value or []


def _wrap2(text: str, width: int) -> tuple[str, str]:
    """``text`` on two lines of ``width`` cells, cut at a space when one is near; the second
    line ends in "…" when the text is longer still."""
    from rich.cells import cell_len

    text = shown(text)
    if width <= 0:
        return "", ""
    if cell_len(text) <= width:
        return _fit(text, width), " " * width
    # The longest prefix that fits, then back to its last space if that keeps half the line.
    used, end = 0, 0
    for end, char in enumerate(text):  # noqa: B007 - ``end`` is the cut point after the loop
        if used + cell_len(char) > width:
            break
        used += cell_len(char)
    space = text.rfind(" ", 0, end + 1)
    if space > 0 and cell_len(text[:space]) >= width // 3:
        end = space
    return _fit(text[:end].rstrip(), width), _fit(text[end:].lstrip(), width)


def _short_target(text: str) -> str:
    """RHK texts mostly open with a nominalised verb ("Tersusunnya rancangan ..."); on a narrow
    card the object says more, so the first word goes when it ends in -nya."""
    first, _, rest = text.partition(" ")
    return rest if rest and first.lower().endswith("nya") else text


class Board(Widget, can_focus=True):
    """Five columns of cards; arrows move the cursor, the screen's bindings act on the card."""

    COMPONENT_CLASSES = {
        "board--header",
        "board--rule",
        "board--card",
        "board--cursor",
        "board--cursor-dim",
        "board--meta",
        "board--overdue",
        "board--target",
        "board--empty",
    }

    DEFAULT_CSS = """
    Board { height: 1fr; width: 1fr; }
    Board > .board--header { text-style: bold; color: $text-primary; }
    Board > .board--rule { color: $foreground-darken-3; }
    Board > .board--card { }
    Board > .board--cursor { background: $primary-darken-2; color: #ffffff; text-style: bold; }
    Board > .board--cursor-dim { background: $boost; }
    Board > .board--meta { color: $foreground-darken-1; }
    Board > .board--overdue { color: $text-error; text-style: bold; }
    Board > .board--target { color: $foreground-darken-1; text-style: italic; }
    Board > .board--empty { color: $foreground-darken-1; text-style: italic; }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.data = BoardData()
        self.filter = BoardFilter()
        self.columns: list[list[dict]] = [[] for _ in TASK_COLUMNS]
        self.cursor_col = 0
        self.cursor_row = [0] * len(TASK_COLUMNS)
        self.top = [0] * len(TASK_COLUMNS)
        # Per column: the one target text all its cards share ("" when none has one), or None.
        # Texts, not ids: each member's RHK is a record of its own, often with the same words.
        self.shared_target: list[str | None] = ["" for _ in TASK_COLUMNS]
        self._styles: dict[str, Style] = {}  # component styles, full and partial, for this theme
        self._lines: dict[tuple, list[Segment]] = {}  # a card's drawn lines (see the module doc)

    def _forget(self) -> None:
        """Drop what was drawn: the data, the theme or the size changed."""
        self._lines.clear()

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._styles.clear()
        self._lines.clear()

    # --- data ----------------------------------------------------------------------------

    def load(self, data: BoardData, keep_card: str | None = None) -> None:
        """Replace the cards; keep the cursor on ``keep_card`` (or the current card) if present."""
        keep_card = keep_card or (self.current_card() or {}).get("id")
        old, self.data = self.data, data
        if (old.initials, old.targets, old.today) != (data.initials, data.targets, data.today):
            self._forget()  # a card's lines are keyed by its version; these are drawn into them too
        self._split()
        if keep_card:
            self.select_card(keep_card)
        self._clamp()
        self.refresh()

    def set_filter(self, board_filter: BoardFilter) -> None:
        keep = (self.current_card() or {}).get("id")
        self.filter = board_filter
        self._forget()
        self._split()
        if not (keep and self.select_card(keep)) and not self.columns[self.cursor_col]:
            # The filter emptied this column: show the first card it left, not "no card".
            self.cursor_col = next((c for c, column in enumerate(self.columns) if column), self.cursor_col)
        self._clamp()
        self.refresh()

    def _matches(self, row: dict) -> bool:
        f = self.filter
        if f.assignee and f.assignee not in _assignees(row):
            return False
        if f.overdue and not self._is_overdue(row):
            return False
        return not f.search or f.search.lower() in row["title"].lower()

    def _split(self) -> None:
        index = {status.value: i for i, status in enumerate(TASK_COLUMNS)}
        columns: list[list[dict]] = [[] for _ in TASK_COLUMNS]
        check = self.filter.active()
        for row in self.data.rows:
            if check and not self._matches(row):
                continue
            columns[index.get(row["status"], 0)].append(row)
        self.columns = columns
        self.shared_target = []
        for column in columns:
            targets = {self.data.targets.get(row.get("target_id") or "", "") for row in column}
            self.shared_target.append(None if len(targets) > 1 else (targets.pop() if targets else ""))

    def _is_overdue(self, row: dict) -> bool:
        due = row.get("due_date")
        if not due:
            return False
        return row["status"] != "done" and due < self.data.today.isoformat()

    # --- cursor --------------------------------------------------------------------------

    def current_card(self) -> dict | None:
        column = self.columns[self.cursor_col]
        row = self.cursor_row[self.cursor_col]
        return column[row] if 0 <= row < len(column) else None

    def select_card(self, card_id: str) -> bool:
        for c, column in enumerate(self.columns):
            for r, row in enumerate(column):
                if row["id"] == card_id:
                    self.cursor_col, self.cursor_row[c] = c, r
                    self._scroll_to_cursor()
                    return True
        return False

    def _slots(self) -> int:
        return max(1, (self.size.height - HEADER_HEIGHT) // CARD_HEIGHT)

    def _clamp(self) -> None:
        for c, column in enumerate(self.columns):
            self.cursor_row[c] = max(0, min(self.cursor_row[c], len(column) - 1))
        self._scroll_to_cursor()

    def _scroll_to_cursor(self) -> None:
        c = self.cursor_col
        slots = self._slots()
        row = self.cursor_row[c]
        if row < self.top[c]:
            self.top[c] = row
        elif row >= self.top[c] + slots:
            self.top[c] = row - slots + 1
        self.top[c] = max(0, min(self.top[c], max(0, len(self.columns[c]) - slots)))

    def move_cursor(self, columns: int = 0, rows: int = 0) -> None:
        before = self._cursor_region()
        tops = list(self.top)
        self.cursor_col = max(0, min(len(TASK_COLUMNS) - 1, self.cursor_col + columns))
        column = self.columns[self.cursor_col]
        self.cursor_row[self.cursor_col] = max(0, min(len(column) - 1, self.cursor_row[self.cursor_col] + rows))
        self._scroll_to_cursor()
        if tops != self.top:  # the column scrolled: every line of it moved
            self.refresh()
        else:  # only the card left and the card reached change
            self.refresh(*(r for r in (before, self._cursor_region()) if r is not None))

    def _cursor_region(self) -> Region | None:
        """The lines of the card under the cursor (whole board width), None when there is none."""
        c = self.cursor_col
        slot = self.cursor_row[c] - self.top[c]
        if not self.columns[c] or slot < 0 or slot >= self._slots():
            return None
        return Region(0, HEADER_HEIGHT + slot * CARD_HEIGHT, self.size.width, CARD_HEIGHT)

    def card_moved(self, card_id: str, new_status: str, rank: float) -> None:
        """Apply a move (shown before the store has it, or as the store made it), in place
        (no reload), and follow the card; only the two columns it joins are redrawn."""
        index = {status.value: i for i, status in enumerate(TASK_COLUMNS)}
        changed = {self.cursor_col, index.get(new_status, 0)}
        tops = list(self.top)
        for row in self.data.rows:
            if row["id"] == card_id:
                changed.add(index.get(row["status"], 0))
                row["status"], row["rank"] = new_status, rank
                self.data.rows.remove(row)
                self.data.rows.append(row)
                break
        shared = list(self.shared_target)
        self._split()
        self.select_card(card_id)
        changed |= {c for c in range(len(TASK_COLUMNS)) if tops[c] != self.top[c] or shared[c] != self.shared_target[c]}
        self.refresh(*(self._column_region(c) for c in sorted(changed)))

    def _column_region(self, c: int) -> Region:
        widths = self._widths()
        return Region(sum(widths[:c]) + c, 0, widths[c], self.size.height)

    def card_written(self, card_id: str, status: str, rank: float, version: int) -> None:
        """The store wrote a move shown before (``card_moved``): take its rank and version;
        redraw only if the store put the card elsewhere than shown."""
        row = next((r for r in self.data.rows if r["id"] == card_id), None)
        if row is None:
            return
        row["version"] = version
        if (row["status"], row["rank"]) != (status, rank):
            self.card_moved(card_id, status, rank)

    def on_resize(self) -> None:
        self._forget()
        self._clamp()

    def on_focus(self) -> None:
        self._refresh_cursor()

    def on_blur(self) -> None:
        self._refresh_cursor()

    def _refresh_cursor(self) -> None:
        """Focus changes only how the card under the cursor is drawn."""
        region = self._cursor_region()
        if region is None:
            self.refresh()
        else:
            self.refresh(region)

    # --- drawing -------------------------------------------------------------------------

    def _widths(self) -> list[int]:
        total = self.size.width - (len(TASK_COLUMNS) - 1)
        base = max(1, total // len(TASK_COLUMNS))
        widths = [base] * len(TASK_COLUMNS)
        widths[-1] += max(0, total - base * len(TASK_COLUMNS))
        return widths

    def _part(self, name: str) -> Style:
        style = self._styles.get(name)
        if style is None:
            style = self._styles[name] = self.get_component_rich_style(name, partial=True)
        return style

    def _style(self, name: str) -> Style:
        key = "+" + name
        style = self._styles.get(key)
        if style is None:
            style = self._styles[key] = self._base() + self._part(name)
        return style

    def _base(self) -> Style:
        style = self._styles.get("")
        if style is None:
            style = self._styles[""] = self.rich_style
        return style

    def render_line(self, y: int) -> Strip:
        widths = self._widths()
        rule = self._style("board--rule")
        segments: list[Segment] = []
        for c, width in enumerate(widths):
            if c:
                segments.append(Segment("│", rule))
            segments.extend(self._column_line(c, y, width))
        return Strip(segments, self.size.width)

    def _column_line(self, c: int, y: int, width: int) -> list[Segment]:
        style = self._style
        column = self.columns[c]
        if y == 0:
            count = f" {len(column)}"
            label = _fit(" " + t("col." + TASK_COLUMNS[c].value), max(0, width - len(count))).rstrip()
            return [Segment(_fit(label + count, width), style("board--header"))]
        if y == 1:
            shared = self.shared_target[c] if c < len(self.shared_target) else None
            if shared:
                target = _short_target(shared)
                return [Segment(_fit(" ◎ " + target, width), style("board--target"))]
            return [Segment("─" * width, style("board--rule"))]
        slot, line = divmod(y - HEADER_HEIGHT, CARD_HEIGHT)
        index = self.top[c] + slot
        if index >= len(column):
            if index == 0 and line == 0 and not column:
                return [Segment(_fit(" " + t("board.empty_col"), width), style("board--empty"))]
            return [Segment(" " * width, self._base())]
        row = column[index]
        selected = c == self.cursor_col and index == self.cursor_row[c]
        focus = self.has_focus
        key = (row["id"], row.get("version"), row["status"], line, width, selected, focus,
               c < len(self.shared_target) and self.shared_target[c] is not None)
        segments = self._lines.get(key)
        if segments is None:
            if len(self._lines) > 4096:  # a long session of scrolling: start again
                self._lines.clear()
            segments = self._lines[key] = self._card_line(c, row, line, width, selected, focus)
        return segments

    def _card_line(self, c: int, row: dict, line: int, width: int, selected: bool, focus: bool) -> list[Segment]:
        style = self._style
        base = self._base()
        if selected:
            base = style("board--cursor" if focus else "board--cursor-dim")
        marker = "▌" if selected else " "
        if c < len(self.shared_target) and self.shared_target[c] is not None:
            # The target (if any) is in the column's header: the title gets two lines.
            if line == 2:
                return self._meta_line(row, width, base, marker)
            title = _wrap2(row["title"], width - 1)[line]
            return [Segment(marker + title, base + self._part("board--card"))]
        if line == 0:
            return [Segment(marker + _fit(row["title"], width - 1), base + self._part("board--card"))]
        if line == 1:
            return self._meta_line(row, width, base, marker)
        target = _short_target(self.data.targets.get(row.get("target_id") or "", ""))
        text = ("◎ " + target) if target else ""
        return [Segment(marker + _fit(text, width - 1), base + self._part("board--target"))]

    def _meta_line(self, row: dict, width: int, base: Style, marker: str) -> list[Segment]:
        people = " ".join(self.data.initials.get(e, "?") for e in _assignees(row)[:3])
        due_text = ""
        overdue = False
        if row.get("due_date"):
            due_text = short_date(dt.date.fromisoformat(row["due_date"]))
            overdue = self._is_overdue(row)
            if overdue:
                due_text = "!" + due_text
        room = width - 1 - len(due_text) - (1 if due_text else 0)
        left = _fit(people, max(0, room))
        selected = marker != " "
        # On the cursor the theme's cursor colours stand; "!" and bold still say overdue.
        meta = Style(bold=False) if selected else self._part("board--meta")
        segments = [Segment(marker + left, base + meta)]
        if due_text:
            due_style = (Style(bold=True) if overdue else meta) if selected else self._part(
                "board--overdue" if overdue else "board--meta")
            segments.append(Segment(" " + due_text, base + due_style))
        used = sum(s.cell_length for s in segments)
        if used < width:
            segments.append(Segment(" " * (width - used), base))
        return segments
