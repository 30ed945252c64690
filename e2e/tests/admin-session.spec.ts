import { expect, test, type Page } from './fixtures';
import { bearer, createOffer, devToken, offerTemplate, signInAs, unique } from '../pages/admin-api';
import { AdminDevLoginPage, AdminEditorPage, AdminLoginPage } from '../pages/admin-pages';
import { expectNoAxeViolations } from './a11y';

// An admin's sign-in expires while they edit (an ID token lasts an hour): the save sends them to
// sign in again, and they come back to their unsaved edits, which they can then save. Kept in the
// tab's sessionStorage only, for the same admin and page, read once: the offer editor (with a
// colleague's save meanwhile meeting the conflict help), the inbox's unsent note and decline, and
// a record editor (a provider; locations, associations, activities and packages share its code).

const KEPT = 'forebyg-admin-kept-work';
const RESTORED = 'Dine ændringer er sat ind igen — de er ikke gemt endnu.';

/** The sign-in expires: the tab's token becomes one the API refuses. */
async function expire(page: Page): Promise<void> {
  // The page's own loads first (the offer editor's activity lists come one after the other): one
  // answered 401 would send to sign in before the test's click, which then finds no button.
  await page.waitForLoadState('networkidle');
  await page.evaluate(() => sessionStorage.setItem('forebyg-admin-token', 'expired.token.here'));
}

/** On the sign-in page after an expired session: signs in again as the same region admin. */
async function signInAgain(page: Page, region = 'Region Midtjylland'): Promise<void> {
  const login = new AdminLoginPage(page);
  await expect(page).toHaveURL(/\/admin\/login$/);
  await expect(page.getByRole('alert')).toHaveText('Du er blevet logget ud, fordi din session udløb. Log ind igen for at fortsætte.');
  await login.submit.click();
  const dev = new AdminDevLoginPage(page);
  await expect(dev.heading).toBeVisible();
  await dev.choose('Regional administrator', region);
  await dev.submit.click();
}

test.describe('admin: an expired sign-in keeps the unsaved work', () => {
  test('an offer edited past the sign-in comes back as typed and saves', async ({ page, request, dialogs }) => {
    test.setTimeout(60_000);
    const token = await devToken(request, 'midtjylland');
    const offer = await createOffer(request, token, await offerTemplate(request, token, unique('Lang redigering')), false);
    await signInAs(page, 'midtjylland');
    const path = `/admin/tilbud/${offer.id}`;
    await page.goto(path);
    const editor = new AdminEditorPage(page);
    await expect(editor.field('Titel')).toHaveValue(offer.title);

    const title = `${offer.title} (efter en time)`;
    await editor.field('Titel').fill(title);
    await editor.field('By').fill('Udløbsby');
    await expire(page);
    await editor.save.click();

    // Kept in this tab only, while the admin signs in again: leaving for it asks nothing.
    await expect(page).toHaveURL(/\/admin\/login$/);
    expect(dialogs.seen).toEqual([]);
    expect(await page.evaluate((k) => sessionStorage.getItem(k), KEPT)).toContain(title);
    expect(await page.evaluate(() => JSON.stringify(localStorage))).not.toContain(title);
    await signInAgain(page);

    await expect(page).toHaveURL(new RegExp(`${path}$`));
    await expect(editor.message).toHaveText(RESTORED);
    await expect(editor.field('Titel')).toHaveValue(title);
    await expect(editor.field('By')).toHaveValue('Udløbsby');
    // Read once: gone from the tab's storage.
    expect(await page.evaluate((k) => sessionStorage.getItem(k), KEPT)).toBeNull();
    await expectNoAxeViolations(page, 'offer form restored after signing in again');

    await editor.save.click();
    await expect(editor.message).toHaveText('Ændringerne er gemt.');
    const saved = await (await request.get(`/api/v1/admin/offers/${offer.id}`, { headers: bearer(token) })).json();
    expect(saved.title).toBe(title);
    expect(saved.location.city).toBe('Udløbsby');
    expect(saved.version).toBe(offer.version + 1);

    // Another visit to the page shows the offer as stored, with no notice.
    await page.goto(path);
    await expect(editor.field('Titel')).toHaveValue(title);
    await expect(page.getByText(RESTORED)).toHaveCount(0);
  });

  test("a colleague's save while the admin signs in again meets the conflict help, not an overwrite", async ({ page, request }) => {
    test.setTimeout(60_000);
    const token = await devToken(request, 'midtjylland');
    const offer = await createOffer(request, token, await offerTemplate(request, token, unique('Kollega imens')), false);
    await signInAs(page, 'midtjylland');
    await page.goto(`/admin/tilbud/${offer.id}`);
    const editor = new AdminEditorPage(page);
    await expect(editor.field('Titel')).toHaveValue(offer.title);
    const title = `${offer.title} (min rettelse)`;
    await editor.field('Titel').fill(title);
    await expire(page);
    await editor.save.click();
    await expect(page).toHaveURL(/\/admin\/login$/);

    // Meanwhile a colleague moves the offer to another town.
    const put = await request.put(`/api/v1/admin/offers/${offer.id}`, {
      headers: bearer(token),
      data: { ...offer, location: { ...offer.location, city: 'Kollegaby' } },
    });
    expect(put.status(), await put.text()).toBe(200);

    await signInAgain(page);
    await expect(editor.message).toHaveText(RESTORED);
    await expect(editor.field('Titel')).toHaveValue(title);
    await editor.save.click();
    await expect(editor.conflict).toBeVisible();
    await expect(editor.conflict.getByRole('row', { name: /^Titel/ })).toContainText('Din værdi bruges');
    await expect(editor.conflict.getByRole('row', { name: /^By/ })).toContainText('Kollegaby');

    await page.getByRole('button', { name: 'Genanvend mine ændringer' }).click();
    await editor.save.click();
    await expect(editor.message).toHaveText('Ændringerne er gemt.');
    const saved = await (await request.get(`/api/v1/admin/offers/${offer.id}`, { headers: bearer(token) })).json();
    expect(saved.title).toBe(title);
    expect(saved.location.city).toBe('Kollegaby');
    expect(saved.version).toBe(offer.version + 2);
  });

  test('the inbox keeps a half-written note and a half-prepared decline across signing in again', async ({ page, request }) => {
    test.setTimeout(60_000);
    const token = await devToken(request, 'midtjylland');
    const offer = await createOffer(request, token, await offerTemplate(request, token, unique('Note under udløb')));
    const name = unique('Nora Udløbsen');
    const res = await request.post(`/api/v1/offers/${offer.id}/self-referrals`, {
      data: { idempotency_key: `e2e-${Date.now()}-${Math.random().toString(36).slice(2, 10)}`, name, phone: '22334455', consent: true },
    });
    expect(res.status(), await res.text()).toBe(201);
    await signInAs(page, 'midtjylland');
    const address = `/admin/henvendelser?tilbud=${encodeURIComponent(offer.title)}`;
    await page.goto(address);
    const card = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name }) });
    await card.getByText('Historik og noter').click();
    const form = card.getByRole('form', { name: `Tilføj note: ${name}` });
    const note = 'Ringede, ingen svar. Prøver igen i morgen.';
    await form.getByLabel('Ny note').fill(note);
    await card.getByRole('button', { name: `Afvis: ${name}` }).click();
    await card.getByLabel('Hvorfor afvises henvendelsen?').selectOption({ label: 'Andet' });
    await card.getByLabel('Note (skal udfyldes ved »Andet«)').fill('Flytter måske');

    await expire(page);
    await form.getByRole('button', { name: 'Tilføj note' }).click();
    await expect(page).toHaveURL(/\/admin\/login$/);
    expect(await page.evaluate((k) => sessionStorage.getItem(k), KEPT)).toContain(note);
    await signInAgain(page);

    await expect(page).toHaveURL(new RegExp(`${address.replace(/[?]/g, '\\?')}$`));
    await expect(page.getByRole('status').filter({ hasText: RESTORED })).toBeVisible();
    await expect(form.getByLabel('Ny note')).toHaveValue(note);
    await expect(card.getByLabel('Hvorfor afvises henvendelsen?')).toHaveValue('other');
    await expect(card.getByLabel('Note (skal udfyldes ved »Andet«)')).toHaveValue('Flytter måske');
    expect(await page.evaluate((k) => sessionStorage.getItem(k), KEPT)).toBeNull();
    await expectNoAxeViolations(page, 'inbox restored after signing in again');

    await form.getByRole('button', { name: 'Tilføj note' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Noten er tilføjet.' })).toBeVisible();
    await expect(card.getByRole('list', { name: 'Historik' }).getByRole('listitem').filter({ hasText: note })).toBeVisible();
  });

  test("a provider's form comes back too, with the version it started from", async ({ page, request }) => {
    const token = await devToken(request, 'midtjylland');
    const made = await request.post('/api/v1/admin/providers', {
      headers: bearer(token),
      data: { name: unique('Udbyder under udløb'), kind: 'private', region: 'midtjylland', contact: { phone: '+45 86 00 00 00' }, status: 'active' },
    });
    expect(made.status(), await made.text()).toBe(201);
    const provider = await made.json();
    await signInAs(page, 'midtjylland');
    const path = `/admin/udbydere/${provider.id}`;
    await page.goto(path);
    const name = page.getByLabel('Navn', { exact: true });
    await expect(name).toHaveValue(provider.name);
    await name.fill(`${provider.name} (nyt navn)`);
    await page.getByLabel('Kontaktperson', { exact: true }).fill('Kirsten Kontakt');
    await expire(page);
    await page.getByRole('button', { name: 'Gem ændringer' }).click();
    await signInAgain(page);

    await expect(page).toHaveURL(new RegExp(`${path}$`));
    await expect(page.locator('#record-message')).toHaveText(RESTORED);
    await expect(name).toHaveValue(`${provider.name} (nyt navn)`);
    await expect(page.getByLabel('Kontaktperson', { exact: true })).toHaveValue('Kirsten Kontakt');
    await page.getByRole('button', { name: 'Gem ændringer' }).click();
    await expect(page.locator('#record-message')).toHaveText('Ændringerne er gemt. Tilbud, der bruger den, er opdateret.');
    const saved = await (await request.get(`/api/v1/admin/providers/${provider.id}`, { headers: bearer(token) })).json();
    expect([saved.name, saved.contact.name, saved.version]).toEqual([`${provider.name} (nyt navn)`, 'Kirsten Kontakt', provider.version + 1]);
  });
});
