#!/bin/bash
# One change, one load: after one import into a content root, and after one save in an author's
# folder, the running kiosk opens deck.json exactly once in the next 20 seconds (counted with
# strace from outside), shows "Nieuwe inhoud" once, and its CPU share falls back to idle. A load
# that finished once woke the loop as if the disk had changed, so each load started the next.
# Usage: reload_once.sh KIOSK KIOSK_IMPORT
set -euo pipefail
kiosk=$1
importer=$2
# shellcheck source=support/kiosk_test.sh
. "$(dirname "$0")/support/kiosk_test.sh"
need minisign strace pgrep
tmp=$(mktemp -d)
pid="" kpid=""
trap '[ -n "$pid" ] && kill "$kpid" "$pid" 2>/dev/null; chmod -R u+w "$tmp" 2>/dev/null; rm -rf "$tmp"' EXIT
# To stderr: a failure inside $(...) (cpu_ticks) must still be seen.
# The end of strace's record says how a kiosk that is gone ended (a signal, and from whom).
fail() {
    { echo "FAIL: $*"; echo "--- trace"; tail -n 30 "$tmp/trace"; echo "--- log"; tail -n 30 "$tmp/log"
      echo "--- strace"; grep -E 'killed|exited|SIG' "$tmp/strace" | tail -n 5; } >&2
    exit 1
}
wait_for() {
    for _ in $(seq 1 150); do grep -qE "$1" "$tmp/trace" && return 0; sleep 0.1; done
    fail "no trace line matching: $1"
}
deck_opens() { grep -E 'open(at)?\(.*deck\.json' "$tmp/strace" | grep -vc ENOENT || true; }
cpu_ticks() {
    [ -r "/proc/$kpid/stat" ] || fail "the kiosk (pid $kpid) is gone"
    awk '{print $14 + $15}' "/proc/$kpid/stat"
}
export SDL_VIDEODRIVER=offscreen SDL_AUDIODRIVER=dummy
window_s=${RELOAD_WINDOW_S:-20}

# Slides that stand for ten minutes: no transition falls in the window, so the CPU share is the
# idle one.
deck() { # deck VERSION SLIDES
    local slides='{"kind": "title", "title": "Een", "duration_s": 600}'
    for n in $(seq 2 "$2"); do slides="$slides, {\"kind\": \"paragraph\", \"text\": \"Dia $n\", \"duration_s\": 600}"; done
    printf '{"schema": 1, "id": "r", "title": "R", "version": "%s", "language": "nl", "slides": [%s]}\n' "$1" "$slides"
}

start() { # start ARGS...: the kiosk under strace; strace's pid in $pid, the kiosk's in $kpid
    : >"$tmp/trace"
    strace -f -q -e trace=open,openat -e signal=all -o "$tmp/strace" \
        "$kiosk" "$@" --windowed 800x480 --trace >"$tmp/trace" 2>"$tmp/log" &
    pid=$!
    # By name: strace forks short-lived children of its own at start (its ptrace probes), and
    # taking one of those for the kiosk made the test call a running kiosk gone.
    local name
    name=$(basename "$kiosk")
    for _ in $(seq 1 50); do
        kpid=$(pgrep -P "$pid" -x "${name:0:15}" || true)
        [ -n "$kpid" ] && return
        sleep 0.1
    done
    fail "the kiosk did not start"
}

# One change, then the window: exactly one more open of deck.json, one notice, an idle CPU.
# The CPU share is taken over the window's second half, once the switch (a fade, the new deck's
# layout) is long over.
judge() { # judge WHAT OPENS_BEFORE
    sleep $((window_s / 2))
    local ticks0
    ticks0=$(cpu_ticks)
    sleep $((window_s - window_s / 2))
    local opens=$(($(deck_opens) - $2)) ticks=$(($(cpu_ticks) - ticks0))
    local notices
    notices=$(grep -c "notice: Nieuwe inhoud: " "$tmp/trace" || true)
    local share=$((ticks * 100 / ($(getconf CLK_TCK) * (window_s - window_s / 2))))
    echo "$1: deck.json opened $opens time(s) in ${window_s} s, $notices notice(s)," \
        "CPU ${share} % in the last $((window_s - window_s / 2)) s"
    [ "$opens" -eq 1 ] || fail "$1: deck.json opened $opens times, expected once"
    [ "$notices" -eq 1 ] || fail "$1: \"Nieuwe inhoud\" shown $notices times, expected once"
    # Idle is about 1 %; the reload loop held 35-42 %. A generous bound for sanitizer builds.
    [ "$share" -lt 20 ] || fail "$1: CPU at ${share} % of a core while nothing changes"
}

stop() { kill -TERM "$kpid"; wait "$pid" || true; pid=""; }

# 1. One import into a content root the kiosk is showing.
organiser_key "$tmp" "$tmp/root"
mkdir -p "$tmp/root" "$tmp/stick/kiosk"
deck 1 3 >"$tmp/stick/kiosk/deck.json"
seal "$tmp/stick/kiosk" 1 "$tmp/k.key"
start --config "$tmp/kiosk.json"
wait_for "slide 1/[0-9]+ attract"
sleep 1
opens=$(deck_opens)
"$importer" --config "$tmp/kiosk.json" "$tmp/stick" >/dev/null
wait_for "deck release 1-[0-9a-f]+ 3 slides"
judge "after one import" "$opens"
stop

# 2. One save in an author's folder.
mkdir -p "$tmp/author"
deck 1 1 >"$tmp/author/deck.json"
start --content "$tmp/author"
wait_for "slide 1/1 attract"
sleep 1
opens=$(deck_opens)
deck 2 2 >"$tmp/author/deck.json"
wait_for "deck .*deck.json 2 slides"
judge "after one save" "$opens"
stop
