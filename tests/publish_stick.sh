#!/bin/bash
# The organiser's one command, end to end: `kiosk publish` from a content folder onto a FAT32
# stick image (written through FUSE where the machine allows it, else a folder copied onto the
# image with mtools), then the stick imported as the kiosk would: accepted, the right slides. A
# second publish in the same minute gets a higher number and is accepted too; a deck with an
# error publishes nothing and the stick keeps its bundle. What the kiosk does not read (an
# editor's backup, Thumbs.db, the schema) is left out, and said.
# Usage: publish_stick.sh KIOSK KIOSK_IMPORT CONTENT_DIR
set -euo pipefail
kiosk=$1
importer=$2
content=$3
# shellcheck source=support/kiosk_test.sh
. "$(dirname "$0")/support/kiosk_test.sh"
need minisign mkfs.fat mcopy mdir
tmp=$(mktemp -d)
mnt=$tmp/mnt
cleanup() {
    mountpoint -q "$mnt" 2>/dev/null && fusermount -u "$mnt"
    chmod -R u+w "$tmp" 2>/dev/null; rm -rf "$tmp"
}
trap cleanup EXIT
fail() { echo "FAIL: $*"; exit 1; }

organiser_key "$tmp" "$tmp/root" kiosk
cp -r "$content" "$tmp/deck"
mkfs.fat -F 32 -C "$tmp/stick.img" 40960 >/dev/null
mkdir -p "$mnt"

# The stick: the FAT32 image itself through FUSE, or a folder that goes onto the image after.
through_fuse=0
if [ -e /dev/fuse ] && command -v fusefat >/dev/null && fusefat -o rw+ "$tmp/stick.img" "$mnt" 2>/dev/null; then
    through_fuse=1
fi
publish() { (cd "$tmp" && "$kiosk" publish deck "$mnt" --key kiosk.key --pub kiosk.pub "$@" 2>&1); }
to_image() { [ $through_fuse = 1 ] || mcopy -o -i "$tmp/stick.img" -s "$mnt/kiosk" ::; }
import() { "$importer" --config "$tmp/kiosk.json" "$mnt"; }

cp "$tmp/deck/deck.json" "$tmp/deck/deck.json~"
: >"$tmp/deck/Thumbs.db"
out=$(publish) || fail "publish failed: $out"
echo "$out"
echo "$out" | grep -q "left out deck.json~ (an editor's backup)" || fail "the backup not said left out"
echo "$out" | grep -q "left out Thumbs.db" || fail "Thumbs.db not said left out"
for f in deck.json~ Thumbs.db; do [ ! -e "$mnt/kiosk/$f" ] || fail "$f went onto the stick"; done
rm "$tmp/deck/deck.json~" "$tmp/deck/Thumbs.db"
echo "$out" | grep -qE "will show these [0-9]+ slides, sequence 20[0-9]{10}" || fail "no one-line summary"
to_image
mdir -i "$tmp/stick.img" ::kiosk | grep -q "minisig" || fail "no signature on the FAT32 image"
receipt=$(import) || fail "the published stick was refused: $receipt"
echo "$receipt" | grep -q "AANGENOMEN: 30 dia's" || fail "not accepted with 30 slides: $receipt"
first=$(sed -n 's/^trusted comment: kiosk-bundle seq=//p' "$mnt/kiosk/manifest.json.minisig")
echo "ok: published onto the stick (FUSE: $through_fuse) and imported, sequence $first"

out=$(publish) || fail "second publish failed: $out"
second=$(sed -n 's/^trusted comment: kiosk-bundle seq=//p' "$mnt/kiosk/manifest.json.minisig")
[ "$second" -gt "$first" ] || fail "the second sequence $second is not above $first"
to_image
import >/dev/null || fail "the second publish was refused"
echo "ok: a second publish the same minute got $second and was accepted"

# A number signed far too high by hand locks later publishes out until one goes above it: the
# receipt names the number, and --after takes it.
out=$(publish --after 999999999999) || fail "publish --after failed: $out"
echo "$out" | grep -q "sequence 1000000000000" || fail "--after 999999999999 did not give 1000000000000: $out"
to_image
import >/dev/null || fail "the publish above the receipt's number was refused"
echo "ok: publish --after N signs above the number a receipt names, and is accepted"

: >"$tmp/deck/leeg.txt" # an empty file is a file like any other
out=$(publish) || fail "a deck with an empty file was not published: $out"
rm "$tmp/deck/leeg.txt"
to_image
echo "ok: a deck with an empty file was published"

before=$(sed -n 's/^trusted comment: kiosk-bundle seq=//p' "$mnt/kiosk/manifest.json.minisig")
if out=$(cd "$tmp" && "$kiosk" publish deck "$mnt" --key kiosk.key --pub missing.pub 2>&1); then
    fail "published without a public key to check the copy"
fi
echo "$out" | grep -q "cannot read the public key" || fail "no clear message: $out"
[ "$(sed -n 's/^trusted comment: kiosk-bundle seq=//p' "$mnt/kiosk/manifest.json.minisig")" = "$before" ] ||
    fail "the stick changed although nothing could be checked"
echo "ok: without its public key nothing was published and the stick kept its bundle"
second=$before

printf '{"schema": 1, "slides": [' >"$tmp/deck/deck.json"
if out=$(publish 2>&1); then fail "a broken deck was published"; fi
echo "$out" | grep -q "nothing was published" || fail "no clear refusal: $out"
now=$(sed -n 's/^trusted comment: kiosk-bundle seq=//p' "$mnt/kiosk/manifest.json.minisig")
[ "$now" = "$second" ] || fail "the stick's bundle changed after a refused publish"
echo "ok: a broken deck published nothing and the stick kept its bundle"
