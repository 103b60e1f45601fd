#!/usr/bin/env bash
# Run every benchmark once; every row (bench, metric, value, unit, baseline, budget, ratio, pass)
# goes to bench/results/latest.jsonl, the full figures of each benchmark to the log on stderr.
#
#   bench/run_all.sh            # the full run (1.1M-activity workspace, built once and cached)
#   bench/run_all.sh --quick    # tiny sizes, under a minute: proves the harness runs (CI);
#                               # its rows go to bench/results/quick.jsonl and prove nothing
#
# PostgreSQL rows (push on PostgreSQL, 500 clients against serve --workers 2 vs 1) run when
# SK_TUI_BENCH_PG_URL (else SK_TUI_TEST_PG_URL) names a server.
set -euo pipefail
cd "$(dirname "$0")"
export PYTHONPATH="$(cd .. && pwd)${PYTHONPATH:+:$PYTHONPATH}"
quick=()
out=results/latest.jsonl
if [ "${1:-}" = "--quick" ]; then
  quick=(--quick)
  out=results/quick.jsonl
fi
py="${PYTHON:-python3}"
pg="${SK_TUI_BENCH_PG_URL:-${SK_TUI_TEST_PG_URL:-}}"
mkdir -p results
tmp="$out.partial"
: > "$tmp"
run() {
  echo "== $*" >&2
  "$py" "$@" "${quick[@]}" | grep '^{"bench"' | tee -a "$tmp"
}
run bench_save_report.py
run bench_cli_report_add.py
run bench_tui.py
run bench_sync.py
run bench_first_pull.py
run bench_server.py
if [ -n "$pg" ]; then
  run bench_sync.py --db "$pg" --push-only
  run bench_server.py --db "$pg" --compare-workers
else
  echo "== PostgreSQL rows skipped: set SK_TUI_BENCH_PG_URL or SK_TUI_TEST_PG_URL" >&2
fi
mv "$tmp" "$out"
"$py" - "$out" <<'PY'
import json, sys
rows = [json.loads(line) for line in open(sys.argv[1])]
held = sum(r["pass"] is True for r in rows)
missed = [f'{r["bench"]}/{r["metric"]}' for r in rows if r["pass"] is False]
print(f"{len(rows)} rows in {sys.argv[1]}: {held} budgets held, {len(missed)} missed {missed}", file=sys.stderr)
PY
