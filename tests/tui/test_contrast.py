"""Readable in every theme: every piece of text on the main screens has a contrast of at least
4.5:1 (WCAG AA) against the background it is drawn on, in textual-dark, textual-light,
ansi-dark and with NO_COLOR; and what colour says is also said in characters.

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
DECORATION = set("─│▏▎▍▌▋▊▉█▐▕━┃╭╮╰╯ ▔▁▼▲")

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


async def _main_screens(app, pilot, lead: bool = False):
    """(name, svg) of the screens a member and a lead see, one after the other."""
    shots = []

    async def shot(name: str) -> None:
        await pilot.pause()
        await pilot.pause()
        dialog = app.screen.query(".dialog")
        shots.append((name, screenshot(app), dialog.first().region if dialog else None))

    await pilot.press("right")
    await shot("board")
    await pilot.press("o")
    await shot("board filtered")
    await pilot.press("escape", "2")
    await shot("report")
    await pilot.press("a")
    await shot("activity form (hints)")
    await pilot.press(*"abc", "tab", *"x", "ctrl+s")
    await shot("activity form (error)")
    await pilot.press("escape", "escape")
    await pilot.pause()
    await pilot.press("escape", "2", "s")
    await shot("submit confirmation")
    await pilot.press("n", "3")
    await shot("targets")
    await pilot.press("5")
    await shot("problems")
    await pilot.press("f1")
    await shot("help")
    await pilot.press("escape", "1", "enter")
    await shot("task form")
    await pilot.press("escape")
    return shots


THEMES = ["textual-dark", "textual-light", "ansi-dark"]


@pytest.mark.parametrize("theme", [*THEMES, "NO_COLOR"])
async def test_every_text_on_the_main_screens_has_enough_contrast(workspace, theme):
    path, _org, _ids = workspace
    app = make_app(path, theme="textual-dark" if theme == "NO_COLOR" else theme)
    failures = []
    async with app.run_test(size=(120, 40)) as pilot:
        for name, svg, region in await _main_screens(app, pilot):
            failures += [(name, *low) for low in low_contrast(svg, no_color=theme == "NO_COLOR", region=region)]
    assert not failures, "\n".join(map(str, sorted(set(failures))[:40]))


@pytest.mark.parametrize("theme", THEMES)
async def test_the_review_screen_of_a_lead_has_enough_contrast(workspace, theme):
    from sk_tui.store import Store

    path, org, _ids = workspace
    store = Store.open(path)
    store.set_me(org.lead.id)
    store.close()
    app = make_app(path, theme=theme)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("4")
        await pilot.pause()
        await pilot.pause()
        failures = low_contrast(screenshot(app))
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
