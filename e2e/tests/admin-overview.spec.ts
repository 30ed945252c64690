// The admin overview (/admin): the response times per provider, and its period select.
import { readFile } from 'node:fs/promises';
import { expect, test } from './fixtures';
import { createOffer, devToken, offerTemplate, signInAs, unique } from '../pages/admin-api';
import { expectNoAxeViolations } from './a11y';

test("the overview's response times count, per provider, a request answered by the promised day, and lead to that provider's requests (da, en)", async ({ page, request }) => {
  // It sets up a provider, an offer and requests, then reads the overview in both languages: on a
  // loaded CI machine that took more than the default 30 s.
  test.setTimeout(60_000);
  const token = await devToken(request, 'oestdanmark');
  // A provider of its own (named to sort first among those that keep every promise), so other
  // specs' requests do not move its figures.
  const made = await request.post('/api/v1/admin/providers', {
    headers: { authorization: `Bearer ${token}` },
    data: { name: unique('Aaa Svartidstest'), kind: 'private', region: 'oestdanmark', contact: { phone: '+45 33 44 55 66' }, status: 'active' },
  });
  expect(made.status(), await made.text()).toBe(201);
  const provider = await made.json();
  const template = await offerTemplate(request, token, unique('Svartidstilbud'));
  const offer = await createOffer(request, token, {
    ...template,
    provider: { ...template.provider, id: provider.id, name: provider.name, kind: provider.kind },
    referral: { ...template.referral, response_days: 2 },
  });
  const ask = async (name: string) => {
    const res = await request.post(`/api/v1/offers/${offer.id}/self-referrals`, {
      data: { idempotency_key: `e2e-${Date.now()}-${Math.random().toString(36).slice(2, 10)}`, name, phone: '22334455', consent: true },
    });
    expect(res.status(), await res.text()).toBe(201);
    return (await res.json()).receipt_code as string;
  };
  const answered = await ask(unique('Svar Til Tiden'));
  await ask(unique('Venter Endnu'));
  const moved = await request.post(`/api/v1/admin/referrals/${answered}/status`, {
    headers: { authorization: `Bearer ${token}` },
    data: { status: 'contacted' },
  });
  expect(moved.ok(), await moved.text()).toBe(true);

  await signInAs(page, 'oestdanmark');
  await page.goto('/admin');
  const table = page.getByRole('table', { name: 'Kontakt til tiden pr. udbyder' });
  const row = table.getByRole('row', { name: new RegExp(`^${provider.name}`) });
  // Provider, in time, late, overdue now, not yet due, share in time.
  await expect(row.getByRole('cell')).toHaveText(['1', '0', '0', '1', '100 %']);
  await expect(table.getByRole('columnheader')).toHaveText(['Udbyder', 'Til tiden', 'For sent', 'Over fristen nu', 'Inden for fristen', 'Andel til tiden']);
  await expectNoAxeViolations(page, 'overview');
  // The period: every request kept unless chosen, kept in the address (reload, back).
  const period = page.getByLabel('Periode');
  await expect(period.locator('option:checked')).toHaveText('Alle gemte henvendelser (ca. de seneste 3 måneder)');
  await period.focus();
  await period.selectOption({ label: 'Henvendelser fra de seneste 30 dage' });
  await expect(page).toHaveURL(/\/admin\?svartider=30$/);
  await expect(period, 'the choice keeps the focus where it was').toBeFocused();
  await page.reload();
  await expect(period.locator('option:checked')).toHaveText('Henvendelser fra de seneste 30 dage');
  await expect(row.getByRole('cell')).toHaveText(['1', '0', '0', '1', '100 %']);
  // The provider's name leads to the requests the row counted: its own, made in the period.
  await row.getByRole('link', { name: provider.name }).click();
  await expect(page).toHaveURL(new RegExp(`/admin/henvendelser\\?udbyder=${provider.id}&fra=\\d{4}-\\d{2}-\\d{2}$`));
  // The period's first day: 29 days before the browser's today.
  const firstDay = new URL(page.url()).searchParams.get('fra')!;
  expect(Date.now() - Date.parse(firstDay), firstDay).toBeGreaterThan(28 * 24 * 3600 * 1000);
  expect(Date.now() - Date.parse(firstDay), firstDay).toBeLessThan(31 * 24 * 3600 * 1000);
  await expect(page.getByRole('heading', { level: 1, name: 'Henvendelser' })).toBeFocused();
  await expect(page.getByLabel('Udbyder').locator('option:checked')).toHaveText(provider.name);
  await expect(page.getByLabel('Modtaget fra og med')).toHaveValue(firstDay);
  await expect(page.getByText('2 henvendelser', { exact: true })).toBeVisible();
  await expectNoAxeViolations(page, 'one provider\'s requests');
  // Every provider again: the filter comes off with the choice.
  await page.getByLabel('Udbyder').selectOption({ label: 'Alle udbydere' });
  await page.getByLabel('Modtaget fra og med').fill('');
  await page.getByRole('button', { name: 'Filtrér', exact: true }).click();
  await expect(page).toHaveURL(/\/admin\/henvendelser$/);
  await page.goBack();
  await expect(page.getByLabel('Udbyder').locator('option:checked')).toHaveText(provider.name);
  await page.goBack();
  await expect(page).toHaveURL(/\/admin\?svartider=30$/);
  await expect(period.locator('option:checked')).toHaveText('Henvendelser fra de seneste 30 dage');
  await page.goBack();
  await expect(page).toHaveURL(/\/admin$/);
  await expect(period.locator('option:checked')).toHaveText('Alle gemte henvendelser (ca. de seneste 3 måneder)');
  // The last 12 months: the answer counted from the provider's tally (kept after the request is
  // deleted), the open one from the request itself.
  await period.selectOption({ label: 'Henvendelser fra de seneste 12 måneder' });
  await expect(page).toHaveURL(/\/admin\?svartider=12-mdr$/);
  await expect(row.getByRole('cell')).toHaveText(['1', '0', '0', '1', '100 %']);
  await expectNoAxeViolations(page, 'overview, 12 months');
  // The same months per provider and month as a file to save.
  const day = new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Copenhagen' });
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Hent de seneste 12 måneder pr. udbyder og måned (CSV)' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe(`forebyg-svartider-${day}.csv`);
  const csv = await readFile((await download.path())!, 'utf8');
  // A byte order mark (so Excel shows æ, ø, å) and CRLF line ends, as every export.
  expect(csv.split('\r\n')[0]).toBe('\ufeffudbyder-id;udbyder;måned;til tiden;for sent;over fristen nu;inden for fristen;andel til tiden (%)');
  expect(csv).toMatch(new RegExp(`\r\n${provider.id};${provider.name};\\d{4}-\\d{2};1;0;0;1;100\r\n`));
  await expect(page.getByRole('status').filter({ hasText: `Filen forebyg-svartider-${day}.csv er hentet.` })).toBeVisible();
  await page.getByRole('button', { name: 'Read the administration in English' }).click();
  await expect(page.getByRole('table', { name: 'Contact in time by provider' }).getByRole('row', { name: new RegExp(`^${provider.name}`) }).getByRole('cell')).toHaveText(['1', '0', '0', '1', '100%']);
  await expect(page.getByLabel('Period', { exact: true }).locator('option:checked')).toHaveText('Requests from the last 12 months');
  // A provider the directory does not hold: the select says so rather than "All providers".
  await page.goto('/admin/henvendelser?udbyder=no-such-provider');
  await expect(page.getByLabel('Provider').locator('option:checked')).toHaveText('no-such-provider');
  await expect(page.getByText('No requests.')).toBeVisible();
});

// The overview's period choice fits its longest option at 1280 px (it was cut off at 20rem).
test("the overview's period select shows its whole option text", async ({ page }) => {
  await signInAs(page, 'oestdanmark');
  await page.goto('/admin');
  const select = page.getByLabel('Periode');
  await expect(select).toHaveValue('alle');
  const { needed, width } = await select.evaluate((el: HTMLSelectElement) => {
    const style = getComputedStyle(el);
    const ctx = document.createElement('canvas').getContext('2d')!;
    ctx.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
    const text = el.options[el.selectedIndex].text;
    return { needed: ctx.measureText(text).width + parseFloat(style.paddingLeft), width: el.clientWidth };
  });
  expect(width, 'the select is as wide as its chosen option').toBeGreaterThanOrEqual(needed);
});

// Offers of one title (a region's many "Rygestop på hold") are told apart in the overview's list
// of offers to confirm: each names its provider and town (a walk could not tell two apart).
test('the offers to confirm name their provider and town', async ({ page, request }) => {
  const token = await devToken(request, 'nordjylland');
  type Row = { title: string; provider_name: string; city: string | null; stale: boolean; status: string };
  const rows: Row[] = await (await request.get('/api/v1/admin/offers', { headers: { authorization: `Bearer ${token}` } })).json();
  const stale = rows.filter((r) => r.stale && r.status !== 'archived');
  expect(stale.length, 'demo offers due for confirming in Nordjylland').toBeGreaterThan(0);
  await signInAs(page, 'nordjylland');
  await page.goto('/admin');
  const list = page.locator('section, main').getByRole('list').filter({ hasText: 'sidst bekræftet' });
  const first = list.getByRole('listitem').first();
  await expect(first).toBeVisible();
  const text = (await first.textContent())!;
  expect(stale.some((r) => text.startsWith(`${r.title} · ${r.provider_name}${r.city ? `, ${r.city}` : ''} · sidst bekræftet `)), text).toBe(true);
});
