#!/bin/sh
# The kiosk's deployment proven on an emulated arm64 machine (qemu-system-aarch64, no KVM needed):
# installs what the host lacks, builds the machine's Debian 12 root once (cached outside the
# checkout, rootfs.sh), makes its disk, the sticks and the reference pictures from the two
# packages, then boots it and runs the checks (checks.py). Exits non-zero if any check fails.
# Usage: deploy/emu/run.sh [KIOSK.deb [KIOSK-TOOLS.deb]]
#   (default: the newest build-arm64/kiosk_*.deb of this checkout; kiosk-tools of the same version
#   beside it)
#   KIOSK_EMU_CACHE  the cached roots (default /var/cache/kiosk-emu)
#   KIOSK_EMU_WORK   disks, sticks and results (default build-emu/ in the checkout, ignored by git)
#   KIOSK_EMU_SIZES  screen sizes, one install and boot each (default "1280x720 800x480": every
#                    check on the first, the screen's checks on the others)
#   KIOSK_EMU_SCOPE  the first size's checks: "all" (default), or "figures": the boot, then the
#                    performance figures beside fbi on the installed deck (README: Performance)
#   KIOSK_EMU_CACHED_ONLY=1  skip (exit 0, saying so) when the root is not built yet, rather than
#                    build it (15-40 minutes); CI builds it.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
# shellcheck disable=SC2012 # CPack's names have no spaces
deb=${1:-$(ls -t "$top"/build-arm64/kiosk_*.deb 2>/dev/null | head -n 1)}
if [ -z "$deb" ] || [ ! -f "$deb" ]; then
    echo "emu: no kiosk .deb (run deploy/cross-build.sh first)" >&2
    exit 2
fi
deb=$(realpath "$deb")
tools=${2:-$(dirname "$deb")/kiosk-tools_$(basename "$deb" | sed 's/^kiosk_//')}
[ -f "$tools" ] || { echo "emu: $tools: no such file (kiosk needs kiosk-tools)" >&2; exit 2; }
tools=$(realpath "$tools")
work=${KIOSK_EMU_WORK:-$top/build-emu}
[ "$(id -u)" -eq 0 ] || { echo "emu: run as root (debootstrap, binfmt)" >&2; exit 2; }

# --- the host's tools ------------------------------------------------------------------------
need="qemu-system-arm qemu-user-static binfmt-support debootstrap mtools dosfstools fdisk
e2fsprogs imagemagick cpio python3"
missing=""
for p in $need; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" ||
        missing="$missing $p"
done
if [ -n "$missing" ]; then
    echo "emu: installing$missing"
    apt-get -o DPkg::Lock::Timeout=600 update -qq
    # shellcheck disable=SC2086 # the list is meant to split
    DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 install -y -qq \
        --no-install-recommends $missing
fi

# --- the machine -----------------------------------------------------------------------------
start=$(date +%s)
if [ "${KIOSK_EMU_CACHED_ONLY:-0}" = 1 ] && ! "$here/rootfs.sh" --cached >/dev/null; then
    echo "emu: SKIPPED: no cached root yet; build it once with deploy/emu/run.sh (15-40 minutes)"
    exit 0
fi
root=$("$here/rootfs.sh")
echo "emu: root $root ($(( $(date +%s) - start )) s)"
mkdir -p "$work"
sizes=${KIOSK_EMU_SIZES:-1280x720 800x480}
start=$(date +%s)
"$here/initrd.sh" "$root" "$work/boot"
# shellcheck disable=SC2086 # the sizes are meant to split
"$here/fixtures.sh" "$root" "$tools" "$work/fixtures" $sizes
echo "emu: initrd, sticks and reference slides made in $(( $(date +%s) - start )) s"
# Every check on the first size; on the others only what the screen's size changes (the boot
# to the first slide, the drawing, the touch), each on a freshly installed disk.
status=0 scope=${KIOSK_EMU_SCOPE:-all}
for size in $sizes; do
    start=$(date +%s)
    "$here/image.sh" "$root" "$deb" "$tools" "$work/fixtures/keys/kiosk.pub" "$work/disk.img"
    python3 -B "$here/checks.py" "$work" "$work/out-$size" "$size" "$scope" || status=1
    echo "emu: $size: $(( $(date +%s) - start )) s in all; evidence in $work/out-$size"
    scope=screen
done
exit $status
