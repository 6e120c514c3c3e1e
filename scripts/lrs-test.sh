#!/usr/bin/env bash
# The xAPI round trip against a real learning record store, as .ci/run runs it:
# Ralph installed (or taken from its cache), started afresh on loopback, the
# test run against it, and Ralph stopped. Extra arguments go to the test.
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=scripts/lrs.sh
source scripts/lrs.sh
lrs_install
lrs_start
cargo test --no-default-features --test integration lrs "$@"
