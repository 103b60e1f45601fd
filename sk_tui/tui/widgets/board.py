"""The team board: five columns drawn line by line (Textual's line API).

One widget draws every column through ``render_line``, so the cost of a frame depends on the
height of the terminal, not on the number of cards (DESIGN.md section 9). Each column keeps its
own scroll offset; the cursor is (column, index in the filtered column).

Cards are plain dicts from ``Store.task_rows_for_team``; no model is built per card.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field

from rich.segment import Segment
from rich.style import Style
from textual.strip import Strip
from textual.widget import Widget

from sk_tui.domain.i18n import short_date, t
from sk_tui.domain.models import TASK_COLUMNS
from sk_tui.tui.plain import fit as _fit

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
    Board > .board--header { text-style: bold; color: $primary; }
    Board > .board--rule { color: $foreground-darken-3; }
    Board > .board--card { }
    Board > .board--cursor { background: $primary 40%; text-style: bold; }
    Board > .board--cursor-dim { background: $primary 15%; }
    Board > .board--meta { color: $text-muted; }
    Board > .board--overdue { color: $error; text-style: bold; }
    Board > .board--target { color: $secondary; }
    Board > .board--empty { color: $text-disabled; }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.data = BoardData()
        self.filter = BoardFilter()
        self.columns: list[list[dict]] = [[] for _ in TASK_COLUMNS]
        self.cursor_col = 0
        self.cursor_row = [0] * len(TASK_COLUMNS)
        self.top = [0] * len(TASK_COLUMNS)

    # --- data ----------------------------------------------------------------------------

    def load(self, data: BoardData, keep_card: str | None = None) -> None:
        """Replace the cards; keep the cursor on ``keep_card`` (or the current card) if present."""
        keep_card = keep_card or (self.current_card() or {}).get("id")
        self.data = data
        self._split()
        if keep_card:
            self.select_card(keep_card)
        self._clamp()
        self.refresh()

    def set_filter(self, board_filter: BoardFilter) -> None:
        keep = (self.current_card() or {}).get("id")
        self.filter = board_filter
        self._split()
        if keep:
            self.select_card(keep)
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
        self.cursor_col = max(0, min(len(TASK_COLUMNS) - 1, self.cursor_col + columns))
        column = self.columns[self.cursor_col]
        self.cursor_row[self.cursor_col] = max(0, min(len(column) - 1, self.cursor_row[self.cursor_col] + rows))
        self._scroll_to_cursor()
        self.refresh()

    def card_moved(self, card_id: str, new_status: str, rank: float) -> None:
        """Apply a move the store made, in place (no reload), and follow the card."""
        for row in self.data.rows:
            if row["id"] == card_id:
                row["status"], row["rank"] = new_status, rank
                self.data.rows.remove(row)
                self.data.rows.append(row)
                break
        self._split()
        self.select_card(card_id)
        self.refresh()

    def on_resize(self) -> None:
        self._clamp()

    def on_focus(self) -> None:
        self.refresh()

    def on_blur(self) -> None:
        self.refresh()

    # --- drawing -------------------------------------------------------------------------

    def _widths(self) -> list[int]:
        total = self.size.width - (len(TASK_COLUMNS) - 1)
        base = max(1, total // len(TASK_COLUMNS))
        widths = [base] * len(TASK_COLUMNS)
        widths[-1] += max(0, total - base * len(TASK_COLUMNS))
        return widths

    def _part(self, name: str) -> Style:
        return self.get_component_rich_style(name, partial=True)

    def _style(self, name: str) -> Style:
        return self.rich_style + self._part(name)

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
            return [Segment("─" * width, style("board--rule"))]
        slot, line = divmod(y - HEADER_HEIGHT, CARD_HEIGHT)
        index = self.top[c] + slot
        if index >= len(column):
            if index == 0 and line == 0 and not column:
                return [Segment(_fit(" " + t("board.empty_col"), width), style("board--empty"))]
            return [Segment(" " * width, self.rich_style)]
        row = column[index]
        selected = c == self.cursor_col and index == self.cursor_row[c]
        base = self.rich_style
        if selected:
            base = style("board--cursor" if self.has_focus else "board--cursor-dim")
        marker = "▌" if selected else " "
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
        segments = [Segment(marker + left, base + self._part("board--meta"))]
        if due_text:
            due_style = self._part("board--overdue" if overdue else "board--meta")
            segments.append(Segment(" " + due_text, base + due_style))
        used = sum(s.cell_length for s in segments)
        if used < width:
            segments.append(Segment(" " * (width - used), base))
        return segments
