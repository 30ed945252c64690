import { expect, test, type APIRequestContext } from './fixtures';
import { HandoutPage } from '../pages/clinician-pages';
import { createOffer, devToken, offerTemplate, unique } from '../pages/admin-api';
import { expectNoAxeViolations } from './a11y';

// The patient handout says what the offer page says (issue #10): a full offer promises no
// place, a waiting list is named, a paid offer prints its price and the intro says "gratis" only
// when every offer is free. The offers are made through the admin API (the demo data has every
// offer open and free). Four offers on one A4 page: clinician-handout-print.spec.ts.

const handoutUrl = (ids: string[], lang: 'da' | 'en') => `/klinik/til-patienten?${ids.map((id) => `offer=${id}`).join('&')}&lang=${lang}`;

async function offer(request: APIRequestContext, admin: string, prefix: string, change: Record<string, any>): Promise<Record<string, any>> {
  const template = await offerTemplate(request, admin, unique(prefix));
  return createOffer(request, admin, { ...template, ...change, referral: { ...template.referral, self_referral: true } });
}

test('a full, a waiting-list and a paid offer: the handout promises no place and prints the price', async ({ page, request }) => {
  const admin = await devToken(request, 'nordjylland');
  const full = await offer(request, admin, 'Fuldt hold', { capacity: 'full' });
  const waiting = await offer(request, admin, 'Ventelistehold', { capacity: 'waitlist' });
  const paid = await offer(request, admin, 'Betalt hold', { capacity: 'open', cost: { dkk: 300, note: 'Betales ved start.' } });

  await page.goto(handoutUrl([full.id, waiting.id, paid.id], 'da'));
  const sheet = new HandoutPage(page).sheet('da');
  await expect(sheet).toBeVisible();
  await expect(sheet).toContainText('Din behandler foreslår dig disse tilbud.');
  await expect(sheet).not.toContainText('gratis tilbud');
  const [fullPart, waitingPart, paidPart] = [0, 1, 2].map((i) => sheet.getByRole('region').nth(i));
  await expect(fullPart).toContainText('Holdet er fuldt lige nu.');
  await expect(fullPart).not.toContainText('Du kan selv melde dig');
  await expect(fullPart).not.toContainText('inden for en uge');
  await expect(fullPart).toContainText(/Pris:? ?Gratis/);
  await expect(waitingPart).toContainText('Der er venteliste.');
  await expect(waitingPart.locator('.handout__next')).toContainText('ventelisten');
  await expect(paidPart).toContainText(/Pris:? ?300 kr. Betales ved start./);
  await expectNoAxeViolations(page, 'handout with full, waiting-list and paid offers (da)');

  await page.goto(handoutUrl([full.id, waiting.id, paid.id], 'en'));
  const english = new HandoutPage(page).sheet('en');
  await expect(english).toContainText('Your clinician suggests these offers.');
  await expect(english.getByRole('region').nth(0)).toContainText('The course is full right now.');
  await expect(english.getByRole('region').nth(1)).toContainText('There is a waiting list.');
  await expect(english.getByRole('region').nth(2)).toContainText(/Price:? ?DKK 300 Betales ved start./);

  // Only free offers: the intro may say so.
  await page.goto(handoutUrl([full.id, waiting.id], 'da'));
  await expect(new HandoutPage(page).sheet('da')).toContainText('Din behandler foreslår dig disse gratis tilbud.');

  // The clinician's card says the price too (the API's hit carries it).
  const place = paid.location;
  const query = `?conditions=${paid.conditions[0]}&postcode=${place.postcode}&per_group=10`;
  const answer = await (await request.get(`/api/v1/clinician/offers${query}`)).json();
  type Hit = { offer: { id: string }; cost: { dkk: number } };
  const hits: Hit[] = answer.groups.flatMap((g: { nearby: Hit[] }) => g.nearby);
  expect(hits.find((h) => h.offer.id === paid.id)?.cost.dkk, 'the paid offer is among the nearest').toBe(300);
  await page.goto(`/klinik${query}`);
  const card = page.locator('article.clinic-card', { has: page.locator(`a[href="/tilbud/${paid.id}?fra=klinik"]`) });
  await expect(card.getByText('300 kr. Betales ved start.')).toBeVisible();
});
