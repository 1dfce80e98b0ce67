#!/usr/bin/env bash
# What a newer runtime's ahead-of-time cache would give the start-up, and what it would cost in memory: the packaged
# console (JDK 17 + AppCDS, as shipped) against the same jars on a JDK 24+ with an AOT cache (JEP 483/515) trained on
# a start to the plan drawn, each beside its own hello-world floor, in turns on one Xvfb display. Then both consoles
# run side by side for RSS_SECONDS and their resident sets are read. Issue #22, goals 1 and 3 (docs/performance.md,
# round 10); an experiment to decide on, not the shipped configuration.
#
#   packaging/build.sh --no-deb && bench/startup/run.sh 1 >/dev/null    # the app-image and the hello-world jar
#   AOT_JAVA=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java bench/startup/aot-runtime.sh [RUNS] [RSS_SECONDS]
#
# The AOT runtime is the full JDK (not jlinked); its JVM options are the packaged launcher's (.cfg).
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$PWD
runs=${1:-8}
rss_seconds=${2:-90}
aot_java=${AOT_JAVA:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}
image=$root/target/packaging/incident-console
hello=$root/target/startup-bench/hello
out=$root/target/startup-bench/aot
fx=$(ls "$root"/target/lib/javafx-*-linux.jar 2>/dev/null | tr '\n' ':')

[ -x "$aot_java" ] || { echo "aot-runtime.sh: no java at $aot_java (set AOT_JAVA to a JDK 24 or later)" >&2; exit 1; }
"$aot_java" -XX:AOTMode=off -version >/dev/null 2>&1 || { echo "aot-runtime.sh: $aot_java has no AOT cache (JDK 24 or later)" >&2; exit 1; }
[ -x "$image/bin/incident-console" ] || { echo "aot-runtime.sh: no app-image; run packaging/build.sh --no-deb" >&2; exit 1; }
[ -f "$hello/hello.jar" ] && [ -f "$hello/app.jsa" ] || { echo "aot-runtime.sh: no hello-world; run bench/startup/run.sh 1 once" >&2; exit 1; }
[ -n "$fx" ] || { echo "aot-runtime.sh: target/lib has no javafx jars; run mvn -B package -DskipTests" >&2; exit 1; }

rm -rf "$out"
mkdir -p "$out"
cfg=$(ls "$image"/lib/app/*.cfg)
app_cp=$(sed -n 's/^app\.classpath=//p' "$cfg" | sed "s|\$APPDIR|$image/lib/app|g" | paste -sd:)
# The launcher's JVM options, minus its AppCDS archive (the AOT cache takes its place).
jvm_opts=$(sed -n 's/^java-options=//p' "$cfg" | grep -v -e SharedArchiveFile -e '^-Xshare' -e '^-Xlog:cds' | tr '\n' ' ')
perf=--add-exports=javafx.graphics/com.sun.javafx.perf=ALL-UNNAMED
fx_modules="--module-path $fx --add-modules javafx.controls,javafx.fxml"

display=:$(( 90 + RANDOM % 400 ))
Xvfb "$display" -screen 0 1600x1000x24 -nolisten tcp >"$out/xvfb.log" 2>&1 &
xvfb_pid=$!
pids=()
trap 'kill "$xvfb_pid" "${pids[@]}" 2>/dev/null || true' EXIT
export DISPLAY=$display XDG_CONFIG_HOME=$out/config XDG_DATA_HOME=$out/data
for _ in $(seq 100); do [ -e "/tmp/.X11-unix/X${display#:}" ] && break; sleep 0.1; done

# Training: one start each, to the plan drawn (the console) or the first frame (the hello-world).
# shellcheck disable=SC2086
"$aot_java" $jvm_opts $fx_modules $perf -Dincident-console.startup-probe=ready -XX:AOTCacheOutput="$out/app.aot" \
  -cp "$app_cp" io.incidentconsole.app.Launcher >"$out/train-app.log" 2>&1
"$aot_java" $fx_modules $perf -XX:AOTCacheOutput="$out/hello.aot" -cp "$hello/hello.jar" 'HelloFx$Main' \
  >"$out/train-hello.log" 2>&1

variant_cmd() {
  case "$1" in
    hello-17) echo "$image/lib/runtime/bin/java -Xshare:on -XX:SharedArchiveFile=$hello/app.jsa $perf -cp $hello/hello.jar HelloFx\$Main" ;;
    console-17) echo "env JDK_JAVA_OPTIONS=$perf JAVA_TOOL_OPTIONS=-Dincident-console.startup-probe=ready $image/bin/incident-console" ;;
    hello-aot) echo "$aot_java $fx_modules $perf -XX:AOTCache=$out/hello.aot -cp $hello/hello.jar HelloFx\$Main" ;;
    console-aot) echo "$aot_java $jvm_opts $fx_modules $perf -Dincident-console.startup-probe=ready -XX:AOTCache=$out/app.aot -cp $app_cp io.incidentconsole.app.Launcher" ;;
  esac
}
variants="hello-17 console-17 hello-aot console-aot"

# One start: seconds from exec to the last "first-frame" or "console-ready" line.
time_one() {
  local started line
  started=$(date +%s%3N)
  # shellcheck disable=SC2046
  line=$($(variant_cmd "$1") 2>/dev/null | grep -E '^(first-frame|console-ready) ' | tail -1)
  echo "$line" | sed -n 's/.*epoch-ms=\([0-9]*\).*/\1/p' | awk -v s="$started" '{printf "%.3f\n", ($1 - s) / 1000}'
}

for v in $variants; do time_one "$v" >/dev/null; done   # warm-up round, untimed
for round in $(seq "$runs"); do
  for v in $variants; do
    echo "$(time_one "$v")" >>"$out/$v.txt"
  done
  echo "round $round/$runs: load $(cut -d' ' -f1-3 /proc/loadavg)"
done

median() { sort -n | awk '{v[NR]=$1} END {print v[int((NR+1)/2)]}'; }
paired() { paste -d' ' "$out/$1.txt" "$out/$2.txt" | awk '{printf "%.3f\n", $1 - $2}' | median; }

# Resident sets: both consoles side by side (same load), read after rss_seconds.
rss_of() { awk '/VmRSS/ {printf "%.0f\n", $2 / 1024}' "/proc/$1/status"; }
XDG_CONFIG_HOME=$out/rss17/config XDG_DATA_HOME=$out/rss17/data "$image/bin/incident-console" >/dev/null 2>&1 &
pids+=($!)
# shellcheck disable=SC2086
XDG_CONFIG_HOME=$out/rssaot/config XDG_DATA_HOME=$out/rssaot/data "$aot_java" $jvm_opts $fx_modules \
  -XX:AOTCache="$out/app.aot" -cp "$app_cp" io.incidentconsole.app.Launcher >/dev/null 2>&1 &
pids+=($!)
sleep "$rss_seconds"
rss17=$(rss_of "${pids[0]}")
rssaot=$(rss_of "${pids[1]}")
kill "${pids[@]}" 2>/dev/null || true

{
  echo "JDK 17 + AppCDS (packaged) against $("$aot_java" -version 2>&1 | head -1) + AOT cache; $runs rounds, $(nproc) cores."
  for v in $variants; do echo "$v median $(median <"$out/$v.txt") s"; done
  echo "AOT cache $(du -m "$out/app.aot" | cut -f1) MB; resident after ${rss_seconds} s: JDK 17 ${rss17} MB, AOT ${rssaot} MB"
  verdict() { awk -v v="$1" -v b="$2" 'BEGIN {print (v <= b) ? "met" : "NOT MET"}'; }
  base=$(paired console-17 hello-17)
  aot=$(paired console-aot hello-aot)
  echo "RESULT plan_drawn_over_floor_baseline $base s goal <= 0.35 $(verdict "$base" 0.35)"
  echo "RESULT plan_drawn_over_floor_aot $aot s goal <= 0.35 $(verdict "$aot" 0.35)"
  echo "RESULT rss_after_${rss_seconds}s_baseline $rss17 MB goal <= 220 $(verdict "$rss17" 220)"
  echo "RESULT rss_after_${rss_seconds}s_aot $rssaot MB goal <= 220 $(verdict "$rssaot" 220)"
} | tee "$out/results.txt"
