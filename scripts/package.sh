#!/usr/bin/env bash
# Packages Doorway for people without a Rust toolchain: builds the release binary
# once, then makes from it
#   dist/doorway_VERSION-1_amd64.deb              (cargo-deb, metadata in Cargo.toml)
#   dist/doorway-VERSION-x86_64-linux.tar.gz      (a portable archive, run in place)
# Run it from anywhere; $CARGO_TARGET_DIR is used when set, $DOORWAY_DIST moves the
# output folder. It installs cargo-deb into ~/.cargo/bin when it is missing.
# docs/install.md says what is in each, and scripts/test-package.sh tries them.
set -euo pipefail
cd "$(dirname "$0")/.."

# The cargo-deb this script is written against; `cargo install` builds it once.
CARGO_DEB_VERSION=3.8.0

target_dir="${CARGO_TARGET_DIR:-$PWD/target}"
dist="${DOORWAY_DIST:-$PWD/dist}"
version="$(sed -n 's/^version = "\(.*\)"$/\1/p' Cargo.toml | head -n 1)"
archive_name="doorway-$version-$(uname -m)-linux"

if ! command -v cargo-deb >/dev/null 2>&1; then
    echo "== installing cargo-deb $CARGO_DEB_VERSION"
    cargo install cargo-deb --locked --version "$CARGO_DEB_VERSION"
fi

echo "== release build"
start=$SECONDS
cargo build --release --locked
echo "built in $((SECONDS - start)) s"
binary="$target_dir/release/doorway"

mkdir -p "$dist"

echo "== Debian package"
# --no-build: the binary above; cargo-deb strips its copy and computes $auto.
deb="$(cargo deb --no-build --locked --output "$dist" | tail -n 1)"
echo "$deb"

echo "== portable archive"
staging="$(mktemp -d)"
trap 'rm -rf "$staging"' EXIT
root="$staging/$archive_name"
mkdir -p "$root/licenses" "$root/docs"
strip -o "$root/doorway" "$binary"
cp packaging/doorway.desktop packaging/INSTALL.txt README.md "$root/"
cp -r packaging/man "$root/man"
cp packaging/icons/doorway.svg "$root/doorway.svg"
cp packaging/icons/doorway-256.png "$root/doorway.png"
cp docs/*.md "$root/docs/"
cp -r docs/examples "$root/docs/examples"
cp packaging/copyright "$root/licenses/COPYRIGHT"
cp assets/fonts/OFL.txt "$root/licenses/Inter-OFL.txt"
cp packaging/licenses/* "$root/licenses/"
# Names sorted, no owners, the commit's date: the archive changes only when its
# files do.
mtime="$(git log -1 --format=%ct 2>/dev/null || date +%s)"
archive="$dist/$archive_name.tar.gz"
tar --sort=name --owner=0 --group=0 --numeric-owner --mtime="@$mtime" \
    -C "$staging" -czf "$archive" "$archive_name"
echo "$archive"

echo "== sizes"
du -h "$deb" "$archive"
