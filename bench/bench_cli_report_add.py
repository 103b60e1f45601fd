"""Budget: headless `sk-tui report add`, whole process, <= 200 ms.

Baselines from the same run: `python -c pass` and `python -c "import pydantic, sqlite_utils"`.
Runs against a copy of the 1M-activity workspace (--small: a fresh small demo instead).

    python bench/bench_cli_report_add.py [--n 20] [--small]
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

from _common import FROZEN_NOW, emit, large_workspace, summary_ms


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
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        env = dict(os.environ, SK_TUI_HOME=tmp, SK_TUI_NOW=FROZEN_NOW)
        db = Path(tmp) / "ws.db"
        if args.small:
            subprocess.run([sys.executable, "-m", "sk_tui", "--db", str(db), "demo", "--no-open"],
                           env=env, check=True, capture_output=True)
        else:
            shutil.copy(large_workspace(), db)
        sk = shutil.which("sk-tui") or "sk-tui"
        # Each add goes to a distinct past day so no day reaches its minute limit.
        day0 = dt.date(2026, 11, 27) - dt.timedelta(days=600)
        adds = []
        for i in range(args.n):
            day = (day0 - dt.timedelta(days=i)).isoformat()
            started = time.perf_counter()
            subprocess.run([sk, "--db", str(db), "report", "add", "--date", day, "--minutes", "60",
                            "--desc", "Telaah hukum"], env=env, check=True, stdout=subprocess.DEVNULL)
            adds.append(time.perf_counter() - started)
        bare = run_many([sys.executable, "-c", "pass"], args.n, env)
        imports = run_many([sys.executable, "-c", "import pydantic, sqlite_utils"], args.n, env)
    measured = summary_ms(adds)
    emit("cli_report_add", {
        "workspace": "small" if args.small else "large",
        "report_add": measured,
        "baseline_python_pass": summary_ms(bare),
        "baseline_import_pydantic_sqlite_utils": summary_ms(imports),
        "budget_ms": 200,
        "pass": measured["median_ms"] <= 200,
    })


if __name__ == "__main__":
    main()
