"""Review (verifikasi) for team leads and the JPT: approve or return submitted reports."""

from __future__ import annotations

from pydantic import ValidationError
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.coordinate import Coordinate
from textual.widgets import DataTable, Static

from sk_tui.domain.errors import DomainError
from sk_tui.domain.i18n import long_date, number, short_date, t
from sk_tui.domain.models import DailyReport, Decision
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

    def body(self) -> ComposeResult:
        yield Static("", id="review-title", classes="screen-title", markup=False)
        yield DataTable(id="review-list", cursor_type="row", zebra_stripes=True)
        yield Static("", id="review-detail", markup=False)

    def after_compose(self) -> None:
        table = self.query_one("#review-list", DataTable)
        for key, width in (("review.col.date", 7), ("review.col.who", None), ("review.col.minutes", 6),
                           ("review.col.mode", 5)):
            table.add_column(t(key), key=key, width=width)
        table.focus()

    def reload(self) -> None:
        me = self.sk.me
        if me is None:
            return
        reports = self.store.reports_to_review(me.id)
        self.reports = {r.id: r for r in reports}
        names = self.names = {e.id: e.short_name for e in self.store.employees({r.employee_id for r in reports})}
        table = self.query_one("#review-list", DataTable)
        row = table.cursor_row
        table.clear()
        for report in reports:
            table.add_row(short_date(report.work_date), plain(names.get(report.employee_id, "?"), ellipsis=True),
                          number(report.total_minutes), report.work_mode.value, key=report.id)
        if reports:
            table.move_cursor(row=min(row, len(reports) - 1))
        if not self.store.led_team_ids(me.id):
            title = t("review.not_lead")
        elif not reports:
            title = t("review.none")
        else:
            title = t("review.heading", n=len(reports))
        self.query_one("#review-title", Static).update(title)
        self._show_detail()

    def selected(self) -> DailyReport | None:
        table = self.query_one("#review-list", DataTable)
        if table.row_count == 0:
            return None
        key = table.coordinate_to_cell_key(Coordinate(table.cursor_row, 0)).row_key.value
        return self.reports.get(key) if key is not None else None

    @on(DataTable.RowHighlighted, "#review-list")
    def _show_detail(self) -> None:
        report = self.selected()
        detail = self.query_one("#review-detail", Static)
        if report is None:
            detail.update("")
            return
        # Built as Text, piece by piece: the name, location, descriptions and evidence are the
        # author's words and must never become markup (an @click here would approve the report).
        text = Text(end="")
        text.append(shown(self.names.get(report.employee_id, "?")), style="bold")
        text.append(f" · {long_date(report.work_date)} · {report.work_mode.value} ")
        text.append(shown(report.location))
        text.rstrip()
        for activity in self.store.activities(report.id):
            text.append(f"\n• {activity.minutes:>4} {t('minutes')} · ")
            text.append(shown(activity.description, multiline=True))
            if activity.evidence:
                text.append(" · " + shown(activity.evidence, multiline=True))
        detail.update(text)

    def action_approve(self) -> None:
        report = self.selected()
        if report is not None:
            self._decide(report, Decision.APPROVE, "")

    def action_return_report(self) -> None:
        report = self.selected()
        if report is None:
            return
        who = self.names.get(report.employee_id, "?")

        def done(note: str | None) -> None:
            if note:
                self._decide(report, Decision.RETURN, note)

        self.app.push_screen(NoteScreen(say("review.note_title", who=who, day=short_date(report.work_date)),
                                        t("review.note_placeholder")), done)

    def _decide(self, report: DailyReport, decision: Decision, note: str) -> None:
        try:
            self.store.review_report(report.id, self.store.require_me().id, decision, note)
        except (DomainError, ValidationError) as exc:  # refused, or a note the Review model refuses
            self.fail(exc)
            return
        key = "review.approved" if decision == Decision.APPROVE else "review.returned"
        self.app.notify(t(key, who=self.names.get(report.employee_id, "?"), day=short_date(report.work_date)))
        self.reload()
        self.sk.request_sync()

    def action_reload(self) -> None:
        self.reload()
