#!/usr/bin/env bash
# Times loading a synthetic scenario, whole process, release build: load +
# validate + analyse against a bare `ron` parse of the same text, at several sizes.
# Each mode of `examples/load_pipeline` runs RUNS times; the figure kept is the
# median. The generation of the text is the same in every mode and is subtracted
# by timing `none` (generation alone). CPU time (user + system) is reported beside
# wall-clock time: on a shared machine it is the steadier of the two.
# Usage: scripts/bench-load-pipeline.sh [NODES...]   (default: 1000 10000 100000)
#   RUNS=n (default 9); LOAD_PIPELINE=path to use an already built binary.
# Instruction counts, which repeat exactly, come from scripts/bench-load-instructions.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${RUNS:-9}
if [ -z "${LOAD_PIPELINE:-}" ]; then
    cargo build --release --quiet --no-default-features --example load_pipeline
    target=${CARGO_TARGET_DIR:-target}
    LOAD_PIPELINE=$target/release/examples/load_pipeline
fi
out=$(mktemp)
trap 'rm -f "$out"' EXIT

# Median of RUNS numbers read one per line.
median() {
    sort -n | awk -v r="$runs" 'NR == int((r + 1) / 2)'
}

# Median wall and CPU (user + system) milliseconds of RUNS runs of one mode.
measure() {
    local TIMEFORMAT='%3R %3U %3S'
    : >"$out"
    for _ in $(seq "$runs"); do
        { time "$LOAD_PIPELINE" "$1" "$2" >/dev/null; } 2>>"$out"
    done
    echo "$(awk '{ print $1 * 1000 }' "$out" | median) $(awk '{ print ($2 + $3) * 1000 }' "$out" | median)"
}

printf '%8s | %10s %10s %6s %9s | %10s %10s %6s %9s\n' nodes \
    wall_bare wall_full ratio 'us/node' cpu_bare cpu_full ratio 'us/node'
for nodes in ${@:-1000 10000 100000}; do
    read -r gen_wall gen_cpu < <(measure none "$nodes")
    read -r bare_wall bare_cpu < <(measure bare "$nodes")
    read -r full_wall full_cpu < <(measure full "$nodes")
    awk -v n="$nodes" -v gw="$gen_wall" -v bw="$bare_wall" -v fw="$full_wall" \
        -v gc="$gen_cpu" -v bc="$bare_cpu" -v fc="$full_cpu" 'BEGIN {
        bw -= gw; fw -= gw; bc -= gc; fc -= gc
        printf "%8d | %8.0fms %8.0fms %6.2f %9.2f | %8.0fms %8.0fms %6.2f %9.2f\n",
            n, bw, fw, fw / bw, fw * 1000 / n, bc, fc, fc / bc, fc * 1000 / n
    }'
done
