#!/bin/bash
# Builds the libFuzzer targets with clang (AddressSanitizer and UBSan too) and runs each for a set
# time, two at a time, seeded from the project's own content and test data. A crash leaves its
# input in build-fuzz/<target>/crash-*: turn it into a regression test, then fix it.
# Usage: tests/fuzz/run.sh [SECONDS_PER_TARGET]   (default 60; issue 7 asks for 600)
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds=${1:-60}
out=build-fuzz
mkdir -p "$out"
flags="-std=c++20 -O1 -g -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined -Ikiosk -Itests"
core="kiosk/content/*.cpp kiosk/layout/*.cpp kiosk/bundle/*.cpp"
for target in loader layout bundle image_header; do
    # shellcheck disable=SC2086 # the globs and flags are meant to split
    clang++ $flags tests/fuzz/fuzz_$target.cpp $core -lsodium -lqrencode -o "$out/fuzz_$target" &
done
wait
seed() { mkdir -p "$out/$1/corpus"; cp "${@:2}" "$out/$1/corpus/" 2>/dev/null || true; }
seed loader content/deck.json tests/data/bad_deck/deck.json tests/fuzz/seeds/*.json
seed layout content/deck.json README.md
seed bundle content/deck.json tests/fuzz/seeds/*.json
printf '{"format": "kiosk-bundle-1", "files": [{"path": "deck.json", "size": 1, "sha256": "%064d"}]}' 0 \
    >"$out/bundle/corpus/manifest.json"
seed image_header assets/screenshots/*.png
# JSON tokens, long exponents among them: without them a number too large for a double (which
# nlohmann's parser reports as out_of_range) was never built by the mutator.
dict() { case $1 in loader | bundle) echo "-dict=$PWD/tests/fuzz/json.dict" ;; esac; }
run() {
    # shellcheck disable=SC2046 # an empty dict() must vanish
    (cd "$out/$1" && ../fuzz_$1 $(dict "$1") -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
        -print_final_stats=1 corpus >log.txt 2>&1) || echo "$1: FOUND A PROBLEM, see $out/$1/log.txt"
    echo "$1: $(grep -E '^stat::number_of_executed_units' "$out/$1/log.txt" | awk '{print $2}') runs," \
         "$(grep -oE 'cov: [0-9]+' "$out/$1/log.txt" | tail -n 1) edges, corpus $(ls "$out/$1/corpus" | wc -l) inputs"
}
run loader & run layout & wait
run bundle & run image_header & wait
