"""Review (verifikasi) for team leads and the JPT: approve or return their team's part of
submitted reports.

Verification is per team: one row per report and team this person verifies, and the detail
shows only that team's activities (minutes, volume, link, evidence, state); a decision covers
exactly those activities.

Made for a lead's real day: the list shows the date, minutes, team and whether the
verification window has passed (policy ``review_window_working_days``, the rule the late
verifications are counted by); the detail pane scrolls (Tab focuses it, J/K jump an activity
from anywhere) and says how many activities are out of sight; approving asks once; Space marks
rows and ``a`` approves every marked part after one question.
"""

from __future__ import annotations

import datetime as dt

from pydantic import ValidationError
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.coordinate import Coordinate
from textual.widgets import DataTable, Static

from sk_tui.domain.errors import DomainError
from sk_tui.domain.i18n import duration, long_date, number, short_date, t
from sk_tui.domain.models import Activity, DailyReport, Decision, Verdict
from sk_tui.tui.bindings import make
from sk_tui.tui.plain import plain, say, shown
from sk_tui.tui.screens.base import SkScreen
from sk_tui.tui.screens.dialogs import ConfirmScreen, NoteScreen

MARKED, UNMARKED = "[x]", "[ ]"  # a text mark: never colour alone (a Text: "[x]" is not markup)
# what the columns other than the name and the team take at most, with the cell padding
FIXED_COLUMNS = 3 + 7 + 5 + 4 + 8 + 7 * 2 + 2

# row key "report id|team id" -> (report, team id, that team's activities)
Part = tuple[DailyReport, str, list[Activity]]


class DetailPane(VerticalScroll):
    """The selected part's activities. Focusable (Tab); arrows, PgUp/PgDn scroll it, and so do
    j/k (the app's list keys call these)."""

    def action_cursor_down(self) -> None:
        self.scroll_down(animate=False)

    def action_cursor_up(self) -> None:
        self.scroll_up(animate=False)


class ReviewScreen(SkScreen):
    TITLE_KEY = "mode.review"
    BINDINGS = [
        make("y", "approve", "review.approve"),
        make("r", "return_report", "review.return"),
        make("space", "toggle_mark", "review.mark", key_display="␣"),
        make("a", "approve_marked", "review.approve_marked"),
        make("J", "detail(1)", "review.scroll", key_display="J/K"),
        make("K", "detail(-1)", "review.scroll_up", show=False),
        make("f6", "reload", "review.refresh", show=False),
    ]
    DEFAULT_CSS = """
    ReviewScreen #review-list { height: 1fr; min-height: 4; }
    ReviewScreen #review-pane { height: 2fr; min-height: 5; background: $panel; padding: 0 1; }
    ReviewScreen #review-pane:focus { border-left: outer $accent; }
    ReviewScreen #review-pane .review-activity { margin-top: 1; }
    ReviewScreen #review-more { height: 1; padding: 0 1; text-style: bold; }
    """

    def __init__(self) -> None:
        super().__init__()
        self.reports: dict[str, DailyReport] = {}
        self.names: dict[str, str] = {}  # employee id -> short name, of the reports listed
        self.parts: dict[str, Part] = {}
        self.team_names: dict[str, str] = {}
        self.marked: set[str] = set()  # row keys marked with Space
        self.windows: dict[str, tuple[dt.date, bool]] = {}  # report id -> (review due, passed)
        self.overdue: set[str] = set()  # report ids whose verification window has passed
        self._blocks: list[Static] = []  # one per activity shown, reused between rows

    def body(self) -> ComposeResult:
        yield Static("", id="review-title", classes="screen-title", markup=False)
        yield DataTable(id="review-list", cursor_type="row", zebra_stripes=True)
        with DetailPane(id="review-pane"):
            yield Static("", id="review-head", markup=False)
        yield Static("", id="review-more", markup=False)

    def after_compose(self) -> None:
        table = self.query_one("#review-list", DataTable)
        self._blocks = []
        # the name and the team share what the other columns leave (cut with "…" when longer)
        for key, label, width in (("mark", " ", 3), ("review.col.date", None, 7), ("review.col.who", None, None),
                                  ("review.col.minutes", None, 5), ("review.col.mode", None, 4),
                                  ("review.col.team", None, None), ("review.col.due", None, 8)):
            table.add_column(label if label is not None else t(key), key=key, width=width)
        pane = self.query_one("#review-pane", DetailPane)
        self.watch(pane, "scroll_y", self._show_more, init=False)
        self.watch(pane, "virtual_size", self._show_more, init=False)
        table.focus()

    def on_resize(self) -> None:
        used = getattr(self, "_room_used", None)
        if used is not None and used != self._room():
            self.reload()  # the name and team columns follow the width
        self.call_after_refresh(self._show_more)

    def _room(self) -> tuple[int, int]:
        """(name, team) widths: what the fixed columns leave, about two fifths to the name."""
        room = max(20, self.app.size.width - FIXED_COLUMNS)
        who = max(10, room * 2 // 5)
        return who, room - who

    @staticmethod
    def _cut(value: str, width: int) -> Text:
        text = plain(value, ellipsis=True)
        text.truncate(width, overflow="ellipsis")
        return text

    # --- loading ---------------------------------------------------------------------------

    def reload(self) -> None:
        me = self.sk.me
        if me is None:
            return
        reports = self.store.reports_to_review(me.id)
        self.reports = {r.id: r for r in reports}
        names = self.names = {e.id: e.short_name for e in self.store.employees({r.employee_id for r in reports})}
        self.team_names = {team.id: team.name for team in self.store.all_teams()}
        self.windows = self.store.review_windows(reports)
        self.overdue = {report_id for report_id, (_due, late) in self.windows.items() if late}
        self.parts = {}
        activities = self.store.activities_to_review_in([r.id for r in reports], me.id)
        for report in reports:
            mine = activities[report.id]
            for team_id in sorted({a.team_id for a in mine if a.verdict == Verdict.PENDING and a.team_id}):
                self.parts[f"{report.id}|{team_id}"] = (report, team_id, [a for a in mine if a.team_id == team_id])
        self.marked &= set(self.parts)
        table = self.query_one("#review-list", DataTable)
        row = table.cursor_row
        table.clear()
        who_width, team_width = self._room_used = self._room()
        for key, (report, team_id, part) in self.parts.items():
            table.add_row(self._mark(key), short_date(report.work_date),
                          self._cut(names.get(report.employee_id, "?"), who_width),
                          number(sum(a.minutes for a in part)), report.work_mode.value,
                          self._cut(self.team_names.get(team_id, "?"), team_width), self._due_cell(report), key=key)
        if self.parts:
            table.move_cursor(row=min(row, len(self.parts) - 1))
        self._show_title(bool(self.store.led_team_ids(me.id)), len(reports))
        self._show_detail()

    def _mark(self, key: str) -> Text:
        return Text(MARKED if key in self.marked else UNMARKED)

    def _due_cell(self, report: DailyReport) -> str:
        due, late = self.windows.get(report.id, (None, False))
        if late:
            return t("review.overdue")
        return short_date(due) if due else ""

    def _show_title(self, leads: bool, count: int) -> None:
        if not leads:
            title = t("review.not_lead")
        elif not count:
            title = t("review.none")
        else:
            extra = []
            if self.overdue:
                extra.append(t("review.heading.overdue", n=len(self.overdue)))
            if self.marked:
                extra.append(t("review.heading.marked", n=len(self.marked)))
            title = " · ".join([t("review.heading", n=count), *extra])
        self.query_one("#review-title", Static).update(title)

    def _cursor_key(self) -> str | None:
        table = self.query_one("#review-list", DataTable)
        if table.row_count == 0:
            return None
        key = table.coordinate_to_cell_key(Coordinate(table.cursor_row, 0)).row_key.value
        return key if key in self.parts else None

    def selected_part(self) -> Part | None:
        key = self._cursor_key()
        return self.parts[key] if key is not None else None

    def selected(self) -> DailyReport | None:
        part = self.selected_part()
        return part[0] if part else None

    # --- the detail pane -------------------------------------------------------------------

    def _link_text(self, activity: Activity) -> str:
        if activity.task_id:
            task = self.store.task(activity.task_id)
            return t("review.link.task", title=task.title) if task else ""
        if activity.indicator_id:
            indicator = self.store.indicator(activity.indicator_id)
            return t("review.link.indicator", text=indicator.text) if indicator else ""
        return ""

    def _head(self, report: DailyReport, team_id: str, part: list[Activity]) -> Text:
        # Built as Text, piece by piece: the name, location, descriptions and evidence are the
        # author's words and must never become markup (an @click here would approve the report).
        text = Text(end="")
        text.append(shown(self.names.get(report.employee_id, "?")), style="bold")
        text.append(f" · {long_date(report.work_date)} · {report.work_mode.value}")
        text.append(" · " + t("review.team", team=shown(self.team_names.get(team_id, "?"))))
        if report.location.strip():
            text.append("\n" + t("review.detail.location", location=shown(report.location)))
        text.append("\n" + t("review.detail.count", n=len(part), minutes=duration(sum(a.minutes for a in part))))
        due, late = self.windows.get(report.id, (None, False))
        if due is not None:
            key = "review.detail.overdue" if late else "review.detail.due"
            text.append(" · " + t(key, day=short_date(due)), style="bold" if late else "")
        return text

    def _block(self, index: int, total: int, activity: Activity) -> Text:
        """One activity: its state as a sign and a word, minutes, description, volume, link,
        evidence; each on its own line so nothing is cut at 80 columns."""
        state = {Verdict.APPROVED: "✓ ", Verdict.RETURNED: "↩ "}.get(activity.verdict, "○ ")
        text = Text(end="")
        text.append(f"{index}/{total} ", style="bold")
        text.append(state + t(f"review.verdict.{activity.verdict.value}"))
        text.append(" · " + t("duration.m", m=number(activity.minutes)), style="bold")
        text.append("\n")
        text.append(shown(activity.description, multiline=True))
        volume = number(activity.volume, 0 if float(activity.volume).is_integer() else 2)
        text.append(f"\n{volume} ")
        text.append(shown(activity.volume_unit))
        link = self._link_text(activity)
        if link:
            text.append("\n" + t("review.detail.related", link=shown(link)))
        if activity.evidence:
            text.append("\n" + t("review.detail.evidence", evidence=shown(activity.evidence, multiline=True)))
        return text

    @on(DataTable.RowHighlighted, "#review-list")
    def _show_detail(self) -> None:
        selected = self.selected_part()
        pane = self.query_one("#review-pane", DetailPane)
        head = self.query_one("#review-head", Static)
        texts: list[Text] = []
        if selected is None:
            head.update("")
        else:
            report, team_id, part = selected
            head.update(self._head(report, team_id, part))
            # only this team's activities: another team's part is its lead's
            texts = [self._block(i, len(part), a) for i, a in enumerate(part, 1)]
        for i, text in enumerate(texts):
            if i < len(self._blocks):
                self._blocks[i].update(text)
                self._blocks[i].display = True
            else:
                block = Static(text, classes="review-activity", markup=False)
                self._blocks.append(block)
                pane.mount(block)
        for block in self._blocks[len(texts):]:
            block.display = False
        pane.scroll_home(animate=False)
        self.call_after_refresh(self._show_more)

    def _shown_blocks(self) -> list[Static]:
        return [b for b in self._blocks if b.display and b.is_mounted]

    def detail_text(self) -> str:
        """Everything the detail pane holds (the heading and each activity), in plain text."""
        parts = [self.query_one("#review-head", Static).visual, *(b.visual for b in self._shown_blocks())]
        return "\n\n".join(getattr(part, "plain", str(part)) for part in parts)

    def _show_more(self) -> None:
        """Under the pane: how many activities are (partly) out of sight, above and below."""
        if not self.is_mounted:
            return
        pane = self.query_one("#review-pane", DetailPane)
        top = pane.scroll_y
        bottom = top + pane.scrollable_content_region.height
        above = sum(1 for b in self._shown_blocks() if b.virtual_region.y < top)
        below = sum(1 for b in self._shown_blocks() if b.virtual_region.bottom > bottom)
        words = []
        if above:
            words.append(t("review.more_above", n=above))
        if below:
            words.append(t("review.more_below", n=below))
        if words:
            words.append(t("review.more_keys"))
        self.query_one("#review-more", Static).update(" · ".join(words))

    def action_detail(self, step: int) -> None:
        """J/K: the next (previous) activity to the top of the pane, from the list too."""
        pane = self.query_one("#review-pane", DetailPane)
        tops = [b.virtual_region.y for b in self._shown_blocks()]
        now = round(pane.scroll_y)
        if step > 0:
            after = [y for y in tops if y > now]
            target = after[0] if after else pane.max_scroll_y
        else:
            before = [y for y in tops if y < now]
            target = before[-1] if before else 0
        pane.scroll_to(y=target, animate=False)

    # --- deciding --------------------------------------------------------------------------

    def _summary(self, parts: list[Part]) -> dict[str, str]:
        return {
            "n": number(len(parts)),
            "acts": number(sum(len(part) for _r, _t, part in parts)),
            "minutes": duration(sum(a.minutes for _r, _t, part in parts for a in part)),
            "people": number(len({r.employee_id for r, _t, _p in parts})),
        }

    def action_approve(self) -> None:
        """y: approve the part under the cursor, after one question naming what it covers."""
        selected = self.selected_part()
        if selected is None:
            return
        report, team_id, _part = selected

        def answered(yes: bool | None) -> None:
            if yes:
                self._decide(report, Decision.APPROVE, "", team_id)

        question = say("review.confirm.one", who=self.names.get(report.employee_id, "?"),
                       day=long_date(report.work_date), team=self.team_names.get(team_id, "?"),
                       **self._summary([selected]))
        self.app.push_screen(ConfirmScreen(question), answered)

    def action_toggle_mark(self) -> None:
        """Space: mark (or unmark) the row, then go to the next one (marking a run is fast)."""
        key = self._cursor_key()
        if key is None:
            return
        self.marked ^= {key}
        table = self.query_one("#review-list", DataTable)
        table.update_cell(key, "mark", self._mark(key))
        table.action_cursor_down()
        self._show_title(True, len(self.reports))

    def action_approve_marked(self) -> None:
        """a: approve every marked part after one question; a refused one is said, the rest stand."""
        keys = [key for key in self.parts if key in self.marked]
        if not keys:
            self.app.notify(t("review.nothing_marked"))
            return
        parts = [self.parts[key] for key in keys]

        def answered(yes: bool | None) -> None:
            if not yes:
                return
            me = self.store.require_me().id
            done, refused = 0, []
            for key, (report, team_id, _part) in zip(keys, parts, strict=True):
                try:
                    self.store.review_report(report.id, me, Decision.APPROVE, "", seen_version=report.version,
                                             team_id=team_id)
                except (DomainError, ValidationError) as exc:
                    refused.append(self.sk.error_text(exc))
                    continue
                done += 1
                self.marked.discard(key)
            self.app.notify(t("review.approved_marked", n=done))
            if refused:
                self.app.notify(t("review.some_refused", n=len(refused), reason=refused[0]), severity="warning")
            self.reload()
            self.sk.request_sync()

        self.app.push_screen(ConfirmScreen(say("review.confirm.marked", **self._summary(parts))), answered)

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
        self.marked.discard(f"{report.id}|{team_id}")
        key = "review.approved" if decision == Decision.APPROVE else "review.returned"
        self.app.notify(t(key, who=self.names.get(report.employee_id, "?"), day=short_date(report.work_date)))
        self.reload()
        self.sk.request_sync()

    def action_reload(self) -> None:
        self.reload()
