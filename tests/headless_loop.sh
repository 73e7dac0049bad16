#!/bin/sh
# Runs the kiosk once round its attract loop on SDL's offscreen driver with a fast clock, and
# checks from its trace that every slide of the deck was shown, in order, and that it exited 0.
# Usage: headless_loop.sh KIOSK CONTENT_DIR
set -eu
kiosk=$1
content=$2
out=$(mktemp)
trap 'rm -f "$out"' EXIT
SDL_VIDEODRIVER=${SDL_VIDEODRIVER:-offscreen} "$kiosk" --content "$content" --windowed 800x480 \
    --time-scale 100 --exit-after-loops 1 --trace >"$out"
total=$(sed -n 's/.* slide [0-9]*\/\([0-9]*\) .*/\1/p' "$out" | head -n 1)
[ -n "$total" ] || { echo "no trace output"; cat "$out"; exit 1; }
i=1
while [ "$i" -le "$total" ]; do
    grep -q " slide $i/$total attract" "$out" || { echo "slide $i/$total never shown"; cat "$out"; exit 1; }
    i=$((i + 1))
done
echo "all $total slides shown"
