#!/bin/bash
# Imports at the same moment into one content root, as when two sticks (or one stick with two FAT
# partitions) are plugged in together and the deployment starts one importer for each. Every
# round starts two or three importers with bundles of different sizes and sequence numbers, or
# an old stick (a replayed sequence) during a good import. After each round: `current` is the
# highest sequence accepted and a complete, valid release (kiosk --check), state/last-seq agrees,
# nothing is staged, the releases kept are the three newest accepted (none lost, none newer than
# current), and every refusal is an honest one (a replay), never a false reason such as a file's
# SHA-256 differing. Without the import lock it fails, usually in the first round.
# Usage: import_race.sh KIOSK KIOSK_IMPORT [ROUNDS]
set -euo pipefail
kiosk=$1
importer=$2
rounds=${3:-20}
# shellcheck source=support/kiosk_test.sh
. "$(dirname "$0")/support/kiosk_test.sh"
need minisign
tmp=$(mktemp -d)
trap 'chmod -R u+w "$tmp" 2>/dev/null; rm -rf "$tmp"' EXIT
root=$tmp/root
organiser_key "$tmp" "$root"

# Images shared by every bundle (hard links: the importer only reads them): 256 KiB each.
mkdir -p "$tmp/pool"
for n in $(seq 1 16); do
    { printf '\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR\0\0\x02\x80\0\0\x01\xe0\x08\x06\0\0\0\0\0\0\0'
      head -c 262144 /dev/urandom; } >"$tmp/pool/p$n.png"
done

# make_stick NAME SEQ IMAGES: a signed bundle on stick NAME; its deck's version is the sequence.
declare -A seq_of
make_stick() {
    local bundle=$tmp/$1/kiosk slides=""
    seq_of[$1]=$2
    chmod -R u+w "$tmp/$1" 2>/dev/null || true
    rm -rf "${tmp:?}/$1"
    mkdir -p "$bundle/images"
    for n in $(seq 1 "$3"); do
        ln "$tmp/pool/p$n.png" "$bundle/images/p$n.png"
        slides="$slides,{\"kind\": \"image\", \"title\": \"Foto $n\", \"image\": {\"src\": \"images/p$n.png\"}}"
    done
    printf '{"schema": 1, "id": "race", "title": "Run %s", "version": "%s", "language": "nl", "slides": [{"kind": "title", "title": "Run %s"}%s]}\n' \
        "$2" "$2" "$2" "$slides" >"$bundle/deck.json"
    seal "$bundle" "$2" "$tmp/k.key"
}

fail() { echo "round $round: $*"; for f in "$tmp"/out-*; do echo "--- $f"; cat "$f"; done; exit 1; }

# start NAME [DELAY]: runs the importer on stick NAME in the background, its receipt in out-NAME.
start() {
    ( sleep "${2:-0}"; "$importer" --config "$tmp/kiosk.json" "$tmp/$1" >"$tmp/out-$1" 2>&1 ) &
    pids+=($!)
    sticks+=("$1")
}

# Accepted (exit 0), or refused (exit 1) only as a replay; the receipt's wording is not judged.
check_receipt() {
    local name=$1 status=$2
    case $status in
        0) accepted="$accepted ${seq_of[$name]}" ;;
        1) grep -qiE 'not newer|niet nieuwer' "$tmp/out-$name" || fail "$name: refused for a false reason" ;;
        *) fail "$name: exit status $status" ;;
    esac
}

check_root() {
    local highest=$1 target
    target=$(readlink "$root/current") || fail "no current link"
    case $target in releases/"$highest"-*) ;; *) fail "current is $target, the highest accepted is $highest" ;; esac
    [ -d "$root/current/" ] || fail "current ($target) points to nothing"
    grep -q "\"version\": \"$highest\"" "$root/current/deck.json" || fail "current holds another bundle"
    out=$("$kiosk" --config "$tmp/kiosk.json" --check "$root/current" 2>&1) || fail "current is not a valid release: $out"
    [ "$(cat "$root/state/last-seq")" = "$highest" ] || fail "last-seq is $(cat "$root/state/last-seq"), not $highest"
    [ -z "$(ls -A "$root/staging")" ] || fail "staging not empty: $(ls "$root/staging")"
    # The releases kept are the three newest accepted: none lost, none newer than current.
    kept=$(ls "$root/releases" | cut -d- -f1 | sort -n | tr '\n' ' ')
    newest=$(printf '%s\n' $all_accepted | sort -n | tail -3 | tr '\n' ' ')
    [ "$kept" = "$newest" ] || fail "releases kept: $kept; the three newest accepted: $newest"
}

make_stick seed 1 0
"$importer" --config "$tmp/kiosk.json" "$tmp/seed" >/dev/null
seq=1
all_accepted=1
for round in $(seq 1 "$rounds"); do
    rm -f "$tmp"/out-*
    pids=() sticks=()
    case $((round % 3)) in
        1) # two sticks: the older one bigger, so it usually finishes last
            make_stick a $((seq + 1)) 16; make_stick b $((seq + 2)) 1
            start a; start b
            seq=$((seq + 2)) ;;
        2) # three sticks in a shuffled order of sizes
            make_stick a $((seq + 1)) 4; make_stick b $((seq + 2)) 16; make_stick c $((seq + 3)) 0
            start c; start a; start b
            seq=$((seq + 3)) ;;
        0) # a good stick, and an old one (from the round before) plugged in during its import
            cp -a "$tmp/b" "$tmp/old"; seq_of[old]=${seq_of[b]}
            make_stick a $((seq + 1)) 16
            start a; start old "$(printf '0.%03d' $((RANDOM % 300)))"
            seq=$((seq + 1)) ;;
    esac
    accepted=""
    for i in "${!sticks[@]}"; do
        status=0
        wait "${pids[$i]}" || status=$?
        check_receipt "${sticks[$i]}" "$status"
    done
    all_accepted="$all_accepted $accepted"
    highest=$(printf '%s\n' $accepted | sort -n | tail -1)
    [ "$highest" = "$seq" ] || fail "sequence $seq, the newest, was not accepted (accepted:$accepted)"
    check_root "$highest"
    chmod -R u+w "$tmp/old" 2>/dev/null || true
    rm -rf "$tmp/old"
done
echo "$rounds rounds of two or three imports at once: current was always the newest accepted release, complete and valid, with no false refusal"
