import { expect, test, type Page } from './fixtures';
import { MapView } from '../pages/map-view';
import { OfferPage } from '../pages/offer-page';
import { SearchPage } from '../pages/search-page';
import { expectNoAxeViolations } from './a11y';
import { cspViolations, productionCsp, withProductionCsp } from './csp';

// The e2e server's tile URL is unreachable (playwright.config.ts), so every map here shows the
// "could not be loaded" notice: the failure path is the one always tested.

/** Requests for Leaflet or our map module, from now on. */
function mapRequests(page: Page): string[] {
  const urls: string[] = [];
  page.on('request', (r) => {
    if (/\/leaflet-|\/js\/map-/.test(r.url())) urls.push(new URL(r.url()).pathname);
  });
  return urls;
}

test.describe('citizen search: map view', () => {
  test('the list is the default; the map loads Leaflet only when opened; the list is one click away', async ({ page, request }) => {
    test.setTimeout(60_000);
    // Motion as most people have it (the suite runs under reduced motion): the zoom animates.
    await page.emulateMedia({ reducedMotion: 'no-preference' });
    const requested = mapRequests(page);
    const search = new SearchPage(page);
    const map = new MapView(page);
    await search.goto('?postcode=8000&category=fysisk-aktivitet');
    await expect(search.resultsHeading).toBeVisible();
    await expect(search.results.first()).toBeVisible();
    await expect(map.listLink).toHaveAttribute('aria-current', 'true');
    await expect(map.mapLink).not.toHaveAttribute('aria-current');
    expect(requested, 'nothing of the map before it is opened').toEqual([]);

    // A marker for every on-site match of the search, not only the page's 20 (issue #15 point 8).
    const api = await (await request.get('/api/v1/offers?postcode=8000&category=fysisk-aktivitet&pins=true')).json();
    const placed = api.pins.length;
    expect(placed).toBe(api.nearby);
    expect(placed).toBeGreaterThan(1);

    await map.mapLink.click();
    await expect(page).toHaveURL(/\/\?postcode=8000&category=fysisk-aktivitet&view=map$/);
    await expect(map.mapLink).toBeFocused();
    await expect(map.mapLink).toHaveAttribute('aria-current', 'true');
    await map.ready();
    await expect(map.markers).toHaveCount(placed);
    await expect(map.here).toHaveCount(1);
    await expect(page.locator('forebyg-map').getByText('Kortet viser alle tilbud med fremmøde i din søgning.', { exact: false })).toBeVisible();
    // The map has no pages: it shows the whole search.
    await expect(page.getByRole('link', { name: 'Næste side' })).toHaveCount(0);
    // The map replaces the cards; the heading and the count stay.
    await expect(search.resultList).toHaveCount(0);
    await expect(search.resultsHeading).toBeVisible();
    expect(requested.some((u) => /^\/leaflet-1\.9\.4\/leaflet-[0-9a-f]{8}\.js$/.test(u))).toBe(true);
    expect(requested.some((u) => /^\/leaflet-1\.9\.4\/leaflet-[0-9a-f]{8}\.css$/.test(u))).toBe(true);
    // Animated zoom where motion is fine (reduced motion is tested below).
    await expect(map.markers.first()).toHaveClass(/leaflet-zoom-animated/);
    await expect(page.locator('.leaflet-proxy')).toHaveCount(1);

    // No tiles: the notice says so, and the list is one link away.
    await expect(map.failedNotice).toBeVisible();
    await expectNoAxeViolations(page, 'map view with tiles unavailable (da)');

    // A marker's popup links to the offer; "back to the search" returns to the map.
    const popup = await map.openFirstPopup();
    const popupLink = popup.getByRole('link');
    const title = (await popupLink.textContent())!.trim();
    // The essentials: distance, next start, whether one can sign up oneself, and the link.
    const pin = api.pins.find((p: { title: string }) => p.title === title);
    expect(pin, `a pin titled ${title}`).toBeTruthy();
    await expect(popup).toContainText(/\d+(,\d+)? km/);
    await expect(popup).toContainText(pin.next_start ? /Næste start: \d/ : /Løbende optag/);
    // A full course says so rather than "sign up yourself" (found by a walk, 2026-12-06).
    await expect(popup).toContainText(pin.capacity === 'full' ? 'Fuldt booket' : pin.self_referral ? 'Du kan selv tilmelde dig' : 'Kræver henvisning');
    await expectNoAxeViolations(page, 'map view with a popup (da)');
    await popupLink.click();
    const offer = new OfferPage(page);
    await expect(offer.heading).toHaveText(title);
    await expect(offer.heading).toBeFocused();
    await offer.backLink.click();
    await expect(page).toHaveURL(/view=map$/);
    await map.ready();

    // Reload and back/forward reproduce the view.
    await page.reload();
    await map.ready();
    await map.showList.click();
    await expect(page).toHaveURL(/\/\?postcode=8000&category=fysisk-aktivitet$/);
    await expect(search.results.first()).toBeVisible();
    await expect(map.region).toHaveCount(0);
    await page.goBack();
    await expect(page).toHaveURL(/view=map$/);
    await map.ready();
    await page.goForward();
    await expect(search.results.first()).toBeVisible();
  });

  test('a shared map link in English shows every match with the essentials; a new search keeps the map', async ({ page, request }) => {
    await page.addInitScript(() => window.localStorage.setItem('forebyg.lang', 'en'));
    const map = new MapView(page, 'en');
    // 5 km: the offers the admin specs create in Østdanmark (copies of a demo offer 6.5 km from
    // 2100) stay outside, so the count below is not another spec file's to change.
    await page.goto('/?postcode=2100&radius_km=5&view=map');
    await map.ready();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(map.mapLink).toHaveAttribute('aria-current', 'true');
    await expect(map.failedNotice).toBeVisible();
    await expect(map.zoomIn).toBeVisible();
    const api = await (await request.get('/api/v1/offers?postcode=2100&radius_km=5&pins=true')).json();
    expect(api.pins.length, 'more pins than one page of results').toBeGreaterThan(api.per_page);
    await expect(map.markers).toHaveCount(api.pins.length);
    await expect(map.skip).toHaveText(`Skip the map (${api.pins.length} pins)`);
    await expect(page.getByRole('link', { name: 'Next page' })).toHaveCount(0);
    const popup = await map.openFirstPopup();
    await expect(popup).toContainText(/\d+(\.\d+)? km/);
    await expect(popup).toContainText(/Next start: |Join any time/);
    await expect(popup).toContainText(/You can sign up yourself|Referral needed|Needs a referral|Full/);
    await expectNoAxeViolations(page, 'map view with a popup (en)');
    await page.getByLabel('Your postcode').fill('8000');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await expect(page).toHaveURL(/postcode=8000.*&view=map$/);
    await map.ready();
    await map.listLink.click();
    await expect(page.getByRole('list', { name: /offers? within/ }).getByRole('article').first()).toBeVisible();
    await expectNoAxeViolations(page, 'list view (en)');
  });

  test('the map is keyboard operable without a trap and does not animate under reduced motion', async ({ page }) => {
    await page.emulateMedia({ reducedMotion: 'reduce' });
    const map = new MapView(page);
    // One intervention: a few dozen markers to tab through (every marker takes the focus).
    await page.goto('/?postcode=8000&category=alkohol&radius_km=10&view=map');
    await map.ready();
    // No zoom animation: markers hide while zooming instead of moving, and no animation proxy.
    await expect(map.markers.first()).toHaveClass(/leaflet-zoom-hide/);
    await expect(page.locator('.leaflet-proxy')).toHaveCount(0);

    // Every pin is a tab stop: the link before the map, shown when focused, skips them all to the
    // link after the map (the failure notice's link comes first: the e2e tiles never load).
    await expect(map.failedNotice).toBeVisible();
    const pins = await map.markers.count();
    expect(pins).toBeGreaterThan(10);
    await map.showList.focus();
    await page.keyboard.press('Tab');
    await expect(map.skip).toBeFocused();
    await expect(map.skip).toHaveText(`Spring kortet over (${pins} nåle)`);
    await expect(map.skip).toBeInViewport({ ratio: 1 });
    expect((await map.skip.boundingBox())!.width).toBeGreaterThan(100);
    await page.keyboard.press('Enter');
    await expect(map.end).toBeFocused();
    await expect(page).toHaveURL(/view=map$/);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => !!document.activeElement?.closest('forebyg-map')), 'past the map').toBe(false);
    await page.keyboard.press('Shift+Tab');
    await expect(map.end).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/\/\?postcode=8000&radius_km=10&category=alkohol$/);
    await expect(map.listLink).toHaveAttribute('aria-current', 'true');
    await page.goBack();
    await map.ready();

    // Tab from the switch into the map (its pane, zoom buttons, markers) and out again.
    await map.mapLink.focus();
    const inMap: boolean[] = [];
    for (let i = 0; i < 80; i++) {
      await page.keyboard.press('Tab');
      inMap.push(await page.evaluate(() => !!document.activeElement?.closest('forebyg-map')));
      if (inMap.includes(true) && !inMap[inMap.length - 1]) break;
    }
    expect(inMap).toContain(true);
    expect(inMap[inMap.length - 1], 'focus leaves the map').toBe(false);

    // The zoom buttons work from the keyboard.
    // (map.js keeps the Leaflet map on the element.)
    const zoom = () => page.evaluate(() => (document.querySelector('forebyg-map') as unknown as { map: { getZoom(): number } }).map.getZoom());
    const before = await zoom();
    await map.zoomIn.focus();
    await page.keyboard.press('Enter');
    await expect.poll(zoom).not.toBe(before);
  });

  test('the map works under the production Content-Security-Policy', async ({ page }) => {
    expect(productionCsp()).toContain("script-src 'self' 'wasm-unsafe-eval'; style-src 'self';");
    await withProductionCsp(page);
    const map = new MapView(page);
    await page.goto('/?postcode=8000&radius_km=10&view=map');
    await map.ready();
    await expect(map.markers.first()).toBeVisible();
    await expect(map.markers.first()).toHaveJSProperty('complete', true);
    await map.openFirstPopup();
    expect(await cspViolations(page)).toEqual([]);
  });
});
