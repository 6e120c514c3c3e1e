#!/usr/bin/env bash
# Times `doorway cohort --lrs` against a real learning record store (Ralph, on
# loopback, scripts/lrs.sh) holding a generated class: 300 learners x the 7
# shipped scenarios x 3 attempts (about 83,000 statements), release build.
# Loading the store is timed but not part of the measure. Then:
#   (a) the store's own paging time: every page read with the same page size,
#       following the `more` links, bodies thrown away (scripts/bench_lrs.py);
#   (b) `doorway cohort --lrs`, with wall time and peak memory (/usr/bin/time -v);
# and the ratio b / a (the target: no more than 1.2).
# Usage: scripts/bench-cohort-lrs.sh [LEARNERS] [ATTEMPTS]   (default: 300 3)
#   BATCH=N  statements a POST while loading (default 5000)
# Pages are of 500 statements, what `doorway cohort --lrs` asks for
# (src/core/cohort/lrs.rs, PAGE_STATEMENTS); Ralph's own cap is raised to it.
set -euo pipefail
cd "$(dirname "$0")/.."
learners=${1:-300}
attempts=${2:-3}
page=500
batch=${BATCH:-5000}
target=${CARGO_TARGET_DIR:-target}
cargo build --release --quiet --no-default-features --bin doorway --example generate_cohort
# shellcheck source=scripts/lrs.sh
source scripts/lrs.sh
lrs_install >/dev/null
class=$(mktemp -d "${TMPDIR:-/tmp}/doorway-bench-class.XXXXXX")
trap 'rm -rf "$class"' EXIT
"$target/release/examples/generate_cohort" "$class" "$learners" "$attempts"
echo "statements: $(cat "$class"/*/*.json | grep -c '"verb"')"
# Ralph caps a page at 100 statements unless told otherwise.
export RALPH_RUNSERVER_MAX_SEARCH_HITS_COUNT="$page"
lrs_start
trap 'lrs_stop; rm -rf "$class"' EXIT
python="$LRS_VENV/bin/python"
"$python" scripts/bench_lrs.py load "$class" "$batch"

echo "(a) the store's own paging, $page a page:"
store=$("$python" scripts/bench_lrs.py page "$page")
echo "$store" | grep -v '^seconds='
store_seconds=$(echo "$store" | sed -n 's/^seconds=//p')

echo "(b) doorway cohort --lrs:"
out=$(mktemp)
# The secret comes from DOORWAY_LRS_SECRET, exported by lrs_start.
/usr/bin/time -v "$target/release/doorway" cohort --lrs "$DOORWAY_LRS_URL/xAPI/" \
    --key "$DOORWAY_LRS_USER" --format json >"$out.json" 2>"$out"
grep -E "Elapsed \(wall clock\)|Maximum resident set size|User time|System time" "$out"
wall=$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$out" |
    awk -F: '{ s = 0; for (i = 1; i <= NF; i++) s = s * 60 + $i; print s }')
echo "attempts counted: $("$python" -c 'import json, sys
print(sum(s["attempts"] for s in json.load(open(sys.argv[1]))["scenarios"]))' "$out.json")"
awk -v b="$wall" -v a="$store_seconds" \
    'BEGIN { printf "store %.2f s, doorway %.2f s, ratio %.2f (target <= 1.20)\n", a, b, b / a }'
rm -f "$out" "$out.json"
