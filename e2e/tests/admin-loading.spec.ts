import { expect, test } from './fixtures';
import { expectNoAxeViolations } from './a11y';
import { signInAs } from '../pages/admin-api';

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
    let asked!: () => void;
    const requested = new Promise<void>((resolve) => (asked = resolve));
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/api/v1/admin/reports', async (route) => {
      asked();
      await released;
      await route.continue();
    });
    await page.getByLabel('Vis kun åbne').uncheck();
    await requested;
    await expect(list).toBeVisible();
    await expect(page.getByText('Indlæser …')).toHaveCount(0);
    release();
    await expect(page.getByRole('heading', { level: 1, name: 'Fejlrapporter' })).toBeVisible();
    await expect(page.getByText('Indlæser …')).toHaveCount(0);
  });
});
