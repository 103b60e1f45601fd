"""Budget: headless `sk-tui report add`, whole process, <= 1.2 x `python -c "import pydantic"`.

Baselines from the same run, interleaved run by run: `python -c "import pydantic"` (the budget's)
and `python -c pass`. Each run's CPU time (user + system) is reported beside the wall time: on a
shared machine it moves less than the wall time does.
Runs against a copy of the 1.1M-activity workspace (--small: a fresh small demo instead).

    python bench/bench_cli_report_add.py [--n 20] [--small] [--quick]
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from _common import FROZEN_NOW, emit, large_workspace, row, summary_ms

CPU: dict[str, list[float]] = {}  # command label -> CPU seconds (user + system) of each run


def timed(cmd: list[str], env: dict, label: str) -> float:
    """Wall seconds of one run; its CPU seconds go to ``CPU[label]`` (steadier than wall time
    when other work shares the cores)."""
    started = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - started
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"{cmd} failed")
    CPU.setdefault(label, []).append(usage.ru_utime + usage.ru_stime)
    return elapsed


def run_many(cmd: list[str], n: int, env: dict, label: str) -> list[float]:
    return [timed(cmd, env, label) for _ in range(n)]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, default=20)
    parser.add_argument("--small", action="store_true")
    parser.add_argument("--quick", action="store_true", help="small workspace, 2 runs: the harness runs")
    args = parser.parse_args()
    if args.quick:
        args.n, args.small = 2, True
    with tempfile.TemporaryDirectory() as tmp:
        env = dict(os.environ, SK_TUI_HOME=tmp, SK_TUI_NOW=FROZEN_NOW)
        db = Path(tmp) / "ws.db"
        if args.small:
            subprocess.run([sys.executable, "-m", "sk_tui", "--db", str(db), "demo", "--no-open"],
                           env=env, check=True, capture_output=True)
        else:
            shutil.copy(large_workspace(), db)
        sk = [sys.executable, "-m", "sk_tui"]  # this checkout (the sk-tui script may point elsewhere)
        # Each add goes to a distinct past day so no day reaches its minute limit.
        day0 = dt.date(2026, 11, 27) - dt.timedelta(days=600)
        # interleaved, so a burst of other work on the machine falls on both sides alike
        adds, bare, imports = [], [], []
        for i in range(args.n):
            day = (day0 - dt.timedelta(days=i)).isoformat()
            adds.append(timed([*sk, "--db", str(db), "report", "add", "--date", day, "--minutes", "60",
                               "--desc", "Telaah hukum"], env, "report_add"))
            imports.append(timed([sys.executable, "-c", "import pydantic"], env, "import_pydantic"))
            bare.append(timed([sys.executable, "-c", "pass"], env, "python_pass"))
    measured, baseline = summary_ms(adds), summary_ms(imports)
    cpu = {label: round(statistics.median(values) * 1000, 1) for label, values in CPU.items()}
    emit("cli_report_add", {"workspace": "small" if args.small else "large", "report_add": measured,
                            "baseline_python_pass": summary_ms(bare), "baseline_import_pydantic": baseline,
                            "cpu_median_ms": cpu})
    ratio = measured["median_ms"] / baseline["median_ms"]
    row("cli_report_add", "report_add_median", measured["median_ms"], "ms", baseline=baseline["median_ms"],
        budget='<= 1.2x python -c "import pydantic"', ratio=ratio, passed=ratio <= 1.2,
        baseline_of='python -c "import pydantic"', python_pass_ms=summary_ms(bare)["median_ms"],
        cpu_ms=cpu.get("report_add"), baseline_cpu_ms=cpu.get("import_pydantic"),
        cpu_ratio=round(cpu["report_add"] / cpu["import_pydantic"], 3) if cpu.get("import_pydantic") else None)


if __name__ == "__main__":
    main()
