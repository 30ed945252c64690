import { expect, test, type Page } from './fixtures';
import { T } from '../pages/clinician-pages';
import { bearer, offerTemplate, signInAs, unique } from '../pages/admin-api';
import { dayAhead } from '../pages/admin-pages';
import { REGION, clinicianToken, moveReferral, referThroughApi, referableOffer, regionAdmin, signInAt } from '../pages/clinician-api';
import { expectNoAxeViolations } from './a11y';

// What the clinician and the patient are told when things are not as the page last knew them: a
// waiting list (no day promised on the patient's sheet), a referral the provider moved on before
// the withdrawal, an offer taken off Forebyg or whose referral rules changed while the form was open.

const t = T.da;
const GENERIC = 'Der skete en fejl hos os';

/** Fills the referral form with the minimum for `patient`. */
async function fill(page: Page, patient: string): Promise<void> {
  await page.getByLabel(t.patientName, { exact: true }).fill(patient);
  await page.getByLabel(t.phone, { exact: true }).fill('22 33 44 55');
  await page.getByRole('checkbox', { name: t.kol, exact: true }).check();
  await page.getByRole('checkbox', { name: t.consent }).check();
}

test('a referral to an offer with a waiting list promises the patient no day', async ({ page, request }) => {
  const offer = await referableOffer(request, await regionAdmin(request), 'waitlist');
  await signInAt(page, `/klinik/henvis/${offer.id}`, unique('Lægerne i Ventegade'));
  // Said before sending, by the patient's eligibility; and the referral is received, not accepted:
  // the patient goes on the waiting list if the provider takes the referral.
  const waitlist = 'Tilbuddet har venteliste: tager udbyderen imod henvisningen, kommer patienten på den.';
  await expect(page.locator('.refer-eligibility + .notice')).toContainText(waitlist);
  await fill(page, unique('Vera Venteliste'));
  await page.getByRole('button', { name: t.send }).click();
  const receipt = page.getByRole('region', { name: t.sent });
  await expect(receipt).toContainText(waitlist);
  await expect(receipt).not.toContainText('er skrevet på');

  // The offer promises contact within 3 working days, but not to those on its waiting list.
  const slip = page.getByRole('article', { name: t.slipH });
  await expect(slip).toContainText(
    `Tager ${offer.provider.name} imod henvisningen, kommer du på tilbuddets venteliste. De kontakter dig, når der er plads, for at aftale, hvornår du kan starte.`,
  );
  await expect(slip).not.toContainText('Du er skrevet på');
  await expect(slip).toContainText(`Har du spørgsmål til ventelisten, så ring til ${offer.provider.name} på`);
  await expect(slip).not.toContainText(/hverdag|senest|inden for en uge/);
  await page.getByRole('group', { name: t.handoutLang }).getByLabel('English').check();
  const english = page.getByRole('article', { name: T.en.slipH });
  await expect(english).toContainText(`If ${offer.provider.name} accepts the referral, you go on the offer's waiting list.`);
  await expect(english).toContainText('when there is room');
  await expect(english).not.toContainText(/working day|contact you by|within a week/);
  await expectNoAxeViolations(page, 'waiting-list referral sent, with the patient sheet');
});

test('an offer that promises contact puts its day and its languages on the patient sheet', async ({ page, request }) => {
  const offer = await referableOffer(request, await regionAdmin(request), 'open', { languages: ['da', 'ar'] });
  await signInAt(page, `/klinik/henvis/${offer.id}`, unique('Lægerne i Svargade'));
  await fill(page, unique('Sune Svar'));
  await page.getByRole('button', { name: t.send }).click();
  await expect(page.getByRole('region', { name: t.sent })).not.toContainText('venteliste');
  await expect(page.getByRole('article', { name: t.slipH })).toContainText(
    new RegExp(`${offer.provider.name} kontakter dig senest \\d{1,2}\\. [a-z]+ \\d{4} for at aftale, om og hvornår du kan starte\\.`),
  );
  // Whom to call names the same day, not "within a week".
  await expect(page.getByRole('article', { name: t.slipH })).toContainText(
    new RegExp(`har du ikke hørt fra ${offer.provider.name} senest \\d{1,2}\\. [a-z]+ \\d{4}, så ring på`),
  );
  // A class held in Arabic too says so: the patient it was chosen for knows it is the right one.
  const languages = page.getByRole('article', { name: t.slipH }).locator('dt', { hasText: /^Sprog$/ }).locator('xpath=following-sibling::dd[1]');
  await expect(languages).toHaveText('Dansk og arabisk');
  // Without a printer (a home visit): the slip as a text message, with the status link's code.
  const text = page.getByRole('textbox', { name: 'Kort tekst til sms eller e-mail' });
  await expect(text).toHaveValue(new RegExp(`^Du er henvist til ${offer.title}\\.\\n${offer.provider.name} kontakter dig senest .+\\nFølg henvisningen: http.+/status\\?kode=[A-Z0-9]{4}-[A-Z0-9]{4}&lang=da$`));
  await page.getByRole('group', { name: t.handoutLang }).getByLabel('English').check();
  await expect(text).toHaveValue(new RegExp(`^You have been referred to ${offer.title}\\.\\n.+\\nFollow the referral: http.+&lang=en$`));
  await expect(page.getByRole('article', { name: T.en.slipH }).locator('dt', { hasText: /^Languages$/ }).locator('xpath=following-sibling::dd[1]')).toHaveText(
    'Danish and Arabic',
  );
  await expectNoAxeViolations(page, 'referral sent, with the slip as a text message');
});

test('withdrawing a referral the provider has moved on says it can no longer be withdrawn', async ({ page, request }) => {
  const admin = await regionAdmin(request);
  const offer = await referableOffer(request, admin);
  const organisation = unique('Lægerne i Trækgade');
  const patient = unique('Tage Tilmeldt');
  const code = await referThroughApi(request, await clinicianToken(request, organisation), offer.id, patient);
  await signInAt(page, `/klinik/henvisninger/${code}`, organisation);
  await expect(page.getByRole('button', { name: t.withdraw })).toBeVisible();
  // Whom to call to follow it up: the provider and its phone, from the offer (a walk found the
  // page named no one).
  const provider = page.locator('dl.facts div').filter({ has: page.getByRole('term').filter({ hasText: /^Udbyder$/ }) }).getByRole('definition');
  await expect(provider).toHaveText(offer.contact.phone ? `${offer.provider.name} · Telefon ${offer.contact.phone}` : offer.provider.name);
  if (offer.contact.phone) await expect(provider.getByRole('link', { name: offer.contact.phone })).toHaveAttribute('href', /^tel:/);

  // The provider enrols the patient while the page is open, with the first session agreed.
  const start = dayAhead(9);
  await moveReferral(request, admin, code, 'enrolled', undefined, { on: start.iso, at: '17:00' });
  // Asked, the focus is on keeping it, and Escape keeps it (Enter twice must not withdraw).
  await page.getByRole('button', { name: t.withdraw }).click();
  await expect(page.getByRole('button', { name: t.keepReferral })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('button', { name: t.confirmWithdraw })).toHaveCount(0);
  await expect(page.getByRole('button', { name: t.withdraw })).toBeFocused();
  await page.getByRole('button', { name: t.withdraw }).click();
  await expect(page.getByText('Patientens kontaktoplysninger og CPR-nummer slettes med det samme, og udbyderen ser henvisningen som trukket tilbage.')).toBeVisible();
  await expect(page.getByText('Udbyderen får besked')).toHaveCount(0);
  await page.getByRole('button', { name: t.confirmWithdraw }).click();

  const message = page.getByRole('status').filter({ hasText: 'Henvisningen kan ikke længere trækkes tilbage: udbyderen har allerede taget den videre.' });
  await expect(message).toBeVisible();
  await expect(message).toBeFocused();
  await expect(page.getByText(GENERIC)).toHaveCount(0);
  // The referral as it is now: enrolled, and no button that cannot work.
  await expect(page.locator('.pill').first()).toHaveText(t.enrolled);
  await expect(page.getByRole('list', { name: 'Historik' })).toContainText(t.enrolled);
  await expect(page.getByRole('button', { name: t.withdraw })).toHaveCount(0);
  await expect(page.getByRole('button', { name: t.confirmWithdraw })).toHaveCount(0);
  // The first session among the facts, and on the list's card.
  const first = `${start.da} kl. 17:00`;
  await expect(page.getByRole('term').filter({ hasText: /^Første mødegang$/ })).toBeVisible();
  await expect(page.getByRole('definition').filter({ hasText: first })).toBeVisible();
  await expectNoAxeViolations(page, 'a withdrawal the provider overtook');
  await page.goto('/klinik/henvisninger');
  const card = page.getByRole('listitem').filter({ has: page.getByRole('heading', { level: 3, name: patient }) });
  await expect(card).toContainText(`Første mødegang${first}`);
  // What is new, on the list itself: the latest step and when.
  await expect(card.getByRole('definition').filter({ hasText: /^Tilmeldt · / })).toHaveText(/^Tilmeldt · \d{1,2}\. \S+ \d{4} kl\. \d{2}:\d{2} · Tilbuddet$/);
  // The enrolment undone: the history says the day was called off, and the facts no longer give it.
  await moveReferral(request, admin, code, 'contacted');
  await page.goto(`/klinik/henvisninger/${code}`);
  await expect(page.getByRole('list', { name: 'Historik' }).getByRole('listitem').last()).toContainText(`Første mødegang aflyst: ${first}`);
  await expect(page.getByRole('term').filter({ hasText: /^Første mødegang$/ })).toHaveCount(0);
});

// A walk archived an offer with referrals still waiting: their pages lost the provider and its
// phone, and the patient's sheet could no longer be printed again.
test('a referral to an offer archived since keeps whom to call and the patient sheet', async ({ page, request }) => {
  const admin = await regionAdmin(request);
  const offer = await referableOffer(request, admin, 'open', { contact: { phone: '86 12 34 56' } });
  const organisation = unique('Lægerne i Lukkegade');
  const code = await referThroughApi(request, await clinicianToken(request, organisation), offer.id, unique('Lis Lukket'));
  const archived = await request.post(`/api/v1/admin/offers/${offer.id}/status`, { headers: bearer(admin), data: { status: 'archived', version: offer.version } });
  expect(archived.ok(), await archived.text()).toBe(true);

  await signInAt(page, `/klinik/henvisninger/${code}`, organisation);
  const provider = page.locator('dl.facts div').filter({ has: page.getByRole('term').filter({ hasText: /^Udbyder$/ }) }).getByRole('definition');
  await expect(provider).toHaveText(`${offer.provider.name} · Telefon 86 12 34 56`);
  await expect(page.getByRole('note').filter({ hasText: 'Tilbuddet er lukket for nye henvisninger.' })).toContainText('Denne henvisning er ikke glemt');
  // The patient's number as sent, to check (a wrong one is a referral no one can act on).
  const contact = page.locator('dl.facts div').filter({ has: page.getByRole('term').filter({ hasText: 'Patientens kontakt (som sendt)' }) });
  await expect(contact.getByRole('definition')).toHaveText(/^2\d \d{2} \d{2} \d{2}$/);
  await expectNoAxeViolations(page, 'referral to an archived offer');

  // The sheet again: where and whom to call, though the offer takes no one new.
  await page.getByRole('link', { name: t.reprintSlip }).click();
  const slip = page.getByRole('article', { name: t.slipH });
  await expect(slip).toContainText(code);
  await expect(slip).toContainText('86 12 34 56');
  await expect(page.getByRole('note').filter({ hasText: 'Tilbuddet er lukket for nye henvisninger.' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Henvisningen kan ikke sendes' })).toHaveCount(0);

  // Without a code, the form says the offer has closed, before anything is typed.
  await page.goto(`/klinik/henvis/${offer.id}`);
  await expect(page.getByRole('alert')).toContainText('Tilbuddet er lukket og tager ikke imod nye henvisninger.');
  await expect(page.getByLabel(t.patientName, { exact: true })).toHaveCount(0);
});

test('the referral form says in Danish why the API refused it: offer gone, rules changed, full', async ({ page, request }) => {
  const admin = await regionAdmin(request);
  const organisation = unique('Lægerne i Afvisgade');

  // Taken off Forebyg while the form is open: 404.
  const gone = await referableOffer(request, admin);
  await signInAt(page, `/klinik/henvis/${gone.id}`, organisation);
  await fill(page, unique('Gunnar Væk'));
  const archived = await request.post(`/api/v1/admin/offers/${gone.id}/status`, { headers: bearer(admin), data: { status: 'archived', version: gone.version } });
  expect(archived.ok(), await archived.text()).toBe(true);
  await page.getByRole('button', { name: t.send }).click();
  const refused = page.getByRole('alert').filter({ has: page.getByRole('heading', { name: 'Henvisningen kan ikke sendes' }) });
  await expect(refused).toContainText('Tilbuddet er lukket eller taget af Forebyg, siden du åbnede siden, og tager ikke imod nye henvisninger. Find et andet tilbud i søgningen.');
  await expect(refused).not.toContainText(GENERIC);
  await expect(refused.getByRole('link', { name: t.backToResults })).toBeVisible();
  await expectNoAxeViolations(page, 'referral refused: the offer is gone');

  // No longer taking GPs' referrals: 409, whose reason the loaded page cannot know.
  const changed = await referableOffer(request, admin);
  await page.goto(`/klinik/henvis/${changed.id}`);
  await fill(page, unique('Rikke Regel'));
  const current = await (await request.get(`/api/v1/admin/offers/${changed.id}`, { headers: bearer(admin) })).json();
  const put = await request.put(`/api/v1/admin/offers/${changed.id}`, {
    headers: bearer(admin),
    data: { ...current, referral: { ...current.referral, from_gp: false, from_hospital: true } },
  });
  expect(put.ok(), await put.text()).toBe(true);
  await page.getByRole('button', { name: t.send }).click();
  await expect(refused).toContainText('Tilbuddet tager ikke længere imod din henvisning gennem Forebyg: henvisningsreglerne er ændret, siden du åbnede siden.');
  // Never the API's English detail in the Danish page.
  await expect(refused).not.toContainText('does not take referrals');
  await expect(refused).not.toContainText(GENERIC);

  // Full without a waiting list, said before anything is typed: whom to ask when a place frees
  // up, and the way back to the other offers.
  const full = await referableOffer(request, admin, 'full', { contact: { phone: '86 12 34 56' } });
  await page.goto(`/klinik/henvis/${full.id}`);
  await expect(refused).toContainText('Tilbuddet er fuldt booket og har ingen venteliste.');
  await expect(refused).toContainText(`Spørg ${full.provider.name}, hvornår der er plads igen, på 86 12 34 56.`);
  await expect(refused.getByRole('link', { name: '86 12 34 56' })).toHaveAttribute('href', 'tel:86123456');
  await expect(refused.getByRole('link', { name: t.backToResults })).toBeVisible();
  await expect(page.getByLabel(t.patientName, { exact: true })).toHaveCount(0);
});

// A record system may refer for a condition the offer does not take (the form's warning does not
// reach it): the inbox card says so before anyone calls the patient.
test('the inbox marks a referral for a condition the offer does not take', async ({ page, request }) => {
  const admin = await regionAdmin(request);
  const template = await offerTemplate(request, admin, unique('Diabeteshold'));
  const eligibility = { ...template.eligibility, accepted_conditions: ['type-2-diabetes'] };
  const offer = await referableOffer(request, admin, 'open', { conditions: ['type-2-diabetes'], eligibility });
  const patient = unique('Kaj Kolsen');
  await referThroughApi(request, await clinicianToken(request, unique('Lægerne i Sygdomsgade')), offer.id, patient);
  await signInAs(page, REGION);
  await page.goto(`/admin/henvendelser?tilbud=${encodeURIComponent(offer.title)}`);
  const card = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: patient }) });
  await expect(card.locator('.inbox-other-condition')).toHaveText(
    'Anden sygdom Tilbuddet er kun for type 2-diabetes, og henvisningen nævner ingen af dem. Tjek med henviseren, før I ringer til patienten.',
  );
  await expectNoAxeViolations(page, 'inbox card of a referral for another condition');
});
