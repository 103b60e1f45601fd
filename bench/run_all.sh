#!/usr/bin/env bash
# Run every benchmark once, one JSON line each, into bench/results/latest.jsonl.
# The large workspace (1.1M activities) is built on first use and cached in bench/results/.
set -euo pipefail
cd "$(dirname "$0")"
mkdir -p results
out=results/latest.jsonl
: > "$out"
for b in bench_save_report.py bench_cli_report_add.py bench_tui.py bench_sync.py bench_server.py; do
  echo "== $b" >&2
  python "$b" | grep "^{\"bench\"" | tee -a "$out"
done
