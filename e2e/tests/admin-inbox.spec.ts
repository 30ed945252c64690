import { expect, test } from './fixtures';
import { bearer, createOffer, devToken, offerTemplate, signInAs, unique } from '../pages/admin-api';
import { enrol } from '../pages/admin-pages';
import { REGION, clinicianToken, phone as patientPhone, referableOffer, regionAdmin } from '../pages/clinician-api';
import { expectNoAxeViolations } from './a11y';

test('an admin works a self-referral to enrolled, and the citizen receipt shows it', async ({ page, request }) => {
  const token = await devToken(request, 'oestdanmark');
  const template = await offerTemplate(request, token, unique('Henvendelsestest'));
  const offer = await createOffer(request, token, { ...template, referral: { ...template.referral, response_days: 3 } });
  const name = unique('Karen Testesen');
  const phone = `2${String(Math.floor(Math.random() * 1e7)).padStart(7, '0')}`;
  const res = await request.post(`/api/v1/offers/${offer.id}/self-referrals`, {
    data: { idempotency_key: `e2e-${Date.now()}-${Math.random().toString(36).slice(2, 10)}`, name, phone, consent: true },
  });
  expect(res.status(), await res.text()).toBe(201);
  const receipt = await res.json();
  expect(receipt.status).toBe('received');

  await signInAs(page, 'oestdanmark');
  await page.goto('/admin/henvendelser');
  const card = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name }) });
  await expect(card).toContainText('Modtaget');
  await expect(card).toContainText(receipt.receipt_code);
  // Found by the code a person reads out on the phone (any case, without its dash), alone.
  await page.getByLabel('Personens navn eller kode').fill(receipt.receipt_code.replace('-', '').toLowerCase());
  await page.getByRole('button', { name: 'Filtrér' }).click();
  await expect(page).toHaveURL(/[?&]person=/);
  await expect(page.locator('ul.cards > li')).toHaveCount(1);
  await expect(card).toBeVisible();
  // The offer's promise (3 working days) while it waits for contact; not yet past it.
  const [y, m, d] = receipt.contact_by.split('-').map(Number);
  const months = ['jan.', 'feb.', 'mar.', 'apr.', 'maj', 'jun.', 'jul.', 'aug.', 'sep.', 'okt.', 'nov.', 'dec.'];
  await expect(card.locator('.inbox-deadline')).toHaveText(`Lovet kontakt senest ${d}. ${months[m - 1]} ${y}`);
  await expectNoAxeViolations(page, 'inbox');
  // A double-click sends the step once (a walk saw the second click's 409 reported as someone
  // else's change, though the first had saved it).
  const steps: string[] = [];
  page.on('request', (r) => {
    if (r.method() === 'POST' && r.url().endsWith(`/referrals/${receipt.receipt_code}/status`)) steps.push(r.url());
  });
  await card.getByRole('button', { name: `Kontaktet: ${name}`, exact: true }).dblclick();
  await expect(page.getByRole('status').filter({ hasText: `Henvendelse ${receipt.receipt_code} er nu: Kontaktet.` })).toBeVisible();
  expect(steps).toHaveLength(1);
  await expect(card.locator('.inbox-deadline')).toHaveCount(0);
  // Contacted: the first button now takes the contact back (in the same place).
  await expect(card.getByRole('button', { name: `Fortryd kontaktet: ${name}`, exact: true })).toBeEnabled();
  await enrol(card, name);
  await expect(page.getByRole('status').filter({ hasText: `Henvendelse ${receipt.receipt_code} er nu: Tilmeldt.` })).toBeVisible();
  await expect(card.locator('.pill')).toHaveText('Tilmeldt');
  await expect(card.getByRole('button', { name: `Afvis: ${name}` })).toBeDisabled();

  const lookup = await request.get(`/api/v1/self-referrals/${receipt.receipt_code}`, { headers: { 'Forebyg-Contact': phone } });
  expect(lookup.ok()).toBe(true);
  expect((await lookup.json()).status).toBe('enrolled');

  // The citizen's own request has no referrer: the closing note is optional, and says so.
  await card.getByRole('button', { name: `Afslut: ${name}` }).click();
  const panel = card.getByRole('group', { name: 'Afslut henvendelsen' });
  await expect(panel.getByLabel('Afslutningsnotat (valgfrit)')).toBeVisible();
  await expect(panel).not.toContainText('henviseren');
  await panel.getByRole('button', { name: 'Afslut henvendelsen' }).click();
  await expect(page.getByRole('status').filter({ hasText: `Henvendelse ${receipt.receipt_code} er nu: Afsluttet.` })).toBeVisible();
  await expect(card.locator('.pill')).toHaveText('Afsluttet');
});

test('the inbox filters by offer name, status and day, keeps withdrawn requests out of the way, and a decline can be reopened (da, en)', async ({ page, request }) => {
  test.setTimeout(60_000);
  const token = await devToken(request, 'oestdanmark');
  const title = unique('Filtertest');
  const offer = await createOffer(request, token, await offerTemplate(request, token, title));
  const ask = async (name: string, phone: string) => {
    const res = await request.post(`/api/v1/offers/${offer.id}/self-referrals`, {
      data: { idempotency_key: `e2e-${Date.now()}-${Math.random().toString(36).slice(2, 10)}`, name, phone, consent: true },
    });
    expect(res.status(), await res.text()).toBe(201);
    return (await res.json()).receipt_code as string;
  };
  const digits = () => `2${String(Math.floor(Math.random() * 1e7)).padStart(7, '0')}`;
  const [stays, leaves] = [unique('Bo Filter'), unique('Ulla Trukket')];
  const phone = digits();
  const code = await ask(stays, phone);
  const otherPhone = digits();
  const withdrawnCode = await ask(leaves, otherPhone);
  const withdrawn = await request.delete(`/api/v1/self-referrals/${withdrawnCode}`, { headers: { 'Forebyg-Contact': otherPhone } });
  expect(withdrawn.ok()).toBe(true);

  await signInAs(page, 'oestdanmark');
  await page.goto('/admin/henvendelser');
  await page.getByLabel('Tilbuddets navn (eller en del af det)').fill(title.toUpperCase());
  await page.getByRole('button', { name: 'Filtrér' }).click();
  await expect(page).toHaveURL(/tilbud=/);
  await expect(page.getByText('1 henvendelse', { exact: true })).toBeVisible();
  const card = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: stays }) });
  // The phone number as Danes write it, and a tel: link.
  const tel = card.getByRole('link', { name: `${phone.slice(0, 2)} ${phone.slice(2, 4)} ${phone.slice(4, 6)} ${phone.slice(6)}` });
  await expect(tel).toHaveAttribute('href', new RegExp(`^tel:(\\+45)?${phone}$`));
  // A checkbox as large as every other in the workspace (24 px), not the browser's 13 px one.
  expect((await page.getByLabel('Vis også tilbagetrukne').boundingBox())!.width).toBeGreaterThanOrEqual(24);
  await page.getByLabel('Vis også tilbagetrukne').check();
  await page.getByRole('button', { name: 'Filtrér' }).click();
  await expect(page.getByText('2 henvendelser', { exact: true })).toBeVisible();
  // Withdrawing erased the name and contact at once: the card shows the code and the status.
  await expect(page.getByRole('listitem').filter({ hasText: withdrawnCode })).toContainText('Trukket tilbage');
  await expectNoAxeViolations(page, 'inbox with filters');

  // Declining asks for a reason; the decision can be reopened.
  await card.getByRole('button', { name: `Afvis: ${stays}` }).click();
  // The form opens with the focus in its first field, past the other buttons.
  const reason = card.getByLabel('Hvorfor afvises henvendelsen?');
  await expect(reason).toBeFocused();
  // Without a reason, the problem is said at the reason's field, which takes the focus.
  await card.getByRole('button', { name: 'Afvis henvendelsen' }).click();
  await expect(reason).toBeFocused();
  await expect(reason).toHaveAttribute('aria-invalid', 'true');
  await expect(reason).toHaveAccessibleDescription('Vælg en begrundelse for afvisningen.');
  // A citizen's own request: "henvendelsen", not "henvisningen"; no referrer reads the note.
  await reason.selectOption({ label: 'Ingen ledige pladser' });
  await expect(card.getByLabel('Note (skal udfyldes ved »Andet«)')).toHaveAccessibleDescription('Kun til jer selv: borgeren ser ikke noten, kun årsagen, på sin statusside.');
  await card.getByRole('button', { name: 'Afvis henvendelsen' }).click();
  await expect(card.locator('.pill')).toHaveText('Afvist');
  // The reason under a past participle, not the button's verb ("Afvis").
  await expect(card.getByRole('term').filter({ hasText: /^Afvist$/ })).toBeVisible();
  await expect(card.getByRole('term').filter({ hasText: /^Afvis$/ })).toHaveCount(0);
  await expect(card.getByRole('definition').filter({ hasText: 'Ingen ledige pladser' })).toBeVisible();
  // The citizen sees why in plain words, two other offers of the kind nearby, and whom to call.
  const citizen = await page.context().newPage();
  await citizen.goto(`/status?kode=${code}`);
  await citizen.getByLabel('Telefonnummer eller e-mail').fill(phone);
  await citizen.getByRole('button', { name: 'Se status' }).click();
  await expect(citizen.getByText('Der er ingen ledige pladser på tilbuddet.')).toBeVisible();
  await expect(citizen.getByRole('heading', { name: 'To andre tilbud af samme slags i nærheden' })).toBeVisible();
  await expect(citizen.locator('.follow-up li')).toHaveCount(2);
  if (offer.contact.phone) await expect(citizen.locator('.follow-up a[href^="tel:"]')).toBeVisible();
  await expectNoAxeViolations(citizen, 'status of a declined request');
  await citizen.close();
  // Reopened to where it was declined: nobody had called, so it waits for a call again (a walk's
  // reopened decline read "Kontaktet" for a call never made, and could never be overdue).
  await card.getByRole('button', { name: `Genåbn: ${stays}` }).click();
  await expect(card.locator('.pill')).toHaveText('Modtaget');
  await card.getByText('Historik').click();
  await expect(card.getByRole('list', { name: 'Historik' })).toContainText('Ingen ledige pladser');
  // Named by what it takes back: a "Kontaktet" here read as a call no one made.
  await expect(card.getByRole('list', { name: 'Historik' }).getByRole('listitem').last()).toContainText(/^Afvisning fortrudt · /);
  const lookup = await request.get(`/api/v1/self-referrals/${code}`, { headers: { 'Forebyg-Contact': phone } });
  expect((await lookup.json()).status).toBe('received');
  const reopened = await page.context().newPage();
  await reopened.goto(`/status?kode=${code}`);
  await reopened.getByLabel('Telefonnummer eller e-mail').fill(phone);
  await reopened.getByRole('button', { name: 'Se status' }).click();
  await expect(reopened.getByText('Udbyderen har fortrudt afvisningen, så din henvendelse er åben igen. Udbyderen kontakter dig.')).toBeVisible();
  await reopened.close();

  // Status and day filters, kept in the address.
  await page.getByLabel('Status').selectOption('declined');
  await page.getByRole('button', { name: 'Filtrér' }).click();
  await expect(page).toHaveURL(/status=declined/);
  await expect(page.getByText('Ingen henvendelser.')).toBeVisible();
  await page.getByLabel('Status').selectOption('received');
  await page.getByLabel('Modtaget fra og med').fill('2099-01-01');
  await page.getByRole('button', { name: 'Filtrér' }).click();
  await expect(page.getByText('Ingen henvendelser.')).toBeVisible();
  await page.getByLabel('Modtaget fra og med').fill('2020-01-01');
  await page.getByRole('button', { name: 'Filtrér' }).click();
  await expect(page.getByText('1 henvendelse', { exact: true })).toBeVisible();
  // A span that ends before it starts is said at its end, not answered with an empty list.
  await page.getByLabel('Modtaget til og med').fill('2019-12-31');
  await page.getByRole('button', { name: 'Filtrér' }).click();
  const to = page.getByLabel('Modtaget til og med');
  await expect(page.locator('#inbox-to-error')).toHaveText('Fejl: Datoen »til og med« må ikke ligge før datoen »fra og med«.');
  await expect(to).toBeFocused();
  await expect(to).toHaveAttribute('aria-invalid', 'true');
  await expect(page).not.toHaveURL(/til=/);
  await expect(page.getByText('1 henvendelse', { exact: true })).toBeVisible();
  await to.fill('');

  // The same page in English, the filters read from the address.
  await page.evaluate(() => localStorage.setItem('forebyg.lang', 'en'));
  await page.reload();
  await expect(page.getByLabel("The offer's name (or part of it)")).toHaveValue(title.toUpperCase());
  await expect(page.getByText('1 request', { exact: true })).toBeVisible();
  await expectNoAxeViolations(page, 'inbox with filters (en)');
});

test('a handler adds notes to a request: shown in its history with author and local time, never to the citizen (da, en)', async ({ page, request }) => {
  test.setTimeout(60_000);
  const token = await devToken(request, 'oestdanmark');
  const offer = await createOffer(request, token, await offerTemplate(request, token, unique('Notetest')));
  const name = unique('Nanna Notesen');
  const phone = `2${String(Math.floor(Math.random() * 1e7)).padStart(7, '0')}`;
  const res = await request.post(`/api/v1/offers/${offer.id}/self-referrals`, {
    data: { idempotency_key: `e2e-${Date.now()}-${Math.random().toString(36).slice(2, 10)}`, name, phone, consent: true },
  });
  expect(res.status(), await res.text()).toBe(201);
  const code = (await res.json()).receipt_code as string;
  // A second request to the same offer, answered while the note is being written.
  const other = unique('Otto Andersen');
  const second = await request.post(`/api/v1/offers/${offer.id}/self-referrals`, {
    data: { idempotency_key: `e2e-${Date.now()}-${Math.random().toString(36).slice(2, 10)}`, name: other, phone, consent: true },
  });
  expect(second.status(), await second.text()).toBe(201);

  await signInAs(page, 'oestdanmark');
  await page.goto(`/admin/henvendelser?tilbud=${encodeURIComponent(offer.title)}`);
  const card = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name }) });
  await card.getByText('Historik og noter').click();
  const form = card.getByRole('form', { name: `Tilføj note: ${name}` });
  await form.getByRole('button', { name: 'Tilføj note' }).click();
  await expect(form).toContainText('Skriv noten.');
  await expect(form.getByLabel('Ny note')).toHaveAttribute('aria-invalid', 'true');
  await expectNoAxeViolations(page, 'note form with an error');
  const note = 'Ringede kl. 10, ingen svar. Prøver igen torsdag.';
  await form.getByLabel('Ny note').fill(note);
  // A decline half prepared on the same card: its reason chosen, its note begun.
  await card.getByRole('button', { name: `Afvis: ${name}` }).click();
  await card.getByLabel('Hvorfor afvises henvendelsen?').selectOption({ label: 'Andet' });
  // Typed key by key: the form is not redrawn under the cursor.
  await card.getByLabel('Note (skal udfyldes ved »Andet«)').pressSequentially('Flytter til Jylland');
  // The list reloads after a change on another card: what is being written stays, in view.
  const otherCard = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: other }) });
  await otherCard.getByRole('button', { name: `Kontaktet: ${other}`, exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'er nu: Kontaktet.' })).toBeVisible();
  await expect(otherCard.getByRole('button', { name: `Fortryd kontaktet: ${other}`, exact: true })).toBeVisible();
  await expect(form.getByLabel('Ny note')).toBeVisible();
  await expect(form.getByLabel('Ny note')).toHaveValue(note);
  await expect(card.getByLabel('Hvorfor afvises henvendelsen?')).toHaveValue('other');
  await expect(card.getByLabel('Note (skal udfyldes ved »Andet«)')).toHaveValue('Flytter til Jylland');
  await expectNoAxeViolations(page, 'a card with a note and a decline being written');
  // "Annullér" drops the decline.
  await card.getByRole('button', { name: 'Annullér' }).click();
  await expect(card.getByLabel('Hvorfor afvises henvendelsen?')).toHaveCount(0);
  await form.getByRole('button', { name: 'Tilføj note' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Noten er tilføjet.' })).toBeVisible();
  await expect(form.getByLabel('Ny note')).toHaveValue('');
  const history = card.getByRole('list', { name: 'Historik' });
  const entry = history.getByRole('listitem').filter({ hasText: note });
  // Author and local time ("1. dec. 2026 09.15"), after the "received" step.
  await expect(entry).toContainText(/^Note · \d{1,2}\. [a-z]{3}\.? \d{4} kl\. \d{2}:\d{2} · Dev /);
  await expect(history.getByRole('listitem').first()).toContainText('Modtaget');
  await expect(card.getByText('Historik og noter (1 note)')).toBeVisible();
  await expectNoAxeViolations(page, 'inbox with a note');

  const lookup = await request.get(`/api/v1/self-referrals/${code}`, { headers: { 'Forebyg-Contact': phone } });
  expect(await lookup.text()).not.toContain('Prøver igen');

  await page.evaluate(() => localStorage.setItem('forebyg.lang', 'en'));
  await page.reload();
  await expect(card.getByText('History and notes (1 note)')).toBeVisible();
  await expect(card.getByRole('list', { name: 'History' }).getByRole('listitem').filter({ hasText: note })).toContainText(/^Note · \d{1,2} [A-Z][a-z]{2} \d{4}, \d{2}:\d{2} · \S/);
  await expectNoAxeViolations(page, 'inbox with a note (en)');
});

// The same person asking twice (a lost receipt, a second try) makes two requests: the inbox marks
// each with the other's code, so the handler calls once. The citizen is not told (anyone can type
// a phone number); a request with another number is not marked.
test('two live requests to one offer with the same phone number are marked as a possible duplicate', async ({ page, request }) => {
  const token = await devToken(request, 'oestdanmark');
  const offer = await createOffer(request, token, await offerTemplate(request, token, unique('Dublettest')));
  const phone = `2${String(Math.floor(Math.random() * 1e7)).padStart(7, '0')}`;
  const ask = async (name: string, phone: string) => {
    const res = await request.post(`/api/v1/offers/${offer.id}/self-referrals`, {
      data: { idempotency_key: `e2e-${Date.now()}-${Math.random().toString(36).slice(2, 10)}`, name, phone, consent: true },
    });
    expect(res.status(), await res.text()).toBe(201);
    return (await res.json()).receipt_code as string;
  };
  const [first, second, other] = [unique('Dorte Dobbelt'), unique('Dorte Dobbelt igen'), unique('Anna Anden')];
  const firstCode = await ask(first, phone);
  const secondCode = await ask(second, `+45 ${phone.slice(0, 2)} ${phone.slice(2, 4)} ${phone.slice(4, 6)} ${phone.slice(6)}`);
  await ask(other, `3${phone.slice(1)}`);

  await signInAs(page, 'oestdanmark');
  await page.goto('/admin/henvendelser');
  const card = (name: string) => page.getByRole('listitem').filter({ has: page.getByRole('heading', { name, exact: true }) });
  await expect(card(first).locator('.inbox-same-contact')).toHaveText(
    `Mulig dublet Samme telefonnummer eller e-mail som henvendelse ${secondCode} til dette tilbud: måske den samme person, der har spurgt to gange.`,
  );
  await expect(card(second).locator('.inbox-same-contact')).toContainText(firstCode);
  await expect(card(other)).toBeVisible();
  await expect(card(other).locator('.inbox-same-contact')).toHaveCount(0);
  await expectNoAxeViolations(page, 'inbox with a possible duplicate');
});

// Danish staff read a CPR number as DDMMYY-SSSS: the inbox shows the dash, whatever the referral
// sent (the API keeps the 10 digits).
test("a clinician's referral shows the patient's CPR number with its dash", async ({ page, request }) => {
  const admin = await regionAdmin(request);
  // Referred through Forebyg, and open to the citizen's own request too (for the sender filter).
  const template = await offerTemplate(request, admin, unique('Henvisningshold'));
  const offer = await createOffer(request, admin, { ...template, referral: { ...template.referral, self_referral: true, from_gp: true, methods: [], response_days: 3 } });
  const patient = unique('Cpr Patientsen');
  const res = await request.post(`/api/v1/clinician/offers/${offer.id}/referrals`, {
    headers: bearer(await clinicianToken(request, unique('Lægehuset CPR'))),
    data: { idempotency_key: `e2e-${Date.now()}-cpr`, patient_name: patient, phone: patientPhone(), cpr: '0101601234', conditions: ['kol'], reason: 'KOL, FEV1 55 %', patient_consent: true },
  });
  expect(res.status(), await res.text()).toBe(201);

  await signInAs(page, REGION);
  await page.goto('/admin/henvendelser');
  const card = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: patient }) });
  // With the age it gives (born 1 January 1960), for the offer's age limit.
  const age = new Date().getFullYear() - 1960;
  await expect(card.getByRole('definition').filter({ hasText: /^010160/ })).toHaveText(`010160-1234 (${age} år)`);
  // The referrer's reason, named as such (not "Besked", which is the citizen's own words).
  await expect(card.locator('dt', { hasText: 'Begrundelse for henvisningen' })).toBeVisible();
  await expect(card.getByRole('definition').filter({ hasText: 'KOL, FEV1 55 %' })).toBeVisible();

  // "Afsender": the clinicians' referrals only, or the citizens' own requests only, in the address.
  const own = await request.post(`/api/v1/offers/${offer.id}/self-referrals`, {
    data: { idempotency_key: `e2e-${Date.now()}-own`, name: unique('Selv Spørgersen'), phone: patientPhone(), consent: true },
  });
  expect(own.status(), await own.text()).toBe(201);
  const filters = page.getByRole('search', { name: 'Filtrér henvendelser' });
  await page.getByLabel('Tilbuddets navn').fill(offer.title);
  await page.getByLabel('Afsender').selectOption({ label: 'Henvist af en behandler' });
  await filters.getByRole('button', { name: 'Filtrér' }).click();
  await expect(page).toHaveURL(/afsender=clinician/);
  const cards = page.locator('ul.cards > li');
  await expect(card).toBeVisible();
  await expect(cards.filter({ hasNotText: 'Henvist af' })).toHaveCount(0);
  await page.getByLabel('Afsender').selectOption({ label: 'Borgeren selv' });
  await filters.getByRole('button', { name: 'Filtrér' }).click();
  await expect(page).toHaveURL(/afsender=citizen/);
  await expect(card).toHaveCount(0);
  await expect(cards.first()).toBeVisible();
  await expect(cards.filter({ hasText: 'Henvist af' })).toHaveCount(0);
  await page.reload();
  await expect(page.getByLabel('Afsender')).toHaveValue('citizen');
  await expectNoAxeViolations(page, 'inbox filtered by sender');
});

// Declining a clinician's referral: the note field says who reads it (the referrer, under
// "Begrundelse for afvisning"; not the patient, whose status page gives the reason only), and the
// card then labels the reason "Afvist" (da, en).
test("declining a clinician's referral says the referrer reads the note and the patient does not (da, en)", async ({ page, request }) => {
  const admin = await regionAdmin(request);
  const offer = await referableOffer(request, admin);
  const clinician = await clinicianToken(request, unique('Lægerne i Afvisningsgade'));
  const patient = unique('Aase Afvist');
  const tel = patientPhone();
  const res = await request.post(`/api/v1/clinician/offers/${offer.id}/referrals`, {
    headers: bearer(clinician),
    data: { idempotency_key: `e2e-${Date.now()}-decline`, patient_name: patient, phone: tel, conditions: ['kol'], reason: 'KOL, FEV1 55 %', patient_consent: true },
  });
  expect(res.status(), await res.text()).toBe(201);
  const code = (await res.json()).code as string;

  await signInAs(page, REGION);
  await page.goto(`/admin/henvendelser?tilbud=${encodeURIComponent(offer.title)}`);
  const card = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: patient }) });
  await card.getByRole('button', { name: `Afvis: ${patient}` }).click();
  await card.getByLabel('Hvorfor afvises henvisningen?').selectOption({ label: 'Andet' });
  const note = card.getByLabel('Note (skal udfyldes ved »Andet«)');
  await expect(note).toHaveAccessibleDescription(
    'Den, der henviste, læser noten under »Begrundelse for afvisning«. Borgeren ser ikke noten: statussiden viser kun årsagen.',
  );
  await expectNoAxeViolations(page, "the decline panel of a clinician's referral");
  await note.fill('Holdet flytter til Hjørring; vi ringer, når der er et hold i Aalborg.');
  await card.getByRole('button', { name: 'Afvis henvisningen' }).click();
  await expect(card.locator('.pill')).toHaveText('Afvist');
  await expect(card.getByRole('term').filter({ hasText: /^Afvist$/ })).toBeVisible();
  await expect(card.getByRole('definition').filter({ hasText: /^Andet$/ })).toBeVisible();

  // As the hint says: the referrer has the note, the patient's status lookup does not.
  const theirs = await (await request.get(`/api/v1/clinician/referrals/${code}`, { headers: bearer(clinician) })).json();
  expect(theirs.note).toContain('Holdet flytter til Hjørring');
  const lookup = await request.get(`/api/v1/self-referrals/${code}`, { headers: { 'Forebyg-Contact': tel } });
  expect(lookup.ok()).toBe(true);
  expect(await lookup.text()).not.toContain('Hjørring');

  await page.evaluate(() => localStorage.setItem('forebyg.lang', 'en'));
  await page.reload();
  await expect(card.getByRole('term').filter({ hasText: /^Declined$/ })).toBeVisible();
  // Declined before anyone called: reopened, it is received again.
  await card.getByRole('button', { name: `Reopen: ${patient}` }).click();
  await expect(card.locator('.pill')).toHaveText('Received');
  await card.getByRole('button', { name: `Decline: ${patient}` }).click();
  await expect(card.getByLabel('Note (required with “Other”)')).toHaveAccessibleDescription(
    'The referrer reads the note under “Reason for declining”. The citizen does not see the note: the status page shows only the reason.',
  );
});
