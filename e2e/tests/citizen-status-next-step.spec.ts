import { expect, test, type APIRequestContext } from './fixtures';
import { StatusPage } from '../pages/signup-page';
import { bearer, createOffer, devToken, offerTemplate, unique } from '../pages/admin-api';
import { clinicianToken, phone, referableOffer } from '../pages/clinician-api';
import { expectNoAxeViolations } from './a11y';

// The status page says what to do next for the status the request has (issue #10): chase the
// provider only while contact is due; on a waiting list, that they call when a place frees;
// and a referral the clinician withdrew is found and said to be so, though its contact is erased.

// Chasing the provider: "… har du ikke hørt fra X senest <the promised day> / inden for en uge …".
const CHASE = /har du ikke hørt fra/;

async function ask(request: APIRequestContext, offerId: string, tel: string): Promise<string> {
  const res = await request.post(`/api/v1/offers/${offerId}/self-referrals`, {
    data: { idempotency_key: `e2e-${Date.now()}-${Math.random().toString(36).slice(2, 10)}`, name: 'Else Status', phone: tel, consent: true },
  });
  expect(res.status(), await res.text()).toBe(201);
  return (await res.json()).receipt_code as string;
}

async function move(request: APIRequestContext, admin: string, code: string, data: Record<string, string>): Promise<void> {
  const res = await request.post(`/api/v1/admin/referrals/${code}/status`, { headers: bearer(admin), data });
  expect(res.ok(), await res.text()).toBe(true);
}

test('the next step follows the status: chase only while contact is due, the waiting list named', async ({ page, request }) => {
  const admin = await devToken(request, 'nordjylland');
  const template = await offerTemplate(request, admin, unique('Statushold'));
  const offer = await createOffer(request, admin, {
    ...template,
    contact: { ...template.contact, phone: '98 76 54 32' },
    referral: { ...template.referral, self_referral: true, response_days: 3 },
  });
  const waiting = await createOffer(request, admin, { ...template, title: unique('Ventehold'), capacity: 'waitlist', contact: { ...template.contact, phone: '98 76 54 32' } });
  const status = new StatusPage(page);
  const look = async (code: string, tel: string) => {
    await page.goto('/status');
    await status.check(code, tel);
    await expect(status.result).toBeVisible();
    // The whom-to-call line comes with the offer.
    await expect(page.locator('.follow-up').getByRole('link', { name: '98 76 54 32' })).toBeVisible();
  };

  const tel = phone();
  const open = await ask(request, offer.id, tel);
  await look(open, tel);
  // The person's own request: a "henvendelse", and when its details go, said plainly.
  await expect(page.getByRole('heading', { level: 1, name: 'Følg din henvendelse' })).toBeVisible();
  await expect(page.locator('dt', { hasText: 'Oplysningerne slettes senest' })).toBeVisible();
  // The promised day, as the facts below say it, not "within a week".
  const promised = (await page.locator('dt', { hasText: 'Udbyderen har lovet at kontakte dig senest' }).locator('xpath=following-sibling::dd[1]').innerText()).trim();
  await expect(page.locator('.follow-up')).toContainText(`har du ikke hørt fra ${offer.provider.name} senest ${promised}, så ring på`);

  // Once contacted, the provider has called: questions only, no "not heard from them by …".
  await move(request, admin, open, { status: 'contacted' });
  await look(open, tel);
  await expect(page.locator('.follow-up')).toContainText('Har du spørgsmål, så ring til');
  await expect(page.locator('.follow-up')).not.toContainText(CHASE);
  await move(request, admin, open, { status: 'enrolled' });
  await look(open, tel);
  await expect(page.getByText('Du er skrevet ind på tilbuddet. Hvornår og hvor du starter, aftaler udbyderen med dig.')).toBeVisible();
  await expect(page.locator('.follow-up')).toContainText('Har du spørgsmål, eller kan du ikke komme, så ring til');
  await expect(page.locator('.follow-up')).not.toContainText(CHASE);

  await move(request, admin, open, { status: 'completed', note: 'Forløbet er gennemført.' });
  await look(open, tel);
  await expect(page.locator('.follow-up')).not.toContainText(CHASE);

  const tel2 = phone();
  const declined = await ask(request, offer.id, tel2);
  await move(request, admin, declined, { status: 'declined', reason: 'no-capacity' });
  await look(declined, tel2);
  await expect(page.locator('.follow-up')).not.toContainText(CHASE);

  const tel3 = phone();
  const queued = await ask(request, waiting.id, tel3);
  await look(queued, tel3);
  // Whether they are on the list is the provider's to say: the offer has one.
  await expect(page.getByText('Tilbuddet har venteliste. Udbyderen skriver dig på den og ringer, når der bliver en plads.')).toBeVisible();
  // Said once: the whom-to-call line does not repeat it.
  await expect(page.locator('.follow-up')).toContainText('Spørgsmål til ventelisten? Ring til');
  await expect(page.getByText('Tilbuddet har venteliste')).toHaveCount(1);
  await expect(page.getByText('Du står på ventelisten')).toHaveCount(0);
  await expect(page.locator('.follow-up')).not.toContainText(CHASE);
  await expectNoAxeViolations(page, 'status on a waiting list (da)');
});

test('a referral the clinician withdrew: the patient is told so, with their code and phone', async ({ page, request }) => {
  const admin = await devToken(request, 'nordjylland');
  const offer = await referableOffer(request, admin);
  const clinician = await clinicianToken(request, unique('Lægerne i Statusgade'));
  const tel = phone();
  const res = await request.post(`/api/v1/clinician/offers/${offer.id}/referrals`, {
    headers: bearer(clinician),
    data: { idempotency_key: `e2e-${Date.now()}-${Math.random().toString(36).slice(2, 10)}`, patient_name: 'Poul Patient', phone: tel, conditions: ['kol'], reason: 'KOL, FEV1 55 %', patient_consent: true },
  });
  expect(res.status(), await res.text()).toBe(201);
  const code = (await res.json()).code as string;
  const withdrawn = await request.delete(`/api/v1/clinician/referrals/${code}`, { headers: bearer(clinician) });
  expect(withdrawn.ok(), await withdrawn.text()).toBe(true);

  const status = new StatusPage(page);
  await page.goto('/status');
  await status.check(code, tel);
  await expect(status.result).toHaveText('Status: Trukket tilbage');
  await expect(page.getByText('Henvisningen er trukket tilbage af din behandler. Har du spørgsmål til det, så kontakt din behandler.')).toBeVisible();
  await expect(status.failure).toHaveCount(0);
  await expectNoAxeViolations(page, 'status of a referral the clinician withdrew (da)');
});

// A clinician's referral on the patient's status page (issue: the walk after a referral): it is
// a "henvisning", not the patient's own "henvendelse"; when its details go is said plainly; a
// decline sends the patient back to whoever referred them as well as to two other offers; and
// once completed, the next-step sheet is one link away.
test("a clinician's referral is called one, and a declined one sends the patient back to whoever referred them (da, en)", async ({ page, request }) => {
  const admin = await devToken(request, 'nordjylland');
  const offer = await referableOffer(request, admin);
  const clinician = await clinicianToken(request, unique('Lægerne i Henvisningsgade'));
  const refer = async (tel: string) => {
    const res = await request.post(`/api/v1/clinician/offers/${offer.id}/referrals`, {
      headers: bearer(clinician),
      data: { idempotency_key: `e2e-${Date.now()}-${Math.random().toString(36).slice(2, 10)}`, patient_name: 'Henny Henvist', phone: tel, conditions: ['kol'], reason: 'KOL, FEV1 55 %', patient_consent: true },
    });
    expect(res.status(), await res.text()).toBe(201);
    return (await res.json()).code as string;
  };
  const tel = phone();
  const code = await refer(tel);

  const status = new StatusPage(page);
  await page.goto(`/status?kode=${code}`);
  await status.contact.fill(tel);
  await status.lookup.click();
  await expect(status.result).toHaveText('Status: Modtaget');
  await expect(page.getByRole('heading', { level: 1, name: 'Følg din henvisning' })).toBeVisible();
  await expect(page).toHaveTitle(/Følg din henvisning/);
  await expect(page.getByText('Udbyderen har fået din henvisning, men har ikke kontaktet dig endnu.')).toBeVisible();
  await expect(page.locator('dt', { hasText: 'Oplysningerne slettes senest' })).toBeVisible();
  await page.getByRole('button', { name: 'Træk min henvisning tilbage' }).click();
  await expect(page.locator('#confirm-text')).toBeFocused();
  await expect(page.locator('#confirm-text')).toHaveText(
    'Er du sikker? Udbyderen og din behandler ser henvisningen som trukket tilbage. Dit CPR-nummer og dine helbredsoplysninger slettes med det samme, resten senest efter 30 dage. Det kan ikke fortrydes.',
  );
  await page.getByRole('button', { name: 'Nej, behold den' }).click();
  await expect(page.getByRole('main')).not.toContainText('henvendelse');
  await expectNoAxeViolations(page, "status of a clinician's referral (da)");

  await move(request, admin, code, { status: 'declined', reason: 'no-capacity' });
  await status.lookup.click();
  await expect(status.result).toHaveText('Status: Afvist');
  const followUp = page.locator('.follow-up');
  await expect(followUp).toContainText('Der er ingen ledige pladser på tilbuddet.');
  await expect(followUp.getByText('Tal med den, der henviste dig, om andre muligheder.')).toBeVisible();
  await expect(followUp.getByRole('heading', { name: 'To andre tilbud af samme slags i nærheden' })).toBeVisible();
  await expectNoAxeViolations(page, "status of a declined clinician's referral (da)");

  await page.evaluate(() => localStorage.setItem('forebyg.lang', 'en'));
  await page.reload();
  const en = new StatusPage(page, 'en');
  await en.check(code, tel);
  await expect(en.result).toHaveText('Status: Declined');
  await expect(page.getByRole('heading', { level: 1, name: 'Follow your referral' })).toBeVisible();
  await expect(followUp.getByText('Talk to whoever referred you about other options.')).toBeVisible();
  await expect(page.locator('dt', { hasText: 'Your details are deleted by' })).toBeVisible();

  // Completed: the participant's next-step sheet, from the status page.
  const tel2 = phone();
  const done = await refer(tel2);
  for (const step of [{ status: 'contacted' }, { status: 'enrolled' }, { status: 'completed', note: 'Forløbet er gennemført.' }]) await move(request, admin, done, step);
  await page.evaluate(() => localStorage.setItem('forebyg.lang', 'da'));
  await page.goto('/status');
  await status.check(done, tel2);
  await expect(status.result).toHaveText('Status: Afsluttet');
  await expect(page.getByText('Tal med den, der henviste dig', { exact: false })).toHaveCount(0);
  await page.getByRole('link', { name: 'Fortsæt efter forløbet' }).click();
  await expect(page).toHaveURL(new RegExp(`/tilbud/${offer.id}/fortsaet\\?lang=da$`));
  await expect(page.getByRole('heading', { level: 1, name: 'Fortsæt efter forløbet' })).toBeVisible();
  await expect(page.locator('article.next-step')).toContainText('Søg selv efter aktiviteter på');
});
