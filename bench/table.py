"""bench/results/latest.jsonl as the README's Markdown table (one line a row).

    python bench/table.py [bench/results/latest.jsonl]
"""

from __future__ import annotations

import json
import sys
from pathlib import Path


def number(value: float | None, unit: str = "") -> str:
    if value is None:
        return "–"
    text = f"{value:,.0f}" if abs(value) >= 100 else f"{value:,.2f}".rstrip("0").rstrip(".")
    return f"{text} {unit}".strip()


def main() -> None:
    path = Path(sys.argv[1] if len(sys.argv) > 1 else Path(__file__).parent / "results" / "latest.jsonl")
    print("| bench / metric | measured | baseline (same run) | ratio | budget | holds |")
    print("|---|---|---|---|---|---|")
    for line in path.read_text(encoding="utf-8").splitlines():
        r = json.loads(line)
        baseline = number(r["baseline"], r["unit"]) if r["baseline"] is not None else "–"
        if r.get("baseline_of") and r["baseline"] is not None:
            baseline += f" ({r['baseline_of']})"
        holds = {True: "yes", False: "**no**", None: "–"}[r["pass"]]
        ratio = "–" if r["ratio"] is None else f"{r['ratio']:.2f}"
        print(f"| {r['bench']} / {r['metric']} | {number(r['value'], r['unit'])} | {baseline} | {ratio} "
              f"| {r['budget'] or '–'} | {holds} |")


if __name__ == "__main__":
    main()
