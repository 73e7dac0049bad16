#!/bin/sh
# Exports the default deck at 800x480 and 1920x1080 and decodes every QR code found with
# zbarimg, as a phone would. Usage: qr_scans.sh KIOSK CONTENT_DIR
set -eu
kiosk=$1
content=$2
command -v zbarimg >/dev/null || { echo "zbarimg missing (install zbar-tools)"; exit 1; }
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
for size in 800x480 1920x1080; do
    "$kiosk" --content "$content" --export "$out/$size" --size "$size" >/dev/null
    # zbarimg exits 4 when an image holds no code: most slides hold none.
    codes=$(zbarimg -q --raw "$out/$size"/*.png 2>/dev/null || true)
    [ -n "$codes" ] || { echo "no QR code decoded at $size"; exit 1; }
    echo "$codes" | while read -r code; do echo "$size decoded: $code"; done
done
