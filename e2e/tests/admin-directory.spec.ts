import { expect, test } from './fixtures';
import { bearer, danishOrder, signInAs, unique } from '../pages/admin-api';
import { AdminLocationPage } from '../pages/admin-directory-pages';
import { AdminEditorPage } from '../pages/admin-pages';
import { expectNoAxeViolations } from './a11y';

/** Providers and locations as records: an offer takes its place from a location, and follows it. */
test.describe('admin: providers and locations', () => {
  test('a region admin creates a location, offers there follow its address, a stale edit is reapplied, archiving is refused while in use', async ({
    page,
    request,
  }) => {
    test.setTimeout(120_000);
    const token = await signInAs(page, 'midtjylland');
    const locations = new AdminLocationPage(page);

    // The nav leads to the locations; the new-location form checks the fields first.
    await page.goto('/admin');
    await page.getByRole('navigation', { name: 'Administration' }).getByRole('link', { name: 'Steder' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Steder' })).toBeFocused();
    await page.getByRole('link', { name: 'Opret sted' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Opret sted' })).toBeVisible();
    await locations.save.click();
    await expect(locations.errorSummary).toBeVisible();
    // Empty fields are asked for by name, not called "not a number" or "an unknown code".
    await expect(locations.errorSummary).toContainText('Skriv breddegraden, eller hent koordinaterne fra postnummeret.');
    await expect(locations.errorSummary).toContainText('Vælg kommunen.');
    await expect(locations.errorSummary).not.toContainText(/er ikke et tal|Ukendt kommunekode/);
    // Providers and municipalities by name, in Danish order.
    await expect(locations.field('Kommune').locator('option')).toHaveCount(99);
    const municipalities = (await locations.field('Kommune').locator('option').allTextContents()).slice(1);
    expect(municipalities).toEqual(danishOrder(municipalities));
    expect(municipalities.slice(-4)).toEqual(['Ærø', 'Aabenraa', 'Aalborg', 'Aarhus']);
    const providers = (await locations.field('Udbyder').locator('option').allTextContents()).slice(1);
    expect(providers.length).toBeGreaterThan(1);
    expect(providers).toEqual(danishOrder(providers));
    const first = locations.errorSummary.getByRole('link').first();
    await first.click();
    await expect(page.locator(':focus')).toHaveAttribute('id', /^r-/);
    await expectNoAxeViolations(page, 'new location with errors');

    const name = unique('Sundhedshuset ved Søerne');
    await locations.fillNew({ provider: 'Silkeborg Kommune', name, address: 'Vestergade 5', postcode: '8600', municipality: 'Silkeborg' });
    await locations.save.click();
    await expect(page).toHaveURL(/\/admin\/steder\/sundhedshuset-ved-s/);
    await expect(locations.message).toHaveText('Oprettet.');
    const locationUrl = page.url();
    const locationId = locationUrl.split('/').pop()!;
    await expectNoAxeViolations(page, 'location editor');

    // A new offer picks the provider and the new location; the place is filled from the record.
    await page.goto('/admin/tilbud/ny');
    const editor = new AdminEditorPage(page);
    await expect(page.getByRole('heading', { level: 1, name: 'Opret et tilbud' })).toBeVisible();
    const title = unique('Stolegymnastik ved Søerne');
    await editor.field('Titel').fill(title);
    await editor.field('Kort beskrivelse').fill('Et tilbud oprettet af en automatisk test på et sted fra stedlisten.');
    await editor.field('Indsats').selectOption({ label: 'Fysisk aktivitet' });
    await page.getByRole('group', { name: 'Målgrupper' }).getByRole('checkbox', { name: 'KOL' }).check();
    await editor.addSlot('Onsdag', '10:00', '12:00');
    await editor.field('Udbyder').selectOption({ label: 'Silkeborg Kommune' });
    await editor.field('Sted').selectOption({ label: `${name}, Vestergade 5, 8600 Silkeborg` });
    await expect(editor.field('Adresse')).toHaveValue('Vestergade 5');
    // A website as people type it: the form puts https:// in front.
    await editor.field('Hjemmeside').fill('silkeborg.dk/sundhed');
    await expectNoAxeViolations(page, 'offer form with pickers');
    await editor.save.click();
    await expect(editor.message).toContainText('oprettet som kladde');
    await expect(editor.field('Hjemmeside')).toHaveValue('https://silkeborg.dk/sundhed');
    await page.getByRole('button', { name: 'Offentliggør' }).click();
    await expect(editor.message).toHaveText('Status er nu: Offentliggjort.');
    const offerId = page.url().split('/').pop()!;
    await page.goto(`/tilbud/${offerId}`);
    await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
    await expect(page.getByText('Vestergade 5', { exact: false }).first()).toBeVisible();

    // Editing the location's address moves the public offer with it.
    await page.goto(locationUrl);
    await expect(locations.field('Adresse')).toHaveValue('Vestergade 5');
    await locations.field('Adresse').fill('Vestergade 7');
    await locations.save.click();
    await expect(locations.message).toContainText('Ændringerne er gemt');
    await page.goto(`/tilbud/${offerId}`);
    await expect(page.getByText('Vestergade 7', { exact: false }).first()).toBeVisible();
    await expect(page.getByText('Vestergade 5', { exact: false })).toHaveCount(0);

    // Someone else saves while the page is open: the stale save shows what differs, then reapplies.
    await page.goto(locationUrl);
    await expect(locations.field('Adresse')).toHaveValue('Vestergade 7');
    const current = await (await request.get(`/api/v1/admin/locations/${locationId}`, { headers: bearer(token) })).json();
    const other = await request.put(`/api/v1/admin/locations/${locationId}`, { headers: bearer(token), data: { ...current, name: `${name} Nord` } });
    expect(other.status(), await other.text()).toBe(200);
    await locations.field('Adgang uden trin').fill('Rampe ved hovedindgangen');
    await locations.save.click();
    await expect(locations.conflict).toBeVisible();
    await expect(locations.conflict.getByRole('row', { name: /^Stedets navn/ })).toContainText('Den gemte værdi bruges');
    await expect(locations.conflict.getByRole('row', { name: /^Adgang uden trin/ })).toContainText('Din værdi bruges');
    await expectNoAxeViolations(page, 'location conflict');
    await page.getByRole('button', { name: 'Genanvend mine ændringer' }).click();
    await expect(locations.conflict).toHaveCount(0);
    await expect(locations.field('Stedets navn')).toHaveValue(`${name} Nord`);
    await expect(locations.field('Adgang uden trin')).toHaveValue('Rampe ved hovedindgangen');
    await locations.save.click();
    await expect(locations.message).toContainText('Ændringerne er gemt');
    const saved = await (await request.get(`/api/v1/admin/locations/${locationId}`, { headers: bearer(token) })).json();
    expect([saved.name, saved.step_free_access, saved.version]).toEqual([`${name} Nord`, 'Rampe ved hovedindgangen', current.version + 2]);

    // Archiving is refused while the published offer is held there, naming it.
    await page.getByRole('button', { name: 'Arkivér' }).click();
    await expect(locations.failure).toContainText('Kan ikke arkiveres, fordi offentliggjorte tilbud bruger den');
    await expect(locations.failure).toContainText(title);
    await expect(page.getByRole('button', { name: 'Arkivér' })).toBeVisible();
    await expectNoAxeViolations(page, 'archive refused');
  });

  test('providers: the list, a new provider, and a provider editor sees only their own', async ({ browser, page, request }) => {
    await signInAs(page, 'midtjylland');
    await page.goto('/admin/udbydere');
    await expect(page.getByRole('table', { name: 'Udbydere' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Silkeborg Kommune' })).toBeVisible();
    await expectNoAxeViolations(page, 'providers');
    await page.getByRole('link', { name: 'Opret udbyder' }).click();
    const name = unique('Træningsforeningen');
    await page.getByLabel('Navn', { exact: true }).fill(name);
    await page.getByLabel('Type', { exact: true }).selectOption({ label: 'Forening' });
    await page.getByLabel('E-mail', { exact: true }).fill('kontakt@example.org');
    await page.getByRole('button', { name: 'Opret' }).click();
    await expect(page).toHaveURL(/\/admin\/udbydere\/traeningsforeningen-/);
    await expect(page.locator('#record-message')).toHaveText('Oprettet.');

    // A provider editor's nav goes to their own provider; creating providers is not theirs.
    const login = { role: 'provider-editor', region: 'midtjylland', provider_id: 'demo-kommune-0740' };
    const editorToken = (await (await request.post('/api/v1/dev/token', { data: login })).json()).token as string;
    const rows = await (await request.get('/api/v1/admin/providers', { headers: bearer(editorToken) })).json();
    expect(rows.map((p: { id: string }) => p.id)).toEqual(['demo-kommune-0740']);
    const refused = await request.post('/api/v1/admin/providers', {
      headers: bearer(editorToken),
      data: { name: 'Ny', kind: 'private', region: 'midtjylland', contact: {}, status: 'active' },
    });
    expect(refused.status()).toBe(403);
    const context = await browser.newContext();
    const editorPage = await context.newPage();
    await editorPage.addInitScript((t) => sessionStorage.setItem('forebyg-admin-token', t), editorToken);
    await editorPage.goto('/admin');
    // The header names whose listings these are.
    await expect(editorPage.locator('#admin-user')).toHaveText(/· Redaktør hos udbyder, Region Midtjylland · Silkeborg Kommune$/);
    await editorPage.getByRole('navigation', { name: 'Administration' }).getByRole('link', { name: 'Din udbyder' }).click();
    await expect(editorPage.getByRole('heading', { level: 1, name: 'Rediger udbyder »Silkeborg Kommune«' })).toBeVisible();
    await expect(editorPage.getByLabel('Navn', { exact: true })).toHaveValue('Silkeborg Kommune');
    await expectNoAxeViolations(editorPage, 'provider editor');

    // Their new offer starts with their provider chosen, and saves as it stands (a walk found
    // "Skriv udbyderens navn" with the provider in sight).
    await editorPage.goto('/admin/tilbud/ny');
    const editor = new AdminEditorPage(editorPage);
    await expect(editor.field('Udbyder').locator('option:checked')).toHaveText('Silkeborg Kommune');
    const title = unique('Udbyderens eget tilbud');
    await editor.fillNew({ title, category: 'Fysisk aktivitet', postcode: '8600', municipality: 'Silkeborg' });
    await editor.save.click();
    await expect(editor.message).toContainText('oprettet som kladde');
    await expect(editorPage.getByRole('heading', { level: 1 })).toHaveText(`Rediger »${title}«`);
    await context.close();
  });
});
