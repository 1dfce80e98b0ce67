#!/bin/sh
# Draws the application icon (a pulse line and an alert dot on a dark tile) and derives every size and format the
# installers use. Needs ImageMagick (convert); png2icns (Debian icnsutils) for the macOS .icns.
set -eu
cd "$(dirname "$0")"
convert -size 512x512 xc:none \
  -fill '#1d2733' -draw 'roundrectangle 16,16 495,495 96,96' \
  -fill none -stroke '#f2b134' -strokewidth 34 \
  -draw 'stroke-linejoin round stroke-linecap round polyline 76,280 176,280 218,170 286,370 330,250 436,250' \
  -stroke none -fill '#e5484d' -draw 'circle 410,130 410,176' \
  incident-console-512.png
for size in 256 128 64 48 32 16; do
  convert incident-console-512.png -resize "${size}x${size}" "incident-console-$size.png"
done
convert incident-console-16.png incident-console-32.png incident-console-48.png incident-console-64.png \
  incident-console-128.png incident-console-256.png incident-console.ico
if command -v png2icns >/dev/null 2>&1; then
  png2icns incident-console.icns incident-console-512.png incident-console-256.png incident-console-128.png \
    incident-console-32.png incident-console-16.png >/dev/null
else
  echo "make-icons.sh: png2icns not found (apt-get install icnsutils, or iconutil on macOS): .icns not rebuilt" >&2
fi
