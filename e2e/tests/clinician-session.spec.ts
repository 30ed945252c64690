import { expect, test, type Page } from './fixtures';
import { T, chooseClinician } from '../pages/clinician-pages';
import { unique } from '../pages/admin-api';
import { clinicianToken, moveReferral, referThroughApi, referableOffer, regionAdmin, signInAt, signOutButton } from '../pages/clinician-api';
import { expectNoAxeViolations } from './a11y';

// A clinician's session on a shared consultation-room PC: signing out leaves nothing of it in the
// tab; an expired sign-in does not cost the GP the referral form they were typing; and "Nyt
// siden sidst" is each clinician's own, whoever used the browser in between.

const t = T.da;
const SIGNED_OUT = 'Du er logget ud. Dine henvisninger og patienter vises ikke længere her, før du logger ind igen.';

test('"Log ud" clears the session and lands on the clinician search, which says so', async ({ page, request }) => {
  const admin = await regionAdmin(request);
  const offer = await referableOffer(request, admin);
  const organisation = unique('Lægerne i Logudgade');
  const patient = unique('Dorthe Delt-PC');
  await referThroughApi(request, await clinicianToken(request, organisation), offer.id, patient);

  // The referral form shows who is signed in, and the way out.
  await signInAt(page, `/klinik/henvis/${offer.id}`, organisation);
  // Back from signing in, the keyboard starts at the form's heading, not the top of the page.
  await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
  await expect(page.locator('.signed-in-bar')).toContainText(`Logget ind som Dev kliniker dev · ${organisation}`);
  await expect(signOutButton(page)).toBeVisible();
  // When the patient hears from the provider, before sending (the slip gives the day after).
  await expect(page.getByText('Udbyderen kontakter patienten inden for 3 hverdage efter henvisningen.')).toBeVisible();
  await expectNoAxeViolations(page, 'referral form with "Log ud"');

  // So does "Mine henvisninger", where the patients are.
  await page.goto('/klinik?conditions=kol&postcode=9000&age=67');
  await page.getByRole('link', { name: t.myReferrals, exact: true }).click();
  await expect(page.getByRole('heading', { level: 3, name: patient })).toBeVisible();
  expect(await page.evaluate(() => Object.keys(sessionStorage).filter((k) => k.startsWith('forebyg-clinician-')).sort())).toEqual([
    'forebyg-clinician-referrer',
    'forebyg-clinician-search',
    'forebyg-clinician-token',
  ]);
  await signOutButton(page).click();

  // The clinician search, empty, with the confirmation in a live region.
  await expect(page).toHaveURL(/\/klinik$/);
  await expect(page.getByRole('heading', { level: 1, name: t.searchH1 })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: SIGNED_OUT })).toBeVisible();
  await expect(signOutButton(page)).toHaveCount(0);
  await expect(page.getByLabel(t.postcode)).toHaveValue('');
  expect(await page.evaluate(() => Object.keys(sessionStorage).filter((k) => k.startsWith('forebyg-clinician-')))).toEqual([]);
  await expectNoAxeViolations(page, 'clinician search after signing out');

  // The next person at the PC sees no patient: "Mine henvisninger" asks them to sign in.
  await page.getByRole('link', { name: t.myReferrals, exact: true }).click();
  await expect(page.getByRole('button', { name: t.signIn, exact: true })).toBeVisible();
  await expect(page.getByText(patient)).toHaveCount(0);
  // The confirmation was said once: a reload says nothing more.
  await page.goto('/klinik');
  await expect(page.getByRole('heading', { level: 1, name: t.searchH1 })).toBeVisible();
  await expect(page.getByText(SIGNED_OUT)).toHaveCount(0);
});

test('an expired sign-in keeps the typed referral form, but the CPR number, until it is sent', async ({ page, request }) => {
  const admin = await regionAdmin(request);
  const offer = await referableOffer(request, admin);
  const organisation = unique('Lægerne i Udløbsgade');
  const patient = unique('Karen Udløb');
  const path = `/klinik/henvis/${offer.id}`;
  await signInAt(page, path, organisation);

  await page.getByLabel(t.patientName, { exact: true }).fill(patient);
  await page.getByLabel(t.phone, { exact: true }).fill('22 33 44 55');
  await page.getByLabel('CPR-nummer (valgfrit)').fill('010160-1234');
  await page.getByRole('checkbox', { name: t.kol, exact: true }).check();
  await page.getByLabel('Kort begrundelse (valgfrit)').fill('KOL, motiveret for træning');
  await page.getByLabel('Behov for tolk').selectOption('ar');
  await page.getByLabel(t.callTime, { exact: true }).selectOption({ label: t.lateAfternoon });
  await page.getByRole('checkbox', { name: t.consent }).check();

  // The sign-in expires while the GP types (a token the API refuses).
  await page.evaluate(() => sessionStorage.setItem('forebyg-clinician-token', 'expired.token.here'));
  await page.getByRole('button', { name: t.send }).click();
  await expect(page).toHaveURL(/\/klinik\/log-ind$/);
  await expect(page.getByRole('alert')).toHaveText('Du er blevet logget ud, fordi din session udløb. Log ind igen.');
  // Kept in this tab only, and without the CPR number.
  const kept = await page.evaluate(() => sessionStorage.getItem('forebyg-clinician-referral-draft'));
  expect(kept).toContain(patient);
  expect(kept).not.toContain('010160');
  expect(await page.evaluate(() => JSON.stringify(localStorage))).not.toContain(patient);

  await page.getByRole('button', { name: t.signIn, exact: true }).click();
  await chooseClinician(page, 'da', organisation);
  await expect(page).toHaveURL(new RegExp(`${path}$`));
  await expect(page.getByRole('status').filter({ hasText: 'Vi har gemt det, du skrev i formularen.' })).toContainText(
    'CPR-nummeret gemmer vi ikke: skriv det igen, hvis det skal med.',
  );
  await expect(page.getByLabel(t.patientName, { exact: true })).toHaveValue(patient);
  await expect(page.getByLabel(t.phone, { exact: true })).toHaveValue('22 33 44 55');
  await expect(page.getByLabel('CPR-nummer (valgfrit)')).toHaveValue('');
  await expect(page.getByRole('checkbox', { name: t.kol, exact: true })).toBeChecked();
  await expect(page.getByLabel('Kort begrundelse (valgfrit)')).toHaveValue('KOL, motiveret for træning');
  await expect(page.getByLabel('Behov for tolk')).toHaveValue('ar');
  await expect(page.getByLabel(t.callTime, { exact: true })).toHaveValue('late-afternoon');
  await expect(page.getByRole('checkbox', { name: t.consent })).toBeChecked();
  // Read once: the kept form is gone from storage already.
  expect(await page.evaluate(() => sessionStorage.getItem('forebyg-clinician-referral-draft'))).toBeNull();
  await expectNoAxeViolations(page, 'referral form restored after signing in again');

  await page.getByRole('button', { name: t.send }).click();
  await expect(page.getByRole('region', { name: t.sent })).toBeVisible();
  // Another visit to the form starts empty.
  await page.goto(path);
  await expect(page.getByLabel(t.patientName, { exact: true })).toHaveValue('');
  await expect(page.getByText('Vi har gemt det, du skrev')).toHaveCount(0);
});

test('each clinician on a shared browser has their own "Nyt siden sidst"', async ({ page, request }) => {
  const admin = await regionAdmin(request);
  const offer = await referableOffer(request, admin);
  const [a, b] = [unique('Lægerne i Agade'), unique('Lægerne i Bgade')];
  const patient = unique('Bodil Berg');
  const code = await referThroughApi(request, await clinicianToken(request, b), offer.id, patient);
  const card = page.getByRole('listitem').filter({ has: page.getByRole('heading', { level: 3, name: patient }) });

  // B looks at their list: nothing new yet.
  await signInAt(page, '/klinik/henvisninger', b);
  await expect(card).toBeVisible();
  await expect(card).not.toContainText(t.changed);
  await signOutButton(page).click();
  await expect(page.getByRole('status').filter({ hasText: SIGNED_OUT })).toBeVisible();

  // The provider contacts B's patient; later A uses the same browser. Looks and steps are kept
  // in whole seconds: each comes in a second after the one before it.
  await nextSecond(page);
  await moveReferral(request, admin, code, 'contacted');
  await nextSecond(page);
  await signInAt(page, '/klinik/henvisninger', a);
  await expect(page.getByText('Du har ikke sendt nogen henvisninger endnu.')).toBeVisible();
  await signOutButton(page).click();
  await expect(page.getByRole('status').filter({ hasText: SIGNED_OUT })).toBeVisible();

  // B is told what changed since B's own last look, whoever looked in between.
  await signInAt(page, '/klinik/henvisninger', b);
  await expect(card).toContainText(t.contacted);
  await expect(card).toContainText(t.changed);
  const keys = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('forebyg.clinician.seen')));
  // One marker per account, and B's look before it (a referral's page marks what the list did).
  expect(keys.filter((k) => !k.includes('.before.'))).toHaveLength(2);
  expect(keys.filter((k) => k.includes('.before.'))).toHaveLength(1);
  expect(keys).not.toContain('forebyg.clinician.seen');
  // B's referral marks the provider's step as new to B, not B's own sending.
  await card.getByRole('link', { name: new RegExp(code) }).click();
  const news = page.getByRole('list', { name: 'Historik' }).getByRole('listitem').filter({ hasText: t.changed });
  await expect(news).toHaveCount(1);
  await expect(news).toContainText(t.contacted);
});

// A GP keeps "Mine henvisninger" open all day: the provider's step shows without a reload, when
// asked ("Opdater listen", which keeps the focus) and when the clinician comes back to the tab.
test('the open list reads the referrals again when asked and on coming back to the tab', async ({ page, request }) => {
  const admin = await regionAdmin(request);
  const offer = await referableOffer(request, admin);
  const organisation = unique('Lægerne i Åbengade');
  const patient = unique('Ulla Opdateret');
  const code = await referThroughApi(request, await clinicianToken(request, organisation), offer.id, patient);
  const card = page.getByRole('listitem').filter({ has: page.getByRole('heading', { level: 3, name: patient }) });
  await signInAt(page, '/klinik/henvisninger', organisation);
  await expect(card.locator('.pill')).toHaveText(t.sent);
  await expect(page.locator('.referrals-fresh [role="status"]')).toHaveText(/^Hentet \d{1,2}\. \S+ \d{4} kl\. \d{2}:\d{2}\.$/);

  await moveReferral(request, admin, code, 'contacted');
  const refresh = page.getByRole('button', { name: 'Opdater listen' });
  await refresh.click();
  await expect(card.locator('.pill')).toHaveText(t.contacted);
  await expect(card).toContainText(t.changed);
  await expect(refresh).toBeFocused();
  await expectNoAxeViolations(page, 'referrals with "Opdater listen"');

  // Back at the tab half a minute later: read again by itself (the page's clock moved on).
  await moveReferral(request, admin, code, 'enrolled');
  await page.clock.install();
  await page.clock.fastForward(31_000);
  await page.evaluate(() => window.dispatchEvent(new FocusEvent('focus')));
  await expect(card.locator('.pill')).toHaveText(t.enrolled);
});

// A reload mid-form (or Back and Forward) does not cost the GP what they typed: every change is
// kept in the tab, but the CPR number; sending drops it.
test('a reload keeps the typed referral form, but the CPR number, until it is sent, then the receipt', async ({ page, request }) => {
  const admin = await regionAdmin(request);
  const offer = await referableOffer(request, admin);
  const patient = unique('Rasmus Genindlæs');
  const path = `/klinik/henvis/${offer.id}`;
  await signInAt(page, path, unique('Lægerne i Genindlæsgade'));

  await page.getByLabel(t.patientName, { exact: true }).fill(patient);
  await page.getByLabel(t.phone, { exact: true }).fill('22 33 44 66');
  await page.getByLabel('CPR-nummer (valgfrit)').fill('010160-1234');
  await page.getByRole('checkbox', { name: t.kol, exact: true }).check();
  await page.getByLabel('Behov for tolk').selectOption('ar');
  await page.getByRole('checkbox', { name: t.consent }).check();
  const kept = await page.evaluate(() => sessionStorage.getItem('forebyg-clinician-referral-draft'));
  expect(kept).toContain(patient);
  expect(kept).not.toContain('010160');

  await page.reload();
  await expect(page.getByLabel(t.patientName, { exact: true })).toHaveValue(patient);
  await expect(page.getByLabel(t.phone, { exact: true })).toHaveValue('22 33 44 66');
  await expect(page.getByLabel('CPR-nummer (valgfrit)')).toHaveValue('');
  await expect(page.getByRole('checkbox', { name: t.kol, exact: true })).toBeChecked();
  await expect(page.getByLabel('Behov for tolk')).toHaveValue('ar');
  await expect(page.getByRole('checkbox', { name: t.consent })).toBeChecked();
  await expect(page.getByText('CPR-nummeret gemmer vi ikke: skriv det igen, hvis det skal med.')).toBeVisible();
  // A reload is no sign-in: the note says the form was kept, nothing about signing in.
  await expect(page.getByRole('status').filter({ hasText: 'Vi har gemt det, du skrev i formularen. Tjek oplysningerne, og send henvisningen.' })).toBeVisible();

  await page.getByRole('button', { name: t.send }).click();
  await expect(page.getByRole('region', { name: t.sent })).toBeVisible();
  expect(await page.evaluate(() => sessionStorage.getItem('forebyg-clinician-referral-draft'))).toBeNull();
  // Sent, a reload shows the receipt again (its code is in the address), not the form.
  await page.reload();
  await expect(page.getByRole('region', { name: t.sent })).toBeVisible();
  await expect(page.getByLabel(t.patientName, { exact: true })).toHaveCount(0);
  expect(await page.evaluate(() => sessionStorage.getItem('forebyg-clinician-referral-draft'))).toBeNull();
});

// A clinician who has never opened "Mine henvisninger" on this browser has seen none of what the
// provider did: a declined referral is "Nyt siden sidst", its reason on the row. The list (empty or
// not) and each referral lead back to the search; a referral's reason is labelled without the
// form's "(valgfrit)".
test('a first look marks what the provider did; the list and a referral lead back to the search', async ({ page, request }) => {
  const admin = await regionAdmin(request);
  const offer = await referableOffer(request, admin);
  const organisation = unique('Lægerne i Førstegade');
  const patient = unique('Freja Først');
  const code = await referThroughApi(request, await clinicianToken(request, organisation), offer.id, patient);
  await moveReferral(request, admin, code, 'declined', 'no-capacity');
  const card = page.getByRole('listitem').filter({ has: page.getByRole('heading', { level: 3, name: patient }) });
  const toSearch = page.getByRole('link', { name: t.searchH1, exact: true });

  await signInAt(page, '/klinik/henvisninger', organisation);
  await expect(card).toContainText('Afvist');
  await expect(card).toContainText(t.changed);
  await expect(card).toContainText(/Begrundelse for afvisning:? ?Ingen ledige pladser/);
  await expect(toSearch).toBeVisible();
  await expectNoAxeViolations(page, 'referrals list with a declined referral, first look');

  // One referral: its reason under its plain label, and the way to the search.
  await card.getByRole('link', { name: `Henvisning ${code}` }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Henvisning ${code}` })).toBeVisible();
  await expect(page.getByRole('term').filter({ hasText: /^Kort begrundelse$/ })).toBeVisible();
  // The decline's reason said once, in the box the referrer looks for, not again among the facts.
  await expect(page.getByRole('region', { name: 'Begrundelse for afvisning' })).toContainText('Ingen ledige pladser');
  await expect(page.getByRole('term').filter({ hasText: /^Begrundelse for afvisning$/ })).toHaveCount(0);
  // …with the way to another offer for the same patient: the search with their conditions, from
  // the declined offer's place (the referral keeps not the patient's), said as such.
  const declined = page.getByRole('region', { name: 'Begrundelse for afvisning' });
  const another = declined.getByRole('link', { name: 'Find et andet tilbud til patienten' });
  const place = `${offer.location.postcode} ${offer.location.city}`;
  await expect(another).toHaveAttribute('href', `/klinik?conditions=kol&postcode=${offer.location.postcode}`);
  // Not "the current page" to a screen reader: the referral's page is not the search.
  await expect(another).not.toHaveAttribute('aria-current');
  await expect(toSearch).not.toHaveAttribute('aria-current');
  await expect(declined).toContainText(`Søgningen starter ved ${place}, hvor det afviste tilbud er. Ret postnummeret, hvis patienten bor et andet sted, og skriv patientens alder.`);
  await expect(page.getByText('(valgfrit)')).toHaveCount(0);
  await toSearch.click();
  await expect(page).toHaveURL(/\/klinik$/);
  await expect(page.getByRole('heading', { level: 1, name: t.searchH1 })).toBeVisible();

  // In English, the same.
  await page.evaluate(() => window.localStorage.setItem('forebyg.lang', 'en'));
  await page.goto('/klinik/henvisninger');
  await expect(card).toContainText(/Reason for declining:? ?No capacity/);
  await expect(page.getByRole('link', { name: T.en.searchH1, exact: true })).toBeVisible();
  await page.evaluate(() => window.localStorage.removeItem('forebyg.lang'));

  // An empty list leads there too.
  await page.goto('/klinik/henvisninger');
  await signOutButton(page).click();
  await expect(page.getByRole('status').filter({ hasText: SIGNED_OUT })).toBeVisible();
  await signInAt(page, '/klinik/henvisninger', unique('Lægerne i Tomgade'));
  await expect(page.getByText('Du har ikke sendt nogen henvisninger endnu.')).toBeVisible();
  await expect(toSearch).toBeVisible();
});

/** Resolves once the clock is in the second after the current one (times are whole seconds). */
async function nextSecond(page: Page): Promise<void> {
  const now = await page.evaluate(() => Math.floor(Date.now() / 1000));
  await page.waitForFunction((second) => Date.now() / 1000 >= second + 1, now, { polling: 50 });
}

// A send whose answer is lost (the connection drops on its way back) went through: sent again
// with other details, the form says the first one was sent and where to see it, never "the
// referral key is already used" (a walk met that), and sending once more is a referral of its own.
test('a referral whose answer was lost, sent again with other details, is said to be sent already', async ({ page, request }) => {
  const admin = await regionAdmin(request);
  const offer = await referableOffer(request, admin);
  await signInAt(page, `/klinik/henvis/${offer.id}`, unique('Lægerne i Kabelgade'));
  await page.getByLabel(t.patientName, { exact: true }).fill(unique('Lise Forbindelse'));
  await page.getByLabel(t.phone, { exact: true }).fill('22 33 44 77');
  await page.getByRole('checkbox', { name: t.kol, exact: true }).check();
  await page.getByRole('checkbox', { name: t.consent }).check();
  const referrals = `**/api/v1/clinician/offers/${offer.id}/referrals`;
  await page.route(referrals, async (route) => {
    await route.fetch();
    await route.abort('connectionreset');
  });
  await page.getByRole('button', { name: t.send }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'forbindelse' })).toBeVisible();
  await page.unroute(referrals);

  await page.getByLabel(t.phone, { exact: true }).fill('22 33 44 78');
  await page.getByRole('button', { name: t.send }).click();
  const told = page.getByRole('alert').filter({ hasText: 'Henvisningen blev sendt første gang, selv om forbindelsen røg' });
  await expect(told.getByRole('heading', { name: 'Henvisningen er allerede sendt' })).toBeVisible();
  await expect(told).toContainText('Trykker du »Send henvisningen« igen, bliver det en ny henvisning med oplysningerne her.');
  await expect(told.getByRole('link', { name: 'Mine henvisninger' })).toHaveAttribute('href', '/klinik/henvisninger');
  await expect(page.getByText('henvisnings-nøgle')).toHaveCount(0);
  await expect(page.getByRole('alert').filter({ hasText: 'Vi kunne ikke få forbindelse' })).toHaveCount(0);
  await expectNoAxeViolations(page, 'referral form: the first send went through');

  await page.getByRole('button', { name: t.send }).click();
  await expect(page.getByRole('region', { name: t.sent })).toBeVisible();
});
