import { expect, test } from './fixtures';
import { bearer, createOffer, devToken, offerTemplate, unique, signInAs } from '../pages/admin-api';
import { AdminEditorPage } from '../pages/admin-pages';
import { expectNoAxeViolations } from './a11y';

// Forgiving data entry in the offer editor (#15 point 12): a date picker, times as Danes write
// them, languages as checkboxes, the raw coordinates out of the way, the save button in reach.
test('the offer editor takes dates from a picker, Danish times and languages as checkboxes, with the save bar in reach (da, en)', async ({ page, request }) => {
  test.setTimeout(90_000);
  const token = await devToken(request, 'midtjylland');
  const offer = await createOffer(request, token, await offerTemplate(request, token, unique('Indtastningstest')), false);
  await signInAs(page, 'midtjylland');
  await page.goto(`/admin/tilbud/${offer.id}`);
  const editor = new AdminEditorPage(page);
  await expect(editor.field('Titel')).toHaveValue(offer.title);

  // The save button stays in the window while the top of the long form is in view.
  await expect(page.getByRole('group', { name: 'Gem tilbuddet' })).toBeInViewport();
  await expect(editor.save).toBeInViewport();

  const languages = page.getByRole('group', { name: 'Sprog' });
  await languages.getByRole('checkbox', { name: 'Arabisk' }).check();
  await languages.getByRole('checkbox', { name: 'Engelsk' }).check();
  await expect(editor.field('Næste start')).toHaveAttribute('type', 'date');
  const start = new Date(Date.now() + 40 * 86_400_000).toISOString().slice(0, 10);
  await editor.field('Næste start').fill(start);
  await editor.field('Ugentlige tider').fill('tirsdag kl. 17.30-19\ntorsdag 9.00 - 11');
  // The point comes from the place; the numbers are tucked away but can be opened and adjusted.
  await expect(editor.field('Breddegrad')).toBeHidden();
  await page.getByText(/^Koordinater: \d+\.\d+, \d+\.\d+ \(ret dem her\)$/).click();
  await expect(editor.field('Breddegrad')).toBeVisible();
  await expectNoAxeViolations(page, 'offer editor');
  await editor.save.click();
  await expect(editor.message).toHaveText('Ændringerne er gemt.');

  const saved = await (await request.get(`/api/v1/admin/offers/${offer.id}`, { headers: bearer(token) })).json();
  expect(saved.languages).toEqual(expect.arrayContaining(['ar', 'en']));
  expect(saved.schedule.next_start).toBe(start);
  expect(saved.schedule.slots.map((s: any) => `${s.weekday} ${s.start}-${s.end}`)).toEqual(['tue 17:30-19:00', 'thu 09:00-11:00']);

  // A time that is not one is named in the error summary.
  await editor.field('Ugentlige tider').fill('tirsdag kl. 25.00-26');
  await editor.save.click();
  await expect(page.getByRole('alert').filter({ hasText: 'Der er et problem' })).toContainText('Skriv en tid pr. linje');

  await page.evaluate(() => localStorage.setItem('forebyg.lang', 'en'));
  await page.reload();
  await expect(page.getByRole('group', { name: 'Languages' }).getByRole('checkbox', { name: 'Arabic' })).toBeChecked();
  await expect(page.getByRole('group', { name: 'Save the offer' })).toBeInViewport();
  await expect(page.getByLabel('Next start', { exact: true })).toHaveValue(start);
  await expectNoAxeViolations(page, 'offer editor (en)');
});
