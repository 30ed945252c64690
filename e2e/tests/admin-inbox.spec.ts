import { expect, test } from './fixtures';
import { createOffer, devToken, offerTemplate, signInAs, unique } from '../pages/admin-api';
import { expectNoAxeViolations } from './a11y';

test('an admin works a self-referral to enrolled, and the citizen receipt shows it', async ({ page, request }) => {
  const token = await devToken(request, 'oestdanmark');
  const offer = await createOffer(request, token, await offerTemplate(request, token, unique('Henvendelsestest')));
  const name = unique('Karen Testesen');
  const phone = `2${String(Math.floor(Math.random() * 1e7)).padStart(7, '0')}`;
  const res = await request.post(`/api/v1/offers/${offer.id}/self-referrals`, {
    data: { idempotency_key: `e2e-${Date.now()}-${Math.random().toString(36).slice(2, 10)}`, name, phone, consent: true },
  });
  expect(res.status(), await res.text()).toBe(201);
  const receipt = await res.json();
  expect(receipt.status).toBe('received');

  await signInAs(page, 'oestdanmark');
  await page.goto('/admin/henvendelser');
  const card = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name }) });
  await expect(card).toContainText('Modtaget');
  await expect(card).toContainText(receipt.receipt_code);
  await expectNoAxeViolations(page, 'inbox');
  await card.getByRole('button', { name: `Kontaktet: ${name}` }).click();
  await expect(page.getByRole('status').filter({ hasText: `Henvendelse ${receipt.receipt_code} er nu: Kontaktet.` })).toBeVisible();
  await expect(card.getByRole('button', { name: `Kontaktet: ${name}` })).toBeDisabled();
  await card.getByRole('button', { name: `Tilmeld: ${name}` }).click();
  await expect(page.getByRole('status').filter({ hasText: `Henvendelse ${receipt.receipt_code} er nu: Tilmeldt.` })).toBeVisible();
  await expect(card).toContainText('Tilmeldt');
  await expect(card.getByRole('button', { name: `Afvis: ${name}` })).toBeDisabled();

  const lookup = await request.get(`/api/v1/self-referrals/${receipt.receipt_code}`, { headers: { 'Forebyg-Contact': phone } });
  expect(lookup.ok()).toBe(true);
  expect((await lookup.json()).status).toBe('enrolled');
});
