#!/bin/bash
# A real stick, as far as a CI machine can have one: a FAT32 image built with mtools, mounted
# read-only through FUSE (fusefat), imported end to end. The receipt cannot be written to a
# read-only stick, and that must not matter. Skips (exit 77, reported by CTest as skipped) when
# there is no /dev/fuse.
# Usage: usb_fat32.sh KIOSK KIOSK_IMPORT
set -euo pipefail
kiosk=$1
importer=$2
if [ ! -e /dev/fuse ]; then echo "SKIPPED: no /dev/fuse on this machine"; exit 77; fi
# shellcheck source=support/kiosk_test.sh
. "$(dirname "$0")/support/kiosk_test.sh"
need minisign mformat mcopy mkfs.fat fusefat fusermount
tmp=$(mktemp -d)
mnt=$tmp/mnt
cleanup() {
    mountpoint -q "$mnt" 2>/dev/null && fusermount -u "$mnt"
    chmod -R u+w "$tmp" 2>/dev/null; rm -rf "$tmp"
}
trap cleanup EXIT

organiser_key "$tmp" "$tmp/root"
mkdir -p "$tmp/src/kiosk/images"
printf '\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR\0\0\x02\x80\0\0\x01\xe0\x08\x06\0\0\0\0\0\0\0' >"$tmp/src/kiosk/images/foto.png"
cat >"$tmp/src/kiosk/deck.json" <<'JSON'
{"schema": 1, "id": "fat", "title": "FAT32", "version": "1", "language": "nl",
 "slides": [{"kind": "title", "title": "Van een USB-stick"},
            {"kind": "image", "title": "Foto", "image": {"src": "images/foto.png"}}]}
JSON
seal "$tmp/src/kiosk" 1 "$tmp/k.key"

# 40 MiB is about the smallest FAT32 that mkfs.fat makes.
mkfs.fat -F 32 -C "$tmp/stick.img" 40960 >/dev/null
mcopy -i "$tmp/stick.img" -s "$tmp/src/kiosk" ::kiosk
mkdir -p "$mnt"
fusefat -o ro "$tmp/stick.img" "$mnt" >/dev/null 2>&1 || { echo "SKIPPED: fusefat could not mount (no FUSE permission here)"; exit 77; }
ls "$mnt/kiosk" >/dev/null

out=$("$importer" --config "$tmp/kiosk.json" "$mnt" 2>&1) || { echo "$out"; echo "FAIL: import refused"; exit 1; }
echo "$out"
echo "$out" | grep -q "AANGENOMEN: 2 dia's" || { echo "FAIL: no acceptance"; exit 1; }
"$kiosk" --config "$tmp/kiosk.json" --check "$tmp/root/current" >/dev/null || { echo "FAIL: current invalid"; exit 1; }
[ ! -e "$mnt/kiosk-receipt.txt" ] || { echo "FAIL: wrote to a read-only stick"; exit 1; }
echo "ok: a FAT32 stick mounted read-only through FUSE was imported"
