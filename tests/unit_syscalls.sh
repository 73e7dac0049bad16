#!/bin/bash
# The units' system call filters against the calls the programs really make, traced with strace:
# under kiosk-import@.service's filter, what usb-import runs (blkid on a FAT image, kiosk-import on
# a signed bundle, kiosk --stats-export); under kiosk.service's, the kiosk once round its loop
# (SDL's offscreen driver here, KMS/DRM on a kiosk: the emulated machine runs that path, touch and
# a re-plugged touch screen included). Under systemd a call outside the filter fails with EPERM
# (SystemCallErrorNumber=): for the importer that would be a failed import, so any is an error;
# the kiosk may meet only those it takes in its stride (a thread's priority or CPU affinity
# refused), listed below.
# Not traced: mount and setpriv (they need root; util-linux's calls are in @mount and @setuid),
# and the lockdown (it would change this machine's keymap and SysRq switch).
# Usage: unit_syscalls.sh SOURCE_DIR KIOSK KIOSK_IMPORT
set -euo pipefail
src=$1
kiosk=$2
importer=$3
# shellcheck source=support/kiosk_test.sh
. "$src/tests/support/kiosk_test.sh"
PATH=$PATH:/usr/sbin:/sbin
need strace minisign systemd-analyze python3 mkfs.vfat blkid
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
trace() { # trace NAME COMMAND...: COMMAND under strace, its calls in $tmp/NAME.log
    local name=$1
    shift
    strace -f -qq -o "$tmp/$name.log" "$@"
}
outside() { # outside UNIT LOG...: the calls in the logs that UNIT's filter refuses
    python3 "$src/tests/support/syscall_filter.py" "$src/deploy/systemd/$1" "${@:2}"
}

# What usb-import runs, in its order.
mkdir -p "$tmp/root/stats" "$tmp/stick"
organiser_key "$tmp" "$tmp/root"
cp -r "$src/content" "$tmp/stick/kiosk"
seal "$tmp/stick/kiosk" 2 "$tmp/k.key"
truncate -s 40M "$tmp/stick.img"
mkfs.vfat -F 32 "$tmp/stick.img" >/dev/null
[ "$(trace blkid blkid -o value -s TYPE "$tmp/stick.img")" = vfat ] || fail "blkid did not say vfat"
trace import "$importer" --config "$tmp/kiosk.json" "$tmp/stick" >"$tmp/receipt" ||
    { cat "$tmp/receipt"; fail "the import was refused"; }
[ -L "$tmp/root/current" ] || fail "the import made no current release"
mkdir "$tmp/stats"
trace stats "$kiosk" --config "$tmp/kiosk.json" --stats-export "$tmp/stats" >/dev/null
[ -s "$tmp/stats/daily.csv" ] || fail "no statistics exported"
refused=$(outside kiosk-import@.service "$tmp/blkid.log" "$tmp/import.log" "$tmp/stats.log")
[ -z "$refused" ] || fail "kiosk-import@.service's filter refuses calls the import makes: $refused"
echo "ok: blkid, kiosk-import and the statistics export make no call outside kiosk-import@.service's filter"

# The kiosk, once round the loop.
SDL_VIDEODRIVER=offscreen SDL_AUDIODRIVER=dummy trace kiosk "$kiosk" --content "$src/content" \
    --windowed 320x240 --time-scale 200 --exit-after-loops 1 >/dev/null 2>&1 ||
    fail "the kiosk did not go round its loop"
tolerated="sched_setaffinity sched_setscheduler setpriority"
refused=$(outside kiosk.service "$tmp/kiosk.log" | grep -vxF -f <(tr ' ' '\n' <<<"$tolerated") || true)
[ -z "$refused" ] || fail "kiosk.service's filter refuses calls the kiosk makes: $refused"
echo "ok: the kiosk makes no call outside kiosk.service's filter but those it tolerates ($tolerated)"
