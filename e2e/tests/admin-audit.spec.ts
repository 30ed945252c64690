import { expect, test } from './fixtures';
import { expectNoAxeViolations } from './a11y';
import { bearer, createOffer, devToken, offerTemplate, signInAs, unique } from '../pages/admin-api';

// The audit log as people read it (issue #15, point 13): local time, the record's title linked
// to its page instead of an id, each change as old → new, and filters by kind, who and day kept in
// the address.
test('the audit log reads as titles, old → new values and local times, filtered by kind, who and day (da, en)', async ({ page, request }) => {
  const token = await devToken(request, 'syddanmark');
  const before = unique('Logtest før');
  const after = unique('Logtest efter');
  const offer = await createOffer(request, token, await offerTemplate(request, token, before));
  const put = await request.put(`/api/v1/admin/offers/${offer.id}`, { headers: bearer(token), data: { ...offer, title: after } });
  expect(put.ok(), await put.text()).toBe(true);
  const entries = await (await request.get('/api/v1/admin/audit?action=offer-updated', { headers: bearer(token) })).json();
  const entry = entries.find((e: { target: string }) => e.target === offer.id);
  const who: string = entry.actor_name ?? entry.actor;

  await signInAs(page, 'syddanmark');
  await page.goto('/admin/log');
  await page.getByLabel('Slags hændelse').selectOption({ label: 'Tilbud ændret' });
  await page.getByLabel('Hvem (navn eller bruger-id)').fill(who);
  const today = new Date().toISOString().slice(0, 10);
  await page.getByLabel('Fra og med dag').fill(today);
  await page.getByRole('button', { name: 'Filtrér' }).click();
  await expect(page).toHaveURL(/handling=offer-updated/);
  const row = page.getByRole('row').filter({ has: page.getByRole('link', { name: after }) });
  await expect(row).toHaveCount(1);
  await expect(row.getByRole('link', { name: after })).toHaveAttribute('href', `/admin/tilbud/${offer.id}`);
  await expect(row).toContainText(`Titel: ${before} → ${after}`);
  await expect(row.getByRole('cell').first()).toContainText(String(new Date().getFullYear()));
  await expect(page.getByRole('columnheader', { name: 'Tidspunkt (din tid)' })).toBeVisible();
  await expectNoAxeViolations(page, 'audit log with filters');

  // Another admin's name finds nothing; a reload keeps the filters.
  await page.getByLabel('Hvem (navn eller bruger-id)').fill('ingen-med-det-navn');
  await page.getByRole('button', { name: 'Filtrér' }).click();
  await expect(page.getByText('Ingen hændelser passer til filtrene.')).toBeVisible();
  await page.goBack();
  await expect(row).toHaveCount(1);

  await page.evaluate(() => localStorage.setItem('forebyg.lang', 'en'));
  await page.reload();
  await expect(page.getByLabel('Kind of event')).toHaveValue('offer-updated');
  await expect(row).toContainText(`Title: ${before} → ${after}`);
  await expectNoAxeViolations(page, 'audit log (en)');
});

// A change of a structured field reads as the editor's labels of what changed in it ("Næste
// start: … → …"), never as the model's keys (`next_start`, `enrolment`, `weekday`).
test('the audit log names the changed members of a structured field by the editor’s labels (da, en)', async ({ page, request }) => {
  const token = await devToken(request, 'syddanmark');
  const day = (ahead: number) => new Date(Date.now() + ahead * 86_400_000).toISOString().slice(0, 10);
  const template = await offerTemplate(request, token, unique('Logtest tider'));
  const offer = await createOffer(request, token, { ...template, schedule: { ...template.schedule, next_start: day(30) } }, false);
  const put = await request.put(`/api/v1/admin/offers/${offer.id}`, {
    headers: bearer(token),
    data: { ...offer, schedule: { ...offer.schedule, next_start: day(37) }, capacity: 'waitlist' },
  });
  expect(put.ok(), await put.text()).toBe(true);

  await signInAs(page, 'syddanmark');
  await page.goto('/admin/log?handling=offer-updated');
  const row = page.getByRole('row').filter({ has: page.getByRole('link', { name: offer.title }) });
  await expect(row).toHaveCount(1);
  const changes = row.getByRole('listitem');
  await expect(changes).toHaveText(['Pladser: Ledige pladser → Venteliste', `Næste start: ${day(30)} → ${day(37)}`]);
  await expect(row).not.toContainText('next_start');

  await page.evaluate(() => localStorage.setItem('forebyg.lang', 'en'));
  await page.reload();
  await expect(changes).toHaveText(['Places: Places available → Waiting list', `Next start: ${day(30)} → ${day(37)}`]);
});
