#!/usr/bin/env bash
# Start-up benchmark: process start -> first rendered frame of the main window, for the packaged console on the
# bundled plan and for a bare JavaFX hello-world on the same jlinked runtime, each with and without AppCDS.
#
#   packaging/build.sh --no-deb && bench/startup/run.sh [RUNS]      # RUNS timed rounds, default 10
#
# Every start is a new process under its own Xvfb display. The clock starts in this script just before the exec
# and stops at the "first-frame epoch-ms=" line the app prints (-Dincident-console.startup-probe=exit), so launcher
# and JVM start-up are included. The four variants run round-robin so they share whatever load the machine has;
# one warm-up round is discarded. Results: target/startup-bench/results.md (and the raw samples next to it).
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

# A display of our own, stopped on exit.
display=:$(( 90 + RANDOM % 400 ))
Xvfb "$display" -screen 0 1600x1000x24 -nolisten tcp >"$out/xvfb.log" 2>&1 &
xvfb_pid=$!
trap 'kill "$xvfb_pid" 2>/dev/null || true' EXIT
export DISPLAY=$display
for _ in $(seq 50); do [ -e "/tmp/.X11-unix/X${display#:}" ] && break; sleep 0.1; done

# The hello-world, compiled here against the same JavaFX, run on the app's runtime; its archive is made the same way
# as the app's (a class list from one start, then -Xshare:dump).
# CDS archives classes from jars only, not from directories.
javac -d "$out/hello/classes" --class-path "$fxjars" bench/startup/HelloFx.java
jar --create --file "$out/hello/hello.jar" -C "$out/hello/classes" .
"$java" -Xshare:off -XX:DumpLoadedClassList="$out/hello/classes.lst" -cp "$out/hello/hello.jar" 'HelloFx$Main' >"$out/hello/train.log" 2>&1 \
  || { echo "run.sh: the hello-world did not start:" >&2; cat "$out/hello/train.log" >&2; exit 1; }
sed -i 's/ id: [0-9]*$//' "$out/hello/classes.lst"
"$java" -Xshare:dump -XX:SharedClassListFile="$out/hello/classes.lst" -XX:SharedArchiveFile="$out/hello/app.jsa" \
  -cp "$out/hello/hello.jar" -Xlog:cds=off -Xlog:cds+dynamic=off >/dev/null

app_cp=$(sed -n 's/^app\.classpath=//p' "$image/lib/app/"*.cfg | sed "s|\$APPDIR|$image/lib/app|g" | paste -sd:)
probe=-Dincident-console.startup-probe=exit

variant_cmd() {
  case "$1" in
    hello-nocds)   echo "$java -Xshare:off -cp $out/hello/hello.jar HelloFx\$Main" ;;
    hello-appcds)  echo "$java -Xshare:on -XX:SharedArchiveFile=$out/hello/app.jsa -cp $out/hello/hello.jar HelloFx\$Main" ;;
    # The console as the packaged launcher starts it, minus the archive.
    console-nocds) echo "$java -Xshare:off $probe -cp $app_cp io.incidentconsole.app.Launcher" ;;
    # The packaged launcher itself, as an operator starts it (its .cfg names the archive).
    console-appcds) echo "env JAVA_TOOL_OPTIONS=$probe $image/bin/incident-console" ;;
  esac
}
variants=(hello-nocds hello-appcds console-nocds console-appcds)

# Milliseconds from just before exec to the first-frame line; "user+sys" CPU milliseconds of the process.
measure() {
  local cmd=$1 start frame cpu
  local TIMEFORMAT='%3U %3S'
  start=$(date +%s%3N)
  { cpu=$( { time $cmd >"$out/last.out" 2>"$out/last.err"; } 2>&1 ); } || true
  frame=$(sed -n 's/^first-frame epoch-ms=//p' "$out/last.out")
  if [ -z "$frame" ]; then
    echo "run.sh: no first-frame line from: $cmd" >&2
    cat "$out/last.err" >&2
    exit 1
  fi
  echo "$((frame - start)) $(echo "$cpu" | tail -1 | awk '{printf "%d", ($1 + $2) * 1000}')"
}

# The packaged launcher must really use its archive: -Xshare:on refuses to start without it.
JAVA_TOOL_OPTIONS="-Xshare:on $probe" "$image/bin/incident-console" >/dev/null 2>"$out/share-check.err" \
  || { echo "run.sh: the app-image does not start with its archive (-Xshare:on):" >&2; cat "$out/share-check.err" >&2; exit 1; }

echo "warm-up round"
for v in "${variants[@]}"; do measure "$(variant_cmd "$v")" >/dev/null; done
for round in $(seq "$runs"); do
  for v in "${variants[@]}"; do
    measure "$(variant_cmd "$v")" >>"$out/$v.samples"
  done
  echo "round $round/$runs: load $(cut -d' ' -f1-3 /proc/loadavg)"
done

stats() {  # median and p90 (nearest rank) of column $2 of file $1, in seconds
  sort -n -k"$2","$2" "$1" | awk -v c="$2" '{v[NR]=$c} END {
    m = (NR % 2) ? v[(NR+1)/2] : (v[NR/2] + v[NR/2+1]) / 2
    p = v[int(0.9 * NR + 0.999)]
    printf "%.3f | %.3f", m / 1000, p / 1000 }'
}
{
  echo "Start-up, process start -> first frame, $runs runs each (load average after: $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores)"
  echo
  echo "| variant | median s | p90 s | CPU median s | CPU p90 s |"
  echo "|---|---|---|---|---|"
  for v in "${variants[@]}"; do
    echo "| $v | $(stats "$out/$v.samples" 1) | $(stats "$out/$v.samples" 2) |"
  done
} | tee "$out/results.md"
