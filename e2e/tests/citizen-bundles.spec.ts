// The citizen app is one leptos_router app (app/src/app.rs): moving between its pages never loads a
// new document, and the landing page's wasm is reported against the budget (docs/benchmarks.md).
import { gzipSync } from 'node:zlib';
import { expect, test } from './fixtures';
import { OfferPage } from '../pages/offer-page';
import { SearchPage } from '../pages/search-page';
import { SignupPage } from '../pages/signup-page';

test('search → offer → join → back never loads a page; the landing wasm is reported', async ({ page }, testInfo) => {
  const wasm: Promise<{ name: string; gzip: number }>[] = [];
  page.on('response', (r) => {
    const name = new URL(r.url()).pathname;
    if (name.endsWith('.wasm')) wasm.push(r.body().then((b) => ({ name, gzip: gzipSync(b, { level: 9 }).length })));
  });
  const search = new SearchPage(page);
  await search.goto();
  const landing = await Promise.all(wasm);
  expect(landing.map((w) => w.name)).toEqual([expect.stringMatching(/^\/forebyg-app-[0-9a-f]{8}_bg\.wasm$/)]);
  testInfo.annotations.push({ type: 'landing wasm (gzip bytes)', description: String(landing[0].gzip) });
  console.log(`landing page wasm: ${landing[0].name}, ${landing[0].gzip} bytes gzipped`);

  // A marker on `window` survives only as long as the document does.
  await page.evaluate(() => ((window as unknown as { forebygMarker: number }).forebygMarker = 42));
  // ... and a new document would be requested from the server.
  const documentRequests: string[] = [];
  page.on('request', (r) => r.resourceType() === 'document' && documentRequests.push(r.url()));

  await search.search('8000', ['Fysisk aktivitet']);
  await expect(search.resultsHeading).toBeFocused();
  const card = search.results.filter({ hasText: 'Du kan selv tilmelde dig' }).first();
  await card.getByRole('heading', { level: 3 }).getByRole('link').click();
  const offer = new OfferPage(page);
  await expect(offer.heading).toBeFocused();
  await page.getByRole('link', { name: 'Jeg vil gerne deltage' }).click();
  const signup = new SignupPage(page);
  await expect(page).toHaveURL(/\/tilbud\/[^/]+\/tilmeld$/);
  await expect(signup.heading).toBeFocused();
  await page.goBack();
  await expect(offer.heading).toBeVisible();
  await page.goBack();
  await expect(search.resultsHeading).toBeVisible();
  await page.goForward();
  await expect(offer.heading).toBeVisible();

  expect(await page.evaluate(() => (window as unknown as { forebygMarker?: number }).forebygMarker)).toBe(42);
  expect(documentRequests).toEqual([]);
  expect((await Promise.all(wasm)).length, 'no second wasm download').toBe(1);
});
