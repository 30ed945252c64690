import { expect, test } from './fixtures';
import { bearer, createOffer, devToken, offerTemplate, signInAs, unique } from '../pages/admin-api';
import { AdminEditorPage } from '../pages/admin-pages';
import { expectNoAxeViolations } from './a11y';

test.describe('admin: offers', () => {
  test('an admin creates and publishes an offer, and a citizen search finds it', async ({ page }) => {
    test.setTimeout(60_000);
    await signInAs(page, 'midtjylland');
    await page.goto('/admin/tilbud/ny');
    const editor = new AdminEditorPage(page);
    await expect(page.getByRole('heading', { level: 1, name: 'Opret et tilbud' })).toBeVisible();

    // The browser checks the form first: the summary links to the fields.
    await editor.save.click();
    const summary = page.getByRole('alert').filter({ hasText: 'Der er et problem' });
    await expect(summary).toBeVisible();
    const first = summary.getByRole('link').first();
    await expect(first).toHaveAttribute('href', '#f-title');
    await first.click();
    await expect(editor.field('Titel')).toBeFocused();
    // Each message names its field as the form does; a picked field says "Vælg".
    for (const text of ['Skriv den korte beskrivelse.', 'Vælg udbyderen.', 'Vælg kommunen.']) await expect(summary).toContainText(text);
    await expect(summary).not.toContainText(/resuméet|udbyderens navn|Ukendt kommunekode/);
    await expectNoAxeViolations(page, 'offer form with errors');

    const title = unique('Alkoholsamtale i Fårvang');
    await editor.fillNew({ title, category: 'Samtale om alkohol', postcode: '8882', municipality: 'Silkeborg', provider: 'Silkeborg Kommune' });
    // A next start that has passed is refused at its field.
    await editor.field('Næste start').fill('2020-01-01');
    await editor.save.click();
    await expect(summary.getByRole('link', { name: 'Næste start må ikke ligge før i dag.' })).toHaveAttribute('href', '#f-next_start');
    await editor.field('Næste start').fill('');
    await editor.save.click();
    await expect(page).toHaveURL(/\/admin\/tilbud\/alkoholsamtale-i-f/);
    await expect(editor.message).toContainText('oprettet som kladde');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Rediger »${title}«`);

    await page.getByRole('button', { name: 'Offentliggør' }).click();
    await expect(editor.message).toHaveText('Status er nu: Offentliggjort.');
    await expect(page.getByRole('button', { name: 'Afpublicér' })).toBeVisible();

    // The citizen's search finds it, nearest first.
    await page.goto('/?postcode=8882&category=alkohol');
    await expect(page.getByRole('link', { name: title })).toBeVisible();
  });

  test('two admins edit at once: the second sees what changed and reapplies', async ({ browser, request }) => {
    test.setTimeout(60_000);
    const token = await devToken(request, 'midtjylland');
    const offer = await createOffer(request, token, await offerTemplate(request, token, unique('Samtidig redigering')), false);

    const a = await browser.newContext();
    const b = await browser.newContext();
    const pageA = await a.newPage();
    const pageB = await b.newPage();
    for (const p of [pageA, pageB]) {
      await signInAs(p, 'midtjylland');
      await p.goto(`/admin/tilbud/${offer.id}`);
      await expect(new AdminEditorPage(p).field('Titel')).toHaveValue(offer.title);
    }
    const edA = new AdminEditorPage(pageA);
    const edB = new AdminEditorPage(pageB);
    const newTitle = `${offer.title} (rettet)`;
    await edA.field('Titel').fill(newTitle);
    await edA.save.click();
    await expect(edA.message).toHaveText('Ændringerne er gemt.');

    await edB.field('By').fill('Andetsted');
    await edB.save.click();
    await expect(edB.conflict).toBeVisible();
    const titleRow = edB.conflict.getByRole('row', { name: /^Titel/ });
    await expect(titleRow).toContainText(newTitle);
    await expect(titleRow).toContainText('Den gemte værdi bruges');
    await expect(edB.conflict.getByRole('row', { name: /^By/ })).toContainText('Din værdi bruges');
    await expectNoAxeViolations(pageB, 'edit conflict');

    await pageB.getByRole('button', { name: 'Genanvend mine ændringer' }).click();
    await expect(edB.conflict).toHaveCount(0);
    await expect(edB.field('Titel')).toHaveValue(newTitle);
    await expect(edB.field('By')).toHaveValue('Andetsted');
    await edB.save.click();
    await expect(edB.message).toHaveText('Ændringerne er gemt.');

    const saved = await (await request.get(`/api/v1/admin/offers/${offer.id}`, { headers: bearer(token) })).json();
    expect(saved.title).toBe(newTitle);
    expect(saved.location.city).toBe('Andetsted');
    expect(saved.version).toBe(offer.version + 2);
    await a.close();
    await b.close();
  });

  test('the listings table filters and marks stale offers', async ({ page }) => {
    await signInAs(page, 'midtjylland');
    await page.goto('/admin/tilbud');
    await expect(page.getByRole('table', { name: 'Tilbud' })).toBeVisible();
    await page.getByLabel('Kun tilbud der skal bekræftes').check();
    await page.getByRole('button', { name: 'Vis tilbud' }).click();
    await expect(page).toHaveURL(/bekraeftes=1/);
    const rows = page.getByRole('table', { name: 'Tilbud' }).getByRole('row');
    await expect(rows.nth(1)).toContainText('Skal bekræftes');
    // An offer's way back leads to the list as it was left (a walk's admin re-verifying the due
    // offers one by one was led back to the whole list after each).
    await rows.nth(1).getByRole('link').first().click();
    await expect(page.getByRole('heading', { level: 1, name: /^Rediger / })).toBeVisible();
    await page.getByRole('link', { name: 'Tilbage til tilbuddene' }).click();
    await expect(page).toHaveURL(/\/admin\/tilbud\?.*bekraeftes=1/);
    await expect(page.getByLabel('Kun tilbud der skal bekræftes')).toBeChecked();
    await page.getByLabel('Kun tilbud der skal bekræftes').uncheck();
    await page.getByLabel('Søg i titel, udbyder, sted og by').fill('zzzz-findes-ikke');
    await page.getByRole('button', { name: 'Vis tilbud' }).click();
    await expect(page.getByText('Ingen tilbud passer til filtrene.')).toBeVisible();
  });

  test('unpublishing and archiving ask first: cancel (button or Escape) changes nothing, yes does it', async ({ page, request }) => {
    const token = await devToken(request, 'midtjylland');
    const offer = await createOffer(request, token, await offerTemplate(request, token, unique('Bekræft status')));
    const status = async () => (await (await request.get(`/api/v1/admin/offers/${offer.id}`, { headers: bearer(token) })).json()).status;
    await signInAs(page, 'midtjylland');
    await page.goto(`/admin/tilbud/${offer.id}`);
    const editor = new AdminEditorPage(page);
    await expect(editor.field('Titel')).toHaveValue(offer.title);
    const question = page.locator('#status-confirm-question');
    const step = page.getByRole('group', { name: /Afpublicér|Arkivér/ });

    // Unpublish: the question takes the focus; Escape puts it back on the button, nothing changed.
    const unpublish = page.getByRole('button', { name: 'Afpublicér', exact: true });
    await unpublish.click();
    await expect(question).toBeFocused();
    await expect(question).toHaveText(`Afpublicér »${offer.title}«? Tilbuddet bliver en kladde og forsvinder fra søgningen, indtil det offentliggøres igen.`);
    await expect(step.getByRole('button', { name: 'Ja, afpublicér' })).toBeVisible();
    await expectNoAxeViolations(page, 'offer editor asking to unpublish');
    await page.keyboard.press('Escape');
    await expect(step).toHaveCount(0);
    await expect(unpublish).toBeFocused();
    expect(await status()).toBe('published');

    // Archive: "Annullér" keeps it too; the keyboard reaches "Ja, arkivér" from the question.
    const archive = page.getByRole('button', { name: 'Arkivér', exact: true });
    await archive.click();
    await expect(question).toBeFocused();
    await expect(question).toContainText('Arkivér »');
    await step.getByRole('button', { name: 'Annullér' }).click();
    await expect(step).toHaveCount(0);
    await expect(archive).toBeFocused();
    expect(await status()).toBe('published');
    await expect(page.locator('#editor-status')).toContainText('Offentliggjort');

    // Someone asks to join meanwhile: archiving says they still wait for an answer, and where
    // (a walk archived an offer with a request left "Modtaget" on the person's status page).
    const asked = await request.post(`/api/v1/offers/${offer.id}/self-referrals`, {
      data: { idempotency_key: `e2e-${Date.now()}-${Math.random().toString(36).slice(2, 10)}`, name: 'Vera Venter', phone: '23456789', consent: true },
    });
    expect(asked.status(), await asked.text()).toBe(201);
    await archive.click();
    // The question takes the focus after the step renders; Tab only from there, as a person would.
    await expect(question).toBeFocused();
    await expect(question).toContainText('1 henvendelse er hverken tilmeldt eller afvist endnu. Afklar den først: personen venter på svar eller på en plads.');
    const toInbox = question.getByRole('link', { name: 'Se den i Henvendelser' });
    await expect(toInbox).toHaveAttribute('href', `/admin/henvendelser?tilbud=${encodeURIComponent(offer.title)}&tilbud-id=${offer.id}`);
    await page.keyboard.press('Tab');
    await expect(toInbox).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(step.getByRole('button', { name: 'Ja, arkivér' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(editor.message).toHaveText('Status er nu: Arkiveret.');
    expect(await status()).toBe('archived');

    // Left waiting anyway, the request says in the inbox that its offer can no longer be found,
    // so it gets settled rather than forgotten.
    await page.goto(`/admin/henvendelser?tilbud=${encodeURIComponent(offer.title)}&tilbud-id=${offer.id}`);
    await expect(page.locator('ul.cards > li')).toHaveCount(1);
    const card = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'Vera Venter' }) });
    await expect(card.locator('.pill--archived')).toHaveText('Arkiveret');
    await expect(card).toContainText('Tilbuddet er arkiveret: ingen nye kan finde det eller bede om at komme med. Kan personen stadig komme med, så tilmeld dem; ellers hjælp dem videre til et andet tilbud, eller afvis henvendelsen med en begrundelse.');
    await expectNoAxeViolations(page, 'inbox with a request to an archived offer');
  });
});

// Unsaved changes are not lost to a stray click or a reload (a walk lost an edited title to
// "Tilbage til tilbuddene"): leaving asks first, and "no" keeps the page as typed.
test('leaving the offer editor with unsaved changes asks first', async ({ page, request, dialogs }) => {
  const token = await devToken(request, 'midtjylland');
  const offer = await createOffer(request, token, await offerTemplate(request, token, unique('Forlad ikke')), false);
  await signInAs(page, 'midtjylland');
  await page.goto(`/admin/tilbud/${offer.id}`);
  const editor = new AdminEditorPage(page);
  await expect(editor.field('Titel')).toHaveValue(offer.title);
  const menu = page.getByRole('navigation', { name: 'Administration' }).getByRole('link', { name: 'Tilbud', exact: true });

  // Nothing typed: no question.
  await menu.click();
  await expect(page.getByRole('heading', { level: 1, name: 'Tilbud' })).toBeVisible();
  expect(dialogs.seen).toEqual([]);

  await page.goBack();
  await editor.field('Titel').fill(`${offer.title} (rettet)`);
  dialogs.accept = false;
  await menu.click();
  expect(dialogs.seen).toEqual([{ type: 'confirm', message: 'Du har ændringer, der ikke er gemt. Vil du forlade siden uden at gemme dem?' }]);
  await expect(page).toHaveURL(new RegExp(`/admin/tilbud/${offer.id}$`));
  await expect(editor.field('Titel')).toHaveValue(`${offer.title} (rettet)`);

  // Saved, the page is left without a question.
  await editor.save.click();
  await expect(editor.message).toHaveText('Ændringerne er gemt.');
  await menu.click();
  await expect(page.getByRole('heading', { level: 1, name: 'Tilbud' })).toBeVisible();
  expect(dialogs.seen).toHaveLength(1);

  // A reload asks the browser's own question.
  await page.goBack();
  await editor.field('Titel').fill(`${offer.title} (igen)`);
  dialogs.accept = true;
  await page.reload();
  await expect(editor.field('Titel')).toHaveValue(`${offer.title} (rettet)`);
  expect(dialogs.seen.map((d) => d.type)).toEqual(['confirm', 'beforeunload']);
});

// A walk found an offer in the list, edited it and pressed the browser's Back: the edit was gone
// without a question. Back asks as a link does: "no" stays on the page as typed, "yes" leaves.
test("the browser's Back from the offer editor with unsaved changes asks first", async ({ page, request, dialogs }) => {
  const token = await devToken(request, 'midtjylland');
  const offer = await createOffer(request, token, await offerTemplate(request, token, unique('Tilbage ikke')), false);
  await signInAs(page, 'midtjylland');
  await page.goto(`/admin/tilbud?soeg=${encodeURIComponent(offer.title)}`);
  await page.getByRole('link', { name: offer.title, exact: true }).click();
  const editor = new AdminEditorPage(page);
  await expect(editor.field('Titel')).toHaveValue(offer.title);
  await editor.field('Titel').fill(`${offer.title} (rettet)`);
  dialogs.accept = false;
  await page.goBack();
  await expect.poll(() => dialogs.seen.length).toBe(1);
  expect(dialogs.seen[0]).toEqual({ type: 'confirm', message: 'Du har ændringer, der ikke er gemt. Vil du forlade siden uden at gemme dem?' });
  await expect(page).toHaveURL(new RegExp(`/admin/tilbud/${offer.id}$`));
  await expect(editor.field('Titel')).toHaveValue(`${offer.title} (rettet)`);
  dialogs.accept = true;
  await page.goBack();
  await expect(page.getByRole('heading', { level: 1, name: 'Tilbud' })).toBeVisible();
  await expect(page).toHaveURL(/\/admin\/tilbud\?soeg=/);
  expect(dialogs.seen).toHaveLength(2);
  // Nothing typed, Back asks nothing.
  await page.goForward();
  await expect(editor.field('Titel')).toHaveValue(offer.title);
  await page.goBack();
  await expect(page.getByRole('heading', { level: 1, name: 'Tilbud' })).toBeVisible();
  expect(dialogs.seen).toHaveLength(2);
});
