import { expect, type APIRequestContext, type Page } from '@playwright/test';
import { AdminLoginPage, regionLabels } from './admin-pages';

/**
 * Helpers for the admin e2e tests: dev-issuer tokens for API calls, signing a page in through
 * the browser's sign-in flow, and offers made through the API.
 */

export type Region = 'nordjylland' | 'midtjylland' | 'syddanmark' | 'oestdanmark';

export async function devToken(request: APIRequestContext, region: Region, role = 'region-admin'): Promise<string> {
  const res = await request.post('/api/v1/dev/token', { data: { role, region } });
  expect(res.ok()).toBe(true);
  return (await res.json()).token as string;
}

export const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

/**
 * Signs the page in as a region admin through the browser flow (authorization code + PKCE at the
 * dev issuer); returns the ID token the app keeps in sessionStorage.
 */
export async function signInAs(page: Page, region: Region): Promise<string> {
  await new AdminLoginPage(page).signIn(regionLabels[region]);
  const token = await page.evaluate(() => sessionStorage.getItem('forebyg-admin-token'));
  expect(token).toBeTruthy();
  return token as string;
}

export function unique(prefix: string): string {
  return `${prefix} ${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
}

/** A valid offer (from the region's first on-site demo listing) with fresh text, ready to POST. Its
 *  place is a typed copy (no `location_id`): the tests move it, and an offer that names a location
 *  record always takes the record's place. Always a demo offer, never one a test made (those sort
 *  first): where the copies land stays the same whichever spec files ran before. */
export async function offerTemplate(request: APIRequestContext, token: string, title: string): Promise<Record<string, any>> {
  const rows = await (await request.get('/api/v1/admin/offers', { headers: bearer(token) })).json();
  for (const row of rows.filter((r: { id: string }) => r.id.startsWith('demo-'))) {
    const o = await (await request.get(`/api/v1/admin/offers/${row.id}`, { headers: bearer(token) })).json();
    if (o.location) {
      return {
        ...o,
        id: '',
        location_id: undefined,
        title,
        summary: 'Et tilbud oprettet af en automatisk test af administrationen.',
        status: 'draft',
        capacity: 'open',
        referral: { ...o.referral, self_referral: true },
        last_verified: new Date().toISOString().slice(0, 10),
        version: 0,
      };
    }
  }
  throw new Error('no offer with a location');
}

export async function createOffer(request: APIRequestContext, token: string, offer: Record<string, any>, publish = true): Promise<Record<string, any>> {
  const res = await request.post('/api/v1/admin/offers', { headers: bearer(token), data: offer });
  expect(res.status(), await res.text()).toBe(201);
  let created = await res.json();
  if (publish) {
    const p = await request.post(`/api/v1/admin/offers/${created.id}/status`, {
      headers: bearer(token),
      data: { status: 'published', version: created.version },
    });
    expect(p.ok()).toBe(true);
    created = await p.json();
  }
  return created;
}

/** `names` in Danish alphabetical order (æ, ø, å and aa after z), as the admin's lists sort them. */
export function danishOrder(names: string[]): string[] {
  const key = (s: string) =>
    s
      .toLowerCase()
      .replaceAll('aa', 'å')
      .replace(/[æä]/g, '{')
      .replace(/[øö]/g, '|')
      .replace(/å/g, '}');
  return [...names].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}
