import { expect, test } from './fixtures';
import { bearer, createOffer, devToken, offerTemplate, unique, signInAs } from '../pages/admin-api';
import { AdminEditorPage } from '../pages/admin-pages';
import { expectNoAxeViolations } from './a11y';

// Forgiving data entry in the offer editor (#15 point 12): a date picker, weekly times from a day
// and two time pickers each, languages as checkboxes, the raw coordinates out of the way, the save
// button in reach.
test('the offer editor takes dates and weekly times from pickers and languages as checkboxes, with the save bar in reach (da, en)', async ({ page, request }) => {
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
  // Moving through the form with the keyboard, no field ends up behind the bar: each focused
  // field's first line shows above it (the whole field, if it is shorter than a line).
  // (The suite runs under reduced motion: scrolling is instant, so each step is measured where it ends.)
  const bar = page.locator('.save-bar');
  await page.getByRole('heading', { level: 1 }).focus();
  const hidden: string[] = [];
  for (let i = 0; i < 120; i++) {
    await page.keyboard.press('Tab');
    const behind = await bar.evaluate((b) => {
      const field = document.activeElement as HTMLElement;
      if (b.contains(field) || field === document.body) return null;
      const r = field.getBoundingClientRect();
      return r.top + Math.min(r.height, 48) > b.getBoundingClientRect().top ? `${field.tagName}#${field.id}` : null;
    });
    if (behind) hidden.push(behind);
  }
  expect(hidden, 'fields focused behind the save bar').toEqual([]);

  const languages = page.getByRole('group', { name: 'Sprog' });
  await languages.getByRole('checkbox', { name: 'Arabisk' }).check();
  await languages.getByRole('checkbox', { name: 'Engelsk' }).check();
  await expect(editor.field('Næste start')).toHaveAttribute('type', 'date');
  // A Wednesday about 40 days ahead, and the Tuesday before it.
  const later = new Date(Date.now() + 40 * 86_400_000);
  later.setUTCDate(later.getUTCDate() + ((3 - later.getUTCDay() + 7) % 7));
  const wednesday = later.toISOString().slice(0, 10);
  later.setUTCDate(later.getUTCDate() - 1);
  const start = later.toISOString().slice(0, 10);
  await editor.field('Næste start').fill(wednesday);
  // The offer's weekly times are rows of pickers; they go and come one by one.
  await editor.clearSlots();
  await expect(editor.slots.getByRole('group')).toHaveCount(0);
  await editor.addSlot('Tirsdag', '17:30', '19:00');
  await editor.addSlot('Torsdag', '09:00', '11:00');
  await expect(editor.slots.getByRole('group', { name: 'Tid 1' }).getByLabel('Fra kl.')).toHaveAttribute('type', 'time');
  // A start on none of the weekly days is pointed out (not refused); on one of them, not.
  const offDays = page.getByRole('status').filter({ hasText: 'Næste start er en onsdag, men holdet mødes tirsdag og torsdag. Passer datoen?' });
  await expect(offDays).toBeVisible();
  await editor.field('Næste start').fill(start);
  await expect(offDays).toHaveCount(0);
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

  // The saved times come back as their rows.
  await page.reload();
  const second = editor.slots.getByRole('group', { name: 'Tid 2' });
  await expect(second.getByLabel('Dag')).toHaveValue('thu');
  await expect(second.getByLabel('Fra kl.')).toHaveValue('09:00');
  await expect(second.getByLabel('Til kl.')).toHaveValue('11:00');
  // A time without its end is named in the error summary, which leads to the times.
  await editor.slots.getByRole('button', { name: 'Tilføj en tid' }).click();
  const third = editor.slots.getByRole('group', { name: 'Tid 3' });
  await third.getByLabel('Dag').selectOption({ label: 'Fredag' });
  // And the place without its municipality.
  const municipality = page.getByLabel('Kommune', { exact: true });
  const municipalityBefore = await municipality.inputValue();
  await municipality.selectOption({ label: 'Vælg kommune' });
  await editor.save.click();
  const summary = page.getByRole('alert').filter({ hasText: 'Der er et problem' });
  await expect(summary).toContainText('Vælg dagen, og angiv start- og sluttid');
  // Each error is marked on the control it is about, and read with it: the time's missing
  // ends (not its day, nor the other times), the municipality.
  await expect(third.getByLabel('Fra kl.')).toHaveAttribute('aria-invalid', 'true');
  await expect(third.getByLabel('Til kl.')).toHaveAttribute('aria-invalid', 'true');
  await expect(third.getByLabel('Til kl.')).toHaveAccessibleDescription(/Vælg dagen, og angiv start- og sluttid/);
  await expect(third.getByLabel('Dag')).not.toHaveAttribute('aria-invalid', 'true');
  await expect(second.getByLabel('Til kl.')).not.toHaveAttribute('aria-invalid', 'true');
  await expect(municipality).toHaveAttribute('aria-invalid', 'true');
  await expect(municipality).toHaveAccessibleDescription(/.+/);
  await summary.getByRole('link', { name: /Vælg dagen/ }).click();
  await expect(editor.slots.getByRole('group', { name: 'Tid 1' }).getByLabel('Dag')).toBeFocused();
  await expectNoAxeViolations(page, 'offer editor with a time error');
  await municipality.selectOption(municipalityBefore);
  await editor.slots.getByRole('button', { name: 'Fjern tid 3' }).click();
  await expect(editor.slots.getByRole('button', { name: 'Tilføj en tid' })).toBeFocused();
  await expect(editor.slots.getByRole('group')).toHaveCount(2);

  await page.evaluate(() => localStorage.setItem('forebyg.lang', 'en'));
  await page.reload();
  await expect(page.getByRole('group', { name: 'Languages' }).getByRole('checkbox', { name: 'Arabic' })).toBeChecked();
  await expect(page.getByRole('group', { name: 'Save the offer' })).toBeInViewport();
  await expect(page.getByLabel('Next start', { exact: true })).toHaveValue(start);
  const weekly = page.getByRole('group', { name: 'Weekly times' });
  await expect(weekly.getByRole('group', { name: 'Time 1' }).getByLabel('Day')).toHaveValue('tue');
  await expect(weekly.getByRole('button', { name: 'Add a time' })).toBeVisible();
  await expectNoAxeViolations(page, 'offer editor (en)');
});

// The place's point (#15 point 12): from the postcode's centre as soon as a postcode is typed,
// adjustable on a small map (Leaflet; the e2e tile server is unreachable, so the map has no
// background and says so), with the latitude/longitude fields as the keyboard's way.
test("the offer's point comes from the postcode and can be moved on the map or typed (da, en)", async ({ page, request }) => {
  test.setTimeout(90_000);
  const token = await devToken(request, 'midtjylland');
  const offer = await createOffer(request, token, await offerTemplate(request, token, unique('Punkttest')), false);
  const centre = (await (await request.get('/api/v1/postcodes/8200')).json()).point;
  await signInAs(page, 'midtjylland');
  await page.goto(`/admin/tilbud/${offer.id}`);
  const editor = new AdminEditorPage(page);
  await expect(editor.field('Titel')).toHaveValue(offer.title);
  const map = page.locator('forebyg-point-map');
  await expect(map).toHaveAttribute('data-ready', 'true');
  const pin = map.getByRole('img', { name: 'Tilbuddets sted' });
  await expect(pin).toHaveCount(1);

  // No point: the pin goes; a typed postcode brings it back at the postcode's centre.
  await page.getByText(/^Koordinater: /).click();
  await editor.field('Breddegrad').fill('');
  await editor.field('Længdegrad').fill('');
  await expect(pin).toHaveCount(0);
  await editor.field('Postnummer').fill('');
  await editor.field('Postnummer').fill('8200');
  await expect(page.getByRole('status').filter({ hasText: 'Koordinaterne for 8200' })).toContainText('træk nålen på kortet');
  await expect(editor.field('Breddegrad')).toHaveValue(centre.lat.toFixed(5));
  await expect(editor.field('Længdegrad')).toHaveValue(centre.lon.toFixed(5));
  await expect(pin).toHaveCount(1);
  await expect(map.getByRole('region', { name: 'Kort over tilbuddets sted' })).toBeVisible();
  await expect(map.getByText('Kortets baggrund kunne ikke indlæses')).toBeVisible();
  await expectNoAxeViolations(page, 'offer editor with the point map');

  // Dragging the pin south-east moves the point.
  const box = (await pin.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height - 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2 + 40, box.y + box.height + 30, { steps: 8 });
  await page.mouse.up();
  await expect.poll(async () => Number(await editor.field('Breddegrad').inputValue())).toBeLessThan(centre.lat);
  expect(Number(await editor.field('Længdegrad').inputValue())).toBeGreaterThan(centre.lon);
  // A click on the map puts the pin there (north of it: near the top of the map).
  const dragged = Number(await editor.field('Breddegrad').inputValue());
  const canvas = (await map.getByRole('region', { name: 'Kort over tilbuddets sted' }).boundingBox())!;
  await page.mouse.click(canvas.x + canvas.width / 2, canvas.y + 12);
  await expect.poll(async () => Number(await editor.field('Breddegrad').inputValue())).toBeGreaterThan(dragged);
  const clicked = { lat: await editor.field('Breddegrad').inputValue(), lon: await editor.field('Længdegrad').inputValue() };

  // The fields are the keyboard's way: typed numbers move the pin; the map keeps no focus.
  await editor.field('Breddegrad').fill('56,16');
  await expect(map).toHaveAttribute('data-lat', '56.16');
  await editor.field('Breddegrad').fill(clicked.lat);
  await page.getByRole('button', { name: 'Hent koordinater fra postnummeret' }).focus();
  let reached = false;
  for (let i = 0; i < 10 && !reached; i++) {
    await page.keyboard.press('Tab');
    reached = await page.evaluate(() => document.activeElement?.tagName === 'SUMMARY');
  }
  expect(reached, 'Tab passes the map on to the coordinates').toBe(true);

  await editor.save.click();
  await expect(editor.message).toHaveText('Ændringerne er gemt.');
  const saved = await (await request.get(`/api/v1/admin/offers/${offer.id}`, { headers: bearer(token) })).json();
  expect(saved.location.postcode).toBe('8200');
  expect(saved.location.point.lat).toBeCloseTo(Number(clicked.lat), 5);
  expect(saved.location.point.lon).toBeCloseTo(Number(clicked.lon), 5);

  await page.evaluate(() => localStorage.setItem('forebyg.lang', 'en'));
  await page.reload();
  await expect(page.locator('forebyg-point-map')).toHaveAttribute('data-ready', 'true');
  await expect(page.getByRole('region', { name: "Map of the offer's place" })).toBeVisible();
  await expect(page.getByRole('img', { name: "The offer's place" })).toHaveCount(1);
  await expect(page.getByText('Drag the pin, or click the map')).toBeVisible();
  await expectNoAxeViolations(page, 'offer editor with the point map (en)');
});

// The header's last-confirmed day reads like the admin's other dates, and the residence rule says
// which municipality and region it means: the place's, as the offer's area decides.
test('the editor names the municipality a residence rule means, and dates the last confirmation in words', async ({ page, request }) => {
  const token = await devToken(request, 'midtjylland');
  const template = await offerTemplate(request, token, unique('Bopælstest'));
  const offer = await createOffer(request, token, { ...template, last_verified: '2026-11-17' }, false);
  await signInAs(page, 'midtjylland');
  await page.goto(`/admin/tilbud/${offer.id}`);
  const editor = new AdminEditorPage(page);
  await expect(editor.field('Titel')).toHaveValue(offer.title);
  await expect(page.locator('#editor-status')).toContainText('sidst bekræftet 17. nov. 2026');
  await expect(page.locator('#editor-status')).not.toContainText('2026-11-17');

  const residence = editor.field('Hvor skal deltagerne bo');
  await residence.selectOption({ label: 'Borgere i kommunen' });
  await expect(residence).toHaveAccessibleDescription(/^Kommunen er den, stedet ligger i: \S.*\. Regionen er Region Midtjylland\.$/);
  await editor.field('Kommune').selectOption('0751');
  await expect(residence).toHaveAccessibleDescription('Kommunen er den, stedet ligger i: Aarhus Kommune. Regionen er Region Midtjylland.');
  await expect(page.getByText('Kommunen er den, stedet ligger i: Aarhus Kommune.')).toBeVisible();
  await editor.field('Kommune').selectOption('0615');
  await expect(residence).toHaveAccessibleDescription('Kommunen er den, stedet ligger i: Horsens Kommune. Regionen er Region Midtjylland.');
  await expectNoAxeViolations(page, 'editor with the residence hint');

  // "Stadig korrekt" says today's day in words too, not "2026-12-06".
  await page.reload();
  await page.getByRole('button', { name: 'Stadig korrekt' }).click();
  await expect(editor.message).toHaveText(/^Tilbuddet er bekræftet i dag \(\d{1,2}\. [a-zæøå]+\.? \d{4}\)\.$/);
});

// A walk corrected an offer due for confirming and took the save for the confirmation: the
// editor says the offer is due and that saving a correction does not confirm the rest, until
// "Stadig korrekt".
test('an offer due for confirming says so until "Stadig korrekt", a saved correction notwithstanding', async ({ page, request }) => {
  const token = await devToken(request, 'midtjylland');
  const template = await offerTemplate(request, token, unique('Bekræftelsestest'));
  const offer = await createOffer(request, token, { ...template, last_verified: '2026-01-04' }, false);
  await signInAs(page, 'midtjylland');
  await page.goto(`/admin/tilbud/${offer.id}`);
  const editor = new AdminEditorPage(page);
  const due = page.locator('#editor-due');
  await expect(due).toContainText('At gemme en rettelse bekræfter ikke resten.');
  await editor.field('Titel').fill(`${offer.title} (rettet)`);
  await editor.save.click();
  await expect(editor.message).toHaveText('Ændringerne er gemt.');
  await expect(due).toBeVisible();
  await expectNoAxeViolations(page, 'editor of an offer due for confirming');
  await page.getByRole('button', { name: 'Stadig korrekt' }).click();
  await expect(editor.message).toHaveText(/^Tilbuddet er bekræftet i dag/);
  await expect(due).toHaveCount(0);
});
