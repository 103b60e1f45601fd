"""Help: every key of every screen, with the binding ids the config keymap uses."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.dom import DOMNode
from textual.widgets import Label, Static

from sk_tui.domain.i18n import t
from sk_tui.tui.bindings import binding_rows, make
from sk_tui.tui.screens.dialogs import Dialog


class HelpScreen(Dialog[None]):
    """Every key: the screen it was opened from first, then the app's, then the other screens'."""

    BINDINGS = [
        make("escape,q,f1,question_mark", "cancel", "help.close", key_display="esc"),
        make("down,j", "scroll(1)", "scroll.down", show=False),
        make("up,k", "scroll(-1)", "scroll.up", show=False),
    ]

    def __init__(self, here: type[DOMNode] | None = None) -> None:
        super().__init__()
        self.here = here

    def compose(self) -> ComposeResult:
        from sk_tui.tui.app import SkApp
        from sk_tui.tui.screens.activity_form import ActivityForm
        from sk_tui.tui.screens.board import BoardScreen
        from sk_tui.tui.screens.problems import ProblemsScreen
        from sk_tui.tui.screens.report import ReportScreen
        from sk_tui.tui.screens.review import ReviewScreen
        from sk_tui.tui.screens.targets import TargetsScreen

        keymap = dict(self.sk.config.keymap)
        sections: list[tuple[str, type[DOMNode]]] = [
            (t("help.section.app"), SkApp),
            (t("mode.board"), BoardScreen),
            (t("mode.report"), ReportScreen),
            (t("mode.targets"), TargetsScreen),
            (t("mode.review"), ReviewScreen),
            (t("mode.problems"), ProblemsScreen),
            (t("form.save"), ActivityForm),
        ]
        here = next((s for s in sections if s[1] is self.here), None)
        if here is not None:
            sections.remove(here)
            sections.insert(0, (t("help.section.here", screen=here[0]), here[1]))
        table = self.table = Table(box=None, expand=True, show_header=True, header_style="bold", padding=(0, 1))
        table.add_column(t("help.col.keys"), no_wrap=True, width=14)
        table.add_column(t("help.col.action"), ratio=2)
        table.add_column(t("help.col.id"), ratio=2, no_wrap=True, overflow="ellipsis")
        for title, node_class in sections:
            # The heading sits in the wide column: the keys column is too narrow for it.
            table.add_row(Text("▸", style="bold"), Text(title, style="bold underline"), "")
            for keys, description, binding_id in binding_rows(node_class, keymap):
                # Keys may come from the user's config file: Text, so Rich never reads markup.
                table.add_row(Text(keys), Text(description), Text(binding_id))
        with Vertical(classes="dialog", id="help-dialog"):
            yield Label(t("help.title"), classes="dialog-title", markup=False)
            with VerticalScroll(id="help-scroll"):
                yield Static(table, id="help-table")
            yield Label(t("help.footer"), classes="dialog-hint", markup=False)

    def on_mount(self) -> None:
        self.query_one("#help-scroll").focus()

    def action_scroll(self, step: int) -> None:
        self.query_one("#help-scroll").scroll_relative(y=step, animate=False)
