#!/usr/bin/env bash
# Resident memory of the console in a real window (Xvfb), the metrics area shown on its 24 h window, the simulator
# backfilling 24 h of 1 Hz history per metric: the JVM as shipped next to a baseline, all started at once so they
# share the machine's load. See bench/memory/README.md and docs/performance.md.
#
#   mvn -B -q -DskipTests package && bench/memory/run.sh [MINUTES]      # default 10
#
# Variants (each on its own Xvfb display, own config and data folders):
#   baseline     java -jar, no options, run-time heap tuning off (what 0.1 shipped)
#   jar          java -jar as shipped: the console sets the manageable heap flags itself (app/HeapTuning)
#   launcher     the packaged launcher's and `mvn javafx:run`'s options (src/main/resources/jvm/memory.options)
#                and the packaged launcher's environment: MALLOC_ARENA_MAX=2, and GDK_GL=disable on a machine
#                without a graphics device (packaging/build.sh; Xvfb in a container is one)
#   launcher-round2  round 2's launcher: its options (bench/memory/round2.options: G1, C2), MALLOC_ARENA_MAX=2, and
#                the jar in BASELINE_JAR (round 2's build, e.g. main at 3f1b04f) or, without it, this one
# RSS is VmRSS from /proc/PID/status, sampled every 10 s; "after N min" is the median of the last minute's samples.
# Output: target/memory-bench/ (samples.csv, per-variant logs, a screenshot of each window) and, last, RESULT lines.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$PWD
minutes=${1:-10}
out=$root/target/memory-bench
plan=$root/src/main/resources/plans/issue-324-330-coordination.yaml
jar=$root/target/incident-console.jar
options=$root/src/main/resources/jvm/memory.options
goal_mb=220

[ -f "$jar" ] || { echo "run.sh: no $jar; run mvn -B -q -DskipTests package" >&2; exit 1; }
for tool in Xvfb xdotool; do
  command -v $tool >/dev/null || { echo "run.sh: needs $tool (apt-get install -y xvfb xdotool libgtk-3-0)" >&2; exit 1; }
done

variants=(baseline jar launcher launcher-round2)
history=-Dincident-console.simulator-history=24h
probe=-Dincident-console.startup-probe=print
# What the packaged launcher adds to the environment here (packaging/build.sh writes the same test).
launcher_env=
if ! ls /dev/dri/card* /dev/dri/renderD* /dev/nvidia* >/dev/null 2>&1; then launcher_env=GDK_GL=disable; fi
variant_cmd() {
  case "$1" in
    baseline)    echo "java $history $probe -Dincident-console.heap-tuning=off -jar $jar" ;;
    jar)         echo "java $history $probe -jar $jar" ;;
    launcher)    echo "env MALLOC_ARENA_MAX=2 $launcher_env java @$options $history $probe -jar $jar" ;;
    launcher-round2) echo "env MALLOC_ARENA_MAX=2 java @$root/bench/memory/round2.options $history $probe -jar ${BASELINE_JAR:-$jar}" ;;
  esac
}

rm -rf "$out"
mkdir -p "$out"
pids=()
xvfbs=()
displays=()
cleanup() {
  for pid in "${pids[@]}" "${xvfbs[@]}"; do kill "$pid" 2>/dev/null || true; done
}
trap cleanup EXIT

base=$(( 500 + RANDOM % 300 ))
for i in "${!variants[@]}"; do
  v=${variants[$i]}
  display=:$(( base + i ))
  displays+=("$display")
  Xvfb "$display" -screen 0 1600x1000x24 -nolisten tcp >"$out/$v.xvfb.log" 2>&1 &
  xvfbs+=($!)
done
for display in "${displays[@]}"; do
  for _ in $(seq 100); do [ -e "/tmp/.X11-unix/X${display#:}" ] && break; sleep 0.1; done
done

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
echo "== $minutes min, variants ${variants[*]} (load $load_before, $(nproc) cores)"
for i in "${!variants[@]}"; do
  v=${variants[$i]}
  mkdir -p "$out/$v/config" "$out/$v/data"
  # shellcheck disable=SC2046 # the command is a word list
  DISPLAY=${displays[$i]} XDG_CONFIG_HOME=$out/$v/config \
    $(variant_cmd "$v") open "$plan" --data-dir "$out/$v/data" >"$out/$v.out" 2>"$out/$v.err" &
  pids+=($!)
done
started=$(date +%s)

# Once a console has drawn its plan: Escape closes the incident dialog ("just read the plan"), Ctrl+5 shows the
# metrics area, 4 its 24 h window.
for i in "${!variants[@]}"; do
  v=${variants[$i]}
  for _ in $(seq 300); do grep -q '^console-ready' "$out/$v.out" && break; sleep 1; done
  grep -q '^console-ready' "$out/$v.out" || { echo "run.sh: $v did not draw its plan; see $out/$v.err" >&2; exit 1; }
done
sleep 5
# Xvfb has no window manager: the main window is given the focus by hand once the dialog is gone.
for i in "${!variants[@]}"; do
  export DISPLAY=${displays[$i]}
  xdotool key Escape
  sleep 1
  xdotool search --onlyvisible --name 'Coordination Plan' windowfocus --sync 2>/dev/null || true
  xdotool key ctrl+5
done
# The window keys once every metrics area is up (pressed twice: a key sent while the area still builds is lost, and
# choosing the 24 h window again changes nothing).
for _ in 1 2; do
  sleep 5
  for i in "${!variants[@]}"; do
    DISPLAY=${displays[$i]} xdotool search --onlyvisible --name 'Coordination Plan' windowfocus --sync key 4 \
      2>/dev/null || true
  done
done
unset DISPLAY

# The Java processes (children of `env` where there is one).
java_pid() { local p=$1; pgrep -P "$p" java || echo "$p"; }
echo "seconds,load1,${variants[*]}" | tr ' ' ',' >"$out/samples.csv"
end=$(( started + minutes * 60 ))
while [ "$(date +%s)" -lt "$end" ]; do
  row="$(( $(date +%s) - started )),$(cut -d' ' -f1 /proc/loadavg)"
  for pid in "${pids[@]}"; do
    kb=$(awk '/^VmRSS:/ {print $2}' "/proc/$(java_pid "$pid")/status" 2>/dev/null || echo 0)
    row="$row,$(( kb / 1024 ))"
  done
  echo "$row" >>"$out/samples.csv"
  sleep 10
done
# A console that is gone has no RSS to speak of: its verdict is a failure, not "0 MB, met".
alive=()
for pid in "${pids[@]}"; do
  if kill -0 "$(java_pid "$pid")" 2>/dev/null; then alive+=(yes); else alive+=(no); fi
done
for i in "${!variants[@]}"; do
  DISPLAY=${displays[$i]} import -window root "$out/${variants[$i]}.png" 2>/dev/null || true
done
load_after=$(cut -d' ' -f1-3 /proc/loadavg)

# Median of the samples of the last minute, per variant (column 3 on).
last_minute() {
  awk -F, -v c="$1" -v from=$(( minutes * 60 - 60 )) 'NR > 1 && $1 >= from {print $c}' "$out/samples.csv" \
    | sort -n | awk '{v[NR]=$1} END {print (NR ? v[int((NR+1)/2)] : 0)}'
}
echo
echo "RSS (MB) every 10 s: $out/samples.csv; load average (1/5/15 min) before $load_before, after $load_after"
printf '%-12s %8s %8s %8s\n' variant min max "last min median"
for i in "${!variants[@]}"; do
  c=$(( i + 3 ))
  col=$(awk -F, -v c="$c" 'NR > 1 {print $c}' "$out/samples.csv" | sort -n)
  printf '%-12s %8s %8s %8s\n' "${variants[$i]}" "$(echo "$col" | head -1)" "$(echo "$col" | tail -1)" "$(last_minute "$c")"
done
for i in "${!variants[@]}"; do
  v=${variants[$i]}
  mb=$(last_minute $(( i + 3 )))
  name=rss_after_${minutes}min
  [ "$v" = launcher ] || name=${name}_$v
  if [ "${alive[$i]}" != yes ] || [ "$mb" -eq 0 ]; then
    echo "RESULT ${name//-/_} exited MB goal <= $goal_mb NOT MET (the console was not running to the end)"
    continue
  fi
  verdict=$([ "$mb" -le "$goal_mb" ] && echo met || echo "NOT MET")
  echo "RESULT ${name//-/_} $mb MB goal <= $goal_mb $verdict"
done
