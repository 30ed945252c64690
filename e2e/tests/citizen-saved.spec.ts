import { expect, test, type APIRequestContext, type Locator } from './fixtures';
import { SearchPage } from '../pages/search-page';
import { expectNoAxeViolations } from './a11y';

// Issue #15 point 6: the button says what it does ("Gem", then "Gemt ✓" beside "Fjern"), and the
// saved list shows each offer's provider, town and next start (as the API has them now).

/** Provider, town (or "Digitalt"/"Digital") and the next start's presence, from the API. */
async function offerFacts(
  request: APIRequestContext,
  href: string,
): Promise<{ provider: string; town: string | null; start: boolean; places: string; referral: boolean }> {
  const id = href.replace('/tilbud/', '');
  const o = await (await request.get(`/api/v1/offers/${id}`)).json();
  const places = ({ open: 'Ledige pladser', 'few-places': 'Få ledige pladser', waitlist: 'Venteliste', full: 'Fuldt booket' } as Record<string, string>)[o.capacity];
  return { provider: o.provider.name, town: o.location?.city ?? null, start: !!o.schedule.next_start, places, referral: !o.referral.self_referral };
}

/** A saved row's value of the fact named `term`. */
function fact(row: Locator, term: string): Locator {
  return row.locator('dt', { hasText: new RegExp(`^${term}:?$`) }).locator('xpath=following-sibling::dd[1]');
}

test('saved offers: "Gem" → "Gemt ✓ / Fjern" on a card and the offer page; /gemte shows provider, town, next start, places and the need of a referral', async ({ page, request }) => {
  const search = new SearchPage(page);
  await search.goto('?postcode=8000');
  const first = search.results.first();
  const title = (await first.getByRole('heading', { level: 3 }).textContent())!.trim();
  const href = (await first.getByRole('heading', { level: 3 }).getByRole('link').getAttribute('href'))!;
  const save = first.getByRole('button', { name: `Gem ${title}`, exact: true });
  await save.click();
  // The same button, now "Fjern", keeps the focus; "Gemt ✓" beside it says what happened.
  const remove = first.getByRole('button', { name: `Fjern ${title} fra dine gemte tilbud`, exact: true });
  await expect(remove).toBeFocused();
  await expect(remove).toHaveText(/^Fjern /); // visibly "Fjern"; the title is for screen readers
  await expect(first.getByText('Gemt ✓', { exact: true })).toBeVisible();
  await expectNoAxeViolations(page, 'a saved result card (da)');

  // The navigation sits behind the header's menu (issue #15, point 5).
  await page.getByText('Menu', { exact: true }).click();
  await page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: 'Gemte tilbud' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Dine gemte tilbud' })).toBeFocused();
  await page.reload();
  const link = page.getByRole('main').getByRole('link', { name: title });
  await expect(link).toBeVisible();
  const row = page.getByRole('main').getByRole('listitem').filter({ has: page.getByRole('link', { name: title }) });
  const facts = await offerFacts(request, href);
  await expect(fact(row, 'Udbyder')).toHaveText(facts.provider);
  await expect(fact(row, 'Sted')).toHaveText(facts.town ?? 'Digitalt');
  await expect(fact(row, 'Næste start')).toHaveText(facts.start ? /\d{4}/ : 'Løbende optag');
  await expect(fact(row, 'Pladser')).toContainText(facts.places);
  await expect(row.getByText('Kræver henvisning', { exact: true })).toHaveCount(facts.referral ? 1 : 0);
  await expect(row.getByText('Gemt ✓', { exact: true })).toBeVisible();
  await expectNoAxeViolations(page, 'saved offers (da)');

  await link.click();
  // Arriving moves the focus to the page's heading (before the button is pressed, as by a person).
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeFocused();
  const onOffer = page.getByRole('button', { name: `Fjern ${title} fra dine gemte tilbud`, exact: true });
  await expect(onOffer).toBeVisible();
  await onOffer.click();
  await expect(page.getByRole('button', { name: `Gem ${title}`, exact: true })).toBeFocused();
  await expect(page.getByText('Gemt ✓', { exact: true })).toHaveCount(0);
  await page.goto('/gemte');
  await expect(page.getByText('Du har ikke gemt nogen tilbud endnu.', { exact: false })).toBeVisible();
});

test('saved offers in English: "Saved ✓" and "Remove", the list with provider, place and next start', async ({ page, request }) => {
  await page.addInitScript(() => window.localStorage.setItem('forebyg.lang', 'en'));
  await page.goto('/?postcode=2100');
  const first = page.getByRole('list', { name: /offers? within/ }).getByRole('article').first();
  const heading = first.getByRole('heading', { level: 3 });
  const title = (await heading.textContent())!.trim();
  const href = (await heading.getByRole('link').getAttribute('href'))!;
  await first.getByRole('button', { name: `Save ${title}`, exact: true }).click();
  await expect(first.getByText('Saved ✓', { exact: true })).toBeVisible();
  await expect(first.getByRole('button', { name: `Remove ${title} from your saved offers`, exact: true })).toHaveText(/^Remove /);

  await page.goto('/gemte');
  await expect(page.getByRole('heading', { level: 1, name: 'Your saved offers' })).toBeVisible();
  await expect(page.getByRole('main').getByRole('link', { name: title })).toBeVisible();
  const row = page.getByRole('main').getByRole('listitem').filter({ has: page.getByRole('link', { name: title }) });
  const facts = await offerFacts(request, href);
  await expect(fact(row, 'Provider')).toHaveText(facts.provider);
  await expect(fact(row, 'Place')).toHaveText(facts.town ?? 'Digital');
  await expect(fact(row, 'Next start')).toHaveText(facts.start ? /\d{4}/ : 'Join any time');
  await expectNoAxeViolations(page, 'saved offers (en)');

  // An offer that no longer exists says so (the device keeps only the id and the title).
  await page.evaluate(() => window.localStorage.setItem('forebyg.saved', `${localStorage.getItem('forebyg.saved')}\nno-such-offer\tGone offer`));
  await page.reload();
  const gone = page.getByRole('main').getByRole('listitem').filter({ hasText: 'Gone offer' });
  await expect(gone.getByText('The offer no longer exists.')).toBeVisible();
});

test('two tabs: saving in one keeps what the other saved, and each shows the other\'s', async ({ page, context }) => {
  const other = await context.newPage();
  const a = new SearchPage(page);
  const b = new SearchPage(other);
  await a.goto('?postcode=8000');
  await b.goto('?postcode=8000');
  // Two demo offers may share a title: each card by its place in the list, each offer by its id.
  const card = (s: SearchPage, i: number) => s.results.nth(i);
  const title = async (i: number) => (await card(a, i).getByRole('heading', { level: 3 }).textContent())!.trim();
  const id = async (i: number) => (await card(a, i).getByRole('heading', { level: 3 }).getByRole('link').getAttribute('href'))!.replace('/tilbud/', '');
  const [first, second] = [await title(0), await title(1)];
  const [firstId, secondId] = [await id(0), await id(1)];
  await card(a, 0).getByRole('button', { name: `Gem ${first}`, exact: true }).click();
  // The other tab follows (the browser's storage event) ...
  await expect(card(b, 0).getByRole('button', { name: `Fjern ${first} fra dine gemte tilbud`, exact: true })).toBeVisible();
  // ... and saving there keeps the first.
  await card(b, 1).getByRole('button', { name: `Gem ${second}`, exact: true }).click();
  await expect(card(a, 1).getByRole('button', { name: `Fjern ${second} fra dine gemte tilbud`, exact: true })).toBeVisible();
  const kept = await page.evaluate(() => localStorage.getItem('forebyg.saved'));
  expect(kept).toContain(firstId);
  expect(kept).toContain(secondId);
  await page.goto('/gemte');
  await expect(page.getByRole('main').locator(`a[href="/tilbud/${firstId}"]`)).toBeVisible();
  await expect(page.getByRole('main').locator(`a[href="/tilbud/${secondId}"]`)).toBeVisible();
});
