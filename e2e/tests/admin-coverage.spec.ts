import { expect, test } from './fixtures';
import { bearer, createOffer, devToken, offerTemplate, signInAs, unique } from '../pages/admin-api';
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
  await page.getByLabel('Afstand der tæller som tæt på').selectOption('5');
  await expect(page).toHaveURL(/max_km=5/);
  const tableRow = page.getByRole('table', { name: 'Dækning inden for 5 km' }).getByRole('row').filter({ has: page.getByRole('rowheader', { name: row.name, exact: true }) });
  const cell = tableRow.getByRole('cell').nth(index);
  await expect(cell).toContainText('Hul');
  await expect(page.getByRole('img', { name: 'Huller pr. indsats' })).toBeVisible();

  // A draft there, published from its edit page.
  const template = await offerTemplate(request, token, unique('Dækningstest'));
  template.category = category;
  template.location = { ...template.location, municipality_code: row.code, point: row.point };
  const draft = await createOffer(request, token, template, false);
  await page.goto(`/admin/tilbud/${draft.id}`);
  await page.getByRole('button', { name: 'Offentliggør' }).click();
  await expect(new AdminEditorPage(page).message).toHaveText('Status er nu: Offentliggjort.');

  await page.goto('/admin/daekning?max_km=5');
  await expect(cell).toContainText('inden for');
  await expect(cell).not.toContainText('Hul');

  // Drill down to the municipality's postcodes.
  await tableRow.getByRole('link', { name: row.name }).click();
  await expect(page).toHaveURL(new RegExp(`kommune=${row.code}`));
  await expect(page.getByRole('table', { name: 'Dækning inden for 5 km' }).getByRole('columnheader', { name: 'Postnummer' })).toBeVisible();
});
