import { expect, test } from './fixtures';
import { expectNoAxeViolations } from './a11y';

// Samsø has no fixed link: from there an offer in Odder is 23 km in a straight line and a ferry
// crossing in fact. The answer says so once, and each card of an offer across the water says it
// under its distance; the island's own offers do not.
test('a search from an island marks the offers across the water', async ({ page }) => {
  const answer = await (await page.request.get('/api/v1/offers?postcode=8305&category=fysisk-aktivitet')).json();
  expect(answer.origin.island).toBe('0741');
  const onSite = answer.results.filter((h: any) => !h.digital);
  const across = onSite.find((h: any) => h.across_water);
  const home = onSite.find((h: any) => !h.across_water);
  expect(across, 'an offer on the mainland within 25 km').toBeDefined();
  expect(home, 'an offer on Samsø').toBeDefined();
  expect(home.offer.city).toBe('Samsø');

  await page.goto('/?postcode=8305&category=fysisk-aktivitet');
  await expect(page.getByText('Du søger fra en ø uden fast forbindelse. Tilbud, der står »over vandet«, kræver en færgetur.', { exact: true })).toBeVisible();
  const distance = (hit: any) => page.locator('article', { has: page.locator(`#offer-${hit.offer.id}-title`) }).locator('.card__distance');
  await expect(distance(across)).toHaveText(/\d+ km\s*over vandet$/);
  await expect(distance(home)).not.toContainText('over vandet');
  await expectNoAxeViolations(page, 'results from an island');

  // From the mainland: no note about islands.
  await page.goto('/?postcode=8300&category=fysisk-aktivitet');
  await expect(page.getByRole('heading', { level: 2, name: /8300 Odder$/ })).toBeVisible();
  await expect(page.getByText('Du søger fra en ø uden fast forbindelse', { exact: false })).toHaveCount(0);
});
