# A real learning record store (Ralph, with its file-system backend) on loopback,
# for the xAPI round trip in tests/integration/lrs.rs. Source it from the
# repository's root (`.ci/run` does), then:
#
#   lrs_install   # Ralph in a virtual environment, cached across runs
#   lrs_start     # a server on 127.0.0.1, exporting DOORWAY_LRS_URL, _USER,
#                 # _SECRET and DOORWAY_REQUIRE_LRS=1
#   lrs_stop      # stops it by its process id and removes its folder
#
# `lrs_start` sets a trap that calls `lrs_stop` on exit. The secret is made
# afresh for each start and is never printed. Needs python3 (with venv) and curl.

# Where the virtual environment is kept between runs.
LRS_VENV="${LRS_VENV:-$HOME/.cache/doorway/lrs-venv}"
# What is installed into it; a change here installs afresh.
LRS_REQUIREMENTS=("ralph-malph[cli,lrs]==5.1.0" "requests")
LRS_USER="doorway"

# Creates the virtual environment and installs Ralph, unless the cached one
# already has exactly these requirements.
lrs_install() {
    local marker="$LRS_VENV/.doorway-requirements"
    local wanted="${LRS_REQUIREMENTS[*]}"
    if [ "$(cat "$marker" 2>/dev/null)" = "$wanted" ] &&
        "$LRS_VENV/bin/python" -c 'import ralph' >/dev/null 2>&1; then
        echo "Ralph is cached in $LRS_VENV"
        return 0
    fi
    echo "installing Ralph into $LRS_VENV"
    rm -rf "$LRS_VENV"
    mkdir -p "$(dirname "$LRS_VENV")"
    python3 -m venv "$LRS_VENV"
    "$LRS_VENV/bin/pip" install -q "${LRS_REQUIREMENTS[@]}"
    echo "$wanted" >"$marker"
}

# A TCP port on 127.0.0.1 that nothing listens on now.
lrs_free_port() {
    "$LRS_VENV/bin/python" -c 'import socket
s = socket.socket()
s.bind(("127.0.0.1", 0))
print(s.getsockname()[1])'
}

# Starts Ralph on loopback with a fresh folder and secret, waits for its
# heartbeat, and exports where and how to reach it.
lrs_start() {
    LRS_DIR="$(mktemp -d "${TMPDIR:-/tmp}/doorway-lrs.XXXXXX")"
    trap lrs_stop EXIT
    local port secret
    port="$(lrs_free_port)"
    secret="$("$LRS_VENV/bin/python" -c 'import secrets; print(secrets.token_urlsafe(24))')"
    mkdir -p "$LRS_DIR/app" "$LRS_DIR/data"
    # Where Ralph keeps its users, and its file-system backend (without which
    # `ralph auth` looks for Elasticsearch) with its folder.
    local ralph_env=(
        env
        "RALPH_APP_DIR=$LRS_DIR/app"
        "RALPH_RUNSERVER_BACKEND=fs"
        "RALPH_BACKENDS__LRS__FS__DEFAULT_DIRECTORY_PATH=$LRS_DIR/data"
    )
    if ! "${ralph_env[@]}" "$LRS_VENV/bin/ralph" auth -u "$LRS_USER" -p "$secret" -s all \
        -M mailto:doorway@example.org -w >"$LRS_DIR/auth.log" 2>&1; then
        echo "Ralph could not add its user; its log:" >&2
        cat "$LRS_DIR/auth.log" >&2
        return 1
    fi
    # Uvicorn serves Ralph's app as one process (`ralph runserver` would add a
    # reloader watching the working folder, and its workers), with the
    # file-system backend appending (scripts/ralph_append.py says why).
    local scripts
    scripts="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
    (cd "$LRS_DIR" && exec "${ralph_env[@]}" "$LRS_VENV/bin/uvicorn" --app-dir "$scripts" ralph_append:app \
        --host 127.0.0.1 --port "$port" >"$LRS_DIR/server.log" 2>&1) &
    LRS_PID=$!
    local url="http://127.0.0.1:$port"
    local waited=0
    until curl -fsS -o /dev/null "$url/__heartbeat__" 2>/dev/null; do
        if ! kill -0 "$LRS_PID" 2>/dev/null; then
            echo "Ralph stopped before it answered; its log:" >&2
            cat "$LRS_DIR/server.log" >&2
            return 1
        fi
        if [ "$waited" -ge 600 ]; then
            echo "Ralph did not answer on $url in 60 s; its log:" >&2
            cat "$LRS_DIR/server.log" >&2
            return 1
        fi
        sleep 0.1
        waited=$((waited + 1))
    done
    echo "Ralph answers on $url (process $LRS_PID, after $((waited / 10)).$((waited % 10)) s)"
    export DOORWAY_LRS_URL="$url"
    export DOORWAY_LRS_USER="$LRS_USER"
    export DOORWAY_LRS_SECRET="$secret"
    export DOORWAY_REQUIRE_LRS=1
}

# Stops the server started by `lrs_start` by its process id, removes its
# folder, and unsets what `lrs_start` exported.
lrs_stop() {
    if [ -n "${LRS_PID:-}" ] && kill -0 "$LRS_PID" 2>/dev/null; then
        kill -TERM "$LRS_PID" 2>/dev/null || true
        wait "$LRS_PID" 2>/dev/null || true
    fi
    LRS_PID=""
    if [ -n "${LRS_DIR:-}" ]; then
        rm -rf "$LRS_DIR"
        LRS_DIR=""
    fi
    unset DOORWAY_LRS_URL DOORWAY_LRS_USER DOORWAY_LRS_SECRET DOORWAY_REQUIRE_LRS
}
