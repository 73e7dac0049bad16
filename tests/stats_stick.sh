#!/bin/bash
# A scripted day of visits, handed over on a stick: kiosk_stats_day records the day through the
# app into a statistics database; `kiosk --stats-export` writes the CSV files and the chart; they
# go onto a FAT32 stick image (mtools) as kiosk-stats/, as the USB import leaves them; read back
# from the image, the CSV files must equal the expected ones and the chart must be a 1600x1000
# PNG with the deck's colours and text on it. `kiosk --stats` must print the same day.
# EXPECTED_DIR holds the CSV files as the kiosk writes them by default, for Excel (a byte order
# mark, ";", decimal commas), and in EXPECTED_DIR/rfc4180 as `--csv-format rfc4180` writes them.
# Usage: stats_stick.sh KIOSK KIOSK_STATS_DAY EXPECTED_DIR
set -euo pipefail
kiosk=$1
day=$2
expected=$3
for tool in mformat mcopy mtype mkfs.fat identify; do
    command -v "$tool" >/dev/null || { echo "missing $tool (deploy/dev-deps.sh --tests installs it)"; exit 1; }
done
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

"$day" "$tmp/stats.sqlite"
"$kiosk" --stats-file "$tmp/stats.sqlite" --stats-export "$tmp/export"
"$kiosk" --stats-file "$tmp/stats.sqlite" --stats-export "$tmp/rfc4180" --csv-format rfc4180
mkfs.fat -F 32 -C "$tmp/stick.img" 40960 >/dev/null
mmd -i "$tmp/stick.img" ::kiosk ::kiosk-stats
mcopy -i "$tmp/stick.img" "$tmp/export"/* ::kiosk-stats/
for f in daily.csv hourly.csv; do
    mtype -i "$tmp/stick.img" "::kiosk-stats/$f" >"$tmp/$f"
    diff -u "$expected/$f" "$tmp/$f" || { echo "FAIL: $f on the stick differs from $expected/$f"; exit 1; }
    diff -u "$expected/rfc4180/$f" "$tmp/rfc4180/$f" ||
        { echo "FAIL: $f with --csv-format rfc4180 differs from $expected/rfc4180/$f"; exit 1; }
done
[ "$(head -c 3 "$tmp/daily.csv" | od -An -tx1 | tr -d ' ')" = efbbbf ] ||
    { echo "FAIL: daily.csv does not start with the UTF-8 byte order mark"; exit 1; }
mcopy -i "$tmp/stick.img" ::kiosk-stats/chart.png "$tmp/chart.png"
[ "$(identify -format '%wx%h' "$tmp/chart.png")" = 1600x1000 ] || { echo "FAIL: chart size"; exit 1; }
# Legible: more than a sliver of the picture is text or bars, in more than two colours.
colours=$(identify -format '%k' "$tmp/chart.png")
[ "$colours" -gt 20 ] || { echo "FAIL: the chart looks empty ($colours colours)"; exit 1; }
"$kiosk" --stats-file "$tmp/stats.sqlite" --stats >"$tmp/stats.txt"
cat "$tmp/stats.txt"
grep -q "2017-06-28" "$tmp/stats.txt" || { echo "FAIL: --stats does not show the day"; exit 1; }
echo "ok: the day's CSV files and chart went onto the stick image and read back right"
