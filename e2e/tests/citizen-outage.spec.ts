// A store outage as a citizen meets it: the request to join reaches a real `forebyg` server whose
// DynamoDB store is unreachable (the second web server of playwright.config.ts), which answers
// 503 with its problem body. The page says so in plain words, keeps every field as typed, and
// the same form sends once the service is back. (The API side of outages, on every route and
// with DynamoDB Local really stopped and restarted, is api/tests/store_faults.rs.)
import { expect, test } from './fixtures';
import { SignupPage } from '../pages/signup-page';
import { expectNoAxeViolations } from './a11y';

const outage = process.env.E2E_OUTAGE_URL!;

test('a 503 while joining says so in plain words and loses nothing the citizen typed', async ({ page, request }) => {
  const found = await (await request.get('/api/v1/offers?postcode=8000&self_referral=true&available=true')).json();
  const id: string = found.results[0].offer.id;
  const signup = new SignupPage(page);
  await signup.goto(id);
  const typed = { name: 'Karen Udfald', phone: String(20000000 + Math.floor(Math.random() * 70000000)), message: 'Jeg kan bedst om formiddagen.' };
  await signup.fill(typed);

  // While the store is down, the request goes to the server whose store is down.
  let sentDuringOutage = 0;
  await page.route('**/api/v1/offers/*/self-referrals', async (route) => {
    sentDuringOutage++;
    const path = new URL(route.request().url()).pathname;
    const response = await route.fetch({ url: `${outage}${path}` });
    expect(response.status()).toBe(503);
    await route.fulfill({ response });
  });
  await signup.submit.click();
  const said = page.getByText('Tjenesten er midlertidigt utilgængelig. Prøv igen om et øjeblik. Intet af det, du har skrevet, er gået tabt.');
  await expect(said).toBeVisible();
  expect(sentDuringOutage).toBe(1);
  await expect(signup.name).toHaveValue(typed.name);
  await expect(signup.phone).toHaveValue(typed.phone);
  await expect(signup.message).toHaveValue(typed.message);
  await expect(signup.consent).toBeChecked();
  await expectNoAxeViolations(page, 'signup during an outage');

  // The service is back: the same form, untouched, sends.
  await page.unroute('**/api/v1/offers/*/self-referrals');
  await signup.submit.click();
  await expect(page).toHaveURL(/\/kvittering\/[A-Z0-9-]+$/);
});
