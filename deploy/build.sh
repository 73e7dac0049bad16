#!/bin/sh
# Configures and builds into build/ (two jobs: the Pi and CI have few cores). Extra arguments go
# to CMake's configure step, e.g. -DKIOSK_REQUIRE_TESTS=ON from deploy/test.sh.
set -eu
cd "$(dirname "$0")/.."
cmake -S . -B build -DCMAKE_BUILD_TYPE="${KIOSK_BUILD_TYPE:-RelWithDebInfo}" "$@" >/dev/null
cmake --build build -j "${KIOSK_JOBS:-2}"
