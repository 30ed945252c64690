import { expect, test } from './fixtures';
import { createOffer, devToken, offerTemplate, signInAs, unique } from '../pages/admin-api';
import { clinicianToken, phone, referThroughApi, signInAt } from '../pages/clinician-api';
import { expectNoAxeViolations } from './a11y';

// A class that filled up after the person asked: the provider puts them on the waiting list, a
// step of its own beside "Kontaktet" (a walk's admin could only decline for "no places", which
// the person reads as a no). The person reads it on the status page, the referring clinician on
// the referral; a place given (enrolling) takes them off the list.

test('a request put on the waiting list: the person and the referrer are told, and enrolling takes them off it', async ({ page, request }) => {
  const token = await devToken(request, 'oestdanmark');
  const template = await offerTemplate(request, token, unique('Ventelistehold'));
  const offer = await createOffer(request, token, { ...template, referral: { ...template.referral, self_referral: true, from_gp: true, methods: [] } });
  const name = unique('Ole Venteliste');
  const contact = phone();
  const res = await request.post(`/api/v1/offers/${offer.id}/self-referrals`, {
    data: { idempotency_key: `e2e-${Date.now()}-${Math.random().toString(36).slice(2, 10)}`, name, phone: contact, consent: true },
  });
  expect(res.status(), await res.text()).toBe(201);
  const receipt = await res.json();
  const organisation = unique('Lægerne i Ventegade');
  const patient = unique('Pia Venteliste');
  const code = await referThroughApi(request, await clinicianToken(request, organisation), offer.id, patient);

  await signInAs(page, 'oestdanmark');
  await page.goto(`/admin/henvendelser?tilbud=${encodeURIComponent(offer.title)}`);
  const card = (who: string) => page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: who }) });
  const onList = card(name).getByRole('button', { name: `Sæt på venteliste: ${name}` });
  await onList.click();
  await expect(page.getByRole('status').filter({ hasText: `Henvendelse ${receipt.receipt_code} er nu: Kontaktet, på venteliste.` })).toBeVisible();
  await expect(card(name).locator('.pill')).toHaveText('Kontaktet');
  await expect(card(name)).toContainText('på venteliste (tilbyd personen den næste ledige plads)');
  // On the list already: the step is done, and the hint says what comes next.
  await expect(onList).toBeDisabled();
  await expect(onList).toHaveAccessibleDescription('Personen står på ventelisten og ser det på sin statusside. »Tilmeld« tager personen af listen.');
  await expectNoAxeViolations(page, 'inbox card on the waiting list');

  // The person reads it on the status page.
  const citizen = await page.context().newPage();
  await citizen.goto(`/status?kode=${receipt.receipt_code}`);
  await citizen.getByLabel('Telefonnummer eller e-mail').fill(contact);
  await citizen.getByRole('button', { name: 'Se status' }).click();
  await expect(citizen.getByText('Du står på udbyderens venteliste. Udbyderen ringer, når der bliver en plads.')).toBeVisible();
  await expectNoAxeViolations(citizen, 'status on the waiting list');
  await citizen.close();

  // A clinician's referral, put on it straight from "Modtaget": the referrer reads it on the referral.
  await card(patient).getByRole('button', { name: `Sæt på venteliste: ${patient}` }).click();
  await expect(card(patient)).toContainText('på venteliste (tilbyd personen den næste ledige plads)');
  const clinician = await page.context().newPage();
  await signInAt(clinician, `/klinik/henvisninger/${code}`, organisation);
  await expect(clinician.locator('.referral-waitlist')).toHaveText('på venteliste');
  await expect(clinician.locator('ol.history')).toContainText('Kontaktet, på venteliste');
  await expectNoAxeViolations(clinician, 'clinician referral on the waiting list');
  // The list says so too, with the step and who made it (a walk's list read only "Kontaktet").
  await clinician.goto('/klinik/henvisninger');
  const listed = clinician.locator('.referral-card').filter({ hasText: patient });
  await expect(listed.locator('.referral-waitlist')).toHaveText('på venteliste');
  await expect(listed).toContainText(/Seneste skridt\s*Kontaktet, på venteliste · .+ · Tilbuddet/);
  await clinician.close();

  // A place frees: enrolling takes the person off the list.
  await card(name).getByRole('button', { name: `Tilmeld: ${name}` }).click();
  await card(name).getByRole('group', { name: 'Tilmeld personen' }).getByRole('button', { name: 'Tilmeld personen' }).click();
  await expect(card(name).locator('.pill')).toHaveText('Tilmeldt');
  await expect(card(name)).not.toContainText('på venteliste (tilbyd');
});
