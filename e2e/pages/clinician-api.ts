import { expect, type APIRequestContext, type Page } from '@playwright/test';
import { bearer, createOffer, devToken, offerTemplate, unique } from './admin-api';
import { T, chooseClinician } from './clinician-pages';

/**
 * Helpers for the clinician specs that need a referral's other side: offers of a known shape made
 * through the admin API (Nordjylland), referrals sent through the clinician API as a clinician of
 * a named practice (the dev issuer derives the account from the organisation, so the browser
 * signed in with the same name is the same clinician), and signing the browser in.
 */

export const REGION = 'nordjylland';

export const regionAdmin = (request: APIRequestContext) => devToken(request, REGION);

/** A published offer in Nordjylland that takes GPs' referrals through Forebyg, with a promised
 *  response time of 3 working days, and the given capacity. */
export async function referableOffer(
  request: APIRequestContext,
  admin: string,
  capacity: 'open' | 'waitlist' | 'full' = 'open',
  change: Record<string, unknown> = {},
): Promise<Record<string, any>> {
  const template = await offerTemplate(request, admin, unique({ open: 'Henvisningshold', waitlist: 'Ventelistehold', full: 'Fuldt hold' }[capacity]));
  return createOffer(request, admin, {
    ...template,
    ...change,
    capacity,
    referral: { ...template.referral, self_referral: false, from_gp: true, methods: [], response_days: 3 },
  });
}

/** A dev ID token for a clinician of the practice `organisation`. */
export async function clinicianToken(request: APIRequestContext, organisation: string): Promise<string> {
  const res = await request.post('/api/v1/dev/token', { data: { role: 'clinician', organisation: { kind: 'practice', name: organisation } } });
  expect(res.ok()).toBe(true);
  return (await res.json()).token as string;
}

export const phone = () => `2${String(Math.floor(Math.random() * 1e7)).padStart(7, '0')}`;

/** Refers `patient` to `offerId` through the API; the referral's code. */
export async function referThroughApi(request: APIRequestContext, token: string, offerId: string, patient: string): Promise<string> {
  const res = await request.post(`/api/v1/clinician/offers/${offerId}/referrals`, {
    headers: bearer(token),
    data: { idempotency_key: `e2e-${Date.now()}-${Math.random().toString(36).slice(2, 10)}`, patient_name: patient, phone: phone(), conditions: ['kol'], reason: 'KOL, FEV1 55 %', patient_consent: true },
  });
  expect(res.status(), await res.text()).toBe(201);
  return (await res.json()).code as string;
}

/** The provider moves a referral on (contacted, enrolled with its `first_session`, declined with a
 *  `reason` …) in its inbox. */
export async function moveReferral(
  request: APIRequestContext,
  admin: string,
  code: string,
  status: string,
  reason?: string,
  first_session?: { on: string; at?: string },
): Promise<void> {
  const res = await request.post(`/api/v1/admin/referrals/${code}/status`, { headers: bearer(admin), data: { status, reason, first_session } });
  expect(res.ok(), await res.text()).toBe(true);
}

/** Opens `path` (a clinician page that needs a sign-in) and signs in there as a clinician of
 *  `organisation` (a practice, or of `kind`: "Hospitalsafdeling"), coming back to it. */
export async function signInAt(page: Page, path: string, organisation: string, kind?: string): Promise<void> {
  await page.goto(path);
  await page.getByRole('button', { name: T.da.signIn, exact: true }).click();
  await chooseClinician(page, 'da', organisation, kind);
  await expect(page).toHaveURL(new RegExp(`${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`));
}

/** "Log ud" of a signed-in clinician page. */
export const signOutButton = (page: Page) => page.getByRole('button', { name: 'Log ud', exact: true });
