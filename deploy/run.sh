#!/bin/sh
# The README's first command: install what is missing, build, and start the kiosk with the
# default SERV deck, fullscreen. Extra arguments go to the kiosk, e.g. --windowed 1280x720.
set -eu
here=$(dirname "$0")
"$here/dev-deps.sh"
# OFF even after deploy/test.sh left ON in the cache: this command needs no test packages.
"$here/build.sh" -DKIOSK_REQUIRE_TESTS=OFF
exec "$here/../build/kiosk/kiosk" "$@"
