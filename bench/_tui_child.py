"""Child process for bench_tui.py: starts an app headless, measures, prints one JSON line.

    python bench/_tui_child.py hello
    python bench/_tui_child.py sk DB_PATH
"""

from __future__ import annotations

import json
import sys
import time


def rss_mb() -> float:
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


async def timed_presses(pilot, keys: list[str]) -> list[float]:
    """Seconds each ``pilot.press`` took, key by key."""
    presses = []
    for key in keys:
        started = time.perf_counter()
        await pilot.press(key)
        presses.append(time.perf_counter() - started)
    return presses


def run_hello(measure: bool) -> None:
    from textual.app import App
    from textual.widgets import Footer, Header, Static

    class Hello(App):
        def compose(self):
            yield Header()
            yield Static("hello")
            yield Footer()

    result: dict = {}

    async def pilot(p):
        await p.pause()
        if measure:
            # The same presses as the sk run, on keys that do nothing: Pilot's own overhead.
            result["key_press_s"] = await timed_presses(p, ["right", "down", "left", "up"] * 10 + ["x", "y"] * 10)
        p.app.exit()

    Hello().run(headless=True, size=(120, 40), auto_pilot=pilot)
    result["rss_mb"] = round(rss_mb(), 1)
    print(json.dumps(result))


def run_sk(db_path: str, measure: bool) -> None:
    from sk_tui.tui.app import SkApp
    from sk_tui.tui.screens.board import BoardScreen

    result: dict = {}

    async def pilot(p):
        app = p.app
        while not isinstance(app.screen, BoardScreen):
            await p.pause()
        await p.pause()
        result["first_board_frame_s"] = time.perf_counter()
        if measure:
            result["rss_mb_board"] = round(rss_mb(), 1)
            # cursor moves across columns and cards, then card moves right/left (store writes)
            result["key_press_s"] = await timed_presses(p, ["right", "down", "left", "up"] * 10 + [">", "<"] * 10)
            opens = []
            for _ in range(5):
                started = time.perf_counter()
                await p.press("3")
                await p.pause()
                opens.append(time.perf_counter() - started)
                await p.press("1")
                await p.pause()
            result["targets_open_s"] = opens
            started = time.perf_counter()
            await p.press("2")
            await p.pause()
            result["report_open_s"] = time.perf_counter() - started
            result["rss_mb_end"] = round(rss_mb(), 1)
        app.exit()

    SkApp(db_path=db_path, autosync=False).run(headless=True, size=(120, 40), auto_pilot=pilot)
    print(json.dumps(result))


if __name__ == "__main__":
    if sys.argv[1] == "hello":
        run_hello(measure=sys.argv[-1] == "measure")
    else:
        run_sk(sys.argv[2], measure=sys.argv[-1] == "measure")
