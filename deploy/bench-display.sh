#!/bin/sh
# The kiosk on a real display path (X11, a fresh Xvfb per run) beside feh showing the kiosk's own
# exported slides, in the same run: time from exec to the first painted frame, PSS and private
# memory of the process tree, CPU share over the loop. kiosk-bench measures the renderer alone on
# SDL's dummy driver; this measures what a screen gets. KMSDRM needs the emulated machine (deploy/emu).
#
# The first frame is seen from outside: Xvfb starts with a black root (-br) and the root window is
# read with xwd until a pixel is not black. The kiosk's --trace cannot say it: its first line is
# written when the app is built, before anything is presented, and its renderer probe presents a
# black frame, which this does not count. Resolution: one xwd read, about 45 ms at 1080p.
#
# Transition frames: the kiosk runs with --frame-times, which prints when each frame began and
# how long drawing and sending it took (on X11 until the server has it: SDL waits for its
# acknowledgement). Frames that follow another within 40 ms are animation frames (slide
# transitions); their cost and the time between them (16.7 ms at 60 fps) are reported.
set -eu
cd "$(dirname "$0")/.."

usage() {
    cat <<EOF
Usage: deploy/bench-display.sh [--size WxH] [--runs N] [--seconds S] [--feh-delay S] [--json FILE]
                               [--kiosk PATH]
  --size WxH      screen size of the Xvfb (default 1920x1080)
  --runs N        runs of each program, interleaved (default 3)
  --seconds S     how long the loop's CPU is counted (default 60)
  --feh-delay S   feh's time per slide (default 12, about the default deck's mean)
  --json FILE     also write the figures as JSON
  --kiosk PATH    the kiosk binary (default build/kiosk/kiosk; another build to compare)
Needs a build in build/ (deploy/build.sh) and: deploy/dev-deps.sh --bench
EOF
}

size=1920x1080 runs=3 seconds=60 feh_delay=12 json="" kiosk=build/kiosk/kiosk
while [ $# -gt 0 ]; do
    case "$1" in
    --size) size=$2; shift 2 ;;
    --runs) runs=$2; shift 2 ;;
    --seconds) seconds=$2; shift 2 ;;
    --feh-delay) feh_delay=$2; shift 2 ;;
    --json) json=$2; shift 2 ;;
    --kiosk) kiosk=$2; shift 2 ;;
    -h | --help) usage; exit 0 ;;
    *) echo "bench-display: unknown option $1" >&2; usage >&2; exit 2 ;;
    esac
done
width=${size%x*} height=${size#*x}

missing=""
need() { command -v "$1" >/dev/null || missing="$missing $2"; }
need Xvfb xvfb; need xwd x11-apps; need feh feh; need getconf libc-bin
[ -z "$missing" ] || { echo "bench-display: missing packages:$missing (deploy/dev-deps.sh --bench installs them)" >&2; exit 1; }
[ -x "$kiosk" ] || { echo "bench-display: no $kiosk; build first (deploy/build.sh)" >&2; exit 1; }

work=$(mktemp -d)
xpid="" pid=""
cleanup() {
    [ -z "$pid" ] || kill "$pid" 2>/dev/null || true
    [ -z "$xpid" ] || kill "$xpid" 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT INT TERM

now_ms() { echo $(($(date +%s%N) / 1000000)); }

# A non-black pixel anywhere on the root window (the last W*H*4 bytes of xwd's dump are pixels).
lit() {
    n=$(xwd -root -silent 2>/dev/null | tail -c $((width * height * 4)) | tr -d '\0' | head -c 1 | wc -c)
    [ "$n" -gt 0 ]
}

start_x() {
    d=90
    while [ -e "/tmp/.X11-unix/X$d" ] || [ -e "/tmp/.X$d-lock" ]; do d=$((d + 1)); done
    export DISPLAY=":$d"
    Xvfb "$DISPLAY" -screen 0 "${size}x24" -br -nolisten tcp >/dev/null 2>&1 &
    xpid=$!
    for _ in $(seq 50); do xwd -root -silent >/dev/null 2>&1 && return 0; sleep 0.1; done
    echo "bench-display: Xvfb did not start on $DISPLAY" >&2; exit 1
}

stop() { kill "$1" 2>/dev/null || true; wait "$1" 2>/dev/null || true; }

# Starts "$@" and sets pid and first_ms (exec to the first non-black root); 20 s at most.
first_frame() {
    : >"$work/stderr"
    t0=$(now_ms)
    "$@" 2>"$work/stderr" >/dev/null &
    pid=$!
    while ! lit; do
        kill -0 "$pid" 2>/dev/null || { echo "bench-display: $1 exited early:" >&2; cat "$work/stderr" >&2; exit 1; }
        [ $(($(now_ms) - t0)) -lt 20000 ] || { echo "bench-display: $1 painted nothing in 20 s" >&2; exit 1; }
    done
    first_ms=$(($(now_ms) - t0))
}

tree() {
    echo "$1"
    # shellcheck disable=SC2013 # the children files hold words, not lines
    for c in $(cat /proc/"$1"/task/*/children 2>/dev/null); do tree "$c"; done
}

# The sum over the process tree of the smaps_rollup fields matching $2 (kB).
rollup_kb() {
    for p in $(tree "$1"); do cat /proc/"$p"/smaps_rollup 2>/dev/null; done |
        awk -v re="$2" '$1 ~ re { kb += $2 } END { print kb + 0 }'
}

# utime + stime of the process tree, in clock ticks (fields 14 and 15, after the command name).
cpu_ticks() {
    for p in $(tree "$1"); do sed 's/.*) //' /proc/"$p"/stat 2>/dev/null; done |
        awk '{ t += $12 + $13 } END { print t + 0 }'
}

# One run of one program on a fresh X server: a line "name first_ms pss_kb private_kb cpu_pct".
one_run() {
    name=$1; shift
    start_x
    first_frame "$@"
    c0=$(cpu_ticks "$pid")
    sleep "$seconds"
    c1=$(cpu_ticks "$pid")
    pss=$(rollup_kb "$pid" '^Pss:$')
    priv=$(rollup_kb "$pid" '^Private_(Clean|Dirty):$')
    stop "$pid"; pid=""
    stop "$xpid"; xpid=""
    cat "$work/stderr" >>"$work/stderr-$name"
    cpu=$(awk -v t=$((c1 - c0)) -v hz="$(getconf CLK_TCK)" -v s="$seconds" 'BEGIN { printf "%.2f", 100 * t / hz / s }')
    echo "$name $first_ms $pss $priv $cpu" | tee -a "$work/runs" | awk '{ printf "  %-6s first frame %5d ms, PSS %6.1f MiB, private %6.1f MiB, CPU %5.2f %%\n", $1, $2, $3 / 1024, $4 / 1024, $5 }'
}

# Animation frames from the kiosk's --frame-times lines, one "cost_ms interval_ms" line each
# (interval: since the frame before, for a frame within 40 ms of it).
animation_frames() {
    grep -h '^frame-time ' "$work/stderr-kiosk" 2>/dev/null |
        awk 'BEGIN { last = -1000 } $2 < last { last = -1000 } { if ($2 - last < 40) print $3, $2 - last; last = $2 }'
}

# p50 p95 p99 max of column $1 of animation_frames.
frame_quantiles() {
    animation_frames | awk -v c="$1" '{ print $c }' | sort -g |
        awk '{ v[NR] = $1 } END { if (NR == 0) { print "null null null null"; exit }
             q = "0.5 0.95 0.99"; n = split(q, p, " ")
             for (i = 1; i <= n; i++) { k = int(p[i] * NR + 0.999); if (k < 1) k = 1; printf "%.1f ", v[k] }
             printf "%.1f\n", v[NR] }'
}

# Median, min and max of column $2 for program $1: "median min max".
stat3() {
    awk -v n="$1" -v c="$2" '$1 == n { print $c }' "$work/runs" | sort -g |
        awk '{ v[NR] = $1 } END { m = NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2; print m, v[1], v[NR] }'
}

figure() { # program column divisor decimals -> "median (min-max)"
    stat3 "$1" "$2" | awk -v s="$3" -v d="$4" '{ printf "%.*f (%.*f-%.*f)", d, $1 / s, d, $2 / s, d, $3 / s }'
}

ratio() { # column [text when feh's figure is 0] -> kiosk median / feh median
    awk -v k="$(stat3 kiosk "$1" | cut -d' ' -f1)" -v f="$(stat3 feh "$1" | cut -d' ' -f1)" -v z="${2:-null}" \
        'BEGIN { if (f > 0) printf "%.2f", k / f; else printf "%s", z }'
}

report() {
    echo
    echo "X11 (Xvfb $size), $runs runs each, CPU over $seconds s; median (range); $(date -u +%Y-%m-%d), $(nproc) cores"
    printf '| %-9s | %-22s | %-22s | %-22s | %-22s |\n' "" "first frame ms" "PSS MiB" "private MiB" "CPU % of a core"
    for n in kiosk feh; do
        printf '| %-9s | %-22s | %-22s | %-22s | %-22s |\n' "$n" "$(figure $n 2 1 0)" "$(figure $n 3 1024 1)" "$(figure $n 4 1024 1)" "$(figure $n 5 1 2)"
    done
    printf '| %-9s | %-22s | %-22s | %-22s | %-22s |\n' "kiosk/feh" "$(ratio 2 -)" "$(ratio 3 -)" "$(ratio 4 -)" "$(ratio 5 -)"
    echo "kiosk's $(grep -m1 'display:.*renderer' "$work/stderr-kiosk" | sed 's/^INFO: display: //')"
    echo "kiosk's animation frames: $(animation_frames | wc -l) over $runs runs; p50 / p95 / p99 / max:"
    echo "  draw and send: $(frame_quantiles 1 | sed 's/ / \/ /g') ms"
    echo "  between frames: $(frame_quantiles 2 | sed 's/ / \/ /g') ms (60 fps: 16.7)"
}

json_figure() { # program column -> {"median":..,"min":..,"max":..}
    stat3 "$1" "$2" | awk '{ printf "{\"median\": %s, \"min\": %s, \"max\": %s}", $1, $2, $3 }'
}

json_quantiles() {
    awk '{ printf "{\"p50\": %s, \"p95\": %s, \"p99\": %s, \"max\": %s}", $1, $2, $3, $4 }'
}

write_json() {
    {
        printf '{"path": "x11-xvfb", "size": "%s", "runs": %s, "cpu_seconds": %s, "date": "%s", "cores": %s,\n' \
            "$size" "$runs" "$seconds" "$(date -u +%Y-%m-%dT%H:%M:%SZ)" "$(nproc)"
        for n in kiosk feh; do
            printf ' "%s": {"first_frame_ms": %s, "pss_kb": %s, "private_kb": %s, "cpu_pct": %s},\n' "$n" \
                "$(json_figure $n 2)" "$(json_figure $n 3)" "$(json_figure $n 4)" "$(json_figure $n 5)"
        done
        printf ' "ratio_kiosk_to_feh": {"first_frame": %s, "pss": %s, "private": %s, "cpu": %s},\n' \
            "$(ratio 2)" "$(ratio 3)" "$(ratio 4)" "$(ratio 5)"
        printf ' "kiosk_animation_frames": {"count": %s, "draw_send_ms": %s, "interval_ms": %s}}\n' \
            "$(animation_frames | wc -l)" "$(frame_quantiles 1 | json_quantiles)" "$(frame_quantiles 2 | json_quantiles)"
    } >"$json"
    echo "JSON in $json"
}

echo "Exporting the slides at $size for feh"
"$kiosk" --content content --export "$work/slides" --size "$size" >/dev/null 2>&1 ||
    { echo "bench-display: kiosk --export failed" >&2; exit 1; }
# An older build (--kiosk) may not know --frame-times: then no frame times.
frame_times=""
"$kiosk" --help 2>/dev/null | grep -q -- --frame-times && frame_times=--frame-times
for i in $(seq "$runs"); do
    echo "Run $i of $runs"
    one_run kiosk "$kiosk" --content content $frame_times
    one_run feh feh -F -Z -D "$feh_delay" "$work/slides"
done
report
[ -z "$json" ] || write_json
