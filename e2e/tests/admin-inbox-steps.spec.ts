import { expect, test } from './fixtures';
import { bearer, createOffer, devToken, offerTemplate, signInAs, unique } from '../pages/admin-api';
import { enrol, openHistory } from '../pages/admin-pages';
import { clinicianToken, phone, referThroughApi, signInAt } from '../pages/clinician-api';
import { expectNoAxeViolations } from './a11y';

// The inbox card's workflow steps: going back (a completed course reopened, a contact undone),
// who made each step, and why a step is not offered yet.

// A course closed by mistake (the wrong person's card, or pressed before the course's end) is
// reopened to "Tilmeldt" from the card, as a decline or an enrolment is undone (a walk's admin
// found "Afsluttet" final, and the person's status page saying the course was over).

test('a completed course is reopened to enrolled, and the person reads it', async ({ page, request }) => {
  const token = await devToken(request, 'oestdanmark');
  const offer = await createOffer(request, token, await offerTemplate(request, token, unique('Genåbningshold')));
  const name = unique('Gitte Genåbn');
  const contact = phone();
  const res = await request.post(`/api/v1/offers/${offer.id}/self-referrals`, {
    data: { idempotency_key: `e2e-${Date.now()}-${Math.random().toString(36).slice(2, 10)}`, name, phone: contact, consent: true },
  });
  expect(res.status(), await res.text()).toBe(201);
  const code = (await res.json()).receipt_code as string;
  for (const status of ['enrolled', 'completed']) {
    const moved = await request.post(`/api/v1/admin/referrals/${code}/status`, { headers: bearer(token), data: { status } });
    expect(moved.ok(), await moved.text()).toBe(true);
  }

  await signInAs(page, 'oestdanmark');
  await page.goto(`/admin/henvendelser?tilbud=${encodeURIComponent(offer.title)}`);
  const card = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name }) });
  await expect(card.locator('.pill')).toHaveText('Afsluttet');
  const reopen = card.getByRole('button', { name: `Genåbn forløbet: ${name}` });
  await expect(card.getByRole('button', { name: `Afslut: ${name}` })).toHaveAccessibleDescription(
    'Henvendelsen er afsluttet: der er ikke flere skridt. »Genåbn forløbet« retter en afslutning, der var en fejl.',
  );
  await expectNoAxeViolations(page, 'inbox card of a completed course');
  await reopen.click();
  await expect(page.getByRole('status').filter({ hasText: `Henvendelse ${code} er nu: Tilmeldt.` })).toBeVisible();
  await expect(card.locator('.pill')).toHaveText('Tilmeldt');
  await expect(card.getByRole('button', { name: `Afslut: ${name}` })).toBeEnabled();
  // The history names the step by what it takes back, not as a second "Tilmeldt".
  await expect((await openHistory(card)).getByRole('listitem').last()).toContainText('Forløbet genåbnet');

  const lookup = await request.get(`/api/v1/self-referrals/${code}`, { headers: { 'Forebyg-Contact': contact } });
  expect((await lookup.json()).status).toBe('enrolled');
});

// "Kontaktet" pressed on the wrong card (or no one answered after all) is taken back from the
// same place: the request is "Modtaget" again, its promised day counts again, and the referrer
// reads the step as "Kontakt fortrudt" rather than a second "Sendt".
test('a contact marked by mistake is undone to received, and the referrer reads it', async ({ page, request }) => {
  const token = await devToken(request, 'oestdanmark');
  const template = await offerTemplate(request, token, unique('Fortrydhold'));
  const offer = await createOffer(request, token, { ...template, referral: { ...template.referral, from_gp: true, methods: [], response_days: 5 } });
  const organisation = unique('Lægerne i Fortrydgade');
  const patient = unique('Frida Fortryd');
  const code = await referThroughApi(request, await clinicianToken(request, organisation), offer.id, patient);

  await signInAs(page, 'oestdanmark');
  await page.goto(`/admin/henvendelser?tilbud=${encodeURIComponent(offer.title)}`);
  const card = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: patient }) });
  await card.getByRole('button', { name: `Kontaktet: ${patient}`, exact: true }).click();
  await expect(card.locator('.pill')).toHaveText('Kontaktet');
  // The first button now takes the contact back, in the same place.
  const undo = card.getByRole('button', { name: `Fortryd kontaktet: ${patient}` });
  await expect(undo).toBeEnabled();
  await expect(card.getByRole('button', { name: `Afslut: ${patient}` })).toHaveAccessibleDescription(
    '»Afslut« og »Afbryd« kan først vælges, når personen er tilmeldt. »Fortryd kontaktet« retter en kontakt, der ikke blev til noget.',
  );
  await expectNoAxeViolations(page, 'inbox card of a contacted request');
  // Confirmed first: the button takes the place of "Kontaktet", which a double click presses twice.
  await undo.click();
  const confirm = card.getByRole('group', { name: 'Ja, fortryd kontaktet' });
  await expect(confirm).toContainText('Henvendelsen står igen som modtaget: personen venter på et opkald. Den lovede kontaktdag gælder igen: kontakten tæller ikke med i svartiderne.');
  await expect(confirm.getByRole('button', { name: 'Ja, fortryd kontaktet' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: `Henvisning ${code} er nu: Modtaget.` })).toBeVisible();
  await expect(card.locator('.pill')).toHaveText('Modtaget');
  await expect(card.getByRole('button', { name: `Kontaktet: ${patient}`, exact: true })).toBeEnabled();
  await expect(card.locator('.inbox-deadline')).toContainText('Lovet kontakt senest');
  const history = await openHistory(card);
  await expect(history.getByRole('listitem').last()).toContainText('Kontakt fortrudt');

  const clinician = await page.context().newPage();
  await signInAt(clinician, `/klinik/henvisninger/${code}`, organisation);
  await expect(clinician.locator('ol.history li').last()).toContainText('Kontakt fortrudt');
  await expect(clinician.locator('ol.history li').first()).toContainText('Sendt');
  await clinician.close();
});

// A status step names the colleague who made it, as a note does; the steps the workflow does not
// allow yet say why (Afslut: only once the person is enrolled).
test('the history names who changed the status, and a disabled "Afslut" says why', async ({ page, request }) => {
  const token = await devToken(request, 'oestdanmark');
  const offer = await createOffer(request, token, await offerTemplate(request, token, unique('Hvemtest')));
  const name = unique('Hanne Hvem');
  const res = await request.post(`/api/v1/offers/${offer.id}/self-referrals`, {
    data: { idempotency_key: `e2e-${Date.now()}-${Math.random().toString(36).slice(2, 10)}`, name, phone: phone(), consent: true },
  });
  expect(res.status(), await res.text()).toBe(201);

  await signInAs(page, 'oestdanmark');
  await page.goto(`/admin/henvendelser?tilbud=${encodeURIComponent(offer.title)}`);
  const card = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name }) });
  const complete = card.getByRole('button', { name: `Afslut: ${name}` });
  await expect(complete).toBeDisabled();
  await expect(complete).toHaveAccessibleDescription('»Afslut« og »Afbryd« kan først vælges, når personen er tilmeldt.');
  await expect(card.getByText('»Afslut« og »Afbryd« kan først vælges, når personen er tilmeldt.')).toBeVisible();

  await card.getByRole('button', { name: `Kontaktet: ${name}`, exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'er nu: Kontaktet.' })).toBeVisible();
  await expect(card.locator('.pill')).toHaveText('Kontaktet');
  const history = await openHistory(card);
  const step = history.getByRole('listitem').filter({ hasText: /^Kontaktet/ });
  await expect(step).toContainText(/^Kontaktet · \d{1,2}\. [a-z]{3}\.? \d{4} kl\. \d{2}:\d{2} · Dev /);
  await expect(step).not.toContainText('Tilbuddet');
  await expect(complete).toHaveAccessibleDescription(
    '»Afslut« og »Afbryd« kan først vælges, når personen er tilmeldt. »Fortryd kontaktet« retter en kontakt, der ikke blev til noget.',
  );
  await enrol(card, name);
  await expect(page.getByRole('status').filter({ hasText: 'er nu: Tilmeldt.' })).toBeVisible();
  await expect(complete).toBeEnabled();
  await expect(card.getByRole('button', { name: `Afvis: ${name}` })).toHaveAccessibleDescription(/^Personen er tilmeldt: næste skridt er »Afslut«/);
  await expectNoAxeViolations(page, 'inbox card with who changed the status and why steps are disabled');
});
