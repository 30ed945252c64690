#!/usr/bin/env bash
# Builds the Lambda package: the `forebyg` binary cross-compiled for AWS Graviton (aarch64, glibc
# 2.17 symbols, so it runs on provided.al2023's glibc 2.34), renamed `bootstrap` and zipped into
# infra/build/forebyg-lambda.zip, which infra/template.yaml's CodeUri points at.
#
# Installs what it needs once, into the shared tool cache (reused by later runs and by CI):
#   - the rustup target aarch64-unknown-linux-gnu,
#   - zig (PyPI `ziglang`, in a venv) as the cross C compiler/linker (aws-lc-sys compiles C),
#   - cargo-zigbuild (crates.io), which wires zig into cargo.
# Cold: ~15 CPU-minutes (mostly the release build); warm with an unchanged tree: seconds.
#
# --smoke-test: afterwards, run the packaged arm64 `bootstrap` under qemu-user (apt: qemu-user,
# libc6-arm64-cross) against the fake Lambda Runtime API of api/tests/lambda_runtime.rs, which
# feeds it API Gateway events. Proves the cross-compiled artifact itself starts and answers.
set -euo pipefail

SMOKE_TEST=0
for arg in "$@"; do
  case "$arg" in
    --smoke-test) SMOKE_TEST=1 ;;
    *) echo "usage: $0 [--smoke-test]" >&2; exit 2 ;;
  esac
done

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CACHE="${XDG_CACHE_HOME:-$HOME/.cache}/forebyg"
TOOLS="$CACHE/tools"
VENV="$TOOLS/venv-zig"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$CACHE/target}"
TARGET=aarch64-unknown-linux-gnu
GLIBC=2.17
OUT="$ROOT/infra/build"
ZIPFILE="$OUT/forebyg-lambda.zip"
CARGO_ZIGBUILD_VERSION="${CARGO_ZIGBUILD_VERSION:-0.24.1}"
# cargo-zigbuild 0.24 knows zig up to 0.16; 0.15.2 is a well-trodden pairing.
ZIGLANG_VERSION="${ZIGLANG_VERSION:-0.15.2}"

step() { printf '\n\033[1m==> %s\033[0m\n' "$*"; }
started=$SECONDS

if ! rustup target list --installed | grep -qx "$TARGET"; then
  step "Adding the Rust target $TARGET"
  rustup target add "$TARGET"
fi

if [ "$("$VENV/bin/python" -m ziglang version 2>/dev/null)" != "$ZIGLANG_VERSION" ]; then
  step "Installing zig $ZIGLANG_VERSION (PyPI ziglang) into $VENV"
  python3 -m venv "$VENV"
  "$VENV/bin/pip" install --quiet --disable-pip-version-check "ziglang==$ZIGLANG_VERSION"
fi
# cargo-zigbuild runs zig as `<python> -m ziglang`: point it at the venv's interpreter.
export CARGO_ZIGBUILD_PYTHON_PATH="$VENV/bin/python"
export PATH="$TOOLS/bin:$HOME/.cargo/bin:$PATH"

if ! cargo-zigbuild --version 2>/dev/null | grep -q " $CARGO_ZIGBUILD_VERSION\$"; then
  step "Installing cargo-zigbuild $CARGO_ZIGBUILD_VERSION (crates.io, once)"
  # --locked for reproducibility; retry unlocked if a locked dependency was yanked.
  cargo install cargo-zigbuild --version "$CARGO_ZIGBUILD_VERSION" --locked --root "$TOOLS" \
    || cargo install cargo-zigbuild --version "$CARGO_ZIGBUILD_VERSION" --root "$TOOLS"
fi

step "Building forebyg (release, $TARGET, glibc $GLIBC)"
build_started=$SECONDS
# Without the default `dev-auth` feature: no development issuer, key or routes in production.
(cd "$ROOT" && cargo zigbuild --release --locked --no-default-features --target "$TARGET.$GLIBC" -p forebyg-api --bin forebyg)
echo "build: $((SECONDS - build_started)) s"
BIN="$CARGO_TARGET_DIR/$TARGET/release/forebyg"

step "Packaging $ZIPFILE"
rm -rf "$OUT/lambda" "$ZIPFILE"
mkdir -p "$OUT/lambda"
cp "$BIN" "$OUT/lambda/bootstrap"
chmod 755 "$OUT/lambda/bootstrap"
# Zip with `zip` when present (keeps the executable bit, -X drops extra attributes for
# reproducible-ish zips); else Python's zipfile, which also records the Unix mode.
if command -v zip >/dev/null; then
  (cd "$OUT/lambda" && zip -q -9 -X "$ZIPFILE" bootstrap)
else
  python3 - "$OUT/lambda/bootstrap" "$ZIPFILE" <<'PY'
import sys, zipfile
src, dst = sys.argv[1], sys.argv[2]
info = zipfile.ZipInfo("bootstrap", date_time=(1980, 1, 1, 0, 0, 0))
info.external_attr = (0o100755 << 16)
info.compress_type = zipfile.ZIP_DEFLATED
with open(src, "rb") as f, zipfile.ZipFile(dst, "w") as z:
    z.writestr(info, f.read(), compresslevel=9)
PY
fi

step "Checking the package"
ROOT="$ROOT" python3 - "$OUT/lambda/bootstrap" "$ZIPFILE" <<'PY'
import os, re, struct, sys, zipfile
binary, archive = sys.argv[1], sys.argv[2]
with open(binary, "rb") as f:
    header = f.read(64)
assert header[:4] == b"\x7fELF", "bootstrap is not an ELF file"
cls = {1: "32-bit", 2: "64-bit"}[header[4]]
endian = "<" if header[5] == 1 else ">"
e_type, e_machine = struct.unpack(endian + "HH", header[16:20])
machines = {0x3E: "x86-64", 0xB7: "aarch64 (ARM64)"}
machine = machines.get(e_machine, hex(e_machine))
print(f"bootstrap: ELF {cls} {'LSB' if endian == '<' else 'MSB'}, e_type {e_type}, e_machine {e_machine:#04x} = {machine}")
if e_machine != 0xB7 or cls != "64-bit":
    sys.exit("error: bootstrap is not a 64-bit aarch64 executable; Lambda arm64 cannot run it")
# provided.al2023 has glibc 2.34: every versioned symbol the binary needs must be at most that.
data = open(binary, "rb").read()
versions = {tuple(int(x) for x in v.split(b".")) for v in re.findall(rb"GLIBC_(2\.[0-9]+(?:\.[0-9]+)?)", data)}
newest = max(versions) if versions else None
print(f"glibc: newest symbol version required {'.'.join(map(str, newest)) if newest else 'none'} (provided.al2023 has 2.34)")
if newest and newest > (2, 34):
    sys.exit("error: bootstrap needs a newer glibc than provided.al2023 has")
with zipfile.ZipFile(archive) as z:
    [entry] = z.infolist()
    mode = entry.external_attr >> 16
    assert entry.filename == "bootstrap", entry.filename
    assert mode & 0o111, f"bootstrap is not executable in the zip (mode {oct(mode)})"
# The development issuer is compiled out (cargo feature `dev-auth`): no private key, none of its
# routes, issuer or committed key material may be in the binary.
def key_lines(name):
    pem = open(os.path.join(os.environ["ROOT"], "api/dev-auth", name)).read().splitlines()
    return [l.encode() for l in pem[2:-2]]  # key-specific base64 lines (not the generic prefix)
forbidden = key_lines("dev-only-signing-key.pem") + key_lines("dev-only-public-key.pem") + [b"-----BEGIN PRIVATE KEY-----\n", b"/dev/oauth2/token", b"/dev/authorize", b"/dev/token", b"forebyg-dev"]
found = [f.decode(errors="replace")[:40] for f in forbidden if f in data]
if found:
    sys.exit(f"error: bootstrap contains development-issuer material ({len(found)} markers, e.g. {found[:3]})")
print(f"dev issuer: absent ({len(forbidden)} markers checked: dev key lines, a PEM private key, dev routes, dev issuer)")
mib = lambda n: f"{n / 1048576:.1f} MiB ({n} bytes)"
print(f"binary: {mib(os.path.getsize(binary))}")
print(f"zip:    {mib(os.path.getsize(archive))}  (Lambda limit: 50 MiB zipped, 250 MiB unzipped)")
PY
if command -v file >/dev/null; then file "$OUT/lambda/bootstrap"; fi

if [ "$SMOKE_TEST" = 1 ]; then
  step "Smoke test: the arm64 bootstrap under qemu-aarch64, fed API Gateway events"
  if ! command -v qemu-aarch64 >/dev/null || [ ! -e /usr/aarch64-linux-gnu/lib/ld-linux-aarch64.so.1 ]; then
    as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends qemu-user libc6-arm64-cross >/dev/null
  fi
  # Unpack the zip itself (not build/lambda/) so exactly what Lambda gets is run.
  SMOKE_DIR="$OUT/smoke"
  rm -rf "$SMOKE_DIR" && mkdir -p "$SMOKE_DIR"
  python3 -c 'import sys, zipfile, os; z = zipfile.ZipFile(sys.argv[1]); z.extract("bootstrap", sys.argv[2]); os.chmod(os.path.join(sys.argv[2], "bootstrap"), (z.getinfo("bootstrap").external_attr >> 16) & 0o777)' "$ZIPFILE" "$SMOKE_DIR"
  (cd "$ROOT" && FOREBYG_LAMBDA_BOOTSTRAP="$SMOKE_DIR/bootstrap" FOREBYG_LAMBDA_RUNNER="qemu-aarch64 -L /usr/aarch64-linux-gnu" \
    cargo test -p forebyg-api --test lambda_runtime -- --nocapture)
fi
echo "package.sh: done in $((SECONDS - started)) s -> $ZIPFILE"
