// The `test` every spec uses: Playwright's, plus a check that runs after each test: the page broke
// no Content-Security-Policy rule. The local server sends the production policy
// (api/src/routes/security_headers.rs), so a style attribute, an inline script or an unlisted host
// that CloudFront's policy would block fails here instead of in production.
// Every dialog the page opens (the admin's "leave without saving?", the browser's "Leave site?")
// is recorded in `dialogs.seen` and answered as `dialogs.accept` says: yes, unless a test says no.
import { test as base, expect } from '@playwright/test';

export type Dialogs = { seen: { type: string; message: string }[]; accept: boolean };

export const test = base.extend<{ cspViolations: string[]; dialogs: Dialogs }>({
  dialogs: [
    async ({ page }, use) => {
      const dialogs: Dialogs = { seen: [], accept: true };
      page.on('dialog', async (d) => {
        dialogs.seen.push({ type: d.type(), message: d.message() });
        await (dialogs.accept ? d.accept() : d.dismiss());
      });
      await use(dialogs);
    },
    { auto: true },
  ],
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
