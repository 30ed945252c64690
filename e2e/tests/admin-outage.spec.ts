// A store outage as an admin meets it: the API's own 503 (the problem body and `Retry-After` of
// the second web server of playwright.config.ts, whose DynamoDB store is unreachable) answers the
// admin's requests. Loading data only says "later"; a save says that nothing was saved and that
// the form keeps what was typed. (The admin routes need a token the outage server does not take,
// so its answer to a public route stands in for theirs: every route answers the same 503.)
import { expect, test, type Page } from './fixtures';
import { expectNoAxeViolations } from './a11y';
import { signInAs, unique } from '../pages/admin-api';

const outage = process.env.E2E_OUTAGE_URL!;
const LOAD_SENTENCE = 'Tjenesten er midlertidigt utilgængelig. Prøv igen om lidt.';
const SAVE_SENTENCE = 'Tjenesten er midlertidigt utilgængelig, så intet er gemt.';

/** Answers the requests to `url` (of `method`, or any) with the outage server's 503 until unrouted. */
async function outageFor(page: Page, url: string, method?: string): Promise<void> {
  const real = await page.request.get(`${outage}/api/v1/offers?postcode=8000`);
  expect(real.status()).toBe(503);
  expect(real.headers()['content-type']).toContain('application/problem+json');
  const answer = { status: 503, headers: real.headers(), body: await real.body() };
  await page.route(url, (route) => (method && route.request().method() !== method ? route.fallback() : route.fulfill(answer)));
}

test.describe('admin: outage', () => {
  test('a list or the signed-in admin that cannot be loaded says "later", not that nothing was saved', async ({ page }) => {
    await signInAs(page, 'midtjylland');

    await outageFor(page, '**/api/v1/admin/offers*');
    await page.goto('/admin/tilbud');
    await expect(page.getByRole('alert')).toContainText(LOAD_SENTENCE);
    await expect(page.getByText(SAVE_SENTENCE)).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Prøv igen' })).toBeVisible();
    await expectNoAxeViolations(page, 'a list during an outage');
    await page.unroute('**/api/v1/admin/offers*');
    await page.getByRole('button', { name: 'Prøv igen' }).click();
    await expect(page.getByRole('alert')).toHaveCount(0);

    await outageFor(page, '**/api/v1/admin/me');
    await page.goto('/admin/tilbud/ny');
    await expect(page.getByRole('heading', { level: 1, name: 'Vi kunne ikke hente din konto' })).toBeVisible();
    await expect(page.getByRole('alert')).toContainText(LOAD_SENTENCE);
    await expect(page.getByText(SAVE_SENTENCE)).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Prøv igen' })).toBeVisible();
    await expectNoAxeViolations(page, 'a new record page during an outage');
  });

  test('in English, a load says "later" too, and the header that the account could not be loaded', async ({ page }) => {
    await signInAs(page, 'midtjylland');
    await page.evaluate(() => localStorage.setItem('forebyg.lang', 'en'));
    await outageFor(page, '**/api/v1/admin/offers*');
    await outageFor(page, '**/api/v1/admin/me');
    await page.goto('/admin/tilbud');
    const main = page.getByRole('main');
    await expect(main.getByRole('alert')).toContainText('The service is temporarily unavailable. Try again in a moment.');
    await expect(page.getByText('nothing was saved')).toHaveCount(0);
    await expect(main.getByRole('button', { name: 'Try again' })).toBeVisible();
    const header = page.getByRole('banner');
    await expect(header.getByRole('status')).toHaveText('We could not load your account.');
    await expect(header.getByRole('button', { name: 'Try again' })).toBeVisible();
    await expectNoAxeViolations(page, 'a list and the admin during an outage, in English');
  });

  test('a save during an outage says nothing was saved and keeps what was typed', async ({ page }) => {
    await signInAs(page, 'midtjylland');
    await page.goto('/admin/udbydere/ny');
    const name = unique('Udfaldsforeningen');
    await page.getByLabel('Navn', { exact: true }).fill(name);
    await page.getByLabel('Type', { exact: true }).selectOption({ label: 'Forening' });
    await page.getByLabel('E-mail', { exact: true }).fill('udfald@example.org');

    await outageFor(page, '**/api/v1/admin/providers', 'POST');
    await page.getByRole('button', { name: 'Opret' }).click();
    await expect(page.getByRole('alert')).toContainText(SAVE_SENTENCE);
    await expect(page.getByText(LOAD_SENTENCE)).toHaveCount(0);
    await expect(page.getByLabel('Navn', { exact: true })).toHaveValue(name);
    await expect(page.getByLabel('E-mail', { exact: true })).toHaveValue('udfald@example.org');
    await expectNoAxeViolations(page, 'a save during an outage');

    await page.unroute('**/api/v1/admin/providers');
    await page.getByRole('button', { name: 'Opret' }).click();
    await expect(page).toHaveURL(/\/admin\/udbydere\/udfaldsforeningen-/);
  });
});
