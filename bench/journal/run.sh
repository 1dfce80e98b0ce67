#!/usr/bin/env bash
# Journal benchmark: append latency with fsync, and replay time for 100,000 events.
# Usage (from the repository root): bash bench/journal/run.sh [WORK_DIR] [APPENDS] [REPLAY_EVENTS]
set -euo pipefail
cd "$(dirname "$0")/../.."
mvn -B -q -o compile 2>/dev/null || mvn -B -q compile
CP="target/classes:$(mvn -B -q -o dependency:build-classpath -Dmdep.outputFile=/dev/stdout 2>/dev/null \
    || mvn -B -q dependency:build-classpath -Dmdep.outputFile=/dev/stdout)"
exec java -Xmx1g -cp "$CP" bench/journal/JournalBench.java "$@"
