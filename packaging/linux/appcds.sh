#!/bin/sh
# Class-data sharing (AppCDS) for an Incident Console app-image or installation.
#
#   appcds.sh train IMAGE CLASSLIST PLAN   record the classes a start loads (CLI validate PLAN + the window up to the
#                                          console drawn with the bundled plan)
#   appcds.sh dump [IMAGE]                 write IMAGE/lib/app/app.jsa from IMAGE/lib/app/app.classlist
#   appcds.sh remove [IMAGE]               delete the archive (the .deb's prerm)
#
# IMAGE defaults to the installation this script sits in (IMAGE/lib/app/appcds.sh). JDK 17 accepts an archive
# only for the exact class path it was dumped with, so the archive is dumped where the app lives; the launcher
# runs with -Xshare:auto, so a missing or stale archive only costs start-up time, never a failed start.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
action=${1:-}
image=${2:-}
if [ -z "$image" ]; then
  image=$(cd "$here/../.." && pwd)
fi
image=$(cd "$image" && pwd -P)
app=$image/lib/app
java=$image/lib/runtime/bin/java
cfg=$(ls "$app"/*.cfg | head -1)

# The class path exactly as the launcher builds it from its .cfg, in the same order.
classpath() {
  sed -n 's/^app\.classpath=//p' "$cfg" | sed "s|\$APPDIR|$app|g" | tr '\n' ':' | sed 's/:*$//'
}
main_class() {
  sed -n 's/^app\.mainclass=//p' "$cfg"
}

case "$action" in
  train)
    list=${3:?classlist path}
    plan=${4:?plan file for the validate run}
    tmp=$(mktemp -d)
    trap 'rm -rf "$tmp"' EXIT
    cp=$(classpath)
    main=$(main_class)
    "$java" -Xshare:off -XX:DumpLoadedClassList="$tmp/cli.lst" -cp "$cp" "$main" validate "$plan" >/dev/null
    # The window as the desktop entry starts it (no arguments: the bundled plan), up to the console drawn with the
    # plan, in an empty home: the first frame, then the console built into the window and the plan read into it.
    export XDG_CONFIG_HOME="$tmp/config" XDG_DATA_HOME="$tmp/data"
    set -- "$java" -Xshare:off -XX:DumpLoadedClassList="$tmp/window.lst" -Dincident-console.startup-probe=ready \
      -cp "$cp" "$main"
    if [ -n "${DISPLAY:-}" ]; then
      "$@" >/dev/null
    elif command -v xvfb-run >/dev/null 2>&1; then
      xvfb-run -a -s "-screen 0 1600x1000x24" "$@" >/dev/null
    else
      echo "appcds.sh: no DISPLAY and no xvfb-run: training on the command line only (JavaFX classes not archived)" >&2
    fi
    # One list: each class once, in first-loaded order. Lines are "name id: N" plus @lambda entries that refer to
    # names, so ids are dropped (the dump numbers classes itself) and duplicates removed.
    cat "$tmp"/*.lst | sed 's/ id: [0-9]*$//' | awk '!seen[$0]++' | grep -v '^#' > "$list"
    echo "appcds.sh: $(wc -l < "$list") classes in $list"
    ;;
  dump)
    [ -f "$app/app.classlist" ] || { echo "appcds.sh: $app/app.classlist is missing" >&2; exit 1; }
    rm -f "$app/app.jsa"
    "$java" -Xshare:dump -XX:SharedClassListFile="$app/app.classlist" -XX:SharedArchiveFile="$app/app.jsa" \
      -cp "$(classpath)" -Xlog:cds=off -Xlog:cds+dynamic=off >/dev/null
    echo "appcds.sh: wrote $app/app.jsa"
    ;;
  remove)
    rm -f "$app/app.jsa"
    ;;
  *)
    sed -n '2,9p' "$0" >&2
    exit 2
    ;;
esac
