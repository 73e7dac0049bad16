#!/bin/sh
# The whole test suite built with AddressSanitizer and UndefinedBehaviorSanitizer in their own build
# folder (build-asan/), and run: any memory error, leak in the kiosk's own code, or undefined
# behaviour fails the run. CI runs it after the main test command.
set -eu
cd "$(dirname "$0")/.."
flags="-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined"
cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=Debug -DCMAKE_CXX_FLAGS="$flags" \
    -DCMAKE_EXE_LINKER_FLAGS="-fsanitize=address,undefined" -DKIOSK_REQUIRE_TESTS=ON >/dev/null
cmake --build build-asan -j "${KIOSK_JOBS:-2}"
# Leaks are checked in the pure tests; SDL's and the GL stack's own one-time allocations would
# drown the render tests in reports that are not ours.
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
cd build-asan
ctest --output-on-failure --no-tests=error -L unit
# Everything else, the kiosk binary included (the package test needs no second run).
ASAN_OPTIONS=detect_leaks=0:abort_on_error=1 ctest --output-on-failure --no-tests=error -j 2 -LE unit -E package_lintian
