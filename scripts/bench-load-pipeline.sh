#!/usr/bin/env bash
# Times loading a synthetic scenario, whole process, release build: load +
# validate + analyse against a bare `ron` parse of the same text, at several sizes.
# The three modes of `examples/load_pipeline` run in turn, RUNS rounds; the figure
# kept for each is the median. Generating the text is the same in every mode and
# is subtracted by timing `none` (generation alone). CPU time (user + system) is
# reported beside wall-clock time: on a shared machine it is the steadier of the
# two. Both are per process, so dropping the scenario counts in both modes.
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
trap 'rm -f "$out" "$out".*' EXIT

# Median of RUNS numbers read one per line.
median() {
    sort -n | awk -v r="$runs" 'NR == int((r + 1) / 2)'
}

# Times RUNS rounds of the three modes at NODES nodes, the modes taking turns so
# that a change in the machine's load falls on all three alike. Prints the median
# wall and CPU (user + system) milliseconds of each mode: "none_wall none_cpu
# bare_wall bare_cpu full_wall full_cpu".
measure() {
    local TIMEFORMAT='%3R %3U %3S' mode
    for mode in none bare full; do : >"$out.$mode"; done
    for _ in $(seq "$runs"); do
        for mode in none bare full; do
            { time "$LOAD_PIPELINE" "$mode" "$1" >/dev/null; } 2>>"$out.$mode"
        done
    done
    for mode in none bare full; do
        printf '%s %s ' "$(awk '{ print $1 * 1000 }' "$out.$mode" | median)" \
            "$(awk '{ print ($2 + $3) * 1000 }' "$out.$mode" | median)"
    done
    echo
}

printf '%8s | %10s %10s %6s %9s | %10s %10s %6s %9s\n' nodes \
    wall_bare wall_full ratio 'us/node' cpu_bare cpu_full ratio 'us/node'
for nodes in ${@:-1000 10000 100000}; do
    read -r gen_wall gen_cpu bare_wall bare_cpu full_wall full_cpu < <(measure "$nodes")
    awk -v n="$nodes" -v gw="$gen_wall" -v bw="$bare_wall" -v fw="$full_wall" \
        -v gc="$gen_cpu" -v bc="$bare_cpu" -v fc="$full_cpu" 'BEGIN {
        bw -= gw; fw -= gw; bc -= gc; fc -= gc
        printf "%8d | %8.0fms %8.0fms %6.2f %9.2f | %8.0fms %8.0fms %6.2f %9.2f\n",
            n, bw, fw, fw / bw, fw * 1000 / n, bc, fc, fc / bc, fc * 1000 / n
    }'
done
