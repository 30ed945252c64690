import { expect, test } from './fixtures';
import { createOffer, devToken, offerTemplate, signInAs, unique } from '../pages/admin-api';

// Where the keyboard's focus lands in the admin workspace (WCAG 2.4.3): on the new page's heading
// after following a link, and on the request's heading after a step in the inbox, never on
// <body> (from where the next Tab starts at the top of the page).

test('opening an offer or a provider from its list with Enter focuses the editor’s heading', async ({ page }) => {
  await signInAs(page, 'midtjylland');
  await page.goto('/admin/tilbud');
  const offer = page.getByRole('table', { name: 'Tilbud' }).getByRole('link').first();
  await offer.focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/admin\/tilbud\/[^/]+$/);
  await expect(page.getByRole('heading', { level: 1 })).toBeFocused();

  await page.goto('/admin/udbydere');
  const provider = page.locator('tbody th a').first();
  await provider.focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/admin\/udbydere\/[^/]+$/);
  await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
});

test("a status step pressed with the keyboard in the inbox leaves focus on the request's heading", async ({ page, request }) => {
  const token = await devToken(request, 'oestdanmark');
  const offer = await createOffer(request, token, await offerTemplate(request, token, unique('Fokustest')));
  const name = unique('Fie Fokus');
  const phone = `2${String(Math.floor(Math.random() * 1e7)).padStart(7, '0')}`;
  const res = await request.post(`/api/v1/offers/${offer.id}/self-referrals`, {
    data: { idempotency_key: `e2e-${Date.now()}-${Math.random().toString(36).slice(2, 10)}`, name, phone, consent: true },
  });
  expect(res.status(), await res.text()).toBe(201);
  const code = (await res.json()).receipt_code as string;

  await signInAs(page, 'oestdanmark');
  await page.goto('/admin/henvendelser');
  const card = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name }) });
  await card.getByRole('button', { name: `Kontaktet: ${name}`, exact: true }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: `Henvendelse ${code} er nu: Kontaktet.` })).toBeVisible();
  await expect(card.getByRole('button', { name: `Fortryd kontaktet: ${name}`, exact: true })).toBeVisible();
  await expect(card.getByRole('heading', { name })).toBeFocused();
  // The next Tab goes on within the card, not from the top of the page.
  await page.keyboard.press('Tab');
  expect(await page.evaluate(() => document.activeElement?.closest('li.card') !== null)).toBe(true);
});
