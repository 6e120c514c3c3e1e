#!/usr/bin/env bash
# Times `doorway cohort --from` on a generated class, release build: 300
# learners x the 7 shipped scenarios x 3 attempts as xAPI files (about 100,000
# statements), wall time and peak memory from /usr/bin/time -v.
# Usage: scripts/bench-cohort.sh [LEARNERS] [ATTEMPTS]   (default: 300 3)
#   CLASS_DIR=path keeps the generated class there (default: a temporary folder).
set -euo pipefail
cd "$(dirname "$0")/.."
learners=${1:-300}
attempts=${2:-3}
target=${CARGO_TARGET_DIR:-target}
cargo build --release --quiet --no-default-features --bin doorway --example generate_cohort
class=${CLASS_DIR:-$(mktemp -d)}
[ -n "${CLASS_DIR:-}" ] || trap 'rm -rf "$class"' EXIT
if [ -z "$(ls -A "$class" 2>/dev/null)" ]; then
    "$target/release/examples/generate_cohort" "$class" "$learners" "$attempts"
fi
echo "files: $(find "$class" -name '*.json' | wc -l), $(du -sh "$class" | cut -f1)"
echo "statements: $(cat "$class"/*/*.json | grep -c '"verb"')"
out=$(mktemp)
/usr/bin/time -v "$target/release/doorway" cohort --from "$class" >/dev/null 2>"$out"
grep -E "Elapsed \(wall clock\)|Maximum resident set size|User time|System time" "$out"
rm -f "$out"
