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

# The arm64 Lambda package (a release build of its own: ~8 minutes cold on 2 cores) is built
# alongside the next stages, whose one-core parts (links, wasm-opt, the Python checks, the fuzzer)
# leave a core idle, and waited for before the browser tests, which time what a person waits for.
# Its own target directory: cargo locks a build directory per profile, and the wasm tools'
# release build would wait for it. Its output is printed when it is done.
stage "Lambda package for arm64 (cross-compiled, zipped, ELF checked): started alongside"
kill_tree() { local child; for child in $(pgrep -P "$1"); do kill_tree "$child"; done; kill "$1" 2>/dev/null || true; }
lambda_log="$(mktemp)"
lambda_started=$SECONDS
CARGO_TARGET_DIR="$CACHE/target-lambda" "$ROOT/infra/package.sh" >"$lambda_log" 2>&1 &
lambda_pid=$!
# A failed stage ends the script: the build must not run on after it.
trap 'kill_tree "$lambda_pid"' EXIT

stage "App logic tests"
cargo test -p forebyg-app

stage "Infrastructure checks (cfn-lint, SAM transform offline, CloudFront function)"
"$ROOT/infra/check.sh"

# The server the fuzzer and the browser tests run is the `forebyg` binary the Rust tests built
# (target/debug/forebyg, the binary their HTTP tests start): not built a second time.
# A local build: the e2e tests sign in through the development sign-in page.
stage "Building the app (wasm, with the development sign-in page)"
FOREBYG_DEV_LOGIN=1 "$ROOT/scripts/build-app.sh"

stage "API contract fuzzing (schemathesis: every check, both stores)"
"$ROOT/scripts/schemathesis.sh"

stage "Lambda package for arm64: waiting for it"
lambda_ok=0
wait "$lambda_pid" || lambda_ok=$?
cat "$lambda_log"
(( lambda_ok == 0 )) || { echo "error: infra/package.sh failed (exit $lambda_ok)" >&2; exit 1; }
STAGES+=("$((SECONDS - lambda_started)) s  (Lambda package, built alongside the stages from the app logic tests on)")

stage "End-to-end tests (Playwright + axe, headless Chromium)"
FOREBYG_BIN="$CARGO_TARGET_DIR/debug/forebyg" npx playwright test -c e2e

stage "done"
printf '%s\n' "${STAGES[@]}"
step "All tests passed in $SECONDS s"
