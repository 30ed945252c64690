# Shared set-up for the run and test scripts: every tool comes from a package registry and is
# cached outside the checkout, so a second run (and CI on the same machine) starts warm.
# shellcheck shell=bash

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CACHE="${XDG_CACHE_HOME:-$HOME/.cache}/forebyg"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$CACHE/target}"
TOOLS="$CACHE/tools"
export PATH="$TOOLS/bin:$HOME/.cargo/bin:$PATH"
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
WASM_BINDGEN_VERSION=0.2.130

step() { printf '\n\033[1m==> %s\033[0m\n' "$*"; }

# Runs a system package install as root (directly, or through sudo).
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

apt_install() {
  step "Installing $* (apt)"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

ensure_wasm_toolchain() {
  rustup target list --installed | grep -qx wasm32-unknown-unknown || { step "Adding the wasm32 target"; rustup target add wasm32-unknown-unknown; }
  if ! wasm-bindgen --version 2>/dev/null | grep -q " $WASM_BINDGEN_VERSION"; then
    step "Installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (crates.io, once)"
    cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --root "$TOOLS"
  fi
}

# node_modules holds binaryen (wasm-opt), Playwright, axe and DynamoDB Local.
ensure_node_modules() {
  command -v npm >/dev/null || apt_install nodejs npm
  if [ ! -f "$ROOT/node_modules/.package-lock.json" ] || [ "$ROOT/package-lock.json" -nt "$ROOT/node_modules/.package-lock.json" ]; then
    step "Installing npm packages"
    (cd "$ROOT" && npm ci --no-audit --no-fund --loglevel=error)
  fi
}

ensure_java() { command -v java >/dev/null || apt_install default-jre-headless; }

ensure_chromium() { [ -x /usr/bin/chromium ] || apt_install chromium; }

# schemathesis (PyPI, pinned) in its own venv: the property-based API fuzzer of scripts/schemathesis.sh.
SCHEMATHESIS_VERSION=4.32.5
ensure_schemathesis() {
  local venv="$TOOLS/venv-schemathesis"
  if ! "$venv/bin/schemathesis" --version 2>/dev/null | grep -q "$SCHEMATHESIS_VERSION"; then
    step "Installing schemathesis $SCHEMATHESIS_VERSION (PyPI) into $venv"
    python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet --disable-pip-version-check "schemathesis==$SCHEMATHESIS_VERSION"
  fi
  export PATH="$venv/bin:$PATH"
}
