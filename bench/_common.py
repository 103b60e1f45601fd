"""Shared helpers for the benchmarks: the large workspace, percentiles, output."""

from __future__ import annotations

import json
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent
CACHE = Path(os.environ.get("SK_TUI_BENCH_DIR", ROOT / "results"))
FROZEN_NOW = "2026-11-27T10:00:00+07:00"


def compile_package() -> None:
    """Byte-compile sk_tui as `pip install .` would: this machine sets PYTHONDONTWRITEBYTECODE,
    so an editable checkout would otherwise recompile every module at every start."""
    import compileall

    compileall.compile_dir(str(ROOT.parent / "sk_tui"), quiet=1)


def large_workspace() -> Path:
    """The leader workspace with >= 1M activities, built once and reused between runs."""
    os.environ.setdefault("SK_TUI_NOW", FROZEN_NOW)
    compile_package()
    from sk_tui import demo

    path = CACHE / "large.db"
    CACHE.mkdir(parents=True, exist_ok=True)
    if not path.exists():
        started = time.perf_counter()

        def progress(stage: str, fraction: float) -> None:
            sys.stderr.write(f"\r{stage:<40} {fraction * 100:5.1f}%")

        demo.ensure_demo(path, scale="large", progress=progress)
        sys.stderr.write(f"\nbuilt {path} in {time.perf_counter() - started:.1f}s\n")
    return path


def small_workspace() -> Path:
    """The small demo workspace (quick mode: proves the harness runs, figures not compared)."""
    os.environ.setdefault("SK_TUI_NOW", FROZEN_NOW)
    from sk_tui import demo

    path = CACHE / "small.db"
    CACHE.mkdir(parents=True, exist_ok=True)
    if not path.exists():
        demo.ensure_demo(path, scale="small")
    return path


def workspace(quick: bool) -> Path:
    return small_workspace() if quick else large_workspace()


def percentile(samples: list[float], pct: float) -> float:
    ordered = sorted(samples)
    index = min(len(ordered) - 1, max(0, round(pct / 100 * (len(ordered) - 1))))
    return ordered[index]


def summary_ms(samples: list[float]) -> dict[str, float]:
    """Median/p90/p99/max of samples given in seconds, as milliseconds."""
    return {
        "n": len(samples),
        "median_ms": round(statistics.median(samples) * 1000, 3),
        "p90_ms": round(percentile(samples, 90) * 1000, 3),
        "p99_ms": round(percentile(samples, 99) * 1000, 3),
        "max_ms": round(max(samples) * 1000, 3),
    }


def emit(name: str, result: dict) -> None:
    """The full figures of one benchmark, as one JSON line on stderr (for the log; the rows
    are what bench/run_all.sh keeps)."""
    print(json.dumps({"bench": name, "detail": result}, ensure_ascii=False), file=sys.stderr)


def row(bench: str, metric: str, value: float | None, unit: str, *, baseline: float | None = None,
        budget: str | None = None, ratio: float | None = None, passed: bool | None = None, **extra) -> None:
    """One row of bench/results/latest.jsonl on stdout: a measured value, the baseline it was
    measured against in the same run, the budget and whether it holds (None: no budget here)."""
    if ratio is None and baseline and value is not None:
        ratio = value / baseline
    print(json.dumps({"bench": bench, "metric": metric, "value": _round(value), "unit": unit,
                      "baseline": _round(baseline), "budget": budget,
                      "ratio": None if ratio is None else round(ratio, 3), "pass": passed, **extra},
                     ensure_ascii=False), flush=True)


def _round(value: float | None) -> float | None:
    if value is None:
        return None
    return round(value, 3) if abs(value) < 100 else round(value, 1)
