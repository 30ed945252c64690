import { readFile } from 'node:fs/promises';
import { expect, test } from './fixtures';
import { expectNoAxeViolations } from './a11y';
import { bearer, createOffer, danishOrder, devToken, offerTemplate, signInAs, unique } from '../pages/admin-api';
import { AdminEditorPage } from '../pages/admin-pages';

test('a coverage gap disappears after an offer there is published', async ({ page, request }) => {
  test.setTimeout(60_000);
  const token = await devToken(request, 'nordjylland');
  const report = await (await request.get('/api/v1/admin/coverage?max_km=5', { headers: bearer(token) })).json();
  let target: { row: any; index: number } | undefined;
  for (const row of report.rows) {
    const index = row.cells.findIndex((c: { within: number }) => c.within === 0);
    if (index >= 0) {
      target = { row, index };
      break;
    }
  }
  expect(target, 'a gap at 5 km in Nordjylland').toBeDefined();
  const { row, index } = target!;
  const category = report.categories[index];

  await signInAs(page, 'nordjylland');
  await page.goto('/admin/daekning');
  await expect(page.getByRole('table', { name: 'Dækning inden for 15 km' })).toBeVisible();
  // The municipalities by name, in Danish order (Aalborg as Ålborg, last).
  const rowNames = await page.getByRole('table', { name: 'Dækning inden for 15 km' }).getByRole('rowheader').allTextContents();
  expect(rowNames).toEqual(danishOrder(rowNames));
  expect(rowNames.at(-1)).toBe('Aalborg');
  await page.getByLabel('Afstand der tæller som tæt på').selectOption('5');
  await expect(page).toHaveURL(/max_km=5/);
  const tableRow = page.getByRole('table', { name: 'Dækning inden for 5 km' }).getByRole('row').filter({ has: page.getByRole('rowheader', { name: row.name, exact: true }) });
  const cell = tableRow.getByRole('cell').nth(index);
  await expect(cell).toContainText('Hul');
  await expect(page.getByRole('img', { name: 'Huller pr. indsats' })).toBeVisible();
  // The chart's text is drawn at a size one can read, on a phone too (scaled with the chart).
  for (const label of await page.locator('.chart__label').all()) expect((await label.boundingBox())!.height).toBeGreaterThan(13);

  // A draft there, published from its edit page.
  const template = await offerTemplate(request, token, unique('Dækningstest'));
  template.category = category;
  // The template's package components belong to its own intervention, which an offer of another
  // intervention may not deliver (PackageComponent::deliverable_by).
  template.packages = [];
  template.location = { ...template.location, municipality_code: row.code, point: row.point };
  const draft = await createOffer(request, token, template, false);
  await page.goto(`/admin/tilbud/${draft.id}`);
  await page.getByRole('button', { name: 'Offentliggør' }).click();
  await expect(new AdminEditorPage(page).message).toHaveText('Status er nu: Offentliggjort.');

  await page.goto('/admin/daekning?max_km=5');
  await expect(cell).toContainText(/^✓ \d+ tilbud\s*nærmeste \d+,\d km$/);
  await expect(cell).not.toContainText('Hul');

  // Drill down to the municipality's postcodes.
  await tableRow.getByRole('link', { name: row.name }).click();
  await expect(page).toHaveURL(new RegExp(`kommune=${row.code}`));
  await expect(page.getByRole('table', { name: 'Dækning inden for 5 km' }).getByRole('columnheader', { name: 'Postnummer' })).toBeVisible();
});

test('the package lens shows a kronikerpakke component gap that closes when an offer delivering it is added', async ({ page, request }) => {
  test.setTimeout(60_000);
  const token = await devToken(request, 'nordjylland');
  const report = await (await request.get('/api/v1/admin/coverage/packages?package=kol&max_km=5', { headers: bearer(token) })).json();
  expect(report.from_year).toBe(2027);
  let target: { row: any; index: number } | undefined;
  for (const row of report.rows) {
    const index = row.cells.findIndex((c: { gap_from_year: number | null }) => c.gap_from_year === 2027);
    if (index >= 0) {
      target = { row, index };
      break;
    }
  }
  expect(target, 'a KOL package gap at 5 km in Nordjylland').toBeDefined();
  const { row, index } = target!;
  const component = report.components[index];

  await signInAs(page, 'nordjylland');
  await page.goto('/admin/daekning');
  await page.getByLabel('Vis dækning for').selectOption({ label: 'Kronikerpakke for KOL' });
  await expect(page).toHaveURL(/pakke=kol/);
  await page.getByLabel('Afstand der tæller som tæt på').selectOption('5');
  await expect(page).toHaveURL(/max_km=5/);
  await expect(page).toHaveURL(/pakke=kol/);
  await expect(page.locator('#coverage-summary')).toContainText('for Kronikerpakke for KOL, som gælder fra 2027');
  await expect(page.getByRole('img', { name: 'Huller pr. komponent' })).toBeVisible();
  const table = page.getByRole('table', { name: 'Dækning inden for 5 km' });
  await expect(table.getByRole('columnheader', { name: component.name.da, exact: false }).first()).toBeVisible();
  const tableRow = table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: row.name, exact: true }) });
  const cell = tableRow.getByRole('cell').nth(index);
  await expect(cell).toContainText('Hul fra 2027');
  await expectNoAxeViolations(page, 'the coverage package lens');

  // The CSV export of the same lens.
  const day = new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Copenhagen' });
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Hent som CSV' }).click()]);
  expect(download.suggestedFilename()).toBe(`forebyg-pakkedaekning-kol-${day}.csv`);
  const csv = await readFile((await download.path())!, 'utf8');
  expect(csv.split('\n')[0]).toContain(`${component.code} hul fra år`);

  // An offer there that delivers the component closes the gap.
  const template = await offerTemplate(request, token, unique('Pakkedækning'));
  if (component.category) template.category = component.category;
  template.location = { ...template.location, municipality_code: row.code, point: row.point };
  template.packages = [{ package: 'kol', components: [component.code] }];
  await createOffer(request, token, template, true);
  await page.reload();
  await expect(cell).toContainText(/^✓ \d+ tilbud\s*nærmeste \d+,\d km$/);
  await expect(cell).not.toContainText('Hul');

  // The same lens in English.
  await page.evaluate(() => localStorage.setItem('forebyg.lang', 'en'));
  await page.reload();
  await expect(page.locator('#coverage-summary')).toContainText('for Chronic care package for COPD, which applies from 2027');
  await expect(page.getByLabel('Show coverage of')).toHaveValue('kol');
  await expect(page.getByRole('img', { name: 'Gaps per component' })).toBeVisible();
  await expectNoAxeViolations(page, 'the coverage package lens in English');
});

// The package lens's components assumed until Sundhedsstyrelsen publishes the framework say so in
// words an admin reads ("foreløbig", explained), not as a bare "(pladsholder)".
test('provisional package components are marked and explained in the coverage table', async ({ page }) => {
  await signInAs(page, 'nordjylland');
  await page.goto('/admin/daekning?pakke=kol');
  const table = page.getByRole('table', { name: /^Dækning inden for/ });
  await expect(table.getByRole('columnheader', { name: 'Fysisk aktivitet (foreløbig)' })).toBeVisible();
  await expect(table).not.toContainText('pladsholder');
  await expect(page.getByText('»Foreløbig« ved en komponent: den er antaget ud fra kvalitetsstandardernes indsatser')).toBeVisible();
  await expectNoAxeViolations(page, 'the package lens with provisional components');
});
