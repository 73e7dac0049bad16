#!/bin/bash
# Several screens in one hall, in step: kiosks with the same deck and hall sync on show the same
# slide at every moment and start each transition within one frame (16.7 ms at 60 Hz) of each
# other, however far apart they were started, and after one is restarted mid-loop. A kiosk whose
# clock is off (the --hall-offset test hook) is off by exactly that much. Judged from their
# --trace lines, which carry the wall clock's time with hall sync on.
# Usage: hall_sync.sh KIOSK
set -euo pipefail
kiosk=$1
for tool in Xvfb awk; do
    command -v "$tool" >/dev/null || { echo "missing $tool (deploy/dev-deps.sh --tests installs it)"; exit 1; }
done
tmp=$(mktemp -d)
pids=()
cleanup() {
    for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
    rm -rf "$tmp"
}
trap cleanup EXIT
fail() {
    echo "FAIL: $*"
    for f in "$tmp"/*.trace; do echo "--- $f"; tail -n 12 "$f"; done
    echo "--- compared: changes of the first, then of the second"; cat "$tmp/a" "$tmp/b"
    exit 1
}

Xvfb -displayfd 3 -screen 0 800x600x24 -nolisten tcp 3>"$tmp/display" 2>/dev/null &
pids+=($!)
for _ in $(seq 1 100); do [ -s "$tmp/display" ] && break; sleep 0.1; done
[ -s "$tmp/display" ] || fail "Xvfb did not start"
export DISPLAY=":$(cat "$tmp/display")" SDL_AUDIODRIVER=dummy

# Four short slides of different lengths: a loop of 10 s, so the test sees several rounds.
mkdir -p "$tmp/deck"
printf '%s\n' '{"schema": 1, "id": "hall", "title": "Hall", "version": "1", "language": "nl",' \
    '"slides": [{"kind": "title", "title": "Een", "duration_s": 2},' \
    '{"kind": "paragraph", "text": "Twee", "duration_s": 3},' \
    '{"kind": "paragraph", "text": "Drie", "duration_s": 2},' \
    '{"kind": "paragraph", "text": "Vier", "duration_s": 3}]}' >"$tmp/deck/deck.json"

started=""
start() { # start NAME [ARGS...]: a kiosk in a small window, its trace in NAME.trace, its pid in $started
    local name=$1
    shift
    "$kiosk" --content "$tmp/deck" --hall-sync --windowed 320x200 --trace "$@" \
        >>"$tmp/$name.trace" 2>"$tmp/$name.log" &
    started=$!
    pids+=("$started")
}

# The slide changes of a trace in a wall-clock window: "WALL SLIDE" lines.
changes() { # changes NAME FROM TO
    awk -v from="$2" -v to="$3" '
        /wall=/ && / attract / {
            for (i = 1; i <= NF; i++) {
                if ($i ~ /^wall=/) wall = substr($i, 6)
                if ($i == "slide") slide = $(i + 1)
            }
            if (wall >= from && wall <= to && slide != last) print wall, slide
            last = slide
        }' "$tmp/$1.trace"
}
now() { date +%s.%N; }

# Compares two kiosks' slide changes between FROM and TO: each change of A has B's change to the
# same slide within TOLERANCE of A's time plus OFFSET. Prints the largest difference seen (ms).
compare() { # compare A B FROM TO OFFSET
    changes "$1" "$3" "$4" >"$tmp/a"
    # B's window a second wider each side: its change that matches A's last one may fall just
    # outside A's window by the offset.
    changes "$2" "$(awk -v t="$3" 'BEGIN { printf "%.4f", t - 1 }')" \
        "$(awk -v t="$4" 'BEGIN { printf "%.4f", t + 1 }')" >"$tmp/b"
    awk -v offset="$5" -v tol=0.0167 '
        NR == FNR { bw[NR] = $1; bs[NR] = $2; n = NR; next }
        FNR == 1 { next } # the first line is where the window starts, not a change
        {
            best = 1e9
            for (i = 1; i <= n; i++)
                if (bs[i] == $2) { d = $1 - offset - bw[i]; if (d < 0) d = -d; if (d < best) best = d }
            if (best > tol) { printf "slide %s at %s: no change within %.1f ms\n", $2, $1, tol * 1000; bad = 1 }
            if (best > worst) worst = best
            count++
        }
        END { printf "%d changes, largest difference %.1f ms\n", count, worst * 1000; exit bad || count < 3 }
    ' "$tmp/b" "$tmp/a"
}

# Lets kiosks run for SETTLE seconds, then compares A's and B's slide changes over WATCH seconds.
watch() { # watch A B SETTLE WATCH OFFSET
    sleep "$3"
    local from to
    from=$(now)
    sleep "$4"
    to=$(now)
    # B's change that matches A's last one can come up to the offset later: let it happen (and
    # reach B's trace) before comparing.
    sleep 1.5
    compare "$1" "$2" "$from" "$to" "$5"
}

start a
sleep 2.3
start b
watch a b 2 12 0 || fail "kiosks started 2.3 s apart are not in step"
echo "ok: two kiosks started 2.3 s apart change slides together"

# A restart mid-loop: the kiosk comes back at the hall's slide, not at its first.
kill -TERM "$started"
sleep 1.3
start b
watch a b 1.5 11 0 || fail "a kiosk restarted mid-loop is not back in step"
echo "ok: a kiosk restarted mid-loop is back in step"
kill -TERM "$started"

# A clock a quarter of a second ahead shows the loop a quarter of a second early.
start c --hall-offset 0.25
watch c a 2 11 -0.25 || fail "a clock 0.25 s off is not off by 0.25 s"
echo "ok: a kiosk whose clock is 0.25 s ahead changes slides 0.25 s earlier"
