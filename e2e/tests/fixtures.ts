// The `test` every spec uses: Playwright's, plus a check that runs after each test: the page broke
// no Content-Security-Policy rule. The local server sends the production policy
// (api/src/routes/security_headers.rs), so a style attribute, an inline script or an unlisted host
// that CloudFront's policy would block fails here instead of in production.
import { test as base, expect } from '@playwright/test';

export const test = base.extend<{ cspViolations: string[] }>({
  cspViolations: [
    async ({ page }, use) => {
      const violations: string[] = [];
      page.on('console', (msg) => {
        if (msg.type() === 'error' && /Content Security Policy/i.test(msg.text())) violations.push(msg.text());
      });
      await use(violations);
      expect(violations, 'Content-Security-Policy violations').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
export type { APIRequestContext, Locator, Page, TestInfo } from '@playwright/test';
