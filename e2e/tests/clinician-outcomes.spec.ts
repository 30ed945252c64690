import { expect, test, type Page } from './fixtures';
import { T } from '../pages/clinician-pages';
import { unique } from '../pages/admin-api';
import { referableOffer, regionAdmin, signInAt } from '../pages/clinician-api';
import { expectNoAxeViolations } from './a11y';

// What the clinician and the patient are told when things are not as the page last knew them: a
// waiting list (no day promised on the patient's sheet).

const t = T.da;

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
  await fill(page, unique('Vera Venteliste'));
  await page.getByRole('button', { name: t.send }).click();
  const receipt = page.getByRole('region', { name: t.sent });
  await expect(receipt).toContainText('Tilbuddet har venteliste, og patienten er skrevet på den.');

  // The offer promises contact within 3 working days, but not to those on its waiting list.
  const slip = page.getByRole('article', { name: t.slipH });
  await expect(slip).toContainText(
    `Du er skrevet på tilbuddets venteliste. ${offer.provider.name} kontakter dig, når der er plads, for at aftale, hvornår du kan starte.`,
  );
  await expect(slip).toContainText(`Har du spørgsmål til ventelisten, så ring til ${offer.provider.name} på`);
  await expect(slip).not.toContainText(/hverdag|senest|inden for en uge/);
  await page.getByRole('group', { name: t.handoutLang }).getByLabel('English').check();
  const english = page.getByRole('article', { name: T.en.slipH });
  await expect(english).toContainText("You are on the offer's waiting list.");
  await expect(english).toContainText('when there is room');
  await expect(english).not.toContainText(/working day|contact you by|within a week/);
  await expectNoAxeViolations(page, 'waiting-list referral sent, with the patient sheet');
});

test('an offer that promises contact puts its day on the patient sheet', async ({ page, request }) => {
  const offer = await referableOffer(request, await regionAdmin(request), 'open');
  await signInAt(page, `/klinik/henvis/${offer.id}`, unique('Lægerne i Svargade'));
  await fill(page, unique('Sune Svar'));
  await page.getByRole('button', { name: t.send }).click();
  await expect(page.getByRole('region', { name: t.sent })).not.toContainText('venteliste');
  await expect(page.getByRole('article', { name: t.slipH })).toContainText(
    new RegExp(`${offer.provider.name} kontakter dig senest \\d{1,2}\\. [a-z]+ \\d{4} for at aftale, om og hvornår du kan starte\\.`),
  );
});
