#!/bin/sh
# End to end, as a visitor: the kiosk fullscreen on a virtual X display (Xvfb), driven by
# xdotool taps and drags, checked from the kiosk's own --trace output (which also says where its
# buttons are) and a screenshot. With a rotation the screen is treated as mounted turned, and taps
# are made where the panel would report them. A first visit: the touch that wakes it, a tap on the
# text (nothing moves), a quick and a slow swipe, the overview, a finding's full text and the next
# one, the "still reading?" countdown and the return to the loop.
# Usage: e2e_touch.sh KIOSK CONTENT_DIR ROTATION [WxH]
set -eu
kiosk=$1
content=$2
rotation=${3:-0}
size=${4:-1280x720}
W=${size%x*}
H=${size#*x}
for tool in Xvfb xdotool import convert; do
    command -v "$tool" >/dev/null || { echo "missing $tool (deploy/dev-deps.sh --tests installs it)"; exit 1; }
done
tmp=$(mktemp -d)
xvfb_pid=""
kiosk_pid=""
cleanup() {
    [ -n "$kiosk_pid" ] && kill "$kiosk_pid" 2>/dev/null || true
    [ -n "$xvfb_pid" ] && kill "$xvfb_pid" 2>/dev/null || true
    rm -rf "$tmp"
}
trap cleanup EXIT
fail() {
    echo "FAIL: $*"
    echo "--- trace"; cat "$tmp/trace"; echo "--- log"; cat "$tmp/log"
    exit 1
}

Xvfb -displayfd 3 -screen 0 "${W}x${H}x24" -nolisten tcp 3>"$tmp/display" 2>/dev/null &
xvfb_pid=$!
i=0
while [ ! -s "$tmp/display" ]; do
    i=$((i + 1)); [ $i -lt 100 ] || { echo "Xvfb did not start"; exit 1; }; sleep 0.1
done
DISPLAY=":$(cat "$tmp/display")"
export DISPLAY

"$kiosk" --content "$content" --idle 6 --rotation "$rotation" --trace >"$tmp/trace" 2>"$tmp/log" &
kiosk_pid=$!

mark=0
# Waits until a trace line written since the last action matches the pattern.
wait_for() {
    i=0
    until tail -n "+$((mark + 1))" "$tmp/trace" | grep -qE "$1"; do
        i=$((i + 1)); [ $i -lt "${2:-100}" ] || fail "no trace line matching: $1"; sleep 0.1
    done
}
action() { mark=$(wc -l <"$tmp/trace"); }

# Logical (upright) coordinates to where the rotated panel reports them.
phys() {
    case $rotation in
        0) echo "$1 $2" ;;
        90) echo "$((W - $2)) $1" ;;
        180) echo "$((W - $1)) $((H - $2))" ;;
        270) echo "$2 $((H - $1))" ;;
    esac
}
logical_w=$W; logical_h=$H
if [ "$rotation" = 90 ] || [ "$rotation" = 270 ]; then logical_w=$H; logical_h=$W; fi

# A screenshot that must not be blank, kept in E2E_SCREENSHOTS (as NAME-WxH.png) when set. The
# trace line comes before the first frame is presented: a slow build (the sanitizers') may not
# have drawn yet, so a blank screen is looked at again for up to 10 s before it fails.
shot() {
    tries=0
    while :; do
        import -window root "$tmp/$1.png"
        spread=$(convert "$tmp/$1.png" -colorspace gray -format "%[fx:standard_deviation]" info:)
        awk "BEGIN { exit !($spread > 0.05) }" && break
        tries=$((tries + 1))
        [ $tries -lt 20 ] || fail "$1 screenshot looks blank (deviation $spread)"
        sleep 0.5
    done
    turned=""; [ "$rotation" = 0 ] || turned="-r$rotation"
    [ -z "${E2E_SCREENSHOTS:-}" ] || cp "$tmp/$1.png" "$E2E_SCREENSHOTS/e2e-$1-$size$turned.png"
}
tap() {
    action
    # shellcheck disable=SC2046 # two numbers
    xdotool mousemove $(phys "$1" "$2") click 1
}
# A drag in logical coordinates, in ten steps: quick, or as slow as STEP_S a step.
drag() { # drag X1 Y1 X2 Y2 [STEP_S]
    action
    xdotool mousemove $(phys "$1" "$2") mousedown 1
    for s in 1 2 3 4 5 6 7 8 9 10; do
        x=$(($1 + ($3 - $1) * s / 10)); y=$(($2 + ($4 - $2) * s / 10))
        xdotool mousemove $(phys "$x" "$y"); sleep "${5:-0.015}"
    done
    xdotool mouseup 1
}
# The centre of a button named in the last trace line, e.g. "overview" or "finding3".
button() {
    tail -n 1 "$tmp/trace" | tr ' ' '\n' | sed -n "s/^$1@\([0-9]*\),\([0-9]*\)$/\1 \2/p"
}
tap_button() {
    xy=$(button "$1"); [ -n "$xy" ] || fail "no button $1 on screen"
    # shellcheck disable=SC2086
    tap $xy
}

wait_for "slide 1/[0-9]+ attract view=slides" 100
sleep 0.5
shot attract
tap $((logical_w / 2)) $((logical_h / 3))
wait_for "browsing view=slides"
# A finger resting on the text is not a page turn.
tap $((logical_w / 2)) $((logical_h / 3))
sleep 1
tail -n 1 "$tmp/trace" | grep -qE "slide 1/[0-9]+ browsing view=slides" || fail "a tap on the text moved the slide"
echo "ok: a tap on the text left the slide where it was"
drag $((logical_w * 3 / 4)) $((logical_h / 3)) $((logical_w / 4)) $((logical_h / 3))
wait_for "slide 2/[0-9]+ browsing view=slides"
echo "ok: a swipe moved to slide 2"
# An older visitor's swipe: half the width in 1.5 s still turns the page.
drag $((logical_w * 3 / 4)) $((logical_h / 3)) $((logical_w / 4)) $((logical_h / 3)) 0.15
wait_for "slide 3/[0-9]+ browsing view=slides"
echo "ok: a slow swipe (1.5 s) moved to slide 3"
tap_button overview
wait_for "view=overview"
sleep 0.4
shot overview
tap_button finding3
wait_for "browsing view=slides .*read_more@"
echo "ok: the overview opened and tile 3 jumped to its finding"
tap_button read_more
wait_for "view=reading finding=3 scroll=0"
sleep 0.4
drag $((logical_w / 2)) $((logical_h * 2 / 3)) $((logical_w / 2)) $((logical_h / 4))
wait_for "view=reading finding=3 scroll=[1-9]"
echo "ok: the reading view scrolled"
shot reading
# The next finding's text, straight from this one.
tap_button read_finding4
wait_for "view=reading finding=4 scroll=0"
echo "ok: the reading view stepped to the next finding"
# A full text keeps its reader for its reading time; closed, the usual idle time applies.
tap_button close
wait_for "browsing view=slides"
action
wait_for "browsing view=slides.* countdown=[0-9]" 120
sleep 0.3
shot countdown
echo "ok: before the idle return the countdown asks whether the visitor is still reading"
wait_for "attract view=slides" 120
echo "ok: after the idle time the loop runs again"
kill -TERM "$kiosk_pid"
i=0
while kill -0 "$kiosk_pid" 2>/dev/null; do
    i=$((i + 1)); [ $i -lt 50 ] || fail "SIGTERM did not stop the kiosk"; sleep 0.1
done
wait "$kiosk_pid" || fail "the kiosk exited non-zero after SIGTERM"
kiosk_pid=""
echo "ok: SIGTERM stopped it cleanly"
