#!/usr/bin/env bash
# Prints, for each scenario and for the library as a whole, what could give the
# best answer away: the share of moments where an answer that shows the skill
# well is the longest option, the share with two good answers or more, options
# per moment, and mean words per level (read from `doorway stats --format json`).
# Usage: scripts/cue-figures.sh [SCENARIO FILES...]
#   (default: scenarios/*.scenario.ron; DOORWAY_BINARY=path uses another build)
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/common.sh
binary=$(doorway_binary)
if [ "$#" -eq 0 ]; then
    set -- scenarios/*.scenario.ron
fi
python3 - "$binary" "$@" <<'PY'
import json, os, subprocess, sys

binary, files = sys.argv[1], sys.argv[2:]

def share(part, whole):
    return f"{part}/{whole} ({100 * part / whole:.0f} %)" if whole else "-"

print(f"{'scenario':<32} {'top is longest':<16} {'two good or more':<18} {'options':<8} mean words: skilled / good enough / costly / no level")
longest_all = length_all = two_good_all = moments_all = 0
for path in files:
    stats = json.loads(subprocess.run([binary, "stats", "--format", "json", path],
                                      check=True, capture_output=True, text=True).stdout)
    cues = stats["cues"]
    longest, length = len(cues["top_is_longest"]), cues["length_moments"]
    longest_all += longest
    length_all += length
    two_good_all += cues["two_good"]
    moments_all += cues["moments"]
    words = [cues["mean_words"].get(level) for level in ("Skilled", "GoodEnough", "Costly")]
    words.append(cues["unrated_mean_words"])
    words = " / ".join("-" if w is None else f"{w:.1f}" for w in words)
    name = os.path.basename(path).removesuffix(".scenario.ron")
    print(f"{name:<32} {share(longest, length):<16} {share(cues['two_good'], cues['moments']):<18} {cues['options_per_moment']:<8.1f} {words}")
print(f"{'library':<32} {share(longest_all, length_all):<16} {share(two_good_all, moments_all):<18}")
PY
