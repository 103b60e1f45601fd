"""The Eselon II leader's view across every team (Teams of Teams), read-only for a lead's own
teams: scope, lead, members (other units marked), open and overdue cards, this month's report
submission and verification, people on several teams, and DWA: applications waiting for a
decision and the unit's output per working day by work mode, so a leader sees whether output
away from the office fell. Enter opens the selected team's board."""

from __future__ import annotations

import datetime as dt

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import DataTable, Label, Static

from sk_tui.domain import dwa, kinerja
from sk_tui.domain.i18n import number, percent, t
from sk_tui.domain.models import DwaArrangement, DwaStatus, Team
from sk_tui.domain.text import bar
from sk_tui.tui.bindings import make
from sk_tui.tui.plain import plain
from sk_tui.tui.screens.base import SkScreen
from sk_tui.tui.screens.dialogs import NoteScreen


def _short(team_name: str) -> str:
    """A team's name in a crowded cell: without the leading "Tim", at most 18 cells."""
    name = team_name.removeprefix("Tim ").strip()
    return name if len(name) <= 18 else name[:17] + "…"


class TeamsScreen(SkScreen):
    TITLE_KEY = "mode.teams"
    BINDINGS = [
        make("enter", "open_board", "teams.open"),
        make("g", "open('targets')", "teams.open_targets"),
        make("r", "open('review')", "teams.open_review"),
        make("y", "approve_dwa", "teams.dwa_approve"),
        make("x", "refuse_dwa", "teams.dwa_refuse"),
        make("down,j", "cursor(1)", "scroll.down", show=False),
        make("up,k", "cursor(-1)", "scroll.up", show=False),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.team_ids: list[str] = []
        self.pending: list[DwaArrangement] = []

    def body(self) -> ComposeResult:
        yield Static("", id="teams-title", classes="screen-title", markup=False)
        with VerticalScroll(id="teams-body"):
            yield DataTable(id="teams-table", cursor_type="row", zebra_stripes=True)
            yield Label(t("teams.load"), classes="section-title", markup=False)
            yield DataTable(id="teams-load", cursor_type="row")
            yield Label(t("teams.dwa_pending"), classes="section-title", markup=False)
            yield DataTable(id="teams-dwa", cursor_type="row")
            yield Label("", id="teams-output-title", classes="section-title", markup=False)
            yield Static("", id="teams-output", markup=False)

    def after_compose(self) -> None:
        table = self.query_one("#teams-table", DataTable)
        widths = {"teams.col.team": 30, "teams.col.lead": 16}
        for key in ("teams.col.team", "teams.col.scope", "teams.col.lead", "teams.col.members",
                    "teams.col.open", "teams.col.overdue", "teams.col.progress", "teams.col.submitted",
                    "teams.col.verified", "teams.col.late_reviews"):
            table.add_column(t(key), key=key, width=widths.get(key))
        load = self.query_one("#teams-load", DataTable)
        for key in ("teams.col.person", "teams.col.teams", "teams.col.minutes", "teams.col.tasks"):
            load.add_column(t(key), key=key)
        pending = self.query_one("#teams-dwa", DataTable)
        for key in ("teams.col.person", "teams.col.pattern", "teams.col.period", "teams.col.targets"):
            pending.add_column(t(key), key=key)
        table.focus()

    def visible_teams(self) -> list[Team]:
        me = self.sk.me
        if me is None:
            return []
        led = set(self.store.led_team_ids(me.id))
        return [team for team in self.store.teams_for(me.id) if team.id in led]

    def reload(self) -> None:
        me = self.sk.me
        if me is None:
            return
        today = self.store.today(me)
        first, last = kinerja.month_bounds(today)
        teams = self.visible_teams()
        self.team_ids = [team.id for team in teams]
        self.query_one("#teams-title", Static).update(
            t("teams.heading", n=len(teams), month=today.strftime("%Y-%m")))
        table = self.query_one("#teams-table", DataTable)
        selected = self._selected("#teams-table")  # kept across a reload (coming back to the view)
        table.clear()
        for row in self.store.team_overview(self.team_ids, first, last, today):
            team: Team = row["team"]
            name = plain(team.name, ellipsis=True)
            if team.closed:
                name = Text.assemble(name, " ", (t("teams.closed"), "italic"))
            members = str(row["members"]) + (f" ({t('teams.other_unit', n=row['other_unit'])})"
                                              if row["other_unit"] else "")
            verified = percent(row["decided"] / row["reports"]) if row["reports"] else "–"
            submitted = percent(min(1.0, row["reports"] / row["expected"])) if row["expected"] else "–"
            progress = percent(row["progress"]) if row["progress"] is not None else "–"
            late = row["overdue_reviews"]
            lead = (row["lead"] or "–").split(",")[0]  # the name without academic titles
            table.add_row(name, t(f"cmd.team.scope.{team.scope.value}"), plain(lead, ellipsis=True), members,
                          number(row["open_tasks"]), ("! " + number(row["overdue_tasks"])) if row["overdue_tasks"]
                          else "0", progress, submitted, verified, ("! " + number(late)) if late else "0",
                          key=team.id)
        if selected in self.team_ids:
            table.move_cursor(row=self.team_ids.index(selected))
        self._show_load(first, last)
        self._show_dwa(me.id, first, last)

    def _show_load(self, first: dt.date, last: dt.date) -> None:
        """People on more than one of these teams: minutes and open cards by team."""
        load = self.query_one("#teams-load", DataTable)
        load.clear()
        for person, name, teams in self.store.load_across_teams(self.team_ids, first, last):
            load.add_row(plain(name, ellipsis=True), str(len(teams)),
                         " · ".join(f"{_short(team)} {number(minutes)}" for team, minutes, _n in teams),
                         " · ".join(f"{_short(team)} {n}" for team, _m, n in teams), key=person)

    def _show_dwa(self, me_id: str, first: dt.date, last: dt.date) -> None:
        pending = self.query_one("#teams-dwa", DataTable)
        pending.clear()
        self.pending = [a for a in self.store.dwa_arrangements()
                        if a.status == DwaStatus.APPLIED and a.employee_id != me_id]
        people = {e.id: e for e in self.store.employees({a.employee_id for a in self.pending})}
        for a in self.pending:
            who = people.get(a.employee_id)
            period = a.valid_from.isoformat() + " – " + (a.valid_to.isoformat() if a.valid_to else "…")
            pending.add_row(plain(who.short_name if who else "?", ellipsis=True), a.pattern, period,
                            plain(a.targets or "–", ellipsis=True), key=a.id)
        me = self.sk.me
        unit_people = sorted(self.store.unit_people(me.unit_id)) if me else []
        output = dwa.output_by_mode([(r[0], r[2], r[3], r[4], r[5])
                                     for r in self.store.dwa_output_rows(unit_people, first, last)])
        self.query_one("#teams-output-title", Label).update(t("teams.output", month=first.strftime("%Y-%m")))
        if not output:
            self.query_one("#teams-output", Static).update(t("teams.output_none"))
            return
        top = max(m.minutes_per_day for m in output)
        lines = [f"{m.mode:<4} {bar(m.minutes_per_day, top, 20):<20} "
                 + t("teams.output_line", minutes=number(float(m.minutes_per_day), 0),
                     volume=number(float(m.volume_per_day), 2), days=m.days)
                 for m in output]
        self.query_one("#teams-output", Static).update("\n".join(lines))

    # --- actions -------------------------------------------------------------------------

    def action_cursor(self, step: int) -> None:
        focused = self.focused
        if isinstance(focused, DataTable):
            focused.move_cursor(row=focused.cursor_row + step)

    def _selected(self, table_id: str) -> str | None:
        table = self.query_one(table_id, DataTable)
        if table.row_count == 0:
            return None
        return str(table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value)

    @on(DataTable.RowSelected, "#teams-table")
    async def _row_selected(self, _event: DataTable.RowSelected) -> None:
        await self.action_open_board()  # the table takes Enter before the screen's binding

    async def action_open_board(self) -> None:
        await self.action_open("board")

    async def action_open(self, mode: str) -> None:
        """The selected team's board, targets or review queue."""
        team_id = self._selected("#teams-table")
        if team_id is None:
            return
        if mode == "board":
            await self.sk.show_team_board(team_id)
            return
        self.sk.board_team_id = team_id
        await self.sk.action_mode(mode)
        from sk_tui.tui.screens.targets import TargetsScreen

        screen = self.sk.screen
        if isinstance(screen, TargetsScreen):
            screen.team_view, screen.team_id = True, team_id  # the team's targets, not mine
            screen.reload()

    def _decide(self, approve: bool, note: str = "") -> None:
        dwa_id = self._selected("#teams-dwa")
        me = self.sk.me
        if dwa_id is None or me is None:
            self.app.notify(t("teams.dwa_none_selected"), severity="warning")
            return
        from sk_tui.domain.errors import DomainError

        try:
            decided = self.store.decide_dwa(dwa_id, approve, actor_id=me.id, note=note)
        except DomainError as exc:
            self.fail(exc)
            return
        self.app.notify(t("teams.dwa_approved" if approve else "teams.dwa_refused", pattern=decided.pattern))
        self.reload()

    def action_approve_dwa(self) -> None:
        self._decide(True)

    def action_refuse_dwa(self) -> None:
        if self._selected("#teams-dwa") is None:
            self.app.notify(t("teams.dwa_none_selected"), severity="warning")
            return

        def done(note: str | None) -> None:
            if note:
                self._decide(False, note)

        self.app.push_screen(NoteScreen(t("teams.dwa_refuse_note")), done)
