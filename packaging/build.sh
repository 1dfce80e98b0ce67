#!/usr/bin/env bash
# Builds the installable Incident Console for Linux: an app-image and a .deb, both with JavaFX jlinked into a
# trimmed Java runtime and a class-data-sharing archive (AppCDS) for a fast start. See docs/packaging.md.
#
#   packaging/build.sh              # mvn package, then app-image + .deb into target/packaging/
#   packaging/build.sh --skip-maven # reuse target/incident-console.jar and target/lib/
#   packaging/build.sh --no-deb     # the app-image only
#   packaging/build.sh --deb-only   # the .deb from the app-image already in target/packaging/
#
# Needs JDK 17+ (jlink, jpackage), and for the .deb fakeroot + dpkg-deb. The AppCDS training run opens the window
# once: it uses $DISPLAY when set, else xvfb-run when installed, else trains on the command line only.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

skip_maven=false
build_deb=true
build_image=true
for arg in "$@"; do
  case "$arg" in
    --skip-maven) skip_maven=true ;;
    --no-deb) build_deb=false ;;
    --deb-only) build_image=false ;;
    -h|--help) sed -n '2,12p' "$0"; exit 0 ;;
    *) echo "build.sh: unknown option $arg (try --help)" >&2; exit 2 ;;
  esac
done

name=incident-console
version=$(sed -n 's:.*<version>\(.*\)</version>.*:\1:p' pom.xml | head -1)
main_class=io.incidentconsole.app.Launcher
bundled_plan=src/main/resources/plans/issue-324-330-coordination.yaml
# `jdeps --recursive --print-module-deps` on the app and target/lib: java.base, java.desktop (reports: Java2D,
# ImageIO), java.management (IncidentLock's host-name fallback), java.net.http (Prometheus), java.sql and the
# JavaFX modules. The PostgreSQL driver (team mode) adds java.naming and java.security.jgss (Kerberos login);
# java.logging is for it and ControlsFX, jdk.crypto.ec for TLS, jdk.unsupported for libraries that look up
# sun.misc.Unsafe reflectively (jdeps cannot see that).
modules=java.base,java.desktop,java.logging,java.management,java.naming,java.net.http,java.security.jgss,java.sql,jdk.crypto.ec,jdk.unsupported,javafx.controls,javafx.fxml
out=$root/target/packaging
work=$out/work
image=$out/$name

if $build_image; then
  rm -rf "$out"
  mkdir -p "$work/input/plans" "$work/fxmods"

  if ! $skip_maven; then
    mvn -B -q package -DskipTests
  fi
  [ -f target/incident-console.jar ] || { echo "build.sh: target/incident-console.jar is missing; run without --skip-maven" >&2; exit 1; }

  # The app jar without its manifest Class-Path: jpackage puts every jar of the input on the class path itself, and
  # the Class-Path names the JavaFX jars, which live in the runtime here (twice would load them twice).
  unzip -p target/incident-console.jar META-INF/MANIFEST.MF | tr -d '\r' \
    | awk '/^Class-Path:/ {skip=1; next} skip && /^ / {next} {skip=0; print}' > "$work/MANIFEST.MF"
  jar --create --file "$work/input/$name.jar" --manifest "$work/MANIFEST.MF" -C target/classes .
  for jar in target/lib/*.jar; do
    case "$(basename "$jar")" in
      javafx-*-linux.jar) cp "$jar" "$work/fxmods/" ;;
      javafx-*) ;;  # the classifier-less javafx jars are empty placeholders
      *) cp "$jar" "$work/input/" ;;
    esac
  done
  # The bundled plan as a plain file too, so `validate` and `open` can be tried on it from the installed app.
  cp "$bundled_plan" "$work/input/plans/"
  # Makes the start-up archive where the app is installed (the .deb's postinst runs it; see below).
  cp packaging/linux/appcds.sh "$work/input/"

  echo "== jlink: $modules"
  "${JAVA_HOME:+$JAVA_HOME/bin/}jlink" --module-path "$work/fxmods" --add-modules "$modules" \
    --strip-debug --no-man-pages --no-header-files --compress=2 --output "$work/runtime"
  # Like --strip-native-commands, except bin/java (12 KB) stays: the AppCDS training, the .deb's post-install
  # archive step and the start-up benchmark run it.
  find "$work/runtime/bin" -type f ! -name java -delete
  # Debian's libjvm.so keeps its symbol table (4 MB); the JVM needs only the dynamic symbols. The cost: a crash
  # log (hs_err) names fewer native frames.
  if command -v strip >/dev/null; then
    find "$work/runtime" -name '*.so' -exec strip --strip-unneeded {} +
  fi

  echo "== jpackage app-image"
  "${JAVA_HOME:+$JAVA_HOME/bin/}jpackage" --type app-image --dest "$out" \
    --name "$name" --app-version "$version" \
    --vendor "Incident Console" --description "Operator console for running an outage coordination plan" \
    --icon packaging/icons/incident-console-256.png \
    --runtime-image "$work/runtime" --input "$work/input" \
    --main-jar "$name.jar" --main-class "$main_class" \
    --java-options '-XX:SharedArchiveFile=$APPDIR/app.jsa' \
    --java-options '-Xshare:auto' \
    --java-options '-Xlog:cds=off' \
    --java-options '-Xlog:cds+dynamic=off' \
    $(grep -v '^#' src/main/resources/jvm/memory.options | sed '/^$/d; s/^/--java-options /')

  # jpackage's native launcher (JDK 17, Linux) asks rpm and dpkg which package owns it on every start: two
  # `sh -c` + `dpkg -S` runs, about 0.35 s before the JVM even starts. A shell launcher with the same class path and
  # Java options (from the .cfg jpackage wrote) starts the same runtime directly. The .cfg stays: appcds.sh reads it.
  cfg="$image/lib/app/$name.cfg"
  {
    echo '#!/bin/sh'
    echo "# Starts $name on its bundled runtime (written by packaging/build.sh from lib/app/$name.cfg; see"
    echo '# docs/packaging.md: jpackage'"'"'s own launcher runs rpm and dpkg on every start).'
    echo 'APPDIR=$(dirname "$(dirname "$(readlink -f "$0")")")/lib/app'
    echo '# Two malloc arenas instead of one per core and thread: the JVM allocates little natively (docs/performance.md).'
    echo 'export MALLOC_ARENA_MAX="${MALLOC_ARENA_MAX:-2}"'
    echo '# No graphics device (a VM, a container, a remote desktop): OpenGL is Mesa'"'"'s software rasteriser, which JavaFX'
    echo '# loads and then refuses, and GTK loads for its GL visuals: ~50 MB resident for nothing. The console then takes the'
    echo '# software pipeline (app/RenderingPipeline, the same device test); GTK is told not to load GL (docs/decisions/0019).'
    echo 'if [ -z "${GDK_GL+set}" ] && ! ls /dev/dri/card* /dev/dri/renderD* /dev/nvidia* >/dev/null 2>&1; then'
    echo '  export GDK_GL=disable'
    echo 'fi'
    printf 'exec "$APPDIR/../runtime/bin/java"'
    sed -n 's/^java-options=//p' "$cfg" | while IFS= read -r option; do printf ' "%s"' "$option"; done
    printf ' -cp "%s"' "$(sed -n 's/^app\.classpath=//p' "$cfg" | paste -sd:)"
    printf ' %s "$@"\n' "$(sed -n 's/^app\.mainclass=//p' "$cfg")"
  } > "$image/bin/$name"
  chmod 755 "$image/bin/$name"

  # AppCDS. The class list is what a training run loads; the archive is dumped from it for the place the app lives
  # (JDK 17 checks the archive's class path against the launcher's literally, so the .deb dumps again at install).
  packaging/linux/appcds.sh train "$image" "$work/classes.lst" "$root/$bundled_plan"
  cp "$work/classes.lst" "$image/lib/app/app.classlist"
  packaging/linux/appcds.sh dump "$image"

  mb() { du -cb "$@" | tail -1 | awk '{printf "%.1f", $1 / 1048576}'; }
  echo "== app-image: $image: $(mb "$image") MB = runtime $(mb "$image/lib/runtime") MB + app $(mb "$image"/lib/app/*.jar "$image"/lib/app/plans) MB + AppCDS archive $(mb "$image/lib/app/app.jsa") MB + launcher, icon, class list"
  "$image/bin/$name" --version

fi

if $build_deb; then
  [ -x "$image/bin/$name" ] || { echo "build.sh: no app-image at $image" >&2; exit 1; }
  rm -f "$out"/*.deb
  echo "== jpackage deb"
  rm -rf "$work/deb-resources"
  mkdir -p "$work/deb-resources"
  cp packaging/linux/incident-console.desktop "$work/deb-resources/$name.desktop"
  cp packaging/linux/postinst packaging/linux/prerm "$work/deb-resources/"
  # The archive dumped above names this build directory; the .deb makes its own at install.
  rm -f "$image/lib/app/app.jsa"
  "${JAVA_HOME:+$JAVA_HOME/bin/}jpackage" --type deb --dest "$out" \
    --app-image "$image" --name "$name" --app-version "$version" \
    --vendor "Incident Console" --description "Operator console for running an outage coordination plan" \
    --icon packaging/icons/incident-console-256.png \
    --resource-dir "$work/deb-resources" \
    --linux-package-name "$name" --linux-deb-maintainer "oncall@incident-console.invalid" \
    --linux-menu-group "Development;Utility;" --linux-app-category utils \
    --linux-package-deps "libgtk-3-0, fonts-dejavu-core" --linux-shortcut
  packaging/linux/appcds.sh dump "$image"
  ls -la "$out"/*.deb
  echo "== .deb: $(du -m "$out"/*.deb | cut -f1) MB"
fi
