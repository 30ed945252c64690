import { expect, test } from './fixtures';
import { SearchPage } from '../pages/search-page';
import { scrollSettled } from './scroll';

// Back from an offer, the citizen lands on the card they opened, not at the top of the page: on a
// phone the form alone is a screen and the ninth card three more (usability round 2026-12-04).
// With smooth scrolling, as most people have it.
for (const way of ['Back', 'Tilbage til søgningen'] as const) {
  test(`back from an offer (${way}) brings the opened card into view with the focus`, async ({ page }) => {
    await page.emulateMedia({ reducedMotion: 'no-preference' });
    const search = new SearchPage(page);
    await search.goto('?postcode=8000&condition=type-2-diabetes');
    await expect(search.results.nth(8)).toBeVisible();
    const link = search.results.nth(8).getByRole('heading', { level: 3 }).getByRole('link');
    const title = (await link.innerText()).trim();
    const href = await link.getAttribute('href');
    await link.scrollIntoViewIfNeeded();
    await link.click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);

    if (way === 'Back') await page.goBack();
    else await page.getByRole('link', { name: 'Tilbage til søgningen' }).click();
    await expect(search.resultsHeading).toBeVisible();
    // The search's own title again, not the form's (a walk's tab said "Find et forebyggelsestilbud").
    await expect(page).toHaveTitle('Tilbud nær 8000 Aarhus C – Forebyg');
    const again = page.locator(`.results a[href="${href}"]`);
    await expect(again).toBeFocused();
    await scrollSettled(page);
    // Where the page came to rest, should the link not be in sight (one CI run saw it at ratio 0).
    const rest = await again.evaluate((a) => `scrollY ${Math.round(scrollY)}, link top ${Math.round(a.getBoundingClientRect().top)} of ${innerHeight}`);
    await expect(again, rest).toBeInViewport();

    // Used once: a new search starts at its heading, as before.
    await search.search('8200');
    await expect(search.resultsHeading).toBeFocused();
  });
}
