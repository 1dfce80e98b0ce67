#!/usr/bin/env bash
# Big inputs, issue #22 goal 5, side by side with the baseline (BASELINE_REF, default 3f1b04f: main before round 3's
# importer work; 215ef10 is before round 2 raised the caps) in one run: a 5 MB string-heavy plan validated in a JVM with -Xmx300m, and a 20 MB Markdown document
# imported with -Xmx1g, both in-process through the same API as the CLI and the console (BigInputBench.java: a
# warm-up, then the best of 3; wall, this thread's CPU, bytes allocated, peak heap occupancy, live heap after GC).
# Prints a table, then RESULT lines (the baseline's marked _baseline).
# Usage (from anywhere): bash bench/big-inputs/run.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
BASELINE_REF="${BASELINE_REF:-3f1b04f}"
HERE="$PWD"
# shellcheck source=bench/big-inputs/beside.sh
. bench/big-inputs/beside.sh
bench_work big-inputs
compile_beside "$BASELINE_REF"

# The 5 MB string-heavy plan: the bundled plan with 1,200 notes of ~4 KB (the same as bench/hardening makes).
bundled=src/main/resources/plans/issue-324-330-coordination.yaml
plan="$work/plan-5mb-strings.yaml"
awk '/^notes:$/ { exit } { print }' "$bundled" > "$plan"
echo 'notes:' >> "$plan"
awk 'BEGIN {
  split("rollback migration index deploy convex adapter query member invitation voice coach parent summary trust", w, " ")
  for (n = 0; n < 1200; n++) {
    printf "  - id: bulk-%d\n    title: \"Bulk note %d\"\n    kind: OTHER\n    body: |\n", n, n
    for (l = 0; l < 40; l++) {
      line = "     "; for (k = 0; k < 14; k++) line = line " " w[1 + (n * 7 + l * 3 + k) % 14]; print line
    }
  }
}' >> "$plan"
awk '/^notes:$/ { on = 1; next } on { print }' "$bundled" >> "$plan"
md="$work/md-20mb.md"
seed_copies $((20 * 1024 * 1024)) "$md"
# The same at 2 MB (the baseline's Markdown cap), so that both trees import one document side by side.
md2="$work/md-2mb.md"
seed_copies $((2 * 1024 * 1024)) "$md2"

printf '%-9s %-10s %-22s %-40s %8s %8s %9s %9s %6s %8s\n' tree kind file outcome wall_s cpu_s alloc_mb peak_mb xmx_mb live_mb
declare -A line
for case in "plan $plan 300m" "markdown $md2 1g" "markdown $md 1g"; do
  set -- $case
  for tree in baseline current; do
    classes="$HERE/target/classes"; [ "$tree" = baseline ] && classes="$work/baseline/target/classes"
    out="$(timeout 900 java "-Xmx$3" -cp "$classes:$DEPS" "$HERE/bench/big-inputs/BigInputBench.java" "$1" "$2" 3 2>&1 \
      | tail -1 || true)"
    line["$tree $(basename "$2")"]="$out"
    read -r k f o w c a p x l <<<"$out"
    printf '%-9s %-10s %-22s %-40s %8s %8s %9s %9s %6s %8s\n' "$tree" "$k" "$f" "$o" "$w" "$c" "$a" "$p" "$x" "$l"
  done
done
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg), cpus=$(nproc)"
met() { awk -v v="$1" -v b="$2" 'BEGIN { print (v + 0 <= b + 0) ? "met" : "NOT MET" }'; }
for tree in baseline current; do
  suffix=""; [ "$tree" = baseline ] && suffix="_baseline"
  read -r k f o w c a p x l <<<"${line[$tree md-2mb.md]}"
  if [[ "$o" == imported* ]]; then
    echo "RESULT markdown_2mb_import_wall$suffix $w s cpu $c s alloc $a MB peak_heap $p MB live_heap $l MB"
  else
    echo "RESULT markdown_2mb_import$suffix ${o:-failed}"
  fi
  read -r k f o w c a p x l <<<"${line[$tree plan-5mb-strings.yaml]}"
  if [ "$o" = valid ]; then
    echo "RESULT plan_5mb_validate_wall$suffix $w s goal <= 1 $(met "$w" 1)"
    echo "RESULT plan_5mb_validate_cpu$suffix $c s goal <= 1 $(met "$c" 1)"
    echo "RESULT plan_5mb_validate_peak_heap$suffix $p MB goal <= 300 $(met "$p" 300)"
  else
    echo "RESULT plan_5mb_validate$suffix ${o:-failed} - goal == valid NOT MET"
  fi
  read -r k f o w c a p x l <<<"${line[$tree md-20mb.md]}"
  if [[ "$o" == imported* ]]; then
    echo "RESULT markdown_20mb_import_cpu$suffix $c s goal <= 10 $(met "$c" 10)"
    echo "RESULT markdown_20mb_import_live_heap$suffix $l MB (most left after a collection)"
    echo "RESULT markdown_20mb_import_wall$suffix $w s goal <= 10 $(met "$w" 10)"
    echo "RESULT markdown_20mb_import_peak_heap$suffix $p MB goal <= 1024 $(met "$p" 1024)"
  else
    echo "RESULT markdown_20mb_import$suffix ${o:-failed} - goal == imported NOT MET"
  fi
done
