#!/bin/sh
# What the checks plug in and compare against, made on the host with the arm64 kiosk from the .deb
# itself (run by qemu-user, the cached root as its library tree), so the bundles and pictures come
# from the very build under test:
#   keys/kiosk.pub, keys/kiosk.key     a test organiser's minisign key pair (no password)
#   stick-signed.img                   FAT32 stick, kiosk/ = the deck, a new title, seq 2, signed
#   stick-unsigned.img                 the same with seq 3 and another title, no signature
#   slides-installed/, slides-seq2/    --export of the package's deck and of seq 2, at WxH
# No mount: sfdisk, mkfs.vfat --offset and mtools.
# Usage: deploy/emu/fixtures.sh ROOT KIOSK.deb WxH OUTDIR
set -eu
root=${1:?usage: fixtures.sh ROOT KIOSK.deb WxH OUTDIR}
deb=$2 size=$3 out=$4
pkg=$out/package
rm -rf "$pkg" && mkdir -p "$pkg" "$out/keys"
dpkg-deb -x "$deb" "$pkg"
kiosk() { qemu-aarch64-static -L "$root" "$pkg/usr/bin/kiosk" "$@"; }
minisign() { qemu-aarch64-static -L "$root" "$root/usr/bin/minisign" "$@"; }
fonts=$root/usr/share/fonts/opentype/inter

[ -f "$out/keys/kiosk.key" ] ||
    minisign -G -W -p "$out/keys/kiosk.pub" -s "$out/keys/kiosk.key" >/dev/null

# deck SEQ TITLE: the package's deck with its first slide's title changed, checked and listed.
deck() {
    d=$out/deck-$1
    rm -rf "$d" && cp -r "$pkg/usr/share/kiosk/content" "$d"
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
}
# stick DECK OUT.img: one FAT32 partition holding the deck as kiosk/.
stick() {
    rm -f "$2" && truncate -s 64M "$2"
    printf 'label: dos\n2048,,c\n' | sfdisk -q "$2"
    mkfs.vfat -F 32 --offset 2048 -n KIOSKTEST "$2" >/dev/null
    MTOOLS_SKIP_CHECK=1 mcopy -s -i "$2@@1M" "$1" ::kiosk
}

deck 2 "Nieuw via USB: bundel 2"
minisign -S -s "$out/keys/kiosk.key" -m "$out/deck-2/manifest.json" \
    -t "kiosk-bundle seq=2" >/dev/null
stick "$out/deck-2" "$out/stick-signed.img"
deck 3 "Niet ondertekend: bundel 3"
stick "$out/deck-3" "$out/stick-unsigned.img"

for name in installed seq2; do
    src=$pkg/usr/share/kiosk/content
    [ "$name" = seq2 ] && src=$out/deck-2
    rm -rf "$out/slides-$name"
    kiosk --font-dir "$fonts" --content "$src" --export "$out/slides-$name" --size "$size" \
        >/dev/null
done
