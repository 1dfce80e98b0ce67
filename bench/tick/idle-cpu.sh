#!/usr/bin/env bash
# What the console's pulse rate costs while nothing happens: CPU of an idle console (the bundled plan, the simulator's
# metrics live, the incident dialog open as at every start) over SECONDS, with JavaFX's 60 Hz pulse (the baseline,
# -Djavafx.animation.pulse=60) and with the rate the console picks for the software pipeline (240 Hz,
# app/RenderingPipeline). Our own bound: at most 2 % of one core. Issue 22, round 6; docs/performance.md.
#
#   mvn -B -q -DskipTests package && bench/tick/idle-cpu.sh [SECONDS]     # default 30, after 25 s to settle
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds=${1:-30}
jar=target/incident-console.jar
[ -f "$jar" ] || { echo "idle-cpu.sh: no $jar; run mvn -B -q -DskipTests package" >&2; exit 1; }
command -v Xvfb >/dev/null || { echo "idle-cpu.sh: needs Xvfb (apt-get install -y xvfb libgtk-3-0)" >&2; exit 1; }
display=:$(( 500 + RANDOM % 400 ))
Xvfb "$display" -screen 0 1600x1000x24 -nolisten tcp >/dev/null 2>&1 &
xvfb_pid=$!
home=$(mktemp -d)
trap 'kill "$xvfb_pid" 2>/dev/null || true; rm -rf "$home"' EXIT
export DISPLAY=$display
for _ in $(seq 100); do [ -e "/tmp/.X11-unix/X${display#:}" ] && break; sleep 0.1; done
tick=$(getconf CLK_TCK)

# Percent of one core used by a console started with the given pulse option ("" = the console's own choice).
idle_cpu() {
  # shellcheck disable=SC2086 # $1 is an option or nothing
  XDG_CONFIG_HOME=$home/$2/config XDG_DATA_HOME=$home/$2/data java @src/main/resources/jvm/memory.options $1 \
    -jar "$jar" >/dev/null 2>&1 &
  local pid=$!
  sleep 25
  local before after
  before=$(awk '{print $14 + $15}' "/proc/$pid/stat")
  sleep "$seconds"
  after=$(awk '{print $14 + $15}' "/proc/$pid/stat")
  kill "$pid"
  wait "$pid" 2>/dev/null || true
  awk -v t=$((after - before)) -v s="$seconds" -v hz="$tick" 'BEGIN { printf "%.2f", 100 * t / hz / s }'
}
echo "== idle console, ${seconds} s each (load $(cut -d' ' -f1-3 /proc/loadavg))"
baseline=$(idle_cpu -Djavafx.animation.pulse=60 60hz)
current=$(idle_cpu "" chosen)
echo "60 Hz pulse: ${baseline} % of a core; the console's own (240 Hz here): ${current} %"
awk -v v="$baseline" 'BEGIN { printf "RESULT idle_cpu_baseline_60hz %s %% goal <= 2 %s\n", v, (v <= 2 ? "met" : "NOT MET") }'
awk -v v="$current" 'BEGIN { printf "RESULT idle_cpu %s %% goal <= 2 %s\n", v, (v <= 2 ? "met" : "NOT MET") }'
