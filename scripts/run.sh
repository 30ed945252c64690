#!/usr/bin/env bash
# Builds everything and runs Forebyg locally on the embedded store with demo data, as the release
# build: the first impression is the real speed (the first release build takes ~10 CPU-minutes;
# RUN_PROFILE=debug starts the debug build instead, e.g. while changing the server).
# PORT (default 8080), FOREBYG_DATA_DIR (default .data) and FOREBYG_DEMO_OFFERS (default 3000)
# may be set; delete the data dir to start over.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$ROOT"

ensure_node_modules
ensure_wasm_toolchain

step "Building the app (wasm, with the development sign-in page)"
FOREBYG_DEV_LOGIN="${FOREBYG_DEV_LOGIN:-1}" "$ROOT/scripts/build-app.sh"

PROFILE="${RUN_PROFILE:-release}"
case "$PROFILE" in
  release) step "Building the server (release)"; cargo build --release -p forebyg-api --bin forebyg ;;
  debug) step "Building the server (debug: slower searches than users will see)"; cargo build -p forebyg-api --bin forebyg ;;
  *) echo "RUN_PROFILE must be release or debug, not $PROFILE" >&2; exit 2 ;;
esac

export PORT="${PORT:-8080}" FOREBYG_STORE=embedded FOREBYG_DIST_DIR="$ROOT/dist"
export FOREBYG_DATA_DIR="${FOREBYG_DATA_DIR:-$ROOT/.data}" FOREBYG_DEMO_OFFERS="${FOREBYG_DEMO_OFFERS:-3000}"
# Local admin sign-in through the development issuer (http://127.0.0.1:$PORT/admin).
export FOREBYG_AUTH="${FOREBYG_AUTH:-dev}"
step "Starting Forebyg at http://127.0.0.1:$PORT (Ctrl+C stops it)"
exec "$CARGO_TARGET_DIR/$PROFILE/forebyg" serve
