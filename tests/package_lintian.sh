#!/bin/sh
# Builds the .deb from this build tree with CPack and runs lintian on it: errors fail, warnings
# are shown. Usage: package_lintian.sh BUILD_DIR
set -eu
build=$1
command -v lintian >/dev/null || { echo "lintian missing (deploy/dev-deps.sh --tests installs it)"; exit 1; }
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
cpack -G DEB --config "$build/CPackConfig.cmake" -B "$out" >/dev/null
deb=$(ls "$out"/*.deb)
echo "built $(basename "$deb")"
dpkg-deb -c "$deb" | grep -q ' ./usr/lib/systemd/system/kiosk.service$' || { echo "kiosk.service missing"; exit 1; }
dpkg-deb -c "$deb" | grep -q ' ./usr/lib/udev/rules.d/99-kiosk-usb.rules$' || { echo "udev rule missing"; exit 1; }
report=$(lintian --tag-display-limit 0 "$deb" 2>&1 | grep -v 'root privileges' || true)
echo "$report"
if echo "$report" | grep -q '^E:'; then echo "lintian found errors"; exit 1; fi
echo "ok: lintian reports no errors"
