import { readFile } from 'node:fs/promises';
import { expect, test, type APIRequestContext } from './fixtures';
import { expectNoAxeViolations } from './a11y';
import { bearer, createOffer, danishOrder, devToken, offerTemplate, signInAs, unique } from '../pages/admin-api';
import { AdminEditorPage } from '../pages/admin-pages';

/** The region a project's run works in. The desktop and the phone runs both close the gap with
 * the fewest uncovered postcodes by publishing offers there: in one region, running at the same
 * time, they would pick the same gap and close it under each other's feet. */
function regionOf(project: string) {
  return project === 'mobile'
    ? { code: 'syddanmark', name: 'Region Syddanmark', last: 'Aabenraa' }
    : { code: 'nordjylland', name: 'Region Nordjylland', last: 'Aalborg' };
}

/** The gap cell (row, column) with the fewest postcodes lacking an offer, and those postcodes
 * from the municipality's drill-down. */
async function fewestUncovered(request: APIRequestContext, token: string, path: string, isGap: (cell: any) => boolean) {
  const report = await (await request.get(path, { headers: bearer(token) })).json();
  let target: { row: any; index: number } | undefined;
  for (const row of report.rows) {
    row.cells.forEach((cell: any, index: number) => {
      if (isGap(cell) && (!target || cell.postcodes_without < target.row.cells[target.index].postcodes_without)) target = { row, index };
    });
  }
  expect(target, `a gap in ${path}`).toBeDefined();
  const { row, index } = target!;
  const drill = await (await request.get(`${path}&municipality=${row.code}`, { headers: bearer(token) })).json();
  const uncovered = drill.rows.filter((r: any) => isGap(r.cells[index]));
  // The overview and its drill-down agree: the same postcodes lack the column.
  expect([drill.rows.length, uncovered.length]).toEqual([row.postcodes, row.cells[index].postcodes_without]);
  return { report, row, index, uncovered };
}

/** A covered municipality's cell: from several postcodes the fewest offers and the farthest distance. */
function coveredText(row: { postcodes: number }): RegExp {
  return row.postcodes > 1 ? /^✓ mindst \d+ tilbud\s*op til \d+,\d km til nærmeste$/ : /^✓ \d+ tilbud\s*nærmeste \d+,\d km$/;
}

/** A copy of `template` at a postcode of the drill-down. */
function atPostcode(template: Record<string, any>, municipality: string, postcode: any) {
  return { ...template, location: { ...template.location, municipality_code: municipality, postcode: postcode.code, city: postcode.name, point: postcode.point } };
}

test('a coverage gap disappears after offers at its postcodes are published', async ({ page, request }, testInfo) => {
  test.setTimeout(60_000);
  const region = regionOf(testInfo.project.name);
  const token = await devToken(request, region.code);
  const { report, row, index, uncovered } = await fewestUncovered(request, token, '/api/v1/admin/coverage?max_km=5', (c) => c.within === 0);
  const category = report.categories[index];

  await signInAs(page, region.code);
  await page.goto('/admin/daekning');
  await expect(page.getByRole('table', { name: 'Dækning inden for 15 km' })).toBeVisible();
  // The municipalities by name, in Danish order (Aalborg as Ålborg, Aabenraa as Åbenrå, last).
  const rowNames = await page.getByRole('table', { name: 'Dækning inden for 15 km' }).getByRole('rowheader').allTextContents();
  expect(rowNames).toEqual(danishOrder(rowNames));
  expect(rowNames.at(-1)).toBe(region.last);
  // Scrolled to its last municipality, the table still shows which column is which (its heads
  // stay at the top of its box, on a phone too).
  const table = page.getByRole('table', { name: 'Dækning inden for 15 km' });
  const box = page.getByRole('region', { name: 'Dækning inden for 15 km' });
  // On a desktop every municipality shows, with no box to scroll (a walk saw 5 of 11 and took
  // them for all); a phone scrolls the table in its own box, as wide as the screen.
  const scrolls = await box.evaluate((el) => el.scrollHeight > el.clientHeight + 1);
  expect(scrolls, 'the table scrolls in a box of its own').toBe(testInfo.project.name === 'mobile');
  await box.evaluate((el) => el.scrollTo(0, el.scrollHeight));
  await box.scrollIntoViewIfNeeded();
  await table.getByRole('rowheader', { name: region.last, exact: true }).scrollIntoViewIfNeeded();
  await expect(table.getByRole('rowheader', { name: region.last, exact: true })).toBeInViewport();
  await expect(table.getByRole('columnheader').nth(1)).toBeInViewport();
  await expect(page.locator('#coverage-summary')).toHaveText(
    new RegExp(`^\\d+ huller? i ${region.name}: kommuner og indsatser, hvor mindst ét postnummer er uden et tilbud inden for 15 km\\. I alt \\d+ huller? for postnumre og indsatser\\.$`),
  );
  await page.getByLabel('Afstand der tæller som tæt på').selectOption('5');
  await expect(page).toHaveURL(/max_km=5/);
  const tableRow = page.getByRole('table', { name: 'Dækning inden for 5 km' }).getByRole('row').filter({ has: page.getByRole('rowheader', { name: row.name, exact: true }) });
  const cell = tableRow.getByRole('cell').nth(index);
  const postcodes = row.postcodes === 1 ? '1 postnummer' : `${row.postcodes} postnumre`;
  // Of a municipality's postcodes without, those on an island with no offer on it are named.
  const islands = row.cells[index].postcodes_across_water;
  const onIslands = row.postcodes > 1 && islands > 0 ? `heraf ${islands === 1 ? '1 på en ø' : `${islands} på øer`}` : '';
  await expect(cell).toContainText(`Hul${uncovered.length} af ${postcodes}${onIslands}${row.postcodes > 1 ? 'op til ' : 'nærmeste '}`);
  // The distance opens the nearest offer (what is there, and whether it could reach further).
  const nearest = row.cells[index].nearest_offer_id;
  if (row.cells[index].nearest_km !== null && nearest) {
    await expect(cell.getByRole('link', { name: /nærmeste|op til/ })).toHaveAttribute('href', `/admin/tilbud/${encodeURIComponent(nearest)}`);
  }
  // The gap offers to create the missing offer there: the form opens with the intervention and
  // the municipality filled in.
  const intervention = await page.getByRole('table', { name: 'Dækning inden for 5 km' }).getByRole('columnheader').nth(index + 1).textContent();
  await cell.getByRole('link', { name: `Opret et tilbud her: ${intervention}, ${row.name}` }).click();
  await expect(page).toHaveURL(new RegExp(`/admin/tilbud/ny\\?kategori=${category}&region=${region.code}&kommune=${row.code}&tilbage=%2Fadmin%2Fdaekning%3Fmax_km%3D5$`));
  await expect(page.getByLabel('Indsats', { exact: true })).toHaveValue(category);
  await expect(page.getByLabel('Kommune', { exact: true })).toHaveValue(row.code);
  await expect(page.locator('#from-gap')).toHaveText(`Fra dækningen: ${intervention} mangler i ${row.name}. Indsatsen og kommunen er udfyldt; resten udfylder du.`);
  // The way back is to the table as it was left: at 5 km, not the 15 km it opens at.
  await page.getByRole('link', { name: 'Tilbage til dækningen' }).click();
  await expect(page).toHaveURL(/\/admin\/daekning\?max_km=5$/);
  await expect(page.getByRole('table', { name: 'Dækning inden for 5 km' })).toBeVisible();
  await expect(page.getByRole('img', { name: 'Huller pr. indsats' })).toBeVisible();
  // The chart's text is drawn at a size one can read, on a phone too (scaled with the chart).
  for (const label of await page.locator('.chart__label').all()) expect((await label.boundingBox())!.height).toBeGreaterThan(13);

  // Offers at all but one of the uncovered postcodes: one postcode is left without.
  const template = await offerTemplate(request, token, unique('Dækningstest'));
  template.category = category;
  // The template's package components belong to its own intervention, which an offer of another
  // intervention may not deliver (PackageComponent::deliverable_by).
  template.packages = [];
  for (const postcode of uncovered.slice(1)) await createOffer(request, token, atPostcode(template, row.code, postcode), true);
  await page.reload();
  await expect(cell).toContainText(`Hul1 af ${postcodes}`);

  // The last, created from the gap's link and published from its page, whose back link still
  // leads to the table as it was left (a walk's admin was led to the list of offers instead).
  await cell.getByRole('link', { name: `Opret et tilbud her: ${intervention}, ${row.name}` }).click();
  const editor = new AdminEditorPage(page);
  await editor.fillNew({ title: unique('Hulluk'), category: intervention!, postcode: uncovered[0].code, municipality: row.name });
  await editor.field('Udbyder').selectOption({ index: 1 });
  await editor.save.click();
  await expect(editor.message).toContainText('oprettet som kladde');
  await expect(page).toHaveURL(/\/admin\/tilbud\/[^/?]+\?tilbage=%2Fadmin%2Fdaekning%3Fmax_km%3D5$/);
  await page.getByRole('button', { name: 'Offentliggør' }).click();
  await expect(editor.message).toHaveText('Status er nu: Offentliggjort.');
  await page.getByRole('link', { name: 'Tilbage til dækningen' }).click();
  await expect(page).toHaveURL(/\/admin\/daekning\?max_km=5$/);
  await expect(cell).toContainText(coveredText(row));
  await expect(cell).not.toContainText('Hul');

  // Drill down to the municipality's postcodes: the headline names it.
  await tableRow.getByRole('link', { name: row.name, exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`kommune=${row.code}`));
  // The followed link's row is gone: the focus goes to the page's heading, not to its body.
  await expect(page.getByRole('heading', { level: 1, name: 'Dækning' })).toBeFocused();
  await expect(page.locator('#coverage-summary')).toContainText(`i ${row.name} (${region.name}): postnumre og indsatser uden et tilbud inden for 5 km.`);
  const drilled = page.getByRole('table', { name: 'Dækning inden for 5 km' });
  await expect(drilled.getByRole('columnheader', { name: 'Postnummer' })).toBeVisible();
  await expect(drilled.getByRole('rowheader')).toHaveCount(row.postcodes);
  await expect(drilled.getByRole('row').filter({ hasText: `${uncovered[0].code} ${uncovered[0].name}` }).getByRole('cell').nth(index)).toContainText(/^✓ \d+ tilbud\s*nærmeste \d+,\d km$/);
});

test('the package lens shows a kronikerpakke component gap that closes when an offer delivering it is added', async ({ page, request }, testInfo) => {
  test.setTimeout(60_000);
  const region = regionOf(testInfo.project.name);
  const token = await devToken(request, region.code);
  const path = '/api/v1/admin/coverage/packages?package=kol&max_km=5';
  const { report, row, index, uncovered } = await fewestUncovered(request, token, path, (c) => c.gap_from_year === 2027);
  expect(report.from_year).toBe(2027);
  const component = report.components[index];

  await signInAs(page, region.code);
  await page.goto('/admin/daekning');
  await page.getByLabel('Vis dækning for').selectOption({ label: 'Kronikerpakke for KOL' });
  await expect(page).toHaveURL(/pakke=kol/);
  await page.getByLabel('Afstand der tæller som tæt på').selectOption('5');
  await expect(page).toHaveURL(/max_km=5/);
  await expect(page).toHaveURL(/pakke=kol/);
  await expect(page.locator('#coverage-summary')).toContainText('for Kronikerpakke for KOL, som gælder fra 2027');
  // Back and Forward: the menus say what the address and the table say (a walk's menus kept the
  // last choice made by hand).
  const lens = page.getByLabel('Vis dækning for');
  const km = page.getByLabel('Afstand der tæller som tæt på');
  await page.goBack();
  await expect(page).not.toHaveURL(/max_km=5/);
  await expect(km).not.toHaveValue('5');
  await page.goBack();
  await expect(page).not.toHaveURL(/pakke=kol/);
  await expect(lens).toHaveValue('');
  await page.goForward();
  await expect(page).toHaveURL(/pakke=kol/);
  await expect(lens).toHaveValue('kol');
  await page.goForward();
  await expect(page).toHaveURL(/max_km=5/);
  await expect(km).toHaveValue('5');
  await expect(page.getByRole('img', { name: 'Huller pr. komponent' })).toBeVisible();
  const table = page.getByRole('table', { name: 'Dækning inden for 5 km' });
  await expect(table.getByRole('columnheader', { name: component.name.da, exact: false }).first()).toBeVisible();
  const tableRow = table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: row.name, exact: true }) });
  const cell = tableRow.getByRole('cell').nth(index);
  await expect(cell).toContainText(`Hul fra 2027${uncovered.length} af ${row.postcodes === 1 ? '1 postnummer' : `${row.postcodes} postnumre`}`);
  await expectNoAxeViolations(page, 'the coverage package lens');
  // The gap offers to create the offer that closes it: the component's intervention, the
  // municipality, and the component ticked for the package (a walk found no way on from here).
  if (component.category) {
    const create = cell.getByRole('link', { name: `Opret et tilbud her: ${component.name.da}`, exact: false });
    await expect(create).toHaveAttribute('href', new RegExp(`kategori=${component.category}.*kommune=${row.code}.*&pakke=kol&komponent=${component.code}$`));
    await create.click();
    await expect(page.getByText(/^Fra dækningen: .+ \(Kronikerpakke for KOL\) mangler i /)).toBeVisible();
    await page.goBack();
    await expect(cell).toContainText('Hul fra 2027');
  }

  // The CSV export of the same lens.
  const day = new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Copenhagen' });
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Hent som CSV' }).click()]);
  expect(download.suggestedFilename()).toBe(`forebyg-pakkedaekning-kol-${day}.csv`);
  const csv = await readFile((await download.path())!, 'utf8');
  expect(csv.split('\n')[0]).toContain(`${component.name.da}: hul fra år`);
  // Another distance is another file: the saved file's line goes.
  const saved = page.getByRole('status').filter({ hasText: `Filen forebyg-pakkedaekning-kol-${day}.csv er hentet.` });
  await expect(saved).toBeVisible();
  await page.getByLabel('Afstand der tæller som tæt på').selectOption('10');
  await expect(saved).toHaveCount(0);
  await page.getByLabel('Afstand der tæller som tæt på').selectOption('5');
  await expect(page).toHaveURL(/max_km=5/);

  // Offers at its postcodes that deliver the component close the gap.
  const template = await offerTemplate(request, token, unique('Pakkedækning'));
  if (component.category) template.category = component.category;
  template.packages = [{ package: 'kol', components: [component.code] }];
  for (const postcode of uncovered) await createOffer(request, token, atPostcode(template, row.code, postcode), true);
  await page.reload();
  await expect(cell).toContainText(coveredText(row));
  await expect(cell).not.toContainText('Hul');

  // One municipality's drill-down keeps to it when the lens changes, both ways.
  await page.goto(`/admin/daekning?max_km=5&kommune=${row.code}`);
  await expect(page.getByRole('link', { name: 'Tilbage til alle kommuner' })).toBeVisible();
  await page.getByLabel('Vis dækning for').selectOption({ label: 'Kronikerpakke for KOL' });
  await expect(page).toHaveURL(new RegExp(`kommune=${row.code}.*pakke=kol`));
  await expect(page.locator('#coverage-summary')).toContainText('for Kronikerpakke for KOL');
  await expect(page.getByRole('link', { name: 'Tilbage til alle kommuner' })).toBeVisible();
  await page.getByLabel('Vis dækning for').selectOption({ label: 'De seks lovpligtige indsatser' });
  await expect(page).toHaveURL(new RegExp(`kommune=${row.code}`));
  await expect(page).not.toHaveURL(/pakke=/);
  await page.goto('/admin/daekning?max_km=5&pakke=kol');

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

test('an island without a fixed link counts only its own offers, and says so', async ({ page, request }) => {
  // The demo data puts Holbæk's offers in Holbæk, 5 km across the water from Orø (4305): in a
  // straight line within 15 km, but a ferry crossing away.
  const token = await devToken(request, 'oestdanmark');
  const drill = await (await request.get('/api/v1/admin/coverage?max_km=15&municipality=0316', { headers: bearer(token) })).json();
  const oroe = drill.rows.find((r: any) => r.code === '4305');
  const index = oroe.cells.findIndex((c: any) => c.within === 0 && c.postcodes_across_water === 1);
  expect(index, 'Orø lacks an intervention that Holbæk has').toBeGreaterThanOrEqual(0);
  const town = drill.rows.find((r: any) => r.code === '4300');
  expect(town.cells[index].within).toBeGreaterThan(0);

  await signInAs(page, 'oestdanmark');
  await page.goto('/admin/daekning');
  const table = page.getByRole('table', { name: 'Dækning inden for 15 km' });
  const holbaek = table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Holbæk', exact: true }) });
  await expect(holbaek.getByRole('cell').nth(index)).toContainText(/^✕ Hul\d+ af \d+ postnumreheraf 1 på en ø: \d+,\d km over vandetop til \d+,\d km til nærmesteOpret et tilbud her$/);
  // Under the summary: how many gaps are only on islands (if any), and what closes such a gap.
  const overview = await (await request.get('/api/v1/admin/coverage?max_km=15', { headers: bearer(token) })).json();
  const only = overview.rows.flatMap((r: any) => r.cells).filter((c: any) => c.within === 0 && c.postcodes_across_water > 0 && c.postcodes_across_water === c.postcodes_without).length;
  await expect(page.locator('#coverage-islands')).toHaveText(
    new RegExp(
      `^${only ? `${only} af hullerne er kun på øer uden fast forbindelse\\. ` : ''}På en ø uden fast forbindelse tæller kun tilbud på øen: en færgetur er ikke en afstand, og afstanden over vandet står for sig\\. Et sådant hul lukkes af et tilbud med fremmøde på øen`,
    ),
  );

  await holbaek.getByRole('link', { name: 'Holbæk', exact: true }).click();
  await expect(page).toHaveURL(/kommune=0316/);
  const rows = page.getByRole('table', { name: 'Dækning inden for 15 km' }).getByRole('row');
  await expect(rows.filter({ hasText: '4305 Orø' }).getByRole('cell').nth(index)).toHaveText(/^✕ Hulnærmeste \d+,\d km over vandetOpret et tilbud her$/);
  await expect(rows.filter({ hasText: '4300 Holbæk' }).getByRole('cell').nth(index)).toContainText(/^✓ \d+ tilbud/);
  await expectNoAxeViolations(page, 'the coverage drill-down with an island');
});
