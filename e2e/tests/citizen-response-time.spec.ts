import { expect, test, type APIRequestContext } from './fixtures';
import { expectNoAxeViolations } from './a11y';
import { ReceiptPage, SignupPage, StatusPage } from '../pages/signup-page';

// When to expect contact (#15 point 4): an offer's promised response time is said on the offer
// page before anyone asks, and the receipt and status pages name the date by which the provider
// will make contact (that many working days after the request).

/** A self-referral offer near Aarhus with free places and a promised response time. */
async function offerWithResponseTime(request: APIRequestContext): Promise<{ id: string; days: number }> {
  const found = await (await request.get('/api/v1/offers?postcode=8000&self_referral=true&available=true&per_page=50')).json();
  for (const hit of found.results) {
    const offer = await (await request.get(`/api/v1/offers/${hit.offer.id}`)).json();
    if (offer.referral.response_days && offer.capacity !== 'waitlist') return { id: offer.id, days: offer.referral.response_days };
  }
  throw new Error('no demo offer near 8000 promises a response time');
}

/** Today in Denmark plus `n` working days, as the server counts them (from the Danish date: from
 *  23:00 UTC in winter it is already tomorrow there). */
function workingDaysFromToday(n: number): string {
  const danish = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Copenhagen' }).format(new Date());
  const d = new Date(`${danish}T12:00:00Z`);
  while (n > 0) {
    d.setUTCDate(d.getUTCDate() + 1);
    if (d.getUTCDay() !== 0 && d.getUTCDay() !== 6) n -= 1;
  }
  return d.toISOString().slice(0, 10);
}

test('the offer page promises a response time, and the receipt and status pages name the date', async ({ page, request }) => {
  test.setTimeout(90_000);
  const { id, days } = await offerWithResponseTime(request);
  await page.goto(`/tilbud/${id}`);
  await expect(page.getByText(`Udbyderen kontakter dig inden for ${days} ${days === 1 ? 'hverdag' : 'hverdage'}, når du har bedt om at komme med.`)).toBeVisible();
  await expectNoAxeViolations(page, 'offer page with a response time');

  const signup = new SignupPage(page);
  await signup.goto(id);
  const email = `svartid${Date.now()}@example.dk`;
  await signup.fill({ name: 'Else Nielsen', email });
  const answer = page.waitForResponse((r) => r.request().method() === 'POST' && r.url().includes('/self-referrals'));
  await signup.submit.click();
  const receiptJson = await (await answer).json();
  expect(receiptJson.contact_by).toBe(workingDaysFromToday(days));

  const receipt = new ReceiptPage(page);
  await expect(receipt.heading).toBeVisible();
  const code = await receipt.receiptCode();
  const promise = page.getByRole('main').getByText(/^Udbyderen kontakter dig senest \d{1,2}\. \S+ \d{4} for at aftale/);
  await expect(promise).toBeVisible();
  await expect(page.locator('dt', { hasText: 'Udbyderen har lovet at kontakte dig senest' })).toBeVisible();
  await expectNoAxeViolations(page, 'receipt with the contact date (da)');

  await page.evaluate(() => localStorage.setItem('forebyg.lang', 'en'));
  await page.reload();
  await expect(page.getByRole('main').getByText(/^The provider will contact you by .+ to agree/)).toBeVisible();
  await expectNoAxeViolations(page, 'receipt with the contact date (en)');

  await page.evaluate(() => localStorage.setItem('forebyg.lang', 'da'));
  const status = new StatusPage(page);
  await page.goto('/status');
  await status.check(code, email);
  await expect(status.result).toHaveText('Status: Modtaget');
  await expect(page.locator('dt', { hasText: 'Udbyderen har lovet at kontakte dig senest' })).toBeVisible();
  await expectNoAxeViolations(page, 'status with the contact date');
});

// On a waiting list the provider calls when a place is free: the page promises no number of days
// (a walk found "kontakter dig inden for 5 hverdage" under the waiting-list notice, while the
// request got no date to be held to).
test('a waiting list promises no response time', async ({ page, request }) => {
  let waiting: string | undefined;
  for (const postcode of ['8000', '5000', '9000', '2100']) {
    const found = await (await request.get(`/api/v1/offers?postcode=${postcode}&self_referral=true&per_page=50`)).json();
    for (const hit of found.results) {
      if (hit.offer.capacity !== 'waitlist') continue;
      const offer = await (await request.get(`/api/v1/offers/${hit.offer.id}`)).json();
      if (offer.referral.response_days && offer.contact.phone) waiting = offer.id;
      if (waiting) break;
    }
    if (waiting) break;
  }
  expect(waiting, 'a demo offer on a waiting list with a response time').toBeDefined();
  await page.goto(`/tilbud/${waiting}`);
  await expect(page.getByText('Beder du om at komme med, kommer du på ventelisten. Udbyderen kontakter dig, når der bliver en plads.')).toBeVisible();
  await expect(page.getByText(/kontakter dig inden for/)).toHaveCount(0);

  // Nor does the receipt ask them to call when a week has passed: questions about the list.
  const signup = new SignupPage(page);
  await signup.goto(waiting as string);
  await signup.fill({ name: 'Vera Venteliste', email: `venteliste${Date.now()}@example.dk` });
  await signup.submit.click();
  await expect(new ReceiptPage(page).heading).toBeVisible();
  await expect(page.locator('.follow-up')).toContainText('Spørgsmål til ventelisten? Ring til');
  await expect(page.locator('.follow-up')).not.toContainText('inden for en uge');
});

test('a response time outside 1–20 working days is refused with a sentence naming it', async ({ request }) => {
  const token = (await (await request.post('/api/v1/dev/token', { data: { role: 'region-admin', region: 'midtjylland' } })).json()).token;
  const rows = await (await request.get('/api/v1/admin/offers', { headers: { Authorization: `Bearer ${token}` } })).json();
  const offer = await (await request.get(`/api/v1/admin/offers/${rows[0].id}`, { headers: { Authorization: `Bearer ${token}` } })).json();
  const res = await request.put(`/api/v1/admin/offers/${offer.id}`, {
    headers: { Authorization: `Bearer ${token}` },
    data: { ...offer, referral: { ...offer.referral, response_days: 45 } },
  });
  expect(res.status()).toBe(422);
  const problem = await res.json();
  const error = problem.errors.find((e: { field: string }) => e.field === 'referral.response_days');
  expect(error?.message.da, JSON.stringify(problem)).toBe('Svartiden skal være mellem 1 og 20 hverdage.');
});
