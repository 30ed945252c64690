#!/usr/bin/env bash
# Builds the browser app (app/, Leptos CSR) into dist/ at the repository root:
#   cargo (wasm32, profile wasm-release) → wasm-bindgen --target web → wasm-opt -Oz (npm binaryen)
#   → dist/index.html, dist/style-<hash>.css, dist/forebyg-app-<hash>.js, dist/forebyg-app-<hash>_bg.wasm
# The hashed files never change content under the same name: serve them with a long cache
# lifetime; serve index.html with `no-cache`.
#
# Idempotent; runs from anywhere. Environment:
#   CARGO_TARGET_DIR          default ${XDG_CACHE_HOME:-$HOME/.cache}/forebyg/target
#   WASM_GZIP_BUDGET_KB       warn if the gzipped wasm is larger (default 150, the goal)
#   WASM_GZIP_LIMIT_KB        fail if it is larger (default 250, a guard against regressions)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CACHE="${XDG_CACHE_HOME:-$HOME/.cache}/forebyg"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$CACHE/target}"
TOOLS="$CACHE/tools"
TARGET=wasm32-unknown-unknown
PROFILE=wasm-release
CRATE=forebyg-app
BUDGET_KB="${WASM_GZIP_BUDGET_KB:-150}"
LIMIT_KB="${WASM_GZIP_LIMIT_KB:-250}"
DIST="$ROOT/dist"

log() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }
die() { printf 'build-app: %s\n' "$*" >&2; exit 1; }

# The wasm-bindgen CLI must be exactly the version of the crate in Cargo.lock.
BINDGEN_VERSION="$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' "$ROOT/Cargo.lock")"
[[ -n "$BINDGEN_VERSION" ]] || die "wasm-bindgen is not in Cargo.lock"

bindgen_ok() { [[ -x "$1" ]] && [[ "$("$1" --version 2>/dev/null)" == "wasm-bindgen $BINDGEN_VERSION"* ]]; }

find_bindgen() {
  local c
  for c in "$(command -v wasm-bindgen 2>/dev/null || true)" "$TOOLS/bin/wasm-bindgen"; do
    if [[ -n "$c" ]] && bindgen_ok "$c"; then
      echo "$c"
      return 0
    fi
  done
  return 1
}

# 1. Toolchain: the wasm target, wasm-bindgen, wasm-opt.
if command -v rustup >/dev/null && ! rustup target list --installed | grep -qx "$TARGET"; then
  log "rustup target add $TARGET"
  rustup target add "$TARGET"
fi

if ! BINDGEN="$(find_bindgen)"; then
  log "installing wasm-bindgen-cli $BINDGEN_VERSION into $TOOLS (takes ~10 min, once)"
  # Without --locked: the CLI's own lock file pins a crate version that was yanked.
  cargo install wasm-bindgen-cli --version "$BINDGEN_VERSION" --root "$TOOLS"
  BINDGEN="$(find_bindgen)" || die "wasm-bindgen $BINDGEN_VERSION not found after install"
fi

WASM_OPT="$ROOT/node_modules/.bin/wasm-opt"
if [[ ! -x "$WASM_OPT" ]]; then
  log "npm ci (binaryen's wasm-opt)"
  (cd "$ROOT" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund)
fi
[[ -x "$WASM_OPT" ]] || die "node_modules/.bin/wasm-opt missing after npm ci"

# 2. Compile. `--cfg erase_components` makes Leptos type-erase component and reactive-closure
#    types: less monomorphisation, a smaller wasm (and faster builds). Set for the wasm target only,
#    so native builds (the API, proc macros) are unaffected.
log "cargo build -p $CRATE --target $TARGET --profile $PROFILE"
export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="${CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS:---cfg erase_components}"
(cd "$ROOT" && cargo build -p "$CRATE" --target "$TARGET" --profile "$PROFILE")
RAW_WASM="$CARGO_TARGET_DIR/$TARGET/$PROFILE/$CRATE.wasm"
[[ -f "$RAW_WASM" ]] || die "no $RAW_WASM"

# 3. Bindings and size optimisation, in a scratch directory.
WORK="$CARGO_TARGET_DIR/$CRATE-dist"
rm -rf "$WORK"
mkdir -p "$WORK/bindgen" "$WORK/out"
log "wasm-bindgen ($BINDGEN_VERSION)"
"$BINDGEN" "$RAW_WASM" --out-dir "$WORK/bindgen" --out-name "$CRATE" --target web \
  --no-typescript --remove-name-section --remove-producers-section
log "wasm-opt -Oz ($("$WASM_OPT" --version))"
# Rust's wasm32 target enables these proposals by default; wasm-bindgen relies on reference types.
"$WASM_OPT" -Oz \
  --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
  --enable-mutable-globals --enable-reference-types --enable-multivalue \
  "$WORK/bindgen/${CRATE}_bg.wasm" -o "$WORK/out/${CRATE}_bg.wasm"

hash8() { sha256sum "$1" | cut -c1-8; }

# 4. Content-hashed names. The JS loader starts the app itself (no inline script, CSP friendly),
#    so it names the hashed wasm and is hashed after that.
WASM_NAME="$CRATE-$(hash8 "$WORK/out/${CRATE}_bg.wasm")_bg.wasm"
mv "$WORK/out/${CRATE}_bg.wasm" "$WORK/out/$WASM_NAME"

JS_SRC="$WORK/bindgen/$CRATE.js"
grep -q '__wbg_init as default' "$JS_SRC" || die "unexpected wasm-bindgen output: no __wbg_init export in $JS_SRC"
{
  cat "$JS_SRC"
  printf '\n__wbg_init({ module_or_path: new URL("./%s", import.meta.url) });\n' "$WASM_NAME"
} >"$WORK/out/$CRATE.js"
JS_NAME="$CRATE-$(hash8 "$WORK/out/$CRATE.js").js"
mv "$WORK/out/$CRATE.js" "$WORK/out/$JS_NAME"

CSS_NAME="style-$(hash8 "$ROOT/app/style.css").css"
cp "$ROOT/app/style.css" "$WORK/out/$CSS_NAME"

sed -e "s|\"/style.css\"|\"/$CSS_NAME\"|" \
    -e "s|\"/$CRATE.js\"|\"/$JS_NAME\"|" \
    -e "s|\"/${CRATE}_bg.wasm\"|\"/$WASM_NAME\"|" \
    "$ROOT/app/index.html" >"$WORK/out/index.html"
for name in "$CSS_NAME" "$JS_NAME" "$WASM_NAME"; do
  grep -q "\"/$name\"" "$WORK/out/index.html" || die "app/index.html does not reference ${name%%-*}: keep /style.css, /$CRATE.js and /${CRATE}_bg.wasm in it"
done

# 5. Swap dist/ in one move.
rm -rf "$DIST.tmp"
cp -r "$WORK/out" "$DIST.tmp"
rm -rf "$DIST"
mv "$DIST.tmp" "$DIST"

# 6. Sizes.
kb() { awk -v b="$1" 'BEGIN { printf "%.0f", b / 1024 }'; }
WASM_RAW=$(wc -c <"$DIST/$WASM_NAME")
WASM_GZ=$(gzip -9 -c "$DIST/$WASM_NAME" | wc -c)
JS_RAW=$(wc -c <"$DIST/$JS_NAME")
JS_GZ=$(gzip -9 -c "$DIST/$JS_NAME" | wc -c)
log "dist/ written: $(cd "$DIST" && echo *)"
echo "wasm: $(kb "$WASM_RAW") KB raw, $(kb "$WASM_GZ") KB gzip ($WASM_NAME)"
echo "js:   $(kb "$JS_RAW") KB raw, $(kb "$JS_GZ") KB gzip ($JS_NAME)"
if (( WASM_GZ > LIMIT_KB * 1024 )); then
  die "the gzipped wasm ($(kb "$WASM_GZ") KB) is over the limit of $LIMIT_KB KB"
elif (( WASM_GZ > BUDGET_KB * 1024 )); then
  echo "build-app: warning: the gzipped wasm ($(kb "$WASM_GZ") KB) is over the budget of $BUDGET_KB KB" >&2
fi
