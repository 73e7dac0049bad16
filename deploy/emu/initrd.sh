#!/bin/sh
# The guest's kernel and a small initrd, from the cached root: busybox, the virtio and ext4
# modules, and an /init that mounts /dev/vda and hands over to systemd. Seconds to make, where
# mkinitramfs under qemu-user takes over 20 minutes (and a Pi boots without one anyway).
# Usage: deploy/emu/initrd.sh ROOT OUTDIR      Output: OUTDIR/vmlinuz, OUTDIR/initrd.img
set -eu
root=${1:?usage: initrd.sh ROOT OUTDIR}
out=${2:?usage: initrd.sh ROOT OUTDIR}
# shellcheck disable=SC2012 # kernel versions have no spaces
kver=$(ls "$root/lib/modules" | sort -V | tail -n 1)
mods=$root/lib/modules/$kver/kernel
# In load order: each after the modules it needs.
list="drivers/virtio/virtio_pci_legacy_dev drivers/virtio/virtio_pci_modern_dev
drivers/virtio/virtio_pci drivers/block/virtio_blk lib/crc16 fs/mbcache fs/jbd2/jbd2
crypto/crc32c_generic fs/ext4/ext4"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/bin" "$tmp/mod" "$tmp/proc" "$tmp/sys" "$tmp/dev" "$tmp/newroot" "$out"
cp "$root/bin/busybox" "$tmp/bin/busybox"
names=""
for m in $list; do
    cp "$mods/$m.ko" "$tmp/mod/"
    names="$names $(basename "$m")"
done
cat >"$tmp/init" <<EOT
#!/bin/busybox sh
b=/bin/busybox
\$b mount -t proc proc /proc; \$b mount -t sysfs sys /sys; \$b mount -t devtmpfs dev /dev
for m in $names; do \$b insmod /mod/\$m.ko; done
i=0; while [ ! -b /dev/vda ] && [ \$i -lt 100 ]; do \$b sleep 0.1; i=\$((i+1)); done
\$b mount -t ext4 -o rw /dev/vda /newroot || { echo "initrd: cannot mount /dev/vda"; exec \$b sh; }
\$b umount /proc /sys /dev
exec \$b switch_root /newroot /sbin/init
EOT
chmod +x "$tmp/init"
(cd "$tmp" && find . | cpio -o -H newc --quiet | gzip -1) >"$out/initrd.img"
cp "$root/boot/vmlinuz-$kver" "$out/vmlinuz"
