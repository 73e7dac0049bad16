#!/bin/bash
# Power-cut safety: imports killed with SIGKILL at random moments, 100 times. After each, `current`
# must be a complete, valid release: its deck loads, every file matches the signed manifest, and
# the signature verifies (kiosk --check on the release). Finally an import without a kill must
# succeed and clean up what the killed ones left behind.
# Usage: import_kill_loop.sh KIOSK KIOSK_IMPORT [RUNS]
set -euo pipefail
kiosk=$1
importer=$2
runs=${3:-100}
# shellcheck source=support/kiosk_test.sh
. "$(dirname "$0")/support/kiosk_test.sh"
need minisign
tmp=$(mktemp -d)
trap 'chmod -R u+w "$tmp" 2>/dev/null; rm -rf "$tmp"' EXIT
stick=$tmp/stick
bundle=$stick/kiosk
root=$tmp/root
organiser_key "$tmp" "$root"

# A bundle big enough that an import takes a while: 24 images of 256 KiB.
make_bundle() {
    rm -rf "$bundle"
    mkdir -p "$bundle/images"
    slides=""
    for n in $(seq 1 24); do
        { printf '\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR\0\0\x02\x80\0\0\x01\xe0\x08\x06\0\0\0\0\0\0\0'
          head -c 262144 /dev/urandom; } >"$bundle/images/p$n.png"
        slides="$slides,{\"kind\": \"image\", \"title\": \"Foto $n\", \"image\": {\"src\": \"images/p$n.png\"}}"
    done
    printf '{"schema": 1, "id": "kill", "title": "Run %s", "version": "%s", "language": "nl", "slides": [{"kind": "title", "title": "Run %s"}%s]}\n' \
        "$1" "$1" "$1" "$slides" >"$bundle/deck.json"
    seal "$bundle" "$1" "$tmp/k.key"
}

check_current() {
    [ -L "$root/current" ] || { echo "run $1: no current link"; exit 1; }
    if ! out=$("$kiosk" --config "$tmp/kiosk.json" --check "$root/current" 2>&1); then
        echo "run $1: current is not a valid release:"; echo "$out"; exit 1
    fi
}

make_bundle 1
"$importer" --config "$tmp/kiosk.json" "$stick" >/dev/null
check_current 0
finished=0
killed=0
for run in $(seq 1 "$runs"); do
    make_bundle $((run + 1))
    "$importer" --config "$tmp/kiosk.json" "$stick" >/dev/null 2>&1 &
    pid=$!
    sleep "0.0$((RANDOM % 60 + 1))"
    if kill -9 "$pid" 2>/dev/null; then killed=$((killed + 1)); else finished=$((finished + 1)); fi
    wait "$pid" 2>/dev/null || true
    check_current "$run"
done
make_bundle $((runs + 2))
"$importer" --config "$tmp/kiosk.json" "$stick" >/dev/null
check_current final
case $(readlink "$root/current") in
    releases/$((runs + 2))-*) ;;
    *) echo "the final import did not become current"; exit 1 ;;
esac
[ -z "$(ls -A "$root/staging")" ] || { echo "staging not cleaned"; exit 1; }
echo "$runs runs: $killed killed mid-import, $finished finished; current was a complete, valid release after every one"
