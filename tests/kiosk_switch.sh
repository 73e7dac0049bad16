#!/bin/bash
# The running kiosk and the importer together (SDL's offscreen driver): an accepted import
# switches the deck on screen without a restart and says so; a refused one keeps the deck and
# says why; a plain content folder reloads when deck.json is saved, and keeps the old deck when the
# new one is broken.
# Usage: kiosk_switch.sh KIOSK KIOSK_IMPORT
set -euo pipefail
kiosk=$1
importer=$2
# shellcheck source=support/kiosk_test.sh
. "$(dirname "$0")/support/kiosk_test.sh"
need minisign
tmp=$(mktemp -d)
pid=""
trap '[ -n "$pid" ] && kill "$pid" 2>/dev/null; chmod -R u+w "$tmp" 2>/dev/null; rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; echo "--- trace"; cat "$tmp/trace"; echo "--- log"; cat "$tmp/log"; exit 1; }
wait_for() {
    for _ in $(seq 1 100); do grep -qE "$1" "$tmp/trace" && return 0; sleep 0.1; done
    fail "no trace line matching: $1"
}
export SDL_VIDEODRIVER=offscreen

organiser_key "$tmp" "$tmp/root"
bundle() { # bundle SEQ SLIDES
    rm -rf "$tmp/stick"; mkdir -p "$tmp/stick/kiosk"
    slides='{"kind": "title", "title": "Een"}'
    for n in $(seq 2 "$2"); do slides="$slides, {\"kind\": \"paragraph\", \"text\": \"Dia $n\"}"; done
    printf '{"schema": 1, "id": "s", "title": "S", "version": "%s", "language": "nl", "slides": [%s]}\n' "$1" "$slides" >"$tmp/stick/kiosk/deck.json"
    seal "$tmp/stick/kiosk" "$1" "$tmp/k.key"
}

# 1. Imports into a content root the kiosk is showing.
mkdir -p "$tmp/root"
"$kiosk" --config "$tmp/kiosk.json" --windowed 800x480 --trace >"$tmp/trace" 2>"$tmp/log" &
pid=$!
wait_for "slide 1/30 attract"   # no release yet: the built-in deck
bundle 1 3
"$importer" --config "$tmp/kiosk.json" "$tmp/stick" >/dev/null
wait_for "deck release 1-[0-9a-f]+ 3 slides"
wait_for "notice: Nieuwe inhoud: 3 dia's"
echo "ok: an accepted import switched the deck to 3 slides"
bundle 1 5   # the same sequence again: a replay
"$importer" --config "$tmp/kiosk.json" "$tmp/stick" >/dev/null && fail "replay accepted"
wait_for "notice: Nieuwe inhoud geweigerd: deze versie is niet nieuwer"
grep -q "5 slides" "$tmp/trace" && fail "a refused bundle reached the screen"
echo "ok: a refused import kept the deck and said why"
bundle 2 4; mv "$tmp/stick/kiosk" "$tmp/stick/Kiosk 2017"   # the folder named otherwise
"$importer" --config "$tmp/kiosk.json" "$tmp/stick" >/dev/null && fail "a misnamed folder accepted"
wait_for 'notice: Nieuwe inhoud geweigerd: de map met de inhoud heet niet kiosk.* map "Kiosk 2017" gevonden; hernoem ze naar kiosk'
echo "ok: a bundle in a folder named otherwise was named on screen, with what to rename"
kill -TERM "$pid"; wait "$pid"; pid=""

# 2. An author's folder, reloaded on save.
mkdir -p "$tmp/author"
printf '{"schema": 1, "id": "a", "title": "A", "version": "1", "language": "nl", "slides": [{"kind": "title", "title": "Een"}]}\n' >"$tmp/author/deck.json"
: >"$tmp/trace"
"$kiosk" --content "$tmp/author" --windowed 800x480 --trace >"$tmp/trace" 2>"$tmp/log" &
pid=$!
wait_for "slide 1/1 attract"
printf '{"schema": 1, "id": "a", "title": "A", "version": "2", "language": "nl", "slides": [{"kind": "title", "title": "Een"}, {"kind": "title", "title": "Twee"}]}\n' >"$tmp/author/deck.json"
wait_for "deck .*deck.json 2 slides"
printf '{"schema": 1, "id": "a", "slides": [' >"$tmp/author/deck.json"
wait_for "notice: .*JSON syntax.*De vorige versie blijft zichtbaar"
echo "ok: an edited folder reloaded on save, and a broken save kept the deck with the error on screen"
kill -TERM "$pid"; wait "$pid"; pid=""
