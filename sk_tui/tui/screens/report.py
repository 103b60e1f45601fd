"""The daily report: one day's work mode, activities, totals, status and submission."""

from __future__ import annotations

import datetime as dt
from contextlib import suppress

from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.coordinate import Coordinate
from textual.timer import Timer
from textual.widgets import DataTable, Input, Label, Select, Static
from textual.widgets.data_table import RowDoesNotExist

from sk_tui import clock
from sk_tui.domain import kinerja
from sk_tui.domain.errors import DomainError
from sk_tui.domain.i18n import clock_time, duration, language, long_date, number, t, zone_name
from sk_tui.domain.models import Activity, DailyReport, Employee, ReportStatus, Verdict, WorkMode
from sk_tui.tui.bindings import make
from sk_tui.tui.plain import clip, plain, say, shown
from sk_tui.tui.screens.base import SkScreen
from sk_tui.tui.screens.dialogs import ConfirmScreen
from sk_tui.tui.widgets.inputs import TextInput

LOCATION_SAVE_SECONDS = 0.5


class ReportScreen(SkScreen):
    TITLE_KEY = "mode.report"
    # A locked day shows its mode and location in a second row whose fields are disabled once,
    # at mount: toggling ``disabled`` restyled the Select and the Input on every change of day
    # between an open and a locked day (~25 ms a key); showing one row or the other does not.
    DEFAULT_CSS = """
    ReportScreen #report-mode-row-locked { height: 3; display: none; }
    ReportScreen #report-mode-locked { width: 12; }
    ReportScreen #report-location-locked { width: 1fr; }
    """
    BINDINGS = [
        make("p,comma", "day(-1)", "report.prev", key_display="p", group="group.day"),
        make("n,full_stop", "day(1)", "report.next", key_display="n", group="group.day"),
        make("t", "today", "report.today", show=False),
        make("a,insert", "add", "report.add", key_display="a"),
        make("e", "edit", "report.edit"),
        make("d,delete", "delete", "report.delete", key_display="d"),
        make("s", "submit", "report.submit"),
        make("m", "focus_mode", "report.mode", show=False),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.day: dt.date | None = None  # None until the first reload: then today
        self.report: DailyReport | None = None
        # Why the mode and location on screen are not the stored ones (None: they are).
        self.mode_error: str | None = None
        self._location_timer: Timer | None = None

    def body(self) -> ComposeResult:
        yield Static("", id="report-title", classes="screen-title", markup=False)
        yield Static("", id="report-note", classes="-hidden", markup=False)
        with Horizontal(id="report-mode-row"):
            yield from _mode_fields("")
        with Horizontal(id="report-mode-row-locked"):
            yield from _mode_fields("-locked", disabled=True)
        yield Label("", id="report-mode-error", classes="form-error", markup=False)
        yield DataTable(id="activities", cursor_type="row", zebra_stripes=True)
        yield Static("", id="report-totals", markup=False)

    def after_compose(self) -> None:
        table = self.query_one("#activities", DataTable)
        width = self.app.size.width
        widths = {"report.col.no": 3, "report.col.minutes": 5, "report.col.volume": 12 if width >= 100 else 8,
                  "report.col.link": max(10, width // 7), "report.col.evidence": max(8, width // 9)}
        widths["report.col.desc"] = max(16, self.app.size.width - sum(widths.values()) - 2 * 6 - 3)
        for key in ("report.col.no", "report.col.desc", "report.col.minutes", "report.col.volume",
                    "report.col.link", "report.col.evidence"):
            table.add_column(t(key), key=key, width=widths[key])
        table.focus()

    # --- data ----------------------------------------------------------------------------

    @property
    def me(self) -> Employee:
        return self.store.require_me()

    def reload(self) -> None:
        me = self.sk.me
        if me is None:
            return
        today = self.store.today(me)
        day = self.day = self.day or today
        report = self.report = self.store.report_for(me.id, day)
        status = report.status if report else None
        _update(self.query_one("#report-title", Static), self._title(day, status, today))
        note = self.query_one("#report-note", Static)
        notes = self._returned_notes(report) if report and status == ReportStatus.RETURNED else []
        if notes:
            _update(note, Text("\n").join(notes))
            note.remove_class("-hidden")
        else:
            note.add_class("-hidden")
        editable = report is None or report.editable
        if self.mode_error is not None and editable:
            # The choice on screen is not stored yet (e.g. WFA still without a location): keep
            # it, and its reason, rather than put the stored mode back under the user's hands.
            self._fill_table(report)
            self._update_totals(me, day, report)
            return
        mode_value = report.work_mode.value if report else "WFO"
        # Old data may hold characters a field may not; the Input shows them escaped, and
        # an unchanged Input keeps the stored value (see _mode_changed).
        location_value = shown(report.location) if report else ""
        with self.prevent(Select.Changed, Input.Changed):
            self.query_one("#report-mode", Select).value = mode_value
            self.query_one("#report-location", Input).value = location_value
            if not editable:
                self.query_one("#report-mode-locked", Select).value = mode_value
                self.query_one("#report-location-locked", Input).value = location_value
        live, locked = self.query_one("#report-mode-row"), self.query_one("#report-mode-row-locked")
        if not editable and self.focused is not None and live in self.focused.ancestors:
            self.query_one("#activities", DataTable).focus()
        if live.display != editable:
            live.display, locked.display = editable, not editable
        _update(self.query_one("#report-mode-error", Label), "")
        self._fill_table(report)
        self._update_totals(me, day, report)

    def _title(self, day: dt.date, status: ReportStatus | None, today: dt.date) -> str:
        state = t(f"report.status.{status.value}") if status else t("report.status.none")
        parts = [t("report.heading", day=long_date(day)), state]
        deadline = self.store.policy.report_deadline
        timezone = self._timezone()
        time_text, zone = clock_time(deadline), zone_name(timezone)
        if status in (None, ReportStatus.DRAFT, ReportStatus.RETURNED):
            now = clock.local_now(timezone, self.store.clock)
            due = dt.datetime.combine(day, deadline, tzinfo=now.tzinfo)
            if now < due and day == today:
                minutes = int((due - now).total_seconds() // 60)
                parts.append(t("report.deadline_left", time=time_text, zone=zone, left=duration(minutes)))
            elif now >= due:
                parts.append("⚠ " + t("report.deadline_passed", time=time_text, zone=zone))
        return " · ".join(parts)

    def _timezone(self) -> str:
        """The user's own zone, else their unit's, else the policy's: the deadline is local time."""
        me = self.store.me()
        if me is not None and me.timezone:
            return me.timezone
        unit = self.store.unit(me.unit_id) if me is not None else None
        return unit.timezone if unit is not None and unit.timezone else self.store.policy.timezone

    def _returned_notes(self, report: DailyReport) -> list[Text]:
        """Each team's note on the part it returned (verification is per team), else the
        report's own note (reports decided before that)."""
        notes: dict[str | None, str] = {}
        for activity in self.store.activities(report.id):
            if activity.verdict == Verdict.RETURNED and activity.review_note:
                notes.setdefault(activity.team_id, activity.review_note)
        teams = {team.id: team.name for team in self.store.all_teams()}
        lines = [say("report.note_team", team=teams.get(team_id or "", "?"), note=text)
                 for team_id, text in notes.items()]
        if report.review_note and report.review_note not in notes.values():
            lines.append(say("report.note", note=report.review_note))  # the report's own (older) note
        return lines

    def _fill_table(self, report: DailyReport | None) -> None:
        table = self.query_one("#activities", DataTable)
        row_before = table.cursor_row
        table.clear()
        activities = self.store.activities(report.id) if report else []
        for index, activity in enumerate(activities, 1):
            volume = f"{number(activity.volume, 0 if activity.volume.is_integer() else 1)} {activity.volume_unit}"
            # where each activity stands with its team's lead, by sign as well as word
            mark = {Verdict.APPROVED: "✓", Verdict.RETURNED: "↩"}.get(activity.verdict, "") if (
                report and report.status != ReportStatus.DRAFT) else ""
            table.add_row(
                f"{index}{mark}", _cell(activity.description), str(activity.minutes), _cell(volume),
                _cell(self._link_label(activity)), _cell(activity.evidence or "–"), key=activity.id,
            )
        if activities:
            table.move_cursor(row=min(row_before, len(activities) - 1))

    def _link_label(self, activity: Activity) -> str:
        if activity.task_id:
            task = self.store.task(activity.task_id)
            return "▣ " + (task.title if task else "?")
        if activity.indicator_id:
            indicator = self.store.indicator(activity.indicator_id)
            return "◎ " + (indicator.text if indicator else "?")
        return "–"

    def _update_totals(self, me: Employee, day: dt.date, report: DailyReport | None) -> None:
        start, end = kinerja.month_bounds(day)
        by_status = self.store.minutes_by_status(me.id, start, end)
        target = self.store.month_target(me, day)
        day_total = report.total_minutes if report else 0
        text = t("report.day_total", minutes=number(day_total)) + " · " + t(
            "report.month_total", reported=number(sum(by_status.values())),
            approved=number(by_status["approved"]), target=number(float(target)))
        if not report or not self.store.activities(report.id):
            text = t("report.empty") + "\n" + text
        elif day_total > self.store.policy.daily_minutes_warn:
            text += "\n⚠ " + t("report.warn_day", limit=self.store.policy.daily_minutes_warn)
        _update(self.query_one("#report-totals", Static), text)

    def selected_activity(self) -> Activity | None:
        table = self.query_one("#activities", DataTable)
        if not self.report or table.row_count == 0:
            return None
        key = table.coordinate_to_cell_key(Coordinate(table.cursor_row, 0)).row_key.value
        return self.store.activity(key) if key is not None else None

    # --- actions -------------------------------------------------------------------------

    def _leave_day(self) -> bool:
        """Store a pending location; refuse to leave a day whose chosen mode is not valid."""
        self._save_mode()
        if self.mode_error is not None:
            self.app.notify(self.mode_error, severity="warning")
            self.query_one("#report-location", Input).focus()
            return False
        return True

    def action_day(self, step: int) -> None:
        if not self._leave_day():
            return
        today = self.store.today(self.me)
        new_day = (self.day or today) + dt.timedelta(days=step)
        if new_day > today:
            self.app.notify(t("report.future"), severity="warning")
            return
        self.day = new_day
        self.reload()

    def action_today(self) -> None:
        if not self._leave_day():
            return
        self.day = self.store.today(self.me)
        self.reload()

    def action_focus_mode(self) -> None:
        if self.query_one("#report-mode-row").display:  # a locked day's fields take no input
            self.query_one("#report-mode", Select).focus()

    def _check_editable(self) -> bool:
        report = self.report
        if report is not None and not report.editable:
            self.app.notify(DomainError("report_locked", day=report.work_date.isoformat(),
                                        status=t(f"report.status.{report.status.value}")).message(language()),
                            severity="warning")
            return False
        return True

    def action_add(self) -> None:
        if self._check_editable():
            self._open_form(None)

    def action_edit(self) -> None:
        activity = self.selected_activity()
        if activity is not None and self._check_editable():
            self._open_form(activity)

    @on(DataTable.RowSelected, "#activities")
    def _row_chosen(self) -> None:
        self.action_edit()

    def _open_form(self, activity: Activity | None) -> None:
        from sk_tui.tui.screens.activity_form import ActivityForm

        if self.day is not None:
            self.app.push_screen(ActivityForm(self.day, activity), self._form_closed)

    def _form_closed(self, saved: str | None) -> None:
        if saved:
            self.reload()
            table = self.query_one("#activities", DataTable)
            with suppress(RowDoesNotExist):  # the row may be gone after a concurrent change
                table.move_cursor(row=table.get_row_index(saved))

    def action_delete(self) -> None:
        activity = self.selected_activity()
        if activity is None or not self._check_editable():
            return

        def done(yes: bool | None) -> None:
            if not yes:
                return
            try:
                self.store.delete_activity(activity.id)
            except DomainError as exc:  # locked meanwhile, or a full disk (StorageError)
                self.fail(exc)
                return
            self.app.notify(t("report.deleted"))
            self.reload()

        self.app.push_screen(ConfirmScreen(say("report.confirm_delete", desc=clip(activity.description, 60))), done)

    def action_submit(self) -> None:
        self._save_mode()
        report, day = self.report, self.day
        if day is None:
            return
        if self.mode_error is not None:  # never submit a mode other than the one on screen
            self.app.notify(t("report.mode_invalid", error=self.mode_error), severity="error", timeout=8)
            self.query_one("#report-location", Input).focus()
            return
        if report is None or not self.store.activities(report.id):
            self.fail(DomainError("report_empty", day=day.isoformat()))
            return
        if not self._check_editable():
            return
        count = len(self.store.activities(report.id))
        location = t("report.confirm_location", location=report.location) if report.location.strip() else ""
        question = plain(t("report.confirm_submit_full", day=long_date(day), mode=report.work_mode.value,
                           location=location, count=count, minutes=number(report.total_minutes)),
                         multiline=True)

        def done(yes: bool | None) -> None:
            if not yes:
                return
            try:
                self.store.submit_report(report.id, self.me.id)
            except DomainError as exc:  # changed meanwhile, or a full disk (StorageError)
                self.fail(exc)
                return
            self.app.notify(t("report.submitted", day=long_date(day)))
            self.reload()
            self.sk.request_sync()

        self.app.push_screen(ConfirmScreen(question), done)

    # --- work mode: the mode is saved when chosen, the location shortly after typing stops

    @on(Select.Changed, "#report-mode")
    def _mode_chosen(self) -> None:
        self._save_mode()

    @on(Input.Changed, "#report-location")
    def _location_typed(self) -> None:
        # Typing never waits for the database: one write after the last key (or on leaving).
        if self._location_timer is not None:
            self._location_timer.stop()
        self._location_timer = self.set_timer(LOCATION_SAVE_SECONDS, self._save_mode)

    @on(Input.Submitted, "#report-location")
    def _location_done(self) -> None:
        self._save_mode()
        if self.mode_error is None:
            self.query_one("#activities", DataTable).focus()

    def on_descendant_blur(self, event: events.DescendantBlur) -> None:
        if getattr(event.control, "id", None) == "report-location":
            self._save_mode()

    def _save_mode(self) -> None:
        """Store the mode and location on screen, or say (and remember) why they cannot be."""
        if self._location_timer is not None:
            self._location_timer.stop()
            self._location_timer = None
        if not self.is_mounted:
            return
        mode = str(self.query_one("#report-mode", Select).value)
        location = self.query_one("#report-location", Input).value
        error = self.query_one("#report-mode-error", Label)
        report, day = self.report, self.day
        current = (report.work_mode.value, report.location) if report else ("WFO", "")
        if report and location == shown(report.location):
            location = report.location
        if (mode, location.strip()) == current or day is None:
            self.mode_error = None
            _update(error, "")
            return
        if report is not None and not report.editable:
            return
        try:
            if report is None:
                report = self.report = self.store.ensure_draft(self.me.id, day)
            self.report = self.store.set_work_mode(report.id, mode, location)
        except DomainError as exc:
            self.mode_error = exc.message(language())
            error.update(plain(self.mode_error, multiline=True))
            return
        self.mode_error = None
        _update(error, "")

    def on_key(self, event: events.Key) -> None:
        if event.key == "escape" and isinstance(self.focused, (Input, Select)):
            event.stop()
            self.query_one("#activities", DataTable).focus()


def _mode_fields(suffix: str, *, disabled: bool = False) -> ComposeResult:
    """The work mode and location fields (ids ``report-mode`` and ``report-location`` plus
    ``suffix``): the open day's row, and the locked day's copy disabled once."""
    yield Label(t("report.mode"), classes="field-label", markup=False)
    yield Select([(m.value, m.value) for m in WorkMode], allow_blank=False, value="WFO",
                 id=f"report-mode{suffix}", disabled=disabled)
    yield Label(t("report.location"), classes="field-label", markup=False)
    yield TextInput(placeholder=t("report.location.hint"), id=f"report-location{suffix}", disabled=disabled)


def _update(widget: Static, content: str | Text) -> None:
    """Show ``content`` in ``widget``, with a layout pass only when its height changes: a
    change of day rewrites the title, the note and the totals, and a layout of the screen for
    each of them was most of a key's frame."""
    if widget.content == content:
        return
    widget.update(content, layout=False)
    region = widget.content_region
    if not widget.styles.height or not widget.styles.height.is_auto or region.width <= 0:
        widget.refresh(layout=True)
        return
    height = widget.get_content_height(region.size, widget.app.size, region.width)
    most = widget.styles.max_height
    if most is not None and most.is_cells:
        height = min(height, int(most.value))
    if height != region.height:
        widget.refresh(layout=True)


def _cell(text: str) -> Text:
    return plain(text, ellipsis=True)
