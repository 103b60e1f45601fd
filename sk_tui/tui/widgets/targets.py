"""The targets screen's month block and indicator list, drawn as one widget (Textual's line API).

A widget per line (a ProgressBar, a Sparkline, two Statics per indicator) made the screen's
first frame wait for Textual to style and lay out each of them; here the screen hands over the
texts and figures once, the widget draws them into strips once per width and ``render_line``
returns the cached strip. The height follows the text's wrapping (``get_content_height``), so
the screen's scroll container scrolls it as before.

What it shows, top to bottom: the month line, the month's progress bar and percentage, the
daily minutes as a three-line sparkline with its label, the projection, the indicators' section
title, then per indicator its text (bold) and either its bar line or its "assessed at
evaluation" line (muted). Colours come from component classes, so themes, the light mode and
NO_COLOR apply as to any widget.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from rich.console import RenderableType
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual.geometry import Size
from textual.renderables.bar import Bar
from textual.renderables.sparkline import Sparkline
from textual.strip import Strip
from textual.widget import Widget

MONTH_BAR_CELLS = 32  # as Textual's ProgressBar drew it
SPARK_HEIGHT = 3


@dataclass
class Indicator:
    """One indicator as drawn: its text, and its progress line (``measured``) or the line
    that says it is assessed at evaluation."""

    text: Text
    line: Text
    measured: bool = True


@dataclass
class TargetsData:
    month: Text = field(default_factory=Text)
    share: float = 0.0  # of the month's target, 0..1
    daily_label: str = ""
    daily: list[float] = field(default_factory=list)
    projection: Text = field(default_factory=Text)
    section: str = ""
    indicators: list[Indicator] = field(default_factory=list)
    none: str = ""  # shown when there is no indicator


class TargetsView(Widget):
    """The month block and the indicators of the targets screen (see the module doc)."""

    COMPONENT_CLASSES = {
        "targets--section",
        "targets--muted",
        "targets--bar",
        "targets--bar-back",
        "targets--spark-max",
        "targets--spark-min",
    }

    SCOPED_CSS = False  # the light-mode rule names the App's class
    DEFAULT_CSS = """
    TargetsView { height: auto; width: 1fr; }
    TargetsView > .targets--section { text-style: bold; color: $text-accent; }
    TargetsView > .targets--muted { color: $text-muted; }
    TargetsView > .targets--bar { color: $primary; background: $surface; }
    TargetsView > .targets--bar-back { color: $surface; }
    TargetsView > .targets--spark-max { color: $primary; }
    TargetsView > .targets--spark-min { color: $primary 30%; }
    App.-light-mode TargetsView > .targets--section { color: $foreground; }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.data = TargetsData()
        self._strips: list[Strip] = []
        self._width = -1

    # --- what the tests and screen readers of the text use ------------------------------

    @property
    def month_line(self) -> str:
        return self.data.month.plain

    @property
    def daily(self) -> list[float]:
        return self.data.daily

    def indicator_texts(self) -> list[str]:
        return [x.text.plain for x in self.data.indicators]

    def indicator_rows(self) -> list[str]:
        return [x.line.plain for x in self.data.indicators]

    def text(self) -> str:
        """Everything drawn, as plain text (line by line, at the current width)."""
        return "\n".join(strip.text.rstrip() for strip in self._lines(max(1, self.size.width)))

    # --- data --------------------------------------------------------------------------

    def show(self, data: TargetsData) -> None:
        if data == self.data:  # opened again on the same figures: the drawn lines stand
            return
        self.data = data
        self._forget()
        self.refresh(layout=True)  # the height follows the lines

    def _forget(self) -> None:
        self._strips = []
        self._width = -1

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._forget()

    # --- drawing -----------------------------------------------------------------------

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(self._lines(width))

    def render_line(self, y: int) -> Strip:
        width = self.size.width
        lines = self._lines(width)
        if 0 <= y < len(lines):
            return lines[y]
        return Strip.blank(width, self.rich_style)

    def _lines(self, width: int) -> list[Strip]:
        if width != self._width:
            self._strips = self._draw(max(1, width))
            self._width = width
        return self._strips

    def _strips_of(self, renderable: RenderableType, width: int, style: Style) -> list[Strip]:
        console = self.app.console
        options = console.options.update(width=width, height=None, highlight=False)
        return [Strip(line, width) for line in console.render_lines(renderable, options, style=style, pad=True)]

    def _draw(self, width: int) -> list[Strip]:
        base = self.rich_style
        part = self.get_component_rich_style
        data = self.data
        blank = Strip.blank(width, base)
        out: list[Strip] = []
        out += self._strips_of(data.month, width, base)
        out.append(self._month_bar(width, base))
        out += self._sparkline(width, base)
        out += self._strips_of(data.projection, width, base)
        out.append(blank)
        out += self._strips_of(Text(data.section, style=part("targets--section"), end=""), width, base)
        if not data.indicators and data.none:
            out += self._strips_of(Text(data.none, style=part("targets--muted"), end=""), width, base)
        for indicator in data.indicators:
            out.append(blank)
            out += self._strips_of(indicator.text, width, base)
            line = indicator.line if indicator.measured else Text.assemble(indicator.line, style=part("targets--muted"))
            out += self._strips_of(line, width, base)
        return out

    def _month_bar(self, width: int, base: Style) -> Strip:
        bar_style = self.get_component_rich_style("targets--bar")
        cells = min(MONTH_BAR_CELLS, width)
        share = max(0.0, min(1.0, self.data.share))
        drawn = self._strips_of(Bar((0, cells * share), highlight_style=Style(color=bar_style.color),
                                 background_style=Style(color=bar_style.bgcolor), width=cells), cells, base)
        label = f"{int(share * 100)}%".rjust(6)  # as Textual's ProgressBar said it
        segments = [*drawn[0], Segment(label, base)] if drawn else [Segment(label, base)]
        return Strip(segments).adjust_cell_length(width, base)

    def _sparkline(self, width: int, base: Style) -> list[Strip]:
        label = self.data.daily_label + " "
        used = min(width, len(label))
        spark_width = width - used
        rows: list[list[Segment]] = [[Segment(" " * used, base)] for _ in range(SPARK_HEIGHT)]
        rows[SPARK_HEIGHT // 2] = [Segment(label[:used], base)]
        if spark_width > 0:
            background = self.background_colors[1]
            low = background + self.get_component_styles("targets--spark-min").color
            high = background + self.get_component_styles("targets--spark-max").color
            spark = Sparkline(self.data.daily or [0], width=spark_width, height=SPARK_HEIGHT,
                              min_color=low.rich_color, max_color=high.rich_color)
            for row, line in zip(rows, self._strips_of(spark, spark_width, base), strict=False):
                row.extend(line)
        return [Strip(row).adjust_cell_length(width, base) for row in rows]
