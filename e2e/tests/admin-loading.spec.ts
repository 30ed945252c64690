import { expect, test, type Page } from './fixtures';
import { expectNoAxeViolations } from './a11y';
import { signInAs } from '../pages/admin-api';

/** Holds the requests to `url` back until `release()`; `requested` settles when the first is made. */
async function holdBack(page: Page, url: string): Promise<{ requested: Promise<void>; release: () => void }> {
  let asked!: () => void;
  const requested = new Promise<void>((resolve) => (asked = resolve));
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  await page.route(url, async (route) => {
    asked();
    await released;
    await route.continue();
  });
  return { requested, release };
}

/** How every admin page loads its data (app/src/bin/admin/ui.rs: `suspense`, `transition`). */
test.describe('admin: loading', () => {
  test('a list that cannot be fetched says why and loads on "Prøv igen"; a record that does not exist gets a page of its own', async ({ page }) => {
    await signInAs(page, 'midtjylland');

    // No connection: a real network failure in the browser, then the connection is back.
    await page.route('**/api/v1/admin/providers', (route) => route.abort('connectionfailed'));
    await page.goto('/admin/udbydere');
    await expect(page.getByRole('heading', { level: 1, name: 'Udbydere' })).toBeVisible();
    await expect(page.getByRole('alert')).toContainText('Vi kunne ikke få forbindelse. Prøv igen.');
    await expectNoAxeViolations(page, 'a list that could not be fetched');
    await page.unroute('**/api/v1/admin/providers');
    await page.getByRole('button', { name: 'Prøv igen' }).click();
    await expect(page.getByRole('table', { name: 'Udbydere' })).toBeVisible();
    await expect(page.getByRole('alert')).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Prøv igen' })).toHaveCount(0);

    // Refused (the offer does not exist): trying again would not help, so no button.
    await page.goto('/admin/tilbud/findes-ikke');
    await expect(page.getByRole('heading', { level: 1, name: 'Tilbuddet kunne ikke hentes' })).toBeVisible();
    await expect(page).toHaveTitle('Tilbuddet kunne ikke hentes – Forebyg administration');
    await expect(page.getByRole('alert')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Prøv igen' })).toHaveCount(0);
  });

  test('another filter keeps the last list in place while the new one loads, without the loading line', async ({ page }) => {
    await signInAs(page, 'midtjylland');
    await page.goto('/admin/fejlrapporter');
    const list = page.locator('main ul.cards').or(page.getByText('Ingen fejlrapporter.'));
    await expect(list).toBeVisible();

    // Every report (not only the open ones) is held back until the list has been looked at.
    const { requested, release } = await holdBack(page, '**/api/v1/admin/reports');
    await page.getByLabel('Vis kun åbne').uncheck();
    await requested;
    await expect(list).toBeVisible();
    await expect(page.getByText('Indlæser …')).toHaveCount(0);
    release();
    await expect(page.getByRole('heading', { level: 1, name: 'Fejlrapporter' })).toBeVisible();
    await expect(page.getByText('Indlæser …')).toHaveCount(0);
  });

  test('a new record page waits for the signed-in admin: the loading line, then the form; when /admin/me fails, the error and "Prøv igen"', async ({ page }) => {
    await signInAs(page, 'midtjylland');
    const nav = page.getByRole('navigation', { name: 'Administration' });

    // No connection when the page loads: the page says why (not an endless loading line).
    await page.route('**/api/v1/admin/me', (route) => route.abort('connectionfailed'));
    await page.goto('/admin/tilbud/ny');
    await expect(page.getByRole('heading', { level: 1, name: 'Vi kunne ikke hente din konto' })).toBeVisible();
    await expect(page.getByRole('alert')).toContainText('Vi kunne ikke få forbindelse. Prøv igen.');
    await expect(page.getByText('Indlæser …')).toHaveCount(0);
    await expect(nav).toHaveCount(0);
    await expectNoAxeViolations(page, 'a new record page whose admin could not be fetched');
    await page.unroute('**/api/v1/admin/me');
    await page.getByRole('button', { name: 'Prøv igen' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Opret et tilbud' })).toBeVisible();
    await expect(page.getByRole('alert')).toHaveCount(0);
    await expect(nav).toBeVisible();

    // The server fails (a 5xx without a problem body, as from a proxy).
    await page.route('**/api/v1/admin/me', (route) => route.fulfill({ status: 502, contentType: 'text/html', body: '<h1>Bad gateway</h1>' }));
    await page.goto('/admin/udbydere/ny');
    await expect(page.getByRole('alert')).toContainText('Der skete en fejl hos os. Prøv igen om lidt.');
    await expect(page.getByRole('button', { name: 'Prøv igen' })).toBeVisible();
    await page.unroute('**/api/v1/admin/me');

    // Only slow: the loading line until the admin is in, then the form.
    const { requested, release } = await holdBack(page, '**/api/v1/admin/me');
    await page.goto('/admin/steder/ny');
    await requested;
    await expect(page.getByRole('status')).toHaveText('Indlæser …');
    await expectNoAxeViolations(page, 'a new record page loading the admin');
    release();
    await expect(page.getByRole('heading', { level: 1, name: 'Opret sted' })).toBeVisible();
    await expect(page.getByText('Indlæser …')).toHaveCount(0);
    await page.unroute('**/api/v1/admin/me');

    // A refused token (401) still goes to sign in.
    await page.route('**/api/v1/admin/me', (route) =>
      route.fulfill({ status: 401, contentType: 'application/problem+json', body: JSON.stringify({ type: 'about:blank', title: 'Unauthorized', status: 401 }) }),
    );
    await page.goto('/admin/aktiviteter/ny');
    await expect(page).toHaveURL(/\/admin\/login$/);
  });

  test('on a page that does without the admin, the header says when /admin/me failed, and "Prøv igen" brings the name and navigation', async ({ page }) => {
    await signInAs(page, 'midtjylland');
    const header = page.getByRole('banner');
    const nav = page.getByRole('navigation', { name: 'Administration' });
    const said = header.getByText('Vi kunne ikke hente din konto.');

    // Only slow: nothing in the header while the admin loads (the list is there meanwhile).
    const { requested, release } = await holdBack(page, '**/api/v1/admin/me');
    await page.goto('/admin/tilbud');
    await requested;
    await expect(page.getByRole('heading', { level: 1, name: 'Tilbud' })).toBeVisible();
    await expect(said).toHaveCount(0);
    await expect(header.getByRole('button', { name: 'Prøv igen' })).toHaveCount(0);
    release();
    await expect(nav).toBeVisible();
    await page.unroute('**/api/v1/admin/me');

    // No connection, twice: the header says so, with "Prøv igen"; the page itself works.
    let calls = 0;
    let releaseRetry = () => {};
    const retryHeld = new Promise<void>((resolve) => (releaseRetry = resolve));
    await page.route('**/api/v1/admin/me', async (route) => {
      calls++;
      if (calls === 1) return route.abort('connectionfailed');
      if (calls === 2) {
        await retryHeld;
        return route.abort('connectionfailed');
      }
      return route.continue();
    });
    await page.goto('/admin/tilbud');
    await expect(page.getByRole('heading', { level: 1, name: 'Tilbud' })).toBeVisible();
    await expect(said).toBeVisible();
    await expect(nav).toHaveCount(0);
    await expectNoAxeViolations(page, 'a list page whose admin could not be fetched');
    const retry = header.getByRole('button', { name: 'Prøv igen' });
    const line = header.getByRole('status');
    // Keyboard: the button is reached with Tab from the header's start.
    await page.getByRole('link', { name: /^Forebyg/ }).focus();
    for (let i = 0; i < 5 && !(await retry.evaluate((b) => b === document.activeElement)); i++) await page.keyboard.press('Tab');
    await expect(retry).toBeFocused();

    // A retry says that it is loading, and when it fails too, says so again (a new announcement);
    // the button keeps the focus.
    await page.keyboard.press('Enter');
    await expect(line).toHaveText('Henter din konto …');
    await expect(retry).toBeFocused();
    await expectNoAxeViolations(page, 'the header retrying the admin');
    releaseRetry();
    await expect(line).toHaveText('Vi kunne ikke hente din konto.');
    await expect(retry).toBeFocused();
    expect(calls).toBe(2);

    // A retry that succeeds brings the name and navigation, and the name takes the button's focus.
    await page.keyboard.press('Enter');
    await expect(nav).toBeVisible();
    await expect(header.getByRole('button', { name: 'Log ud' })).toBeVisible();
    await expect(said).toHaveCount(0);
    await expect(retry).toHaveCount(0);
    await expect(header.locator('#admin-user')).toBeFocused();
    await expect(header.locator('#admin-user')).toContainText('Midtjylland');
    expect(calls).toBe(3);
  });
});
