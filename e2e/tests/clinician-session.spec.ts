import { expect, test } from './fixtures';
import { T } from '../pages/clinician-pages';
import { unique } from '../pages/admin-api';
import { clinicianToken, moveReferral, referThroughApi, referableOffer, regionAdmin, signInAt, signOutButton } from '../pages/clinician-api';
import { expectNoAxeViolations } from './a11y';

// A clinician's session on a shared consultation-room PC: signing out leaves nothing of it in the
// tab, and "Nyt siden sidst" is each clinician's own, whoever used the browser in between.

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
  await expect(page.locator('.signed-in-bar')).toContainText(`Logget ind som Dev kliniker dev · ${organisation}`);
  await expect(signOutButton(page)).toBeVisible();
  await expectNoAxeViolations(page, 'referral form with "Log ud"');

  // So does "Mine henvisninger", where the patients are.
  await page.goto('/klinik?conditions=kol&postcode=9000&age=67');
  await page.getByRole('link', { name: t.myReferrals, exact: true }).click();
  await expect(page.getByRole('heading', { level: 3, name: patient })).toBeVisible();
  expect(await page.evaluate(() => Object.keys(sessionStorage).filter((k) => k.startsWith('forebyg-clinician-')).sort())).toEqual([
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

  // The provider contacts B's patient; later A uses the same browser.
  await page.waitForTimeout(1100);
  await moveReferral(request, admin, code, 'contacted');
  await page.waitForTimeout(1100);
  await signInAt(page, '/klinik/henvisninger', a);
  await expect(page.getByText('Du har ikke sendt nogen henvisninger endnu.')).toBeVisible();
  await signOutButton(page).click();
  await expect(page.getByRole('status').filter({ hasText: SIGNED_OUT })).toBeVisible();

  // B is told what changed since B's own last look, whoever looked in between.
  await signInAt(page, '/klinik/henvisninger', b);
  await expect(card).toContainText(t.contacted);
  await expect(card).toContainText(t.changed);
  const keys = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('forebyg.clinician.seen')));
  expect(keys).toHaveLength(2);
  expect(keys).not.toContain('forebyg.clinician.seen');
});
