import { expect, test } from './fixtures';
import { SearchPage } from '../pages/search-page';
import { expectNoAxeViolations } from './a11y';

test.describe('citizen search: filters, place and empty results', () => {
  test('filters live in the URL; reload and back reproduce the search', async ({ page }) => {
    const search = new SearchPage(page);
    await search.goto();
    await search.postcode.fill('8000');
    // The town is confirmed while typing.
    await expect(search.townConfirmation).toHaveText('✓ Aarhus C');
    await search.moreOptions.click();
    await page.getByLabel('Søg efter ord (valgfrit)').fill('forløb');
    await page.getByRole('checkbox', { name: 'Jeg kan selv tilmelde mig (uden henvisning)' }).check();
    await page.getByRole('checkbox', { name: 'Der er ledige pladser' }).check();
    await page.getByLabel('Sortér efter').selectOption({ label: 'Start (snarest først)' });
    // The format filter reads as people think (issue #15, point 6).
    await expect(page.getByLabel('Hvordan foregår det?').locator('option')).toContainText(['Alle former', 'Fremmøde', 'Digitalt', 'Både fremmøde og digitalt']);
    await search.submit.click();
    await expect(page).toHaveURL(/\/\?postcode=8000&q=forl%C3%B8b&self_referral=true&available=true&sort=next-start$/);
    await expect(search.resultsHeading).toBeFocused();
    // Every result takes self-referrals (the cards below the first screen are drawn just after it).
    await expect(search.results.first()).toBeVisible();
    await expect(search.results.filter({ hasNotText: 'Du kan selv tilmelde dig' })).toHaveCount(0);
    await expectNoAxeViolations(page, 'search with filters (da)');

    await page.reload();
    await expect(search.resultsHeading).toBeVisible();
    await expect(page.getByRole('checkbox', { name: 'Jeg kan selv tilmelde mig (uden henvisning)' })).toBeChecked();
    await expect(page.getByLabel('Søg efter ord (valgfrit)')).toHaveValue('forløb');

    await search.search('2100');
    await expect(page).toHaveURL(/\/\?postcode=2100&q=forl%C3%B8b&self_referral=true&available=true&sort=next-start$/);
    await page.goBack();
    await expect(page).toHaveURL(/postcode=8000/);
    await expect(search.postcode).toHaveValue('8000');
  });

  // "Flere valg" open fills a phone's screen, with "Søg" above it: the search is also at its end.
  test('the search can be made from the end of "Flere valg"', async ({ page }) => {
    const search = new SearchPage(page);
    await search.goto();
    await search.postcode.fill('8000');
    await search.moreOptions.click();
    await page.getByRole('checkbox', { name: 'Der er ledige pladser' }).check();
    const again = page.getByRole('button', { name: 'Søg med disse valg' });
    await again.scrollIntoViewIfNeeded();
    await expect(search.submit).not.toBeInViewport();
    await again.click();
    await expect(page).toHaveURL(/\/\?postcode=8000&available=true$/);
    await expect(search.resultsHeading).toBeFocused();
  });

  test('digital offers have their own heading and the count says how many', async ({ page }) => {
    const search = new SearchPage(page);
    await search.goto('?postcode=8000&radius_km=5&per_page=50');
    await expect(search.resultsHeading).toHaveText(/^\d+ tilbud inden for 5 km fra 8000 Aarhus C$/);
    await expect(page.getByText(/^Desuden \d+ digitale tilbud/)).toBeVisible();
  });

  test('choosing digital offers counts them in the heading, with no "none found" and no link to itself', async ({ page, request }) => {
    const api = await (await request.get('/api/v1/offers?postcode=8000&format=digital')).json();
    expect(api.total).toBeGreaterThan(0);
    const search = new SearchPage(page);
    await search.goto('?postcode=8000&format=digital');
    await expect(page.locator('#results-heading')).toHaveText(`${api.total} digitale tilbud, som du kan følge hjemmefra`);
    await expect(page.getByRole('main').getByRole('article').first()).toBeVisible();
    await expect(page.getByText('Vi fandt ingen tilbud, der passer til din søgning.')).toHaveCount(0);
    await expect(page.getByRole('link', { name: /^Se \d+ digitale tilbud/ })).toHaveCount(0);
  });

  test('a page past the last says so and links to the first and the last page', async ({ page, request }) => {
    const query = '?postcode=8000&category=fysisk-aktivitet';
    const api = await (await request.get(`/api/v1/offers${query}`)).json();
    const pages = Math.ceil(api.total / api.per_page);
    const search = new SearchPage(page);
    await search.goto(`${query}&page=${pages + 2}`);
    await expect(page.getByText(`Siden findes ikke. Søgningen har ${pages} ${pages === 1 ? 'side' : 'sider'}.`)).toBeVisible();
    await expectNoAxeViolations(page, 'page past the end (da)');
    await page.getByRole('link', { name: 'Gå til side 1' }).click();
    await expect(page).not.toHaveURL(/page=/);
    await expect(search.results.first()).toBeVisible();
    expect(new URL(page.url()).search).toBe(query);
  });

  test('the English word-search hint gives Danish words that find offers', async ({ page, request }) => {
    await page.goto('/');
    await page.evaluate(() => localStorage.setItem('forebyg.lang', 'en'));
    await page.goto('/?postcode=8000');
    await page.getByText(/^More options/).click();
    const hint = page.locator('#q-hint');
    await expect(hint).toContainText('In Danish');
    for (const word of ['hjerte', 'træning', 'rygestop']) {
      await expect(hint).toContainText(word);
      const found = await (await request.get(`/api/v1/offers?postcode=8000&q=${encodeURIComponent(word)}`)).json();
      expect(found.total, word).toBeGreaterThan(0);
    }
    // Words as citizens type them find offers too (a walk's "rygning" found none while "ryge"
    // found 122): endings, æ typed as "ae", lay and English words, the conditions' names.
    const stop = await (await request.get('/api/v1/offers?postcode=2400&q=rygestop')).json();
    for (const word of ['rygning', 'traening', 'sukkersyge', 'smoking', 'anxiety', 'KOL']) {
      const found = await (await request.get(`/api/v1/offers?postcode=2400&q=${encodeURIComponent(word)}`)).json();
      expect(found.total, word).toBeGreaterThan(0);
    }
    expect((await (await request.get('/api/v1/offers?postcode=2400&q=rygning')).json()).total).toBeGreaterThanOrEqual(stop.total);
  });


  test('recent searches are kept on the device and shown on the search page', async ({ page }) => {
    const search = new SearchPage(page);
    await search.goto('?postcode=8000&category=alkohol');
    await expect(search.resultsHeading).toBeVisible();
    await search.goto('?postcode=2100');
    await expect(search.resultsHeading).toBeVisible();
    await search.goto();
    const recent = page.getByRole('region', { name: 'Dine seneste søgninger' });
    await expect(recent.getByRole('link')).toHaveText([/Tilbud nær 2100/, 'Tilbud nær 8000 Aarhus C']);
    await recent.getByRole('link', { name: 'Tilbud nær 8000 Aarhus C' }).click();
    await expect(page).toHaveURL(/\/\?postcode=8000&category=alkohol$/);
    await expect(search.resultsHeading).toBeVisible();

    // The illness and the free text are health data: never kept on the device.
    await search.goto('?postcode=9000&condition=kol&q=lunge');
    await expect(search.resultsHeading).toBeVisible();
    const kept = await page.evaluate(() => localStorage.getItem('forebyg.recent'));
    expect(kept).toContain('postcode=9000');
    expect(kept).not.toMatch(/kol|lunge/);
    // "Ryd listen" forgets them.
    await search.goto();
    await recent.getByRole('button', { name: 'Ryd listen' }).click();
    await expect(recent).toHaveCount(0);
    await expect(search.postcode).toBeFocused();
    await page.reload();
    await expect(search.postcode).toBeVisible();
    await expect(page.getByRole('region', { name: 'Dine seneste søgninger' })).toHaveCount(0);
  });

  test('a postcode the form refuses takes the last answer off the screen until the next search', async ({ page }) => {
    const search = new SearchPage(page);
    await search.goto('?postcode=5000');
    await expect(search.resultsHeading).toHaveText(/inden for 25 km fra 5000 Odense C$/);
    await search.postcode.fill('0000');
    await search.submit.click();
    await expect(page.locator('#error-summary')).toBeFocused();
    await expect(page.locator('#error-summary')).toContainText('»0000« er ikke et postnummer');
    // "119 tilbud … af 5000 Odense C" under "0000" would answer a question nobody asked.
    await expect(search.resultsHeading).toHaveCount(0);
    await expect(search.results).toHaveCount(0);
    await search.search('8000');
    await expect(search.resultsHeading).toHaveText(/inden for 25 km fra 8000 Aarhus C$/);
    // Written with its town, as people do, it is the postcode (a walk was refused "9000 Aalborg").
    await search.search('9000 Aalborg');
    await expect(search.resultsHeading).toHaveText(/inden for 25 km fra 9000 Aalborg$/);
    await expect(search.postcode).toHaveValue('9000');
    await expect(page).toHaveURL(/[?&]postcode=9000(&|$)/);
  });

  test('an unknown postcode is flagged while typing', async ({ page }) => {
    const search = new SearchPage(page);
    await search.goto();
    await search.postcode.fill('1001');
    await expect(search.townConfirmation).toHaveText('Vi kender ikke det postnummer.');
  });

  test('no match anywhere says so, without suggestions that cannot help', async ({ page }) => {
    const search = new SearchPage(page);
    await search.goto('?postcode=8000&q=xyzzyqwerty');
    await expect(search.resultsHeading).toHaveText('0 tilbud inden for 25 km fra 8000 Aarhus C');
    await expect(page.getByText('Vi fandt ingen tilbud, der passer til din søgning.')).toBeVisible();
    await expect(page.getByRole('link', { name: /inden for \d+ km/ })).toHaveCount(0);
    await expectNoAxeViolations(page, 'empty results (da)');
    // The word is the likeliest cause: one tap searches without it.
    await page.getByRole('link', { name: 'Søg uden ordet »xyzzyqwerty«' }).click();
    await expect(page).toHaveURL(/\/\?postcode=8000$/);
    await expect(search.resultsHeading).toHaveText(/^[1-9][\d.]* tilbud inden for 25 km fra 8000 Aarhus C$/);
  });

  test('a search whose filters find nothing names the choice to drop, and what it finds', async ({ page, request }) => {
    // A walk's citizen chose a language, a time and an intervention, got "no offers match" and
    // had to guess which choice to undo.
    const candidates = [
      '?postcode=8000&category=alkohol&language=ar&weekend=true',
      '?postcode=8000&category=nikotinafvaenning&language=ar&evening=true&available=true',
      '?postcode=6700&category=ernaeringsindsats&language=en&weekend=true&continuous=true',
      '?postcode=9990&category=alkohol&language=tr&weekend=true&self_referral=true',
    ];
    let query = '';
    let relaxed: { filter: string; count: number }[] = [];
    for (const q of candidates) {
      const api = await (await request.get(`/api/v1/offers${q}`)).json();
      if (api.total === 0 && api.relaxed?.length) {
        [query, relaxed] = [q, api.relaxed];
        break;
      }
    }
    expect(query, 'a demo search with filters that finds nothing, but finds some without one').not.toBe('');
    const search = new SearchPage(page);
    await search.goto(query);
    await expect(search.resultsHeading).toContainText('0 tilbud inden for 25 km');
    await expect(page.getByText('Prøv uden et af dine valg:')).toBeVisible();
    const links = page.getByRole('main').getByRole('listitem').getByRole('link', { name: /^Uden ».+«: [\d.]+ tilbud$/ });
    await expect(links).toHaveCount(relaxed.length);
    // Most first, each with the count the API found.
    await expect(links.first()).toHaveText(new RegExp(`: ${relaxed[0].count.toLocaleString('da-DK')} tilbud$`));
    await expectNoAxeViolations(page, 'empty results with filters (da)');
    const params: Record<string, RegExp> = { category: /category=/, language: /language=/, time: /evening=|weekend=/, available: /available=/, continuous: /continuous=/, self_referral: /self_referral=/ };
    await links.first().click();
    await expect(page).not.toHaveURL(params[relaxed[0].filter]);
    await expect(search.resultsHeading).toBeFocused();
    await expect(page.getByText('Prøv uden et af dine valg:')).toHaveCount(0);
    await expect(page.getByRole('main').getByRole('article').first()).toBeVisible();
  });

  test('near-empty results say how far the nearest offer is and widen in one tap', async ({ page, request }) => {
    // Issue #15: "0 tilbud inden for 25 km" from Skagen was a dead end.
    const query = '?postcode=9990&radius_km=1&category=fysisk-aktivitet';
    const api = await (await request.get(`/api/v1/offers${query}`)).json();
    expect(api.nearby, 'the demo data has nothing within 1 km of Skagen').toBe(0);
    const wider = api.wider as { radius_km: number; count: number; nearest_km: number };
    const search = new SearchPage(page);
    await search.goto(query);
    await expect(search.resultsHeading).toHaveText('0 tilbud inden for 1 km fra 9990 Skagen');
    await expect(page.getByText(/^Det nærmeste tilbud er [\d,.]+ km væk\.$/)).toBeVisible();
    const widen = page.getByRole('link', { name: `Vis ${wider.count} tilbud inden for ${wider.radius_km} km` });
    await expect(widen).toBeVisible();
    await expect(page.getByText('Vi fandt ingen tilbud, der passer til din søgning.')).toHaveCount(0);
    await expectNoAxeViolations(page, 'near-empty results (da)');
    await widen.click();
    await expect(page).toHaveURL(new RegExp(`radius_km=${wider.radius_km}`));
    await expect(search.resultsHeading).toContainText(`inden for ${wider.radius_km} km fra 9990 Skagen`);
    // The link went with the old answer: the focus moves to the new one, not to the page's start.
    await expect(search.resultsHeading).toBeFocused();
  });

  test('"Brug min placering" refused says so', async ({ page }) => {
    const search = new SearchPage(page);
    await search.goto();
    await search.useLocation.click();
    await expect(page.getByText('Vi fik ikke lov at bruge din placering. Skriv dit postnummer i stedet.')).toBeVisible();
    await expect(page).toHaveURL(/\/$/);
  });
});

test.describe('with the location permission', () => {
  test.use({ geolocation: { latitude: 56.1567, longitude: 10.2108 }, permissions: ['geolocation'] });

  test('"Brug min placering" searches around the position', async ({ page }) => {
    const search = new SearchPage(page);
    await search.goto();
    await search.useLocation.click();
    // Rounded to ~1 km before it enters the address (history, shared links).
    await expect(page).toHaveURL(/\/\?lat=56\.16&lon=10\.21$/);
    await expect(search.resultsHeading).toHaveText(/^\d+ tilbud inden for 25 km fra /);
    await expect(search.resultsHeading).toBeFocused();
  });
});
