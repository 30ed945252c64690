import { expect, test } from './fixtures';
import { readFileSync } from 'node:fs';
import { bearer, createOffer, devToken, offerTemplate, signInAs, unique } from '../pages/admin-api';
import { dayAhead } from '../pages/admin-pages';
import { expectNoAxeViolations } from './a11y';

// The first session ("Første mødegang") a provider agrees on enrolling a person: given in the
// inbox's enrol form, read by the person on the status page and put in their calendar, moved
// (the history keeps both days), and undone only after the provider is told what it takes away.

test('the first session: given on enrolment, read on the status page and in a calendar file, moved, and undone only after a warning', async ({ page, request }) => {
  const token = await devToken(request, 'oestdanmark');
  const week = dayAhead(7);
  // Held on the weekday a week from today, starting any time: a day on another weekday is said.
  const weekday = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'][new Date(`${week.iso}T12:00:00Z`).getUTCDay()];
  const template = await offerTemplate(request, token, unique('Mødegangstest'));
  const schedule = { ...template.schedule, enrolment: { kind: 'continuous' }, next_start: null, slots: [{ weekday, start: '17:00', end: '19:00' }] };
  const offer = await createOffer(request, token, { ...template, schedule });
  const name = unique('Karen Mødegang');
  const phone = `2${String(Math.floor(Math.random() * 1e7)).padStart(7, '0')}`;
  const res = await request.post(`/api/v1/offers/${offer.id}/self-referrals`, {
    data: { idempotency_key: `e2e-${Date.now()}-${Math.random().toString(36).slice(2, 10)}`, name, phone, consent: true },
  });
  expect(res.status(), await res.text()).toBe(201);
  const receipt = await res.json();
  const contacted = await request.post(`/api/v1/admin/referrals/${receipt.receipt_code}/status`, { headers: bearer(token), data: { status: 'contacted' } });
  expect(contacted.ok(), await contacted.text()).toBe(true);

  await signInAs(page, 'oestdanmark');
  await page.goto(`/admin/henvendelser?tilbud=${encodeURIComponent(offer.title)}`);
  const card = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name }) });
  await expect(card.locator('.pill')).toHaveText('Kontaktet');
  // Enrolled with the first session agreed; a time without a day is refused in words.
  await card.getByRole('button', { name: `Tilmeld: ${name}` }).click();
  const enrolForm = card.getByRole('group', { name: 'Tilmeld personen' });
  const day = enrolForm.getByLabel('Dato for første mødegang (valgfri)');
  await expect(day).toHaveAccessibleDescription(/^Den første mødegang ser personen på sin statusside/);
  await enrolForm.getByLabel('Klokkeslæt (valgfrit)').fill('17:00');
  await enrolForm.getByRole('button', { name: 'Tilmeld personen' }).click();
  await expect(enrolForm.getByRole('alert')).toHaveText('Skriv datoen for første mødegang (eller slet klokkeslættet).');
  // A day before the request came is the page's own error, marked on the field, not the
  // browser's passing bubble about the picker's limits.
  await day.fill(dayAhead(-1).iso);
  await enrolForm.getByRole('button', { name: 'Tilmeld personen' }).click();
  await expect(enrolForm.getByRole('alert')).toHaveText('Første mødegang kan ikke ligge før den dag, henvendelsen kom.');
  await expect(day).toHaveAttribute('aria-invalid', 'true');
  // A day on none of the offer's weekly times is said (a slip of the picker), not refused.
  const fit = enrolForm.getByRole('status');
  await day.fill(dayAhead(8).iso);
  await expect(fit).toHaveText(/^Tilbuddet holdes \S+, men \d+\. \S+ \d{4} er en \S+\.$/);
  await day.fill(week.iso);
  await expect(fit).toHaveCount(0);
  await enrolForm.getByRole('button', { name: 'Tilmeld personen' }).click();
  await expect(page.getByRole('status').filter({ hasText: `Henvendelse ${receipt.receipt_code} er nu: Tilmeldt, første mødegang ${week.da} kl. 17:00.` })).toBeVisible();
  await expect(card.locator('.pill')).toHaveText('Tilmeldt');
  await expect(card.locator('.inbox-first-session')).toContainText(`Første mødegang: ${week.da} kl. 17:00`);
  await expect(card.getByRole('button', { name: `Afvis: ${name}` })).toBeDisabled();

  const lookup = await request.get(`/api/v1/self-referrals/${receipt.receipt_code}`, { headers: { 'Forebyg-Contact': phone } });
  expect(lookup.ok()).toBe(true);
  const enrolled = await lookup.json();
  expect([enrolled.status, enrolled.first_session]).toEqual(['enrolled', { on: week.iso, at: '17:00' }]);
  // The citizen reads the day on the status page.
  const citizen = await page.context().newPage();
  await citizen.goto(`/status?kode=${receipt.receipt_code}`);
  await citizen.getByLabel('Telefonnummer eller e-mail').fill(phone);
  await citizen.getByRole('button', { name: 'Se status' }).click();
  await expect(citizen.locator('#first-session')).toHaveText(
    `Du er skrevet ind på tilbuddet. Første mødegang er ${week.da} kl. 17:00.`,
  );
  await expectNoAxeViolations(citizen, 'status with the first session');
  // …and can put it in their own calendar: a file a phone's calendar opens, at the offer's place.
  const [download] = await Promise.all([citizen.waitForEvent('download'), citizen.getByRole('link', { name: 'Læg første mødegang i din kalender' }).click()]);
  expect(download.suggestedFilename()).toBe('forste-modegang.ics');
  const ics = readFileSync(await download.path(), 'utf8').replace(/\r\n /g, '');
  expect(ics).toMatch(/^BEGIN:VCALENDAR\r\n/);
  expect(ics).toContain(`\r\nSUMMARY:Første mødegang: ${offer.title.replace(/[,;]/g, (c: string) => `\\${c}`)}\r\n`);
  // 17:00 in Copenhagen, written in UTC (no time zone table needed by the calendar).
  const utc = new Date(`${week.iso}T17:00:00${copenhagenOffset(week.iso)}`).toISOString().replace(/[-:]/g, '').slice(0, 15);
  expect(ics).toContain(`\r\nDTSTART:${utc}Z\r\n`);
  await citizen.close();
  // Moved: the same form, filled in with what was agreed.
  await card.getByRole('button', { name: `Ret første mødegang: ${name}` }).click();
  const moveForm = card.getByRole('group', { name: 'Gem første mødegang' });
  await expect(moveForm.getByLabel('Dato for første mødegang', { exact: true })).toHaveValue(week.iso);
  await expect(moveForm.getByLabel('Dato for første mødegang', { exact: true })).toHaveAccessibleDescription(/^Personen ser den nye dag på sin statusside/);
  await moveForm.getByLabel('Klokkeslæt (valgfrit)').fill('09:30');
  await expectNoAxeViolations(page, 'inbox card moving the first session');
  // Enter in the time saves, as in any form (a walk pressed it and nothing happened).
  await moveForm.getByLabel('Klokkeslæt (valgfrit)').press('Enter');
  await expect(card.locator('.inbox-first-session')).toContainText(`Første mødegang: ${week.da} kl. 09:30`);
  // The history keeps both: what was agreed first, and the move.
  const steps = card.getByRole('list', { name: 'Historik' });
  await expect(async () => {
    if (!(await steps.isVisible())) await card.getByText('Historik og noter').click();
    await expect(steps).toBeVisible({ timeout: 1000 });
  }).toPass();
  await expect(steps.getByRole('listitem').filter({ hasText: `Første mødegang: ${week.da} kl. 17:00` })).toHaveCount(1);
  await expect(steps.getByRole('listitem').filter({ hasText: `Første mødegang: ${week.da} kl. 09:30` })).toHaveCount(1);
  await expect(steps.getByRole('listitem').filter({ hasText: /^Første mødegang ændret · / })).toHaveCount(1);
  // Moving asks for the day (emptied, it is refused); undoing the enrolment says what it takes away.
  await card.getByRole('button', { name: `Ret første mødegang: ${name}` }).click();
  const move = card.getByRole('group', { name: 'Gem første mødegang' });
  await move.getByLabel('Dato for første mødegang', { exact: true }).fill('');
  await move.getByRole('button', { name: 'Gem første mødegang' }).click();
  await expect(move.getByRole('alert')).toHaveText('Skriv datoen for første mødegang.');
  await move.getByRole('button', { name: 'Annullér' }).click();
  await card.getByRole('button', { name: `Fortryd tilmelding: ${name}` }).click();
  const undo = card.getByRole('group', { name: 'Ja, fortryd tilmeldingen' });
  await expect(undo).toContainText(
    `Personen har første mødegang ${week.da} kl. 09:30. Fortryder I tilmeldingen, forsvinder dagen fra henviserens oversigt, og personens statusside siger, at den er aflyst.`,
  );
  await undo.getByRole('button', { name: 'Annullér' }).click();
  await expect(card.locator('.pill')).toHaveText('Tilmeldt');
  // Completing before the agreed day is likelier a slip: the form says so and names the steps
  // that fit (a walk found a referral completed months before its first session).
  await card.getByRole('button', { name: `Afslut: ${name}` }).click();
  const complete = card.getByRole('group', { name: /^Afslut (henvisningen|henvendelsen)$/ });
  await expect(complete.locator('.notice')).toHaveText(
    `Første mødegang er ${week.da} kl. 09:30 og er ikke kommet endnu. Er forløbet gennemført alligevel? Stoppede personen før start, så vælg »Afbryd«; blev tilmeldingen ikke til noget, så vælg »Fortryd tilmelding«.`,
  );
  await complete.getByRole('button', { name: 'Annullér' }).click();
  // Undone after all: the person's status page says the day is off, before what the status means.
  await card.getByRole('button', { name: `Fortryd tilmelding: ${name}` }).click();
  await card.getByRole('group', { name: 'Ja, fortryd tilmeldingen' }).getByRole('button', { name: 'Ja, fortryd tilmeldingen' }).click();
  await expect(card.locator('.pill')).toHaveText('Kontaktet');
  // The colleagues' history says the day was called off.
  await expect(async () => {
    if (!(await steps.isVisible())) await card.getByText('Historik og noter').click();
    await expect(steps).toBeVisible({ timeout: 1000 });
  }).toPass();
  await expect(steps.getByRole('listitem').filter({ hasText: `Første mødegang aflyst: ${week.da} kl. 09:30` })).toHaveText(/^Tilmelding fortrudt · /);
  const after = await page.context().newPage();
  await after.goto(`/status?kode=${receipt.receipt_code}`);
  await after.getByLabel('Telefonnummer eller e-mail').fill(phone);
  await after.getByRole('button', { name: 'Se status' }).click();
  await expect(after.getByRole('heading', { name: 'Status: Kontaktet' })).toBeVisible();
  await expect(after.locator('.status-result > p').first()).toHaveText(`Første mødegang ${week.da} kl. 09:30 er aflyst. Du skal ikke møde op den dag.`);
  await expect(after.getByRole('link', { name: 'Læg første mødegang i din kalender' })).toHaveCount(0);
  await expectNoAxeViolations(after, 'status with the first session cancelled');
  const relooked = await (await request.get(`/api/v1/self-referrals/${receipt.receipt_code}`, { headers: { 'Forebyg-Contact': phone } })).json();
  expect([relooked.first_session, relooked.cancelled_first_session]).toEqual([undefined, { on: week.iso, at: '09:30' }]);
});

/** Denmark's UTC offset on `iso` (YYYY-MM-DD) at noon, as "+01:00" or "+02:00". */
function copenhagenOffset(iso: string): string {
  const noon = new Date(`${iso}T12:00:00Z`);
  const local = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Copenhagen', hour: '2-digit', hourCycle: 'h23' }).format(noon);
  return `+0${Number(local) - 12}:00`;
}
