#!/usr/bin/env bash
# Times the first frame, whole process, release build: `doorway --screenshot`
# against `examples/bare_window` (Bevy + bevy_egui with the same Cargo features,
# one label, a screenshot after 3 frames), under Xvfb with software rendering.
# Prints hyperfine's table and the ratios of the mean wall-clock and CPU (user +
# system) times; on a shared machine CPU time is the steadier of the two.
# Needs hyperfine and xvfb (apt-get install hyperfine xvfb mesa-vulkan-drivers
# libvulkan1 libxkbcommon-x11-0 libgl1-mesa-dri).
# Usage: scripts/first-frame.sh [RUNS]   (default 10; RUNS=... also works)
#   DOORWAY_BINARY / BARE_WINDOW=path measure already built binaries.
# Runs from the repository's root, so the app also loads (and watches) the
# `scenarios/` folder, as it does when started from a checkout.
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-${RUNS:-10}}"
target=${CARGO_TARGET_DIR:-target}
if [ -z "${DOORWAY_BINARY:-}" ] || [ -z "${BARE_WINDOW:-}" ]; then
    cargo build --release --quiet --bin doorway --example bare_window
fi
doorway=${DOORWAY_BINARY:-$target/release/doorway}
bare=${BARE_WINDOW:-$target/release/examples/bare_window}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir "$work/data"

xvfb-run -a -s "-screen 0 1280x800x24" \
    hyperfine --warmup 1 --runs "$runs" --export-json "$work/times.json" \
    -n bare "$bare $work/bare.png" \
    -n doorway "$doorway --screenshot $work/doorway.png --data-dir $work/data"

jq -r '.results | map({(.command): {wall: .mean, cpu: (.user + .system)}}) | add
    | def ms: . * 1000 | round;
      def ratio(f): (.doorway | f) / (.bare | f) * 100 | round / 100;
      "wall: doorway / bare = \(ratio(.wall))x (\(.doorway.wall | ms) ms / \(.bare.wall | ms) ms)",
      "cpu:  doorway / bare = \(ratio(.cpu))x (\(.doorway.cpu | ms) ms / \(.bare.cpu | ms) ms)"' \
    "$work/times.json"
