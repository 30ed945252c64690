import { expect, test, type Page } from './fixtures';
import { bearer, createOffer, offerTemplate, signInAs, unique } from '../pages/admin-api';
import { expectNoAxeViolations } from './a11y';

// The offers list at scale (#15 point 11): every offer reachable page by page, filters and order
// kept in the address, short Danish dates, titles that wrap between words on a phone.
const DANISH_DAY = /^\d{1,2}\. (jan\.|feb\.|mar\.|apr\.|maj|jun\.|jul\.|aug\.|sep\.|okt\.|nov\.|dec\.) \d{4}/;
const ENGLISH_DAY = /^\d{1,2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4}/;

type Row = Record<string, any>;

/** Checks a page of the list against the region's offers as the API has them, both read again
 *  until they agree: other spec files create offers in the region while this one runs. */
async function agreesWithApi(page: Page, token: string, check: (rows: Row[]) => Promise<void>): Promise<void> {
  await expect(async () => {
    const rows: Row[] = await (await page.request.get('/api/v1/admin/offers', { headers: bearer(token) })).json();
    await check(rows);
  }).toPass({ timeout: 30_000 });
}

const short = { timeout: 5_000 };

test('the offers list pages through every offer and filters by municipality, intervention, provider, status and re-verification', async ({ page }) => {
  test.setTimeout(90_000);
  const token = await signInAs(page, 'midtjylland');
  const rows: Row[] = await (await page.request.get('/api/v1/admin/offers', { headers: bearer(token) })).json();
  expect(rows.length).toBeGreaterThan(100);
  const table = page.getByRole('table', { name: 'Tilbud' });
  await agreesWithApi(page, token, async (rows) => {
    await page.goto('/admin/tilbud');
    await expect(page.getByRole('heading', { level: 1, name: 'Tilbud' })).toBeVisible();
    await expect(page.locator('#offers-count')).toHaveText(`${rows.length} tilbud. Viser 1–50.`, short);
  });
  await expect(table.locator('tbody tr')).toHaveCount(50);
  // Danish short dates, and titles wrap between words, not letter by letter (390 px phone too).
  await expect(table.locator('tbody tr').first().locator('td').last()).toHaveText(DANISH_DAY);
  const titleBox = await table.locator('tbody th').first().boundingBox();
  expect(titleBox!.width).toBeGreaterThan(120);
  await expectNoAxeViolations(page, 'offers list');

  const pagination = page.getByRole('navigation', { name: 'Sider med tilbud' });
  await agreesWithApi(page, token, async (rows) => {
    await page.goto('/admin/tilbud');
    await expect(pagination).toContainText(`Side 1 af ${Math.ceil(rows.length / 50)}`, short);
    await pagination.getByRole('link', { name: 'Næste side' }).click();
    await expect(page).toHaveURL(/\/admin\/tilbud\?side=2$/);
    await expect(page.locator('#offers-count')).toHaveText(`${rows.length} tilbud. Viser 51–100.`, short);
  });
  await agreesWithApi(page, token, async (rows) => {
    const pages = Math.ceil(rows.length / 50);
    await page.goto(`/admin/tilbud?side=${pages}`);
    await expect(table.locator('tbody tr')).toHaveCount(rows.length - (pages - 1) * 50, short);
    await expect(pagination.getByRole('link', { name: 'Næste side' })).toHaveCount(0);
  });

  // Filters combine and land in the address; a reload shows the same list.
  // A municipality and intervention with offers in the demo data.
  const demo = rows.filter((r) => r.id.startsWith('demo-'));
  const pick = demo.find((r) => r.municipality_code && r.category)!;
  await page.goto('/admin/tilbud');
  await page.getByLabel('Kommune', { exact: true }).selectOption(pick.municipality_code);
  await page.getByLabel('Indsats', { exact: true }).selectOption(pick.category);
  await page.getByRole('button', { name: 'Vis tilbud' }).click();
  await expect(page).toHaveURL(new RegExp(`indsats=${pick.category}&kommune=${pick.municipality_code}`));
  await agreesWithApi(page, token, async (rows) => {
    const picked = rows.filter((r) => r.municipality_code === pick.municipality_code && r.category === pick.category);
    const count = `${picked.length} tilbud.`;
    await page.reload();
    await expect(page.locator('#offers-count')).toHaveText(count, short);
    await expect(page.getByLabel('Kommune', { exact: true })).toHaveValue(pick.municipality_code);
    await expect(table.locator('tbody tr')).toHaveCount(Math.min(picked.length, 50), short);
  });

  const provider = demo[0];
  await agreesWithApi(page, token, async (rows) => {
    const ofProvider = rows.filter((r) => r.provider_id === provider.provider_id && r.status === 'published');
    await page.goto(`/admin/tilbud?udbyder=${encodeURIComponent(provider.provider_id)}&status=published`);
    await expect(page.getByLabel('Udbyder', { exact: true })).toHaveValue(provider.provider_id);
    await expect(page.locator('#offers-count')).toContainText(`${ofProvider.length} tilbud`, short);
  });

  // Due for re-verification, the longest unconfirmed first.
  const stale = rows.filter((r) => r.stale && r.status !== 'archived');
  await page.goto('/admin');
  const link = page.getByRole('link', { name: /tilbud, der skal bekræftes$/ });
  await link.click();
  await expect(page).toHaveURL(/bekraeftes=1&sortering=bekraeftet/);
  await expect(page.getByLabel('Kun tilbud der skal bekræftes')).toBeChecked();
  await expect(page.locator('#offers-count')).toContainText(`${stale.length} tilbud`);
  const oldest = stale.map((r) => r.last_verified).sort()[0];
  const [y, m, d] = oldest.split('-').map(Number);
  const months = ['jan.', 'feb.', 'mar.', 'apr.', 'maj', 'jun.', 'jul.', 'aug.', 'sep.', 'okt.', 'nov.', 'dec.'];
  await expect(table.locator('tbody tr').first().locator('td').last()).toContainText(`${d}. ${months[m - 1]} ${y}`);
});

test('the offers list and the overview in English', async ({ page }) => {
  test.setTimeout(60_000);
  await signInAs(page, 'midtjylland');
  await page.evaluate(() => localStorage.setItem('forebyg.lang', 'en'));
  await page.goto('/admin');
  await expect(page.getByRole('heading', { level: 1, name: 'Overview' })).toBeVisible();
  await expect(page.getByText(/^(1 new request is|\d+ new requests are) waiting to be handled\./)).toBeVisible();
  await expect(page.getByText(/^(1 error report from a citizen or professional is|\d+ error reports from citizens and professionals are) open\./)).toBeVisible();
  await page.getByRole('link', { name: /offers? that needs? confirming$/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Offers' })).toBeVisible();
  await expect(page.getByLabel('Only offers that need confirming')).toBeChecked();
  await expect(page.getByLabel('Sort by')).toHaveValue('bekraeftet');
  const table = page.getByRole('table', { name: 'Offers' });
  await expect(table.locator('tbody tr').first().locator('td').last()).toHaveText(ENGLISH_DAY);
  await expect(page.locator('#offers-count')).toHaveText(/^\d+ offers\./);
  await expectNoAxeViolations(page, 'offers list (en)');
});

test('offers with the same title, provider and town are told apart by their place and times', async ({ page, request }) => {
  const token = await signInAs(page, 'midtjylland');
  const title = unique('Rygestop i hverdagen');
  const template = await offerTemplate(request, token, title);
  const centre = unique('Aktivitetscentret');
  const at = (venue: string, slots: object[], next_start: string | null) => ({
    ...template,
    location: { ...template.location, name: venue },
    schedule: { ...template.schedule, slots, next_start, enrolment: next_start ? { kind: 'course', sessions: 6, weeks: 6 } : { kind: 'continuous' } },
  });
  await createOffer(request, token, at('Sundhedshuset', [{ weekday: 'tue', start: '17:00', end: '19:00' }], null));
  await createOffer(request, token, at(centre, [{ weekday: 'thu', start: '10:00', end: '12:00' }, { weekday: 'mon', start: '10:00', end: '12:00' }], '2027-01-14'));

  await page.goto(`/admin/tilbud?soeg=${encodeURIComponent(title)}`);
  const table = page.getByRole('table', { name: 'Tilbud' });
  await expect(table.getByRole('columnheader', { name: 'Titel, sted og tid' })).toBeVisible();
  const rows = table.locator('tbody tr');
  await expect(rows).toHaveCount(2);
  const town = template.location.city;
  // Under the title, so a phone shows them without scrolling sideways.
  const place = (venue: string) => rows.filter({ hasText: venue }).getByRole('rowheader');
  await expect(place('Sundhedshuset')).toHaveText(new RegExp(`^${title}\\s*Sundhedshuset, ${town}.*\\s*Tirsdag 17:00–19:00$`));
  // Monday first, whatever order they were entered in; then the next start.
  await expect(place(centre)).toHaveText(new RegExp(`^${title}\\s*${centre}, ${town}.*Mandag 10:00–12:00 · Torsdag 10:00–12:00 · start 14\\. jan\\. 2027$`));
  // Links of the same name, each described by its place and times (a screen reader's list of links).
  await expect(place(centre).getByRole('link', { name: title })).toHaveAccessibleDescription(new RegExp(`^${centre}, ${town}.* Mandag 10:00–12:00 · Torsdag 10:00–12:00 · start 14\\. jan\\. 2027$`));
  await expect(place('Sundhedshuset').getByRole('link', { name: title })).toHaveAccessibleDescription(new RegExp(`^Sundhedshuset, ${town}.* Tirsdag 17:00–19:00$`));
  // The place's name is found by the text search too.
  await page.goto(`/admin/tilbud?soeg=${encodeURIComponent(centre)}`);
  await expect(rows).toHaveCount(1);
  await expect(rows.first().getByRole('link')).toHaveText(title);
  await expectNoAxeViolations(page, 'offers list with places and times');
});
