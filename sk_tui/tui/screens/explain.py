"""Rincian: every step behind one person's month (DOMAIN.md steps 1-6), the same lines
`sk-tui recap` prints, from the domain's ``kinerja.explain``/``describe``."""

from __future__ import annotations

import datetime as dt

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.widgets import Label, Static

from sk_tui.domain import kinerja
from sk_tui.domain.i18n import language, month_name, t
from sk_tui.domain.models import Employee
from sk_tui.tui.bindings import make
from sk_tui.tui.plain import plain
from sk_tui.tui.screens.dialogs import Dialog


def explanation_table(explanation: kinerja.Explanation) -> Table:
    """The steps as a two-column table; values may hold people's text (a decision's number),
    so every cell is a Text, never markup."""
    table = Table(box=None, expand=True, show_header=False, padding=(0, 1))
    table.add_column(no_wrap=True, style="bold")
    table.add_column(ratio=1)
    for label, value in kinerja.describe(explanation, language()):
        table.add_row(Text(label), plain(value, multiline=False))
    return table


class ExplainScreen(Dialog[None]):
    BINDINGS = [
        make("escape,q,r", "cancel", "explain.close", key_display="Esc"),
        make("down,j", "scroll(1)", "scroll.down", show=False),
        make("up,k", "scroll(-1)", "scroll.up", show=False),
    ]

    def __init__(self, employee: Employee, month: dt.date) -> None:
        super().__init__()
        self.employee = employee
        self.month = month

    def compose(self) -> ComposeResult:
        explanation = self.store.explain(self.employee, self.month)
        self.table = explanation_table(explanation)
        title = Text.assemble(t("explain.title", month=month_name(self.month)) + " · ",
                              plain(self.employee.short_name), f" ({self.employee.nip})")
        with Vertical(classes="dialog", id="explain-dialog"):
            yield Label(title, classes="dialog-title", markup=False)
            with VerticalScroll(id="explain-scroll"):
                yield Static(self.table, id="explain-table")
            yield Label(t("explain.hint"), classes="dialog-hint", markup=False)

    def on_mount(self) -> None:
        self.query_one("#explain-scroll").focus()

    def action_scroll(self, step: int) -> None:
        self.query_one("#explain-scroll").scroll_relative(y=step, animate=False)
