import { expect, test } from './fixtures';
import { bearer, createOffer, devToken, offerTemplate, signInAs, unique } from '../pages/admin-api';
import { phone } from '../pages/clinician-api';
import { expectNoAxeViolations } from './a11y';

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

  const lookup = await request.get(`/api/v1/self-referrals/${code}`, { headers: { 'Forebyg-Contact': contact } });
  expect((await lookup.json()).status).toBe('enrolled');
});
