import { readFile } from 'node:fs/promises';
import { expect, test } from './fixtures';
import { bearer, devToken, signInAs, unique } from '../pages/admin-api';
import { expectNoAxeViolations } from './a11y';

/** A small `;`-separated CSV reader (quoted cells may hold `;`, quotes and line breaks). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const src = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < src.length; i++) {
    const c = src[i];
    if (quoted) {
      if (c === '"' && src[i + 1] === '"') (cell += '"'), i++;
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ';') row.push(cell), (cell = '');
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && src[i + 1] === '\n') i++;
      row.push(cell), (cell = '');
      rows.push(row), (row = []);
    } else cell += c;
  }
  if (cell || row.length) row.push(cell), rows.push(row);
  return rows;
}

const toCsv = (rows: string[][]) => rows.map((r) => r.map((c) => `"${c.replace(/"/g, '""')}"`).join(';')).join('\r\n') + '\r\n';

test('an admin imports a CSV: a dry run with errors, then an apply; HSDS export works', async ({ page, request }) => {
  test.setTimeout(60_000);
  const token = await devToken(request, 'syddanmark');
  const exported = await request.get('/api/v1/admin/offers.csv', { headers: bearer(token) });
  expect(exported.ok()).toBe(true);
  const [header, ...exportedRows] = parseCsv(await exported.text());
  const col = (name: string) => header.indexOf(name);
  // An offer with a place, so that the one wrong value is the postcode.
  const first = exportedRows.find((r) => r[col('address')] !== '')!;
  const newRow = (title: string) => {
    const r = [...first];
    r[col('id')] = '';
    r[col('version')] = '';
    r[col('title')] = title;
    r[col('status')] = 'draft';
    return r;
  };
  const good = newRow(unique('Importeret tilbud'));
  const bad = newRow(unique('Fejlbehæftet tilbud'));
  bad[col('postcode')] = '12';

  await signInAs(page, 'syddanmark');
  await page.goto('/admin/import');
  const file = page.getByLabel('CSV-fil');
  await file.setInputFiles({ name: 'tilbud.csv', mimeType: 'text/csv', buffer: Buffer.from(toCsv([header, good, bad])) });
  await page.getByRole('button', { name: 'Tjek filen' }).click();
  const report = page.getByRole('region', { name: 'Resultat af tjek' });
  await expect(report).toContainText('2 rækker, 1 fejl');
  const errorRow = report.getByRole('table', { name: 'Fejl i filen' }).getByRole('row', { name: /^3/ });
  await expect(errorRow).toContainText('postcode');
  await expect(page.getByRole('button', { name: 'Anvend' })).toBeDisabled();
  await expectNoAxeViolations(page, 'import report');

  // A changed cell of an offer already there reads from what to what before anything is applied.
  const renamed = [...first];
  renamed[col('title')] = `${first[col('title')]} (rettet)`;
  await file.setInputFiles({ name: 'tilbud.csv', mimeType: 'text/csv', buffer: Buffer.from(toCsv([header, renamed])) });
  await page.getByRole('button', { name: 'Tjek filen' }).click();
  const changed = report.getByRole('table', { name: 'Rækker, der opretter eller ændrer et tilbud' });
  await expect(changed.getByRole('listitem')).toHaveText([`title: ${first[col('title')]} → ${first[col('title')]} (rettet)`]);

  await file.setInputFiles({ name: 'tilbud.csv', mimeType: 'text/csv', buffer: Buffer.from(toCsv([header, good])) });
  await page.getByRole('button', { name: 'Tjek filen' }).click();
  await expect(report).toContainText('1 række uden fejl: 1 oprettes');
  await page.getByRole('button', { name: 'Anvend' }).click();
  await expect(page.getByRole('region', { name: 'Importen er gennemført' })).toContainText('1 oprettet');

  const rows = await (await request.get('/api/v1/admin/offers', { headers: bearer(token) })).json();
  expect(rows.some((r: { title: string }) => r.title === good[col('title')])).toBe(true);

  // HSDS: the public export link answers JSON.
  const href = await page.getByRole('link', { name: 'Tilbud (services)' }).getAttribute('href');
  expect(href).toMatch(/^\/api\/v1\/hsds\/services/);
  const hsds = await request.get(href!);
  expect(hsds.ok()).toBe(true);
  expect(hsds.headers()['content-type']).toContain('json');
  await hsds.json();
});

// New offers from a file arrive as drafts unless the admin chooses to publish them in the import;
// the report says which, and another choice needs its own check before "Anvend".
test('imported new offers are drafts unless the admin chooses to publish them, and the report says so', async ({ page, request }) => {
  test.setTimeout(60_000);
  const token = await devToken(request, 'syddanmark');
  const exported = await request.get('/api/v1/admin/offers.csv', { headers: bearer(token) });
  const [header, ...exportedRows] = parseCsv(await exported.text());
  const col = (name: string) => header.indexOf(name);
  const first = exportedRows.find((r) => r[col('address')] !== '' && r[col('status')] === 'published')!;
  const newRow = (title: string) => {
    const r = [...first];
    r[col('id')] = '';
    r[col('version')] = '';
    r[col('title')] = title;
    return r;
  };
  const statusOf = async (title: string) => {
    const rows = await (await request.get('/api/v1/admin/offers', { headers: bearer(token) })).json();
    return rows.find((r: { title: string }) => r.title === title)?.status;
  };

  await signInAs(page, 'syddanmark');
  await page.goto('/admin/import');
  const choice = page.getByRole('group', { name: 'Nye tilbud i filen (rækker uden id)' });
  const drafts = choice.getByLabel('Opret dem som kladder: du offentliggør dem selv bagefter');
  const publish = choice.getByLabel(/^Offentliggør dem med det samme/);
  await expect(drafts).toBeChecked();
  const file = page.getByLabel('CSV-fil');
  const check = page.getByRole('button', { name: 'Tjek filen' });
  const apply = page.getByRole('button', { name: 'Anvend' });

  // The default: a draft, even though the copied row says "published".
  const asDraft = unique('Importeret kladde');
  await file.setInputFiles({ name: 'tilbud.csv', mimeType: 'text/csv', buffer: Buffer.from(toCsv([header, newRow(asDraft)])) });
  await check.click();
  await expect(page.getByRole('region', { name: 'Resultat af tjek' })).toContainText('1 række uden fejl: 1 oprettes som kladde');
  await apply.click();
  await expect(page.getByRole('region', { name: 'Importen er gennemført' })).toContainText('1 række: 1 oprettet som kladde');
  expect(await statusOf(asDraft)).toBe('draft');
  // The report lists the row, the new offer by its link.
  const changes = page.getByRole('region', { name: 'Importen er gennemført' }).getByRole('table', { name: 'Rækker, der opretter eller ændrer et tilbud' });
  await expect(changes.getByRole('row').nth(1)).toHaveText(`2${asDraft}Nyt tilbud`);
  await expect(changes.getByRole('link', { name: asDraft })).toHaveAttribute('href', /^\/admin\/tilbud\/.+/);
  await expectNoAxeViolations(page, 'import with the choice for new offers');

  // The same file checked again would create the offer a second time: the check says so, next
  // to the offer already there, and "Anvend" is described by it.
  await file.setInputFiles({ name: 'tilbud.csv', mimeType: 'text/csv', buffer: Buffer.from(toCsv([header, newRow(asDraft)])) });
  await check.click();
  const checked = page.getByRole('region', { name: 'Resultat af tjek' });
  await expect(checked.locator('#import-look-alikes')).toContainText('1 ny række ligner et tilbud, der findes allerede');
  await expect(apply).toHaveAccessibleDescription(/^1 ny række ligner et tilbud/);
  await expect(checked.getByRole('row').nth(1)).toContainText('Ligner et tilbud, der findes allerede:');
  await expect(checked.getByRole('link', { name: asDraft })).toHaveAttribute('href', /^\/admin\/tilbud\/.+/);
  await expectNoAxeViolations(page, 'import check with a look-alike');

  // Chosen: published at once. Changing the choice drops the last check.
  const published = unique('Importeret offentliggjort');
  await file.setInputFiles({ name: 'tilbud.csv', mimeType: 'text/csv', buffer: Buffer.from(toCsv([header, newRow(published)])) });
  await check.click();
  await expect(apply).toBeEnabled();
  await publish.check();
  await expect(apply).toBeDisabled();
  await check.click();
  await expect(page.getByRole('region', { name: 'Resultat af tjek' })).toContainText('1 række uden fejl: 1 oprettes og offentliggøres');
  await apply.click();
  await expect(page.getByRole('region', { name: 'Importen er gennemført' })).toContainText('1 række: 1 oprettet og offentliggjort');
  expect(await statusOf(published)).toBe('published');
});

// One click saves the export, named with the day (Danish time), as the file the API sent.
test('the offers export is saved in one click as forebyg-tilbud-<day>.csv', async ({ page }) => {
  await signInAs(page, 'syddanmark');
  await page.goto('/admin/import');
  const day = new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Copenhagen' });
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Hent CSV-fil med tilbud' }).click()]);
  expect(download.suggestedFilename()).toBe(`forebyg-tilbud-${day}.csv`);
  const text = await readFile((await download.path())!, 'utf8');
  expect(text.startsWith('\ufeffid;version;status;title;')).toBe(true);
  expect(text.split('\r\n').length).toBeGreaterThan(2);
  await expect(page.getByRole('status').filter({ hasText: `Filen forebyg-tilbud-${day}.csv er hentet.` })).toBeVisible();
  await expectNoAxeViolations(page, 'import page after an export');
});

/** Windows-1252's characters for the bytes 0x80–0x9F (the rest are Latin-1). */
const HIGH_1252 = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';
const in1252 = (text: string) => [...text].every((c) => c.codePointAt(0)! < 0x80 || (c.codePointAt(0)! >= 0xa0 && c.codePointAt(0)! <= 0xff) || HIGH_1252.includes(c));

/** `text` as Windows-1252 bytes, as Danish Excel's "CSV (semikolonsepareret)" saves it. */
function windows1252(text: string): Buffer {
  const high = HIGH_1252;
  return Buffer.from(
    [...text].map((c) => {
      const n = c.codePointAt(0)!;
      if (n < 0x80 || (n >= 0xa0 && n <= 0xff)) return n;
      const i = high.indexOf(c);
      if (i < 0) throw new Error(`not in Windows-1252: ${c}`);
      return 0x80 + i;
    }),
  );
}

// Danish Excel saves "CSV (semikolonsepareret)" in Windows-1252: its æ, ø and å must come back as
// they were exported, the report says which encoding it read, and a file that changes nothing
// has nothing to apply. A file in neither encoding is refused in a plain sentence.
test('a file re-saved by Danish Excel (Windows-1252) imports unchanged, and the report says how it was read', async ({ page, request }) => {
  test.setTimeout(60_000);
  const token = await devToken(request, 'midtjylland');
  const exported = await (await request.get('/api/v1/admin/offers.csv', { headers: bearer(token) })).text();
  const [header, ...rows] = parseCsv(exported);
  // The offers with a Danish letter in them (all of them are in the export unchanged).
  const danish = rows.filter((r) => /[æøåÆØÅ]/.test(r.join('')) && in1252(r.join(''))).slice(0, 40);
  expect(danish.length).toBeGreaterThan(5);

  await signInAs(page, 'midtjylland');
  await page.goto('/admin/import');
  const file = page.getByLabel('CSV-fil');
  const check = page.getByRole('button', { name: 'Tjek filen' });
  const apply = page.getByRole('button', { name: 'Anvend' });
  const report = page.getByRole('region', { name: 'Resultat af tjek' });
  await file.setInputFiles({ name: 'tilbud.csv', mimeType: 'text/csv', buffer: windows1252(toCsv([header, ...danish])) });
  await check.click();
  // The errors, if any, named in the failure (they depend on what other tests saved).
  await expect(report.getByRole('status')).toBeVisible();
  const listed = (await report.getByRole('table').allInnerTexts()).join(' | ');
  await expect(report.getByRole('status'), listed).toHaveText(`${danish.length} rækker uden fejl, og ingen af dem ændrer noget: der er intet at gemme.`);
  await expect(report).toContainText('Filen er læst som Windows-1252');
  await expect(report.getByRole('table')).toHaveCount(0);
  await expect(apply).toBeDisabled();
  await expect(apply).toHaveAccessibleDescription(/der er intet at gemme/);
  await expectNoAxeViolations(page, 'import report of a Windows-1252 file');

  // UTF-8 with a BOM (Excel's "CSV UTF-8") reads as UTF-8.
  await file.setInputFiles({ name: 'tilbud.csv', mimeType: 'text/csv', buffer: Buffer.from('\uFEFF' + toCsv([header, ...danish])) });
  await check.click();
  await expect(report).toContainText('Filen er læst som UTF-8.');
  await expect(report).toContainText('der er intet at gemme');

  // UTF-16 ("Unicode-tekst") is neither: one plain error, nothing guessed.
  const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(toCsv([header, danish[0]]), 'utf16le')]);
  await file.setInputFiles({ name: 'tilbud.txt', mimeType: 'text/plain', buffer: utf16 });
  await check.click();
  await expect(report.getByRole('table', { name: 'Fejl i filen' })).toContainText('Filen er gemt som Unicode-tekst (UTF-16)');
  await expect(report).not.toContainText('Filen er læst som');
  await expect(apply).toBeDisabled();

  // The workbook itself instead of the CSV saved from it (an .xlsx is a ZIP file): said so, in a
  // row about the whole file.
  const xlsx = Buffer.concat([Buffer.from('PK\x03\x04\x14\x00\x06\x00', 'latin1'), Buffer.from('[Content_Types].xml')]);
  await file.setInputFiles({ name: 'tilbud.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: xlsx });
  await check.click();
  const row = report.getByRole('table', { name: 'Fejl i filen' }).getByRole('row').nth(1);
  await expect(row).toContainText('Filen er et regneark (fx Excel-projektmappe, .xlsx), ikke en CSV-fil.');
  await expect(row.getByRole('cell').first()).toHaveText('(hele filen)');
  await expect(apply).toBeDisabled();
});
