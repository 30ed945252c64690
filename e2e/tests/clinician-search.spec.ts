import { expect, test } from './fixtures';
import { ClinicianSearchPage, T, useLanguage } from '../pages/clinician-pages';
import { expectNoAxeViolations } from './a11y';
import { scrollSettled } from './scroll';

// The clinician search's answers that are not the usual list (issue #10 and the usability
// round): an intervention with nothing nearby, one the chosen package leaves out, a group with
// more offers than it shows, and bad input in the form and in a hand-edited address. The journey
// itself (find, hand out, refer, follow) is clinician-journey.spec.ts.

/** A group's count as its heading and the groups' navigation say it, its digital offers too. */
const countText = (nearby: number, digital: number) =>
  digital === 0 ? `${nearby} tilbud` : `${nearby} tilbud + ${digital} ${digital === 1 ? 'digitalt' : 'digitale'}`;

// An intervention with nothing on site within the radius is not a dead end for a clinician with
// ten minutes: it says how far its nearest offer is and offers the same search at the first wider
// radius that reaches it (the numbers come from the API). The demo data leaves four interventions
// out of Læsø, an island 90 minutes by ferry from Frederikshavn.
test('an intervention with nothing nearby points to its nearest offer further away', async ({ page, request }) => {
  const query = '?conditions=kol&postcode=9940&age=67';
  const answer = await (await request.get(`/api/v1/clinician/offers${query}`)).json();
  type Group = { category: string; nearby: unknown[]; nearby_total: number; digital_total: number; wider?: { radius_km: number; count: number; nearest_km: number } };
  const empty = (answer.groups as Group[]).find((g) => g.nearby.length === 0 && g.wider);
  expect(empty, 'the demo data has an intervention with nothing on site near 9940').toBeTruthy();
  const { radius_km, count, nearest_km } = empty!.wider!;

  const search = new ClinicianSearchPage(page);
  const resultsHeading = page.getByRole('heading', { level: 2, name: 'Tilbud nær 9940 Læsø' });
  await search.goto(query);
  await expect(resultsHeading).toBeVisible();
  // Every intervention at a glance, with its count (nothing hidden: the empty ones say 0), each a
  // link to its group.
  const nav = page.getByRole('navigation', { name: 'Indsatserne i svaret' }).getByRole('link');
  await expect(nav).toHaveCount(answer.groups.length);
  for (const [i, g] of (answer.groups as Group[]).entries()) await expect(nav.nth(i)).toHaveText(new RegExp(` \\(${countText(g.nearby_total, g.digital_total).replace('+', '\\+')}\\)$`));
  const emptyAt = (answer.groups as Group[]).indexOf(empty!);
  await nav.nth(emptyAt).click();
  await expect(page.locator(`#group-${empty!.category}`)).toBeFocused();
  await expect(page.locator(`#group-${empty!.category}`)).toBeInViewport();
  const group = page.locator('section.clinic-group', { has: page.locator(`#group-${empty!.category}`) });
  const km = nearest_km < 9.95 ? nearest_km.toFixed(1).replace('.', ',') : String(Math.round(nearest_km));
  await expect(group.getByText(`Det nærmeste tilbud er ${km} km væk.`)).toBeVisible();
  await expect(group.getByText(/^Intet tilbud med fremmøde/)).toHaveCount(0);
  await expectNoAxeViolations(page, 'a clinician group pointing further');

  await expect(group.locator('.clinic-group__count')).toHaveText(`(${countText(0, empty!.digital_total)})`);
  await group.getByRole('link', { name: `Vis ${count} tilbud inden for ${radius_km} km` }).click();
  await expect(page).toHaveURL(new RegExp(`radius_km=${radius_km}`));
  await expect(page.getByRole('heading', { level: 2, name: `Tilbud inden for ${radius_km} km fra 9940 Læsø` })).toBeVisible();
  // The focus stays with the group the link was in, which now counts what the link promised.
  await expect(page.locator(`#group-${empty!.category}`)).toBeFocused();
  await expect(group.getByRole('article').first()).toBeVisible();
  await expect(group.locator('.clinic-group__count')).toHaveText(`(${countText(count, empty!.digital_total)})`);
  // Back returns to the usual distance.
  await page.goBack();
  await expect(resultsHeading).toBeVisible();
  await expect(group.getByText(`Det nærmeste tilbud er ${km} km væk.`)).toBeVisible();
});

// An empty group says why, and what to do instead. A chosen kronikerpakke leaves interventions out
// (its record says which): the group says so rather than "nothing nearby", and the same search
// without the package shows that intervention's offers. An intervention with no on-site offer for
// the patient's condition within the widest search (the demo data has no nutrition course for
// anxiety or depression) points to the intake conversation, the default referral.
test('an empty group says why: not in the chosen package, or nothing within reach', async ({ page, request }) => {
  type Group = { category: string; nearby_total: number; wider?: unknown; outside_package?: boolean; digital: unknown[] };
  const query = '?conditions=laenderygsmerter&postcode=8000&package=laenderygsmerter';
  const inPackage = (await (await request.get(`/api/v1/clinician/offers${query}`)).json()).groups as Group[];
  const left = inPackage.find((g) => g.outside_package && g.nearby_total === 0);
  expect(left, 'the low back pain package leaves an intervention out').toBeTruthy();
  const search = new ClinicianSearchPage(page);
  await search.goto(query);
  await expect(page.getByRole('heading', { level: 2, name: 'Tilbud nær 8000 Aarhus C' })).toBeVisible();
  const nav = page.getByRole('navigation', { name: 'Indsatserne i svaret' });
  await expect(nav.getByRole('link', { name: /\(ikke i pakken\)$/ })).toHaveCount(inPackage.filter((g) => g.outside_package && g.nearby_total === 0).length);
  let heading = page.locator(`#group-${left!.category}`);
  let group = page.locator('section.clinic-group', { has: heading });
  await expect(group.locator('.clinic-group__count')).toHaveText('(ikke i pakken)');
  await expect(group.getByText('Indgår ikke i den valgte pakke: Kronikerpakke for lænderygsmerter.')).toBeVisible();
  await group.getByRole('link', { name: 'Søg uden kronikerpakke' }).click();
  await expect(page).not.toHaveURL(/package=/);
  await expect(heading).toBeFocused();
  await expect(page.getByLabel('Kronikerpakke')).toHaveValue('');
  await expect(group.getByRole('article').first()).toBeVisible();
  await expect(group.getByText(/^Indgår ikke/)).toHaveCount(0);

  const anxious = '?conditions=angst-depression&postcode=2100';
  const groups = (await (await request.get(`/api/v1/clinician/offers${anxious}`)).json()).groups as Group[];
  const none = groups.find((g) => g.nearby_total === 0 && !g.wider && !g.outside_package);
  expect(none, 'the demo data has an intervention with no offer for anxiety or depression').toBeTruthy();
  await search.goto(anxious);
  await expect(page.getByRole('heading', { level: 2, name: 'Tilbud nær 2100 København Ø' })).toBeVisible();
  heading = page.locator(`#group-${none!.category}`);
  group = page.locator('section.clinic-group', { has: heading });
  await expect(group.getByText('Intet tilbud med fremmøde inden for 300 km til patientens sygdom.')).toBeVisible();
  await expectNoAxeViolations(page, 'a clinician group with nothing within reach');
  await group.getByRole('link', { name: 'Gå til afklarende samtale' }).click();
  await expect(page.locator('#group-afklarende-samtale')).toBeFocused();
  await expect(page).toHaveURL(new RegExp(`${anxious.replace('?', '\\?')}$`));
});

// A group shows three of its nearest offers (those the patient may join first) but counts all
// within the radius, says that more are there, and offers the same search with up to ten per
// group, the handout selection kept.
test('a group with more offers nearby than it shows counts them all and shows up to ten', async ({ page, request }) => {
  const query = '?conditions=kol&postcode=9000&age=67';
  const answer = await (await request.get(`/api/v1/clinician/offers${query}`)).json();
  type Group = { category: string; nearby_total: number; nearby: unknown[]; digital_total: number };
  const big = (answer.groups as Group[]).find((g) => g.nearby_total > g.nearby.length);
  expect(big, 'the demo data has an intervention with more than three offers near 9000').toBeTruthy();
  const total = big!.nearby_total;

  const search = new ClinicianSearchPage(page);
  await search.goto(query);
  await expect(search.resultsHeading).toBeVisible();
  const heading = page.locator(`#group-${big!.category}`);
  const group = page.locator('section.clinic-group', { has: heading });
  const nearby = group.locator('ul.results:not([aria-labelledby]) > li');
  // The count names the digital alternatives too: a group is not "0" for the patient when they exist.
  await expect(group.locator('.clinic-group__count')).toHaveText(`(${countText(total, big!.digital_total)})`);
  await expect(nearby).toHaveCount(3);
  await expect(group.getByText(`Viser 3 af ${total}. Af de ${Math.min(10, total)} nærmeste står dem, patienten kan deltage i, først, og dem med ledige pladser før venteliste.`)).toBeVisible();
  await expectNoAxeViolations(page, 'a clinician group with more offers than it shows');
  // The nearest intake conversation near 9000 is for 18–65: for a patient of 67 the first card is
  // one the patient may join, not the nearest.
  const intake = page.locator('section.clinic-group', { has: page.locator('#group-afklarende-samtale') });
  await expect(intake.locator('ul.results:not([aria-labelledby]) > li').first().locator('.eligibility__verdict')).toHaveText(/Kan deltage/);

  const chosen = nearby.first().getByRole('checkbox');
  await chosen.check();
  await expect(page).toHaveURL(/&select=/);
  await group.getByRole('link', { name: 'Vis op til 10 tilbud pr. indsats' }).click();
  await expect(page).toHaveURL(/per_group=10/);
  await expect(page).toHaveURL(/&select=/);
  await expect(heading).toBeFocused();
  await expect(nearby).toHaveCount(Math.min(10, total));
  await expect(nearby.first().getByRole('checkbox')).toBeChecked();
  if (total > 10) {
    await expect(group.getByText(`Viser 10 af ${total}. Af de 10 nærmeste står dem, patienten kan deltage i, først, og dem med ledige pladser før venteliste.`)).toBeVisible();
  } else {
    await expect(group.getByText(/^Viser \d+ af/)).toHaveCount(0);
  }
  await expect(group.getByRole('link', { name: 'Vis op til 10 tilbud pr. indsats' })).toHaveCount(0);
});

// On a phone the results are below the form: a search must leave the screen on them, not carry
// it back to the top of the form, and a link among the results must leave it where the focus
// goes. Run with smooth scrolling (most people's setting; the suite otherwise reduces motion),
// where a scroll to the top would still be under way as the focus moves, and the screen ends
// where the scrolling stops.
// A full offer without a waiting list says why it cannot be referred (not only that it cannot),
// and the ways to refer read as alternatives ("… eller ring til tilbuddet").
test('a full offer says why it cannot be referred, and the ways to refer read as alternatives', async ({ page, request }) => {
  const query = '?conditions=kol&postcode=2100&per_group=10';
  const answer = await (await request.get(`/api/v1/clinician/offers${query}`)).json();
  type Hit = { offer: { id: string; capacity: string }; referral: { methods: string[] } };
  const hits: Hit[] = (answer.groups as { nearby: Hit[] }[]).flatMap((g) => g.nearby);
  const full = hits.find((h) => h.offer.capacity === 'full' && (h.referral.methods.length === 0 || h.referral.methods.includes('forebyg')));
  expect(full, 'a full demo offer near 2100 that takes referrals through Forebyg').toBeTruthy();
  const several = hits.find((h) => h.referral.methods.length > 1);
  expect(several, 'a demo offer near 2100 with more than one way to refer').toBeTruthy();

  await new ClinicianSearchPage(page).goto(query);
  const card = (id: string) => page.getByRole('article').filter({ has: page.locator(`[id="offer-${id}-title"]`) });
  await expect(card(full!.offer.id)).toContainText('Fuldt booket uden venteliste: kan ikke henvises lige nu.');
  const how = card(several!.offer.id).locator('.referral-route dd').nth(1);
  await expect(how).toContainText(' eller ');
  await expect(how).not.toContainText(' og ');
});

test('a search leaves the screen on its results', async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'no-preference' });
  const search = new ClinicianSearchPage(page);
  await search.goto();
  await search.search('9000', ['KOL']);
  await scrollSettled(page);
  await expect(search.resultsHeading).toBeInViewport();
  // The same for a link that asks again from far down the page: the group it was in.
  const more = page.getByRole('link', { name: 'Vis op til 10 tilbud pr. indsats' });
  const section = page.locator('.clinic-group').filter({ has: more }).last();
  const group = page.locator(`#${await section.getAttribute('aria-labelledby')}`);
  await section.getByRole('link', { name: 'Vis op til 10 tilbud pr. indsats' }).click();
  await expect(group).toBeFocused();
  await scrollSettled(page);
  await expect(group).toBeInViewport();
});

// The age is the one number a clinician types: its message names it, as it stands alone in the
// error summary, and the summary's link leads to the field.
test('an age out of range is named in the error summary and leads to the field', async ({ page }) => {
  const search = new ClinicianSearchPage(page);
  await search.goto();
  await search.condition('KOL').check();
  await search.postcode.fill('9000');
  await search.age.fill('130');
  await search.submit.click();
  const summary = page.getByRole('alert').filter({ has: page.getByRole('heading', { name: T.da.errorsTitle }) });
  const link = summary.getByRole('link', { name: 'Skriv patientens alder i hele år, fra 0 til 120.' });
  await expect(link).toBeVisible();
  await link.click();
  await expect(search.age).toBeFocused();
  await expect(search.resultsHeading).toHaveCount(0);

  // A missing condition and postcode are named with the bad age at once, in the form's order,
  // not one submit at a time.
  await search.condition('KOL').uncheck();
  await search.postcode.fill('');
  await search.submit.click();
  await expect(summary.getByRole('link')).toHaveText([
    'Vælg mindst én af patientens sygdomme.',
    'Angiv patientens postnummer.',
    'Skriv patientens alder i hele år, fra 0 til 120.',
  ]);
});

// A clinician types as people write: "9000 Aalborg", "67 år". The form reads the numbers, shows
// them so, and searches (a walk found both refused).
test('a postcode with its town and an age with its unit are read as the numbers', async ({ page }) => {
  const search = new ClinicianSearchPage(page);
  await search.goto();
  await search.condition('KOL').check();
  await search.postcode.fill('9000 Aalborg');
  await search.age.fill('67 år');
  await search.submit.click();
  await expect(search.resultsHeading).toBeVisible();
  await expect(page).toHaveURL(/[?&]postcode=9000(&|$)/);
  await expect(page).toHaveURL(/[?&]age=67(&|$)/);
  await expect(search.postcode).toHaveValue('9000');
  await expect(search.age).toHaveValue('67');
});

// The page's links only write valid values, but an address can be edited or pasted half: a value
// with no field on the page is named in the error summary, so the clinician knows what to fix.
for (const lang of ['da', 'en'] as const) {
  test(`a hand-edited address names the value that is wrong (${lang})`, async ({ page }) => {
    await useLanguage(page, lang);
    const search = new ClinicianSearchPage(page, lang);
    await search.goto('?conditions=kol&postcode=9000&age=67&radius_km=abc&per_group=99');
    const summary = page.getByRole('alert').filter({ has: page.getByRole('heading', { name: T[lang].errorsTitle }) });
    const expected =
      lang === 'da'
        ? ['Afstand: »abc« er ikke et tal.', 'Tilbud pr. indsats: Skal være mellem 1 og 10.']
        : ['Distance: “abc” is not a number.', 'Offers per intervention: Must be between 1 and 10.'];
    await expect(summary.getByRole('listitem')).toHaveText(expected);
    // Neither has a field to link to; the form's own values are kept and no results are shown.
    await expect(summary.getByRole('link')).toHaveCount(0);
    await expect(search.postcode).toHaveValue('9000');
    await expect(search.resultsHeading).toHaveCount(0);
    await expectNoAxeViolations(page, `clinician search, hand-edited address (${lang})`);
  });
}

// A patient who speaks English (issue #10): "Patientens sprog" puts the offers given in English
// first in every group, nearby and digital, and leaves none out (the hint says so); the choice
// lives in the address, so reload and Back keep it.
test('the patient language puts its offers first and is kept in the address', async ({ page, request }) => {
  type Hit = { offer: { id: string }; languages: string[] };
  type Group = { nearby_total: number; nearby: Hit[]; digital: Hit[] };
  const answer = async (q: string) => (await (await request.get(`/api/v1/clinician/offers?conditions=kol&postcode=8000${q}`)).json()).groups as Group[];
  const [english, all] = [await answer('&language=en'), await answer('')];
  expect(english.map((g) => g.nearby_total), 'none left out').toEqual(all.map((g) => g.nearby_total));
  const firsts = english.flatMap((g) => [g.nearby[0], g.digital[0]]).filter((h) => h?.languages.includes('en'));
  expect(firsts.length, 'the demo data has English offers for KOL near 8000').toBeGreaterThan(0);

  const search = new ClinicianSearchPage(page);
  await search.goto('?conditions=kol&postcode=8000');
  // Not `search.resultsHeading`: that names 9000 Aalborg, the page object's place.
  await expect(page.getByRole('heading', { level: 2, name: 'Tilbud nær 8000 Aarhus C' })).toBeVisible();
  // The page's title names the place once the answer is in, as the citizen search does.
  await expect(page).toHaveTitle('Tilbud nær 8000 Aarhus C – Forebyg');
  const language = page.getByLabel('Patientens sprog');
  await expect(language).toHaveValue('');
  await expect(language).toHaveAccessibleDescription('Tilbud på sproget står først. Ingen tilbud udelades.');
  await language.selectOption('en');
  await search.submit.click();
  await expect(page).toHaveURL(/[?&]language=en(&|$)/);
  const cards = page.locator('article.clinic-card');
  const shown = english.reduce((n, g) => n + g.nearby.length + g.digital.length, 0);
  await expect(cards).toHaveCount(shown);
  for (const h of firsts) await expect(page.locator(`[id="offer-${h.offer.id}-title"]`)).toBeVisible();
  await expect(page.locator('.clinic-results__language')).toContainText('Tilbud på engelsk står først i hver indsats.');
  await expectNoAxeViolations(page, 'clinician search in the patient language');

  await page.reload();
  await expect(language).toHaveValue('en');
  await expect(cards).toHaveCount(shown);
  await page.goBack();
  await expect(page).not.toHaveURL(/language=/);
  await expect(language).toHaveValue('');
  await search.goto();
  await expect(page).toHaveTitle('Find tilbud til din patient – Forebyg');
});

// A patient who works: "Kan patienten kun uden for arbejdstid?" keeps the classes on weekday
// evenings or at weekends (either), the same offers as the API's; each card says which, the line
// under the results' heading says the choice is on (a phone's form is a screen above), and one
// link shows every time again. The choice lives in the address.
test('a patient who works: evening and weekend classes only, said on the card and undone in one click', async ({ page, request }) => {
  type Hit = { offer: { id: string; evening: boolean; weekend: boolean } };
  type Group = { nearby: Hit[]; digital: Hit[] };
  const hits = (groups: Group[]) => groups.flatMap((g) => [...g.nearby, ...g.digital]);
  const after = hits((await (await request.get('/api/v1/clinician/offers?conditions=kol&postcode=8000&evening=true&weekend=true')).json()).groups);
  expect(after.length, 'the demo data has evening or weekend classes for KOL near 8000').toBeGreaterThan(0);

  const search = new ClinicianSearchPage(page);
  await search.goto('?conditions=kol&postcode=8000');
  await expect(page.getByRole('heading', { level: 2, name: 'Tilbud nær 8000 Aarhus C' })).toBeVisible();
  const times = page.getByRole('group', { name: 'Kan patienten kun uden for arbejdstid?' });
  await times.getByRole('checkbox', { name: 'Hverdagsaftener (efter kl. 17)' }).check();
  await times.getByRole('checkbox', { name: 'Weekender' }).check();
  await search.submit.click();
  await expect(page).toHaveURL(/[?&]evening=true&weekend=true(&|$)/);
  const note = page.locator('.clinic-results__times');
  await expect(note).toHaveText('Kun hold på hverdagsaftener eller i weekenden. Vis hold på alle tider');
  const cards = page.locator('article.clinic-card');
  await expect(cards).toHaveCount(after.length);
  for (const h of after) {
    const card = page.locator('article.clinic-card', { has: page.locator(`[id="offer-${h.offer.id}-title"]`) });
    const said = h.offer.evening && h.offer.weekend ? 'Aften- og weekendhold' : h.offer.evening ? 'Aftenhold' : 'Weekendhold';
    await expect(card.locator('dt:text-is("Uden for arbejdstid") + dd')).toHaveText(said);
  }
  await expectNoAxeViolations(page, 'clinician search outside working hours');

  await page.reload();
  await expect(times.getByRole('checkbox', { name: 'Weekender' })).toBeChecked();
  await expect(cards).toHaveCount(after.length);
  await note.getByRole('link', { name: 'Vis hold på alle tider' }).click();
  await expect(page).not.toHaveURL(/evening=|weekend=/);
  await expect(page.getByRole('heading', { level: 2, name: 'Tilbud nær 8000 Aarhus C' })).toBeFocused();
  await expect(note).toHaveCount(0);
  await expect(times.getByRole('checkbox', { name: 'Hverdagsaftener (efter kl. 17)' })).not.toBeChecked();
});

// A results address opened or reloaded on a phone starts at the form, a screen long: a shortcut
// past it to the answer, which takes the focus (hidden where form and answer sit side by side).
test('on a phone, "Gå til resultaterne" leads past the form to the answer', async ({ page }, testInfo) => {
  const search = new ClinicianSearchPage(page);
  await search.goto('?conditions=kol&postcode=9000&age=67');
  await expect(search.resultsHeading).toBeVisible();
  const jump = page.getByRole('link', { name: 'Gå til resultaterne' });
  if (testInfo.project.name !== 'mobile') {
    await expect(jump).toBeHidden();
    return;
  }
  await expect(search.resultsHeading).not.toBeInViewport();
  await jump.click();
  await expect(search.resultsHeading).toBeFocused();
  await expect(search.resultsHeading).toBeInViewport();
});

// At a laptop's 1280×800 the form is taller than the window: "Find tilbud" stays in sight at the
// window's foot, and a field the keyboard moves to is never hidden under it.
test('the search button is in sight on a laptop screen, and no focused field is under it', async ({ page }, testInfo) => {
  test.skip(testInfo.project.name !== 'desktop', 'the form beside the results: a wide screen');
  await page.setViewportSize({ width: 1280, height: 800 });
  const search = new ClinicianSearchPage(page);
  await search.goto();
  await expect(search.submit).toBeInViewport({ ratio: 1 });
  await search.age.focus();
  await page.keyboard.press('Tab');
  const language = page.getByLabel("Patientens sprog");
  await expect(language).toBeFocused();
  const [field, button] = [await language.boundingBox(), await search.submit.boundingBox()];
  expect(field!.y + field!.height, 'the focused field clears the button').toBeLessThanOrEqual(button!.y);
  await expect(search.submit).toBeInViewport({ ratio: 1 });
  // Searching from it shows the answer as before.
  await search.condition('KOL').check();
  await search.postcode.fill('9000');
  await search.submit.click();
  await expect(search.resultsHeading).toBeVisible();
  await expectNoAxeViolations(page, 'clinician search on a laptop screen');
});
