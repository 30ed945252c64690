import { expect, test, type Page } from './fixtures';
import { useLanguage } from '../pages/clinician-pages';

// Providers write their offers in Danish. In the English UI every place that shows an offer's
// title or summary marks it `lang="da"`, so a screen reader reads it with a Danish voice
// (WCAG 3.1.2, language of parts).

/** Each shown element that holds one of `texts` (the innermost one) whose language is not Danish. */
async function notMarkedDanish(page: Page, texts: string[]): Promise<string[]> {
  return page.evaluate((texts) => {
    const shown = Array.from(document.body.querySelectorAll('*')).filter(
      (el) => !['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT'].includes(el.tagName) && el.getClientRects().length > 0,
    );
    const wrong: string[] = [];
    for (const text of texts) {
      const holders = shown.filter((el) => el.textContent!.includes(text) && !Array.from(el.children).some((c) => c.textContent!.includes(text)));
      if (holders.length === 0) wrong.push(`not shown: ${text}`);
      for (const el of holders) {
        const lang = el.closest('[lang]')?.getAttribute('lang');
        if (lang !== 'da') wrong.push(`<${el.tagName.toLowerCase()} class="${el.className}"> in lang=${lang}: ${text}`);
      }
    }
    return wrong;
  }, texts);
}

test("an offer's title and summary are marked Danish in the English result card and offer page", async ({ page }) => {
  await useLanguage(page, 'en');
  await page.goto('/?postcode=8000');
  const card = page.getByRole('article').first();
  await expect(card).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  const title = (await card.getByRole('heading', { level: 3 }).innerText()).trim();
  const summary = (await card.locator('.card__summary').innerText()).trim();
  expect(await notMarkedDanish(page, [title, summary])).toEqual([]);

  await card.getByRole('heading', { level: 3 }).getByRole('link').click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Who is it for' })).toBeVisible();
  expect(await notMarkedDanish(page, [title, summary])).toEqual([]);
});

test("an offer's title is marked Danish on the English clinician card", async ({ page }) => {
  await useLanguage(page, 'en');
  await page.goto('/klinik?conditions=kol&postcode=8000&age=67');
  const card = page.getByRole('article').first();
  await expect(card).toBeVisible();
  const title = (await card.getByRole('heading', { level: 4 }).innerText()).trim();
  expect(await notMarkedDanish(page, [title])).toEqual([]);
});
