#!/usr/bin/env bash
# Builds the macOS disk image (.dmg) of Incident Console. Not run in this repository's CI; see docs/packaging.md.
# Needs: JDK 17+ (jlink, jpackage) for the Mac's architecture, Xcode command line tools, Maven. Maven resolves the
# javafx-*-mac.jar (or -mac-aarch64) jars on a Mac because the openjfx classifier follows the OS.
# Signing: add --mac-sign --mac-signing-key-user-name "Developer ID Application: ..." to the jpackage call.
set -euo pipefail
cd "$(dirname "$0")/../.."

mvn -B -q package -DskipTests
work=target/packaging-mac
rm -rf "$work"
mkdir -p "$work/input" "$work/fxmods"
jar --create --file "$work/input/incident-console.jar" --main-class io.incidentconsole.app.Launcher -C target/classes .
for jar in target/lib/*.jar; do
  case "$(basename "$jar")" in
    javafx-*-mac*.jar) cp "$jar" "$work/fxmods/" ;;
    javafx-*) ;;
    *) cp "$jar" "$work/input/" ;;
  esac
done
modules=java.base,java.desktop,java.logging,java.management,java.naming,java.net.http,java.security.jgss,java.sql,jdk.crypto.ec,jdk.unsupported,javafx.controls,javafx.fxml
jlink --module-path "$work/fxmods" --add-modules "$modules" --strip-debug --no-man-pages --no-header-files \
  --compress=2 --output "$work/runtime"
version=$(sed -n 's:.*<version>\(.*\)</version>.*:\1:p' pom.xml | head -1)
# The options name $APPDIR/app.jsa with -Xshare:auto: the app starts without an archive until one is dumped for the
# place the .app is installed (JDK 17 checks the class path literally). See docs/packaging.md, "Windows and macOS".
jpackage @packaging/macos/jpackage.options --runtime-image "$work/runtime" --input "$work/input" \
  --app-version "$version" --dest target/packaging
