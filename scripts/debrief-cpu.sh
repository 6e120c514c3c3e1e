#!/usr/bin/env bash
# Measures the app's CPU use while it waits on the debrief's chart and map tabs,
# after playing the thank-you visit to an ending with the keyboard. Needs xvfb,
# xdotool and the packages in scripts/idle-cpu.sh.
# Usage: scripts/debrief-cpu.sh [SECONDS]   (DOORWAY_BINARY=path measures another build)
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-15}"
. scripts/common.sh
binary=$(doorway_binary)
data=$(mktemp -d)
display=":$((70 + RANDOM % 20))"
Xvfb "$display" -screen 0 1280x800x24 >/dev/null 2>&1 &
xvfb=$!
trap 'kill "$app" "$xvfb" 2>/dev/null; rm -rf "$data"' EXIT
sleep 1
export DISPLAY="$display"
"$binary" --data-dir "$data" open scenarios/thank-you-visit.scenario.ron --begin >/dev/null 2>&1 &
app=$!
sleep 5
window=$(xdotool search --name Doorway | head -1)
for _ in 1 2 3 4 5 6; do
    xdotool windowfocus --sync "$window" key 1
    sleep 0.5
    xdotool key Return
    sleep 0.5
done
# measure LABEL X: clicks the tab at X in the header, then samples.
measure() {
    xdotool mousemove --window "$window" "$2" 81 click 1
    sleep 1
    xdotool mousemove --window "$window" 1200 700
    sleep 2
    local before after
    before=$(cpu_seconds "$app")
    sleep "$seconds"
    after=$(cpu_seconds "$app")
    awk -v a="$after" -v b="$before" -v s="$seconds" -v l="$1" \
        'BEGIN { printf "%-32s %6.1f %% of one core\n", l, 100 * (a - b) / s }'
}
measure "debrief chart tab, waiting" 521
measure "debrief map tab, waiting" 655
