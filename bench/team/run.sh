#!/usr/bin/env bash
# Team-mode load test: N simulated consoles on one embedded PostgreSQL, each recording R events per second for S
# seconds; checks that all converge on the same events and state with nothing lost or duplicated, and prints the
# append latency (p50, p99, max) with the load average before and after.
# Usage (from anywhere): bash bench/team/run.sh [CONSOLES=10] [EVENTS_PER_SECOND=50] [SECONDS=60] [live-fold] [aligned]
# (live-fold: every simulated console folds its state on every event, as the app does; default: bare journals,
# state folded once at the end; aligned: every console records at the same instants, the worst case; default: each at
# its own random instants).
# Exit status 1 when the consoles did not converge or an event was lost or duplicated.
set -euo pipefail
cd "$(dirname "$0")/../.."
mvn -B -q -o test-compile 2>/dev/null || mvn -B -q test-compile
CP_FILE="$(mktemp)"
trap 'rm -f "$CP_FILE"' EXIT
mvn -B -q -o dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$CP_FILE" >/dev/null 2>&1 \
  || mvn -B -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$CP_FILE" >/dev/null
java -Xmx1g -cp "target/test-classes:target/classes:$(cat "$CP_FILE")" \
  io.incidentconsole.team.TeamLoadHarness "${1:-10}" "${2:-50}" "${3:-60}" "${@:4}"
