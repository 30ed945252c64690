#!/usr/bin/env bash
# Lighthouse (npm, pinned) mobile scores of the landing, results and offer pages, against the
# release server with demo offers and the built app (scripts/build-app.sh) on loopback: prints
# performance and accessibility with FCP, LCP, TBT and CLS per page. Not part of test.sh
# (figures, not a test); they go in docs/benchmarks.md. Lighthouse's simulated throttling (a
# slow 4G phone) makes the figures fairly independent of the machine, but not of its load (TBT).
#
#   scripts/lighthouse.sh           # LIGHTHOUSE_PORT (default 18095); FOREBYG_BIN skips the build
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$ROOT"
ensure_chromium

LIGHTHOUSE_VERSION=12.8.2
TOOL="$CACHE/tools/lighthouse-$LIGHTHOUSE_VERSION"
if [ ! -x "$TOOL/node_modules/.bin/lighthouse" ]; then
  step "Installing lighthouse $LIGHTHOUSE_VERSION from npm"
  mkdir -p "$TOOL"
  npm install --prefix "$TOOL" --no-audit --no-fund "lighthouse@$LIGHTHOUSE_VERSION" >/dev/null
fi
[ -f "$ROOT/dist/index.html" ] || { echo "no dist/index.html: run scripts/build-app.sh first" >&2; exit 1; }
if [ -z "${FOREBYG_BIN:-}" ]; then
  step "Building the server (release)"
  cargo build --release -p forebyg-api --bin forebyg
  FOREBYG_BIN="$CARGO_TARGET_DIR/release/forebyg"
fi

PORT="${LIGHTHOUSE_PORT:-18095}"
BASE="http://127.0.0.1:$PORT"
DATA="$(mktemp -d)"
FOREBYG_STORE=embedded FOREBYG_DATA_DIR="$DATA" FOREBYG_DEMO_OFFERS=3000 PORT="$PORT" FOREBYG_DIST_DIR="$ROOT/dist" \
  FOREBYG_TILE_URL='http://127.0.0.1:9/tiles/{z}/{x}/{y}.png' RUST_LOG=warn "$FOREBYG_BIN" serve &
SERVER=$!
trap 'kill "$SERVER" 2>/dev/null; wait "$SERVER" 2>/dev/null; rm -rf "$DATA"' EXIT
for _ in $(seq 300); do curl -fsS "$BASE/healthz" >/dev/null 2>&1 && break; sleep 0.2; done
curl -fsS "$BASE/healthz" >/dev/null

offer="$(curl -fsS "$BASE/api/v1/offers?postcode=8000&format=on-site&per_page=1" | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.parse(s).results[0].offer.id))')"
printf '| page | performance | accessibility | FCP | LCP | TBT | CLS |\n|---|---:|---:|---:|---:|---:|---:|\n'
for page in "/" "/?postcode=8000&category=fysisk-aktivitet" "/tilbud/$offer"; do
  report="$DATA/report.json"
  CHROME_PATH=/usr/bin/chromium "$TOOL/node_modules/.bin/lighthouse" "$BASE$page" --quiet --form-factor=mobile \
    --only-categories=performance,accessibility --chrome-flags="--headless --no-sandbox --disable-gpu" \
    --output=json --output-path="$report" >/dev/null 2>&1
  node -e '
    const r = require(process.argv[1]), a = r.audits, c = r.categories;
    const v = (k) => a[k].displayValue.replace(/\s/g, " ");
    console.log(`| \`${process.argv[2]}\` | ${Math.round(c.performance.score * 100)} | ${Math.round(c.accessibility.score * 100)} | ${v("first-contentful-paint")} | ${v("largest-contentful-paint")} | ${v("total-blocking-time")} | ${v("cumulative-layout-shift")} |`);
  ' "$report" "$page"
done
echo "(load average: $(cut -d' ' -f1-3 /proc/loadavg))"
