#!/bin/sh
# What the checks plug in and compare against, made on the host with the arm64 kiosk from the
# kiosk-tools package itself (run by qemu-user, the cached root as its library tree), so the
# bundles and pictures come from the very build under test:
#   keys/kiosk.pub, keys/kiosk.key     a test organiser's minisign key pair (no password)
#   stick-signed.img                   FAT32 stick, kiosk/ = the deck, a new title, seq 2, signed
#   stick-unsigned.img                 the same with seq 3 and another title, no signature
#   stick-large.img                    seq 4, signed, with 196 MB of filler files: an import long
#                                      enough under emulation to pull the stick or the power in it
#   WxH/slides-installed/, WxH/slides-seq2/, WxH/slides-seq4/
#                                      --export of the package's deck, of seq 2 and 4, per size
# No mount: sfdisk, mkfs.vfat --offset and mtools.
# Usage: deploy/emu/fixtures.sh ROOT KIOSK-TOOLS.deb OUTDIR WxH...
set -eu
root=${1:?usage: fixtures.sh ROOT KIOSK-TOOLS.deb OUTDIR WxH...}
tools=$2 out=$3
shift 3
pkg=$out/package
rm -rf "$pkg" && mkdir -p "$pkg" "$out/keys"
dpkg-deb -x "$tools" "$pkg"
kiosk() { qemu-aarch64-static -L "$root" "$pkg/usr/bin/kiosk" "$@"; }
minisign() { qemu-aarch64-static -L "$root" "$root/usr/bin/minisign" "$@"; }
fonts=$root/usr/share/fonts/opentype/inter

[ -f "$out/keys/kiosk.key" ] ||
    minisign -G -W -p "$out/keys/kiosk.pub" -s "$out/keys/kiosk.key" >/dev/null

# deck SEQ TITLE: the package's deck with its first slide's title changed, checked, listed and
# signed (unless UNSIGNED is set); files already in deck-SEQ/filler/ are kept and listed too.
deck() {
    d=$out/deck-$1
    mkdir -p "$d" && find "$d" -mindepth 1 -maxdepth 1 ! -name filler -exec rm -rf {} +
    cp -r "$pkg/usr/share/kiosk/content/." "$d"
    python3 - "$d/deck.json" "$1" "$2" <<'EOT'
import json, sys
path, seq, title = sys.argv[1:]
deck = json.load(open(path, encoding="utf-8"))
deck["slides"][0]["title"] = title
deck["version"] = "emu." + seq
json.dump(deck, open(path, "w", encoding="utf-8"), ensure_ascii=False, indent=1)
EOT
    kiosk --font-dir "$fonts" --check "$d" >/dev/null
    kiosk --bundle "$d" --seq "$1" >/dev/null
    [ -n "${UNSIGNED:-}" ] ||
        minisign -S -s "$out/keys/kiosk.key" -m "$d/manifest.json" -t "kiosk-bundle seq=$1" >/dev/null
}
# stick DECK OUT.img [SIZE]: one FAT32 partition holding the deck as kiosk/.
stick() {
    rm -f "$2" && truncate -s "${3:-64M}" "$2"
    printf 'label: dos\n2048,,c\n' | sfdisk -q "$2"
    mkfs.vfat -F 32 --offset 2048 -n KIOSKTEST "$2" >/dev/null
    MTOOLS_SKIP_CHECK=1 mcopy -s -i "$2@@1M" "$1" ::kiosk
}

deck 2 "Nieuw via USB: bundel 2"
stick "$out/deck-2" "$out/stick-signed.img"
UNSIGNED=1 deck 3 "Niet ondertekend: bundel 3"
stick "$out/deck-3" "$out/stick-unsigned.img"
# Seven files of 28 MB, within the bundle's limits (32 MB a file, 256 MB in all); random, so
# that nothing on the way can make them smaller. Made once: only the deck beside them changes.
mkdir -p "$out/deck-4/filler"
for i in 1 2 3 4 5 6 7; do
    f=$out/deck-4/filler/part-$i.bin
    [ "$(stat -c %s "$f" 2>/dev/null)" = 29360128 ] || head -c 28M /dev/urandom >"$f"
done
deck 4 "Groot via USB: bundel 4"
stick "$out/deck-4" "$out/stick-large.img" 256M

for size in "$@"; do
    for name in installed seq2 seq4; do
        src=$pkg/usr/share/kiosk/content
        [ "$name" = seq2 ] && src=$out/deck-2
        [ "$name" = seq4 ] && src=$out/deck-4
        rm -rf "$out/$size/slides-$name"
        kiosk --font-dir "$fonts" --content "$src" --export "$out/$size/slides-$name" \
            --size "$size" >/dev/null
    done
done
