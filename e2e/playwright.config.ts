// End-to-end tests against the real server (the `forebyg` binary with the embedded store and
// deterministic demo data) serving the built SPA from dist/.
//
//   FOREBYG_DEV_LOGIN=1 scripts/build-app.sh && cargo build -p forebyg-api && npm run e2e
//
// (FOREBYG_DEV_LOGIN=1: a local build, whose admin app has the development sign-in page the
// admin and clinician specs sign in through; the build to deploy has none.)
//
// Environment: FOREBYG_BIN (default ${CARGO_TARGET_DIR:-~/.cache/forebyg/target}/debug/forebyg),
// E2E_PORT (default 18080).
import { defineConfig, devices } from '@playwright/test';
import { mkdtempSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import path from 'node:path';

const repo = path.resolve(__dirname, '..');
const cacheHome = process.env.XDG_CACHE_HOME ?? path.join(homedir(), '.cache');
const targetDir = process.env.CARGO_TARGET_DIR ?? path.join(cacheHome, 'forebyg', 'target');
const bin = process.env.FOREBYG_BIN ?? path.join(targetDir, 'debug', 'forebyg');
const port = Number(process.env.E2E_PORT ?? 18080);
const baseURL = `http://127.0.0.1:${port}`;
// A second server whose store is down: the DynamoDB store pointed at a port nothing listens on,
// so every store call fails as in an outage and the API answers 503 (tests/citizen-outage.spec.ts).
process.env.E2E_OUTAGE_URL ??= `http://127.0.0.1:${port + 1}`;
const outageURL = process.env.E2E_OUTAGE_URL;
// A fresh, empty data directory per run: the server seeds the demo offers into it. (The config is
// loaded by the runner and by every worker; the workers inherit the runner's choice.)
const dataDir = (process.env.E2E_DATA_DIR ??= mkdtempSync(path.join(tmpdir(), 'forebyg-e2e-')));

export default defineConfig({
  testDir: './tests',
  outputDir: process.env.E2E_OUTPUT ?? './test-results',
  // Spec files run on two workers (the tests of one file in order, on one worker). The specs share
  // one server and its store, so each test makes its own data (unique names, its own referrals)
  // and never counts what another file writes. E2E_WORKERS=1 runs them one at a time.
  fullyParallel: false,
  workers: Number(process.env.E2E_WORKERS ?? 2),
  // No retries: a test that passes only on a second try is a defect to find, not to hide (the
  // last one, the map popup's step to the offer page, waits for the map to settle: data-moving).
  retries: 0,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  forbidOnly: !!process.env.CI,
  reporter: [['list']],
  use: {
    baseURL,
    locale: 'da-DK',
    // Under reduced motion the app scrolls and zooms without animating. A smooth scroll started by
    // the page (focus moving to an error summary, a heading after navigation) moves the page under
    // the pointer while a test's next click is on its way: one such click missed a checkbox in CI.
    // The animated paths are tested where they are the point (citizen-map's first test).
    reducedMotion: 'reduce',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  // Each spec runs where its people are; CI's 45 minutes must hold the suite, and a flow's logic
  // is the same code at either width.
  projects: [
    {
      name: 'desktop',
      use: { ...devices['Desktop Chrome'], viewport: { width: 1280, height: 900 } },
      // Citizens are on a phone first: the citizen pages' wide layout is tested by the specs that
      // check it (search, results, map, offer, joining, journey, language, copy, info pages,
      // printing, axe on each); the flows below (residence rules, association activities,
      // kronikerpakker, the status's next step, saved offers) run on the phone only.
      testIgnore: /citizen-(residence|activities|packages|status-next-step|saved)\.spec\.ts$/,
    },
    {
      name: 'mobile',
      // A 390 px wide phone (iPhone 12-15 size), in Chromium.
      use: { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true },
      // Admins, editors and clinicians work at a desk. The admin workspace's phone layout is tested
      // by the specs that check it (every page scanned by axe with its header, the offers list, the
      // editor's save bar, the coverage chart); the clinician's by the journey (every page of it
      // scanned by axe), the search, the results, the offer page and the handout. Their other
      // flows (sign-in sessions, referral routes and outcomes, residence rules) run on the desktop.
      testIgnore: [
        /admin-(?!a11y|offers-list|editor-entry|coverage)[a-z-]+\.spec\.ts$/,
        /clinician-(session|refer-route|outcomes|discontinued|residence)\.spec\.ts$/,
      ],
    },
  ],
  webServer: [
   {
    command: `"${bin}"`,
    url: `${baseURL}/healthz`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: 'pipe',
    stderr: 'pipe',
    env: {
      PORT: String(port),
      FOREBYG_STORE: 'embedded',
      FOREBYG_DATA_DIR: dataDir,
      FOREBYG_DIST_DIR: process.env.E2E_DIST_DIR ?? path.join(repo, 'dist'),
      FOREBYG_DEMO_OFFERS: '3000',
      // Admins sign in with the development issuer (refused in Lambda); the tests submit many
      // requests to join from one client, far beyond the production per-client limit.
      FOREBYG_AUTH: 'dev',
      FOREBYG_SELF_REFERRAL_LIMIT: '1000',
      FOREBYG_LOOKUP_LIMIT: '1000',
      // Map tiles must never be fetched from the internet in tests: an unreachable local URL.
      FOREBYG_TILE_URL: 'http://127.0.0.1:9/tiles/{z}/{x}/{y}.png',
      RUST_LOG: process.env.RUST_LOG ?? 'warn',
    },
   },
   {
    command: `"${bin}"`,
    url: `${outageURL}/healthz`,
    reuseExistingServer: false,
    timeout: 120_000,
    env: {
      PORT: new URL(outageURL).port,
      FOREBYG_STORE: 'dynamodb',
      FOREBYG_TABLE: 'forebyg-e2e-outage',
      FOREBYG_DYNAMODB_ENDPOINT: 'http://127.0.0.1:9',
      FOREBYG_DEMO_OFFERS: '0',
      FOREBYG_DIST_DIR: process.env.E2E_DIST_DIR ?? path.join(repo, 'dist'),
      RUST_LOG: 'error',
    },
   },
  ],
});
