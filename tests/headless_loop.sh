#!/bin/sh
# Runs the kiosk once round its attract loop on SDL's offscreen driver with a fast clock, and
# checks from its trace that every slide of the deck was shown, in order, and that it exited 0.
# With a third argument, its log must also contain that text (e.g. which deck it fell back to).
# Usage: headless_loop.sh KIOSK CONTENT_DIR [EXPECTED_LOG_TEXT]
set -eu
kiosk=$1
content=$2
expected=${3:-}
out=$(mktemp)
log=$(mktemp)
trap 'rm -f "$out" "$log"' EXIT
SDL_VIDEODRIVER=${SDL_VIDEODRIVER:-offscreen} "$kiosk" --content "$content" --windowed 800x480 \
    --time-scale 100 --exit-after-loops 1 --trace >"$out" 2>"$log"
if [ -n "$expected" ] && ! grep -qF "$expected" "$log"; then
    echo "log lacks: $expected"; cat "$log"; exit 1
fi
total=$(sed -n 's/.* slide [0-9]*\/\([0-9]*\) .*/\1/p' "$out" | head -n 1)
[ -n "$total" ] || { echo "no trace output"; cat "$out"; exit 1; }
# The slides the loop showed, in the order it showed them, must be 1, 2, ... total.
shown=$(sed -n 's/.* slide \([0-9]*\)\/[0-9]* attract.*/\1/p' "$out" | uniq | head -n "$total" | tr '\n' ' ')
want=$(seq 1 "$total" | tr '\n' ' ')
[ "$shown" = "$want" ] || { echo "shown: $shown"; echo "want:  $want"; cat "$out"; exit 1; }
echo "all $total slides shown"
