#!/bin/sh
# The performance figures for the README: kiosk-bench at the Pi touchscreen's size and at 1080p,
# and the instruction count of one transition frame under callgrind (stable across runs and
# machines, unlike times). Usage: deploy/bench.sh   (after a build in build/)
set -eu
cd "$(dirname "$0")/.."
bench=build/kiosk/kiosk-bench
[ -x "$bench" ] || { echo "build first (deploy/test.sh or deploy/build.sh)"; exit 1; }
for size in 800x480 1920x1080; do
    "$bench" --kiosk build/kiosk/kiosk --size "$size" --json "build/bench-$size.json" 2>/dev/null
done
if command -v valgrind >/dev/null; then
    out=$(mktemp -d)
    # Only one mid-transition frame is counted (draw and present), without start-up.
    valgrind --tool=callgrind --callgrind-out-file="$out/cg" --toggle-collect='*bench_transition_frame*' \
        "$bench" --one-frame --size 1920x1080 >/dev/null 2>&1
    total=$(callgrind_annotate "$out/cg" 2>/dev/null | sed -n 's/^ *\([0-9,]*\) .*PROGRAM TOTALS.*/\1/p')
    echo "callgrind: one transition frame at 1920x1080 draws in $total instructions"
    rm -rf "$out"
fi
