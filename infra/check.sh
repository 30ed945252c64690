#!/usr/bin/env bash
# Offline checks of the deployment (no AWS account or network access needed beyond PyPI for the
# first install):
#   1. cfn-lint: the SAM template after the SAM transform, against the CloudFormation resource
#      schemas (property names/types/allowed values, intrinsic functions, references,
#      conditions, best-practice rules). Zero errors, warnings and informational findings
#      (any ignore goes in infra/.cfnlintrc with its reason).
#   2. The SAM transform, offline, with SAM CLI's validator (what `sam validate`/`sam deploy` do):
#      proves SAM can translate the template without looking anything up in an account; the
#      resulting plain CloudFormation (Lambda version, `live` alias, ...) is cfn-linted too.
#   3. sam validate --lint: SAM CLI's lint entry point (cfn-lint with its default rules), as an
#      operator would run it. Skipped with a printed reason if it ever needs network/credentials.
#   4. The CloudFront Function (SPA history fallback), run in Node against sample URIs.
# Tools are installed once into a venv in the shared tool cache. Exits non-zero on any failure.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CACHE="${XDG_CACHE_HOME:-$HOME/.cache}/forebyg"
VENV="$CACHE/tools/venv-cfn"
CFN_LINT_VERSION="${CFN_LINT_VERSION:-1.58.0}"
SAM_CLI_VERSION="${SAM_CLI_VERSION:-1.170.0}"
TEMPLATE="$ROOT/infra/template.yaml"
# SAM CLI and cfn-lint need a region to resolve the template; no credentials are used.
export AWS_DEFAULT_REGION="${AWS_DEFAULT_REGION:-eu-north-1}" AWS_REGION="${AWS_REGION:-eu-north-1}"
export SAM_CLI_TELEMETRY=0

step() { printf '\n\033[1m==> %s\033[0m\n' "$*"; }
started=$SECONDS

installed() { local info; info="$("$VENV/bin/python" -m pip show "$1" 2>/dev/null)" && grep -qx "Version: $2" <<<"$info"; }
if ! installed cfn-lint "$CFN_LINT_VERSION" || ! installed aws-sam-cli "$SAM_CLI_VERSION"; then
  step "Installing cfn-lint $CFN_LINT_VERSION and aws-sam-cli $SAM_CLI_VERSION (PyPI) into $VENV"
  [ -x "$VENV/bin/python" ] || python3 -m venv "$VENV"
  "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check \
    "cfn-lint==$CFN_LINT_VERSION" "aws-sam-cli==$SAM_CLI_VERSION"
fi

step "cfn-lint $("$VENV/bin/cfn-lint" --version | awk '{print $2}') infra/template.yaml"
# Run from infra/ so cfn-lint picks up infra/.cfnlintrc.
(cd "$ROOT/infra" && "$VENV/bin/cfn-lint" --format parseable -- template.yaml)
echo "cfn-lint: no errors, warnings or informational findings"

step "SAM transform (what \`sam deploy\` runs) + cfn-lint on the resulting CloudFormation"
# SAM CLI's own validator class (as in \`sam validate\`), with a managed-policy loader that fails
# if the transform ever needs IAM: then the translation is fully offline. The translated template
# (Lambda version + `live` alias, resolved !Ref ApiFunction.Alias) is linted as plain CloudFormation.
TRANSLATED="${TMPDIR:-/tmp}/forebyg-template-translated.yaml"
(cd "$ROOT/infra" && AWS_ACCESS_KEY_ID=offline AWS_SECRET_ACCESS_KEY=offline AWS_SESSION_TOKEN= \
  "$VENV/bin/python" - template.yaml "$TRANSLATED" <<'PY'
import sys
from samcli.yamlhelper import yaml_parse
from samcli.lib.translate.sam_template_validator import SamTemplateValidator

class NoManagedPolicies:
    def load(self):
        sys.exit("the template needs IAM managed-policy lookups (AWS access): use explicit roles")

src, dst = sys.argv[1], sys.argv[2]
with open(src) as f:
    sam = yaml_parse(f.read())
out = SamTemplateValidator(sam, NoManagedPolicies(), region="eu-north-1").get_translated_template_if_valid()
with open(dst, "w") as f:
    f.write(out)
print(f"translated: {len(out)} characters -> {dst}")
PY
)
(cd "$ROOT/infra" && "$VENV/bin/cfn-lint" --format parseable -- "$TRANSLATED")
echo "translated template: no cfn-lint findings"

step "sam validate --lint"
# Fake credentials: validate never needs an account, and must never reach a real one.
sam_out="$(cd "$ROOT/infra" && AWS_ACCESS_KEY_ID=offline AWS_SECRET_ACCESS_KEY=offline AWS_SESSION_TOKEN= \
  timeout 300 "$VENV/bin/sam" validate --lint --template-file template.yaml --region "$AWS_DEFAULT_REGION" 2>&1)" && sam_rc=0 || sam_rc=$?
echo "$sam_out"
if [ "$sam_rc" -ne 0 ]; then
  if grep -qiE 'credential|could not connect|endpoint url|timed out|name resolution' <<<"$sam_out"; then
    echo "sam validate --lint: SKIPPED - it needed the network or AWS credentials (see above); cfn-lint covered the template."
  else
    echo "sam validate --lint: FAILED" >&2
    exit 1
  fi
fi

step "CloudFront Functions: SPA history fallback, forwarded host"
if command -v node >/dev/null; then
  # Extract each FunctionCode with cfn-lint's own YAML loader (it understands !Ref, !Sub, ...).
  extract() {
    "$VENV/bin/python" - "$TEMPLATE" "$1" <<'PY'
import sys
from cfnlint.decode import decode
template, matches = decode(sys.argv[1])
if matches:
    sys.exit(f"cannot parse {sys.argv[1]}: {matches}")
print(template["Resources"][sys.argv[2]]["Properties"]["FunctionCode"])
PY
  }
  extract SpaRewriteFunction >"${TMPDIR:-/tmp}/forebyg-spa-rewrite.js"
  extract ForwardedHostFunction >"${TMPDIR:-/tmp}/forebyg-forwarded-host.js"
  node - "${TMPDIR:-/tmp}/forebyg-spa-rewrite.js" <<'JS'
const fs = require('fs');
const code = fs.readFileSync(process.argv[2], 'utf8');
const handler = new Function(code + '\nreturn handler;')();
const cases = [
  // Every citizen page: the citizen app's index.html (its router shows the page).
  ['/', '/index.html'],
  ['/tilbud/demo-00000001/tilmeld', '/index.html'],
  ['/en/x', '/index.html'],
  // The static information pages (api/src/routes/spa.rs INFO_PAGES).
  ['/om-forebyg', '/om-forebyg.html'],
  ['/en/privacy', '/en/privacy.html'],
  // The admin workspace is its own app.
  ['/admin', '/admin/index.html'],
  ['/admin/callback', '/admin/index.html'],
  ['/admin/tilbud/ny', '/admin/index.html'],
  ['/administration', '/index.html'],
  ['/admin/forebyg-admin-1a2b3c4d.js', '/admin/forebyg-admin-1a2b3c4d.js'],
  ['/index.html', '/index.html'],
  ['/forebyg-app-1a2b3c4d.js', '/forebyg-app-1a2b3c4d.js'],
  ['/forebyg-app-1a2b3c4d_bg.wasm', '/forebyg-app-1a2b3c4d_bg.wasm'],
  ['/style-0123abcd.css', '/style-0123abcd.css'],
  // The lazily loaded map and QR code modules, Leaflet and its images.
  ['/js/map-0123abcd.js', '/js/map-0123abcd.js'],
  ['/leaflet-1.9.4/leaflet-0123abcd.css', '/leaflet-1.9.4/leaflet-0123abcd.css'],
  ['/leaflet-1.9.4/images/marker-icon.png', '/leaflet-1.9.4/images/marker-icon.png'],
  ['/api/v1/offers', '/api/v1/offers'],
  ['/api/v1/offers/missing', '/api/v1/offers/missing'],
  ['/api', '/api'],
  ['/healthz', '/healthz'],
];
let failed = 0;
for (const [uri, want] of cases) {
  const got = handler({ request: { uri, method: 'GET', headers: {}, querystring: {} } }).uri;
  const ok = got === want;
  if (!ok) failed++;
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${uri} -> ${got}${ok ? '' : ` (want ${want})`}`);
}
if (failed) { console.error(`${failed} case(s) failed`); process.exit(1); }
JS
  node - "${TMPDIR:-/tmp}/forebyg-forwarded-host.js" <<'JS'
const fs = require('fs');
const handler = new Function(fs.readFileSync(process.argv[2], 'utf8') + '\nreturn handler;')();
const run = (headers) => handler({ request: { uri: '/api/v1/fhir/metadata', method: 'GET', headers, querystring: {} } }).headers;
const cases = [
  // The viewer's host goes to the API; a forged X-Forwarded-Host never does.
  [{ host: { value: 'forebyg.dk' } }, 'forebyg.dk'],
  [{ host: { value: 'forebyg.dk' }, 'x-forwarded-host': { value: 'evil.example' } }, 'forebyg.dk'],
  [{ 'x-forwarded-host': { value: 'evil.example' } }, undefined],
];
let failed = 0;
for (const [headers, want] of cases) {
  const sent = JSON.stringify(headers);
  const got = run(headers)['x-forwarded-host'];
  const ok = (got && got.value) === want;
  if (!ok) failed++;
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${sent} -> x-forwarded-host ${JSON.stringify(got)}${ok ? '' : ` (want ${want})`}`);
}
if (failed) { console.error(`${failed} case(s) failed`); process.exit(1); }
JS
else
  echo "SKIPPED: node is not installed"
fi

echo
echo "check.sh: all infra checks passed in $((SECONDS - started)) s"
