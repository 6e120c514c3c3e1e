# Shared by the measurement scripts: which binary to measure, and a process's
# CPU time. Source it from the repository's root.

# The binary: $DOORWAY_BINARY, or a release build made now.
doorway_binary() {
    if [ -z "${DOORWAY_BINARY:-}" ]; then
        cargo build --release --quiet
    fi
    echo "${DOORWAY_BINARY:-$PWD/target/release/doorway}"
}

# CPU seconds (user + system) process $1 has used so far.
cpu_seconds() {
    awk -v t="$(getconf CLK_TCK)" '{ print ($14 + $15) / t }' "/proc/$1/stat"
}
