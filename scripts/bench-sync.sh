#!/usr/bin/env bash
# Times `doorway sync` draining a queue of N attempts (default 1,000) into a
# real learning record store (Ralph on loopback, scripts/lrs.sh), release build,
# against the store's own time for the same POSTs:
#   (a) the store alone: each queued attempt's statements posted by Python,
#       one POST an attempt, into a fresh store (scripts/bench_lrs.py);
#   (b) `doorway sync` sending the same queue into another fresh store, with
#       wall time and peak memory (/usr/bin/time -v);
# and the ratio b / a. The queue is the test fixture's attempt (8 statements),
# copied N times with fresh ids.
# Usage: scripts/bench-sync.sh [N]
set -euo pipefail
cd "$(dirname "$0")/.."
count=${1:-1000}
target=${CARGO_TARGET_DIR:-target}
cargo build --release --quiet --no-default-features --bin doorway
doorway="$target/release/doorway"
# shellcheck source=scripts/lrs.sh
source scripts/lrs.sh
lrs_install >/dev/null
python="$LRS_VENV/bin/python"
work=$(mktemp -d "${TMPDIR:-/tmp}/doorway-bench-sync.XXXXXX")
trap 'rm -rf "$work"' EXIT

# One played attempt, queued, then copied N times: once for each store.
fixture=tests/fixtures/two-acts.scenario.ron
printf 'choose brush_off\nchoose repair\nchoose ask_more\nchoose book_after_repair\n' |
    "$doorway" play "$fixture" --script - --save --data-dir "$work/one" >/dev/null 2>&1
queue_into() {
    local data=$1 endpoint=$2
    echo "$DOORWAY_LRS_SECRET" | "$doorway" sync setup --endpoint "$endpoint" \
        --key "$DOORWAY_LRS_USER" --agree --data-dir "$data" >/dev/null
    "$doorway" sync queue latest --scenario-folder tests/fixtures --data-dir "$data" >/dev/null
    "$python" scripts/bench_lrs.py clone-queue "$data" "$count"
}

lrs_start >/dev/null
trap 'lrs_stop; rm -rf "$work"' EXIT
cp -r "$work/one" "$work/a"
queue_into "$work/a" "$DOORWAY_LRS_URL/xAPI/"
echo "(a) the store alone:"
store=$("$python" scripts/bench_lrs.py post-queue "$work/a")
echo "$store" | grep -v '^seconds='
store_seconds=$(echo "$store" | sed -n 's/^seconds=//p')
lrs_stop

lrs_start >/dev/null
cp -r "$work/one" "$work/b"
queue_into "$work/b" "$DOORWAY_LRS_URL/xAPI/"
echo "(b) doorway sync:"
/usr/bin/time -v "$doorway" sync --data-dir "$work/b" >"$work/sync.out" 2>"$work/time.txt"
tail -1 "$work/sync.out"
wall=$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$work/time.txt")
peak=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$work/time.txt")
echo "wall $wall, peak $((peak / 1024)) MB"
"$python" - "$wall" "$store_seconds" <<'PY'
import sys
parts = [float(p) for p in sys.argv[1].split(":")]
seconds = sum(p * 60 ** i for i, p in enumerate(reversed(parts)))
print(f"doorway sync {seconds:.2f} s / the store alone {float(sys.argv[2]):.2f} s = {seconds / float(sys.argv[2]):.2f}")
PY
