# Builds the Windows installer (.msi) of Incident Console. Not run in this repository's CI; see docs/packaging.md.
# Needs: JDK 17+ (jlink, jpackage), WiX Toolset 3.x on PATH (candle.exe, light.exe), Maven, and the JavaFX
# Windows jars (javafx-*-win.jar), which Maven resolves on Windows because the openjfx classifier follows the OS.
$ErrorActionPreference = 'Stop'
Set-Location (Join-Path $PSScriptRoot '..\..')

mvn -B -q package -DskipTests
$work = 'target\packaging-win'
Remove-Item -Recurse -Force $work -ErrorAction SilentlyContinue
New-Item -ItemType Directory -Force "$work\input", "$work\fxmods" | Out-Null

# The app jar without its manifest Class-Path (jpackage builds the class path from the input directory).
jar --create --file "$work\input\incident-console.jar" --main-class io.incidentconsole.app.Launcher -C target\classes .
Get-ChildItem target\lib\*.jar | ForEach-Object {
    if ($_.Name -like 'javafx-*-win.jar') { Copy-Item $_.FullName "$work\fxmods" }
    elseif ($_.Name -notlike 'javafx-*') { Copy-Item $_.FullName "$work\input" }
}

$modules = 'java.base,java.desktop,java.logging,java.management,java.naming,java.net.http,java.security.jgss,java.sql,jdk.crypto.ec,jdk.unsupported,javafx.controls,javafx.fxml'
jlink --module-path "$work\fxmods" --add-modules $modules --strip-debug --no-man-pages --no-header-files `
      --compress=2 --output "$work\runtime"

# The options name $APPDIR\app.jsa with -Xshare:auto: the installer starts without an archive until one is dumped
# for the install directory (JDK 17 checks the class path literally). See docs/packaging.md, "Windows and macOS".
$version = (Select-Xml -Path pom.xml -XPath '/*[local-name()="project"]/*[local-name()="version"]').Node.InnerText
jpackage '@packaging/windows/jpackage.options' --runtime-image "$work\runtime" --input "$work\input" `
         --app-version $version --dest target\packaging
