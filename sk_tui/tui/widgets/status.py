"""The top line: app name, who I am, the screen, and the sync state."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from sk_tui.domain.i18n import language, t
from sk_tui.tui.plain import shown


class StatusBar(Static):
    """`SK-TUI · Papan tim · Ani Lestari (anggota)        ● luring · antrean 2 · belum sinkron`"""

    COMPONENT_CLASSES = {"status--online", "status--offline"}
    DEFAULT_CSS = """
    StatusBar { dock: top; height: 1; background: $panel; color: $foreground; padding: 0 1; }
    StatusBar > .status--online { color: $text-success; text-style: bold; }
    StatusBar > .status--offline { color: $text-warning; text-style: bold; }
    """

    def __init__(self, title_key: str) -> None:
        super().__init__(id="status-bar", markup=False)
        self.title_key = title_key

    def on_mount(self) -> None:
        self.refresh_status()

    def refresh_status(self) -> None:
        app = self.app
        state = getattr(app, "sync_state", None)
        left = Text()
        left.append("SK-TUI", style="bold")
        left.append(" · " + t(self.title_key))
        who = getattr(app, "who_label", "")
        if who:
            left.append(" · " + shown(who))
        right = Text()
        if state is not None:
            pulled = getattr(state, "pulled", 0)
            if state.syncing and pulled:  # a long pull (a new device's first) says how far it is
                count = f"{pulled:,}" if language() == "en" else f"{pulled:,}".replace(",", ".")
                right.append("◌ " + t("sync.pulling", n=count), style="bold")
            elif state.syncing:
                right.append("◌ " + t("sync.syncing"), style="bold")
            elif state.online:
                right.append("● " + t("sync.online"), style=self.get_component_rich_style("status--online", partial=True))
            else:
                right.append("○ " + t("sync.offline"), style=self.get_component_rich_style("status--offline", partial=True))
            right.append(" · " + t("sync.queued", n=state.queued))
            problems = getattr(state, "problems", 0)
            if problems:
                right.append(" · ")
                right.append(t("sync.problems", n=problems), style=self.get_component_rich_style("status--offline", partial=True))
            right.append(" · " + (t("sync.last", time=state.last_sync) if state.last_sync else t("sync.never")))
        width = max(0, self.size.width - 2)
        if left.cell_len + right.cell_len + 1 > width:
            left.truncate(max(0, width - right.cell_len - 1), overflow="ellipsis")
        pad = max(1, width - left.cell_len - right.cell_len)
        self.update(Text.assemble(left, " " * pad, right), layout=False)  # one docked line: no layout

    def on_resize(self) -> None:
        self.refresh_status()
