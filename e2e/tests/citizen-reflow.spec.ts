import { expect, test, type Locator, type Page } from './fixtures';
import { MapView } from '../pages/map-view';
import { OfferPage } from '../pages/offer-page';
import { SearchPage } from '../pages/search-page';
import { ReceiptPage, SignupPage, StatusPage } from '../pages/signup-page';

// WCAG 1.4.10 Reflow: at 320 CSS px nothing needs horizontal scrolling.
test.use({ viewport: { width: 320, height: 640 } });

async function expectNoHorizontalScroll(page: Page, what: string): Promise<void> {
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width, `${what}: page width`).toBeLessThanOrEqual(320);
}

/** The control is visible and lies within the 320 px width. */
async function expectFits(control: Locator): Promise<void> {
  await control.scrollIntoViewIfNeeded();
  await expect(control).toBeVisible();
  const box = (await control.boundingBox())!;
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(320);
}

test('320 px: search → list → map → offer → ask to join → receipt → status', async ({ page }) => {
  test.setTimeout(90_000);
  const search = new SearchPage(page);
  await search.goto();
  await expectNoHorizontalScroll(page, 'search form');
  // The site's name stays one word on one line (the header's tools go under it instead).
  const nameLines = await page.locator('.site-name').evaluate((a) => {
    const range = document.createRange();
    range.selectNodeContents(a.firstChild!);
    return range.getClientRects().length;
  });
  expect(nameLines, 'the site name on one line').toBe(1);
  for (const c of [search.postcode, search.useLocation, search.condition, search.category('Fysisk aktivitet'), search.submit]) await expectFits(c);
  await search.moreOptions.click();
  await expectNoHorizontalScroll(page, 'search form with more options');
  await expectFits(search.radius);
  await expectFits(page.getByLabel('Sortér efter'));

  // 50 km: more than a page of results, so the pagination is there to fit.
  await search.search('8000', ['Fysisk aktivitet'], 'Inden for 50 km');
  await expect(search.resultsHeading).toBeFocused();
  await expectNoHorizontalScroll(page, 'results list');
  const map = new MapView(page);
  await expectFits(map.mapLink);
  await expectFits(search.resultLink(0));
  await expectFits(search.nextPage);

  await map.mapLink.click();
  await map.ready();
  await expect(map.failedNotice).toBeVisible();
  await expectNoHorizontalScroll(page, 'results map');
  await expectFits(map.region);
  await expectFits(map.zoomIn);
  await expectFits(map.showList);
  await map.listLink.click();

  const card = search.results.filter({ hasText: 'Du kan selv tilmelde dig' }).first();
  await card.getByRole('heading', { level: 3 }).getByRole('link').click();
  const offer = new OfferPage(page);
  await expect(offer.heading).toBeFocused();
  await expectNoHorizontalScroll(page, 'offer page');
  const join = page.getByRole('link', { name: 'Jeg vil gerne deltage' });
  for (const c of [offer.backLink, join, page.getByRole('button', { name: 'Udskriv' }), page.getByRole('button', { name: 'Del link' })]) await expectFits(c);
  await join.click();

  const signup = new SignupPage(page);
  await expect(signup.heading).toBeFocused();
  await expectNoHorizontalScroll(page, 'signup form');
  await signup.submit.click();
  await expect(signup.errorSummary).toBeFocused();
  await expectNoHorizontalScroll(page, 'signup form with errors');
  for (const c of [signup.name, signup.phone, signup.email, signup.contactTime, signup.consent, signup.submit]) await expectFits(c);
  const tel = String(20000000 + Math.floor(Math.random() * 70000000));
  await signup.fill({ name: 'Karen Jensen', phone: tel });
  await signup.submit.click();

  const receipt = new ReceiptPage(page);
  await expect(receipt.heading).toBeVisible();
  await expectNoHorizontalScroll(page, 'receipt');
  const code = await receipt.receiptCode();
  await expectFits(receipt.code);
  await expectFits(receipt.statusLink);
  await receipt.statusLink.click();

  const status = new StatusPage(page);
  await expect(status.heading).toBeVisible();
  await status.contact.fill(tel);
  await status.lookup.click();
  await expect(status.result).toHaveText('Status: Modtaget');
  await expect(status.code).toHaveValue(code);
  await expectNoHorizontalScroll(page, 'status');
  for (const c of [status.code, status.contact, status.lookup, status.withdraw]) await expectFits(c);
});

// WCAG 1.4.4 with 1.4.10 on a phone: text at 200 % (a browser's larger text setting) at 320 px
// still needs no sideways scrolling on the search and the offer page: the header's tools wrap
// and the search's column is the screen's width (a walk found the language button cut off and
// the search form and results 180 px wider than the screen).
test('320 px with text at 200 %: the header, the search and the offer page fit', async ({ page }) => {
  const search = new SearchPage(page);
  await search.goto('?postcode=8000&category=fysisk-aktivitet');
  await expect(search.results.first()).toBeVisible();
  await page.evaluate(() => {
    document.documentElement.style.fontSize = '200%';
  });
  await expectNoHorizontalScroll(page, 'results at 200 % text');
  await expectFits(page.locator('button.lang-switch'));
  await expectFits(search.postcode);
  await search.results.first().getByRole('heading', { level: 3 }).getByRole('link').click();
  await expect(new OfferPage(page).heading).toBeFocused();
  await expectNoHorizontalScroll(page, 'offer page at 200 % text');
});
