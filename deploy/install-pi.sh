#!/bin/sh
# One install step for a fresh Raspberry Pi OS Lite (bookworm, 64-bit): installs the two kiosk
# packages with their dependencies, applies the boot-time lockdown, and reboots into the kiosk.
# Usage: sudo deploy/install-pi.sh kiosk_<version>_arm64.deb [kiosk-tools_<version>_arm64.deb] [--no-reboot]
# The kiosk package needs kiosk-tools of the same version: when it is not named, the one beside
# the kiosk package is taken.
set -eu
usage="usage: install-pi.sh KIOSK.deb [KIOSK-TOOLS.deb] [--no-reboot]"
reboot=yes
debs=""
for arg in "$@"; do
    case $arg in
    --no-reboot) reboot=no ;;
    -*) echo "$usage"; exit 2 ;;
    *) [ -f "$arg" ] || { echo "$arg: no such file"; exit 1; }
       debs="$debs $(realpath "$arg")" ;;
    esac
done
[ -n "$debs" ] || { echo "$usage"; exit 2; }
[ "$(id -u)" -eq 0 ] || { echo "run it with sudo"; exit 1; }
# kiosk_0.2.0_arm64.deb -> kiosk-tools_0.2.0_arm64.deb in the same folder.
case $debs in
*/kiosk-tools_*) ;;
*) for deb in $debs; do
       case $(basename "$deb") in
       kiosk_*) tools=$(dirname "$deb")/kiosk-tools_$(basename "$deb" | sed 's/^kiosk_//')
                [ -f "$tools" ] || { echo "$tools: no such file (kiosk needs kiosk-tools)"; exit 1; }
                debs="$debs $tools" ;;
       esac
   done ;;
esac

apt-get update
# apt installs local .debs with all their dependencies when given paths; one transaction, so the
# appliance finds its tools.
# shellcheck disable=SC2086 # the list is meant to split (the paths have no spaces)
DEBIAN_FRONTEND=noninteractive apt-get install -y $debs

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
[ "$reboot" = no ] && { echo "Installed. Reboot to start the kiosk."; exit 0; }
echo "Installed. Rebooting into the kiosk..."
systemctl reboot
