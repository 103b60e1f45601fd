"""Budget: headless `sk-tui report add`, whole process, <= 1.2 x `python -c "import pydantic"`.

Baselines from the same run: `python -c "import pydantic"` (the budget's) and `python -c pass`.
Runs against a copy of the 1.1M-activity workspace (--small: a fresh small demo instead).

    python bench/bench_cli_report_add.py [--n 20] [--small] [--quick]
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from _common import FROZEN_NOW, emit, large_workspace, row, summary_ms


def run_many(cmd: list[str], n: int, env: dict) -> list[float]:
    samples = []
    for _ in range(n):
        started = time.perf_counter()
        subprocess.run(cmd, env=env, check=True, stdout=subprocess.DEVNULL)
        samples.append(time.perf_counter() - started)
    return samples


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
        adds = []
        for i in range(args.n):
            day = (day0 - dt.timedelta(days=i)).isoformat()
            started = time.perf_counter()
            subprocess.run([*sk, "--db", str(db), "report", "add", "--date", day, "--minutes", "60",
                            "--desc", "Telaah hukum"], env=env, check=True, stdout=subprocess.DEVNULL)
            adds.append(time.perf_counter() - started)
        bare = run_many([sys.executable, "-c", "pass"], args.n, env)
        imports = run_many([sys.executable, "-c", "import pydantic"], args.n, env)
    measured, baseline = summary_ms(adds), summary_ms(imports)
    emit("cli_report_add", {"workspace": "small" if args.small else "large", "report_add": measured,
                            "baseline_python_pass": summary_ms(bare), "baseline_import_pydantic": baseline})
    ratio = measured["median_ms"] / baseline["median_ms"]
    row("cli_report_add", "report_add_median", measured["median_ms"], "ms", baseline=baseline["median_ms"],
        budget='<= 1.2x python -c "import pydantic"', ratio=ratio, passed=ratio <= 1.2,
        baseline_of='python -c "import pydantic"', python_pass_ms=summary_ms(bare)["median_ms"])


if __name__ == "__main__":
    main()
