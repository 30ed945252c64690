#!/usr/bin/env bash
# Load test of the release server on loopback with wrk (Debian's `wrk`), bounded in time: starts
# `forebyg serve` on a scratch data dir with demo offers, runs the scenarios, prints requests/s and
# latency p50/p99 of each, fails on any error or 5xx, and stops the server. Not part of test.sh
# (it takes ~2 minutes plus the release build); figures in docs/benchmarks.md.
#
#   scripts/load.sh                 # every scenario
#   scripts/load.sh search by-id    # some of: search, by-id, mixed
#
# LOAD_PORT (default 18090), LOAD_OFFERS (default 3000), LOAD_SECONDS (default 10, the mixed
# scenario runs 60), LOAD_THREADS (default 2) may be set. FOREBYG_BIN skips the build.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$ROOT"

ensure_wrk() { command -v wrk >/dev/null || apt_install wrk; }
ensure_wrk

PORT="${LOAD_PORT:-18090}"
SECONDS_EACH="${LOAD_SECONDS:-10}"
THREADS="${LOAD_THREADS:-2}"
BASE="http://127.0.0.1:$PORT"
SCENARIOS=("$@")
[ ${#SCENARIOS[@]} -gt 0 ] || SCENARIOS=(search by-id mixed)

if [ -z "${FOREBYG_BIN:-}" ]; then
  step "Building the server (release)"
  cargo build --release -p forebyg-api --bin forebyg
  FOREBYG_BIN="$CARGO_TARGET_DIR/release/forebyg"
fi

DATA="$(mktemp -d)"
WORK="$(mktemp -d)"
step "Starting $FOREBYG_BIN on $BASE with ${LOAD_OFFERS:-3000} demo offers"
# wrk plays the part of a reverse proxy in front of the server: the server believes the
# X-Forwarded-For it sends (each simulated citizen's own address) only from a trusted proxy.
FOREBYG_STORE=embedded FOREBYG_DATA_DIR="$DATA" FOREBYG_DEMO_OFFERS="${LOAD_OFFERS:-3000}" FOREBYG_BIND=127.0.0.1 PORT="$PORT" \
  FOREBYG_TRUSTED_PROXIES=127.0.0.1 FOREBYG_DIST_DIR="$ROOT/dist" RUST_LOG=warn "$FOREBYG_BIN" serve &
SERVER=$!
trap 'kill "$SERVER" 2>/dev/null; wait "$SERVER" 2>/dev/null; rm -rf "$DATA" "$WORK"' EXIT
for _ in $(seq 300); do curl -fsS "$BASE/healthz" >/dev/null 2>&1 && break; sleep 0.2; done
curl -fsS "$BASE/healthz" >/dev/null

# Ids of offers to open, and of offers one can sign up for oneself (places open).
ids() { curl -fsS "$BASE/api/v1/offers?$1&per_page=50" | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.parse(s).results.map(h=>h.offer.id).join(" ")))'; }
OFFER_IDS="$(ids 'postcode=8000&radius_km=100') $(ids 'postcode=2100&radius_km=50')"
JOINABLE="$(ids 'postcode=8000&radius_km=300&self_referral=true&available=true')"

# Prints one scenario's figures from wrk's output and fails on errors or 5xx.
report() {
  local name="$1" out="$2"
  local rps p50 p99
  rps="$(awk '/^Requests\/sec/ {print $2}' "$out")"
  p50="$(awk '$1 == "50%" {print $2}' "$out")"
  p99="$(awk '$1 == "99%" {print $2}' "$out")"
  printf '%-40s %10s req/s   p50 %-9s p99 %-9s\n' "$name" "$rps" "$p50" "$p99"
  if grep -qE 'Socket errors|Non-2xx or 3xx' "$out"; then
    cat "$out"
    echo "FAILED: $name had errors (above)" >&2
    return 1
  fi
}

run_wrk() {
  local name="$1" connections="$2" seconds="$3"
  shift 3
  local out="$WORK/$name.txt"
  wrk -t"$THREADS" -c"$connections" -d"${seconds}s" --timeout 5s --latency "$@" >"$out" 2>&1
  report "$name ($connections connections, ${seconds} s)" "$out"
}

# Offer pages (HTML) only with a built app (scripts/build-app.sh); else the API alone.
HTML=false
[ -f "$ROOT/dist/index.html" ] && HTML=true || echo "(no dist/index.html: the mixed scenario requests no HTML pages)"

# The mixed citizen traffic of issue #12: searches of several places and filters, offer pages
# (API and HTML), and self-referrals, each from its own client address (X-Forwarded-For, as
# behind the API gateway) so every citizen stays within the rate limit of 10 per 10 minutes.
cat >"$WORK/mixed.lua" <<LUA
local offers = {}
for id in string.gmatch("$OFFER_IDS", "%S+") do offers[#offers + 1] = id end
local joinable = {}
for id in string.gmatch("$JOINABLE", "%S+") do joinable[#joinable + 1] = id end
local searches = {
  "/api/v1/offers?postcode=8000&category=fysisk-aktivitet",
  "/api/v1/offers?postcode=8000",
  "/api/v1/offers?postcode=2100&category=nikotinafvaenning&radius_km=10",
  "/api/v1/offers?postcode=5000&category=alkohol&radius_km=50&page=2",
  "/api/v1/offers?postcode=9000&category=sygdomsmestring&radius_km=50&evening=true",
  "/api/v1/offers?postcode=6700&category=ernaeringsindsats&radius_km=100&sort=next-start",
  "/api/v1/offers?lat=55.6761&lon=12.5683&radius_km=5",
}
local html = $HTML
local n, counter = 0, 0
function setup(thread)
  counter = counter + 1
  thread:set("thread_no", counter)
end
function request()
  n = n + 1
  local r = n % 20
  if r == 0 and #joinable > 0 then
    -- One self-referral per citizen address: thread, request number.
    local k = n / 20
    local key = string.format("load-%d-%012d", thread_no, k)
    local body = '{"idempotency_key":"' .. key .. '","name":"Belastning Test","email":"load@example.org","consent":true}'
    local client = string.format("10.%d.%d.%d", thread_no, math.floor(k / 256) % 256, k % 256)
    return wrk.format("POST", "/api/v1/offers/" .. joinable[k % #joinable + 1] .. "/self-referrals",
      { ["Content-Type"] = "application/json", ["X-Forwarded-For"] = client }, body)
  elseif r < 12 then
    return wrk.format("GET", searches[n % #searches + 1])
  elseif r < 17 or not html then
    return wrk.format("GET", "/api/v1/offers/" .. offers[n % #offers + 1])
  else
    return wrk.format("GET", "/tilbud/" .. offers[n % #offers + 1], { ["Accept-Encoding"] = "br, gzip" })
  end
end
LUA

for scenario in "${SCENARIOS[@]}"; do
  case "$scenario" in
    search) run_wrk "default search" 16 "$SECONDS_EACH" "$BASE/api/v1/offers?postcode=8000&category=fysisk-aktivitet" ;;
    by-id) run_wrk "offer by id" 16 "$SECONDS_EACH" "$BASE/api/v1/offers/${OFFER_IDS%% *}" ;;
    mixed) run_wrk "mixed citizen traffic" 64 60 -s "$WORK/mixed.lua" "$BASE" ;;
    *) echo "unknown scenario $scenario (search, by-id, mixed)" >&2; exit 2 ;;
  esac
done
