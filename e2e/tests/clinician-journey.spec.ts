import { expect, test, type Locator, type Page } from './fixtures';
import { ClinicianSearchPage, HandoutPage, T, chooseClinician, printedPages, useLanguage, type Lang } from '../pages/clinician-pages';
import { bearer, signInAs, unique } from '../pages/admin-api';
import { dayAhead, enrol } from '../pages/admin-pages';
import { expectNoAxeViolations } from './a11y';

// The clinician journey of issue #10, once per language and viewport (projects desktop 1280 px
// and mobile 390 px): find offers for a 67-year-old with KOL near 9000, see one marked not
// eligible with its reason, print a handout for two offers, sign in, refer, withdraw a second
// referral; the region admin works the first to completed with a closing note, and the
// clinician sees each step and the note.

/** Fills and sends the referral form for a patient (with the best time to call, if given);
 *  returns the referral's code. */
async function refer(page: Page, t: (typeof T)['da'], patient: string, phone: string, callTime?: string): Promise<string> {
  await page.getByLabel(t.patientName, { exact: true }).fill(patient);
  await page.getByLabel(t.phone, { exact: true }).fill(phone);
  if (callTime) await page.getByLabel(t.callTime, { exact: true }).selectOption({ label: callTime });
  // Required where the offer says what a referral must contain (the demo data's half do).
  await page.getByLabel(/^(Kort begrundelse|Short reason)/).fill('KOL, FEV1 55 %, MRC 3, motiveret for træning');
  await page.getByRole('checkbox', { name: t.consent }).check();
  await page.getByRole('button', { name: t.send }).click();
  const done = page.getByRole('region', { name: t.sent });
  await expect(done).toBeVisible();
  return (await done.locator('.receipt__code').innerText()).trim();
}

/** The "refer" link of a card that takes referrals through Forebyg. */
function referLink(card: Locator, t: (typeof T)['da']): Locator {
  return card.getByRole('link', { name: new RegExp(`^${t.refer} `) });
}

const phone = () => `2${String(Math.floor(Math.random() * 1e7)).padStart(7, '0')}`;

for (const lang of ['da', 'en'] as Lang[]) {
  test(`a clinician finds, hands out, refers and follows a referral to its end (${lang})`, async ({ page, browser }) => {
    test.setTimeout(180_000);
    const t = T[lang];
    await useLanguage(page, lang);

    // Find: from the front page, conditions first.
    await page.goto('/');
    await page.getByRole('link', { name: t.frontLink }).click();
    const search = new ClinicianSearchPage(page, lang);
    await expect(search.heading).toBeVisible();
    await search.search('9000', [t.kol], '67');
    await expect(page).toHaveURL(/\/klinik\?conditions=kol&postcode=9000&age=67$/);
    // Afklarende samtale first, marked as the default referral.
    await expect(page.locator('.clinic-group').first()).toHaveAttribute('aria-labelledby', 'group-afklarende-samtale');
    await expect(search.group(t.intake).getByText(t.defaultReferral, { exact: true })).toBeVisible();
    // An offer the patient may not join says why.
    const refused = search.cardsWith(t.notEligible).first();
    await expect(refused.locator('.eligibility__reasons li').first()).toHaveText(
      lang === 'da' ? /^(For personer på 18–65 år|Kun for .+)$/ : /^(For people aged 18–65|Only for .+)$/,
    );
    await expectNoAxeViolations(page, `clinician search (${lang})`);

    // Hand out: two eligible offers (with different titles) on one printed page, in the other
    // language too.
    const eligible = search.cardsWith(t.eligible);
    const picked = [eligible.first()];
    const firstTitle = await search.title(picked[0]);
    picked.push(eligible.filter({ hasNot: page.getByRole('heading', { level: 4, name: firstTitle, exact: true }) }).first());
    const titles = [firstTitle, await search.title(picked[1])];
    for (const card of picked) await card.getByRole('checkbox', { name: new RegExp(`^${t.choose}`) }).check();
    await expect(page).toHaveURL(/&select=[^&]+&select=[^&]+$/);
    await search.makeHandout.first().click();
    const handout = new HandoutPage(page, lang);
    await expect(handout.heading).toBeVisible();
    await expect(handout.sheet(lang)).toBeVisible();
    const other: Lang = lang === 'da' ? 'en' : 'da';
    await handout.handoutLanguage(other === 'en' ? 'English' : 'Dansk').check();
    const sheet = handout.sheet(other);
    await expect(sheet).toBeVisible();
    await expect(page).toHaveURL(new RegExp(`/klinik/til-patienten\\?offer=[^&]+&offer=[^&]+&lang=${other}$`));
    // The share link is the patient's copy of the same sheet.
    await expect(handout.shareLink).toHaveValue(`${page.url()}&til=patient`);
    for (const title of titles) await expect(handout.shortText).toHaveValue(new RegExp(title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
    await expectNoAxeViolations(page, `handout (${lang})`);

    await page.emulateMedia({ media: 'print' });
    await expect(handout.heading).toBeHidden();
    await expect(handout.print).toBeHidden();
    await expect(page.locator('.site-header')).toBeHidden();
    const offers = sheet.getByRole('region');
    await expect(offers).toHaveCount(2);
    for (let i = 0; i < 2; i++) {
      await expect(offers.nth(i).getByRole('heading', { level: 3 })).toHaveText(titles[i]);
      await expect(offers.nth(i)).toContainText(T[other].nextStep);
      await expect(offers.nth(i).getByRole('img', { name: T[other].qrLabel })).toBeVisible();
    }
    // Printed, demo offers still say they are not real.
    await expect(sheet).toContainText(T[other].allDemo);
    expect(await printedPages(page)).toBe(1);
    await page.emulateMedia({ media: 'screen' });

    // The share link opens the same selection as the patient's copy: the sheet alone, its title
    // the page's heading, each offer's title a link to its page, no clinician's tools.
    const shared = await page.context().newPage();
    await shared.goto(await handout.shareLink.inputValue());
    const patientCopy = new HandoutPage(shared, lang);
    await expect(shared.getByRole('heading', { level: 1 })).toHaveText(T[other].sheetTitle);
    for (const title of titles) await expect(patientCopy.sheet(other).getByRole('link', { name: title, exact: true })).toBeVisible();
    await expect(patientCopy.sheet(other).getByRole('img', { name: T[other].qrLabel })).toHaveCount(0);
    await expect(patientCopy.sheet(other)).toContainText(T[other].allDemo);
    await expect(patientCopy.heading).toHaveCount(0);
    await expect(patientCopy.shareLink).toHaveCount(0);
    await expect(shared.getByRole('link', { name: t.backToResults })).toHaveCount(0);
    await expectNoAxeViolations(shared, `handout, the patient's copy (${lang})`);
    await shared.getByRole('link', { name: titles[0], exact: true }).click();
    await expect(shared).toHaveURL(/\/tilbud\//);
    await expect(shared.getByRole('heading', { level: 1 })).toHaveText(titles[0]);
    await shared.close();

    // Refer: signing in on the way, as a clinician of a practice.
    await page.goBack();
    await expect(search.resultsHeading).toBeVisible();
    const referable = search.cardsWith(t.eligible).filter({ has: page.getByRole('link', { name: new RegExp(`^${t.refer} `) }) });
    await referLink(referable.nth(0), t).click();
    await page.getByRole('button', { name: t.signIn, exact: true }).click();
    await chooseClinician(page, lang, unique('Lægerne i Testgade'));
    await expect(page.getByRole('heading', { level: 1, name: new RegExp(`^${t.referH1} `) })).toBeVisible();
    // The form says first whether the patient of the search may join, as the card did.
    await expect(page.locator('.refer-eligibility .eligibility__verdict')).toHaveText(new RegExp(`${t.eligible}$`));
    await page.getByRole('button', { name: t.send }).click();
    await expect(page.getByRole('alert').getByRole('heading', { name: t.errorsTitle })).toBeVisible();
    await expectNoAxeViolations(page, `referral form with errors (${lang})`);
    // No illness ticked: the summary's line leads to the first illness's box, marked as wrong.
    const kol = page.getByRole('checkbox', { name: t.kol, exact: true });
    await kol.uncheck();
    await page.getByRole('button', { name: t.send }).click();
    await page
      .locator('#error-summary')
      .getByRole('link', { name: lang === 'da' ? 'Vælg mindst én sygdom.' : 'Choose at least one condition.' })
      .click();
    await expect(page.locator('input[type=checkbox][id^="condition-"]').first()).toBeFocused();
    await expect(kol).toHaveAttribute('aria-invalid', 'true');
    await kol.check();
    const first = unique('Karen Klinik');
    const firstPhone = phone();
    const firstCode = await refer(page, t, first, firstPhone, t.lateAfternoon);

    // A sheet for the patient: what happens now and how to follow the referral with its code (no
    // name), in either language; printing the page prints the sheet alone.
    const slip = page.getByRole('article', { name: t.slipH });
    await expect(slip).toContainText(firstCode);
    await expect(slip).not.toContainText(first);
    // The day it was sent, so the patient can tell how long ago.
    const today = new Intl.DateTimeFormat(lang === 'da' ? 'da-DK' : 'en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Copenhagen' }).format(new Date());
    await expect(slip.locator('dt', { hasText: lang === 'da' ? 'Henvist' : 'Referred on' }).locator('xpath=following-sibling::dd[1]')).toHaveText(today);
    await expect(slip.getByRole('img', { name: t.slipQrLabel })).toBeVisible();
    // Its QR code opens the status page in the sheet's language.
    await expect(slip.locator('forebyg-qr')).toHaveAttribute('data-qr-for', new RegExp(`/status\\?kode=${firstCode}&lang=${lang}$`));
    await page.getByRole('group', { name: t.handoutLang }).getByLabel(other === 'en' ? 'English' : 'Dansk').check();
    const otherSlip = page.getByRole('article', { name: T[other].slipH });
    await expect(otherSlip).toContainText(T[other].slipFollow);
    // The QR code's element sets its address once drawn: wait for it (the sheet is redrawn in the
    // other language).
    await expect(otherSlip.locator('forebyg-qr')).toHaveAttribute('data-qr-for', new RegExp(`/status\\?kode=${firstCode}&lang=${other}$`));
    const statusUrl = await otherSlip.locator('forebyg-qr').getAttribute('data-qr-for');
    await expectNoAxeViolations(page, `referral sent, with the patient's sheet (${lang})`);
    await page.emulateMedia({ media: 'print' });
    await expect(page.getByRole('heading', { level: 1 })).toBeHidden();
    await expect(page.getByRole('button', { name: t.slipPrint })).toBeHidden();
    await expect(otherSlip).toBeVisible();
    await expect(otherSlip).toContainText(T[other].demoNotice);
    expect(await printedPages(page)).toBe(1);
    await page.emulateMedia({ media: 'screen' });
    // A reload shows the receipt and the sheet again (the code is in the address), not an empty
    // form that would refer the patient twice. The patient of the search stays in the address, so
    // the receipt's way back leads to their results even where the tab has no last search.
    await expect(page).toHaveURL(new RegExp(`/klinik/henvis/[^/?]+\\?conditions=kol&postcode=[^&]+&.*kode=${firstCode}$`));
    await page.evaluate(() => sessionStorage.removeItem('forebyg-clinician-search'));
    await page.reload();
    await expect(page.locator('#referral-sent')).toContainText(firstCode);
    await expect(page.locator('#referral-sent').getByRole('link', { name: t.backToResults, exact: true })).toHaveAttribute('href', /^\/klinik\?conditions=kol&postcode=/);
    await expect(slip).toContainText(firstCode);
    await expect(page.getByRole('button', { name: t.send })).toHaveCount(0);
    // The patient follows it on their own phone (a new context: no language chosen there): the
    // QR code's address opens the page in the sheet's language with the code filled in; their
    // phone number opens it. The language switch still works there afterwards.
    const phoneContext = await browser.newContext();
    const patient = await phoneContext.newPage();
    await patient.goto(statusUrl!);
    const u = T[other];
    await expect(patient.getByLabel(u.statusCode)).toHaveValue(firstCode);
    await expect(patient.locator('html')).toHaveAttribute('lang', other);
    expect(new URL(patient.url()).search).toBe(`?kode=${firstCode}`);
    await patient.getByLabel(u.statusContact).fill(firstPhone);
    await patient.getByRole('button', { name: u.statusCheck }).click();
    await expect(patient.getByText(u.statusReceived)).toBeVisible();
    await patient.getByRole('button', { name: other === 'en' ? 'Læs siden på dansk' : 'Read this site in English' }).click();
    await expect(patient.locator('html')).toHaveAttribute('lang', lang);
    await expect(patient.getByLabel(t.statusCode)).toHaveValue(firstCode);
    await phoneContext.close();

    // A second referral, withdrawn again.
    await page.locator('#referral-sent').getByRole('link', { name: t.backToResults, exact: true }).click();
    await expect(search.resultsHeading).toBeVisible();
    // An offer the patient may not join: the form says so before anything is typed, and why,
    // with the way back to the other offers.
    const notForThem = search.cardsWith(t.notEligible).filter({ has: page.getByRole('link', { name: new RegExp(`^${t.refer} `) }) });
    await referLink(notForThem.first(), t).click();
    const notice = page.locator('.refer-eligibility');
    await expect(notice.locator('.eligibility__verdict')).toHaveText(new RegExp(`${t.notEligible}$`));
    await expect(notice.locator('.eligibility__reasons li').first()).toHaveText(lang === 'da' ? /^(For personer på 18–65 år|Kun for .+)$/ : /^(For people aged 18–65|Only for .+)$/);
    await expect(notice).toContainText(lang === 'da' ? 'Udbyderen vil sandsynligvis afvise henvisningen.' : 'The provider will probably decline the referral.');
    await notice.getByRole('link', { name: t.backToResults }).click();
    await expect(search.resultsHeading).toBeVisible();
    await referLink(referable.nth(1), t).click();
    const second = unique('Jens Klinik');
    const secondCode = await refer(page, t, second, phone());
    await page.getByRole('link', { name: t.myReferrals, exact: true }).click();
    // Both are in progress; two are too few for a find field.
    const inProgress = page.getByRole('region', { name: new RegExp(`^${t.inProgress} \\(\\d+\\)$`) });
    for (const name of [first, second]) await expect(inProgress.getByRole('heading', { name })).toBeVisible();
    await expect(page.getByRole('region', { name: new RegExp(`^${t.closed} `) })).toHaveCount(0);
    await expect(page.getByRole('searchbox')).toHaveCount(0);
    await page.getByRole('link', { name: new RegExp(secondCode) }).click();
    // A patient who lost the slip gets the same one again from the open referral.
    await page.getByRole('link', { name: t.reprintSlip }).click();
    await expect(page.getByRole('article', { name: t.slipH })).toContainText(secondCode);
    await page.goBack();
    await page.getByRole('button', { name: t.withdraw }).click();
    await page.getByRole('button', { name: t.confirmWithdraw }).click();
    await expect(page.getByRole('status').filter({ hasText: t.withdrawn })).toBeVisible();
    await expectNoAxeViolations(page, `referral detail (${lang})`);
    // The slip's address opened again: what became of the referral, and no slip telling the
    // patient they are referred (a walk printed one after the referral was withdrawn).
    await page.goForward();
    await expect(page.locator('#referral-sent')).toContainText(`Status: ${t.withdrawn}`);
    await expect(page.getByRole('article', { name: t.slipH })).toHaveCount(0);

    // A clinician never reaches the admin workspace: their sign-in is not an admin's.
    await page.goto('/admin');
    await expect(page).toHaveURL(/\/admin\/login$/);

    // The region admin (Nordjylland: 9000 Aalborg) works the first referral to its end.
    const adminContext = await browser.newContext({ viewport: page.viewportSize() });
    const admin = await adminContext.newPage();
    await signInAs(admin, 'nordjylland');
    await admin.goto('/admin/henvendelser');
    const card = admin.getByRole('listitem').filter({ has: admin.getByRole('heading', { name: first }) });
    await expect(card).toContainText('Henvist af');
    await expect(card).toContainText(firstCode);
    // The provider knows when the patient would rather be called.
    await expect(card.locator('dl div').filter({ has: admin.getByRole('term').filter({ hasText: /^Kontakttid$/ }) })).toContainText(T.da.lateAfternoon);
    const pill = card.locator('.pill');
    await card.getByRole('button', { name: `Kontaktet: ${first}`, exact: true }).click();
    await expect(pill).toHaveText('Kontaktet');
    const start = dayAhead(10);
    await enrol(card, first, { on: start.iso, at: '16:30' });
    await expect(pill).toHaveText('Tilmeldt');
    await card.getByRole('button', { name: `Afslut: ${first}` }).click();
    const note = 'Gennemførte 14 af 16 træningsgange. Fortsætter på eget hold.';
    await card.getByLabel('Afslutningsnotat').fill(note);
    await card.getByRole('button', { name: 'Afslut henvisningen' }).click();
    await expect(pill).toHaveText('Afsluttet');
    // The workflow then offers the participant's next-step sheet (a printable citizen page).
    const nextStep = card.getByRole('group', { name: 'Næste skridt til deltageren' });
    await expect(nextStep.getByRole('link', { name: /Arket på engelsk/ })).toHaveAttribute('href', /^\/tilbud\/[^/]+\/fortsaet\?lang=en$/);
    const [sheetTab] = await Promise.all([adminContext.waitForEvent('page'), nextStep.getByRole('link', { name: /Arket på dansk/ }).click()]);
    await expect(sheetTab.getByRole('heading', { level: 1, name: 'Fortsæt efter forløbet' })).toBeVisible();
    await expect(sheetTab.getByText('Du har gennemført', { exact: false })).toBeVisible();
    await sheetTab.close();
    await expectNoAxeViolations(admin, 'inbox with a clinician referral');
    await adminContext.close();

    // The clinician sees each step and the closing note; both referrals are now closed.
    await page.goto('/klinik/henvisninger');
    const closed = page.getByRole('region', { name: `${t.closed} (2)` });
    const mine = closed.getByRole('listitem').filter({ has: page.getByRole('heading', { name: first }) });
    await expect(closed.getByRole('heading', { name: second })).toBeVisible();
    await expect(mine).toContainText(t.completed);
    await expect(mine).toContainText(t.changed);
    await mine.getByRole('link', { name: new RegExp(firstCode) }).click();
    const history = page.getByRole('list', { name: lang === 'da' ? 'Historik' : 'History' });
    // The first step is the clinician's own: "Sendt", not "Modtaget" (read as "the provider has seen it").
    for (const step of [t.sent, t.contacted, t.enrolled, t.completed]) await expect(history).toContainText(step);
    // The first session the provider gave with the enrolment, in the clinician's language.
    await expect(history).toContainText(`${t.firstSession}: ${lang === 'da' ? `${start.da} kl. 16:30` : `${start.en} at 16:30`}`);
    await expect(history).not.toContainText(t.received);
    // What the list called new is marked here too: the provider's three steps since the
    // clinician's last look, not the clinician's own sending.
    const steps = history.getByRole('listitem');
    await expect(steps.filter({ hasText: t.changed })).toHaveCount(3);
    await expect(steps.first()).toContainText(t.sent);
    await expect(steps.first()).not.toContainText(t.changed);
    await expect(page.getByRole('region', { name: t.closingNote })).toContainText(note);
    // The time to call as sent, beside the contact.
    await expect(page.locator('dl.facts div').filter({ has: page.getByRole('term').filter({ hasText: t.callTimeSent }) }).getByRole('definition')).toHaveText(t.lateAfternoon);
    await expectNoAxeViolations(page, `completed referral (${lang})`);
    // The bridge to the associations: the patient's next-step sheet, in the clinician's language.
    await page.getByRole('region', { name: t.patientNextStep }).getByRole('link', { name: t.openSheet }).click();
    await expect(page).toHaveURL(new RegExp(`/tilbud/[^/]+/fortsaet\\?lang=${lang}$`));
    await expect(page.getByRole('heading', { level: 1, name: t.sheetH1 })).toBeVisible();
  });
}

// A clinician with many referrals finds a patient by name or code; the count says how many show.
test('a long list of referrals finds a patient by name or code', async ({ page, request }) => {
  const t = T.da;
  const organisation = { kind: 'practice', name: unique('Lægerne i Listegade') };
  const token = (await (await request.post('/api/v1/dev/token', { data: { role: 'clinician', organisation } })).json()).token as string;
  const answer = await (await request.get('/api/v1/clinician/offers?conditions=kol&postcode=9000&age=67')).json();
  const referable = (answer.groups as { nearby: { offer: { id: string }; refer_through_forebyg: boolean }[] }[])
    .flatMap((g) => g.nearby)
    .filter((h) => h.refer_through_forebyg);
  const patients = ['Anna Andersen', 'Bent Berg', 'Carla Holm', 'Dorte Dal', 'Erik Holm', 'Frida Fog'];
  const codes: string[] = [];
  const promised: (string | undefined)[] = [];
  for (const [i, patient] of patients.entries()) {
    const res = await request.post(`/api/v1/clinician/offers/${referable[i % referable.length].offer.id}/referrals`, {
      headers: bearer(token),
      data: { idempotency_key: `list-${Date.now()}-${i}-${Math.random().toString(36).slice(2, 10)}`, patient_name: patient, phone: phone(), conditions: ['kol'], reason: 'KOL, FEV1 55 %', patient_consent: true },
    });
    expect(res.status(), await res.text()).toBe(201);
    const referral = await res.json();
    codes.push(referral.code);
    promised.push(referral.contact_by);
  }
  await page.goto('/klinik/henvisninger');
  await page.getByRole('button', { name: t.signIn, exact: true }).click();
  await chooseClinician(page, 'da', organisation.name);
  const find = page.getByRole('searchbox', { name: t.findPatient });
  await expect(find).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'Viser 6 af 6 henvisninger.' })).toBeVisible();
  await find.fill('holm');
  await expect(page.getByRole('status').filter({ hasText: 'Viser 2 af 6 henvisninger.' })).toBeVisible();
  const inProgress = page.getByRole('region', { name: `${t.inProgress} (2)` });
  await expect(inProgress.getByRole('heading', { level: 3 })).toHaveCount(2);
  for (const name of ['Carla Holm', 'Erik Holm']) await expect(inProgress.getByRole('heading', { level: 3, name })).toBeVisible();
  await find.fill(codes[1].toLowerCase());
  await expect(page.getByRole('region', { name: `${t.inProgress} (1)` }).getByRole('heading', { level: 3 })).toHaveText('Bent Berg');
  // While a referral waits for the provider's call, its card says by when the offer promised it.
  const k = promised.findIndex((d) => d !== undefined);
  expect(k, 'a demo offer near 9000 that promises contact').toBeGreaterThanOrEqual(0);
  await find.fill(codes[k]);
  const [y, m, d] = promised[k]!.split('-').map(Number);
  const months = ['januar', 'februar', 'marts', 'april', 'maj', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'december'];
  await expect(page.getByRole('region', { name: `${t.inProgress} (1)` }).getByRole('listitem')).toContainText(`Tilbuddet har lovet kontakt senest${d}. ${months[m - 1]} ${y}`);
  await find.fill('Zacharias');
  await expect(page.getByRole('status').filter({ hasText: 'Viser 0 af 6 henvisninger.' })).toBeVisible();
  await expect(page.getByRole('region', { name: /henvisninger/i })).toHaveCount(0);
  await find.fill('');
  await expect(page.getByRole('region', { name: `${t.inProgress} (6)` }).getByRole('listitem')).toHaveCount(6);
  await expectNoAxeViolations(page, 'a long list of referrals');
});
