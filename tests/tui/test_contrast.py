"""Readable in every theme: every piece of text on the main screens has a contrast of at least
4.5:1 (WCAG AA) against the background it is drawn on, in textual-dark, textual-light,
ansi-dark, ansi-light and with NO_COLOR, at 80x24 and 120x40, as staff, lead and JPT; and what colour says is also said in characters.

The screens are exported as SVG (what the snapshots store), each text run paired with the
background rectangle under it, and the WCAG contrast of the two colours computed. ANSI colours
are resolved with the palette the app itself uses for them; NO_COLOR turns every colour into
its grey (Textual's Monochrome filter), checked the same way.
"""

from __future__ import annotations

import io
import re
from html import unescape

import pytest
from rich.console import Console
from textual.color import Color

from tests.helpers.app import make_app

MINIMUM = 4.5
# Lines, borders and the Select's arrow: drawing, not text (they carry no words).
DECORATION = set("─│▏▎▍▌▋▊▉█▐▕━┃╭╮╰╯ ▔▁▂▃▄▅▆▇▼▲╺╸")  # ▂…▇ sparkline and scrollbar, ╺╸ a bar's track

TEXT = re.compile(r'<text class="([^"]+)" x="([\d.]+)" y="([\d.]+)" textLength="([\d.]+)"[^>]*>([^<]*)</text>')
RECT = re.compile(r'<rect fill="(#[0-9a-fA-F]{6})" x="([\d.]+)" y="([\d.]+)" width="([\d.]+)" height="([\d.]+)" '
                  r'shape-rendering="crispEdges"/>')
CLASS = re.compile(r"\.([\w-]+) \{ fill: (#[0-9a-fA-F]{6})")


def luminance(hex_colour: str) -> float:
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (int(hex_colour[i:i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def contrast(a: str, b: str) -> float:
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def grey(hex_colour: str) -> str:
    return Color.parse(hex_colour).monochrome.hex


def screenshot(app) -> str:
    """The SVG the app would export, with ANSI colours in the app's own palette."""
    width, height = app.size
    console = Console(width=width, height=height, file=io.StringIO(), force_terminal=True,
                      color_system="truecolor", record=True, legacy_windows=False, safe_box=False)
    console.print(app.screen._compositor.render_update(full=True, screen_stack=app._background_screens))
    theme = app.ansi_theme_dark if app.current_theme.dark else app.ansi_theme_light
    return console.export_svg(title="contrast", theme=theme)


CELL_WIDTH, LINE_HEIGHT, FIRST_BASELINE = 12.2, 24.4, 20  # Rich's SVG: font size 20


def low_contrast(svg: str, no_color: bool = False, region=None) -> list[tuple[float, str, str, str]]:
    """(ratio, text, fg, bg) for every text run below the minimum; within ``region`` (cells)
    when given: what a dialog dims behind it is meant to recede."""
    fills = dict(CLASS.findall(svg))
    rects = [(fill, float(x), float(y), float(w), float(h)) for fill, x, y, w, h in RECT.findall(svg)]
    found = []
    for css_class, x, y, _length, raw in TEXT.findall(svg):
        text = unescape(raw).replace("\xa0", " ")
        if not text.strip() or css_class not in fills:
            continue
        tx, ty = float(x), float(y)
        if region is not None and not region.contains(round(tx / CELL_WIDTH),
                                                      round((ty - FIRST_BASELINE) / LINE_HEIGHT)):
            continue
        under = [r for r in rects if r[1] <= tx + 0.1 < r[1] + r[3] and r[2] <= ty - 6 < r[2] + r[4]]
        if not under:
            continue
        fg, bg = fills[css_class], under[-1][0]
        if no_color:
            fg, bg = grey(fg), grey(bg)
        ratio = contrast(fg, bg)
        if ratio < MINIMUM and not set(text.strip()) <= DECORATION:
            found.append((round(ratio, 2), text.strip(), fg, bg))
    return found


class _Tour:
    """Screenshots taken along a walk through the app; each names the screen it expects, so a
    changed key cannot silently leave the walk on the wrong screen."""

    def __init__(self, app, pilot) -> None:
        self.app, self.pilot, self.shots = app, pilot, []

    async def shot(self, name: str, screen: str) -> None:
        await self.pilot.pause()
        await self.pilot.pause()
        assert type(self.app.screen).__name__ == screen, (name, type(self.app.screen).__name__)
        dialog = self.app.screen.query(".dialog")
        self.shots.append((name, screenshot(self.app), dialog.first().region if dialog else None))


async def _main_screens(app, pilot):
    """(name, svg, dialog region) of the screens a member sees, one after the other."""
    tour = _Tour(app, pilot)
    await pilot.press("right")
    await tour.shot("board", "BoardScreen")
    await pilot.press("o")
    await tour.shot("board filtered", "BoardScreen")
    await pilot.press("escape", "2")
    await tour.shot("report", "ReportScreen")
    await pilot.press("a")
    await tour.shot("activity form (hints)", "ActivityForm")
    await pilot.press(*"abc", "tab", *"x", "ctrl+s")
    await tour.shot("activity form (error)", "ActivityForm")
    await pilot.press("escape")
    await tour.shot("keep or discard", "DraftChoiceScreen")
    await pilot.press("down", "enter")  # discard
    await pilot.pause()
    await pilot.press("s")
    await tour.shot("submit confirmation", "ConfirmScreen")
    await pilot.press("n", "3")
    await tour.shot("targets", "TargetsScreen")
    await pilot.press("r")
    await tour.shot("explanation", "ExplainScreen")
    await pilot.press("escape", "5")
    await tour.shot("problems", "ProblemsScreen")
    await pilot.press("f1")
    await tour.shot("help", "HelpScreen")
    await pilot.press("escape", "1", "enter")
    await tour.shot("task form", "TaskForm")
    await pilot.press("escape")
    return tour.shots


async def _lead_screens(app, pilot):
    tour = _Tour(app, pilot)
    await pilot.press("4")
    await tour.shot("review", "ReviewScreen")
    await pilot.press("r")
    await tour.shot("return note", "NoteScreen")
    await pilot.press("escape", "3", "m")
    await tour.shot("targets of the team", "TargetsScreen")
    await pilot.press("r")
    await tour.shot("explanation", "ExplainScreen")
    return tour.shots


async def _jpt_screens(app, pilot):
    tour = _Tour(app, pilot)
    await pilot.press("6")
    await tour.shot("teams view", "TeamsScreen")
    await pilot.press("tab")
    await tour.shot("teams view, next table", "TeamsScreen")
    await pilot.press("1")
    await tour.shot("board of the JPT", "BoardScreen")
    return tour.shots


THEMES = ["textual-dark", "textual-light", "ansi-dark", "ansi-light"]
SIZES = [pytest.param((80, 24), id="80x24"), pytest.param((120, 40), id="120x40")]
ROLES = {"staff": (None, _main_screens), "lead": ("lead", _lead_screens), "jpt": ("jpt", _jpt_screens)}


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("theme", [*THEMES, "NO_COLOR"])
@pytest.mark.parametrize("role", ROLES)
async def test_every_text_on_the_main_screens_has_enough_contrast(workspace, role, theme, size):
    """Staff (board, report, forms, targets, problems, help, task form), lead (review, the
    return note, the team's targets, the explanation) and JPT (the view across teams)."""
    from sk_tui.store import Store

    path, org, _ids = workspace
    who, tour = ROLES[role]
    if who:
        store = Store.open(path)
        store.set_me(getattr(org, who).id)
        store.close()
    app = make_app(path, theme="textual-dark" if theme == "NO_COLOR" else theme)
    failures = []
    async with app.run_test(size=size) as pilot:
        for name, svg, region in await tour(app, pilot):
            failures += [(name, *low) for low in low_contrast(svg, no_color=theme == "NO_COLOR", region=region)]
    assert not failures, "\n".join(map(str, sorted(set(failures))[:40]))


async def test_overdue_is_marked_by_a_character_not_only_by_colour(workspace):
    path, _org, _ids = workspace
    app = make_app(path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        board = app.screen.query_one("#board")
        text = "\n".join(board.render_line(y).text for y in range(board.size.height))
        assert "!24/11" in text  # the overdue card's due date


@pytest.mark.parametrize("theme", THEMES)
async def test_the_first_run_welcome_has_enough_contrast(tmp_path, theme):
    app = make_app(tmp_path / "none.db", theme=theme)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.pause()
        failures = low_contrast(screenshot(app))
    assert not failures, "\n".join(map(str, sorted(set(failures))[:40]))


def _text(app) -> str:
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())


def _bold_rows(app) -> list[str]:
    """The screen's lines drawn bold from their first letter (a cursor row)."""
    rows = []
    for strip in app.screen._compositor.render_strips():
        worded = [seg for seg in strip if seg.text.strip()]
        if worded and all(seg.style and seg.style.bold for seg in worded[:3]):
            rows.append(strip.text)
    return rows


async def test_what_colour_says_is_also_said_in_characters(workspace, monkeypatch):
    """With NO_COLOR (every colour a grey), each state still shows in the text: the chosen
    card (▌), an overdue due date (!), the active filter (in the title and the footer), an
    approved day (Disetujui, ✓ per activity), a returned one (Dikembalikan, ↩ and the note),
    and the chosen row of a table (bold)."""
    import datetime as dt

    from sk_tui.store import Store
    from tests.helpers.clock import TODAY

    path, org, _ids = workspace
    store = Store.open(path)
    returned = store.report_for(org.ani.id, TODAY - dt.timedelta(days=1))
    store.review_report(returned.id, org.lead.id, "return", note="Lengkapi bukti dukung")
    store.close()
    monkeypatch.setenv("NO_COLOR", "1")
    app = make_app(path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("right")
        await pilot.pause()
        board = _text(app)
        chosen = [line for line in board.splitlines() if "▌" in line]
        assert chosen and all("▌Draf" in line or "▌Pengelolaan" in line or "!24/11" in line for line in chosen), board
        assert "! terlambat" in board  # the preview says it in words too
        await pilot.press("o")
        await pilot.pause()
        filtered = _text(app)
        assert filtered.count("saring: terlambat") == 2, filtered  # the title and the footer
        await pilot.press("escape", "2", "p")
        await pilot.pause()
        await pilot.pause()
        text = _text(app)
        assert "Dikembalikan" in text and "↩" in text and "Lengkapi bukti dukung" in text, text
        await pilot.press("p", "p")
        await pilot.pause()
        text = _text(app)
        assert "Disetujui" in text and "1✓" in text, text
        assert any("Menyusun telaah hukum" in row for row in _bold_rows(app)), text
