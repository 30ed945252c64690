import { expect, test } from './fixtures';
import { T } from '../pages/clinician-pages';
import { bearer, signInAs, unique } from '../pages/admin-api';
import { enrol } from '../pages/admin-pages';
import { clinicianToken, phone, referableOffer, regionAdmin, signInAt } from '../pages/clinician-api';
import { StatusPage } from '../pages/signup-page';
import { expectNoAxeViolations } from './a11y';

// A referral followed to an end that is not "completed": the provider undoes an enrolment made
// by mistake, then the participant stops early. The provider marks the course "Afbrudt" with a
// closing note; the referrer reads the status and the note; the patient's status page says the
// course stopped (and offers no "Du har gennemført" sheet).

test('a course stopped early is "Afbrudt": a closing note for the referrer, a plain word for the patient', async ({ page, request, browser }) => {
  const t = T.da;
  const offer = await referableOffer(request, await regionAdmin(request));
  const organisation = unique('Lægerne i Stopgade');
  const patient = unique('Bo Brud');
  const tel = phone();
  const res = await request.post(`/api/v1/clinician/offers/${offer.id}/referrals`, {
    headers: bearer(await clinicianToken(request, organisation)),
    data: { idempotency_key: `e2e-${Date.now()}-${Math.random().toString(36).slice(2, 10)}`, patient_name: patient, phone: tel, conditions: ['kol'], reason: 'KOL', patient_consent: true },
  });
  expect(res.status(), await res.text()).toBe(201);
  const code = (await res.json()).code as string;

  // The provider's inbox.
  const adminContext = await browser.newContext({ viewport: page.viewportSize() });
  const admin = await adminContext.newPage();
  await signInAs(admin, 'nordjylland');
  await admin.goto(`/admin/henvendelser?tilbud=${encodeURIComponent(offer.title)}`);
  const card = admin.getByRole('listitem').filter({ has: admin.getByRole('heading', { name: patient }) });
  const pill = card.locator('.pill');
  const discontinue = card.getByRole('button', { name: `Afbryd: ${patient}` });
  await expect(discontinue).toBeDisabled();
  await expect(discontinue).toHaveAccessibleDescription('»Afslut« og »Afbryd« kan først vælges, når personen er tilmeldt.');
  await enrol(card, patient);
  await expect(pill).toHaveText('Tilmeldt');
  // An enrolment that came to nothing is undone: contacted again, and no course to stop.
  await card.getByRole('button', { name: `Fortryd tilmelding: ${patient}` }).click();
  await expect(pill).toHaveText('Kontaktet');
  await expect(discontinue).toBeDisabled();
  await enrol(card, patient);
  await expect(pill).toHaveText('Tilmeldt');
  await expect(discontinue).toBeEnabled();
  await discontinue.click();
  const panel = card.getByRole('group', { name: 'Afbryd forløbet' });
  const noteField = panel.getByLabel('Afslutningsnotat: hvorfor stoppede forløbet?');
  await expect(noteField).toHaveAccessibleDescription(/^Til henviseren: hvorfor forløbet stoppede før tid/);
  // The referrer waits for the note: it is required.
  await panel.getByRole('button', { name: 'Afbryd forløbet' }).click();
  await expect(panel.getByRole('alert')).toHaveText('Skriv kort til henviseren, hvorfor forløbet blev afbrudt.');
  // At the note, which it marks and describes, with the focus.
  await expect(noteField).toBeFocused();
  await expect(noteField).toHaveAttribute('aria-invalid', 'true');
  await expect(noteField).toHaveAccessibleDescription(/Skriv kort til henviseren, hvorfor forløbet blev afbrudt\.$/);
  await expect(pill).toHaveText('Tilmeldt');
  const note = 'Stoppede efter 5 af 16 gange: nyt arbejde i dagtimerne. Vil gerne på et aftenhold.';
  await noteField.fill(note);
  await panel.getByRole('button', { name: 'Afbryd forløbet' }).click();
  await expect(pill).toHaveText('Afbrudt');
  await expect(card.getByText(/^Forløbet er afbrudt: der er ikke flere skridt\./)).toBeVisible();
  // The "Du har gennemført …" sheet is for a completed course only.
  await expect(card.getByRole('group', { name: 'Næste skridt til deltageren' })).toHaveCount(0);
  await expectNoAxeViolations(admin, 'inbox: a course stopped early');
  await adminContext.close();

  // The referrer: among the closed referrals, "Afbrudt", with the closing note.
  await signInAt(page, '/klinik/henvisninger', organisation);
  const closed = page.getByRole('region', { name: `${t.closed} (1)` });
  const mine = closed.getByRole('listitem').filter({ has: page.getByRole('heading', { name: patient }) });
  await expect(mine).toContainText('Afbrudt');
  await mine.getByRole('link', { name: new RegExp(code) }).click();
  await expect(page.getByRole('region', { name: t.closingNote })).toContainText(note);
  const history = page.getByRole('list', { name: 'Historik' });
  // The enrolment undone is named so, not as a second "Kontaktet".
  for (const step of [t.sent, t.enrolled, 'Tilmelding fortrudt', 'Afbrudt']) await expect(history).toContainText(step);
  await expect(page.getByRole('region', { name: t.patientNextStep })).toHaveCount(0);
  await expectNoAxeViolations(page, 'a referral whose course stopped early');

  // The patient, with the code from the slip: the course stopped; no note, no "gennemført".
  const status = new StatusPage(page);
  await page.goto('/status');
  await status.check(code, tel);
  await expect(status.result).toHaveText('Status: Afbrudt');
  await expect(page.getByText('Forløbet blev stoppet, før det var slut. Vil du i gang igen, så tal med udbyderen.')).toBeVisible();
  await expect(page.getByText(note)).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'Fortsæt efter forløbet' })).toHaveCount(0);
  await expect(status.withdraw).toHaveCount(0);
  await expectNoAxeViolations(page, 'status of a course stopped early');
});
