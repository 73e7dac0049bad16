#!/bin/bash
# Faults on the kiosk's side of an import: its disk too full for the bundle, and its content
# folder read-only. Each import must be refused with a reason that names the fault, and the
# slides already showing must stay. The content root is a small tmpfs; that needs mount rights,
# as root or in a user namespace (unshare), and the test skips (77) where neither is allowed.
# Usage: import_faults.sh KIOSK KIOSK_IMPORT
set -euo pipefail
kiosk=$1
importer=$2
if [ "${KIOSK_FAULTS_NS:-}" != 1 ] && [ "$(id -u)" != 0 ]; then
    command -v unshare >/dev/null && KIOSK_FAULTS_NS=1 exec unshare -rm "$0" "$@"
    echo "SKIPPED: no mount rights here"; exit 77
fi
# shellcheck source=support/kiosk_test.sh
. "$(dirname "$0")/support/kiosk_test.sh"
need minisign
tmp=$(mktemp -d)
root=$tmp/root
mkdir -p "$root"
cleanup() { mountpoint -q "$root" && umount "$root"; rm -rf "$tmp"; }
trap cleanup EXIT
mount -t tmpfs -o size=1m tmpfs "$root" 2>/dev/null || { echo "SKIPPED: cannot mount a tmpfs"; exit 77; }

organiser_key "$tmp" "$root"

# A signed stick with sequence $1 whose picture has $2 bytes after a valid PNG header.
make_stick() {
    local dir=$tmp/stick$1/kiosk
    mkdir -p "$dir/images"
    { printf '\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR\0\0\x02\x80\0\0\x01\xe0\x08\x06\0\0\0\0\0\0\0'
      head -c "$2" /dev/zero; } >"$dir/images/foto.png"
    cat >"$dir/deck.json" <<JSON
{"schema": 1, "id": "faults", "title": "Faults", "version": "$1", "language": "nl",
 "slides": [{"kind": "title", "title": "Versie $1"},
            {"kind": "image", "title": "Foto", "image": {"src": "images/foto.png"}}]}
JSON
    seal "$dir" "$1" "$tmp/k.key"
}
import() { "$importer" --config "$tmp/kiosk.json" "$tmp/stick$1" 2>&1; }
expect_refused() { # stick, words in the reason
    local out
    if out=$(import "$1"); then echo "$out"; echo "FAIL: stick $1 was accepted"; exit 1; fi
    echo "$out"
    echo "$out" | grep -q "$2" || { echo "FAIL: the reason does not say \"$2\""; exit 1; }
}
showing() { readlink "$root/current"; }

make_stick 1 1000
make_stick 2 3000000 # 3 MB on a 1 MB disk
make_stick 3 1000
import 1 | grep -q AANGENOMEN || { echo "FAIL: the first import"; exit 1; }
before=$(showing)

echo "-- disk full"
expect_refused 2 "niet genoeg vrije schijfruimte"
[ "$(showing)" = "$before" ] || { echo "FAIL: current changed"; exit 1; }
[ -z "$(ls -A "$root/staging")" ] || { echo "FAIL: the staging copy was left behind"; exit 1; }

echo "-- read-only content folder"
mount -o remount,ro "$root"
expect_refused 3 "alleen-lezen"
[ "$(showing)" = "$before" ] || { echo "FAIL: current changed"; exit 1; }
# The kiosk itself only reads: it still starts on the read-only folder and shows release 1.
SDL_VIDEODRIVER=dummy SDL_RENDER_DRIVER=software "$kiosk" --config "$tmp/kiosk.json" \
    --windowed 320x240 --exit-after-frames 2 >"$tmp/kiosk.log" 2>&1 || true
grep -q "showing release 1-.*(2 slides)" "$tmp/kiosk.log" ||
    { cat "$tmp/kiosk.log"; echo "FAIL: the kiosk did not show release 1 from a read-only folder"; exit 1; }
echo "ok: a full disk and a read-only content folder refuse the import and keep the slides"
