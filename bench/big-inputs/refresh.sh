#!/usr/bin/env bash
# A state change on a big plan (issue #22, beside goal 5): the domain work the console does for every phase on every
# event (BigPlanRefreshBench.java), on the plan imported from 2 MB of Markdown (as many whole copies of the seed as
# fit: ~600 phases), this tree beside the baseline (BASELINE_REF, default 1c7a36f: before the plan's indexes) in one
# run, each with the console's C1-only JIT. Goal (ours): p50 within one frame at 60 Hz.
# Usage (from anywhere): bash bench/big-inputs/refresh.sh [ROUNDS]
set -euo pipefail
cd "$(dirname "$0")/../.."
BASELINE_REF="${BASELINE_REF:-1c7a36f}"
ROUNDS="${1:-50}"
HERE="$PWD"
# shellcheck source=bench/big-inputs/beside.sh
. bench/big-inputs/beside.sh
bench_work big-refresh
compile_beside "$BASELINE_REF"
md="$work/md-2mb.md"
seed_copies $((2 * 1024 * 1024)) "$md"
declare -A p50
for tree in baseline current; do
  classes="$HERE/target/classes"; [ "$tree" = baseline ] && classes="$work/baseline/target/classes"
  out="$(java -XX:TieredStopAtLevel=1 -cp "$classes:$DEPS" "$HERE/bench/big-inputs/BigPlanRefreshBench.java" "$md" \
    "$ROUNDS" 2>&1 | tail -1)"
  echo "$tree $out"
  p50[$tree]="$(sed -n 's/.*p50_ms=\([0-9.]*\).*/\1/p' <<<"$out")"
done
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg), cpus=$(nproc)"
met() { awk -v v="$1" -v b="$2" 'BEGIN { print (v + 0 <= b + 0) ? "met" : "NOT MET" }'; }
echo "RESULT big_plan_state_change_domain_p50_baseline ${p50[baseline]} ms goal <= 16 $(met "${p50[baseline]}" 16)"
echo "RESULT big_plan_state_change_domain_p50 ${p50[current]} ms goal <= 16 $(met "${p50[current]}" 16)"
