// The citizen app is three wasm bundles (search, offer page, joining; app/src/lib.rs `bundles`), so
// that no page waits for another page's code. Every page loads exactly its own bundle's wasm, and
// that wasm is within the initial budget: 150 KB gzipped (docs/benchmarks.md).
import { gzipSync } from 'node:zlib';
import { expect, test, type Page } from './fixtures';
import { OfferPage } from '../pages/offer-page';
import { SearchPage } from '../pages/search-page';

const BUDGET_BYTES = 150 * 1024;

/** Opens `path` and returns the wasm modules it downloaded: name and gzipped size. */
async function wasmOf(page: Page, path: string, ready: () => Promise<void>): Promise<{ name: string; gzip: number }[]> {
  const loads: Promise<{ name: string; gzip: number }>[] = [];
  const onResponse = (r: import('@playwright/test').Response) => {
    if (new URL(r.url()).pathname.endsWith('.wasm')) {
      loads.push(r.body().then((b) => ({ name: new URL(r.url()).pathname, gzip: gzipSync(b, { level: 9 }).length })));
    }
  };
  page.on('response', onResponse);
  await page.goto(path);
  await ready();
  page.off('response', onResponse);
  return Promise.all(loads);
}

test('every citizen page loads only its own bundle, within 150 KB gzipped', async ({ page, request }) => {
  const r = await request.get('/api/v1/offers?postcode=8000&self_referral=true&available=true');
  const id: string = (await r.json()).results[0].offer.id;
  const h1 = page.getByRole('heading', { level: 1 });
  const pages: [string, RegExp, string | RegExp][] = [
    ['/', /^\/forebyg-app-[0-9a-f]{8}_bg\.wasm$/, 'Find et forebyggelsestilbud'],
    ['/gemte', /^\/forebyg-app-[0-9a-f]{8}_bg\.wasm$/, 'Dine gemte tilbud'],
    [`/tilbud/${id}`, /^\/forebyg-offer-[0-9a-f]{8}_bg\.wasm$/, /.+/],
    [`/tilbud/${id}/tilmeld`, /^\/forebyg-join-[0-9a-f]{8}_bg\.wasm$/, 'Bed om at deltage'],
    ['/status', /^\/forebyg-join-[0-9a-f]{8}_bg\.wasm$/, 'Se eller træk din henvendelse tilbage'],
  ];
  for (const [path, bundle, heading] of pages) {
    const wasm = await wasmOf(page, path, () => expect(h1).toHaveText(heading));
    expect(wasm.map((w) => w.name), path).toHaveLength(1);
    expect(wasm[0].name, path).toMatch(bundle);
    expect(wasm[0].gzip, `${path}: ${wasm[0].name} gzipped`).toBeLessThanOrEqual(BUDGET_BYTES);
  }
});

test('links between bundles: search → offer → back to the same search, focus on each page heading', async ({ page }) => {
  const search = new SearchPage(page);
  await search.goto();
  await search.search('8000', ['Sygdomsmestring']);
  await expect(search.resultsHeading).toBeFocused();
  const link = search.resultLink(0);
  const title = (await link.textContent())!.trim();
  await link.click();

  const offer = new OfferPage(page);
  await expect(offer.heading).toHaveText(title);
  // Reached by a link of the site, so the new page's heading has focus, as within one bundle.
  await expect(offer.heading).toBeFocused();
  await page.reload();
  await expect(offer.heading).toHaveText(title);
  // A reload is a first visit: focus stays at the start of the page.
  await expect(offer.heading).not.toBeFocused();

  await offer.backLink.click();
  await expect(page).toHaveURL(/\/\?postcode=8000&category=sygdomsmestring$/);
  await expect(search.resultsHeading).toBeVisible();
  // The browser's back button returns to the offer page.
  await page.goBack();
  await expect(offer.heading).toHaveText(title);
});
