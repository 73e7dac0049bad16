#!/bin/sh
# The README's second command: install what is missing, build, and run the whole test suite.
set -eu
here=$(dirname "$0")
"$here/dev-deps.sh" --tests
"$here/build.sh" -DKIOSK_REQUIRE_TESTS=ON
cd "$here/../build"
ctest --output-on-failure --no-tests=error -j 2
