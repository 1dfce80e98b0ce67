#!/usr/bin/env bash
# Start-up benchmark: process start -> first rendered frame of the main window, for the packaged console on the
# bundled plan and for a bare JavaFX hello-world on the same jlinked runtime, each with and without AppCDS; and
# process start -> the console drawn with its plan (variant console-ready), the time until an operator can act.
#
#   packaging/build.sh --no-deb && bench/startup/run.sh [RUNS]      # RUNS timed rounds, default 10
#   BASELINE_IMAGE=/other/build/target/packaging/incident-console bench/startup/run.sh 10   # + that build's console
#   BASELINE_READY=1 BASELINE_IMAGE=...   # + that build's console-ready too (it must know startup-probe=ready)
#
# One Xvfb display serves the whole run; it is started, and answers a client (the untimed training start of the
# hello-world, then a whole untimed warm-up round), before anything is timed. The clock starts in this script just
# before the exec and stops at the "first-frame epoch-ms=" line the process prints
# (-Dincident-console.startup-probe=exit), or at "console-ready epoch-ms=" (=ready), so launcher, JVM and toolkit
# start are included. "Drawn" is when the render thread has painted the frame (JavaFX's scene tracker, opened to the
# probes with --add-exports); the -pulse variants and the baseline use the older rule (the start of the second pulse
# after the change, which can come before the paint has ended), so a build before 2026-12-07 is compared with this one
# by that rule, against the hello-world measured by it too. The variants run
# round-robin so they share whatever load the machine has, and every round records the load average.
# Results: target/startup-bench/results.md (a markdown table to paste) and the raw samples next to it.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$PWD

runs=${1:-10}
image=${IMAGE:-$root/target/packaging/incident-console}
java=$image/lib/runtime/bin/java
out=$root/target/startup-bench
fxjars=$(ls target/lib/javafx-*-linux.jar 2>/dev/null | tr '\n' ':')

[ -x "$image/bin/incident-console" ] || { echo "run.sh: no app-image at $image; run packaging/build.sh --no-deb" >&2; exit 1; }
[ -f "$image/lib/app/app.jsa" ] || { echo "run.sh: $image has no app.jsa; run packaging/build.sh" >&2; exit 1; }
[ -n "$fxjars" ] || { echo "run.sh: target/lib has no javafx jars; run mvn -B package -DskipTests" >&2; exit 1; }
command -v Xvfb >/dev/null || { echo "run.sh: needs Xvfb (apt-get install -y xvfb libgtk-3-0)" >&2; exit 1; }

rm -rf "$out"
mkdir -p "$out/hello" "$out/home"
export XDG_CONFIG_HOME=$out/home/config XDG_DATA_HOME=$out/home/data

# One display for the whole run, stopped on exit.
display=:$(( 90 + RANDOM % 400 ))
Xvfb "$display" -screen 0 1600x1000x24 -nolisten tcp >"$out/xvfb.log" 2>&1 &
xvfb_pid=$!
trap 'kill "$xvfb_pid" 2>/dev/null || true' EXIT
export DISPLAY=$display
for _ in $(seq 100); do [ -e "/tmp/.X11-unix/X${display#:}" ] && break; sleep 0.1; done
[ -e "/tmp/.X11-unix/X${display#:}" ] || { echo "run.sh: Xvfb did not start:" >&2; cat "$out/xvfb.log" >&2; exit 1; }

# The hello-world, compiled here against the same JavaFX, run on the app's runtime; its archive is made the same way
# as the app's (a class list from one start, then -Xshare:dump). CDS archives classes from jars only.
javac -d "$out/hello/classes" --class-path "$fxjars" bench/startup/HelloFx.java
jar --create --file "$out/hello/hello.jar" -C "$out/hello/classes" .
"$java" -Xshare:off --add-exports=javafx.graphics/com.sun.javafx.perf=ALL-UNNAMED -XX:DumpLoadedClassList="$out/hello/classes.lst" -cp "$out/hello/hello.jar" 'HelloFx$Main' >"$out/hello/train.log" 2>&1 \
  || { echo "run.sh: the hello-world did not start:" >&2; cat "$out/hello/train.log" >&2; exit 1; }
sed -i 's/ id: [0-9]*$//' "$out/hello/classes.lst"
"$java" -Xshare:dump -XX:SharedClassListFile="$out/hello/classes.lst" -XX:SharedArchiveFile="$out/hello/app.jsa" \
  -cp "$out/hello/hello.jar" -Xlog:cds=off -Xlog:cds+dynamic=off >/dev/null

app_cp=$(sed -n 's/^app\.classpath=//p' "$image/lib/app/"*.cfg | sed "s|\$APPDIR|$image/lib/app|g" | paste -sd:)
probe=-Dincident-console.startup-probe=exit
# Opens JavaFX's scene tracker to the probes: "drawn" is then the render thread's (see the header).
perf=--add-exports=javafx.graphics/com.sun.javafx.perf=ALL-UNNAMED

variant_cmd() {
  case "$1" in
    hello-nocds)   echo "$java -Xshare:off $perf -cp $out/hello/hello.jar HelloFx\$Main" ;;
    hello-appcds)  echo "$java -Xshare:on -XX:SharedArchiveFile=$out/hello/app.jsa $perf -cp $out/hello/hello.jar HelloFx\$Main" ;;
    # The floor by the older "drawn" rule, for the -pulse variants and the baseline.
    hello-pulse)   echo "$java -Xshare:on -XX:SharedArchiveFile=$out/hello/app.jsa -cp $out/hello/hello.jar HelloFx\$Main" ;;
    # The console as the packaged launcher starts it, minus the archive.
    console-nocds) echo "$java -Xshare:off $perf $probe -cp $app_cp io.incidentconsole.app.Launcher" ;;
    # The packaged launcher itself, as an operator starts it (its .cfg names the archive).
    console-appcds) echo "env JDK_JAVA_OPTIONS=$perf JAVA_TOOL_OPTIONS=$probe $image/bin/incident-console" ;;
    # The same, running on until the console has drawn the bundled plan.
    console-ready) echo "env JDK_JAVA_OPTIONS=$perf JAVA_TOOL_OPTIONS=-Dincident-console.startup-probe=ready $image/bin/incident-console" ;;
    # ... by the older rule, to compare with a baseline build.
    console-ready-pulse) echo "env JAVA_TOOL_OPTIONS=-Dincident-console.startup-probe=ready $image/bin/incident-console" ;;
    # Another build's app-image (BASELINE_IMAGE), to compare a change with what it changed, in the same rounds.
    baseline-appcds) echo "env JAVA_TOOL_OPTIONS=$probe $BASELINE_IMAGE/bin/incident-console" ;;
    # ... and running on until its console has drawn the plan (builds from afb0404 on have the probe's ready mode).
    baseline-ready) echo "env JAVA_TOOL_OPTIONS=-Dincident-console.startup-probe=ready $BASELINE_IMAGE/bin/incident-console" ;;
  esac
}
variants=(hello-nocds hello-appcds console-nocds console-appcds console-ready)
if [ -n "${BASELINE_IMAGE:-}" ]; then
  [ -f "$BASELINE_IMAGE/lib/app/app.jsa" ] || { echo "run.sh: BASELINE_IMAGE=$BASELINE_IMAGE has no app.jsa" >&2; exit 1; }
  variants+=(hello-pulse console-ready-pulse baseline-appcds)
  if [ -n "${BASELINE_READY:-}" ]; then variants+=(baseline-ready); fi
fi
marks=(fx-start shown console-built)

# One sample line: wall ms to the first frame, CPU ms (user + sys), then ms to each mark and to the console-ready
# line ("-" when the variant has none), then the 1-minute load average when it ended. Columns:
# 1 first frame, 2 CPU, 3 fx-start, 4 shown, 5 console-built, 6 console-ready, 7 load.
measure() {
  local cmd=$1 start frame cpu line mark at
  local TIMEFORMAT='%3U %3S'
  start=$(date +%s%3N)
  { cpu=$( { time $cmd >"$out/last.out" 2>"$out/last.err"; } 2>&1 ); } || true
  frame=$(sed -n 's/^first-frame epoch-ms=\([0-9]*\).*/\1/p' "$out/last.out")
  if [ -z "$frame" ]; then
    echo "run.sh: no first-frame line from: $cmd" >&2
    cat "$out/last.err" >&2
    exit 1
  fi
  line="$((frame - start)) $(echo "$cpu" | tail -1 | awk '{printf "%d", ($1 + $2) * 1000}')"
  for mark in "${marks[@]}"; do
    at=$(sed -n "s/^startup-mark $mark epoch-ms=//p" "$out/last.out")
    if [ -n "$at" ]; then line="$line $((at - start))"; else line="$line -"; fi
  done
  at=$(sed -n 's/^console-ready epoch-ms=\([0-9]*\).*/\1/p' "$out/last.out")
  if [ -n "$at" ]; then line="$line $((at - start))"; else line="$line -"; fi
  echo "$line $(cut -d' ' -f1 /proc/loadavg)"
}

# The packaged launcher must really use its archive: -Xshare:on refuses to start without it.
JAVA_TOOL_OPTIONS="-Xshare:on $probe" "$image/bin/incident-console" >/dev/null 2>"$out/share-check.err" \
  || { echo "run.sh: the app-image does not start with its archive (-Xshare:on):" >&2; cat "$out/share-check.err" >&2; exit 1; }

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
echo "warm-up round (load $load_before)"
for v in "${variants[@]}"; do measure "$(variant_cmd "$v")" >/dev/null; done
for round in $(seq "$runs"); do
  for v in "${variants[@]}"; do
    measure "$(variant_cmd "$v")" >>"$out/$v.samples"
  done
  echo "round $round/$runs: load $(cut -d' ' -f1-3 /proc/loadavg)"
done
load_after=$(cut -d' ' -f1-3 /proc/loadavg)

# Median and p90 (nearest rank) of the numbers on stdin, in seconds; "–" when there are none.
stats() {
  grep -v '^-$' | sort -n | awk '{v[NR]=$1} END {
    if (NR == 0) { printf "– | –"; exit }
    m = (NR % 2) ? v[(NR+1)/2] : (v[NR/2] + v[NR/2+1]) / 2
    p = v[int(0.9 * NR + 0.999)]
    printf "%.3f | %.3f", m / 1000, p / 1000 }'
}
median() { stats | cut -d' ' -f1; }
column() { awk -v c="$2" '{print $c}' "$out/$1.samples"; }
# Per round: the console's wall time minus the hello-world's in the same round (they shared that round's load).
paired() { paste -d' ' <(column "$1" 1) <(column "$2" 1) | awk '{print $1 - $2}'; }
# Per start: first frame minus a mark, i.e. the time spent after it.
after_mark() { awk -v c="$2" '$c != "-" {print $1 - $c}' "$out/$1.samples"; }

floor=$(column hello-appcds 1 | median)
console=$(column console-appcds 1 | median)
extra=$(paired console-appcds hello-appcds | median)
verdict=$(awk -v e="$extra" 'BEGIN {print (e <= 0.300) ? "**met**" : "**not met**"}')
{
  echo "Start-up, process start → first frame of the main window, $runs rounds round-robin after one warm-up round;"
  echo "$(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, load average (1/5/15 min) before $load_before, after $load_after."
  echo
  echo "| variant | first frame median s | p90 s | CPU median s | CPU p90 s | JVM + toolkit (to start()) median s | start() → first frame median s | console with plan drawn median s | p90 s | load (1 min) median |"
  echo "|---|---|---|---|---|---|---|---|---|---|"
  for v in "${variants[@]}"; do
    echo "| $v | $(column "$v" 1 | stats) | $(column "$v" 2 | stats) | $(column "$v" 3 | median) | $(after_mark "$v" 3 | median) | $(column "$v" 6 | stats) | $(column "$v" 7 | sort -n | awk '{v[NR]=$1} END {print v[int((NR+1)/2)]}') |"
  done
  echo
  echo "Console with AppCDS: first frame $console s; the floor (hello-world with AppCDS) $floor s; console minus floor,"
  echo "paired per round, median $extra s. Goal (floor + 0.3 s): $verdict."
  echo
  echo "The console's start (medians): start() → shown $(paste -d' ' <(column console-appcds 4) <(column console-appcds 3) | awk '$1 != "-" {print $1 - $2}' | median) s,"
  echo "shown → first frame $(after_mark console-appcds 4 | median) s (console-appcds); first frame → console built"
  echo "$(paste -d' ' <(column console-ready 5) <(column console-ready 1) | awk '$1 != "-" {print $1 - $2}' | median) s, console built → console with plan drawn $(paste -d' ' <(column console-ready 6) <(column console-ready 5) | awk '$1 != "-" {print $1 - $2}' | median) s (console-ready)."
  echo
  echo "With its plan, the console is drawn at $(column console-ready 6 | median) s (console-ready), the floor + $(paste -d' ' <(column console-ready 6) <(column hello-appcds 1) | awk '{print $1 - $2}' | median) s paired per round."
  echo
  echo "Wall time of every timed start, by round (s):"
  echo
  echo "| variant | $(seq -s ' | ' "$runs") |"
  echo "|---|$(printf -- '---|%.0s' $(seq "$runs"))"
  for v in "${variants[@]}"; do
    echo "| $v | $(column "$v" 1 | awk '{printf "%s%.2f", (NR > 1 ? " | " : ""), $1 / 1000}') |"
  done
  echo "| console-ready, plan drawn | $(column console-ready 6 | awk '{printf "%s%.2f", (NR > 1 ? " | " : ""), $1 / 1000}') |"
  if [ -f "$out/baseline-ready.samples" ]; then
    echo "| baseline-ready, plan drawn | $(column baseline-ready 6 | awk '{printf "%s%.2f", (NR > 1 ? " | " : ""), $1 / 1000}') |"
  fi
  echo "| load (1 min) | $(column console-appcds 7 | paste -sd'|' | sed 's/|/ | /g') |"
} | tee "$out/results.md"

# Verdicts, last, one line per goal (issue 22): the console drawn with its plan, and (round 1) its first frame, each
# over the floor paired per round; the baseline build's figure from the same rounds when BASELINE_IMAGE is given.
over_floor() { paste -d' ' <(column "$1" "$2") <(column "${3:-hello-appcds}" 1) | awk '$1 != "-" {print $1 - $2}' | median; }
verdict_line() {
  awk -v n="$1" -v v="$2" -v b="$3" 'BEGIN {printf "RESULT %s %.3f s goal <= %s %s\n", n, v, b, (v <= b) ? "met" : "NOT MET"}'
}
{
  # The baseline and this build by the older "drawn" rule, each over the hello-world measured by that rule.
  if [ -f "$out/baseline-appcds.samples" ]; then
    verdict_line first_frame_over_floor_baseline "$(over_floor baseline-appcds 1 hello-pulse)" 0.3
  fi
  if [ -f "$out/baseline-ready.samples" ]; then
    verdict_line plan_drawn_over_floor_baseline "$(over_floor baseline-ready 6 hello-pulse)" 0.35
  fi
  if [ -f "$out/console-ready-pulse.samples" ]; then
    verdict_line plan_drawn_over_floor_pulse_rule "$(over_floor console-ready-pulse 6 hello-pulse)" 0.35
  fi
  verdict_line first_frame_over_floor "$extra" 0.3
  verdict_line plan_drawn_over_floor "$(over_floor console-ready 6)" 0.35
} | tee -a "$out/results.md"
