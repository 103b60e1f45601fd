"""Target progress: indicators against their period targets, the month's minutes and
achievement (the TRK recap), a sparkline of daily minutes and a projection at the current pace.
A lead (or the JPT) can switch to a team's view. `r` (rincian) opens every step of my month;
Enter on a member's row opens theirs. Figures use the agency's policy (its version shown)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import DataTable, Label, Static

from sk_tui.domain import kinerja
from sk_tui.domain.i18n import month_name, number, percent, rupiah, t
from sk_tui.domain.models import Aspect, Employee, Target
from sk_tui.domain.text import bar
from sk_tui.tui.bindings import make
from sk_tui.tui.plain import plain, say, shown
from sk_tui.tui.screens.base import SkScreen
from sk_tui.tui.screens.dialogs import PickScreen
from sk_tui.tui.widgets.targets import Indicator, TargetsData, TargetsView

BAR_CELLS = 24


class TargetsScreen(SkScreen):
    TITLE_KEY = "mode.targets"
    BINDINGS = [
        make("m", "toggle_view", "targets.toggle"),
        make("t", "choose_team", "targets.team"),
        make("r", "explain", "targets.explain"),
        make("down,j", "scroll(1)", "scroll.down", show=False),
        make("up,k", "scroll(-1)", "scroll.up", show=False),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.team_view = False
        self.team_id: str | None = None
        self._member_rows: list[tuple[str, tuple[object, ...]]] = []

    def body(self) -> ComposeResult:
        yield Static("", id="targets-title", classes="screen-title", markup=False)
        with VerticalScroll(id="targets-body"):
            # the month block and the indicators: one line-API widget (widgets/targets.py)
            yield TargetsView(id="targets-view")
            yield Label(t("targets.members"), id="members-title", classes="section-title -hidden", markup=False)
            yield DataTable(id="members", cursor_type="row", classes="-hidden")

    def after_compose(self) -> None:
        self._member_rows = []  # a new table (a change of language recomposes): filled again
        table = self.query_one("#members", DataTable)
        for key in ("targets.col.name", "targets.col.approved", "targets.col.target", "targets.col.effective",
                    "targets.col.negative", "targets.col.achievement", "targets.col.class", "targets.col.allowance"):
            table.add_column(t(key), key=key)
        self.query_one("#targets-body").focus()

    def can_see_team(self) -> bool:
        me = self.sk.me
        return bool(me and self.store.led_team_ids(me.id))

    def reload(self) -> None:
        me = self.sk.me
        if me is None:
            return
        today = self.store.today(me)
        if self.team_view and self.can_see_team():
            led = self.store.led_team_ids(me.id)
            self.team_id = self.team_id if self.team_id in led else (self.sk.board_team_id if self.sk.board_team_id in led else led[0])
            team = self.store.require_team(self.team_id)
            self.query_one("#targets-title", Static).update(say("targets.team_heading", team=team.name, year=today.year))
            targets = self.store.team_targets(team.id)
            owners = {plan.id: employee.short_name
                      for employee, _role in self.store.team_members(team.id)
                      for plan in self.store.plans_for(employee.id)}
            indicators = self._indicators(targets, today, employee_ids=None, owners=owners)
            self._show_members(team.id, today)
        else:
            self.team_view = False
            self.query_one("#targets-title", Static).update(
                say("targets.heading", who=me.short_name, year=today.year))
            indicators = self._indicators(self.store.targets_for(me.id, today), today, employee_ids=[me.id])
            for widget in self.query("#members, #members-title"):
                widget.add_class("-hidden")
        data = self._month(me, today)
        data.section, data.none, data.indicators = t("targets.indicators"), t("targets.none"), indicators
        self.query_one("#targets-view", TargetsView).show(data)

    def _month(self, me: Employee, today: dt.date) -> TargetsData:
        explanation = self.store.explain(me, today)
        figures = explanation.figures()
        target = float(explanation.recap.target) if explanation.recap else float(figures["target"])
        start, end = kinerja.month_bounds(today)
        prefix = (shown(me.short_name) + " · ") if self.team_view else ""
        allowance = rupiah(figures["allowance"]) if figures["allowance"] is not None else "?"
        line = prefix + t("targets.month", month=month_name(today), approved=number(figures["approved"]),
                          target=number(target, 0 if target.is_integer() else 2),
                          achievement=percent(Decimal(figures["achievement"])),
                          allowance=allowance)
        version = explanation.policy_version
        problem = explanation.step("policy").detail.get("unreadable")
        if problem is not None:  # the defaults stand in: said, never shown as the agency's version
            line += "\n⚠ " + t("targets.policy_unreadable", why=problem)
        else:
            line += " · " + (t("targets.policy", version=version) if version is not None else t("targets.policy_local"))
        if figures["late_reports"]:
            line += "\n" + t("targets.late", n=figures["late_reports"], minutes=number(figures["late_minutes"]))
        if explanation.recap is None:
            line += "\n⚠ " + t("targets.no_ceiling", job_class=me.job_class)
        official = next((s.detail["figures"] for s in explanation.steps if s.key == "official"), None)
        if explanation.closed and official is not None:
            line += "\n" + t("targets.closed", allowance=rupiah(official.get("allowance") or 0),
                              version=official.get("policy_version"))
        daily = self.store.daily_minutes(me.id, start, today)
        by_status = self.store.minutes_by_status(me.id, start, today)
        done = by_status["approved"] + by_status["submitted"]
        elapsed = len(kinerja.working_days(start, today, self.store.policy))
        total = len(kinerja.working_days(start, end, self.store.policy))
        projected = kinerja.pace_projection(done, elapsed, total)
        pct = percent(projected / target) if target else "–"
        return TargetsData(month=Text(line, end=""), share=min(float(figures["approved"]), target) / max(1.0, target),
                           daily_label=t("targets.daily"), daily=[minutes for _day, minutes in daily] or [0],
                           projection=Text(t("targets.projection", minutes=number(projected), pct=pct), end=""))

    def _indicators(self, targets: list[Target], today: dt.date, employee_ids: list[str] | None,
                    owners: dict[str, str] | None = None) -> list[Indicator]:
        indicators = self.store.indicators_for([x.id for x in targets])
        if not indicators:
            return []
        plans = {p.id: p for p in self.store.plans_for(employee_ids[0])} if employee_ids else {}
        by_target = {x.id: x for x in targets}
        start = min((p.period_start for p in plans.values()), default=today.replace(month=1, day=1))
        end = max((p.period_end for p in plans.values()), default=today.replace(month=12, day=31))
        progress = self.store.indicator_progress([i.id for i in indicators], start, today, employee_ids)
        elapsed = (today - start).days + 1
        total = (end - start).days + 1
        rows: list[Indicator] = []
        for indicator in indicators:
            done = progress.get(indicator.id, {}).get("approved", 0.0)
            projected = kinerja.pace_projection(done, elapsed, total)
            target = by_target.get(indicator.target_id)
            owner = (owners or {}).get(target.plan_id, "") if target else ""
            label = Text.assemble(plain(indicator.text, "bold", multiline=True),
                                  plain(f" — {target.text}" if target else "", multiline=True),
                                  plain(f" · {owner}" if owner else "", "italic"))
            if indicator.aspect != Aspect.QUANTITY:
                # Quality, time and cost are judged at evaluation; daily volumes don't add up to them.
                rows.append(Indicator(label, say("targets.assessed", target=number(indicator.target_value, 0),
                                                 unit=indicator.unit), measured=False))
                continue
            share = min(done, indicator.target_value) / indicator.target_value if indicator.target_value else 0.0
            filled = bar(share, 1, BAR_CELLS)
            rows.append(Indicator(label, Text.assemble(
                (filled, "bold"), ("─" * (BAR_CELLS - len(filled)), "dim"), f" {percent(share):>6} ",
                plain(say("targets.indicator_line", value=number(done, 0), target=number(indicator.target_value, 0),
                          unit=indicator.unit, projected=number(projected, 1))))))
        return rows

    def _show_members(self, team_id: str, today: dt.date) -> None:
        table = self.query_one("#members", DataTable)
        rows: list[tuple[str, tuple[object, ...]]] = []
        for employee, explanation in self.store.team_recap(team_id, today):
            f = explanation.figures()
            rows.append((employee.id, (plain(employee.short_name, ellipsis=True), number(f["approved"]),
                                       number(float(f["target"]), 2), number(f["effective"]),
                                       str(f["negative_activities"]), percent(Decimal(f["achievement"])),
                                       str(employee.job_class),
                                       rupiah(f["allowance"]) if f["allowance"] is not None else "?")))
        if rows != self._member_rows:  # the same rows again: the table and its drawn lines stand
            self._member_rows = rows
            table.clear()
            for key, cells in rows:
                table.add_row(*cells, key=key)
        for widget in self.query("#members, #members-title"):
            widget.remove_class("-hidden")

    def action_toggle_view(self) -> None:
        if not self.can_see_team():
            self.app.notify(t("review.not_lead"), severity="warning")
            return
        self.team_view = not self.team_view
        self.reload()

    def action_choose_team(self) -> None:
        me = self.store.require_me()
        led = self.store.led_team_ids(me.id)
        if not led:
            self.app.notify(t("review.not_lead"), severity="warning")
            return
        options = [(x, self.store.require_team(x).name) for x in led]

        def done(value: str | None) -> None:
            if value:
                self.team_id, self.team_view = value, True
                self.reload()

        self.app.push_screen(PickScreen(t("board.choose_team"), options, self.team_id), done)

    def action_explain(self) -> None:
        from sk_tui.tui.screens.explain import ExplainScreen

        me = self.store.require_me()
        self.app.push_screen(ExplainScreen(me, self.store.today(me)))

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        from sk_tui.tui.screens.explain import ExplainScreen

        if event.data_table.id != "members" or event.row_key.value is None:
            return
        me = self.store.require_me()
        employee = self.store.find_employee(event.row_key.value)
        self.app.push_screen(ExplainScreen(employee, self.store.today(me)))

    def action_scroll(self, step: int) -> None:
        self.query_one("#targets-body").scroll_relative(y=step, animate=False)
