#!/usr/bin/env bash
# The whole test suite: formatting, unit tests, the storage contracts on the embedded store and on
# DynamoDB Local, HTTP, Lambda-event and Lambda Runtime API tests of the real binary, the admin
# authorization matrix, the deployment checks (cfn-lint, template/table agreement, arm64 package),
# and Playwright + axe in Chromium against the real stack. Installs what it needs from the
# package registries.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$ROOT"

# Each stage's duration, printed as the next begins and summed up at the end (CI budget: 45 min).
STAGES=()
stage_started=$SECONDS
stage_name=""
stage() {
  if [ -n "$stage_name" ]; then STAGES+=("$((SECONDS - stage_started)) s  $stage_name"); fi
  stage_name="$*"
  stage_started=$SECONDS
  step "$*"
}

ensure_java
ensure_chromium
ensure_node_modules
ensure_wasm_toolchain

stage "Formatting"
cargo fmt --all --check

stage "Rust tests (shared, api: contract on embedded + DynamoDB Local, HTTP, Lambda events)"
cargo test --no-fail-fast -p forebyg-shared -p forebyg-api

stage "App logic tests"
cargo test -p forebyg-app

stage "Infrastructure checks (cfn-lint, SAM transform offline, CloudFront function)"
"$ROOT/infra/check.sh"

stage "Lambda package for arm64 (cross-compiled, zipped, ELF checked)"
"$ROOT/infra/package.sh"

# The server the fuzzer and the browser tests run is the `forebyg` binary the Rust tests built
# (target/debug/forebyg, the binary their HTTP tests start): not built a second time.
# A local build: the e2e tests sign in through the development sign-in page.
stage "Building the app (wasm, with the development sign-in page)"
FOREBYG_DEV_LOGIN=1 "$ROOT/scripts/build-app.sh"

stage "API contract fuzzing (schemathesis: every check, both stores)"
"$ROOT/scripts/schemathesis.sh"

stage "End-to-end tests (Playwright + axe, headless Chromium)"
FOREBYG_BIN="$CARGO_TARGET_DIR/debug/forebyg" npx playwright test -c e2e

stage "done"
printf '%s\n' "${STAGES[@]}"
step "All tests passed in $SECONDS s"
