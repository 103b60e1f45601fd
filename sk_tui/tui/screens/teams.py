"""The Eselon II leader's view across every team (Teams of Teams), read-only for a lead's own
teams: scope, lead, members (other units marked), open and overdue cards, this month's report
submission and verification, people on several teams, and DWA: applications waiting for a
decision and the unit's output per working day by work mode, so a leader sees whether output
away from the office fell. Enter opens the selected team's board."""

from __future__ import annotations

import datetime as dt

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import DataTable, Label, Static

from sk_tui.domain import kinerja
from sk_tui.domain.dwa import ModeOutput
from sk_tui.domain.i18n import number, percent, t
from sk_tui.domain.models import DwaArrangement, DwaStatus, Team
from sk_tui.domain.text import bar
from sk_tui.tui.bindings import make
from sk_tui.tui.plain import plain
from sk_tui.tui.screens.base import SkScreen
from sk_tui.tui.screens.dialogs import NoteScreen


def _short(team_name: str, cells: int = 18) -> str:
    """A team's name in a crowded cell: without the leading "Tim", at most ``cells`` cells."""
    name = team_name.removeprefix("Tim ").strip()
    return name if len(name) <= cells else name[:cells - 1] + "…"


NARROW = 120  # below this many columns the tables drop columns (a detail line shows them)
# (catalogue key, width or None, shown when narrow) of the teams table, by priority
TEAM_COLUMNS = (("teams.col.team", 30, 24), ("teams.col.scope", None, 0), ("teams.col.lead", 16, 0),
                ("teams.col.members", None, 0), ("teams.col.open", None, 5), ("teams.col.overdue", None, 5),
                ("teams.col.progress", None, 6), ("teams.col.submitted", None, 6),
                ("teams.col.verified", None, 6), ("teams.col.late_reviews", None, 7))
SHORT_LABELS = {"teams.col.late_reviews", "teams.col.verified"}  # a "<key>_short" label in the catalogue when narrow


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
            yield Static("", id="teams-detail", classes="muted", markup=False)
            yield Label(t("teams.load"), classes="section-title", markup=False)
            yield DataTable(id="teams-load", cursor_type="row")
            yield Label(t("teams.dwa_pending"), classes="section-title", markup=False)
            yield DataTable(id="teams-dwa", cursor_type="row")
            yield Label("", id="teams-output-title", classes="section-title", markup=False)
            yield Static("", id="teams-output", markup=False)

    @property
    def narrow(self) -> bool:
        return self.app.size.width < NARROW

    def after_compose(self) -> None:
        self._columns(self.narrow)
        self.query_one("#teams-table", DataTable).focus()

    def _columns(self, narrow: bool) -> None:
        """The tables' columns for this width: at 80 columns the teams table keeps the figures
        and a short name (scope, lead and members go to the detail line under it), the load
        table joins minutes and cards by team in one column."""
        self._narrow = narrow
        self._shown: tuple | None = None  # new columns: the rows must be filled again
        self.rows: dict[str, dict] = {}
        table = self.query_one("#teams-table", DataTable)
        table.clear(columns=True)
        for key, wide, small in TEAM_COLUMNS:
            if narrow and not small:
                continue
            label = t(key + "_short") if narrow and key in SHORT_LABELS else t(key)
            table.add_column(label, key=key, width=small if narrow else wide)
        load = self.query_one("#teams-load", DataTable)
        load.clear(columns=True)
        keys = (("teams.col.person", 18), ("teams.col.teams", None), ("teams.col.load_both", 48)) if narrow else (
            ("teams.col.person", None), ("teams.col.teams", None), ("teams.col.minutes", None),
            ("teams.col.tasks", None))
        for key, width in keys:
            load.add_column(t(key), key=key, width=width)
        pending = self.query_one("#teams-dwa", DataTable)
        pending.clear(columns=True)
        for key, width in (("teams.col.person", 18 if narrow else None), ("teams.col.pattern", None),
                           ("teams.col.period", None), ("teams.col.targets", 20 if narrow else None)):
            pending.add_column(t(key), key=key, width=width)
        self.query_one("#teams-detail", Static).display = narrow

    def on_resize(self) -> None:
        if getattr(self, "_narrow", None) is not None and self.narrow != self._narrow:
            self._columns(self.narrow)
            self.reload()

    def visible_teams(self) -> list[Team]:
        me = self.sk.me
        if me is None:
            return []
        led = set(self.store.led_team_ids(me.id))
        return [team for team in self.store.teams_for(me.id) if team.id in led]

    def reload(self) -> None:
        """The teams table at once (monthly aggregates: a few milliseconds on 1.1M activities);
        the sections below the fold, people on several teams and output by work mode, from a
        worker on its own connection."""
        me = self.sk.me
        if me is None:
            return
        today = self.store.today(me)
        first, last = kinerja.month_bounds(today)
        # coming back with nothing written since (by this connection or any other): the rows
        # shown are still right, and rebuilding 69 rows costs more than the rest of the frame
        shown = (me.id, today, *self.store.data_mark())
        if shown == self._shown:
            return
        teams = self.visible_teams()
        self.team_ids = [team.id for team in teams]
        self.query_one("#teams-title", Static).update(
            t("teams.heading", n=len(teams), month=today.strftime("%Y-%m")))
        table = self.query_one("#teams-table", DataTable)
        selected = self._selected("#teams-table")  # kept across a reload (coming back to the view)
        table.clear()
        self.rows = {}
        for row in self.store.team_overview(self.team_ids, first, last, today):
            team: Team = row["team"]
            self.rows[team.id] = row
            name = plain(_short(team.name, 23) if self._narrow else team.name, ellipsis=True)
            if team.closed:
                name = Text.assemble(name, " ", (t("teams.closed"), "italic"))
            cells = self._cells(row)
            late = row["overdue_reviews"]
            figures = [number(row["open_tasks"]), ("! " + number(row["overdue_tasks"])) if row["overdue_tasks"]
                       else "0", cells["progress"], cells["submitted"], cells["verified"],
                       ("! " + number(late)) if late else "0"]
            if self._narrow:
                table.add_row(name, *figures, key=team.id)
            else:
                table.add_row(name, cells["scope"], plain(cells["lead"], ellipsis=True), cells["members"],
                              *figures, key=team.id)
        if selected in self.team_ids:
            table.move_cursor(row=self.team_ids.index(selected))
        self._show_detail()
        self._show_pending(me.id)
        for table_id in ("#teams-load",):
            self.query_one(table_id, DataTable).clear()
        self.query_one("#teams-output-title", Label).update(t("teams.output", month=first.strftime("%Y-%m")))
        self.query_one("#teams-output", Static).update(t("teams.loading"))
        # after the first frame: the worker's Python would take turns with it for the GIL
        self.call_after_refresh(self._load_below, list(self.team_ids), me.unit_id, first, last, shown)

    def _cells(self, row: dict) -> dict[str, str]:
        team: Team = row["team"]
        return {
            "scope": t(f"cmd.team.scope.{team.scope.value}"),
            "lead": (row["lead"] or "–").split(",")[0],  # the name without academic titles
            "members": str(row["members"]) + (f" ({t('teams.other_unit', n=row['other_unit'])})"
                                              if row["other_unit"] else ""),
            "verified": percent(row["decided"] / row["reports"]) if row["reports"] else "–",
            "submitted": percent(min(1.0, row["reports"] / row["expected"])) if row["expected"] else "–",
            "progress": percent(row["progress"]) if row["progress"] is not None else "–",
        }

    @on(DataTable.RowHighlighted, "#teams-table")
    def _highlighted(self, _event: DataTable.RowHighlighted) -> None:
        self._show_detail()

    def _show_detail(self) -> None:
        """At 80 columns: the selected team's name, scope, lead and members under the table."""
        if not self._narrow:
            return
        row = self.rows.get(self._selected("#teams-table") or "")
        detail = self.query_one("#teams-detail", Static)
        if row is None:
            detail.update("")
            return
        cells = self._cells(row)
        detail.update(plain(t("teams.detail", team=row["team"].name, scope=cells["scope"], lead=cells["lead"],
                                members=cells["members"]), ellipsis=True))

    @work(thread=True, exclusive=True, group="teams-below", exit_on_error=False)
    def _load_below(self, team_ids: list[str], unit_id: str, first: dt.date, last: dt.date, shown: tuple) -> None:
        """People on several teams and the unit's output by work mode, read on this thread's
        own connection (a store belongs to the thread that opened it)."""
        from sk_tui.store import Store

        main = self.store
        store = Store.open(main.path, policy=main._local_policy, clock=main.clock)
        try:
            load = store.load_across_teams(team_ids, first, last)
            output = store.dwa_output(sorted(store.unit_people(unit_id)), first, last)
        finally:
            store.close()
        self.app.call_from_thread(self._show_below, team_ids, load, output, shown)

    def _show_below(self, team_ids: list[str], load: list[tuple[str, str, list[tuple[str, int, int]]]],
                    output: list[ModeOutput], shown: tuple) -> None:
        if team_ids != self.team_ids or not self.is_attached:
            return  # a later reload asked again
        self._show_load(load)
        self._show_output(output)
        self._shown = shown  # all of it is on screen: coming back to it needs no reload

    def _show_load(self, rows: list[tuple[str, str, list[tuple[str, int, int]]]]) -> None:
        """People on more than one of these teams: minutes and open cards by team."""
        load = self.query_one("#teams-load", DataTable)
        load.clear()
        for person, name, teams in rows:
            if self._narrow:
                both = " · ".join(f"{_short(team, 12)} {number(minutes)}/{n}" for team, minutes, n in teams)
                load.add_row(plain(name, ellipsis=True), str(len(teams)), plain(both, ellipsis=True), key=person)
                continue
            load.add_row(plain(name, ellipsis=True), str(len(teams)),
                         " · ".join(f"{_short(team)} {number(minutes)}" for team, minutes, _n in teams),
                         " · ".join(f"{_short(team)} {n}" for team, _m, n in teams), key=person)

    def _show_pending(self, me_id: str) -> None:
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

    def _show_output(self, output: list[ModeOutput]) -> None:
        if not output:
            self.query_one("#teams-output", Static).update(t("teams.output_none"))
            return
        top = max(m.minutes_per_day for m in output)
        width = 12 if self._narrow else 20
        lines = [f"{m.mode:<4} {bar(m.minutes_per_day, top, width):<{width}} "
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
        self._show_pending(me.id)  # the list only: the month's figures did not change

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
