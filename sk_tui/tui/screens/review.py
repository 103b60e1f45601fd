"""Review (verifikasi) for team leads and the JPT: approve or return their team's part of
submitted reports.

Verification is per team: one row per report and team this person verifies, and the detail
shows only that team's activities (minutes, volume, link, evidence); a decision covers exactly
those activities.
"""

from __future__ import annotations

from pydantic import ValidationError
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.coordinate import Coordinate
from textual.widgets import DataTable, Static

from sk_tui.domain.errors import DomainError
from sk_tui.domain.i18n import long_date, number, short_date, t
from sk_tui.domain.models import Activity, DailyReport, Decision, Verdict
from sk_tui.tui.bindings import make
from sk_tui.tui.plain import plain, say, shown
from sk_tui.tui.screens.base import SkScreen
from sk_tui.tui.screens.dialogs import NoteScreen


class ReviewScreen(SkScreen):
    TITLE_KEY = "mode.review"
    BINDINGS = [
        make("y", "approve", "review.approve"),
        make("r", "return_report", "review.return"),
        make("f6", "reload", "review.refresh", show=False),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.reports: dict[str, DailyReport] = {}
        self.names: dict[str, str] = {}  # employee id -> short name, of the reports listed
        # row key "report id|team id" -> (report, team id, that team's activities)
        self.parts: dict[str, tuple[DailyReport, str, list[Activity]]] = {}
        self.team_names: dict[str, str] = {}

    def body(self) -> ComposeResult:
        yield Static("", id="review-title", classes="screen-title", markup=False)
        yield DataTable(id="review-list", cursor_type="row", zebra_stripes=True)
        yield Static("", id="review-detail", markup=False)

    def after_compose(self) -> None:
        table = self.query_one("#review-list", DataTable)
        for key, width in (("review.col.date", 7), ("review.col.who", None), ("review.col.minutes", 6),
                           ("review.col.mode", 5), ("review.col.team", None)):
            table.add_column(t(key), key=key, width=width)
        table.focus()

    def reload(self) -> None:
        me = self.sk.me
        if me is None:
            return
        reports = self.store.reports_to_review(me.id)
        self.reports = {r.id: r for r in reports}
        names = self.names = {e.id: e.short_name for e in self.store.employees({r.employee_id for r in reports})}
        self.team_names = {team.id: team.name for team in self.store.all_teams()}
        self.parts = {}
        for report in reports:
            mine = self.store.activities_to_review(report.id, me.id)
            for team_id in sorted({a.team_id for a in mine if a.verdict == Verdict.PENDING and a.team_id}):
                self.parts[f"{report.id}|{team_id}"] = (report, team_id, [a for a in mine if a.team_id == team_id])
        table = self.query_one("#review-list", DataTable)
        row = table.cursor_row
        table.clear()
        for key, (report, team_id, part) in self.parts.items():
            table.add_row(short_date(report.work_date), plain(names.get(report.employee_id, "?"), ellipsis=True),
                          number(sum(a.minutes for a in part)), report.work_mode.value,
                          plain(self.team_names.get(team_id, "?"), ellipsis=True), key=key)
        if self.parts:
            table.move_cursor(row=min(row, len(self.parts) - 1))
        if not self.store.led_team_ids(me.id):
            title = t("review.not_lead")
        elif not reports:
            title = t("review.none")
        else:
            title = t("review.heading", n=len(reports))
        self.query_one("#review-title", Static).update(title)
        self._show_detail()

    def selected_part(self) -> tuple[DailyReport, str, list[Activity]] | None:
        table = self.query_one("#review-list", DataTable)
        if table.row_count == 0:
            return None
        key = table.coordinate_to_cell_key(Coordinate(table.cursor_row, 0)).row_key.value
        return self.parts.get(key) if key is not None else None

    def selected(self) -> DailyReport | None:
        part = self.selected_part()
        return part[0] if part else None

    def _link_text(self, activity: Activity) -> str:
        if activity.task_id:
            task = self.store.task(activity.task_id)
            return t("review.link.task", title=task.title) if task else ""
        if activity.indicator_id:
            indicator = self.store.indicator(activity.indicator_id)
            return t("review.link.indicator", text=indicator.text) if indicator else ""
        return ""

    @on(DataTable.RowHighlighted, "#review-list")
    def _show_detail(self) -> None:
        selected = self.selected_part()
        detail = self.query_one("#review-detail", Static)
        if selected is None:
            detail.update("")
            return
        report, team_id, part = selected
        # Built as Text, piece by piece: the name, location, descriptions and evidence are the
        # author's words and must never become markup (an @click here would approve the report).
        text = Text(end="")
        text.append(shown(self.names.get(report.employee_id, "?")), style="bold")
        text.append(f" · {long_date(report.work_date)} · {report.work_mode.value} ")
        text.append(shown(report.location))
        text.rstrip()
        text.append(" · " + t("review.team", team=shown(self.team_names.get(team_id, "?"))))
        for activity in part:  # only this team's activities: another team's part is its lead's
            text.append(f"\n• {activity.minutes:>4} {t('minutes')} · ")
            text.append(shown(activity.description, multiline=True))
            if activity.evidence:
                text.append(" · " + shown(activity.evidence, multiline=True))
            text.append(f" · {number(activity.volume, 0 if float(activity.volume).is_integer() else 2)} ")
            text.append(shown(activity.volume_unit))
            link = self._link_text(activity)
            if link:
                text.append(" · " + shown(link))
            if activity.verdict != Verdict.PENDING:
                text.append(" · " + t(f"review.verdict.{activity.verdict.value}"))
        detail.update(text)

    def action_approve(self) -> None:
        selected = self.selected_part()
        if selected is not None:
            self._decide(selected[0], Decision.APPROVE, "", selected[1])

    def action_return_report(self) -> None:
        selected = self.selected_part()
        if selected is None:
            return
        report, team_id, _part = selected
        who = self.names.get(report.employee_id, "?")

        def done(note: str | None) -> None:
            if note:
                self._decide(report, Decision.RETURN, note, team_id)

        self.app.push_screen(NoteScreen(say("review.note_title", who=who, day=short_date(report.work_date)),
                                        t("review.note_placeholder")), done)

    def _decide(self, report: DailyReport, decision: Decision, note: str, team_id: str) -> None:
        try:
            # seen_version: the version shown; if it changed since, the decision is refused
            self.store.review_report(report.id, self.store.require_me().id, decision, note,
                                     seen_version=report.version, team_id=team_id)
        except (DomainError, ValidationError) as exc:  # refused, or a note the Review model refuses
            self.fail(exc)
            return
        key = "review.approved" if decision == Decision.APPROVE else "review.returned"
        self.app.notify(t(key, who=self.names.get(report.employee_id, "?"), day=short_date(report.work_date)))
        self.reload()
        self.sk.request_sync()

    def action_reload(self) -> None:
        self.reload()
