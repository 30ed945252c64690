import { expect, test } from './fixtures';
import { expectNoAxeViolations } from './a11y';
import { bearer, createOffer, devToken, offerTemplate, unique } from '../pages/admin-api';

// "Fortsæt bagefter" on the offer page: the association activities the offer links to, nearest
// to the place of the citizen's last search first (the demo store links each offer with a place
// to its municipality's activities that suit one of its conditions).
test('offer page lists the linked activities nearest the searched place, in Danish and English', async ({ page, request }) => {
  type Hit = { offer: { id: string } };
  const hits: Hit[] = (await (await request.get('/api/v1/offers?postcode=8000&radius_km=30&format=on-site&per_page=20')).json()).results;
  let id = '';
  let expected: { activity: { name: string }; association_name: string }[] = [];
  for (const h of hits) {
    expected = await (await request.get(`/api/v1/offers/${h.offer.id}/activities?postcode=8000`)).json();
    if (expected.length > 0) {
      id = h.offer.id;
      break;
    }
  }
  expect(id, 'a demo offer near Aarhus links to an activity').not.toBe('');
  const first = expected[0].activity.name as string;

  // The search is remembered in this tab; the offer page then measures from its place.
  await page.goto('/?postcode=8000&radius_km=30');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await page.waitForFunction(() => (sessionStorage.getItem('forebyg.last_search') ?? '').includes('postcode=8000'));
  await page.goto(`/tilbud/${id}`);
  const section = page.locator('section', { has: page.getByRole('heading', { name: 'Fortsæt bagefter', level: 2 }) });
  await expect(section).toBeVisible();
  // Said from where: the searched place (a walk read "100 km" with no idea from what).
  await expect(section.getByText('Nærmeste først. Afstandene er målt fra 8000 Aarhus C.', { exact: false })).toBeVisible();
  await expect(section.getByRole('listitem')).toHaveCount(expected.length);
  await expect(section.getByRole('listitem').first()).toContainText(first);
  await expect(section.getByRole('listitem').first()).toContainText(expected[0].association_name);
  // The distance from the searched place is shown in plain words (km).
  await expect(section.getByRole('listitem').first()).toContainText('km');
  await expectNoAxeViolations(page, 'offer page with "Fortsæt bagefter" (da)');

  // Each activity has its page; more activities near the searched place are one link away.
  await expect(section.getByRole('link', { name: 'Find flere foreningsaktiviteter nær dig' })).toHaveAttribute('href', /^\/aktiviteter\?postcode=8000/);
  await section.getByRole('link', { name: first }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: first })).toBeVisible();
  // Back, the activity's link comes back with the focus, in view: the list is at the foot of a
  // long page (a walk's citizen was put back at its top, the focus on a heading out of view).
  await page.goBack();
  await expect(section.getByRole('link', { name: first }).first()).toBeFocused();
  await expect(section.getByRole('link', { name: first }).first()).toBeInViewport();

  await page.evaluate(() => localStorage.setItem('forebyg.lang', 'en'));
  await page.reload();
  const en = page.locator('section', { has: page.getByRole('heading', { name: 'Continue afterwards', level: 2 }) });
  await expect(en.getByRole('listitem').first()).toContainText(first);
  await expect(en.getByText('Nearest first. Distances are from 8000 Aarhus C.', { exact: false })).toBeVisible();
  await expectNoAxeViolations(page, 'offer page with "Continue afterwards" (en)');

  // The participant's next-step sheet after the course: in its own language (Danish here, while
  // the UI is in English), the linked activities nearest the offer's postcode first (then, were
  // they fewer than three, the nearest others for its conditions), with their contact.
  const postcode = (await (await request.get(`/api/v1/offers/${id}`)).json()).location.postcode as string;
  const linked: { activity: { name: string } }[] = await (await request.get(`/api/v1/offers/${id}/activities?postcode=${postcode}`)).json();
  await page.goto(`/tilbud/${id}/fortsaet?lang=da`);
  const sheet = page.locator('article.next-step');
  await expect(sheet.getByRole('heading', { level: 1, name: 'Fortsæt efter forløbet' })).toBeVisible();
  await expect(sheet).toHaveAttribute('lang', 'da');
  await expect(sheet.getByText('Du har gennemført', { exact: false })).toBeVisible();
  await expect(sheet.getByRole('heading', { level: 2 }).first()).toHaveText(linked[0].activity.name);
  expect(await sheet.getByRole('heading', { level: 2 }).count()).toBeGreaterThanOrEqual(linked.length);
  await expect(page.getByRole('button', { name: 'Print' })).toBeVisible();
  await expectNoAxeViolations(page, 'next-step sheet (da, UI en)');
  await page.getByRole('link', { name: 'English' }).click();
  await expect(page).toHaveURL(/fortsaet\?lang=en$/);
  await expect(sheet.getByRole('heading', { level: 1, name: 'Carry on after the course' })).toBeVisible();
  // On paper only the sheet: no language links, no button.
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('button', { name: 'Print' })).toBeHidden();
  await expect(sheet.getByRole('heading', { level: 2 }).first()).toBeVisible();
  await page.emulateMedia({ media: 'screen' });
});

// The bridge to an association after every course: an offer that links to no activity still
// says where to carry on, and points to the activities near the citizen's searched place.
test('an offer without linked activities points to the activities near the citizen', async ({ page, request }) => {
  type Hit = { offer: { id: string } };
  const hits: Hit[] = (await (await request.get('/api/v1/offers?postcode=8000&format=digital&per_page=1')).json()).results;
  const unlinked = hits[0];
  // A digital demo offer has no place and so no linked activity.
  expect(await (await request.get(`/api/v1/offers/${unlinked.offer.id}/activities`)).json()).toEqual([]);
  await page.goto('/?postcode=8000');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await page.waitForFunction(() => (sessionStorage.getItem('forebyg.last_search') ?? '').includes('postcode=8000'));
  await page.goto(`/tilbud/${unlinked.offer.id}`);
  const section = page.locator('section', { has: page.getByRole('heading', { name: 'Fortsæt bagefter', level: 2 }) });
  await expect(section).toContainText('Når forløbet er slut, kan du fortsætte i en lokal forening');
  await expect(section.getByRole('listitem')).toHaveCount(0);
  const find = section.getByRole('link', { name: 'Find foreningsaktiviteter nær dig', exact: true });
  await expect(find).toHaveAttribute('href', /^\/aktiviteter\?postcode=8000/);
  await expectNoAxeViolations(page, 'offer page without linked activities');
  await find.click();
  await expect(page.getByRole('heading', { level: 1, name: 'Foreningsaktiviteter nær dig' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Aktiviteter' }).getByRole('status')).toContainText('fra 8000 Aarhus C');
});

test('a citizen finds association activities on their own, by postcode and condition, and opens one (da, en)', async ({ page, request }) => {
  const expected = await (await request.get('/api/v1/activities?postcode=8000&condition=kol')).json();
  expect(expected.results.length, 'demo activities for KOL near Aarhus').toBeGreaterThan(0);
  const first = expected.results[0];

  // From the footer of any page, without reloading the app.
  await page.goto('/');
  await page.getByRole('link', { name: 'Foreningsaktiviteter efter et forløb' }).click();
  await expect(page).toHaveURL(/\/aktiviteter$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Foreningsaktiviteter nær dig' })).toBeFocused();
  await expect(page).toHaveTitle(/Foreningsaktiviteter nær dig/);

  // No postcode: the summary (focused) and the field say what to write, as in the offer search.
  await page.getByRole('button', { name: 'Find aktiviteter' }).click();
  const missing = page.getByRole('alert').filter({ hasText: 'Der er et problem' });
  await expect(missing).toBeFocused();
  await expect(missing.getByRole('link', { name: 'Angiv et postnummer.' })).toBeVisible();
  await expect(page.getByLabel('Dit postnummer')).toHaveAttribute('aria-invalid', 'true');
  await expect(page).toHaveURL(/\/aktiviteter$/);

  // A malformed postcode names the field.
  await page.getByLabel('Dit postnummer').fill('80');
  await page.getByRole('button', { name: 'Find aktiviteter' }).click();
  const summary = page.getByRole('alert').filter({ hasText: 'postnummer' });
  await expect(summary).toBeVisible();
  await expect(page.getByLabel('Dit postnummer')).toHaveAttribute('aria-invalid', 'true');
  await expectNoAxeViolations(page, 'activity search with an error');

  await page.getByLabel('Dit postnummer').fill('8000');
  await page.getByLabel('Din sygdom').selectOption('kol');
  await page.getByRole('button', { name: 'Find aktiviteter' }).click();
  await expect(page).toHaveURL(/\/aktiviteter\?postcode=8000&condition=kol$/);
  const results = page.getByRole('region', { name: 'Aktiviteter' });
  // Focus moves to the answer, as in the offer search.
  await expect(results.getByRole('heading', { level: 2 })).toBeFocused();
  await expect(results.getByRole('status')).toHaveText(`${expected.results.length} ${expected.results.length === 1 ? 'aktivitet' : 'aktiviteter'} inden for 25 km fra 8000 Aarhus C`);
  await expect(results.getByRole('listitem')).toHaveCount(expected.results.length);
  await expect(results.getByRole('listitem').first()).toContainText(first.association_name);
  await expectNoAxeViolations(page, 'activity search results');

  // Its own page: what it is, who it suits, and how to join (no referral).
  await results.getByRole('link', { name: first.activity.name }).first().click();
  await expect(page).toHaveURL(new RegExp(`/aktiviteter/${first.activity.id}$`));
  await expect(page.getByRole('heading', { level: 1, name: first.activity.name })).toBeFocused();
  await expect(page.getByText('Passer til')).toBeVisible();
  await expect(page.getByText('KOL', { exact: false }).first()).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Sådan kommer du med' })).toBeVisible();
  await expect(page.getByText('Du behøver ingen henvisning', { exact: false })).toBeVisible();
  await expect(page.getByText('findes kun på dansk', { exact: false })).toHaveCount(0);
  await expectNoAxeViolations(page, 'activity page');

  // Back returns to the same search, the followed link in view with the focus; a reload of it
  // reproduces it.
  await page.goBack();
  await expect(page).toHaveURL(/postcode=8000&condition=kol/);
  await expect(results.getByRole('link', { name: first.activity.name }).first()).toBeFocused();
  await expect(page.getByLabel('Din sygdom')).toHaveValue('kol');
  await expect(results.getByRole('listitem')).toHaveCount(expected.results.length);

  await page.evaluate(() => localStorage.setItem('forebyg.lang', 'en'));
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Association activities near you' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Activities' }).getByRole('status')).toContainText('within 25 km of 8000 Aarhus C');
  await expectNoAxeViolations(page, 'activity search results (en)');
  // A price's note is the association's own Danish words ("pr. halvår"): marked so in English.
  const noted = expected.results.find((r: { activity: { price: { dkk: number; note?: string } } }) => r.activity.price.note && r.activity.price.dkk > 0);
  expect(noted, 'a demo activity with a price note nearby').toBeDefined();
  await expect(page.getByRole('region', { name: 'Activities' }).locator('span[lang="da"]', { hasText: noted.activity.price.note }).first()).toBeVisible();
  await page.goto(`/aktiviteter/${first.activity.id}`);
  await expect(page.getByRole('heading', { level: 2, name: 'How to join' })).toBeVisible();
  await expect(page.getByText('The description of this activity is only in Danish.')).toBeVisible();

  // An unknown activity says so.
  await page.goto('/aktiviteter/no-such-activity');
  await expect(page.getByRole('heading', { level: 1, name: 'The activity does not exist' })).toBeVisible();
});

test('the next-step sheet of an archived offer still names it and lists its activities', async ({ page, request }) => {
  const token = await devToken(request, 'midtjylland');
  const template = await offerTemplate(request, token, unique('Afsluttet forløb'));
  const near = await (await request.get('/api/v1/activities?postcode=8000')).json();
  const offer = await createOffer(request, token, { ...template, activity_ids: [near.results[0].activity.id] });
  const linked = await (await request.get(`/api/v1/offers/${offer.id}/activities`)).json();
  expect(linked.length).toBe(1);
  const res = await request.post(`/api/v1/admin/offers/${offer.id}/status`, { headers: bearer(token), data: { status: 'archived', version: offer.version } });
  expect(res.ok(), await res.text()).toBe(true);
  const archived = await request.get(`/api/v1/offers/${offer.id}`);
  expect((await archived.json()).status, 'still read, marked archived, for the people it had').toBe('archived');

  await page.goto(`/tilbud/${offer.id}/fortsaet`);
  await expect(page.locator('article.next-step .lead')).toHaveText(`Du har gennemført ${offer.title}.`);
  await expect(page.getByRole('heading', { level: 2, name: linked[0].activity.name }).first()).toBeVisible();
  await expect(page.getByText('Vi kan ikke finde det tilbud')).toHaveCount(0);
  // An id that never was: not found, with the way to the activities.
  await page.goto('/tilbud/no-such-offer/fortsaet');
  await expect(page.getByText('Vi kan ikke finde det tilbud', { exact: false })).toBeVisible();
  await expect(page.getByRole('main').getByRole('link', { name: 'Foreningsaktiviteter efter et forløb' })).toBeVisible();
});

// No activity within the distance: the next steps are links (the nearest distance that finds
// something, with how many and how far, and all conditions when one was chosen), not advice to go
// and change the form, and never a wider search that finds nothing (a walk's citizen on Bornholm
// widened twice for nothing).
test('an activity search with nothing near offers the distance that finds some, and all conditions, as links', async ({ page, request }) => {
  const conditions = ['type-2-diabetes', 'hjertesygdom', 'kol', 'kraeft', 'angst-depression'];
  let found: { postcode: string; condition: string; wider: { radius_km: number; count: number; nearest_km: number } } | undefined;
  search: for (const postcode of ['8382', '9940', '6990', '7760', '4990', '3790', '3700']) {
    for (const condition of conditions) {
      const near = await (await request.get(`/api/v1/activities?postcode=${postcode}&condition=${condition}`)).json();
      if (near.results.length === 0 && near.wider) {
        found = { postcode, condition, wider: near.wider };
        break search;
      }
    }
  }
  expect(found, 'a postcode and condition with no activity within 25 km').toBeDefined();
  const { postcode, condition, wider } = found!;
  const beyond = await (await request.get(`/api/v1/activities?postcode=${postcode}&condition=${condition}&radius_km=${wider.radius_km}`)).json();
  expect(beyond.results.length, 'the wider radius holds what it promises').toBe(wider.count);
  expect(beyond.results[0].distance_km).toBe(wider.nearest_km);
  await page.goto(`/aktiviteter?postcode=${postcode}&condition=${condition}`);
  await expect(page.getByText('Vi fandt ingen aktiviteter inden for afstanden.')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Søg i aktiviteter for alle sygdomme' })).toHaveAttribute('href', `/aktiviteter?postcode=${postcode}`);
  await expectNoAxeViolations(page, 'an activity search with nothing near');
  const link = page.getByRole('link', { name: new RegExp(`^Søg inden for ${wider.radius_km} km: ${wider.count === 1 ? '1 aktivitet' : `${wider.count} aktiviteter, den nærmeste`} [\\d,]+ km væk$`) });
  await link.click();
  await expect(page).toHaveURL(`/aktiviteter?postcode=${postcode}&condition=${condition}&radius_km=${wider.radius_km}`);
  await expect(page.getByLabel('Afstand')).toHaveValue(String(wider.radius_km));
  await expect(page.getByRole('status').filter({ hasText: `${wider.count === 1 ? '1 aktivitet' : `${wider.count} aktiviteter`} inden for ${wider.radius_km} km` })).toBeVisible();
  // The answer the link led to takes the focus (the link went with the old answer).
  await expect(page.getByRole('heading', { level: 2, name: 'Aktiviteter' })).toBeFocused();
  // From an island without a fixed link, the answer says what lies off it costs a ferry.
  await page.goto('/aktiviteter?postcode=3700');
  await expect(page.getByText('Du søger fra en ø uden fast forbindelse: aktiviteter uden for øen kræver en færgetur.')).toBeVisible();
  await page.goto('/aktiviteter?postcode=8000');
  await expect(page.getByRole('heading', { level: 2, name: 'Aktiviteter' })).toBeVisible();
  await expect(page.getByText('Du søger fra en ø uden fast forbindelse')).toHaveCount(0);
});

// The sheet after a course whose offer links to no activity: the nearest activities for the
// offer's condition near its place (as the activity search finds them), an intro that promises
// only what follows, and that search as a whole address, to tap or to type from paper. Nothing
// near: it says so, and promises nothing.
test('the next-step sheet of an offer without linked activities lists the nearest ones for its condition, and links to that search (da, en)', async ({ page, request, baseURL }) => {
  const token = await devToken(request, 'nordjylland');
  const template = await offerTemplate(request, token, unique('KOL-træning uden foreninger'));
  const aalborg = { name: 'Sundhedscentret', address: 'Kirkevej 24', postcode: '9000', city: 'Aalborg', municipality_code: '0851', point: { lat: 57.0373, lon: 9.8412 } };
  const offer = await createOffer(request, token, { ...template, location: aalborg, conditions: ['kol'], activity_ids: [] });
  expect(await (await request.get(`/api/v1/offers/${offer.id}/activities`)).json()).toEqual([]);
  type View = { activity: { name: string } };
  // Measured from the offer's own place, as its page measures without a search.
  const near: View[] = (await (await request.get('/api/v1/activities?lat=57.0373&lon=9.8412&condition=kol')).json()).results;
  expect(near.length, 'KOL activities within 25 km of 9000 Aalborg').toBeGreaterThan(0);
  const expected = near.slice(0, 3).map((v) => v.activity.name);

  await page.goto(`/tilbud/${offer.id}/fortsaet?lang=da`);
  const sheet = page.locator('article.next-step');
  await expect(sheet.getByRole('heading', { level: 2 })).toHaveText(expected);
  await expect(sheet).toContainText('Her er lokale foreningsaktiviteter tæt på, hvor du kan fortsætte.');
  await expect(sheet).not.toContainText('ingen tilknyttede');
  await expect(sheet).not.toContainText('Vi fandt ingen');
  const more = sheet.getByRole('link', { name: `${baseURL}/aktiviteter?postcode=9000&condition=kol`, exact: true });
  await expect(more).toHaveAttribute('href', '/aktiviteter?postcode=9000&condition=kol');
  await expect(sheet.getByText('Søg selv efter aktiviteter på')).toBeVisible();
  await expectNoAxeViolations(page, 'next-step sheet filled with nearby activities (da)');
  // On paper the address is there to type, inside the page's width.
  await page.emulateMedia({ media: 'print' });
  await expect(more).toBeVisible();
  const box = (await more.boundingBox())!;
  expect(box.x + box.width).toBeLessThanOrEqual(page.viewportSize()!.width);
  await page.emulateMedia({ media: 'screen' });
  await more.click();
  await expect(page.getByRole('heading', { level: 1, name: 'Foreningsaktiviteter nær dig' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Aktiviteter' }).getByRole('listitem').first()).toContainText(expected[0]);

  await page.goto(`/tilbud/${offer.id}/fortsaet?lang=en`);
  await expect(sheet.getByRole('heading', { level: 2 })).toHaveText(expected);
  await expect(sheet).toContainText('Here are local association activities nearby where you can continue.');
  await expect(sheet.getByText('Search for activities yourself at')).toBeVisible();

  // A digital offer: no place, no linked activity, so none near it to show.
  type Hit = { offer: { id: string; conditions: string[] } };
  const digital: Hit = (await (await request.get('/api/v1/offers?postcode=8000&format=digital&per_page=1')).json()).results[0];
  await page.goto(`/tilbud/${digital.offer.id}/fortsaet?lang=da`);
  await expect(sheet).toContainText('Vi fandt ingen foreningsaktiviteter i nærheden.');
  await expect(sheet).not.toContainText('Her er lokale');
  await expect(sheet.getByRole('heading', { level: 2 })).toHaveCount(0);
  // An offer for several illnesses: activities for all, not for its first (a walk's diabetic was sent to KOL groups).
  const search = digital.offer.conditions.length === 1 ? `/aktiviteter?condition=${digital.offer.conditions[0]}` : '/aktiviteter';
  await expect(sheet.getByRole('link', { name: `${baseURL}${search}`, exact: true })).toHaveAttribute('href', search);
  await expectNoAxeViolations(page, 'next-step sheet with nothing near (da)');
});
