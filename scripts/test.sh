#!/usr/bin/env bash
# The whole test suite: formatting, unit tests, the storage contracts on the embedded store and on
# DynamoDB Local, HTTP, Lambda-event and Lambda Runtime API tests of the real binary, the admin
# authorization matrix, the deployment checks (cfn-lint, template/table agreement, arm64 package),
# and Playwright + axe in Chromium against the real stack. Installs what it needs from the
# package registries.
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

step "Infrastructure checks (cfn-lint, SAM transform offline, CloudFront function)"
"$ROOT/infra/check.sh"

step "Lambda package for arm64 (cross-compiled, zipped, ELF checked)"
"$ROOT/infra/package.sh"

step "Building the app (wasm) and the server"
"$ROOT/scripts/build-app.sh"
cargo build -p forebyg-api --bin forebyg

step "End-to-end tests (Playwright + axe, headless Chromium)"
FOREBYG_BIN="$CARGO_TARGET_DIR/debug/forebyg" npx playwright test -c e2e

step "All tests passed"
