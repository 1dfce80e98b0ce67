#!/usr/bin/env bash
# Tick latency in a real window: key press -> event fsynced -> the change drawn, on the bundled plan with 100,000
# events already in the journal and the metrics (simulator) live. See bench/tick/README.md.
#
#   mvn -B -q -DskipTests package && bench/tick/run.sh [PRESSES_PER_AREA] [EVENTS]    # defaults 100 and 100000
#   BASELINE_JAR=/other/target/incident-console.jar bench/tick/run.sh 50   # that build first, on a copy of the journal
#   (with BASELINE_JAVA_OPTS for its JVM options, JAVA_OPTS by default)
#
# One Xvfb display (its own number) for the run; the console is target/incident-console.jar on this JDK, started
# as `java -jar` (add JVM options with JAVA_OPTS, e.g. JAVA_OPTS=@src/main/resources/jvm/memory.options). Output:
# target/tick-bench/ (samples.txt: every press; console.out/err) and, last, the RESULT lines.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$PWD
presses=${1:-100}
events=${2:-100000}
out=$root/target/tick-bench
plan=$root/src/main/resources/plans/issue-324-330-coordination.yaml
jar=$root/target/incident-console.jar

[ -f "$jar" ] || { echo "run.sh: no $jar; run mvn -B -q -DskipTests package" >&2; exit 1; }
command -v Xvfb >/dev/null || { echo "run.sh: needs Xvfb (apt-get install -y xvfb libgtk-3-0)" >&2; exit 1; }
cp="$root/target/classes:$(ls "$root"/target/lib/*.jar | paste -sd:)"

rm -rf "$out"
mkdir -p "$out"
export XDG_CONFIG_HOME=$out/config XDG_DATA_HOME=$out/data
echo "== journal: $events events (load $(cut -d' ' -f1-3 /proc/loadavg))"
java -cp "$cp" "$root/bench/tick/TickJournal.java" "$out/data" "$out/config" "$plan" "$events"

display=:$(( 500 + RANDOM % 400 ))
Xvfb "$display" -screen 0 1600x1000x24 -nolisten tcp >"$out/xvfb.log" 2>&1 &
xvfb_pid=$!
trap 'kill "$xvfb_pid" 2>/dev/null || true' EXIT
export DISPLAY=$display
for _ in $(seq 100); do [ -e "/tmp/.X11-unix/X${display#:}" ] && break; sleep 0.1; done

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
echo "== $presses presses per area on $display (load $load_before)"
# One console run: its jar, output folder, data/config folders (a copy of the journal for the baseline), JVM options.
bench() {
  # shellcheck disable=SC2086 # JAVA_OPTS is a list of options
  XDG_CONFIG_HOME=$3/config XDG_DATA_HOME=$3/data java -cp "$cp" "$root/bench/tick/TickBench.java" "$2" "$presses" -- \
    java $4 -Dincident-console.tick-probe=print -Dincident-console.startup-probe=print \
    -jar "$1" open "$plan" --data-dir "$3/data" >"$2/results.txt"
}
if [ -n "${BASELINE_JAR:-}" ]; then
  mkdir -p "$out/baseline/home"
  cp -r "$out/data" "$out/config" "$out/baseline/home/"
  bench "$BASELINE_JAR" "$out/baseline" "$out/baseline/home" "${BASELINE_JAVA_OPTS:-${JAVA_OPTS:-}}"
fi
bench "$jar" "$out" "$out" "${JAVA_OPTS:-}"
# The floor: a bare JavaFX window of the console's size that appends and fsyncs a line and changes one label per P,
# with JavaFX's own pulse rate (60 Hz) and with the console's on this display (the software pipeline: 240 Hz,
# app/RenderingPipeline).
floor() {
  mkdir -p "$1"
  # shellcheck disable=SC2086 # JAVA_OPTS is a list of options
  java -cp "$cp" "$root/bench/tick/TickBench.java" "$1" "$presses" --floor -- \
    java ${JAVA_OPTS:-} -Dprism.order=sw -Djavafx.animation.pulse="$2" -cp "$cp" "$root/bench/tick/HelloTick.java" \
    >"$1/results.txt"
}
floor "$out/floor-60hz" 60
floor "$out/floor" 240
echo "load average (1/5/15 min) before $load_before, after $(cut -d' ' -f1-3 /proc/loadavg); $(nproc) cores"
if [ -n "${BASELINE_JAR:-}" ]; then
  echo "-- baseline $BASELINE_JAR (its probe's 'drawn' may be the start of the second pulse: see README)"
  grep -v '^RESULT' "$out/baseline/results.txt"
  echo "-- this build"
fi
grep -v '^RESULT' "$out/results.txt"
echo "-- the floor (bench/tick/HelloTick.java: a bare JavaFX window, one label, the same fsync and probe), 60 Hz pulse"
grep -v '^RESULT' "$out/floor-60hz/results.txt" | grep -v '^all'
echo "-- the floor at the console's pulse rate (240 Hz with the software pipeline)"
grep -v '^RESULT' "$out/floor/results.txt" | grep -v '^all'
if [ -n "${BASELINE_JAR:-}" ]; then
  sed -n 's/^RESULT \([a-z0-9_]*\)/RESULT \1_baseline/p' "$out/baseline/results.txt"
fi
sed -n 's/^RESULT \([a-z0-9_]*\)/RESULT \1_floor_60hz/p' "$out/floor-60hz/results.txt"
sed -n 's/^RESULT \([a-z0-9_]*\)/RESULT \1_floor/p' "$out/floor/results.txt"
grep '^RESULT' "$out/results.txt"
