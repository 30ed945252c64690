import { expect, test } from './fixtures';
import { SearchPage } from '../pages/search-page';
import { expectNoAxeViolations } from './a11y';

test('saved offers: "Gem" on a card and the offer page, listed on /gemte, kept across reloads', async ({ page }) => {
  const search = new SearchPage(page);
  await search.goto('?postcode=8000');
  const first = search.results.first();
  const title = (await first.getByRole('heading', { level: 3 }).textContent())!.trim();
  const save = first.getByRole('button', { name: `Gem ${title}` });
  await expect(save).toHaveAttribute('aria-pressed', 'false');
  await save.click();
  await expect(save).toHaveAttribute('aria-pressed', 'true');

  // The navigation sits behind the header's menu (issue #15, point 5).
  await page.getByText('Menu', { exact: true }).click();
  await page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: 'Gemte tilbud' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Dine gemte tilbud' })).toBeFocused();
  await page.reload();
  const link = page.getByRole('main').getByRole('link', { name: title });
  await expect(link).toBeVisible();
  await expectNoAxeViolations(page, 'saved offers (da)');

  await link.click();
  const onOffer = page.getByRole('button', { name: `Gem ${title}` });
  await expect(onOffer).toHaveAttribute('aria-pressed', 'true');
  await onOffer.click();
  await expect(onOffer).toHaveAttribute('aria-pressed', 'false');
  await page.goto('/gemte');
  await expect(page.getByText('Du har ikke gemt nogen tilbud endnu.', { exact: false })).toBeVisible();
});
