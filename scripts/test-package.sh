#!/usr/bin/env bash
# Tries what scripts/package.sh made, as someone without a toolchain would: installs
# the .deb with apt-get, runs the installed doorway from outside the checkout,
# removes it again; then unpacks the portable archive in a temporary folder and
# runs it from there. Each run draws the library into a PNG under xvfb-run and
# checks it is a real 1280x800 picture, prints the version, and writes and
# validates a new scenario (and, installed, the example course in the docs).
# Needs root (apt-get), xvfb-run and ImageMagick's identify. Exits non-zero at the
# first failure.
set -euo pipefail
cd "$(dirname "$0")/.."

dist="${DOORWAY_DIST:-$PWD/dist}"
version="$(sed -n 's/^version = "\(.*\)"$/\1/p' Cargo.toml | head -n 1)"
archive="$dist/doorway-$version-$(uname -m)-linux.tar.gz"
deb="$(find "$dist" -maxdepth 1 -name "doorway_${version}-*.deb" | sort | tail -n 1)"

fail() {
    echo "FAIL: $*" >&2
    exit 1
}

[ "$(id -u)" -eq 0 ] || fail "installing the .deb needs root (run it with sudo)"
[ -n "$deb" ] || fail "no doorway_${version}-*.deb in $dist: run scripts/package.sh first"
[ -f "$archive" ] || fail "no $archive: run scripts/package.sh first"
command -v xvfb-run >/dev/null || fail "xvfb-run is missing (apt-get install xvfb)"
command -v identify >/dev/null || fail "identify is missing (apt-get install imagemagick)"

# Whether dpkg has doorway installed.
installed() {
    [ "$(dpkg-query -W -f='${Status}' doorway 2>/dev/null || true)" = "install ok installed" ]
}

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# Runs doorway ($1) from the temporary folder, as a new user ($2 names the run):
# an empty home, none of Doorway's variables, not in the checkout.
try_doorway() {
    local doorway="$1" run="$2"
    local home="$work/home-$run"
    mkdir -p "$home"
    as_new_user() {
        (cd "$work" && env -u DOORWAY_DATA_DIR -u XDG_DATA_HOME -u CARGO_MANIFEST_DIR \
            -u BEVY_ASSET_ROOT HOME="$home" "$@")
    }

    local said
    said="$(as_new_user "$doorway" --version)"
    [ "$said" = "doorway $version" ] || fail "$run: --version says '$said'"

    as_new_user "$doorway" new trial --dir "$work/scenarios-$run" >/dev/null ||
        fail "$run: doorway new failed"
    as_new_user "$doorway" validate "$work/scenarios-$run/trial.scenario.ron" >/dev/null ||
        fail "$run: the new scenario does not validate"

    local shot="$work/library-$run.png" start
    start="$(date +%s%N)"
    as_new_user xvfb-run -a -s "-screen 0 1280x800x24" "$doorway" --screenshot "$shot" \
        >"$work/app-$run.log" 2>&1 || { cat "$work/app-$run.log"; fail "$run: --screenshot failed"; }
    local milliseconds=$((($(date +%s%N) - start) / 1000000))
    [ -s "$shot" ] || fail "$run: no screenshot was written"
    local width height colours
    read -r width height colours < <(identify -format '%w %h %k\n' "$shot")
    if [ "$width" != 1280 ] || [ "$height" != 800 ]; then
        fail "$run: the screenshot is ${width}x$height"
    fi
    [ "$colours" -gt 20 ] || fail "$run: the screenshot is blank ($colours colours)"
    [ -d "$home/.local/share/doorway" ] || fail "$run: no data folder in ~/.local/share/doorway"
    echo "$run: --version, new and validate work; screenshot ${width}x$height," \
        "$colours colours, in $milliseconds ms; data in ~/.local/share/doorway"
    cp "$shot" "$dist/library-$run.png"
}

echo "== the Debian package: $(basename "$deb") ($(du -h "$deb" | cut -f1))"
if installed; then
    fail "doorway is installed already; remove it first (apt-get remove doorway)"
fi
start=$SECONDS
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$deb" >"$work/apt.log" 2>&1 ||
    { cat "$work/apt.log"; fail "apt-get install failed"; }
echo "installed in $((SECONDS - start)) s"
dpkg -L doorway >"$work/listed"
for file in /usr/bin/doorway /usr/share/applications/doorway.desktop \
    /usr/share/icons/hicolor/256x256/apps/doorway.png \
    /usr/share/icons/hicolor/scalable/apps/doorway.svg \
    /usr/share/man/man1/doorway.1.gz /usr/share/man/man1/doorway-validate.1.gz \
    /usr/share/doc/doorway/copyright /usr/share/doc/doorway/README.md \
    /usr/share/doc/doorway/docs/scenario-format.md \
    /usr/share/doc/doorway/docs/examples/course.ron \
    /usr/share/doc/doorway/licenses/Inter-OFL.txt; do
    grep -qx "$file" "$work/listed" || fail "the package does not list $file"
    [ -f "$file" ] || fail "$file was not installed"
done
[ "$(command -v doorway)" = /usr/bin/doorway ] || fail "doorway is not on the PATH"
if command -v desktop-file-validate >/dev/null; then
    desktop-file-validate /usr/share/applications/doorway.desktop ||
        fail "the desktop entry is not valid"
fi
echo "dpkg -L lists $(wc -l <"$work/listed") paths; installed size" \
    "$(dpkg-query -W -f='${Installed-Size}' doorway) KiB"
try_doorway doorway deb
(cd "$work" && doorway validate /usr/share/doc/doorway/docs/examples/course.ron >/dev/null) ||
    fail "the example course shipped in the docs does not validate"
DEBIAN_FRONTEND=noninteractive apt-get remove -y -qq doorway >"$work/apt.log" 2>&1 ||
    { cat "$work/apt.log"; fail "apt-get remove failed"; }
[ ! -e /usr/bin/doorway ] || fail "/usr/bin/doorway is still there after removing"
[ ! -e /usr/share/applications/doorway.desktop ] || fail "the desktop entry is still there"
if installed; then
    fail "dpkg still knows doorway as installed"
fi
echo "removed: no binary, no desktop entry"

echo "== the portable archive: $(basename "$archive") ($(du -h "$archive" | cut -f1))"
mkdir "$work/unpacked"
tar -xzf "$archive" -C "$work/unpacked"
folder="$work/unpacked/doorway-$version-$(uname -m)-linux"
for file in doorway doorway.desktop doorway.png man/doorway.1 INSTALL.txt README.md \
    licenses/COPYRIGHT licenses/Inter-OFL.txt; do
    [ -f "$folder/$file" ] || fail "the archive has no $file"
done
[ -x "$folder/doorway" ] || fail "the archive's doorway is not executable"
try_doorway "$folder/doorway" archive

echo "== all passed (screenshots: $dist/library-deb.png, $dist/library-archive.png)"
