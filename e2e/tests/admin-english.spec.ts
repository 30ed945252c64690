import { expect, test } from './fixtures';
import { expectNoAxeViolations } from './a11y';

// The admin workspace in English: the header's switch stores the choice (localStorage
// `forebyg.lang`, shared with the citizen pages), reloads, and every page follows.
const pages: { path: string; h1: string | RegExp; title: string }[] = [
  { path: '/admin', h1: 'Overview', title: 'Overview' },
  { path: '/admin/tilbud', h1: 'Offers', title: 'Offers' },
  { path: '/admin/tilbud/ny', h1: 'Create an offer', title: 'Create an offer' },
  { path: '/admin/pakker', h1: 'Chronic care packages', title: 'Chronic care packages' },
  { path: '/admin/foreninger', h1: 'Associations', title: 'Associations' },
  { path: '/admin/aktiviteter', h1: 'Activities', title: 'Activities' },
  { path: '/admin/henvendelser', h1: 'Requests', title: 'Requests' },
  { path: '/admin/fejlrapporter', h1: 'Error reports', title: 'Error reports' },
  { path: '/admin/daekning', h1: 'Coverage', title: 'Coverage' },
  { path: '/admin/import', h1: 'Import and export', title: 'Import and export' },
  { path: '/admin/log', h1: 'Log', title: 'Log' },
];

test('the admin workspace switches to English and every page follows', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto('/admin/login');
  await expect(page.locator('html')).toHaveAttribute('lang', 'da');
  await page.getByRole('button', { name: 'Read the administration in English' }).click();

  // Sign in, in English; the focus stays on the switch across the reload.
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
  await expect(page.locator('#lang-switch')).toBeFocused();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page).toHaveTitle('Sign in – Forebyg administration');
  await expect(page.getByText('For development and testing only.')).toBeVisible();
  await expectNoAxeViolations(page, 'login (en)');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Development sign-in' })).toBeVisible();
  await expectNoAxeViolations(page, 'dev-login (en)');
  await page.getByLabel('Role').selectOption({ label: 'Regional administrator' });
  await page.getByLabel('Region').selectOption({ label: 'Central Denmark Region' });
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Overview' })).toBeVisible();
  await expect(page.getByText('Regional administrator, Central Denmark Region')).toBeVisible();
  const nav = page.getByRole('navigation', { name: 'Administration' });
  await expect(nav.getByRole('link', { name: 'Error reports' })).toBeVisible();

  for (const { path, h1, title } of pages) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1, name: h1, exact: true })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page).toHaveTitle(`${title} – Forebyg administration`);
    await expect(page.getByText('Loading …')).toHaveCount(0);
    await expectNoAxeViolations(page, `${path} (en)`);
  }

  // An existing offer in the editor, and the form's own English.
  await page.goto('/admin/tilbud');
  await page.getByRole('table', { name: 'Offers' }).getByRole('row').nth(1).getByRole('link').click();
  await expect(page.getByRole('heading', { level: 1, name: /^Edit "/ })).toBeVisible();
  await expect(page.getByText(/^Status: .* · version \d+ · last confirmed/)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Save changes' })).toBeVisible();
  await expect(page.getByLabel('Short description', { exact: true })).toBeVisible();
  await expectNoAxeViolations(page, 'editor (en)');

  // Back to Danish.
  await page.getByRole('button', { name: 'Læs administrationen på dansk' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /^Rediger »/ })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'da');
});
