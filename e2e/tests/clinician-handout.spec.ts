import { expect, test, type APIRequestContext } from './fixtures';
import { HandoutPage } from '../pages/clinician-pages';
import { createOffer, devToken, offerTemplate, unique } from '../pages/admin-api';
import { expectNoAxeViolations } from './a11y';

// The patient handout says what the offer page says (issue #10): a full offer promises no
// place, a waiting list is named, a paid offer prints its price and the intro says "gratis" only
// when every offer is free. The offers are made through the admin API (the demo data has every
// offer open and free). Four offers on one A4 page: clinician-handout-print.spec.ts.

const handoutUrl = (ids: string[], lang: 'da' | 'en') => `/klinik/til-patienten?${ids.map((id) => `offer=${id}`).join('&')}&lang=${lang}`;

async function offer(request: APIRequestContext, admin: string, prefix: string, change: Record<string, any>): Promise<Record<string, any>> {
  const template = await offerTemplate(request, admin, unique(prefix));
  return createOffer(request, admin, { ...template, ...change, referral: { ...template.referral, self_referral: true } });
}

test('a full, a waiting-list and a paid offer: the handout promises no place and prints the price', async ({ page, request }) => {
  const admin = await devToken(request, 'nordjylland');
  const full = await offer(request, admin, 'Fuldt hold', { capacity: 'full' });
  const waiting = await offer(request, admin, 'Ventelistehold', { capacity: 'waitlist' });
  const paid = await offer(request, admin, 'Betalt hold', { capacity: 'open', cost: { dkk: 300, note: 'Betales ved start.' } });

  await page.goto(handoutUrl([full.id, waiting.id, paid.id], 'da'));
  const sheet = new HandoutPage(page).sheet('da');
  await expect(sheet).toBeVisible();
  await expect(sheet).toContainText('Din behandler foreslår dig disse tilbud.');
  await expect(sheet).not.toContainText('gratis tilbud');
  const [fullPart, waitingPart, paidPart] = [0, 1, 2].map((i) => sheet.getByRole('region').nth(i));
  await expect(fullPart).toContainText('Holdet er fuldt lige nu.');
  await expect(fullPart).not.toContainText('Du kan selv melde dig');
  await expect(fullPart).not.toContainText('inden for en uge');
  await expect(fullPart).toContainText(/Pris:? ?Gratis/);
  await expect(waitingPart).toContainText('Der er venteliste.');
  await expect(waitingPart.locator('.handout__next')).toContainText('ventelisten');
  await expect(paidPart).toContainText(/Pris:? ?300 kr. Betales ved start./);
  await expectNoAxeViolations(page, 'handout with full, waiting-list and paid offers (da)');

  await page.goto(handoutUrl([full.id, waiting.id, paid.id], 'en'));
  const english = new HandoutPage(page).sheet('en');
  await expect(english).toContainText('Your clinician suggests these offers.');
  await expect(english.getByRole('region').nth(0)).toContainText('The course is full right now.');
  await expect(english.getByRole('region').nth(1)).toContainText('There is a waiting list.');
  await expect(english.getByRole('region').nth(2)).toContainText(/Price:? ?DKK 300 Betales ved start./);

  // Only free offers: the intro may say so.
  await page.goto(handoutUrl([full.id, waiting.id], 'da'));
  await expect(new HandoutPage(page).sheet('da')).toContainText('Din behandler foreslår dig disse gratis tilbud.');

  // The clinician's card says the price too (the API's hit carries it).
  const place = paid.location;
  const query = `?conditions=${paid.conditions[0]}&postcode=${place.postcode}&per_group=10`;
  const answer = await (await request.get(`/api/v1/clinician/offers${query}`)).json();
  type Hit = { offer: { id: string }; cost: { dkk: number } };
  const hits: Hit[] = answer.groups.flatMap((g: { nearby: Hit[] }) => g.nearby);
  expect(hits.find((h) => h.offer.id === paid.id)?.cost.dkk, 'the paid offer is among the nearest').toBe(300);
  await page.goto(`/klinik${query}`);
  const card = page.locator('article.clinic-card', { has: page.locator(`a[href="/tilbud/${paid.id}?fra=klinik"]`) });
  await expect(card.getByText('300 kr. Betales ved start.')).toBeVisible();
});

// An offer the patient may join themself that a clinician may also refer to through Forebyg: the
// handout's next step says a referred patient need not call (the referral sheet says the provider
// makes contact). In English it says the course is held in Danish, the provider's Danish text
// marked as Danish; in Danish it names the languages of a course held in more than Danish. The
// patient's copy makes the phone numbers tap-to-call links.
test('the next step fits a referred patient, a handout names a language other than its own, phone numbers call', async ({ page, request }) => {
  const admin = await devToken(request, 'nordjylland');
  const template = await offerTemplate(request, admin, unique('Rygestophold'));
  const o = await createOffer(request, admin, {
    ...template,
    languages: ['da'],
    contact: { ...template.contact, phone: '+45 99 31 31 31' },
    referral: { ...template.referral, self_referral: true, from_gp: true, from_hospital: true, methods: ['forebyg', 'phone'] },
  });
  const provider = o.provider.name;

  await page.goto(handoutUrl([o.id], 'da'));
  const next = new HandoutPage(page).sheet('da').locator('.handout__next');
  // The referred patient's case first, then the other: one either/or, not two instructions.
  await expect(next).toContainText(
    `Har din behandler henvist dig, skal du ikke selv gøre noget: ${provider} kontakter dig. Ellers: Ring til +45 99 31 31 31 i løbet af den næste uge og sig, at du gerne vil være med.`,
  );
  // A Danish handout needs no word on the language of a course held in Danish only.
  await expect(new HandoutPage(page).sheet('da')).not.toContainText('Sprog');
  // One held in Arabic too (chosen for a patient who reads Arabic, or for whoever reads them the
  // sheet) says so, on the paper the patient takes home.
  const arabic = await createOffer(request, admin, { ...template, title: unique('Rygestop på arabisk'), languages: ['da', 'ar'] });
  await page.goto(handoutUrl([o.id, arabic.id], 'da'));
  const sheet = new HandoutPage(page).sheet('da');
  await expect(sheet.getByRole('region', { name: arabic.title })).toContainText(/Sprog:? ?Dansk og arabisk/);
  await expect(sheet.getByRole('term').filter({ hasText: /^Sprog$/ })).toHaveCount(1);

  await page.goto(handoutUrl([o.id], 'en'));
  const english = new HandoutPage(page).sheet('en');
  await expect(english.locator('.handout__next')).toContainText(`If your clinician has referred you, you need not do anything: ${provider} contacts you. If not: Call +45 99 31 31 31`);
  await expect(english.getByRole('definition').filter({ hasText: /^Danish$/ })).toBeVisible();
  await expect(english).toContainText(/Languages:? ?Danish/);
  await expect(english.getByRole('definition').filter({ hasText: o.summary })).toHaveAttribute('lang', 'da');
  await expect(english.getByRole('heading', { level: 3 })).toHaveAttribute('lang', 'da');

  // The patient's copy, as the share link opens it: the number in the facts and in the next step
  // are links that call it.
  for (const lang of ['da', 'en'] as const) {
    await page.goto(`${handoutUrl([o.id], lang)}&til=patient`);
    // Under the copy's h1, each offer's title is an h2 (axe's best-practice heading order).
    await expect(page.getByRole('article').getByRole('heading', { level: 2, name: o.title })).toBeVisible();
    const calls = page.getByRole('article').getByRole('link', { name: '+45 99 31 31 31' });
    await expect(calls).toHaveCount(2);
    for (const call of await calls.all()) await expect(call).toHaveAttribute('href', 'tel:+4599313131');
    // No QR codes on the copy on screen: it says to tap the offer's name (a link), not to scan.
    const how = page.getByRole('article').getByRole('definition').filter({ hasText: lang === 'da' ? /^Du kan selv melde dig/ : /^You can sign up yourself/ });
    await expect(how).toHaveText(
      lang === 'da'
        ? 'Du kan selv melde dig: ring, eller tryk på tilbuddets navn, og tryk »Jeg vil gerne deltage«.'
        : 'You can sign up yourself: call, or tap the offer\u2019s name and press \u201cI would like to join\u201d.',
    );
  }
  await expectNoAxeViolations(page, "handout patient's copy with tap-to-call numbers (en)");
});

// An English-speaking patient (the search's "Patientens sprog") gets the handout in English
// without the clinician switching it: "Lav patientark" opens it so, on a Danish screen.
test("a handout for a patient searched in English opens in English", async ({ page }) => {
  await page.goto('/klinik?conditions=kol&postcode=8000&language=en');
  const card = page.locator('article.clinic-card').first();
  await card.getByRole('checkbox', { name: /^Vælg til patientarket/ }).check();
  await expect(card.getByRole('link', { name: 'Lav patientark' })).toHaveAttribute('href', /&lang=en$/);
  await card.getByRole('link', { name: 'Lav patientark' }).click();
  await expect(page).toHaveURL(/\/klinik\/til-patienten\?offer=[^&]+&lang=en$/);
  const handout = new HandoutPage(page);
  await expect(handout.handoutLanguage('English')).toBeChecked();
  await expect(handout.sheet('en')).toBeVisible();
});

// A clinician may choose an offer the patient cannot join (a walk's 71-year-old got a sheet for
// an 18–65 conversation, with no word of the limit): the card says so once it is chosen, and the
// sheet says whom the offer is for.
test('an offer the patient cannot join is flagged when chosen, and the handout says its limits', async ({ page, request }) => {
  const admin = await devToken(request, 'nordjylland');
  const template = await offerTemplate(request, admin, unique('Aldersgrænsehold'));
  const limited = await createOffer(request, admin, {
    ...template,
    eligibility: { ...template.eligibility, min_age: 18, max_age: 65, accepted_conditions: [], residence: null, inclusion_note: null, exclusion_note: null },
    referral: { ...template.referral, self_referral: true },
  });
  const query = `?conditions=${limited.conditions[0]}&postcode=${limited.location.postcode}&age=71&per_group=10`;
  await page.goto(`/klinik${query}`);
  const card = page.locator('article.clinic-card', { has: page.locator(`a[href="/tilbud/${limited.id}?fra=klinik"]`) });
  await expect(card).toContainText('Kan ikke deltage');
  const warning = 'Patienten kan ikke deltage i dette tilbud (se ovenfor). Patientarket siger, hvem tilbuddet er for.';
  await expect(card.getByText(warning)).toHaveCount(0);
  await card.getByRole('checkbox', { name: /^Vælg til patientarket/ }).check();
  await expect(card.getByText(warning)).toBeVisible();
  await expectNoAxeViolations(page, 'a chosen offer the patient cannot join');

  await page.goto(handoutUrl([limited.id], 'da'));
  const sheet = new HandoutPage(page).sheet('da');
  await expect(sheet.getByRole('region').first()).toContainText(/Hvem kan deltage:? ?18–65 år/);
  await page.goto(handoutUrl([limited.id], 'en'));
  await expect(new HandoutPage(page).sheet('en').getByRole('region').first()).toContainText(/Who can join:? ?Aged 18–65/);
});
