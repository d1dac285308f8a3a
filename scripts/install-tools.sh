#!/usr/bin/env bash
# Installs what building (and, with "test", testing) Ascend needs, skipping
# whatever is already there at the right version. Every tool comes from
# crates.io, npm or Debian: nothing is downloaded from anywhere else.
#   scripts/install-tools.sh build   # trunk, wasm-bindgen, wasm-opt
#   scripts/install-tools.sh test    # the above, plus Chromium and its driver
set -euo pipefail
cd "$(dirname "$0")/.."

mode=${1:-build}
TRUNK_VERSION=0.21.14
WASM_OPT_VERSION=132

say() { printf '==> %s\n' "$*"; }
fail() { printf 'error: %s\n' "$*" >&2; exit 1; }

command -v cargo >/dev/null || fail "cargo is missing: install Rust with rustup first."
command -v node >/dev/null || fail "node is missing: install Node.js 20 or newer (Debian: apt-get install nodejs npm)."

# The wasm target, for the toolchain rust-toolchain.toml pins.
if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "Adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

# trunk, at the version that builds with this toolchain.
if [ "$(trunk --version 2>/dev/null)" != "trunk $TRUNK_VERSION" ]; then
  say "Installing trunk $TRUNK_VERSION from crates.io (takes about 8 minutes, once)"
  cargo install trunk --locked --version "$TRUNK_VERSION"
fi

# wasm-bindgen's CLI must equal the library version in Cargo.lock, and
# Trunk.toml must name the same version.
wbg=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
[ -n "$wbg" ] || fail "could not read the wasm-bindgen version from Cargo.lock"
grep -q "^wasm_bindgen = \"$wbg\"" Trunk.toml ||
  fail "Trunk.toml pins another wasm_bindgen than Cargo.lock's $wbg: make them equal."
if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $wbg" ]; then
  say "Installing wasm-bindgen-cli $wbg from crates.io (a few minutes, once)"
  cargo install wasm-bindgen-cli --version "$wbg"
fi

# wasm-opt from npm's binaryen (Debian's is too old and breaks the output),
# and the test tools pinned by package-lock.json.
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  say "Installing npm packages from package-lock.json (wasm-opt, Playwright, axe-core)"
  npm ci --no-audit --no-fund
fi
node_modules/.bin/wasm-opt --version | grep -q "version $WASM_OPT_VERSION" ||
  fail "node_modules/.bin/wasm-opt is not version $WASM_OPT_VERSION: run 'npm ci'."

# trunk runs offline; cargo needs the crates before it starts.
say "Fetching crates"
cargo fetch --locked

if [ "$mode" = test ]; then
  if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
    say "Installing Debian's chromium and chromium-driver"
    command -v apt-get >/dev/null || fail "install chromium and chromedriver with your package manager"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq chromium chromium-driver >/dev/null
  fi
fi
say "Tools ready"
