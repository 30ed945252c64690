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
  await expect(page.locator('.follow-up')).toContainText('Har du spørgsmål, så ring til');
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
  await expect(page.getByText('Du står på ventelisten. Udbyderen ringer, når der bliver en plads.')).toBeVisible();
  await expect(page.locator('.follow-up')).toContainText('Du står på ventelisten.');
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
  await expect(page.getByText('Henvisningen er trukket tilbage af din behandler.')).toBeVisible();
  await expect(status.failure).toHaveCount(0);
  await expectNoAxeViolations(page, 'status of a referral the clinician withdrew (da)');
});
