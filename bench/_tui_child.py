"""Child process for bench_tui.py.

    python bench/_tui_child.py hello              # hello-world app, headless, to its first frame
    python bench/_tui_child.py sk DB_PATH         # SkApp, headless, to its first board frame
    python bench/_tui_child.py terminal DB RSS    # SkApp on the terminal it is given (a pty)
    python bench/_tui_child.py terminal-hello TIMING RSS   # the key-to-frame baseline, on a pty

The headless runs exit at their first frame (cold start is timed from spawn to exit by the
parent) and print one JSON line.
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


def run_hello() -> None:
    from textual.app import App
    from textual.widgets import Footer, Header, Static

    class Hello(App):
        def compose(self):
            yield Header()
            yield Static("hello")
            yield Footer()

    async def pilot(p):
        await p.pause()
        p.app.exit()

    Hello().run(headless=True, size=(120, 40), auto_pilot=pilot)
    print(json.dumps({"rss_mb": round(rss_mb(), 1)}))


def run_sk(db_path: str) -> None:
    from sk_tui.tui.app import SkApp
    from sk_tui.tui.screens.board import BoardScreen

    result: dict = {}

    async def pilot(p):
        while not isinstance(p.app.screen, BoardScreen):
            await p.pause()
        await p.pause()
        result["first_board_frame_s"] = time.perf_counter()
        result["rss_mb_board"] = round(rss_mb(), 1)
        p.app.exit()

    SkApp(db_path=db_path, autosync=False).run(headless=True, size=(120, 40), auto_pilot=pilot)
    print(json.dumps(result))


def run_terminal(db_path: str, rss_file: str) -> None:
    """The real app on the terminal it was given (a pty from bench_tui.py), real driver; its
    resident memory at the end (every screen opened) goes to ``rss_file``."""
    from sk_tui.tui.app import SkApp

    SkApp(db_path=db_path, autosync=False).run()
    with open(rss_file, "w") as out:
        out.write(str(round(rss_mb(), 1)))


def run_terminal_hello(records: str, rss_file: str) -> None:
    """The key-to-frame baseline: a bare Textual app whose arrow keys move a table's cursor, on
    the terminal it is given, with the same timing hook as the app."""
    from textual.app import App
    from textual.widgets import DataTable, Footer, Header

    from sk_tui.tui import timing

    class HelloTable(App):
        def compose(self):
            yield Header()
            yield DataTable()
            yield Footer()

        def on_mount(self) -> None:
            table = self.query_one(DataTable)
            table.add_columns("kartu", "status", "tim")
            table.add_rows([(f"Kartu {i}", "backlog", "Tim Bench") for i in range(30)])

    app = HelloTable()
    timing.install(app, records)
    app.run()
    with open(rss_file, "w") as out:
        out.write(str(round(rss_mb(), 1)))


if __name__ == "__main__":
    if sys.argv[1] == "terminal-hello":
        run_terminal_hello(sys.argv[2], sys.argv[3])
    elif sys.argv[1] == "terminal":
        run_terminal(sys.argv[2], sys.argv[3])
    elif sys.argv[1] == "hello":
        run_hello()
    else:
        run_sk(sys.argv[2])
