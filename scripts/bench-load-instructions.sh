#!/usr/bin/env bash
# Counts the instructions of loading a synthetic scenario, bare `ron` parse against
# load + validate + analyse, at several sizes. Instruction counts (callgrind) are
# repeatable on a shared machine where wall-clock times are not; the generation of
# the text is the same in both runs and is subtracted by counting it alone.
# Usage: scripts/bench-load-instructions.sh [NODES...]   (default: 1000 10000 100000)
set -euo pipefail
cd "$(dirname "$0")/.."
command -v valgrind >/dev/null || { echo "needs valgrind (apt-get install valgrind)"; exit 1; }
cargo build --release --quiet --no-default-features --example load_pipeline
binary=${CARGO_TARGET_DIR:-target}/release/examples/load_pipeline
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

# Instructions of the whole run of one mode.
count() {
    valgrind --tool=callgrind --callgrind-out-file="$out/cg" "$binary" "$1" "$2" 2>"$out/log" >/dev/null
    grep -o 'refs: *[0-9,]*' "$out/log" | tr -dc '0-9'
}

printf '%8s %16s %16s %8s\n' nodes bare_parse full_pipeline ratio
for nodes in "${@:-1000 10000 100000}"; do
    for n in $nodes; do
        generate=$(count none "$n")
        bare=$(count bare "$n")
        full=$(count full "$n")
        base=$generate
        awk -v n="$n" -v b="$bare" -v f="$full" -v g="$base" \
            'BEGIN { printf "%8d %16.0f %16.0f %8.2f\n", n, b - g, f - g, (f - g) / (b - g) }'
    done
done
