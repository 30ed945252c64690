// The static pages that build trust (issue #15 point 7: About, privacy, accessibility statement,
// contact, in Danish and English) and the static page shell (point 5): the header with its menu
// and the trial-version notice are in the HTML before any wasm arrives, so nothing jumps.
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './fixtures';
import { expectNoAxeViolations } from './a11y';

const PAGES: [string, string, string, string][] = [
  // Danish path, its heading, the English path, its heading.
  ['/om-forebyg', 'Om Forebyg', '/en/about', 'About Forebyg'],
  ['/privatliv', 'Sådan behandler vi dine oplysninger', '/en/privacy', 'How we handle your information'],
  ['/tilgaengelighed', 'Tilgængelighedserklæring', '/en/accessibility', 'Accessibility statement'],
  ['/kontakt', 'Kontakt', '/en/contact', 'Contact'],
];

test('the information pages are plain HTML in Danish and English, linked from every page', async ({ page }) => {
  test.setTimeout(90_000); // eight pages, each scanned by axe
  const wasm: string[] = [];
  page.on('request', (r) => {
    if (r.url().endsWith('.wasm')) wasm.push(r.url());
  });
  for (const [da, daTitle, en, enTitle] of PAGES) {
    await page.goto(da);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(daTitle);
    await expect(page.locator('html')).toHaveAttribute('lang', 'da');
    await expect(page.locator('.phase-banner')).toContainText('Prøveversion');
    await expectNoAxeViolations(page, da);
    await page.getByRole('link', { name: 'English' }).click();
    await expect(page).toHaveURL(en);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(enTitle);
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.locator('.phase-banner')).toContainText('Trial version');
    await expectNoAxeViolations(page, en);
  }
  expect(wasm, 'the information pages load no wasm').toEqual([]);

  // What a self-referral stores, for how long, and the citizen's rights.
  await page.goto('/privatliv');
  const main = page.getByRole('main');
  await expect(main).toContainText('90 dage');
  await expect(main).toContainText('CPR-nummer');
  await expect(main.getByRole('heading', { name: 'Dine rettigheder' })).toBeVisible();
  await expect(main.getByRole('link', { name: 'datatilsynet.dk' })).toBeVisible();

  // Reached from the menu and the footer.
  await page.goto('/kontakt');
  await page.getByText('Menu', { exact: true }).click();
  await page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: 'Om Forebyg' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Om Forebyg');
  await page.getByRole('contentinfo').getByRole('link', { name: 'Tilgængelighedserklæring' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Tilgængelighedserklæring');

  // From the app: the same menu and footer; a link to an information page loads it.
  await page.goto('/');
  await expect(page.getByLabel('Dit postnummer')).toBeVisible();
  await expect(page.locator('.phase-banner')).toContainText('Prøveversion');
  // Escape closes the menu from inside it, with the focus back on its toggle.
  const toggle = page.locator('header details.site-menu > summary');
  await toggle.focus();
  await page.keyboard.press('Enter');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: 'Find et tilbud' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('navigation', { name: 'Hovedmenu' })).toBeHidden();
  await expect(toggle).toBeFocused();
  await page.getByText('Menu', { exact: true }).click();
  await page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: 'Gemte tilbud' }).click();
  await expect(page.getByRole('navigation', { name: 'Hovedmenu' })).toBeHidden();
  // The saved page in place first (its part loads on the way): a click while it still moves the
  // footer can miss the link (a CI run on a phone stayed on "Dine gemte tilbud").
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Dine gemte tilbud');
  await page.getByRole('contentinfo').getByRole('link', { name: 'Privatliv' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sådan behandler vi dine oplysninger');
});

test('the page shell has the header, menu and trial notice before the app starts', async ({ page }) => {
  // No wasm at all: what a citizen sees while it downloads (and if it never does).
  await page.route('**/*.wasm', (route) => route.abort());
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Find et forebyggelsestilbud');
  const menu = page.getByRole('navigation', { name: 'Hovedmenu' });
  await expect(menu).toBeHidden();
  await page.getByText('Menu', { exact: true }).click();
  await expect(menu.getByRole('link', { name: 'Om Forebyg' })).toBeVisible();
  await expect(page.locator('.phase-banner')).toContainText('demodata');
  await expect(page.getByRole('contentinfo').getByRole('link', { name: 'Privatliv' })).toBeVisible();
  // The header stays compact on a phone: the menu is collapsed, the search is in the first screen.
  const header = await page.locator('.site-header').boundingBox();
  expect(header!.height).toBeLessThan(120);
});

// axe's `region` rule (best practice, outside the WCAG tags the other scans run): all content sits
// in a landmark. The trial-version banner between the header and <main> was outside every one.
test('every piece of content sits in a landmark, the trial banner too', async ({ page }) => {
  for (const path of ['/', '/om-forebyg', '/gemte']) {
    await page.goto(path);
    await expect(page.getByRole('region', { name: 'Prøveversion' })).toContainText('demodata');
    const results = await new AxeBuilder({ page }).withRules(['region']).analyze();
    expect(results.violations.flatMap((v) => v.nodes.map((n) => n.target.join(' '))), path).toEqual([]);
  }
});
