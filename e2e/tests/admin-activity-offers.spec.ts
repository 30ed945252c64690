import type { APIRequestContext } from '@playwright/test';
import { expect, test } from './fixtures';
import { bearer, createOffer, offerTemplate, signInAs, unique } from '../pages/admin-api';
import { expectNoAxeViolations } from './a11y';

/** A KOL activity at `place`, made through the API from a demo activity. */
async function createActivity(request: APIRequestContext, token: string, name: string, place: unknown, more: Record<string, unknown> = {}) {
  const demo = await (await request.get('/api/v1/admin/activities/demo-aktivitet-0751', { headers: bearer(token) })).json();
  const made = await request.post('/api/v1/admin/activities', {
    headers: bearer(token),
    data: { ...demo, id: '', name, conditions: ['kol'], place, location_id: undefined, version: 0, ...more },
  });
  expect(made.status(), await made.text()).toBe(201);
  return made.json();
}

/** An activity's page lists the offers that point to it under "Fortsæt bagefter" and those near
 *  it for the same conditions that could: one click links or unlinks an offer (saved in the
 *  offer, as its editor would), so a new activity reaches its courses without opening each one. */
test.describe('admin: the offers of an activity', () => {
  test('a region admin adds a nearby offer from the activity page, the citizen sees the activity, and a stale removal is explained', async ({
    page,
    request,
  }) => {
    test.setTimeout(120_000);
    const token = await signInAs(page, 'midtjylland');
    // A published KOL offer, and a KOL activity at the same place (through the API): a few
    // hundred metres from the place the other specs' offers share (made from the same template),
    // so it is the nearest suggestion however many of theirs there are.
    const template = await offerTemplate(request, token, unique('Lungeskole'));
    const point = { lat: template.location.point.lat + 0.004, lon: template.location.point.lon + 0.004 };
    const offer = await createOffer(request, token, {
      ...template,
      location: { ...template.location, name: 'Lungehuset', point },
      conditions: ['kol'],
      eligibility: { ...template.eligibility, accepted_conditions: [] },
      activity_ids: [],
    });
    const name = unique('Lungemotion bagefter');
    const activity = await createActivity(request, token, name, offer.location);

    await page.goto(`/admin/aktiviteter/${activity.id}`);
    const section = page.getByRole('region', { name: 'Tilbud, der henviser hertil' });
    await expect(section.getByText('Intet tilbud henviser hertil endnu.')).toBeVisible();
    const suggested = section.getByRole('table', { name: /^Kan henvise hertil: tilbud til de samme sygdomme inden for 25 km/ });
    const row = suggested.getByRole('row').filter({ hasText: offer.title });
    await expect(row).toContainText(`0,1 km · ${offer.location.name}`);
    await expectNoAxeViolations(page, 'activity page with its offers');

    // Added: said (and focused, since the button moved), listed as pointing here, saved in the offer.
    await row.getByRole('button', { name: `Tilføj: ${offer.title}` }).click();
    const said = page.locator('#activity-offers-said');
    await expect(said).toHaveText(`»${offer.title}« henviser nu hertil.`);
    await expect(said).toBeFocused();
    const linked = section.getByRole('table', { name: 'Henviser hertil' });
    await expect(linked.getByRole('row').filter({ hasText: offer.title })).toBeVisible();
    await expect(suggested.getByRole('row').filter({ hasText: offer.title })).toHaveCount(0);
    const saved = await (await request.get(`/api/v1/admin/offers/${offer.id}`, { headers: bearer(token) })).json();
    expect(saved.activity_ids).toEqual([activity.id]);
    await expectNoAxeViolations(page, 'activity page after adding an offer');

    // The citizen's offer page leads on to it.
    const citizen = await page.context().newPage();
    await citizen.goto(`/tilbud/${offer.id}`);
    const next = citizen.locator('section', { has: citizen.getByRole('heading', { name: 'Fortsæt bagefter', level: 2 }) });
    await expect(next.getByRole('listitem').filter({ hasText: name })).toBeVisible();
    await citizen.close();

    // Someone edits the offer meanwhile: the removal is refused in a sentence, the list reloads,
    // and the second try removes it.
    const edit = await request.put(`/api/v1/admin/offers/${offer.id}`, { headers: bearer(token), data: { ...saved, summary: `${saved.summary} Rettet.` } });
    expect(edit.status(), await edit.text()).toBe(200);
    await linked.getByRole('button', { name: `Fjern: ${offer.title}` }).click();
    await expect(said).toContainText('Nogen ændrede det samme i mellemtiden, så din ændring blev ikke gemt.');
    await expect(said).toBeFocused();
    await linked.getByRole('button', { name: `Fjern: ${offer.title}` }).click();
    await expect(said).toHaveText(`»${offer.title}« henviser ikke længere hertil.`);
    await expect(section.getByText('Intet tilbud henviser hertil endnu.')).toBeVisible();
    await expect(suggested.getByRole('row').filter({ hasText: offer.title })).toBeVisible();
    const after = await (await request.get(`/api/v1/admin/offers/${offer.id}`, { headers: bearer(token) })).json();
    expect(after.activity_ids).toEqual([]);
  });

  test('the activity list counts the offers pointing to each activity and can show only those nobody is sent to; the offers list, those leading to none', async ({ page, request }) => {
    const token = await signInAs(page, 'midtjylland');
    const template = await offerTemplate(request, token, unique('Gå videre'));
    const offer = await createOffer(request, token, { ...template, conditions: ['kol'], eligibility: { ...template.eligibility, accepted_conditions: [] }, activity_ids: [] });
    const name = unique('Gåhold uden tilbud');
    const activity = await createActivity(request, token, name, template.location);

    await page.goto('/admin/aktiviteter');
    const table = page.getByRole('table', { name: 'Aktiviteter' });
    const row = table.getByRole('row').filter({ hasText: name });
    // The count is the cell under "Tilbud, der henviser hertil" (the name is the row's header cell).
    const counts = () =>
      table.evaluate((t: HTMLTableElement) => {
        const column = [...t.tHead!.rows[0].cells].findIndex((h) => h.textContent === 'Tilbud, der henviser hertil');
        return Object.fromEntries([...t.tBodies[0].rows].map((r) => [r.cells[0].textContent, r.cells[column].textContent]));
      });
    await expect.poll(async () => (await counts())[name]).toBe('Ingen');
    const only = page.getByRole('checkbox', { name: /^Vis kun aktive aktiviteter, som intet tilbud henviser til \(\d+\)$/ });
    await only.check();
    await expect(page).toHaveURL(/\/admin\/aktiviteter\?uden-tilbud=1$/);
    await expect(row).toBeVisible();
    expect(new Set(Object.values(await counts()))).toEqual(new Set(['Ingen']));
    await expectNoAxeViolations(page, 'activity list, only those no offer points to');

    // The offers list can show the offers that lead on to nothing: the new one among them.
    await page.goto('/admin/tilbud');
    await page.getByLabel('Søg i titel, udbyder, sted og by').fill(offer.title);
    await page.getByLabel('Kun tilbud uden »Fortsæt bagefter«').check();
    await page.getByRole('button', { name: 'Vis tilbud' }).click();
    await expect(page).toHaveURL(/uden-bagefter=1/);
    const offers = page.getByRole('table', { name: 'Tilbud' });
    await expect(offers.getByRole('link', { name: offer.title })).toBeVisible();

    // An offer now leads on to it: counted, and no longer among those nobody is sent to.
    const link = await request.post(`/api/v1/admin/activities/${activity.id}/offers`, {
      headers: bearer(token),
      data: { offer_id: offer.id, version: offer.version, linked: true },
    });
    expect(link.status(), await link.text()).toBe(200);
    await page.reload();
    await expect(page.getByText('Ingen tilbud passer til filtrene.')).toBeVisible();
    await expect(page.getByLabel('Kun tilbud uden »Fortsæt bagefter«')).toBeChecked();
    await page.goto('/admin/aktiviteter');
    await expect.poll(async () => (await counts())[name]).toBe('1');
    await only.check();
    await expect(row).toHaveCount(0);
    // Back leaves the filter (it lives in the address), as does unticking it.
    await page.goBack();
    await expect(only).not.toBeChecked();
    await expect(row).toBeVisible();
    await page.goForward();
    await expect(only).toBeChecked();
    await only.uncheck();
    await expect(page).toHaveURL(/\/admin\/aktiviteter$/);
    await expect(row).toBeVisible();
  });

  test('an activity nobody has confirmed for half a year is listed as due, and "Stadig korrekt" on its page confirms it', async ({ page, request }) => {
    const token = await signInAs(page, 'midtjylland');
    const template = await offerTemplate(request, token, unique('Bekræft'));
    const name = unique('Gåhold ubekræftet');
    const activity = await createActivity(request, token, name, template.location, { last_verified: '2026-01-02' });

    // The overview counts the activities due and leads to them.
    await page.goto('/admin');
    await expect(page.getByText(/\d+ aktivitet(er)? skal bekræftes: ingen har bekræftet (den|dem) i over et halvt år\./)).toBeVisible();
    await page.getByRole('link', { name: 'Vis de aktiviteter, der skal bekræftes' }).click();
    await expect(page).toHaveURL(/\/admin\/aktiviteter\?bekraeftes=1$/);
    await expect(page.getByRole('checkbox', { name: /^Vis kun aktiviteter, der skal bekræftes \(\d+\)$/ })).toBeChecked();
    const row = page.getByRole('table', { name: 'Aktiviteter' }).getByRole('row').filter({ hasText: name });
    await expect(row).toContainText('Aktiv · skal bekræftes');
    await expectNoAxeViolations(page, 'activity list, only those due');
    await row.getByRole('link', { name }).click();

    await expect(page.locator('#record-status')).toHaveText('Version 1 · Aktiv · bekræftet 2. jan. 2026');
    await expect(page.locator('#record-due')).toContainText('Skal bekræftes: ingen har bekræftet oplysningerne i over et halvt år.');
    await expectNoAxeViolations(page, 'an activity due to be confirmed');
    // Unsaved edits are not confirmed unseen: saved first.
    const activityName = page.getByLabel('Aktivitetens navn', { exact: true });
    await activityName.fill(`${name} (rettet)`);
    const still = page.getByRole('button', { name: 'Stadig korrekt' });
    await still.click();
    await expect(page.locator('#record-failure')).toHaveText('Du har ændringer, der ikke er gemt. Gem dem først.');
    await activityName.fill(name);
    await still.click();
    await expect(page.locator('#record-message')).toHaveText(/^Bekræftet i dag \(\d+\. [a-zæøå]+\.? \d{4}\)\.$/);
    await expect(page.locator('#record-message')).toBeFocused();
    await expect(page.locator('#record-due')).toHaveCount(0);
    await expect(page.locator('#record-status')).toContainText('Version 2 · Aktiv · bekræftet');
    const saved = await (await request.get(`/api/v1/admin/activities/${activity.id}`, { headers: bearer(token) })).json();
    expect(saved.last_verified > '2026-01-02').toBe(true);
    expect(saved.version).toBe(2);

    await page.goto('/admin/aktiviteter?bekraeftes=1');
    await expect(page.getByRole('table', { name: 'Aktiviteter' }).or(page.getByText('Ingen aktiviteter passer til filtrene.'))).toBeVisible();
    await expect(row).toHaveCount(0);
  });
});
