import { expect, test } from './fixtures';
import { AdminDevLoginPage, AdminLoginPage, NO_DEV_LOGIN } from '../pages/admin-pages';
import { expectNoAxeViolations } from './a11y';

// The admin sign-in: the authorization code flow with PKCE (S256) against the development
// issuer, exactly as against Cognito's hosted UI in AWS.
test.describe('admin sign-in: authorization code flow with PKCE', () => {
  test('a deep link signs in and comes back to the page first asked for', async ({ page }) => {
    await new AdminLoginPage(page).signIn('Region Syddanmark', 'Regional administrator', '/admin/fejlrapporter', 'Fejlrapporter');
    await expect(page.getByText('Regional administrator, Region Syddanmark')).toBeVisible();
    // The one-time PKCE values are gone from the tab; the ID token is kept.
    const stored = await page.evaluate(() => Object.keys(sessionStorage).sort());
    expect(stored).toEqual(['forebyg-admin-token']);
  });

  test('the sign-in pages have no axe violations', async ({ page }) => {
    await page.goto('/admin/login');
    const login = new AdminLoginPage(page);
    await expect(login.heading).toBeVisible();
    await expect(page.getByText('Kun til udvikling og test.')).toBeVisible();
    await expect(page).toHaveTitle('Log ind – Forebyg administration');
    await expectNoAxeViolations(page, 'admin login');
    await login.submit.click();
    const dev = new AdminDevLoginPage(page);
    await expect(dev.heading, NO_DEV_LOGIN).toBeVisible();
    const url = new URL(page.url());
    expect(url.searchParams.get('response_type')).toBe('code');
    expect(url.searchParams.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(url.searchParams.get('redirect_uri')).toBe(`${url.origin}/admin/callback`);
    await expectNoAxeViolations(page, 'admin dev-login');
    // The dev issuer's form keeps its error summary linked to the field.
    await dev.choose('Redaktør hos udbyder', 'Region Midtjylland');
    await dev.submit.click();
    await expect(page.getByRole('alert').getByRole('link', { name: 'Angiv udbyderens id.' })).toBeVisible();
    await expectNoAxeViolations(page, 'admin dev-login with an error');
  });

  test("the provider id's hint names a provider of the chosen region, and signing in with it works", async ({ page }) => {
    await page.goto('/admin/login');
    await new AdminLoginPage(page).submit.click();
    const dev = new AdminDevLoginPage(page);
    await expect(dev.heading, NO_DEV_LOGIN).toBeVisible();
    await dev.choose('Redaktør hos udbyder', 'Region Syddanmark');
    const hint = page.locator('#f-provider_id-hint');
    await expect(hint).toHaveText('Fx demo-kommune-0461 (Odense Kommune i demodataene)');
    await dev.choose('Redaktør hos udbyder', 'Region Midtjylland');
    await expect(hint).toHaveText(/^Fx demo-kommune-\d{4} \(.+ i demodataene\)$/);
    const [, id, name] = (await hint.textContent())!.match(/^Fx (\S+) \((.+) i demodataene\)$/)!;
    await page.getByLabel('Udbyderens id').fill(id);
    await dev.submit.click();
    await expect(page.getByRole('heading', { level: 1, name: 'Overblik' })).toBeVisible();
    // The editor's own provider is the one the hint named.
    await page.getByRole('link', { name: 'Din udbyder' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toContainText(name);
  });

  test('opening the workspace before signing in asks the API nothing it would refuse: the console stays clean', async ({ page }) => {
    const asked: string[] = [];
    const errors: string[] = [];
    page.on('request', (r) => {
      if (new URL(r.url()).pathname.startsWith('/api/v1/admin/')) asked.push(r.url());
    });
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    for (const start of ['/admin', '/admin/henvendelser', '/admin/tilbud']) {
      await page.goto(start);
      await expect(page).toHaveURL(/\/admin\/login$/);
      await expect(new AdminLoginPage(page).heading).toBeVisible();
      await page.waitForLoadState('networkidle');
    }
    expect(asked).toEqual([]);
    expect(errors).toEqual([]);
  });

  test('a callback that does not answer this tab\'s sign-in is refused with a way back', async ({ page }) => {
    await page.goto('/admin/callback?code=forged&state=forged');
    await expect(page.getByRole('heading', { level: 1, name: 'Log ind lykkedes ikke' })).toBeVisible();
    await expect(page.getByRole('alert')).toContainText('passer ikke til et login');
    await expectNoAxeViolations(page, 'admin callback error');
    await page.getByRole('link', { name: 'Prøv at logge ind igen' }).click();
    await expect(new AdminLoginPage(page).heading).toBeVisible();
    expect(await page.evaluate(() => sessionStorage.getItem('forebyg-admin-token'))).toBeNull();
  });

  test('a refused sign-in (access_denied) says so', async ({ page }) => {
    await page.goto('/admin/callback?error=access_denied&state=x');
    await expect(page.getByRole('alert')).toHaveText('Log ind blev afbrudt eller afvist.');
    await expect(page.getByRole('link', { name: 'Prøv at logge ind igen' })).toHaveAttribute('href', '/admin/login');
  });

  test('a used code cannot sign in again (reloading the callback)', async ({ page }) => {
    await new AdminLoginPage(page).signIn('Region Midtjylland');
    // Replay the callback address of a finished sign-in: the PKCE state is spent.
    await page.goto('/admin/callback?code=replayed&state=replayed');
    await expect(page.getByRole('heading', { level: 1, name: 'Log ind lykkedes ikke' })).toBeVisible();
  });

  test('an expired or refused token sends the admin to sign in and back', async ({ page }) => {
    await page.addInitScript(() => {
      if (!sessionStorage.getItem('e2e-expired-once')) {
        sessionStorage.setItem('e2e-expired-once', '1');
        sessionStorage.setItem('forebyg-admin-token', 'expired.token.value');
      }
    });
    await page.goto('/admin/henvendelser');
    await expect(page).toHaveURL(/\/admin\/login$/);
    await expect(page.getByRole('alert')).toContainText('din session udløb');
    await new AdminLoginPage(page).submit.click();
    const dev = new AdminDevLoginPage(page);
    await dev.choose('Regional administrator', 'Region Midtjylland');
    await dev.submit.click();
    await expect(page.getByRole('heading', { level: 1, name: 'Henvendelser' })).toBeVisible();
    await expect(page).toHaveURL(/\/admin\/henvendelser$/);
  });

  test('signing out ends the session', async ({ page }) => {
    await new AdminLoginPage(page).signIn('Region Nordjylland');
    await page.getByRole('button', { name: 'Log ud' }).click();
    await expect(new AdminLoginPage(page).heading).toBeVisible();
    expect(await page.evaluate(() => sessionStorage.getItem('forebyg-admin-token'))).toBeNull();
    await page.goto('/admin/tilbud');
    await expect(page).toHaveURL(/\/admin\/login$/);
  });
});
