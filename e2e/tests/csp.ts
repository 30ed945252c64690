import { expect, type Page } from './fixtures';
import { readFileSync } from 'node:fs';
import path from 'node:path';

/** The site's Content-Security-Policy from infra/template.yaml (CloudFront adds it on AWS), for
 *  this server: the tile host is the e2e tile URL's, the Cognito hosts are dropped and requests are
 *  not upgraded to https. */
export function productionCsp(): string {
  const template = readFileSync(path.join(__dirname, '../../infra/template.yaml'), 'utf8');
  const block = /default-src[^#]*?upgrade-insecure-requests/.exec(template);
  expect(block, 'the CSP in infra/template.yaml').not.toBeNull();
  return block![0]
    .replace(/\s+/g, ' ')
    .replace('https://${TileHost}', 'http://127.0.0.1:9')
    .replace(/ https:\/\/[^\s;]*\$\{[^}]+\}[^\s;]*/g, '')
    .replace(/;\s*upgrade-insecure-requests/, '');
}

/** Records what the CSP blocks (see `cspViolations`). The local server sends the production
 *  policy itself (api/src/routes/security_headers.rs, checked against the template by
 *  api/tests/infra_template.rs), and every test fails on a violation (fixtures.ts); this adds the
 *  blocked directive and address for a precise message. */
export async function withProductionCsp(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as { violations: string[] };
    w.violations = [];
    document.addEventListener('securitypolicyviolation', (e) => w.violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
}

/** What the CSP blocked on this page so far ("directive blocked-uri"). */
export async function cspViolations(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { violations: string[] }).violations);
}
