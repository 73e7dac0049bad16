#!/bin/sh
# Installs the Debian 12 packages the kiosk needs to build, run and test, if any are missing.
# Usage: deploy/dev-deps.sh [--tests | --bench]
set -eu
# file: CPack's dpkg-shlibdeps step finds the programs in a package with it (cpack -G DEB).
packages="build-essential cmake pkg-config file libsdl2-dev libsdl2-ttf-dev libsdl2-image-dev
nlohmann-json3-dev libqrencode-dev libsodium-dev libsystemd-dev libsqlite3-dev libdrm-dev libx11-dev libhyphen-dev hyphen-nl fonts-inter"
if [ "${1:-}" = "--tests" ]; then
    # Catch2 for the suite; Xvfb, xdotool and ImageMagick to drive and look at a real window;
    # zbarimg reads the QR code back from an exported slide; minisign signs test bundles; strace
    # counts what a running kiosk opens; mtools, dosfstools and fusefat make and mount a FAT32
    # stick image; python3-jsonschema validates test decks against content/deck.schema.json.
    packages="$packages catch2 xvfb xauth xdotool imagemagick zbar-tools minisign strace procps mtools dosfstools fusefat
lintian systemd file python3-jsonschema"
elif [ "${1:-}" = "--bench" ]; then
    # deploy/bench-display.sh: Xvfb for a fresh X server, xwd (x11-apps) to watch its root window,
    # feh as the reference slideshow, strace for what the kiosk loads.
    packages="$packages xvfb x11-apps feh strace procps"
fi
# Installed for this machine's architecture (or for all): after deploy/cross-build.sh a library's
# arm64 -dev package alone would otherwise pass for the one the build here needs.
arch=$(dpkg --print-architecture)
missing=""
for p in $packages; do
    dpkg-query -W -f='${Status} ${Architecture}\n' "$p" 2>/dev/null |
        grep -qE "^install ok installed ($arch|all)\$" || missing="$missing $p"
done
[ -z "$missing" ] && exit 0
echo "Installing:$missing"
if [ "$(id -u)" -eq 0 ]; then sudo=""; else sudo="sudo"; fi
# Another apt (a fresh machine's unattended upgrades, a second build script) holds the lock for
# a while: wait for it, up to 10 minutes, rather than fail at once.
$sudo apt-get -o DPkg::Lock::Timeout=600 update -qq
# shellcheck disable=SC2086 # the list is meant to split
DEBIAN_FRONTEND=noninteractive $sudo apt-get -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends $missing
