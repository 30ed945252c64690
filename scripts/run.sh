#!/usr/bin/env bash
# Builds everything and runs Forebyg locally on the embedded store with demo data.
# PORT (default 8080), FOREBYG_DATA_DIR (default .data) and FOREBYG_DEMO_OFFERS (default 3000)
# may be set; delete the data dir to start over.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$ROOT"

ensure_node_modules
ensure_wasm_toolchain

step "Building the app (wasm)"
"$ROOT/scripts/build-app.sh"

step "Building the server"
cargo build -p forebyg-api --bin forebyg

export PORT="${PORT:-8080}" FOREBYG_STORE=embedded FOREBYG_DIST_DIR="$ROOT/dist"
export FOREBYG_DATA_DIR="${FOREBYG_DATA_DIR:-$ROOT/.data}" FOREBYG_DEMO_OFFERS="${FOREBYG_DEMO_OFFERS:-3000}"
# Local admin sign-in through the development issuer (http://127.0.0.1:$PORT/admin).
export FOREBYG_AUTH="${FOREBYG_AUTH:-dev}"
step "Starting Forebyg at http://127.0.0.1:$PORT (Ctrl+C stops it)"
exec "$CARGO_TARGET_DIR/debug/forebyg" serve
