import { expect, test, type APIRequestContext, type Locator, type Page } from './fixtures';
import { OfferPage } from '../pages/offer-page';
import { SearchPage } from '../pages/search-page';
import { ReceiptPage, SignupPage, StatusPage } from '../pages/signup-page';
import { expectNoAxeViolations } from './a11y';

/** An offer near 8000 Aarhus C that takes self-referrals (and is not full). */
async function selfReferralOffer(request: APIRequestContext, skip = 0): Promise<string> {
  const r = await request.get('/api/v1/offers?postcode=8000&self_referral=true&available=true&per_page=20');
  expect(r.ok()).toBe(true);
  const body = await r.json();
  return body.results[skip].offer.id as string;
}

/** A unique valid Danish phone number per test run. */
function phone(): string {
  return String(20000000 + Math.floor(Math.random() * 70000000));
}

test.describe('citizen journey: find an offer and ask to join', () => {
  test('search → offer → ask to join → receipt → status → withdraw', async ({ page }) => {
    test.setTimeout(90_000);
    const search = new SearchPage(page);
    await search.goto();
    await search.search('8000', ['Fysisk aktivitet']);
    await expect(search.resultsHeading).toBeFocused();
    const card = search.results.filter({ hasText: 'Du kan selv tilmelde dig' }).first();
    await card.getByRole('heading', { level: 3 }).getByRole('link').click();

    const offer = new OfferPage(page);
    await expect(offer.heading).toBeFocused();
    const title = (await offer.heading.textContent())!.trim();
    // Demo offers take requests, and say that they go nowhere real.
    await expect(page.getByText(/du kan prøve at bede om at deltage/i)).toBeVisible();
    await page.getByRole('link', { name: 'Jeg vil gerne deltage' }).click();

    const signup = new SignupPage(page);
    await expect(page).toHaveURL(/\/tilbud\/[^/]+\/tilmeld$/);
    await expect(signup.heading).toBeFocused();
    await expect(page.getByText(title, { exact: true })).toBeVisible();
    await expect(page.getByText('Du skal ikke oplyse CPR-nummer eller diagnose.')).toBeVisible();
    await expect(page.getByText(/slettes 90 dage efter/)).toBeVisible();
    await expectNoAxeViolations(page, 'signup (da)');

    // Nothing filled in: the error summary links to each field.
    await signup.submit.click();
    await expect(signup.errorSummary).toBeFocused();
    await expect(signup.errorSummary.getByRole('link')).toHaveCount(3);
    await expect(signup.name).toHaveAttribute('aria-invalid', 'true');
    await expect(signup.consent).toHaveAttribute('aria-invalid', 'true');
    await expectNoAxeViolations(page, 'signup with errors (da)');
    await signup.errorSummary.getByRole('link', { name: /samtykke/ }).click();
    await expect(signup.consent).toBeFocused();

    const tel = phone();
    await signup.fill({ name: 'Karen Jensen', phone: `${tel.slice(0, 2)} ${tel.slice(2, 4)} ${tel.slice(4, 6)} ${tel.slice(6)}`, message: 'Jeg har brug for en tolk.' });
    await signup.contactTime.selectOption({ label: 'Formiddag (8–12)' });
    await signup.submit.click();

    const receipt = new ReceiptPage(page);
    await expect(receipt.heading).toBeVisible();
    await expect(page).toHaveURL(/\/kvittering\/[A-Z0-9-]+$/);
    expect(page.url()).not.toContain(tel);
    const code = await receipt.receiptCode();
    await expect(page.getByText(/^Udbyderen kontakter dig (senest .+ )?for at aftale/)).toBeVisible();
    await expectNoAxeViolations(page, 'receipt (da)');
    // The receipt survives a reload (sessionStorage).
    await page.reload();
    await expect(receipt.heading).toBeVisible();
    await expect(receipt.code).toHaveText(code);

    await receipt.statusLink.click();
    const status = new StatusPage(page);
    await expect(status.heading).toBeVisible();
    await expect(status.code).toHaveValue(code);
    expect(page.url()).not.toContain(tel);
    await status.contact.fill(tel);
    await status.lookup.click();
    await expect(status.result).toHaveText('Status: Modtaget');
    await expectNoAxeViolations(page, 'status (da)');

    await status.withdraw.click();
    await expect(status.withdrawYes).toBeFocused();
    await expect(page.getByText(/Det kan ikke fortrydes/)).toBeVisible();
    await status.withdrawYes.click();
    await expect(status.result).toHaveText('Status: Trukket tilbage');
    await expect(page.getByText('Din henvendelse er trukket tilbage.')).toBeVisible();
    await expect(status.withdraw).toHaveCount(0);
  });

  test('a double submit sends one request and a replay gets the same receipt', async ({ page, request }) => {
    const id = await selfReferralOffer(request, 1);
    const signup = new SignupPage(page);
    await signup.goto(id);
    const posts: { body: string }[] = [];
    page.on('request', (r) => {
      if (r.method() === 'POST' && r.url().includes('/self-referrals')) posts.push({ body: r.postData() ?? '' });
    });
    await signup.fill({ name: 'Jens Hansen', email: `jens${Date.now()}@example.dk` });
    await signup.submit.dblclick();
    const receipt = new ReceiptPage(page);
    await expect(receipt.heading).toBeVisible();
    const code = await receipt.receiptCode();
    expect(posts).toHaveLength(1);

    // The same request again (a retry after a lost answer) gets the same receipt, not a new one.
    const replay = await request.post(`/api/v1/offers/${id}/self-referrals`, {
      data: JSON.parse(posts[0].body),
    });
    expect(replay.status()).toBe(200);
    expect((await replay.json()).receipt_code).toBe(code);
  });

  test('server errors are shown; an unknown code is not found', async ({ page, request }) => {
    const id = await selfReferralOffer(request, 2);
    const signup = new SignupPage(page);
    await signup.goto(id);
    // A malformed phone number is caught in the browser, next to the field.
    await signup.fill({ name: 'Ole', phone: '1234' });
    await signup.submit.click();
    await expect(signup.errorSummary).toBeVisible();
    await expect(signup.phone).toHaveAttribute('aria-invalid', 'true');
    await expect(signup.phone).toHaveAccessibleDescription(/Fejl: Skriv et dansk telefonnummer/);

    const status = new StatusPage(page);
    await page.goto('/status');
    await expect(status.heading).toBeVisible();
    await status.lookup.click();
    await expect(page.getByRole('alert').filter({ hasText: 'Der er et problem' })).toBeFocused();
    await status.check('ZZZZ-ZZZZ', '12345678');
    await expect(status.failure).toContainText('Vi fandt ingen henvendelse');
    await expectNoAxeViolations(page, 'status not found (da)');
  });

  test('an offer without self-referral explains who refers you', async ({ page, request }) => {
    const r = await request.get('/api/v1/offers?postcode=8000&per_page=50');
    const hit = (await r.json()).results.find((h: { offer: { self_referral: boolean } }) => !h.offer.self_referral);
    test.skip(!hit, 'every offer nearby takes self-referrals');
    await page.goto(`/tilbud/${hit.offer.id}`);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(page.getByText('Du kan ikke selv tilmelde dig. Du skal henvises.')).toBeVisible();
    await expect(page.getByRole('link', { name: 'Jeg vil gerne deltage' })).toHaveCount(0);
    await page.goto(`/tilbud/${hit.offer.id}/tilmeld`);
    await expect(page.getByText('Du kan ikke selv bede om at deltage i dette tilbud. Du skal henvises.')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Send' })).toHaveCount(0);
  });
});

/** Presses Tab (at most `max` times) until `target` has focus. */
async function tabTo(page: Page, target: Locator, max = 60): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement).catch(() => false)) return;
    await page.keyboard.press('Tab');
  }
  await expect(target).toBeFocused();
}

test('keyboard only: search → offer → ask to join → receipt', async ({ page }) => {
  const search = new SearchPage(page);
  await search.goto();
  await tabTo(page, search.postcode);
  await page.keyboard.type('8000');
  await tabTo(page, search.category('Fysisk aktivitet'));
  await page.keyboard.press('Space');
  await tabTo(page, search.submit);
  await page.keyboard.press('Enter');
  await expect(search.resultsHeading).toBeFocused();

  const link = search.results.filter({ hasText: 'Du kan selv tilmelde dig' }).first().getByRole('heading', { level: 3 }).getByRole('link');
  await tabTo(page, link, 200);
  await page.keyboard.press('Enter');
  const offer = new OfferPage(page);
  await expect(offer.heading).toBeFocused();

  const join = page.getByRole('link', { name: 'Jeg vil gerne deltage' });
  await tabTo(page, join);
  await page.keyboard.press('Enter');
  const signup = new SignupPage(page);
  await expect(signup.heading).toBeFocused();
  await tabTo(page, signup.name);
  await page.keyboard.type('Keyboard Bruger');
  await tabTo(page, signup.email);
  await page.keyboard.type(`tast${Date.now()}@example.dk`);
  await tabTo(page, signup.consent);
  await page.keyboard.press('Space');
  await expect(signup.consent).toBeChecked();
  await tabTo(page, signup.submit);
  await page.keyboard.press('Enter');
  await expect(new ReceiptPage(page).heading).toBeVisible();
});
