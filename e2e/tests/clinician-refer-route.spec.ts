import { expect, test } from './fixtures';
import { createOffer, devToken, offerTemplate, unique } from '../pages/admin-api';
import { ClinicianSearchPage, T } from '../pages/clinician-pages';
import { REGION, signInAt } from '../pages/clinician-api';
import { expectNoAxeViolations } from './a11y';

// "Henvis" only where the signed-in clinician may refer (issue #10): a GP sees, on an offer that
// takes referrals from hospitals and the citizen alone, why not and that the patient can sign up
// directly, rather than a Henvis ending in a refusal; the handout stays. Anonymous, the card is as
// before (who the clinician is is unknown). The offer is given in Zulu, a language no demo offer
// has, so the patient's language puts it first in its group.
test('a signed-in clinician sees why not instead of Henvis where they may not refer', async ({ page, request }) => {
  const admin = await devToken(request, REGION);
  const template = await offerTemplate(request, admin, unique('Hospitalshold'));
  const offer = await createOffer(request, admin, {
    ...template,
    languages: ['zu'],
    referral: { ...template.referral, self_referral: true, from_gp: false, from_hospital: true, from_municipality: false, methods: [] },
  });
  const query = `?conditions=${offer.conditions.join(',')}&postcode=${offer.location.postcode}&language=zu`;
  const search = new ClinicianSearchPage(page);
  const card = page.locator('article.clinic-card', { has: page.locator(`[id="offer-${offer.id}-title"]`) });
  const henvis = card.getByRole('link', { name: /^Henvis/ });

  await search.goto(query);
  await expect(card).toBeVisible();
  await expect(henvis).toBeVisible();

  await signInAt(page, '/klinik/henvisninger', unique('Lægerne i Hospitalsgade'));
  // The issuer left the history: Back returns to the search before signing in, not to it.
  await page.goBack();
  await expect(page).toHaveURL(/\/klinik\?/);
  await search.goto(query);
  await expect(card).toBeVisible();
  await expect(card).toContainText('Tilbuddet tager ikke imod henvisninger fra egen læge.');
  await expect(card).toContainText('Patienten kan selv melde sig.');
  await expect(henvis).toHaveCount(0);
  await expect(card.getByRole('checkbox')).toBeEnabled();
  await expectNoAxeViolations(page, 'clinician card the clinician may not refer to');

  // The refusal page, reached by its address, leads on to the handout.
  await page.goto(`/klinik/henvis/${offer.id}`);
  const refused = page.getByRole('alert').filter({ has: page.getByRole('heading', { name: 'Henvisningen kan ikke sendes' }) });
  await expect(refused).toContainText('Patienten kan selv melde sig.');
  await refused.getByRole('link', { name: 'Lav patientark' }).click();
  await expect(page).toHaveURL(new RegExp(`/klinik/til-patienten\\?.*${offer.id}`));
});

// A GP who opens "Henvis" in a new tab (to keep the results in the first) finds the patient of
// the search in the form there too, after signing in: the condition ticked, the age and place
// known for the eligibility, the way back to the same search. (A new tab has no last search.)
test('"Henvis" opened in a new tab keeps the patient of the search, also through signing in', async ({ page, context, request }) => {
  const admin = await devToken(request, REGION);
  const template = await offerTemplate(request, admin, unique('Nyfanehold'));
  const offer = await createOffer(request, admin, {
    ...template,
    conditions: ['kol'],
    languages: ['zu'],
    referral: { ...template.referral, from_gp: true, methods: [] },
  });
  const query = `?conditions=kol&postcode=${offer.location.postcode}&age=60&language=zu`;
  const search = new ClinicianSearchPage(page);
  await search.goto(query);
  const card = page.locator('article.clinic-card', { has: page.locator(`[id="offer-${offer.id}-title"]`) });
  const henvis = card.getByRole('link', { name: /^Henvis/ });
  await expect(henvis).toHaveAttribute('href', `/klinik/henvis/${offer.id}?conditions=kol&postcode=${offer.location.postcode}&age=60&language=zu`);

  const tab = await context.newPage();
  await signInAt(tab, (await henvis.getAttribute('href')) as string, unique('Lægerne i Fanegade'));
  const form = tab.getByRole('form', { name: 'Henvis til' });
  await expect(form.getByRole('checkbox', { name: T.da.kol, exact: true })).toBeChecked();
  await expect(tab.getByText(/ukendt/)).toHaveCount(0);
  // Zulu is no interpreter language the form offers: none is chosen for the clinician.
  await expect(form.getByLabel('Behov for tolk')).toHaveValue('');
  await expect(tab.getByRole('link', { name: T.da.backToResults })).toHaveAttribute('href', new RegExp(`^/klinik\\?conditions=kol&postcode=${offer.location.postcode}&age=60`));
  await tab.close();
});

// The patient's language in the search is likely the interpreter the provider's call needs: the
// form chooses it and says why (a walk referred an Arabic-speaking patient and had to pick it).
test('the patient\'s language in the search suggests the interpreter', async ({ page, request }) => {
  const admin = await devToken(request, REGION);
  const template = await offerTemplate(request, admin, unique('Tolkehold'));
  const offer = await createOffer(request, admin, { ...template, conditions: ['kol'], languages: ['da'], capacity: 'open', referral: { ...template.referral, from_gp: true, methods: [] } });
  await signInAt(page, `/klinik/henvis/${offer.id}?conditions=kol&postcode=${offer.location.postcode}&age=58&language=ar`, unique('Lægerne i Tolkegade'));
  const interpreter = page.getByRole('form', { name: 'Henvis til' }).getByLabel('Behov for tolk');
  await expect(interpreter).toHaveValue('ar');
  await expect(interpreter).toHaveAccessibleDescription('Valgt ud fra patientens sprog i søgningen. Vælg »Ingen tolk«, hvis patienten ikke har brug for en.');
  await expectNoAxeViolations(page, 'referral form with the interpreter suggested');
});

// The CPR number is the patient's age: typed, the form judges by it, and says so when it is not
// the age searched for (a walk's GP sent a 36-year-old's CPR number for a patient of 67 unwarned).
test("the referral form checks the CPR number's age against the search's", async ({ page, request }) => {
  const admin = await devToken(request, REGION);
  const template = await offerTemplate(request, admin, unique('Aldershold'));
  const offer = await createOffer(request, admin, {
    ...template,
    conditions: ['kol'],
    eligibility: { min_age: 50 },
    referral: { ...template.referral, from_gp: true, methods: [] },
  });
  await signInAt(page, `/klinik/henvis/${offer.id}?conditions=kol&postcode=${offer.location.postcode}&age=67`, unique('Lægerne i Aldersgade'));
  const notice = page.locator('.refer-eligibility');
  await expect(notice.locator('.eligibility__verdict')).toHaveText(new RegExp(`${T.da.eligible}$`));
  const cpr = page.getByLabel('CPR-nummer (valgfrit)');
  // A birthday's year apart is the same patient: nothing said.
  await cpr.fill(`${cprFor(67)}-1234`);
  await expect(notice.locator('.eligibility__verdict')).toHaveText(new RegExp(`${T.da.eligible}$`));
  await expect(page.locator('#refer-age-differs')).toHaveCount(0);
  await cpr.fill('010190-1234');
  await expect(page.locator('#refer-age-differs')).toHaveText(
    /^CPR-nummeret giver en alder på 3\d år, men du søgte for en patient på 67 år\. Tjek CPR-nummeret\. Om patienten kan deltage, vurderes ud fra CPR-nummerets alder\.$/,
  );
  await expect(notice.locator('.eligibility__verdict')).toHaveText(new RegExp(`${T.da.notEligible}$`));
  await expect(notice).toContainText('Udbyderen vil sandsynligvis afvise henvisningen.');
  await expectNoAxeViolations(page, "referral form with a CPR number of another age");
  // Half typed, it is no age yet.
  await cpr.fill('010190-12');
  await expect(page.locator('#refer-age-differs')).toHaveCount(0);
  await expect(notice.locator('.eligibility__verdict')).toHaveText(new RegExp(`${T.da.eligible}$`));
});

/** The first six digits of a CPR number of someone `age` years old today (born 1 January). */
function cprFor(age: number): string {
  const year = new Date().getFullYear() - age;
  return `0101${String(year % 100).padStart(2, '0')}`;
}

// What the provider asks a referral to contain is said in the form, where the clinician writes
// it, not only on the result card.
test('the referral form says what the referral must contain', async ({ page, request }) => {
  const admin = await devToken(request, REGION);
  const template = await offerTemplate(request, admin, unique('Spirometrihold'));
  const offer = await createOffer(request, admin, {
    ...template,
    referral: {
      ...template.referral,
      from_gp: true,
      methods: [],
      must_include: { da: 'Seneste spirometri og medicinliste', en: 'Latest spirometry and medication list' },
    },
  });
  await signInAt(page, `/klinik/henvis/${offer.id}`, unique('Lægerne i Spirometrigade'));
  const form = page.getByRole('form', { name: 'Henvis til' });
  await expect(form.locator('.refer-content')).toHaveText(
    // The provider's text ends its sentence before ours begins.
    'Henvisningen skal indeholde: Seneste spirometri og medicinliste. Skriv det i begrundelsen nedenfor.',
  );
  // It comes just before the field it asks for.
  await expect(form.locator('.refer-content + .field')).toContainText('Kort begrundelse (skal udfyldes)');
  // Sent empty, the form names it with the other missing fields, not in a second round from the API.
  const summary = page.getByRole('alert').filter({ has: page.getByRole('heading', { name: T.da.errorsTitle }) });
  const reasonError = summary.getByRole('link', { name: 'Skriv det, henvisningen skal indeholde: Seneste spirometri og medicinliste.' });
  await form.getByRole('button', { name: T.da.send }).click();
  await expect(summary.getByRole('link', { name: 'Skriv patientens navn.' })).toBeVisible();
  await expect(reasonError).toBeVisible();
  // Sent without it, the field says what to write.
  await form.getByLabel(T.da.patientName, { exact: true }).fill(unique('Sara Spirometri'));
  await form.getByLabel(T.da.phone, { exact: true }).fill('22 33 44 55');
  await form.getByRole('checkbox', { name: T.da.kol, exact: true }).check();
  await form.getByRole('checkbox', { name: T.da.consent }).check();
  await form.getByRole('button', { name: T.da.send }).click();
  await expect(summary.getByRole('link', { name: 'Skriv patientens navn.' })).toHaveCount(0);
  await expect(reasonError).toBeVisible();
  await expect(form.getByLabel('Kort begrundelse (skal udfyldes)')).toHaveAttribute('aria-invalid', 'true');
});

// A hospital nurse on an offer referred to by XREF15 alone that takes no hospital referrals: the
// card says the hospital may not refer (and that the patient can sign up), never "use the
// referral route above", a route the nurse cannot use. A GP on the same card is sent to that route.
test('a hospital clinician is told the offer takes no hospital referrals, not to use its route', async ({ page, request }) => {
  const admin = await devToken(request, REGION);
  const template = await offerTemplate(request, admin, unique('XREF-hold'));
  const offer = await createOffer(request, admin, {
    ...template,
    languages: ['zu'],
    referral: { ...template.referral, self_referral: true, from_gp: true, from_hospital: false, from_municipality: true, methods: ['electronic'] },
  });
  const query = `?conditions=${offer.conditions.join(',')}&postcode=${offer.location.postcode}&language=zu&per_group=10`;
  const card = page.locator('article.clinic-card', { has: page.locator(`[id="offer-${offer.id}-title"]`) });
  const notHere = 'Henvises ikke gennem Forebyg: brug henvisningsvejen ovenfor.';

  await signInAt(page, '/klinik/henvisninger', unique('Kardiologisk afd.'), 'Hospitalsafdeling');
  await page.goto(`/klinik${query}`);
  await expect(card).toContainText('Tilbuddet tager ikke imod henvisninger fra hospital. Henvisning fra: egen læge, kommune, borgeren selv. Patienten kan selv melde sig.');
  await expect(card).not.toContainText(notHere);
  await expect(card.getByRole('link', { name: /^Henvis/ })).toHaveCount(0);
  // Who may refer, but not how the others do: no way for the nurse.
  await expect(card.locator('.referral-route dt')).toHaveText(['Hvem kan henvise']);
  await expectNoAxeViolations(page, 'clinician card a hospital may not refer to');
  // The offer's page opened from the card says the same under "Til behandleren".
  await card.getByRole('link', { name: offer.title }).click();
  const actions = page.getByRole('region', { name: 'Til behandleren' });
  await expect(actions).toContainText('Tilbuddet tager ikke imod henvisninger fra hospital.');
  await expect(actions).not.toContainText(notHere);
  // Back on the search before signing out: a sign-in's navigation must not abort the way back.
  await page.goBack();
  await expect(card).toContainText('Tilbuddet tager ikke imod henvisninger fra hospital.');

  // A GP may refer, by XREF15: the card points to that route.
  await page.getByRole('button', { name: 'Log ud', exact: true }).click();
  // Signed out, on the search (the next sign-in's navigation must not abort the sign-out's).
  await expect(page).toHaveURL(/\/klinik$/);
  await expect(page.getByRole('status').filter({ hasText: 'Du er logget ud.' })).toBeVisible();
  await signInAt(page, '/klinik/henvisninger', unique('Lægerne i XREF-gade'));
  await page.goto(`/klinik${query}`);
  await expect(card).toContainText(notHere);
  await expect(card).not.toContainText('tager ikke imod henvisninger fra');
  await expect(card.locator('.referral-route dt')).toHaveText(['Hvem kan henvise', 'Sådan henviser du']);
  await expect(card.locator('.referral-route dd').nth(1)).toHaveText('Elektronisk henvisning fra lægesystem eller EPJ (kommunehenvisning, XREF15)');
});

// Under "Send henvisningen", "Mine henvisninger" is a target of its own: at least 24 px tall
// (WCAG 2.5.8) and clear of the button, at 390 px as at 1280 px.
test('the link to "Mine henvisninger" under the referral form is a target of its own', async ({ page, request }) => {
  const admin = await devToken(request, REGION);
  const template = await offerTemplate(request, admin, unique('Målhold'));
  const offer = await createOffer(request, admin, { ...template, referral: { ...template.referral, from_gp: true, methods: [] } });
  await signInAt(page, `/klinik/henvis/${offer.id}`, unique('Lægerne i Målgade'));
  const send = await page.getByRole('button', { name: T.da.send }).boundingBox();
  const link = await page.getByRole('link', { name: T.da.myReferrals, exact: true }).boundingBox();
  expect(send && link).toBeTruthy();
  expect(link!.height).toBeGreaterThanOrEqual(24);
  expect(link!.y - (send!.y + send!.height)).toBeGreaterThanOrEqual(16);
});

// Signed in, the search knows who refers: in each group the offers taking this clinician's
// referrals come before nearer ones that do not (a walk saw a GP-only offer lead a group for a
// hospital nurse). Searched from the GP-only offer's own point, so it is the nearer of the two.
test("a hospital clinician's search puts first the offers taking hospital referrals", async ({ page, request }) => {
  const admin = await devToken(request, REGION);
  const template = await offerTemplate(request, admin, unique('Egen læge-hold'));
  const referral = { ...template.referral, self_referral: false, from_gp: true, from_municipality: true, methods: ['electronic'] };
  const gpOnly = await createOffer(request, admin, { ...template, languages: ['zu'], referral: { ...referral, from_hospital: false } });
  const point = template.location.point;
  const hospital = await createOffer(request, admin, {
    ...template,
    title: unique('Hospitalernes hold'),
    languages: ['zu'],
    location: { ...template.location, point: { lat: point.lat + 0.005, lon: point.lon } },
    referral: { ...referral, from_hospital: true },
  });
  const query = `?conditions=${template.conditions.join(',')}&lat=${point.lat}&lon=${point.lon}&language=zu&per_group=10`;
  const cardOf = (o: Record<string, any>) => page.locator('article.clinic-card', { has: page.locator(`[id="offer-${o.id}-title"]`) });
  const order = async () => {
    const ids = await page.locator('article.clinic-card .card__title').evaluateAll((hs) => hs.map((h) => h.id));
    return [ids.indexOf(`offer-${gpOnly.id}-title`), ids.indexOf(`offer-${hospital.id}-title`)];
  };

  // Anonymous: nearest first.
  await page.goto(`/klinik${query}`);
  await expect(cardOf(hospital)).toBeVisible();
  const [gpBefore, hospitalBefore] = await order();
  expect(gpBefore).toBeGreaterThanOrEqual(0);
  expect(gpBefore).toBeLessThan(hospitalBefore);

  await signInAt(page, '/klinik/henvisninger', unique('Lungemedicinsk afd.'), 'Hospitalsafdeling');
  // The kind is kept from this sign-in's profile: the search goes out without waiting for the
  // profile again (held here until the search is seen; a search that waited would time out).
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/api/v1/clinician/me', async (route) => {
    await held;
    await route.continue();
  });
  const searched = page.waitForRequest((r) => r.url().includes('/api/v1/clinician/offers?') && r.url().includes('referrer=hospital'));
  await page.goto(`/klinik${query}`);
  await searched;
  release();
  await expect(cardOf(gpOnly)).toContainText('Tilbuddet tager ikke imod henvisninger fra hospital.');
  const [gpAfter, hospitalAfter] = await order();
  expect(hospitalAfter).toBeGreaterThanOrEqual(0);
  expect(hospitalAfter).toBeLessThan(gpAfter);
  // The page's own address does not carry it: a shared link is the patient's search alone.
  expect(page.url()).not.toContain('referrer');
});

// A walk referred one patient to one offer twice, unwarned (the provider's inbox flagged the pair
// as a possible duplicate). A second referral of a patient of the same name to the same offer,
// while the first is open, asks first; sending again sends it.
test('a second referral of the same patient to the same offer asks first', async ({ page, request }) => {
  const admin = await devToken(request, REGION);
  const template = await offerTemplate(request, admin, unique('Dobbelthold'));
  const offer = await createOffer(request, admin, { ...template, capacity: 'open', referral: { ...template.referral, from_gp: true, methods: [] } });
  await signInAt(page, `/klinik/henvis/${offer.id}`, unique('Lægerne i Dobbeltgade'));
  const patient = unique('Dobbelt Klik');
  const form = page.getByRole('form', { name: 'Henvis til' });
  const send = async () => {
    await form.getByLabel(T.da.patientName, { exact: true }).fill(patient);
    await form.getByLabel(T.da.phone, { exact: true }).fill('40 40 40 40');
    await form.getByRole('checkbox', { name: T.da.kol, exact: true }).check();
    await form.getByLabel(/^Kort begrundelse/).fill('KOL, motiveret for træning');
    await form.getByRole('checkbox', { name: T.da.consent }).check();
    await form.getByRole('button', { name: T.da.send }).click();
  };
  const sent = page.getByRole('region', { name: 'Henvisningen er sendt' });
  await send();
  await expect(sent).toBeVisible();
  const first = (await sent.locator('.receipt__code').innerText()).trim();

  await page.goto(`/klinik/henvis/${offer.id}`);
  await send();
  const twin = page.locator('#refer-twin');
  await expect(twin).toBeFocused();
  await expect(twin).toContainText(`Du har allerede en åben henvisning af ${patient} til dette tilbud (${first}, modtaget).`);
  await expect(twin.getByRole('link', { name: `Henvisning ${first}` })).toHaveAttribute('href', new RegExp(first));
  await expect(sent).toHaveCount(0);
  await expectNoAxeViolations(page, 'referral form asking about a second referral of one patient');
  await form.getByRole('button', { name: T.da.send }).click();
  await expect(sent).toBeVisible();
  expect((await sent.locator('.receipt__code').innerText()).trim()).not.toBe(first);
});
