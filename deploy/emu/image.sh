#!/bin/sh
# The guest's disk: a copy of the cached root with what a person brings to a fresh Pi (the two
# packages, install-pi.sh, the organiser's public key) and the emulator's own settings, written as
# an ext4 image with mkfs.ext4 -d (no loop mount, no root needed for that part).
# Usage: deploy/emu/image.sh ROOT KIOSK.deb KIOSK-TOOLS.deb PUBKEY OUT.img
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=${1:?usage: image.sh ROOT KIOSK.deb KIOSK-TOOLS.deb PUBKEY OUT.img}
deb=$2 tools=$3 pub=$4 img=$5
tree=$img.d
rm -rf "$tree"
cp -a "$root" "$tree"
trap 'rm -rf "$tree"' EXIT

echo kiosk-emu >"$tree/etc/hostname"
printf '/dev/vda / ext4 rw,relatime 0 1\n' >"$tree/etc/fstab"
# The guest has no network: no apt sources, so install-pi.sh's "apt-get update" has nothing to
# fetch, and its "apt-get install" of the two packages finds every dependency already in the root.
rm -f "$tree/etc/apt/sources.list" "$tree"/etc/apt/sources.list.d/*
# The harness's shell: root, logged in on the serial console (the Pi's HDMI console is the kiosk's).
# Its own unit, not serial-getty@, which waits for udev to announce the port: on a busy host that
# took over 90 s and systemd then stopped the getty, and the harness's shell with it.
units=$tree/etc/systemd/system
ln -sf /dev/null "$units/serial-getty@ttyAMA0.service"
cat >"$units/emu-console.service" <<'EOT'
[Unit]
Description=Root shell on the serial console for the emulator harness (deploy/emu)
After=systemd-user-sessions.service
[Service]
ExecStart=-/sbin/agetty --autologin root --keep-baud 115200 ttyAMA0 dumb
Type=idle
Restart=always
UtmpIdentifier=ttyAMA0
TTYPath=/dev/ttyAMA0
TTYReset=yes
TTYVHangup=yes
KillMode=process
[Install]
WantedBy=multi-user.target
EOT
mkdir -p "$units/multi-user.target.wants"
ln -sf ../emu-console.service "$units/multi-user.target.wants/emu-console.service"
mkdir -p "$tree/root/emu"
cp "$deb" "$tools" "$tree/root/emu/"
cp "$here/../install-pi.sh" "$pub" "$tree/root/emu/"

rm -f "$img"
truncate -s 3G "$img"
mkfs.ext4 -q -F -L root -d "$tree" "$img"
