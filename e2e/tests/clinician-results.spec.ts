import { expect, test, type Page } from './fixtures';
import { ClinicianSearchPage, useLanguage, type Lang } from '../pages/clinician-pages';
import { expectNoAxeViolations } from './a11y';
import { scrollSettled } from './scroll';

// The clinician search's answer as a GP walking through it at 1280 and 390 px found it lacking
// (the second usability round): no way past ten offers of a group, a phone's screen left at the
// form's end after a search, distances without saying how they are measured, the citizen page's
// heading before the app had loaded, and cards of half a screen each.

type Hit = { offer: { id: string; title: string; provider_name: string; next_start: string | null }; languages: string[] };
type Group = { category: string; nearby_total: number; nearby: Hit[]; digital: Hit[] };

const clinicianAnswer = async (page: Page, query: string) => (await (await page.request.get(`/api/v1/clinician/offers${query}`)).json()) as { groups: Group[] };

// A group shows at most ten offers; beyond that the clinician follows a link to all of them near
// the patient in the citizen search: the same place, radius, topic and (one) condition, so it
// counts what the group counts. With several conditions the citizen search cannot narrow as the
// group does: the link says so and gives no count.
for (const lang of ['da', 'en'] as Lang[]) {
  test(`a group with more than ten offers links to all of them in the citizen search (${lang})`, async ({ page }) => {
    await useLanguage(page, lang);
    const query = '?conditions=kol&postcode=2100&age=67';
    const activity = (await clinicianAnswer(page, query)).groups.find((g) => g.category === 'fysisk-aktivitet')!;
    expect(activity.nearby_total, 'the demo data has more than ten physical activity offers for KOL near 2100').toBeGreaterThan(10);
    const n = activity.nearby_total.toLocaleString(lang === 'da' ? 'da-DK' : 'en-GB');

    const search = new ClinicianSearchPage(page, lang);
    await search.goto(query);
    const group = page.locator('section.clinic-group', { has: page.locator('#group-fysisk-aktivitet') });
    const name = lang === 'da' ? `Se alle ${n} tilbud om fysisk aktivitet nær 2100 København Ø` : `See all ${n} offers for physical activity near 2100 København Ø`;
    const all = group.getByRole('link', { name, exact: true });
    await expect(all).toHaveAttribute('href', '/?postcode=2100&category=fysisk-aktivitet&condition=kol');
    await expectNoAxeViolations(page, `clinician group linking to the citizen search (${lang})`);
    await all.click();
    await expect(page).toHaveURL(/\/\?postcode=2100&category=fysisk-aktivitet&condition=kol$/);
    const heading = lang === 'da' ? `${n} tilbud inden for 25 km fra 2100 København Ø` : `${n} offers within 25 km of 2100 København Ø`;
    await expect(page.getByRole('heading', { level: 2, name: heading })).toBeVisible();
    // Back to the patient's search, where the link was.
    await page.goBack();
    await expect(all).toBeVisible();
  });
}

test('with several conditions the link to the citizen search names no count and no condition', async ({ page }) => {
  const query = '?conditions=kol,type-2-diabetes&postcode=2100';
  const activity = (await clinicianAnswer(page, query)).groups.find((g) => g.category === 'fysisk-aktivitet')!;
  expect(activity.nearby_total).toBeGreaterThan(10);
  await new ClinicianSearchPage(page).goto(query);
  const group = page.locator('section.clinic-group', { has: page.locator('#group-fysisk-aktivitet') });
  const all = group.getByRole('link', { name: 'Se alle tilbud om fysisk aktivitet nær 2100 København Ø (alle sygdomme)', exact: true });
  await expect(all).toHaveAttribute('href', '/?postcode=2100&category=fysisk-aktivitet');
});

// How far is "3,1 km"? From the middle of the patient's postcode, in a straight line (a ferry or
// a fjord may lie between): the answer says so, and how far it searched, widened or not.
test('the answer says distances are in a straight line and how far it searched', async ({ page }) => {
  const search = new ClinicianSearchPage(page);
  await search.goto('?conditions=kol&postcode=9000&age=67');
  await expect(search.resultsHeading).toBeVisible();
  await expect(page.getByText('Afstande er i luftlinje fra postnummerets midte. Søgeradius: 25 km.', { exact: true })).toBeVisible();
  await search.goto('?conditions=kol&postcode=9940&radius_km=100');
  await expect(page.getByRole('heading', { level: 2, name: 'Tilbud inden for 100 km fra 9940 Læsø' })).toBeVisible();
  // Læsø has no fixed link: the straight line over the sea is not the way there.
  await expect(
    page.getByText('Afstande er i luftlinje fra postnummerets midte. Søgeradius: 100 km. Søgt fra en ø uden fast forbindelse: tilbud, der står »over vandet«, kræver en færgetur.', { exact: true }),
  ).toBeVisible();
  // Each card off the island says so under its distance; the island's own do not.
  const answer = await (await page.request.get('/api/v1/clinician/offers?conditions=kol&postcode=9940&radius_km=100')).json();
  const hits = answer.groups.flatMap((g: any) => g.nearby);
  const across = hits.find((h: any) => h.across_water);
  const onLaesoe = hits.find((h: any) => !h.across_water && h.offer.city === 'Læsø');
  const card = (hit: any) => page.locator('article', { has: page.locator(`#offer-${hit.offer.id}-title`) }).locator('.card__distance');
  await expect(card(across)).toHaveText(/^Afstand: \d+ kmover vandet$/);
  await expect(card(onLaesoe)).toHaveText(/^Afstand: [\d,]+ km$/);
  await useLanguage(page, 'en');
  await new ClinicianSearchPage(page, 'en').goto('?conditions=kol&postcode=9000');
  await expect(page.getByText('Distances are in a straight line from the middle of the postcode. Search radius: 25 km.', { exact: true })).toBeVisible();
  await new ClinicianSearchPage(page, 'en').goto('?conditions=kol&postcode=8305');
  await expect(page.locator('.clinic-results__distances')).toHaveText(/^Distances are in a straight line .+ Searched from an island without a fixed link: offers marked “across the water” need a ferry crossing\.$/);
});

// On a phone the form is a screen long and the answer below it: the focus alone left the results'
// heading at the bottom edge of the screen. The heading comes to the top, at once under reduced
// motion and smoothly otherwise (then once the scrolling has stopped); on a wide screen too.
for (const motion of ['reduce', 'no-preference'] as const) {
  test(`after a search the results heading is at the top of the screen (motion: ${motion})`, async ({ page }) => {
    await page.emulateMedia({ reducedMotion: motion });
    const search = new ClinicianSearchPage(page);
    await search.goto();
    await search.search('9000', ['KOL'], '67');
    await scrollSettled(page);
    const top = await search.resultsHeading.evaluate((h) => h.getBoundingClientRect().top);
    expect(top, 'the heading at the top of the screen').toBeGreaterThanOrEqual(-1);
    expect(top, 'the heading at the top of the screen').toBeLessThanOrEqual(16);
    await expect(search.resultsHeading).toBeFocused();
  });
}

// Opened directly, /klinik shows the static page shell until its code has loaded: not the citizen
// search's heading (another page's), but the shell's loading line. The search page keeps it.
test('before the app has loaded, the clinician pages show no citizen heading', async ({ page }) => {
  await page.route('**/*.wasm', (route) => route.abort());
  for (const path of ['/klinik?conditions=kol&postcode=9000', '/klinik/til-patienten?offer=x&lang=da']) {
    await page.goto(path);
    await expect(page.locator('main').getByText('Indlæser …')).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Find et forebyggelsestilbud' })).toHaveCount(0);
  }
  await expectNoAxeViolations(page, 'clinician page before the app');
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: 'Find et forebyggelsestilbud' })).toBeVisible();
});

// A card holds what a GP decides on at a glance (whether the patient may join and why, distance,
// provider and place, whom it was made for, places, next start, price, who may refer and how) in
// far less height than before (460-550 px at 1280 px, 510-620 px at 390 px; the target group
// added a line to some); the languages and the digital alternative are one Tab and Enter away in
// a disclosure named after the offer.
test('a result card is compact and keeps what a GP decides on', async ({ page }, testInfo) => {
  const query = '?conditions=kol&postcode=9000&age=67';
  const answer = await clinicianAnswer(page, query);
  const search = new ClinicianSearchPage(page);
  await search.goto(query);
  await expect(search.resultsHeading).toBeVisible();
  const cards = page.locator('article.clinic-card');
  await expect(cards.first()).toBeVisible();
  const heights = await cards.evaluateAll((els) => els.map((e) => Math.round(e.getBoundingClientRect().height)));
  const most = testInfo.project.name === 'mobile' ? 500 : 425;
  expect(Math.max(...heights), `card heights ${heights.join(', ')}`).toBeLessThanOrEqual(most);

  const hit = answer.groups.find((g) => g.nearby.length > 0)!.nearby[0];
  const card = cards.filter({ has: page.locator(`[id="offer-${hit.offer.id}-title"]`) }).first();
  await expect(card.locator('.card__distance')).toHaveText(/^Afstand: \d/);
  await expect(card.getByText(hit.offer.provider_name, { exact: true })).toBeVisible();
  // Its title link is described by who runs it (same-titled offers are told apart in a list of links).
  await expect(card.locator('.card__title a')).toHaveAccessibleDescription(new RegExp(hit.offer.provider_name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
  await expect(card.locator('.eligibility__verdict')).toBeVisible();
  for (const term of ['Målgruppe', 'Pladser', 'Næste start', 'Pris', 'Hvem kan henvise', 'Sådan henviser du']) {
    await expect(card.locator('dt', { hasText: term }).first()).toBeVisible();
  }
  // Whom it was made for: the patient's illness (with others), or anyone with a chronic condition.
  const everyone = hit.offer.conditions.length === 7;
  await expect(card.locator('dt', { hasText: 'Målgruppe' }).locator('xpath=..')).toContainText(everyone ? 'Alle med kronisk sygdom' : 'KOL');
  const more = card.locator('details.clinic-card__more');
  const summary = more.locator('summary');
  // Named after its offer (a visually hidden part: Chromium puts a space before it).
  await expect(summary).toHaveAccessibleName(new RegExp(`^Flere oplysninger ?: ${hit.offer.title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`));
  const digital = more.locator('dt', { hasText: 'Digitalt alternativ' });
  await expect(digital).toBeHidden();
  await summary.focus();
  await page.keyboard.press('Enter');
  await expect(digital).toBeVisible();
  if (hit.languages.length) await expect(more.locator('dt', { hasText: 'Sprog' })).toBeVisible();
  await expectNoAxeViolations(page, 'compact clinician card, details open');
});

// The patient's language orders and leaves nothing out (a filter left every group empty near
// most postcodes): the line under the heading says whether any offer shown is given in it and that
// a Danish offer with an interpreter is the other way; each card says its languages, and "ikke på
// arabisk" where it is not given in Arabic.
test("the patient's language puts its offers first, says when none is in it and how a Danish one serves", async ({ page }) => {
  const query = '?conditions=laenderygsmerter&postcode=9000&age=45&language=ar';
  const answer = await clinicianAnswer(page, query);
  const all = await clinicianAnswer(page, '?conditions=laenderygsmerter&postcode=9000&age=45');
  expect(answer.groups.map((g) => g.nearby_total)).toEqual(all.groups.map((g) => g.nearby_total));
  const hits = answer.groups.flatMap((g) => [...g.nearby, ...g.digital]);
  expect(hits.length, 'offers for low back pain near 9000').toBeGreaterThan(0);
  const arabic = hits.filter((h) => h.languages.includes('ar')).length;
  const search = new ClinicianSearchPage(page);
  await search.goto(query);
  await expect(search.resultsHeading).toBeVisible();
  const note = page.locator('.clinic-results__language');
  const first = arabic > 0 ? 'Tilbud på arabisk står først i hver indsats.' : 'Ingen af tilbuddene her er på arabisk.';
  await expect(note).toHaveText(`${first} Et tilbud på dansk kan ofte bruges med tolk: vælg tolk, når du henviser.`);
  const other = page.locator('article.clinic-card', { has: page.locator('.clinic-card__facts dd', { hasText: /^Dansk.*\(ikke på arabisk\)$/ }) }).first();
  await expect(other, 'a card given in Danish, not Arabic').toBeVisible();
  // The languages are among the first facts, not again behind "Flere oplysninger".
  await expect(other.locator('.clinic-card__more dt', { hasText: 'Sprog' })).toHaveCount(0);
  await expectNoAxeViolations(page, 'clinician search with the patient language');
  // Danish orders nothing and needs no line.
  await search.goto('?conditions=laenderygsmerter&postcode=9000&age=45&language=da');
  await expect(search.resultsHeading).toBeVisible();
  await expect(note).toHaveCount(0);
});
