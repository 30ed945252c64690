import { expect, test } from './fixtures';
import { signInAs } from '../pages/admin-api';
import { AdminLoginPage, adminPages } from '../pages/admin-pages';
import { expectNoAxeViolations, screenshot } from './a11y';

test.describe('admin workspace: sign-in, navigation and accessibility', () => {
  test('the sign-in flow signs a region admin in', async ({ page }) => {
    await new AdminLoginPage(page).signIn('Region Midtjylland');
    await expect(page.getByText('Regional administrator, Region Midtjylland')).toBeVisible();
    await expect(page).toHaveTitle('Overblik – Forebyg administration');
    // The header holds the name, who is signed in and the language switch: on a phone (390 px)
    // the name stays one word on one line, the account on a row of its own below it.
    const nameLines = await page.locator('.site-name').evaluate((a) => {
      const text = document.createRange();
      text.selectNodeContents(a.firstChild!);
      return text.getClientRects().length;
    });
    expect(nameLines, '"Forebyg" on one line').toBe(1);
    expect((await page.locator('.site-header__inner').boundingBox())!.height).toBeLessThan(200);
  });

  test('without a session the admin pages go to the login', async ({ page }) => {
    await page.goto('/admin/tilbud');
    await expect(page).toHaveURL(/\/admin\/login$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Log ind' })).toBeVisible();
    await expectNoAxeViolations(page, 'admin login');
  });

  test('every admin page has one h1 and no axe violations', async ({ page }, testInfo) => {
    // Every admin page loaded and scanned by axe in one test: under a minute on an idle CI
    // machine, but it once ran past 90 s with the machine's two cores busy with builds.
    test.setTimeout(180_000);
    await signInAs(page, 'midtjylland');
    for (const { path, h1 } of adminPages) {
      await page.goto(path);
      await expect(page.getByRole('heading', { level: 1, name: h1, exact: true })).toBeVisible();
      await expect(page.getByRole('heading', { level: 1 })).toHaveCount(1);
      await expect(page.getByText('Indlæser …')).toHaveCount(0);
      await expectNoAxeViolations(page, path);
    }
    await page.goto('/admin/daekning');
    await expect(page.getByRole('table')).toBeVisible();
    await screenshot(page, testInfo, 'admin-coverage');
  });

  test('navigating moves focus to the new page heading', async ({ page }) => {
    await signInAs(page, 'midtjylland');
    await page.goto('/admin');
    const nav = page.getByRole('navigation', { name: 'Administration' });
    const menu = nav.getByRole('button', { name: 'Menu' });
    const link = nav.getByRole('link', { name: 'Fejlrapporter' });
    if (page.viewportSize()!.width < 640) {
      // On a phone the twelve links fold behind "Menu": the header and the navigation take one
      // screen's quarter, not half of it (366 px at 390 px before).
      const header = await page.locator('.site-header').boundingBox();
      expect(header!.height).toBeLessThan(240);
      await expect(link).toBeHidden();
      await expect(menu).toHaveAttribute('aria-expanded', 'false');
      await menu.focus();
      await page.keyboard.press('Enter');
      await expect(menu).toHaveAttribute('aria-expanded', 'true');
      await expect(nav.getByRole('link')).toHaveCount(12);
      // The open menu's next Tab stop is its first link.
      await page.keyboard.press('Tab');
      await expect(nav.getByRole('link', { name: 'Overblik' })).toBeFocused();
      await expectNoAxeViolations(page, 'the admin menu open on a phone');
      // Escape closes it from a link, with the focus back on its toggle; Enter opens it again.
      await page.keyboard.press('Escape');
      await expect(menu).toHaveAttribute('aria-expanded', 'false');
      await expect(menu).toBeFocused();
      await page.keyboard.press('Enter');
      await expect(menu).toHaveAttribute('aria-expanded', 'true');
    } else {
      await expect(menu).toBeHidden();
    }
    await link.click();
    await expect(page.getByRole('heading', { level: 1, name: 'Fejlrapporter' })).toBeFocused();
    // Opening a page closes the menu again.
    await expect(nav.getByRole('link', { name: 'Overblik' })).toBeVisible({ visible: page.viewportSize()!.width >= 640 });
  });
});
