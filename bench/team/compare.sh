#!/usr/bin/env bash
# Team throughput, issue #22 goal 4, side by side with its baseline in one run: 10 consoles x 50 events/s and
# 50 consoles x 10 events/s (500 events/s offered each), first on the baseline (BASELINE_REF, default 3f1b04f: main
# before round 3's schema V3; round 2 used 215ef10, whose classes the harness of this tree may not link against), then
# on this tree, alternating, each on a fresh embedded PostgreSQL. Both trees run this tree's harness (test classes
# first on the class path, the tree's own main classes after): one instrument for both. Prints one RESULT line per
# goal last (and the baseline's figures as RESULT lines marked baseline), after the p50/p99 of the appends after the
# first 10 s (a diagnostic: 50 consoles start cold in one JVM). Each console's events arrive at random instants (a Poisson
# process with a fixed count, seeded: independent consoles); this tree is then run once more per shape with every
# console recording at the same instants ("aligned", the worst case: all 50 appends of a period at once), printed with
# the diagnostics, before the RESULT lines. "Sustained" = at least 99 % of the offered 500 events/s (the
# rate is counted until the last append returned, so keeping up exactly still reads 499). Each run's full output goes
# to target/team-compare/.
# Usage (from anywhere): bash bench/team/compare.sh [SECONDS=60]
# Exit status 1 when a run did not converge or lost or duplicated an event.
set -euo pipefail
cd "$(dirname "$0")/../.."
SECONDS_EACH="${1:-60}"
BASELINE_REF="${BASELINE_REF:-3f1b04f}"
HERE="$PWD"
BASE="$HERE/target/baseline-$BASELINE_REF" # built once, kept for the next run (mvn clean removes it)
CP_FILE="$(mktemp)"
trap 'rm -f "$CP_FILE"' EXIT
if [ ! -d "$BASE/target/test-classes" ]; then
  rm -rf "$BASE" && mkdir -p "$BASE"
  git archive "$BASELINE_REF" | tar -x -C "$BASE"
  (cd "$BASE" && mvn -B -q -o test-compile 2>/dev/null >/dev/null)
fi
mvn -B -q -o test-compile 2>/dev/null >/dev/null
mvn -B -q -o dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$CP_FILE" >/dev/null 2>&1
DEPS="$(cat "$CP_FILE")"

mkdir -p target/team-compare
run() { # tree name consoles rate [aligned] -> the harness's report line
  java -Xmx1g -cp "$HERE/target/test-classes:$1/target/classes:$DEPS" io.incidentconsole.team.TeamLoadHarness \
    "$3" "$4" "$SECONDS_EACH" ${5:+"$5"} > "target/team-compare/$2-$3x$4${5:+-$5}.log" 2>&1 || true
  grep '^bare journals' "target/team-compare/$2-$3x$4${5:+-$5}.log"
}
field() { sed -n "s/.*$1=\([0-9.]*\).*/\1/p" <<<"$2"; }
verdict() { awk -v v="$1" -v op="$2" -v b="$3" 'BEGIN { ok = (op == ">=") ? v >= b : v <= b; print ok ? "met" : "NOT MET" }'; }

failed=0
declare -A report
for shape in "10 50" "50 10"; do
  set -- $shape
  for tree in baseline current; do
    dir="$BASE"; [ "$tree" = current ] && dir="$HERE"
    line="$(run "$dir" "$tree" "$1" "$2" || true)"
    echo "$tree ${1}x$2: ${line:-the harness failed}"
    grep -q 'converged=true noDuplicates=true' <<<"$line" || failed=1
    report["$tree $1x$2"]="$line"
  done
done
declare -A aligned
for shape in "10 50" "50 10"; do
  set -- $shape
  line="$(run "$HERE" current "$1" "$2" aligned || true)"
  grep -q 'converged=true noDuplicates=true' <<<"$line" || failed=1
  aligned["$1x$2"]="$line"
done
echo "load average now: $(cut -d' ' -f1-3 /proc/loadavg), cpus=$(nproc)"
for shape in 10x50 50x10; do
  for tree in baseline current; do
    echo "steady $shape $tree: $(grep -o 'steady(after [0-9]*s): P50:[0-9.]* ms P99:[0-9.]* ms' <<<"${report[$tree $shape]}")"
  done
  echo "aligned (worst case) $shape current: rate $(field achieved "${aligned[$shape]}") events/s, append p50 $(field p50 \
    "${aligned[$shape]}") ms, p99 $(field p99 "${aligned[$shape]}") ms, $(grep -o 'steady(after [0-9]*s): P50:[0-9.]* ms P99:[0-9.]* ms' \
    <<<"${aligned[$shape]}")"
done
for shape in 10x50 50x10; do
  for tree in baseline current; do
    line="${report[$tree $shape]}"
    rate="$(field achieved "$line")"; p99="$(field p99 "$line")"
    suffix=""; [ "$tree" = baseline ] && suffix="_baseline"
    echo "RESULT team_rate_${shape}${suffix} ${rate:-0} events/s goal >= 495 $(verdict "${rate:-0}" ">=" 495)"
    echo "RESULT team_append_p99_${shape}${suffix} ${p99:-0} ms goal <= 100 $(verdict "${p99:-999999}" '<=' 100)"
  done
done
exit "$failed"
