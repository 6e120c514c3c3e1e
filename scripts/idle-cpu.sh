#!/usr/bin/env bash
# Measures the app's CPU use under Xvfb (software rendering):
#   1. 20 s idle on the library;
#   2. 20 s with a countdown running (a timed moment of the drop-in, 10x the time);
# each in Doorway's reactive mode and in Bevy's default continuous mode; then, in
# the reactive mode,
#   3. 20 s writing own words (Say it first): the field focused, its caret
#      blinking, the countdown running;
#   4. 20 s on a noticing question (Notice first), the clock waiting.
# Prints the share of one core used. Needs xvfb (apt-get install xvfb
# mesa-vulkan-drivers libvulkan1 libxkbcommon-x11-0 libgl1-mesa-dri).
# Usage: scripts/idle-cpu.sh [SECONDS]     (DOORWAY_BINARY=path measures another build)
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-20}"
. scripts/common.sh
binary=$(doorway_binary)
data=$(mktemp -d)
trap 'rm -rf "$data"' EXIT
# Ten times the time, so the first countdown outlasts the measurement.
printf '(time_multiplier: 10.0)\n' > "$data/preferences.ron"

# measure LABEL ARGS...: starts the app, lets it settle, samples SECONDS.
measure() {
    local label="$1"
    shift
    DOORWAY_DATA_DIR="$data" xvfb-run -a -s "-screen 0 1280x800x24" "$binary" "$@" >/dev/null 2>&1 &
    local runner=$!
    local pid=""
    for _ in $(seq 1 100); do
        pid=$(pgrep -n -f "^$binary" || true)
        [ -n "$pid" ] && break
        sleep 0.1
    done
    [ -n "$pid" ] || { echo "$label: the app did not start"; kill "$runner" 2>/dev/null; return 1; }
    sleep 5
    local before after
    before=$(cpu_seconds "$pid")
    sleep "$seconds"
    after=$(cpu_seconds "$pid")
    kill "$pid" 2>/dev/null || true
    wait "$runner" 2>/dev/null || true
    awk -v a="$after" -v b="$before" -v s="$seconds" -v l="$label" \
        'BEGIN { printf "%-44s %6.1f %% of one core\n", l, 100 * (a - b) / s }'
}

measure "library, idle (reactive)"
measure "library, idle (Bevy continuous)" --continuous
measure "countdown running (reactive)" open scenarios/drop-in.scenario.ron --begin
measure "countdown running (Bevy continuous)" open scenarios/drop-in.scenario.ron --begin --continuous

printf '(time_multiplier: 10.0, practice_modes: {"drop-in": say_it_first})\n' > "$data/preferences.ron"
measure "own words, field focused (reactive)" open scenarios/drop-in.scenario.ron --begin
printf '(time_multiplier: 10.0, practice_modes: {"repair-drill": notice_first})\n' > "$data/preferences.ron"
measure "noticing question, clock waiting (reactive)" open scenarios/repair-drill.scenario.ron --begin
