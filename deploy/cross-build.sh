#!/bin/sh
# Cross-builds the kiosk for 64-bit Raspberry Pi OS (Debian 12 bookworm arm64: Pi 3/4/5) on a
# Debian 12 amd64 machine, into build-arm64/, and runs the unit tests under qemu-user.
#   1. installs what is missing: Debian's cross compilers, qemu-user, and the arm64 ("multiarch")
#      -dev packages of the libraries the kiosk links;
#   2. configures with deploy/cross/aarch64-linux-gnu.cmake and builds;
#   3. runs the test programs and the kiosk's --check through qemu-aarch64;
#   4. checks that the kiosk binary really is an aarch64 ELF;
#   5. makes the two packages with CPack (kiosk and kiosk-tools, arm64; their library
#      dependencies from dpkg-shlibdeps, which reads the arm64 libraries installed in step 1).
# Usage: deploy/cross-build.sh        (KIOSK_JOBS=N for more build jobs; the default is 2)
set -eu
cd "$(dirname "$0")/.."
root=$(pwd)
build="$root/build-arm64"
triplet=aarch64-linux-gnu

if [ "$(id -u)" -eq 0 ]; then sudo=""; else sudo="sudo"; fi

# --- 1. Packages ----------------------------------------------------------------------------
# The arm64 libraries the project links (see the pkg_check_modules() calls in CMakeLists.txt;
# libsystemd is for sd_notify/the watchdog; libc6:arm64 gives qemu the loader and libc the tests
# run with, see the toolchain file). They are installed as ":arm64" beside the amd64 ones
# (Debian multiarch): libraries in /usr/lib/aarch64-linux-gnu, arch-specific headers in
# /usr/include/aarch64-linux-gnu. nlohmann-json, Catch2 2, cmake and pkg-config are host or
# architecture-independent packages (Catch2 and nlohmann-json are header-only).
# qemu-user gives /usr/bin/qemu-aarch64 (qemu-user-static would give qemu-aarch64-static and
# register binfmt handlers system-wide, which this does not need: CTest calls qemu explicitly).
# fonts-inter and hyphen-nl are data the tests lay out with (the deck's font, the Dutch patterns):
# without them on a new machine the render tests and --check of the default deck fail.
arm64_libs="libc6:arm64 libsdl2-dev:arm64 libsdl2-ttf-dev:arm64 libsdl2-image-dev:arm64
libqrencode-dev:arm64 libsodium-dev:arm64 libsystemd-dev:arm64 libsqlite3-dev:arm64 libdrm-dev:arm64 libx11-dev:arm64 libhyphen-dev:arm64"
host_pkgs="crossbuild-essential-arm64 qemu-user nlohmann-json3-dev catch2 pkg-config cmake file
fonts-inter hyphen-nl"

# dpkg-query names a foreign-architecture package as name:arch; host packages without one.
missing=""
for p in $host_pkgs $arm64_libs; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" ||
        missing="$missing $p"
done
if [ -n "$missing" ]; then
    echo "Installing:$missing"
    # arm64 packages can only be installed once dpkg knows the architecture; apt then needs the
    # arm64 package lists, hence the update after adding it.
    if ! dpkg --print-foreign-architectures | grep -qx arm64; then
        $sudo dpkg --add-architecture arm64
    fi
    # Another apt holding the lock (unattended upgrades, another build script): wait, not fail.
    $sudo apt-get -o DPkg::Lock::Timeout=600 update -qq
    # Multiarch needs the amd64 and arm64 builds of a library at exactly the same version (they
    # share /usr/share/doc and the headers). If an installed amd64 package is older than the arm64
    # one apt offers (an update not applied yet), apt refuses the arm64 one. Naming the amd64
    # twin in the same transaction lets apt upgrade it to the matching version; only twins that
    # are out of step are named, so nothing else changes.
    twins=""
    for p in $arm64_libs; do
        amd64=${p%:arm64}:amd64
        have=$(dpkg-query -W -f='${Version}' "$amd64" 2>/dev/null || true)
        want=$(apt-cache policy "$p" | sed -n 's/^ *Candidate: //p')
        if [ -n "$have" ] && [ -n "$want" ] && [ "$have" != "$want" ]; then
            echo "Upgrading $amd64 $have to $want to match $p"
            twins="$twins $amd64"
        fi
    done
    # shellcheck disable=SC2086 # the lists are meant to split
    DEBIAN_FRONTEND=noninteractive $sudo apt-get -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends \
        $missing $twins
fi

command -v qemu-aarch64 >/dev/null || { echo "cross-build: no qemu-aarch64 found" >&2; exit 1; }

# --- 2. Configure and build -----------------------------------------------------------------
# The host's pkg-config search path must not leak in: its .pc files describe amd64 libraries.
# (The toolchain file sets PKG_CONFIG_LIBDIR to the arm64 and arch-independent directories.)
unset PKG_CONFIG_PATH PKG_CONFIG_LIBDIR PKG_CONFIG_SYSROOT_DIR || true
cmake -S "$root" -B "$build" \
    --toolchain "$root/deploy/cross/aarch64-linux-gnu.cmake" \
    -DCMAKE_BUILD_TYPE=RelWithDebInfo -DKIOSK_REQUIRE_TESTS=ON >/dev/null
# SDL_config.h is architecture-specific: the arm64 one must be used (see the toolchain file).
# A compile would still succeed with the host's, silently wrong, so check which one the compiler
# resolves.
# shellcheck disable=SC2046 # pkg-config's flags are meant to split
sdl_cfg=$(printf '#include <SDL.h>\n' |
    $triplet-g++ $(PKG_CONFIG_LIBDIR=/usr/lib/$triplet/pkgconfig:/usr/share/pkgconfig \
        pkg-config --cflags sdl2) -E -H -x c++ - 2>&1 >/dev/null |
    grep -m1 _real_SDL_config.h || true)
case $sdl_cfg in
    *"/usr/include/$triplet/SDL2/"*) ;;
    *) echo "cross-build: SDL_config.h resolves to '$sdl_cfg', not the arm64 one" >&2; exit 1 ;;
esac
cmake --build "$build" -j "${KIOSK_JOBS:-2}"

# --- 3. Tests under qemu --------------------------------------------------------------------
# The tests labelled "arm64": the test programs and the kiosk's --check, drawing on SDL's
# offscreen driver; the others need Xvfb or FUSE, or drive arm64 binaries from host shell
# scripts. CTest runs them through CMAKE_CROSSCOMPILING_EMULATOR (qemu, see the toolchain file
# for why its -L is "/").
cd "$build"
arm64_count=$(ctest -N -L arm64 2>/dev/null | sed -n 's/^Total Tests: *//p')
[ "${arm64_count:-0}" -gt 0 ] || { echo "cross-build: no test is labelled 'arm64'" >&2; exit 1; }
ctest --output-on-failure --no-tests=error -L arm64 -j "${KIOSK_JOBS:-2}"
tests_run="ctest -L arm64 ($arm64_count tests)"

# --- 4. The binary --------------------------------------------------------------------------
kiosk_file=$(file -b "$build/kiosk/kiosk")
case $kiosk_file in
    *"ELF 64-bit"*"ARM aarch64"*) ;;
    *) echo "cross-build: kiosk is not an aarch64 ELF: $kiosk_file" >&2; exit 1 ;;
esac

# --- 5. Package -----------------------------------------------------------------------------
deb="(no CPack in the project)"
if [ -f "$build/CPackConfig.cmake" ]; then
    cpack -G DEB
    version=$(sed -n 's/^set(CPACK_PACKAGE_VERSION "\(.*\)")$/\1/p' "$build/CPackConfig.cmake")
    deb=""
    for name in kiosk kiosk-tools; do
        f=$build/${name}_${version}_arm64.deb
        [ -f "$f" ] || { echo "cross-build: cpack wrote no $(basename "$f")" >&2; exit 1; }
        echo "Package: $f"
        dpkg-deb -f "$f" Depends
        deb="$deb $f"
    done
fi

echo
echo "Cross-build for arm64 done:"
echo "  kiosk:  $build/kiosk/kiosk ($(echo "$kiosk_file" | cut -d, -f1-2))"
echo "  tests:  $tests_run: passed"
echo "  .debs: $deb"
