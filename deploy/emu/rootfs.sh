#!/bin/sh
# Builds the emulated machine's arm64 Debian 12 root once and caches it outside the checkout, in
# $KIOSK_EMU_CACHE/root-<hash of deploy/emu/packages>; prints its path. A changed list extends the
# newest cached root rather than building anew. Nothing else is changed in a root afterwards:
# image.sh copies it and adds the emulator's own settings to the copy.
# debootstrap runs the arm64 half under qemu-user (binfmt): 25-40 minutes on 2 shared cores.
# Usage: deploy/emu/rootfs.sh [--cached]   (--cached: print it if built, else exit 3, build nothing)
# Needs: root, debootstrap, qemu-user-static, binfmt-support
set -eu
here=$(cd "$(dirname "$0")" && pwd)
cache=${KIOSK_EMU_CACHE:-/var/cache/kiosk-emu}
list=$(grep -v '^#' "$here/packages" | grep -v '^kernel:' | tr -s ' \n' ',' | sed 's/^,//; s/,$//')
kernel=$(sed -n 's/^kernel: *//p' "$here/packages")
key=$(sha256sum "$here/packages" | cut -c1-16)
root=$cache/root-$key
[ -f "$root.done" ] && { echo "$root"; exit 0; }
[ "${1:-}" = --cached ] && exit 3

# The host's own Debian mirror, as apt has it.
mirror=$(awk '/^URIs:/ {print $2; exit}' /etc/apt/sources.list.d/debian.sources 2>/dev/null || true)
mirror=${KIOSK_EMU_MIRROR:-${mirror:-http://deb.debian.org/debian}}
# binfmt_misc may not be mounted in a container; the F flag lets the handler work inside chroot.
[ -e /proc/sys/fs/binfmt_misc/register ] ||
    mount -t binfmt_misc binfmt_misc /proc/sys/fs/binfmt_misc
update-binfmts --enable qemu-aarch64 >/dev/null 2>&1 || true
[ -e /proc/sys/fs/binfmt_misc/qemu-aarch64 ] ||
    { echo "rootfs: no aarch64 binfmt handler" >&2; exit 1; }

mkdir -p "$cache"
rm -rf --one-file-system "$root.tmp" # a killed debootstrap may have left /proc mounted in it
start=$(date +%s)

# A root cached for an earlier list that lacks only some of these packages is copied and
# completed with apt-get (minutes) instead of being built anew (25-40 minutes).
for done in $(ls -t "$cache"/root-*.done 2>/dev/null); do
    old=${done%.done}
    missing=""
    for p in $(echo "$list" | tr ',' ' '); do
        dpkg-query --admindir="$old/var/lib/dpkg" -W -f='${Status}' "$p" 2>/dev/null |
            grep -q "install ok installed" || missing="$missing $p"
    done
    echo "rootfs: extending $old with:$missing" >&2
    cp -a "$old" "$root.tmp"
    mount -t proc proc "$root.tmp/proc"
    chroot "$root.tmp" sh -eu >&2 <<EOT || { umount "$root.tmp/proc"; exit 1; }
apt-get update -q
DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends $missing
apt-get clean
EOT
    umount "$root.tmp/proc"
    echo "rootfs: extended in $(( $(date +%s) - start )) s" >&2
    mv "$root.tmp" "$root"
    touch "$root.done"
    echo "$root"
    exit 0
done

debootstrap --arch=arm64 --variant=minbase --include="$list" bookworm "$root.tmp" "$mirror" >&2
# mkinitramfs under qemu-user runs for over 20 minutes; initrd.sh makes a small initrd instead,
# so update-initramfs is diverted to true while the kernel is installed.
chroot "$root.tmp" sh -eu >&2 <<EOT
dpkg-divert --quiet --local --rename --add /usr/sbin/update-initramfs
ln -s /bin/true /usr/sbin/update-initramfs
DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends $kernel
apt-get clean
passwd -d root
EOT
echo "rootfs: built in $(( $(date +%s) - start )) s" >&2
mv "$root.tmp" "$root"
touch "$root.done"
echo "$root"
