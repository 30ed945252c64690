import { expect, test } from './fixtures';
import { bearer, createOffer, devToken, offerTemplate, unique, signInAs } from '../pages/admin-api';
import { AdminEditorPage } from '../pages/admin-pages';
import { expectNoAxeViolations } from './a11y';

// "Forhåndsvis" in the offer editor (#15 point 12): the citizen offer page's content from the
// form's unsaved values, marked as a preview; a form that cannot make an offer shows its errors.
test('the offer editor previews the citizen page from the unsaved form, and shows errors first (da, en)', async ({ page, request }) => {
  test.setTimeout(90_000);
  const token = await devToken(request, 'midtjylland');
  const offer = await createOffer(request, token, await offerTemplate(request, token, unique('Forhåndsvisningstest')), false);
  await signInAs(page, 'midtjylland');
  await page.goto(`/admin/tilbud/${offer.id}`);
  const editor = new AdminEditorPage(page);
  await expect(editor.field('Titel')).toHaveValue(offer.title);

  // Unsaved edits: a new title, an age limit, the residence rule, a referral instead of signing up.
  const title = unique('Ny titel');
  await editor.field('Titel').fill(title);
  await editor.field('Laveste alder').fill('18');
  await editor.field('Højeste alder').fill(''); // whatever the copied demo offer had
  await editor.field('Hvor skal deltagerne bo').selectOption({ label: 'Borgere i regionen' });
  await editor.field('Man kan selv henvende sig').uncheck();
  await editor.field('Henvisning fra egen læge').check();
  await editor.clearSlots();
  await editor.addSlot('Tirsdag', '17:30', '19:00');
  await page.getByRole('button', { name: 'Forhåndsvis' }).click();

  const heading = page.getByRole('heading', { level: 1, name: `Forhåndsvisning: ${title}` });
  await expect(heading).toBeFocused();
  await expect(page.getByText('Sådan ser borgerne tilbuddets side').first()).toBeVisible();
  const preview = page.getByRole('article');
  await expect(preview.getByText('Kræver henvisning').first()).toBeVisible();
  await expect(preview.getByRole('heading', { level: 2, name: 'Hvem er det for' })).toBeVisible();
  await expect(preview.locator('.who-for')).toHaveText(/^Tilbuddet er for personer på 18 år og derover.*, som bor i Region Midtjylland\.$/);
  await expect(preview.getByRole('heading', { level: 2, name: 'Sådan kommer du med' })).toBeVisible();
  await expect(preview.getByText('Du kan ikke selv tilmelde dig. Du skal henvises.')).toBeVisible();
  await expect(preview.getByText('Tirsdag 17:30–19:00')).toBeVisible();
  await expect(preview.getByRole('heading', { level: 2, name: 'Kontakt' })).toBeVisible();
  // The form is out of the way (not gone).
  await expect(editor.field('Titel')).toBeHidden();
  await expectNoAxeViolations(page, 'offer preview');
  // Links lead nowhere from the preview.
  const url = page.url();
  const link = preview.getByRole('link').first();
  if ((await link.count()) > 0) {
    await link.click();
    await expect(heading).toBeVisible();
    expect(page.url()).toBe(url);
  }
  // Nothing was saved.
  const stored = await (await request.get(`/api/v1/admin/offers/${offer.id}`, { headers: bearer(token) })).json();
  expect(stored.title).toBe(offer.title);

  await page.getByRole('button', { name: 'Tilbage til redigering' }).first().click();
  await expect(page.getByRole('button', { name: 'Forhåndsvis' })).toBeFocused();
  await expect(editor.field('Titel')).toHaveValue(title);
  await expect(editor.field('Laveste alder')).toHaveValue('18');

  // A form that cannot make an offer: the errors, no preview.
  await editor.field('Titel').fill('');
  await page.getByRole('button', { name: 'Forhåndsvis' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Der er et problem' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: /^Forhåndsvisning/ })).toHaveCount(0);
  await expect(editor.field('Titel')).toBeVisible();

  await page.evaluate(() => localStorage.setItem('forebyg.lang', 'en'));
  await page.reload();
  await expect(page.getByLabel('Title', { exact: true })).toHaveValue(offer.title);
  await page.getByRole('button', { name: 'Preview' }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Preview: ${offer.title}` })).toBeFocused();
  await expect(page.getByText("This is how citizens will see the offer's page").first()).toBeVisible();
  await expect(page.getByRole('article').getByRole('heading', { level: 2, name: 'Who is it for' })).toBeVisible();
  await expectNoAxeViolations(page, 'offer preview (en)');
  await page.getByRole('button', { name: 'Back to editing' }).last().click();
  await expect(page.getByRole('button', { name: 'Preview' })).toBeFocused();
});
