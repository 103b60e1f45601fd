"""Budgets for the app on the 1M-activity leader workspace (DESIGN.md section 6):

- cold start to first board frame <= 1.3 x a hello-world Textual app started the same way;
- key press to next frame (cursor and card moves) <= 16 ms processing;
- open the targets/recap screen <= 100 ms;
- resident memory <= 150 MB.

Each start is a fresh process (`python bench/_tui_child.py ...`, headless, 120x40), timed
from spawn to exit; the hello-world app (Header, Static, Footer) is the baseline.

    python bench/bench_tui.py [--n 5]
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

from _common import FROZEN_NOW, emit, large_workspace, summary_ms

CHILD = Path(__file__).with_name("_tui_child.py")


def timed(args: list[str], env: dict) -> tuple[float, dict]:
    started = time.perf_counter()
    out = subprocess.run([sys.executable, str(CHILD), *args], env=env, check=True,
                         capture_output=True, text=True).stdout
    return time.perf_counter() - started, json.loads(out.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, default=5)
    args = parser.parse_args()
    source = large_workspace()
    with tempfile.TemporaryDirectory(dir=source.parent) as tmp:
        env = dict(os.environ, SK_TUI_HOME=tmp, SK_TUI_NOW=FROZEN_NOW)
        db = Path(tmp) / "large.db"
        shutil.copy(source, db)
        timed(["hello"], env)  # warm the page cache and .pyc files for both
        timed(["sk", str(db)], env)
        hello = [timed(["hello"], env)[0] for _ in range(args.n)]
        sk = [timed(["sk", str(db)], env)[0] for _ in range(args.n)]
        _, measured = timed(["sk", str(db), "measure"], env)
        _, pilot_only = timed(["hello", "measure"], env)
    ratio = statistics.median(sk) / statistics.median(hello)
    keys = summary_ms(measured["key_press_s"])
    overhead = summary_ms(pilot_only["key_press_s"])
    # Processing = a press in sk_tui minus the same press in the hello app (Pilot's wait).
    processing = {k: round(keys[k] - overhead["median_ms"], 3) for k in ("median_ms", "p90_ms", "p99_ms")}
    targets = summary_ms(measured["targets_open_s"])
    emit("tui", {
        "cold_start": {"sk_median_s": round(statistics.median(sk), 3),
                       "hello_median_s": round(statistics.median(hello), 3),
                       "ratio": round(ratio, 2), "budget_ratio": 1.3, "pass": ratio <= 1.3},
        "key_press": {"pilot_press": keys, "baseline_hello_press": overhead, "processing": processing,
                      "budget_ms": 16, "pass": processing["p99_ms"] <= 16},
        "targets_open": {**targets, "first_open_ms": round(measured["targets_open_s"][0] * 1000, 1),
                         "budget_ms": 100, "pass": targets["median_ms"] <= 100},
        "report_open_ms": round(measured["report_open_s"] * 1000, 1),
        "memory": {"rss_mb_board": measured["rss_mb_board"], "rss_mb_end": measured["rss_mb_end"],
                   "budget_mb": 150, "pass": measured["rss_mb_end"] <= 150},
    })


if __name__ == "__main__":
    main()
