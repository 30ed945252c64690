import { expect, test, type APIRequestContext } from './fixtures';
import { SearchPage } from '../pages/search-page';
import { ReceiptPage, SignupPage, StatusPage } from '../pages/signup-page';
import { expectNoAxeViolations } from './a11y';

async function selfReferralOffer(request: APIRequestContext): Promise<string> {
  const r = await request.get('/api/v1/offers?postcode=2100&self_referral=true&available=true&per_page=5');
  return (await r.json()).results[0].offer.id as string;
}

test('the English switch persists across reloads and sets <html lang>', async ({ page, request }) => {
  test.setTimeout(90_000);
  const search = new SearchPage(page);
  await search.goto();
  await expect(page.locator('html')).toHaveAttribute('lang', 'da');
  // By keyboard: the page reloads in English with the focus where it was, on the switch.
  await page.getByRole('button', { name: /English/ }).focus();
  await page.keyboard.press('Enter');

  await expect(page.getByRole('heading', { level: 1, name: 'Find a prevention offer' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('button', { name: 'Læs siden på dansk' })).toBeFocused();
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Find a prevention offer' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expectNoAxeViolations(page, 'search (en)');

  await page.getByLabel('Your postcode').fill('8000');
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  await expect(page.getByRole('heading', { level: 2, name: /offers? within 25 km of 8000 Aarhus C/ })).toBeFocused();
  await expectNoAxeViolations(page, 'results (en)');

  // The whole request flow in English.
  const id = await selfReferralOffer(request);
  await page.goto(`/tilbud/${id}`);
  await expect(page.getByRole('heading', { name: 'Who is it for' })).toBeVisible();
  await expectNoAxeViolations(page, 'offer (en)');
  await page.getByRole('link', { name: 'I would like to join' }).click();
  const signup = new SignupPage(page, 'en');
  await expect(signup.heading).toBeVisible();
  await signup.submit.click();
  await expect(signup.errorSummary).toBeVisible();
  await expect(signup.errorSummary).toContainText('You must consent');
  await expectNoAxeViolations(page, 'signup with errors (en)');
  const email = `english${Date.now()}@example.com`;
  await signup.fill({ name: 'Anna Smith', email });
  await signup.submit.click();
  const receipt = new ReceiptPage(page, 'en');
  await expect(receipt.heading).toBeVisible();
  const code = await receipt.receiptCode();
  // What each status means, before the citizen has to wonder.
  await expect(page.getByRole('heading', { name: 'What the statuses mean' })).toBeVisible();
  await expect(page.getByText('The provider cannot take you on this offer.')).toBeVisible();
  await expectNoAxeViolations(page, 'receipt (en)');

  await page.goto('/status');
  const status = new StatusPage(page, 'en');
  await status.check(code, email);
  await expect(status.result).toHaveText('Status: Received');
  await expect(page.getByText('The provider has your request but has not contacted you yet.')).toBeVisible();
  await expectNoAxeViolations(page, 'status (en)');

  // Back to Danish.
  await page.getByRole('button', { name: /dansk/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Følg din henvendelse' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'da');
});
