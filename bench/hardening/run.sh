#!/usr/bin/env bash
# Hostile inputs against the command line, each in its own JVM (-Xmx1g): wall time, CPU time, peak memory, exit
# code and whether stderr held a stack trace. Prints a table, then one RESULT line per figure.
#
#   bench/hardening/run.sh [JAR]     # default: target/incident-console.jar (build it with mvn -DskipTests package)
#
# Run it against an older build's jar to get the "before" figures (docs/hardening.md).
set -euo pipefail
cd "$(dirname "$0")/../.."
JAR=${1:-target/incident-console.jar}
TIMEOUT=${TIMEOUT:-600}   # seconds per case; a case that runs longer is killed and reported as exit 124
[ -f "$JAR" ] || { echo "no $JAR: build it first (mvn -B -q -DskipTests package)" >&2; exit 2; }
JAR=$(realpath "$JAR")
work=$(mktemp -d /tmp/hardening-bench.XXXXXX)
trap 'rm -rf "$work"' EXIT

digits() { head -c "$1" /dev/zero | tr '\0' '7'; }
letters() { head -c "$1" /dev/zero | tr '\0' 'a'; }

# A 50,000-digit number where a number is expected (as text, so the number parser's regex sees it) and in a condition.
n=$(digits 50000)
cat > "$work/long-number.yaml" <<YAML
plan: {title: Long number}
issues: [{id: "1", title: I}]
phases: [{id: p1, name: P}]
metrics:
  - {id: m, name: M, baseline: "${n}x", target: 1}
alerts:
  - {id: a, when: "m > ${n}x", severity: HIGH}
YAML
# One long YAML string: 15 MB (over the plan cap before issue #22 round 3; under the 32 MB cap now, refused for its one line
# longer than 256 KB) and 3.5 MB (under the cap, one line longer than 256 KB too).
{ printf 'plan: {title: "'; letters $((15 * 1024 * 1024)); printf '"}\n'; } > "$work/string-15mb.yaml"
{ printf 'plan: {title: "'; letters $((3500 * 1024)); printf '"}\n'; } > "$work/string-3500kb.yaml"
# A 5 MB string-heavy plan (under the 8 MB cap): the bundled plan with 1,200 notes of ~4 KB each, every line
# short (issue #22 goal 5: validates in <= 1 s and within 300 MB of heap; bench/big-inputs measures it in-process).
bundled=src/main/resources/plans/issue-324-330-coordination.yaml
awk '/^notes:$/ { exit } { print }' "$bundled" > "$work/plan-5mb-strings.yaml"
echo 'notes:' >> "$work/plan-5mb-strings.yaml"
awk 'BEGIN {
  split("rollback migration index deploy convex adapter query member invitation voice coach parent summary trust", w, " ")
  for (n = 0; n < 1200; n++) {
    printf "  - id: bulk-%d\n    title: \"Bulk note %d\"\n    kind: OTHER\n    body: |\n", n, n
    for (l = 0; l < 40; l++) {
      line = "     "; for (k = 0; k < 14; k++) line = line " " w[1 + (n * 7 + l * 3 + k) % 14]; print line
    }
  }
}' >> "$work/plan-5mb-strings.yaml"
awk '/^notes:$/ { on = 1; next } on { print }' "$bundled" >> "$work/plan-5mb-strings.yaml"
# Markdown: 20 MB and a little (copies of the seed until it is over 20 MiB: just over the 20 MB cap) and 1.9 MB
# (under it).
seed=src/test/resources/importer/seed-coordination-plan.md
: > "$work/md-20mb.md"
while [ "$(stat -c %s "$work/md-20mb.md")" -lt $((20 * 1024 * 1024)) ]; do cat "$seed" >> "$work/md-20mb.md"; done
head -c $((1900 * 1024)) "$work/md-20mb.md" > "$work/md-1900kb.md"
# An incident folder whose journal is a symbolic link to /dev/zero.
inc="$work/incident"
mkdir -p "$inc"
cp src/main/resources/plans/issue-324-330-coordination.yaml "$inc/plan.yaml"
sha=$(sha256sum "$inc/plan.yaml" | cut -d' ' -f1)
printf '{"format":1,"id":"bench","createdAt":"2026-12-07T00:00:00Z","createdBy":"bench","planTitle":"t","planSource":"x","planSha256":"%s"}' "$sha" > "$inc/incident.json"
ln -s /dev/zero "$inc/journal-0001.jsonl"

printf '%-28s %6s %9s %8s %9s %s\n' case exit wall_s cpu_s rss_mb "stderr (first line)"
results=()
run_case() {
  local name=$1; shift
  local t0 t1 stats code
  set +e
  /usr/bin/time -f '%e %U %S %M' -o "$work/time" timeout "$TIMEOUT" java -Xmx1g -cp "$JAR" io.incidentconsole.app.Launcher "$@" \
    > "$work/out" 2> "$work/err"
  code=$?
  set -e
  read -r wall user sys rss < <(grep -E '^[0-9.]+ [0-9.]+ [0-9.]+ [0-9]+$' "$work/time" | tail -1)
  local cpu rssmb trace first
  cpu=$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.2f", u + s }')
  rssmb=$(( rss / 1024 ))
  trace=$(grep -cE '^\s+at |Exception in thread|OutOfMemoryError' "$work/err" || true)
  first=$( (grep -v '^warning' "$work/err" || true) | head -1 | cut -c1-90)
  printf '%-28s %6s %9s %8s %9s %s\n' "$name" "$code" "$wall" "$cpu" "$rssmb" "$first"
  results+=("$name $cpu $rssmb $trace $code")
}

run_case validate-50000-digit-number validate "$work/long-number.yaml"
run_case validate-dev-zero validate /dev/zero
run_case import-dev-zero import /dev/zero
run_case status-journal-to-dev-zero status "$inc"
run_case validate-15mb-yaml-string validate "$work/string-15mb.yaml"
run_case validate-3500kb-yaml-string validate "$work/string-3500kb.yaml"
run_case validate-5mb-string-heavy-plan validate "$work/plan-5mb-strings.yaml"
run_case import-20mb-markdown import "$work/md-20mb.md"
run_case import-1900kb-markdown import "$work/md-1900kb.md"

echo
# Goals: every case finishes (is not killed by the timeout), ends within 10 s of CPU, within 600 MB of memory, and without a stack trace.
for r in "${results[@]}"; do
  read -r name cpu rss trace code <<< "$r"
  awk -v n="$name" -v v="$code" 'BEGIN { f = (v == 124 ? 0 : 1); printf "RESULT %s-finished %s yes/no goal == 1 %s\n", n, f, (f == 1 ? "met" : "NOT MET") }'
  awk -v n="$name" -v v="$cpu" 'BEGIN { printf "RESULT %s-cpu %s s goal <= 10 %s\n", n, v, (v <= 10 ? "met" : "NOT MET") }'
  awk -v n="$name" -v v="$rss" 'BEGIN { printf "RESULT %s-memory %s MB goal <= 600 %s\n", n, v, (v <= 600 ? "met" : "NOT MET") }'
  awk -v n="$name" -v v="$trace" 'BEGIN { printf "RESULT %s-stack-trace-lines %s lines goal == 0 %s\n", n, v, (v == 0 ? "met" : "NOT MET") }'
done
