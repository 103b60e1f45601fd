"""Budgets for the app on the 1.1M-activity leader workspace (DESIGN.md section 6), measured
inside the app (sk_tui/tui/timing.py, SK_TUI_TIMING):

- cold start to first board frame <= 1.2 x a hello-world Textual app started the same way
  (each start a fresh headless process, `python bench/_tui_child.py ...`, spawn to exit);
- key press to the end of the next frame (cursor and card moves), p99 <= 16 ms;
- open each screen (board, report, targets, review, problems, and as the unit's JPT the view
  across teams and targets) <= 100 ms to its first complete frame: from the key's arrival to
  the end of the screen's last frame before the next key;
- resident memory <= 150 MB.

Keys and screen opens are measured with the real app on a pseudo-terminal (real Linux driver,
frames really written, 120x40): keys go in as a terminal sends them, the app's timing records
come back. The hello-world app (Header, Static, Footer) is the cold-start baseline.

    python bench/bench_tui.py [--n 5] [--rounds 3] [--quick] [--screens-only]

SK_TUI_BENCH_PROFILE=DIR records the pty run with py-spy into DIR/tui_keys_and_screens.collapsed.txt.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from _common import FROZEN_NOW, emit, row, summary_ms, workspace

CHILD = Path(__file__).with_name("_tui_child.py")
KEYS = {"right": "\x1b[C", "left": "\x1b[D", "down": "\x1b[B", "up": "\x1b[A", "ctrl+q": "\x11"}
SCREENS = {"2": "ReportScreen", "3": "TargetsScreen", "4": "ReviewScreen", "5": "ProblemsScreen"}
JPT_SCREENS = {"6": "TeamsScreen", "3": "TargetsScreen"}  # opened as the demo's JPT (meta demo_role_jpt)
BOARD_KEYS = ["right", "down", "left", "up"] * 10 + [">", "<"] * 10


def in_terminal(db: str | None, rounds: int = 3, env: dict | None = None, gap: float = 0.08,
                board_keys: list[str] = BOARD_KEYS, settle: float = 0.5,
                screens: dict[str, str] = SCREENS) -> tuple[list[dict], float]:
    """Drive the real app in a pseudo-terminal (real driver, real frames written) with the timing
    hook on; returns its records (sk_tui/tui/timing.py) and its resident memory at the end."""
    import pty
    import threading

    with tempfile.TemporaryDirectory() as tmp:
        records = Path(tmp) / "timing.jsonl"
        rss = Path(tmp) / "rss"
        child_env = dict(env or os.environ, SK_TUI_TIMING=str(records), TERM="xterm-256color",
                         COLUMNS="120", LINES="40")
        pid, fd = pty.fork()
        if pid == 0:  # the child: the app on the pty
            argv = ([sys.executable, str(CHILD), "terminal", db, str(rss)] if db else  # db None: the baseline
                    [sys.executable, str(CHILD), "terminal-hello", str(records), str(rss)])
            profiles = child_env.get("SK_TUI_BENCH_PROFILE")
            if profiles and db:  # a py-spy profile of the app while it is driven (py-spy installed separately)
                argv = [shutil.which("py-spy") or "py-spy", "record", "--rate", "250", "--format", "raw",
                        "-o", str(Path(profiles) / "tui_keys_and_screens.collapsed.txt"), "--", *argv]
            os.execve(argv[0], argv, child_env)
        import fcntl
        import struct
        import termios

        fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))
        last = [time.monotonic(), 0]  # when output last came, bytes so far

        def drain() -> None:
            while True:
                try:
                    data = os.read(fd, 65536)
                except OSError:
                    return
                if not data:
                    return
                last[0] = time.monotonic()
                last[1] += len(data)

        reader = threading.Thread(target=drain, daemon=True)
        reader.start()

        def quiet(for_s: float, limit: float = 60.0) -> None:
            """Wait until the terminal has had no output for ``for_s`` seconds."""
            began = time.monotonic()
            while time.monotonic() - last[0] < for_s and time.monotonic() - began < limit:
                time.sleep(0.02)

        def press(key: str, settle: float = 0.0) -> None:
            """Send a key; with ``settle``, wait for the answer and then for quiet."""
            seen = last[1]
            os.write(fd, KEYS.get(key, key).encode())
            if settle:
                began = time.monotonic()
                while last[1] == seen and time.monotonic() - began < 30:
                    time.sleep(0.01)
                quiet(settle)

        while last[1] == 0:
            time.sleep(0.05)
        quiet(1.0)
        for key in board_keys:
            press(key)
            time.sleep(gap)
        quiet(0.3)
        for _ in range(rounds):
            for key in screens:
                press(key, settle=settle)
                press("1", settle=settle)
        press("ctrl+q")
        os.waitpid(pid, 0)
        os.close(fd)
        return ([json.loads(line) for line in records.read_text().splitlines() if line.strip()],
                float(rss.read_text()))


def as_jpt(source: Path, target: Path) -> bool:
    """A copy of the workspace looked at by its JPT (False: the workspace names none)."""
    import sqlite3

    shutil.copy(source, target)
    conn = sqlite3.connect(target)
    try:
        found = conn.execute("SELECT value FROM meta WHERE key = 'demo_role_jpt'").fetchone()
        if found:
            conn.execute("UPDATE meta SET value = ? WHERE key = 'me'", found)
            conn.commit()
        return found is not None
    finally:
        conn.close()


def key_to_frame(records: list[dict]) -> tuple[list[float], int]:
    """Seconds from each key's arrival to the end of the first frame begun after the app
    dispatched it; keys whose next frame began only after the next key are left out (counted)."""
    keys = [r for r in records if r["ev"] == "key" and r["key"] not in ("1", *SCREENS, *JPT_SCREENS)]  # opens: apart
    frames = [r for r in records if r["ev"] == "frame"]
    out, no_frame = [], 0
    for i, key in enumerate(keys):
        frame = next((f for f in frames if f["t0"] >= key["done"]), None)
        following = keys[i + 1]["t"] if i + 1 < len(keys) else float("inf")
        if frame is None or frame["t0"] > following:
            no_frame += 1
            continue
        out.append(frame["t"] - key["t"])
    return out, no_frame


def screen_opens(records: list[dict], screens: dict[str, str] = SCREENS) -> dict[str, list[dict]]:
    """Per screen: from the key that asked for it (else the switch itself) to the end of the
    first full frame of that screen, and to the end of its last frame before the next key."""
    out: dict[str, list[dict]] = {}
    keys = [r for r in records if r["ev"] == "key"]
    frames = [r for r in records if r["ev"] == "frame"]
    for switch in (r for r in records if r["ev"] == "switch"):
        asked = [k for k in keys if k["t"] <= switch["t"] and switch["t"] - k["done"] < 0.05]
        start = asked[-1]["t"] if asked else switch["t"]
        first = next((f for f in frames if f["t0"] >= switch["t"] and f["screen"] == switch["to"] and f["full"]),
                     None)
        if first is None:
            continue
        later = [k["t"] for k in keys if k["t"] > switch["t"]]
        until = later[0] if later else float("inf")
        settled = [f["t"] for f in frames if switch["t"] <= f["t0"] < until and f["screen"] == switch["to"]]
        out.setdefault(switch["to"], []).append({"first_full_s": first["t"] - start,
                                                 "settled_s": max([first["t"], *settled]) - start})
    return out


def timed(args: list[str], env: dict) -> tuple[float, dict]:
    started = time.perf_counter()
    out = subprocess.run([sys.executable, str(CHILD), *args], env=env, check=True,
                         capture_output=True, text=True).stdout
    return time.perf_counter() - started, json.loads(out.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, default=5, help="cold starts of each app")
    parser.add_argument("--rounds", type=int, default=3, help="opens of each screen")
    parser.add_argument("--quick", action="store_true", help="small workspace, one of each: the harness runs")
    parser.add_argument("--screens-only", action="store_true", help="only the screen opens (no cold starts, keys)")
    args = parser.parse_args()
    if args.quick:
        args.n, args.rounds = 1, 1
    source = workspace(args.quick)
    with tempfile.TemporaryDirectory(dir=source.parent) as tmp:
        env = dict(os.environ, SK_TUI_HOME=tmp, SK_TUI_NOW=FROZEN_NOW)
        db = Path(tmp) / "ws.db"
        shutil.copy(source, db)
        jpt_db = Path(tmp) / "jpt.db"
        jpt_records: list[dict] = []
        if args.screens_only:
            records, rss = in_terminal(str(db), rounds=args.rounds, env=env, board_keys=[], settle=0.5)
            if as_jpt(db, jpt_db):
                jpt_records, _ = in_terminal(str(jpt_db), rounds=args.rounds, env=env, board_keys=[],
                                             settle=0.5, screens=JPT_SCREENS)
            report_opens(records, jpt_records)
            return
        if not args.quick:
            timed(["hello"], env)  # warm the page cache and .pyc files for both
            timed(["sk", str(db)], env)
        hello = [timed(["hello"], env)[0] for _ in range(args.n)]
        sk = [timed(["sk", str(db)], env)[0] for _ in range(args.n)]
        records, rss = in_terminal(str(db), rounds=args.rounds, env=env,
                                   board_keys=BOARD_KEYS[:12] if args.quick else BOARD_KEYS,
                                   settle=0.25 if args.quick else 0.5)
        if as_jpt(db, jpt_db):
            jpt_records, _ = in_terminal(str(jpt_db), rounds=args.rounds, env=env, board_keys=[],
                                         settle=0.25 if args.quick else 0.5, screens=JPT_SCREENS)
        arrows = [key for key in BOARD_KEYS if key not in "<>"]
        hello_records, _ = in_terminal(None, rounds=0, env=env, board_keys=arrows[:8] if args.quick else arrows)
    hello_keys, _ = key_to_frame(hello_records)
    keys, no_frame = key_to_frame(records)
    opens = screen_opens(records)
    ratio = statistics.median(sk) / statistics.median(hello)
    emit("tui", {"cold_start_s": {"sk": sk, "hello": hello}, "rss_mb": rss,
                 "key_to_frame": summary_ms(keys) if keys else None, "keys_without_frame": no_frame,
                 "baseline_key_to_frame": summary_ms(hello_keys) if hello_keys else None,
                 "opens": opens, "jpt_opens": screen_opens(jpt_records, JPT_SCREENS)})
    row("tui", "cold_start_to_board", statistics.median(sk), "s", baseline=statistics.median(hello),
        budget="<= 1.2x hello-world Textual app", passed=ratio <= 1.2, ratio=ratio)
    if keys:
        stats = summary_ms(keys)
        floor = summary_ms(hello_keys) if hello_keys else {"median_ms": None, "p99_ms": None}
        of = "a bare Textual app moving a table cursor, same pty"
        row("tui", "key_to_frame_p50", stats["median_ms"], "ms", baseline=floor["median_ms"], baseline_of=of,
            n=len(keys))
        row("tui", "key_to_frame_p99", stats["p99_ms"], "ms", budget="<= 16 ms", passed=stats["p99_ms"] <= 16,
            baseline=floor["p99_ms"], baseline_of=of, n=len(keys))
    report_opens(records, jpt_records)
    row("tui", "rss_app", rss, "MB", budget="<= 150 MB", passed=rss <= 150, note="after every screen was opened")


def report_opens(records: list[dict], jpt_records: list[dict]) -> None:
    """One row per screen open (the JPT's rows suffixed _as_jpt, the view across teams too)."""
    opens = screen_opens(records)
    jpt = {f"{name}_as_jpt": samples for name, samples in screen_opens(jpt_records, JPT_SCREENS).items()}
    for screen in ("BoardScreen", "ReportScreen", "TargetsScreen", "ReviewScreen", "ProblemsScreen",
                   "TeamsScreen_as_jpt", "TargetsScreen_as_jpt"):
        samples = opens.get(screen, []) or jpt.get(screen, [])
        if not samples:
            if screen.endswith("_as_jpt") and not jpt_records:
                continue  # a workspace without a JPT (the quick one may have none)
            row("tui", f"open_{screen}", None, "ms", budget="<= 100 ms", note="no full frame recorded")
            continue
        # the first open imports the screen's module: kept apart, the budget is on the median
        settled = [o["settled_s"] for o in samples]
        median = statistics.median(settled) * 1000
        row("tui", f"open_{screen}", median, "ms", budget="<= 100 ms", passed=median <= 100,
            first_open_ms=round(settled[0] * 1000, 1),
            first_full_frame_ms=round(statistics.median(o["first_full_s"] for o in samples) * 1000, 1),
            n=len(samples))


if __name__ == "__main__":
    main()
