"""The team board: choose a team, move cards between columns, create, edit, assign, filter.

The selected card's preview (title, description, assignees, due date, target) sits beside the
board when the terminal is at least 120 columns wide, below it when it is at least 24 rows
high, and is hidden on smaller terminals.
"""

from __future__ import annotations

from typing import Any

from pydantic import ValidationError
from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.containers import Container
from textual.widgets import Input, Static

from sk_tui.domain.errors import DomainError
from sk_tui.domain.i18n import long_date, t
from sk_tui.domain.models import TASK_COLUMNS, Task, Team
from sk_tui.domain.rules import neighbour_column
from sk_tui.tui.bindings import make
from sk_tui.tui.plain import plain
from sk_tui.tui.screens.base import SkScreen
from sk_tui.tui.widgets.board import Board, BoardData, BoardFilter
from sk_tui.tui.widgets.inputs import TextInput

PREVIEW_SIDE_WIDTH = 120
PREVIEW_BOTTOM_HEIGHT = 24


class BoardScreen(SkScreen):
    TITLE_KEY = "mode.board"
    BINDINGS = [
        make("left,h", "cursor(-1, 0)", "board.left", show=False),
        make("right,l", "cursor(1, 0)", "board.right", show=False),
        make("up,k", "cursor(0, -1)", "board.up", show=False),
        make("down,j", "cursor(0, 1)", "board.down", show=False),
        make("less_than_sign,shift+left", "move(-1)", "board.move_left", key_display="<", group="group.move"),
        make("greater_than_sign,shift+right", "move(1)", "board.move_right", key_display=">", group="group.move"),
        make("enter,e", "open", "board.open", key_display="⏎"),
        make("n", "new", "board.new"),
        make("a", "assign", "board.assign"),
        make("f", "filter_assignee", "board.filter_assignee"),
        make("o", "filter_overdue", "board.filter_overdue"),
        make("slash", "search", "board.search", key_display="/"),
        make("t", "choose_team", "board.team"),
        make("x", "clear_filters", "board.clear", show=False),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.team_id: str | None = None
        self.filter = BoardFilter()
        self._preview_due = False

    def body(self) -> ComposeResult:
        yield Static("", id="board-title", classes="screen-title", markup=False)
        with Container(id="board-area"):
            yield Board(id="board")
            yield Static("", id="board-preview", markup=False)
        yield TextInput(placeholder=t("board.search.placeholder"), id="board-search", classes="-hidden")

    @property
    def board(self) -> Board:
        return self.query_one(Board)

    def after_compose(self) -> None:
        self.board.focus()
        self._place_preview()

    def on_resize(self) -> None:
        self._place_preview()

    def _place_preview(self) -> None:
        """Beside the board from 120 columns, below it from 24 rows, else not shown."""
        width, height = self.app.size
        area = self.query_one("#board-area")
        area.set_class(width >= PREVIEW_SIDE_WIDTH, "-side")
        area.set_class(width < PREVIEW_SIDE_WIDTH and height >= PREVIEW_BOTTOM_HEIGHT, "-bottom")
        area.set_class(width < PREVIEW_SIDE_WIDTH and height < PREVIEW_BOTTOM_HEIGHT, "-nopreview")

    def update_preview(self) -> None:
        card = self.board.current_card()
        preview = self.query_one("#board-preview", Static)
        task = self.store.task(card["id"]) if card else None
        if task is None:
            preview.update(plain(t("board.preview.none")), layout=False)  # its size is the CSS's
            return
        text = Text(no_wrap=False)
        text.append_text(plain(task.title, "bold"))
        text.append("\n")
        text.append_text(plain(task.description or t("board.preview.no_description"), multiline=False))
        names = [e.name for e in self.store.employees(set(task.assignees))]
        text.append("\n")
        text.append_text(plain(t("board.preview.assignees", names=", ".join(names) or "–")))
        if task.due_date:
            overdue = self.board._is_overdue(card) if card else False
            key = "board.preview.overdue" if overdue else "board.preview.due"
            text.append("\n")
            text.append_text(plain(t(key, due=long_date(task.due_date)), "bold" if overdue else ""))
        if task.target_id:
            target = self.store.target_texts({task.target_id}).get(task.target_id, "?")
            text.append("\n")
            text.append_text(plain(t("board.preview.target", target=target)))
        preview.update(text, layout=False)

    def footer_note(self) -> str | None:
        """The active filter, for the footer: "saring: AL, terlambat"."""
        what = self._filter_words(initials=True)
        return t("footer.filter", what=", ".join(what)) if what else None

    def _filter_words(self, *, initials: bool = False) -> list[str]:
        what = []
        if self.filter.assignee:
            person = self.store.employee(self.filter.assignee)
            what.append((person.initials if initials else person.short_name) if person else "?")
        if self.filter.overdue:
            what.append(t("board.filter.overdue"))
        if self.filter.search:
            what.append(f"“{self.filter.search}”")
        return what

    # --- data ----------------------------------------------------------------------------

    def teams(self) -> list[Team]:
        me = self.sk.me
        return self.store.teams_for(me.id) if me else []

    def reload(self, keep_card: str | None = None) -> None:
        teams = self.teams()
        wanted = self.team_id or self.sk.board_team_id
        team = next((x for x in teams if x.id == wanted), teams[0] if teams else None)
        self.team_id = team.id if team else None
        self.sk.board_team_id = self.team_id
        if team is None:
            self.board.load(BoardData(today=self.store.today()))
            self.query_one("#board-title", Static).update(t("board.no_team"))
            return
        rows = self.store.task_rows_for_team(team.id)
        initials = {e.id: e.initials for e, _role in self.store.team_members(team.id)}
        missing = {a for r in rows for a in _ids(r) if a not in initials}
        initials.update({e.id: e.initials for e in self.store.employees(missing)})
        targets = self.store.target_texts({r["target_id"] for r in rows if r.get("target_id")})
        self.board.filter = self.filter
        self.board.load(BoardData(rows=rows, initials=initials, targets=targets, today=self.store.today()),
                        keep_card=keep_card)
        self.update_title()

    def update_title(self) -> None:
        team = self.store.team(self.team_id) if self.team_id else None
        if team is None:
            return
        shown = sum(len(c) for c in self.board.columns)
        parts = [team.name, t("board.cards", n=shown)]
        what = self._filter_words()
        if what:
            parts.append(t("board.filter.label", what=", ".join(what)))
        self.query_one("#board-title", Static).update(plain(" · ".join(parts), ellipsis=True), layout=False)
        self._preview_soon()
        self.refresh_bindings()  # the footer shows the filter

    def apply_filter(self) -> None:
        self.board.set_filter(self.filter)
        self.update_title()

    def current_task(self) -> Task | None:
        card = self.board.current_card()
        return self.store.task(card["id"]) if card else None

    # --- actions -------------------------------------------------------------------------

    def action_cursor(self, columns: int, rows: int) -> None:
        self.board.move_cursor(columns, rows)
        self._preview_soon()

    def _preview_soon(self) -> None:
        """The preview (three small queries, its whole panel redrawn) follows in the frame after
        the board's: a key's own answer, and the board at start, are drawn first."""
        if not self._preview_due:
            self._preview_due = True
            self.call_after_refresh(self._preview_after_frame)

    def _preview_after_frame(self) -> None:
        self._preview_due = False
        if self.is_attached:
            self.update_preview()

    def action_move(self, step: int) -> None:
        """Move the card on the board at once; the store writes it on the writer thread
        (App.write_in_background). A refused write puts the card back and says why; the queue
        count changes only once the write has committed."""
        card = self.board.current_card()
        if card is None:
            return
        try:
            status = neighbour_column(card["status"], step)
        except DomainError as exc:  # at the board's edge
            self.fail(exc)
            return
        ranks = [row["rank"] or 0.0 for row in self.board.data.rows if row["status"] == status.value]
        card_id = card["id"]
        actor_id = self.store.require_me().id
        self.board.card_moved(card_id, status.value, max(ranks, default=0.0) + 1.0)
        self.sk.write_in_background(lambda store: store.move_task(card_id, step, actor_id=actor_id),
                                    lambda result: self._move_written(card_id, result))

    def _move_written(self, card_id: str, result: Task | DomainError | ValidationError) -> None:
        if isinstance(result, (DomainError, ValidationError)):  # refused, or a card whose stored text the rules now refuse
            self.fail(result)
            if self.is_attached:
                self.reload(keep_card=card_id)  # the card goes back where the store has it
            return
        if self.is_attached:
            self.board.card_written(result.id, result.status.value, result.rank, result.version)
            self.update_title()
        self.sk.request_sync()

    def action_open(self) -> None:
        task = self.current_task()
        if task is not None:
            self._open_form(task)

    def action_new(self) -> None:
        if self.team_id:
            self._open_form(None)

    def _open_form(self, task: Task | None) -> None:
        from sk_tui.tui.screens.task_form import TaskForm

        if self.team_id is None:
            return
        status = TASK_COLUMNS[self.board.cursor_col]
        self.push_dialog(TaskForm(self.team_id, task, status), self._form_closed)

    def _form_closed(self, task_id: str | None) -> None:
        if task_id:
            self.reload(keep_card=task_id)
            self.sk.request_sync()

    def action_assign(self) -> None:
        from sk_tui.tui.screens.dialogs import AssignScreen  # not needed for the first frame

        task = self.current_task()
        if task is None:
            return
        people = [(e.id, e.name) for e, _role in self.store.team_members(task.team_id)]

        def done(chosen: list[str] | None) -> None:
            if chosen is None or sorted(chosen) == sorted(task.assignees):
                return
            try:
                self.store.update_task(task.id, actor_id=self.store.require_me().id, assignees=chosen)
            except (DomainError, ValidationError) as exc:  # as in action_move
                self.fail(exc)
                return
            self.reload(keep_card=task.id)
            self.sk.request_sync()

        self.push_dialog(AssignScreen(t("task.assign_title", title=task.title), people, task.assignees), done)

    def action_filter_assignee(self) -> None:
        from sk_tui.tui.screens.dialogs import PickScreen  # not needed for the first frame

        if not self.team_id:
            return
        me = self.store.require_me()
        options = [("", t("board.filter.all")), (me.id, t("board.filter.me"))]
        options += [(e.id, e.name) for e, _role in self.store.team_members(self.team_id) if e.id != me.id]

        def done(value: str | None) -> None:
            if value is None:
                return
            self.filter.assignee = value or None
            self.apply_filter()

        self.push_dialog(PickScreen(t("board.choose_person"), options, self.filter.assignee or ""), done)

    def action_filter_overdue(self) -> None:
        self.filter.overdue = not self.filter.overdue
        self.apply_filter()

    def action_clear_filters(self) -> None:
        self.filter = BoardFilter()
        search = self.query_one("#board-search", Input)
        search.value = ""
        search.add_class("-hidden")
        self.apply_filter()

    def action_search(self) -> None:
        search = self.query_one("#board-search", Input)
        search.remove_class("-hidden")
        search.focus()

    @on(Input.Changed, "#board-search")
    def _search_changed(self, event: Input.Changed) -> None:
        self.filter.search = event.value.strip()
        self.apply_filter()

    @on(Input.Submitted, "#board-search")
    def _search_done(self) -> None:
        search = self.query_one("#board-search", Input)
        if not search.value:
            search.add_class("-hidden")
        self.board.focus()

    def on_key(self, event: events.Key) -> None:
        search = self.query_one("#board-search", Input)
        if event.key == "escape" and search.has_focus:
            event.stop()
            search.value = ""
            search.add_class("-hidden")
            self.board.focus()

    def action_choose_team(self) -> None:
        from sk_tui.tui.screens.dialogs import PickScreen  # not needed for the first frame

        options = [(team.id, team.name) for team in self.teams()]

        def done(value: str | None) -> None:
            if value:
                self.show_team(value)

        self.push_dialog(PickScreen(t("board.choose_team"), options, self.team_id), done)

    def show_team(self, team_id: str) -> None:
        self.team_id = team_id
        self.sk.remember_team(team_id)
        self.filter = BoardFilter()
        self.board.cursor_col, self.board.cursor_row = 0, [0] * len(TASK_COLUMNS)
        self.board.top = [0] * len(TASK_COLUMNS)
        self.query_one("#board-search", Input).value = ""
        self.reload()


def _ids(row: dict[str, Any]) -> list[str]:
    import json

    value = row.get("assignees")
    ids: list[str] = json.loads(value or "[]") if isinstance(value, str) else (value or [])
    return ids
