import { expect, test } from './fixtures';
import { bearer, createOffer, devToken, offerTemplate, signInAs, unique } from '../pages/admin-api';
import { AdminLoginPage } from '../pages/admin-pages';
import { AdminLocationPage } from '../pages/admin-directory-pages';
import { expectNoAxeViolations } from './a11y';

/** Issue #14 in the admin: the kronikerpakker as data national admins edit, and the associations'
 *  activities a region admin creates and links to an offer ("Fortsæt bagefter"). */
test.describe('admin: kronikerpakker, associations and activities', () => {
  test('a national admin edits a package: field errors at their fields, the change stays after a reload, a stale edit is explained', async ({
    page,
    request,
  }) => {
    test.setTimeout(120_000);
    await new AdminLoginPage(page).signIn('Region Midtjylland', 'National administrator');
    const form = new AdminLocationPage(page);

    await page.getByRole('navigation', { name: 'Administration' }).getByRole('link', { name: 'Kronikerpakker' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Kronikerpakker' })).toBeFocused();
    const table = page.getByRole('table', { name: 'Kronikerpakker' });
    await expect(table.getByRole('row')).toHaveCount(6);
    await expect(table).toContainText('(foreløbig)');
    await expect(table).not.toContainText('pladsholder');
    await expect(page.getByText('»Foreløbig« ved en komponent')).toBeVisible();
    await expectNoAxeViolations(page, 'packages');

    // The test edits the stored package: it starts from what is stored, so it runs in each
    // project (desktop, then mobile) against the same server.
    type Start = { region: string; from_year: number };
    const before = await (await request.get('/api/v1/packages/kompleks-multisygdom')).json();
    const year = (region: string) => before.regions.find((r: Start) => r.region === region).from_year as number;
    const nord = year('nordjylland') === 2032 ? '2034' : '2032';
    const syd = year('syddanmark') === 2033 ? '2035' : '2033';
    const code = `opf-${Date.now().toString(36)}`;
    await table.getByRole('link', { name: 'Kronikerpakke for kompleks multisygdom' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Rediger kronikerpakke »Kronikerpakke for kompleks multisygdom«' })).toBeFocused();
    await expect(form.field('Startår (Region Nordjylland)')).toHaveValue(String(year('nordjylland')));

    // A start year before the reform: the message stands at the region's year.
    await form.field('Startår (Region Nordjylland)').fill('2026');
    await form.save.click();
    await expect(form.errorSummary).toContainText('Startåret skal ligge mellem 2027 og 2040.');
    await form.errorSummary.getByRole('link').first().click();
    await expect(form.field('Startår (Region Nordjylland)')).toBeFocused();
    await expect(page.locator('#r-years_nordjylland').locator('xpath=..')).toContainText('Startåret skal ligge mellem 2027 og 2040.');
    await expectNoAxeViolations(page, 'package editor with errors');

    const note = unique('Rammen for multisygdom er ikke udgivet endnu.');
    await form.field('Startår (Region Nordjylland)').fill(nord);
    await form.field('Kilde').fill(note);
    await page.getByRole('button', { name: 'Tilføj komponent' }).click();
    const added = page.getByRole('group', { name: /^Komponent \d+$/ }).last();
    await added.getByLabel('Kode', { exact: true }).fill(code);
    await added.getByLabel('Navn (dansk)', { exact: true }).fill('Opfølgning hos egen læge');
    await added.getByLabel('Navn (engelsk)', { exact: true }).fill('Follow-up with the GP');
    await form.save.click();
    await expect(form.message).toHaveText('Ændringerne er gemt.');

    await page.reload();
    await expect(form.field('Startår (Region Nordjylland)')).toHaveValue(nord);
    await expect(form.field('Kilde')).toHaveValue(note);
    await expect(page.getByRole('group', { name: /^Komponent \d+$/ }).last().getByLabel('Kode', { exact: true })).toHaveValue(code);
    await expectNoAxeViolations(page, 'package editor');

    // Someone else saves meanwhile: the stale save is explained in a sentence, with what differs.
    const token = await devToken(request, 'midtjylland', 'national-admin');
    const current = await (await request.get('/api/v1/packages/kompleks-multisygdom')).json();
    const other = await request.put('/api/v1/admin/packages/kompleks-multisygdom', {
      headers: bearer(token),
      data: { ...current, source_note: `${note} (rettet)` },
    });
    expect(other.status(), await other.text()).toBe(200);
    await form.field('Startår (Region Syddanmark)').fill(syd);
    await form.save.click();
    await expect(form.conflict).toBeVisible();
    await expect(form.conflict).toContainText('Dine ændringer er ikke gemt: den gemte udgave er nu version');
    await form.conflict.getByRole('button', { name: 'Genanvend mine ændringer' }).click();
    await form.save.click();
    await expect(form.message).toHaveText('Ændringerne er gemt.');
    const saved = await (await request.get('/api/v1/packages/kompleks-multisygdom')).json();
    expect(saved.source_note).toBe(`${note} (rettet)`);
    expect(saved.regions.find((r: { region: string }) => r.region === 'syddanmark').from_year).toBe(Number(syd));

    // In English.
    await page.evaluate(() => localStorage.setItem('forebyg.lang', 'en'));
    await page.reload();
    await expect(page.getByRole('heading', { level: 1, name: 'Edit chronic care package »Chronic care package for complex multimorbidity«' })).toBeVisible();
    await expect(page.getByLabel('Start year (North Denmark Region)', { exact: true })).toHaveValue(nord);
    await expectNoAxeViolations(page, 'package editor (en)');
  });

  test('a region admin reads the packages, creates an association and an activity, links it to an offer, and the citizen sees it', async ({
    page,
    request,
  }) => {
    test.setTimeout(150_000);
    const token = await signInAs(page, 'midtjylland');
    const form = new AdminLocationPage(page);

    // Packages are read-only for a region admin.
    await page.goto('/admin/pakker/kol');
    await expect(page.getByRole('heading', { level: 1, name: 'Kronikerpakke for KOL' })).toBeVisible();
    await expect(page.getByText('Kun landsadministratorer kan rette pakkerne.')).toBeVisible();
    await expect(page.getByRole('textbox')).toHaveCount(0);

    // A new association: the form checks the fields first.
    await page.getByRole('navigation', { name: 'Administration' }).getByRole('link', { name: 'Foreninger' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Foreninger' })).toBeFocused();
    await page.getByRole('link', { name: 'Opret forening' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Opret forening' })).toBeVisible();
    await form.field('CVR-nummer').fill('61126229');
    await form.save.click();
    await expect(form.errorSummary).toContainText('CVR-nummeret passer ikke: et ciffer er nok skrevet forkert.');
    await expect(form.errorSummary).toContainText('Skriv foreningens navn.');
    await expectNoAxeViolations(page, 'new association with errors');
    const association = unique('Lungeforeningen Aarhus');
    await form.field('Foreningens navn').fill(association);
    await form.field('Landsorganisation').fill('Lungeforeningen');
    await form.field('CVR-nummer').fill('61126228');
    await form.field('E-mail').fill('aarhus@lunge.dk');
    await form.save.click();
    await expect(page).toHaveURL(/\/admin\/foreninger\/lungeforeningen-aarhus/);
    await expect(form.message).toHaveText('Oprettet.');
    await expect(page.getByRole('region', { name: 'Foreningens aktiviteter' })).toContainText('Ingen endnu.');
    await expectNoAxeViolations(page, 'association editor');
    const associationPage = page.url();

    // A new activity of that association (chosen, from its page), at a typed address.
    await page.getByRole('link', { name: 'Opret aktivitet for foreningen' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Opret aktivitet' })).toBeVisible();
    await expect(form.field('Forening')).toHaveValue(associationPage.split('/').pop()!);
    // Empty, the place's fields are asked for by name.
    await form.save.click();
    await expect(form.errorSummary).toContainText('Skriv breddegraden, eller hent koordinaterne fra postnummeret.');
    await expect(form.errorSummary).toContainText('Vælg kommunen.');
    await expect(form.errorSummary).not.toContainText(/er ikke et tal|Ukendt kommunekode/);
    const activity = unique('Lungemotion');
    await form.field('Aktivitetens navn').fill(activity);
    await form.field('Hvad det er').fill('Træning på hold for mennesker med KOL, med en instruktør.');
    await page.getByRole('group', { name: 'Passer til' }).getByRole('checkbox', { name: 'KOL' }).check();
    await form.field('Ugentlige tider').fill('Onsdag 17:00-18:30');
    await form.field('Stedets navn').fill('Lungehuset');
    await form.field('Adresse').fill('Nørregade 10');
    // Viborg, away from the 8000 the citizen activity spec counts (spec files run side by side).
    await form.field('Postnummer').fill('8800');
    await page.getByRole('button', { name: 'Hent koordinater fra postnummeret' }).click();
    await expect(form.field('Breddegrad')).not.toHaveValue('');
    await expect(form.field('By')).not.toHaveValue('');
    await form.field('Kommune').selectOption({ label: 'Viborg' });
    await form.field('Gratis prøvegang').check();
    await expectNoAxeViolations(page, 'new activity');
    await form.save.click();
    await expect(page).toHaveURL(/\/admin\/aktiviteter\/lungemotion/);
    await expect(form.message).toHaveText('Oprettet.');
    const activityId = page.url().split('/').pop()!;
    await page.goto(associationPage);
    await expect(page.getByRole('region', { name: 'Foreningens aktiviteter' }).getByRole('link', { name: activity })).toBeVisible();
    // The association list counts its active activities (before: "Ingen", now 1).
    await page.getByRole('link', { name: 'Tilbage til foreningerne' }).click();
    const listed = page.getByRole('table', { name: 'Foreninger' }).getByRole('row').filter({ hasText: association });
    await expect(listed.getByRole('cell')).toHaveText(['Lungeforeningen', 'Region Midtjylland', '1', 'Aktiv']);

    // An offer links to it (and says which KOL package components it delivers) in the editor.
    const template = await offerTemplate(request, token, unique('Lungetræning med fortsættelse'));
    // A physical activity offer: only an offer of that intervention delivers the package's physical activity.
    const offer = await createOffer(request, token, { ...template, category: 'fysisk-aktivitet', packages: [], activity_ids: [] });
    // The editor asks for the activities to pick and for those the admin manages at the same
    // time: the first answer is held until the second request has been made, which, asked one
    // after the other, it never would be (and the picker would never fill).
    let managedAsked!: () => void;
    const managed = new Promise<void>((asked) => (managedAsked = asked));
    await page.route(/\/api\/v1\/admin\/activities$/, async (route) => {
      managedAsked();
      await route.continue();
    });
    await page.route(/\/api\/v1\/admin\/activities\?purpose=link/, async (route) => {
      await managed;
      await route.continue();
    });
    await page.goto(`/admin/tilbud/${offer.id}`);
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Lungetræning med fortsættelse');
    await page.getByLabel('Tilføj pakke', { exact: true }).selectOption({ label: 'Kronikerpakke for KOL' });
    await page.getByRole('group', { name: 'Kronikerpakke for KOL' }).getByRole('checkbox', { name: 'Fysisk aktivitet' }).check();
    // The picker lists the offer's region's activities nearest the offer first, each with its distance.
    const options = page.getByLabel('Tilføj aktivitet', { exact: true }).locator('option');
    await expect(options.filter({ hasText: activity })).toHaveText(/, Viborg \(\d+(,\d)? km\)$/);
    const kms = (await options.allTextContents()).slice(1).map((o) => Number(o.match(/\(([\d,.]+) km\)$/)![1].replace('.', '').replace(',', '.')));
    expect(kms).toEqual([...kms].sort((a, b) => a - b));
    await page.getByLabel('Tilføj aktivitet', { exact: true }).selectOption(activityId);
    await expect(page.getByRole('listitem').filter({ hasText: activity })).toContainText(association);
    await expectNoAxeViolations(page, 'offer editor with package and activity pickers');
    await page.getByRole('button', { name: 'Gem ændringer' }).click();
    await expect(page.locator('#editor-message')).toHaveText('Ændringerne er gemt.');
    await page.reload();
    await expect(page.getByRole('listitem').filter({ hasText: activity })).toContainText('Viborg');
    await expect(page.getByRole('group', { name: 'Kronikerpakke for KOL' }).getByRole('checkbox', { name: 'Fysisk aktivitet' })).toBeChecked();
    const saved = await (await request.get(`/api/v1/admin/offers/${offer.id}`, { headers: bearer(token) })).json();
    expect(saved.activity_ids).toEqual([activityId]);
    expect(saved.packages).toEqual([{ package: 'kol', components: ['fysisk-aktivitet'] }]);

    // The citizen's offer page shows it under "Fortsæt bagefter", in Danish and English.
    await page.goto(`/tilbud/${offer.id}`);
    const section = page.locator('section', { has: page.getByRole('heading', { name: 'Fortsæt bagefter', level: 2 }) });
    await expect(section.getByRole('listitem').filter({ hasText: activity })).toContainText(association);
    await expectNoAxeViolations(page, 'offer page with the new activity (da)');
    await page.evaluate(() => localStorage.setItem('forebyg.lang', 'en'));
    await page.reload();
    const en = page.locator('section', { has: page.getByRole('heading', { name: 'Continue afterwards', level: 2 }) });
    await expect(en.getByRole('listitem').filter({ hasText: activity })).toContainText(association);
    await expectNoAxeViolations(page, 'offer page with the new activity (en)');

    // And on its own: the activity search near 8800 for KOL lists it, and its page opens.
    await page.goto('/aktiviteter?postcode=8800&condition=kol&radius_km=50');
    await page.getByRole('region', { name: 'Activities' }).getByRole('link', { name: activity }).click();
    await expect(page.getByRole('heading', { level: 1, name: activity })).toBeVisible();
    await expect(page.getByText('You can try it once for free.')).toBeVisible();
    await expectNoAxeViolations(page, 'the new activity\'s page (en)');
  });

  test('a region admin makes a provider the steward: its editor edits the activity, another editor is refused', async ({
    browser,
    page,
    request,
  }) => {
    test.setTimeout(120_000);
    const token = await signInAs(page, 'midtjylland');
    // An activity of the region, made through the API from Silkeborg's demo activity.
    const demo = await (await request.get('/api/v1/admin/activities/demo-aktivitet-0740', { headers: bearer(token) })).json();
    const name = unique('Stavgang');
    // Last confirmed in January: due to be confirmed again.
    const made = await request.post('/api/v1/admin/activities', {
      headers: bearer(token),
      data: { ...demo, id: '', name, version: 0, last_verified: '2026-01-02' },
    });
    expect(made.status()).toBe(201);
    const id = (await made.json()).id as string;

    // The region admin chooses the steward; the list shows it.
    await page.goto(`/admin/aktiviteter/${id}`);
    const steward = page.getByLabel('Ansvarlig udbyder', { exact: true });
    await expect(steward).toHaveValue('');
    await expect(steward).toBeEnabled();
    await steward.selectOption({ label: 'Silkeborg Kommune' });
    await page.getByRole('button', { name: 'Gem ændringer' }).click();
    await expect(page.locator('#record-message')).toContainText('Ændringerne er gemt.');
    await page.goto('/admin/aktiviteter');
    await expect(page.getByRole('row').filter({ hasText: name })).toContainText('Silkeborg Kommune');

    const editorPage = async (provider: string) => {
      const login = { role: 'provider-editor', region: 'midtjylland', provider_id: provider };
      const editorToken = (await (await request.post('/api/v1/dev/token', { data: login })).json()).token as string;
      const context = await browser.newContext();
      const p = await context.newPage();
      await p.addInitScript((t) => sessionStorage.setItem('forebyg-admin-token', t), editorToken);
      return { context, p, token: editorToken };
    };
    // The steward's editor sees the steward, unchangeable, and edits the activity.
    const own = await editorPage('demo-kommune-0740');
    // Their overview counts the activities their provider keeps that are due, and leads to them
    // (not to those no offer points to: they see only their own offers).
    await own.p.goto('/admin');
    await expect(own.p.getByRole('heading', { level: 2, name: 'Foreningernes aktiviteter' })).toBeVisible();
    await expect(own.p.getByText(/\d+ aktivitet(er)? skal bekræftes/)).toBeVisible();
    await expect(own.p.getByRole('link', { name: 'Vis de aktiviteter, som intet tilbud henviser til' })).toHaveCount(0);
    await own.p.getByRole('link', { name: 'Vis de aktiviteter, der skal bekræftes' }).click();
    await expect(own.p.getByRole('row').filter({ hasText: name })).toContainText('Aktiv · skal bekræftes');
    await own.p.goto(`/admin/aktiviteter/${id}`);
    await expect(own.p.getByLabel('Ansvarlig udbyder', { exact: true })).toBeDisabled();
    await expect(own.p.getByLabel('Ansvarlig udbyder', { exact: true })).toHaveValue('demo-kommune-0740');
    await own.p.getByLabel('Aktivitetens navn', { exact: true }).fill(`${name} i skoven`);
    await own.p.getByRole('button', { name: 'Gem ændringer' }).click();
    await expect(own.p.locator('#record-message')).toContainText('Ændringerne er gemt.');
    await expectNoAxeViolations(own.p, 'activity edited by its steward');
    await own.context.close();

    // Another provider's editor of the region is told plainly the activity is not theirs.
    const other = await editorPage('demo-kommune-0751');
    await other.p.goto(`/admin/aktiviteter/${id}`);
    await expect(other.p.getByText('Du har ikke adgang til dette.')).toBeVisible();
    await expect(other.p.getByRole('button', { name: 'Gem ændringer' })).toHaveCount(0);

    // Once an offer of theirs leads on to it, they see it, but it is not theirs to change: said,
    // the fields disabled, no save, archive or confirm.
    const template = await offerTemplate(request, other.token, unique('Bagefter stavgang'));
    await createOffer(request, other.token, { ...template, activity_ids: [id] });
    await other.p.reload();
    await expect(other.p.locator('#read-only')).toHaveText(
      'Du kan se aktiviteten, men ikke rette den: det gør regionens administratorer og redaktørerne hos den udbyder, regionen har gjort ansvarlig.',
    );
    await expect(other.p.getByLabel('Aktivitetens navn', { exact: true })).toBeDisabled();
    await expect(other.p.getByLabel('Aktivitetens navn', { exact: true })).toHaveValue(`${name} i skoven`);
    for (const button of ['Gem ændringer', 'Arkivér', 'Stadig korrekt']) {
      await expect(other.p.getByRole('button', { name: button, exact: true })).toHaveCount(0);
    }
    await expectNoAxeViolations(other.p, 'an activity another provider stewards, read only');
    await other.context.close();
  });
});
