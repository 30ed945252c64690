import { expect, test } from './fixtures';
import { expectNoAxeViolations } from './a11y';

test('offer page: directions, print and share tools, and "Meld fejl i oplysningerne"', async ({ page, request }) => {
  const r = await request.get('/api/v1/offers?postcode=8000&format=on-site&per_page=1');
  const id = (await r.json()).results[0].offer.id as string;
  await page.goto(`/tilbud/${id}`);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Find vej (åbner OpenStreetMap)' })).toHaveAttribute(
    'href',
    /^https:\/\/www\.openstreetmap\.org\/directions\?to=\d+(\.\d+)?%2C\d+(\.\d+)?$/,
  );
  await expect(page.getByRole('button', { name: 'Udskriv' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Del link' })).toBeVisible();

  await page.getByText('Meld fejl i oplysningerne').click();
  await page.getByRole('button', { name: 'Send fejlmelding' }).click();
  const summary = page.getByRole('alert').filter({ hasText: 'Der er et problem' });
  await expect(summary).toBeFocused();
  await expect(page.getByLabel('Beskriv fejlen')).toHaveAttribute('aria-invalid', 'true');
  await expectNoAxeViolations(page, 'offer report with errors (da)');
  await page.getByLabel('Hvad er forkert?').selectOption({ label: 'Tider eller datoer' });
  await page.getByLabel('Beskriv fejlen').fill('Holdet om tirsdagen er flyttet til onsdag.');
  await page.getByRole('button', { name: 'Send fejlmelding' }).click();
  await expect(page.getByText('Tak. Regionen tjekker oplysningerne.')).toBeVisible();
});
