#!/bin/sh
# One install step for a fresh Raspberry Pi OS Lite (bookworm, 64-bit): installs the kiosk package
# with its dependencies, applies the boot-time lockdown, and reboots into the kiosk.
# Usage: sudo deploy/install-pi.sh kiosk_<version>_arm64.deb [--no-reboot]
set -eu
deb=${1:?usage: install-pi.sh KIOSK.deb [--no-reboot]}
[ "$(id -u)" -eq 0 ] || { echo "run it with sudo"; exit 1; }
[ -f "$deb" ] || { echo "$deb: no such file"; exit 1; }

apt-get update
# apt installs a local .deb with all its dependencies when given a path.
DEBIAN_FRONTEND=noninteractive apt-get install -y "$(realpath "$deb")"

# Boot quietly into the kiosk: no blanking, no cursor, no logo or messages over the slides.
cmdline=/boot/firmware/cmdline.txt
[ -f "$cmdline" ] || cmdline=/boot/cmdline.txt
if [ -f "$cmdline" ]; then
    for opt in consoleblank=0 vt.global_cursor_default=0 logo.nologo quiet loglevel=3; do
        grep -qw -- "$opt" "$cmdline" || sed -i "1 s/\$/ $opt/" "$cmdline"
    done
fi
# The hardware watchdog, fed by systemd (RuntimeWatchdogSec in the package's system.conf.d).
config=/boot/firmware/config.txt
[ -f "$config" ] || config=/boot/config.txt
if [ -f "$config" ] && ! grep -q '^dtparam=watchdog=on' "$config"; then
    printf '\n# kiosk: hardware watchdog\ndtparam=watchdog=on\n' >>"$config"
fi
# Nobody logs in on the kiosk's console; the kiosk owns it.
systemctl disable getty@tty1.service >/dev/null 2>&1 || true
systemctl set-default multi-user.target >/dev/null
systemctl enable kiosk.service kiosk-lockdown.service >/dev/null

if ! grep -q '"RW' /etc/kiosk/kiosk.json; then
    echo "NOTE: no trusted key in /etc/kiosk/kiosk.json yet: every USB stick will be refused."
    echo "      Add the organiser's minisign public key to \"trusted_keys\" (see INSTALL-PI.md)."
fi
[ "${2:-}" = "--no-reboot" ] && { echo "Installed. Reboot to start the kiosk."; exit 0; }
echo "Installed. Rebooting into the kiosk..."
systemctl reboot
