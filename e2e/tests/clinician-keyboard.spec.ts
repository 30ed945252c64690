import { expect, test, type Page } from './fixtures';
import { ClinicianSearchPage, HandoutPage } from '../pages/clinician-pages';

// Search to handout with the keyboard only: every step is a Tab, Space or Enter away, and focus
// always lands where the next step starts.

/** Presses Tab until the focused element matches `selector` (at most `max` presses). */
async function tabTo(page: Page, selector: string, max = 60): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
  }
  throw new Error(`no Tab stop matches ${selector}`);
}

test('keyboard only: search for a patient, choose two offers and open the handout', async ({ page }, testInfo) => {
  test.skip(testInfo.project.name !== 'desktop', 'a keyboard journey: the desktop project');
  test.setTimeout(60_000);
  const search = new ClinicianSearchPage(page);
  await search.goto();
  await tabTo(page, '#condition-kol');
  await page.keyboard.press('Space');
  await expect(search.condition('KOL')).toBeChecked();
  await tabTo(page, '#postcode');
  await page.keyboard.type('9000');
  await page.keyboard.press('Tab');
  await expect(search.age).toBeFocused();
  await page.keyboard.type('67');
  await page.keyboard.press('Enter');
  await expect(search.resultsHeading).toBeFocused();
  // The interventions' links come first: Enter on one moves the focus to its group.
  await tabTo(page, 'nav.clinic-groups-nav a[href="#group-fysisk-aktivitet"]');
  await page.keyboard.press('Enter');
  await expect(page.locator('#group-fysisk-aktivitet')).toBeFocused();
  await expect(page).toHaveURL(/age=67$/);

  await tabTo(page, 'input[type=checkbox][id$="-choose"]');
  await page.keyboard.press('Space');
  const firstChosen = await page.evaluate(() => document.activeElement!.id);
  await tabTo(page, `input[type=checkbox][id$="-choose"]:not(#${firstChosen})`);
  await page.keyboard.press('Space');
  await expect(page).toHaveURL(/&select=[^&]+&select=[^&]+$/);
  // The next Tab stop after a chosen offer leads to the handout.
  await page.keyboard.press('Tab');
  await expect(page.locator(':focus')).toHaveText('Lav patientark');
  await page.keyboard.press('Enter');

  const handout = new HandoutPage(page);
  await expect(handout.heading).toBeFocused();
  await tabTo(page, 'input[type=radio][value=da]');
  await page.keyboard.press('ArrowRight');
  await expect(handout.handoutLanguage('English')).toBeChecked();
  await expect(handout.sheet('en')).toBeVisible();
  await tabTo(page, 'button.button');
  await expect(handout.print).toBeFocused();
  await tabTo(page, '#handout-link');
  await expect(handout.shareLink).toHaveValue(/\/klinik\/til-patienten\?offer=[^&]+&offer=[^&]+&lang=en&til=patient$/);
});
