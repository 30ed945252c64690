import { expect, test, type APIRequestContext, type Locator, type Page } from './fixtures';
import { OfferPage } from '../pages/offer-page';
import { SearchPage } from '../pages/search-page';
import { ReceiptPage, SignupPage, StatusPage } from '../pages/signup-page';
import { expectNoAxeViolations } from './a11y';
import { bearer, createOffer, devToken, offerTemplate, unique } from '../pages/admin-api';

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
    await expect(page.getByText(/intet, du sender herfra, går til en rigtig udbyder/i)).toBeVisible();
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
    // A CPR number in the message, which the hint asks not to give: refused at the field.
    await signup.fill({ name: 'Karen Jensen', phone: `${tel.slice(0, 2)} ${tel.slice(2, 4)} ${tel.slice(4, 6)} ${tel.slice(6)}`, message: 'Mit CPR er 010160-1234.' });
    await signup.submit.click();
    await expect(signup.errorSummary.getByRole('link', { name: 'Skriv ikke dit CPR-nummer i beskeden. Udbyderen spørger om det, hvis der er brug for det.' })).toBeVisible();
    await expect(signup.message).toHaveAttribute('aria-invalid', 'true');
    await signup.fill({ name: 'Karen Jensen', phone: `${tel.slice(0, 2)} ${tel.slice(2, 4)} ${tel.slice(4, 6)} ${tel.slice(6)}`, message: 'Jeg har brug for en tolk.' });
    await signup.contactTime.selectOption({ label: 'Formiddag (8–12)' });
    await signup.submit.click();

    const receipt = new ReceiptPage(page);
    await expect(receipt.heading).toBeVisible();
    await expect(page).toHaveURL(/\/kvittering\/[A-Z0-9-]+$/);
    expect(page.url()).not.toContain(tel);
    const code = await receipt.receiptCode();
    const typed = `${tel.slice(0, 2)} ${tel.slice(2, 4)} ${tel.slice(4, 6)} ${tel.slice(6)}`;
    await expect(page.locator('.receipt__contact p')).toHaveText([
      `Udbyderen kontakter dig på: ${typed}`,
      'Er det forkert, kan udbyderen ikke nå dig: send en ny henvendelse med de rigtige oplysninger.',
    ]);
    // Back leaves the receipt for the offer page, not for a fresh form that would send again.
    await page.goBack();
    await expect(offer.heading).toBeVisible();
    await expect(page).toHaveURL(/\/tilbud\/[^/]+$/);
    await page.goForward();
    await expect(receipt.heading).toBeVisible();
    await expect(page.getByText(/^Udbyderen kontakter dig (senest .+ )?for at aftale/)).toBeVisible();
    // A way to keep the code besides printing: an e-mail to oneself with the code and the status
    // page's address, and nothing about the offer or the person.
    const mail = page.getByRole('link', { name: 'Send koden til dig selv i en e-mail' });
    const href = decodeURIComponent((await mail.getAttribute('href'))!);
    expect(href).toBe(`mailto:?subject=Min kode til Forebyg&body=Min kode er ${code}. Se status her: ${new URL(page.url()).origin}/status?kode=${code}`);
    await expectNoAxeViolations(page, 'receipt (da)');
    // The receipt survives a reload (sessionStorage), but not the contact it was sent with: shown
    // once, as typed, to check for a typo, it is kept nowhere.
    await page.reload();
    await expect(receipt.heading).toBeVisible();
    await expect(receipt.code).toHaveText(code);
    await expect(page.locator('.receipt__contact')).toHaveCount(0);
    expect(JSON.stringify(await page.evaluate(() => ({ ...sessionStorage })))).not.toContain(tel.slice(4));

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
    // The question takes the focus, not "Ja" (a keyboard user's second Enter withdrew unread);
    // Tab reaches "Ja" from it.
    await expect(page.locator('#confirm-text')).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(status.withdrawYes).toBeFocused();
    await expect(page.getByText(/Det kan ikke fortrydes/)).toBeVisible();
    await status.withdrawYes.click();
    await expect(status.result).toHaveText('Status: Trukket tilbage');
    await expect(page.getByText('Din henvendelse er trukket tilbage.')).toBeVisible();
    await expect(status.withdraw).toHaveCount(0);
    // Back to the receipt kept in this tab: it says what is true now, not the promise of contact
    // made when the request was sent (a walk's receipt still said "Modtaget" after a reload).
    await page.goBack();
    await expect(receipt.heading).toBeVisible();
    await expect(page.locator('.receipt__status')).toHaveText('Trukket tilbage');
    await expect(page.getByText('Du har trukket henvendelsen tilbage. Dit navn og din besked er slettet.').first()).toBeVisible();
    await expect(page.getByText(/^Udbyderen kontakter dig/)).toHaveCount(0);
    await page.reload();
    await expect(page.locator('.receipt__status')).toHaveText('Trukket tilbage');
    expect(JSON.stringify(await page.evaluate(() => ({ ...sessionStorage })))).not.toContain(tel.slice(4));
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

    // Back at the form in this tab: it says the request was sent, with its code, before a second.
    await signup.goto(id);
    const earlier = page.locator('.signup-earlier');
    await expect(earlier).toContainText('Du har allerede bedt om at komme med');
    await expect(earlier).toContainText(new RegExp(`Din henvendelse ${code} fra .+ er sendt og står som Modtaget\\.`));
    await expect(earlier.getByRole('link', { name: 'Se din henvendelse' })).toHaveAttribute('href', `/status?kode=${code}`);
    await expect(signup.name).toHaveValue('');
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
    // What cannot be a code is told as such, at the field, before anything is looked up.
    await status.check('K7QM-4XR0', '12345678');
    const summary = page.getByRole('alert').filter({ hasText: 'Der er et problem' });
    await expect(summary).toContainText('Koden har 8 bogstaver og tal, fx K7QM-4XRT, og aldrig O, 0, I, 1 eller L.');
    await expect(status.code).toHaveAttribute('aria-invalid', 'true');
    await expect(status.failure).toHaveCount(0);
    await status.check('ZZZZ-ZZZZ', '12345678');
    await expect(status.failure).toContainText('Vi fandt ingen henvendelse');
    await expectNoAxeViolations(page, 'status not found (da)');

    // A receipt address opened in another tab: a code keeps its code and the way to the status;
    // a cut-off address is said to be no receipt, not shown as a code.
    await page.goto('/kvittering/ZZZZ-ZZZZ');
    await expect(page.locator('.receipt__code')).toHaveText('ZZZZ-ZZZZ');
    await expect(page.getByText('Vi kan ikke vise kvitteringen her.', { exact: false })).toBeVisible();
    await page.goto('/kvittering/ZZZZ-ZZ');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Adressen er ikke en kvittering');
    await expect(page.locator('.receipt__code')).toHaveCount(0);
    await page.getByRole('main').getByRole('link', { name: 'Se din henvendelse' }).click();
    await expect(status.heading).toBeVisible();
    // Not carried to the status form as a code (what this tab typed there before is kept).
    await expect(status.code).not.toHaveValue('ZZZZ-ZZ');
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

/** Moves an offer to `status` ("published", "archived", "draft") through the admin API. */
async function setStatus(request: APIRequestContext, token: string, id: string, status: string): Promise<void> {
  const current = await (await request.get(`/api/v1/admin/offers/${id}`, { headers: bearer(token) })).json();
  const res = await request.post(`/api/v1/admin/offers/${id}/status`, { headers: bearer(token), data: { status, version: current.version } });
  expect(res.ok(), await res.text()).toBe(true);
}

test.describe('when the offer changes under the citizen', () => {
  test('sending the form after the offer was archived says it has closed, with the way back to the search', async ({ page, request }) => {
    const token = await devToken(request, 'midtjylland');
    const offer = await createOffer(request, token, await offerTemplate(request, token, unique('Afpubliceret tilbud')));
    const signup = new SignupPage(page);
    await signup.goto(offer.id);
    // Phones and autofill put non-breaking spaces and direction marks into a number: accepted.
    await signup.fill({ name: 'Karen Jensen', phone: '\u202a+45\u00a022\u00a034\u00a056\u00a078\u202c' });
    await setStatus(request, token, offer.id, 'archived');
    await signup.submit.click();
    const failure = page.locator('#signup-failure');
    await expect(failure).toBeFocused();
    await expect(failure).toContainText('Tilbuddet er lukket, siden du åbnede siden, og tager ikke imod nye tilmeldinger.');
    await expect(failure).not.toContainText('Der skete en fejl');
    await failure.getByRole('link', { name: 'Gå til søgningen' }).click();
    await expect(page).toHaveURL(/\/$/);
  });

  test('a declined request keeps its reason after the offer is archived', async ({ page, request }) => {
    const token = await devToken(request, 'midtjylland');
    const offer = await createOffer(request, token, await offerTemplate(request, token, unique('Afvist og arkiveret')));
    const tel = phone();
    const asked = await request.post(`/api/v1/offers/${offer.id}/self-referrals`, {
      data: { idempotency_key: `e2e-${Date.now()}-${Math.random().toString(36).slice(2, 10)}`, name: 'Else Berg', phone: tel, consent: true },
    });
    expect(asked.status(), await asked.text()).toBe(201);
    const code = (await asked.json()).receipt_code as string;
    const declined = await request.post(`/api/v1/admin/referrals/${code}/status`, { headers: bearer(token), data: { status: 'declined', reason: 'no-capacity' } });
    expect(declined.ok(), await declined.text()).toBe(true);
    await setStatus(request, token, offer.id, 'archived');

    const status = new StatusPage(page);
    await page.goto('/status');
    await status.check(code, tel);
    await expect(status.result).toHaveText('Status: Afvist');
    await expect(page.getByText('Der er ingen ledige pladser på tilbuddet.')).toBeVisible();
    await expect(page.getByRole('link', { name: 'Find et andet tilbud' })).toBeVisible();
  });

  // A walk archived an offer with a request still waiting: its person lost the provider's phone
  // on the status page, and the offer's page said it did not exist.
  test('an archived offer says it has closed, and a request still waiting keeps whom to call', async ({ page, request }) => {
    const token = await devToken(request, 'midtjylland');
    const template = await offerTemplate(request, token, unique('Lukket med venter'));
    const offer = await createOffer(request, token, { ...template, contact: { ...template.contact, phone: '86 12 34 56' } });
    const tel = phone();
    const asked = await request.post(`/api/v1/offers/${offer.id}/self-referrals`, {
      data: { idempotency_key: `e2e-${Date.now()}-${Math.random().toString(36).slice(2, 10)}`, name: 'Vagn Venter', phone: tel, consent: true },
    });
    expect(asked.status(), await asked.text()).toBe(201);
    const code = (await asked.json()).receipt_code as string;
    await setStatus(request, token, offer.id, 'archived');

    const status = new StatusPage(page);
    await page.goto('/status');
    await status.check(code, tel);
    await expect(status.result).toHaveText('Status: Modtaget');
    const note = page.getByRole('note').filter({ hasText: 'Tilbuddet er lukket for nye tilmeldinger.' });
    await expect(note).toContainText('Din henvendelse er ikke glemt');
    await expect(page.getByRole('link', { name: '86 12 34 56' })).toHaveAttribute('href', 'tel:86123456');
    await expectNoAxeViolations(page, 'status of a request to an archived offer');

    // The offer's page: its facts, closed, no way to join; the status page one link away.
    await page.getByRole('link', { name: offer.title }).click();
    await expect(page.getByRole('heading', { level: 1, name: offer.title })).toBeVisible();
    await expect(page.getByText('Tilbuddet er lukket', { exact: true })).toBeVisible();
    await expect(page.getByRole('link', { name: /Jeg vil gerne deltage|Skriv mig på ventelisten/ })).toHaveCount(0);
    // Nothing beside it says there is room or how to join (a walk saw "Ledige pladser" three times).
    await expect(page.getByRole('heading', { level: 2, name: 'Om tilbuddet' })).toBeVisible();
    await expect(page.getByRole('main')).not.toContainText(/Ledige pladser|Du kan selv tilmelde dig|Næste start/);
    await expect(page.getByRole('link', { name: 'statussiden' })).toHaveAttribute('href', '/status');
    await expectNoAxeViolations(page, 'archived offer page');
    // An old link to its form says the same.
    await page.goto(`/tilbud/${offer.id}/tilmeld`);
    await expect(page.getByText('Tilbuddet er lukket', { exact: true })).toBeVisible();
    await expect(page.getByLabel('Dit navn')).toHaveCount(0);
  });
});

test('typed-in values survive the language switch (never the status contact)', async ({ page, request }) => {
  const id = await selfReferralOffer(request, 3);
  const signup = new SignupPage(page);
  await signup.goto(id);
  await signup.fill({ name: 'Søren Sprogskift', email: 'soren@example.dk', message: 'Hej', consent: false });
  await signup.contactTime.selectOption({ label: 'Formiddag (8–12)' });
  await page.getByRole('button', { name: /English/ }).click();
  const english = new SignupPage(page, 'en');
  await expect(english.heading).toBeVisible();
  await expect(english.name).toHaveValue('Søren Sprogskift');
  await expect(english.email).toHaveValue('soren@example.dk');
  await expect(english.message).toHaveValue('Hej');
  await expect(english.contactTime).toHaveValue('morning');
  await expect(english.consent).not.toBeChecked();

  const status = new StatusPage(page, 'en');
  await page.goto('/status');
  await status.code.fill('ABCD-EFGH');
  await status.contact.fill('soren@example.dk');
  await page.getByRole('button', { name: /dansk/i }).click();
  const danish = new StatusPage(page);
  await expect(danish.heading).toBeVisible();
  await expect(danish.code).toHaveValue('ABCD-EFGH');
  await expect(danish.contact).toHaveValue('');
});
