import { expect, test } from './fixtures';
import { HandoutPage, printedPages, T } from '../pages/clinician-pages';
import { createOffer, devToken, offerTemplate, unique } from '../pages/admin-api';

// The README promises a handout on one A4 page; the clinician may choose up to four offers. With
// three or four the print layout is compact (.handout--many in app/clinician.css): four offers
// with summaries of the longest allowed kind, a paid price and each capacity still print on one
// page, in Danish and in English, with the day it was handed out, each offer's address to type and
// whom it is for.

const handoutUrl = (ids: string[], lang: 'da' | 'en') => `/klinik/til-patienten?${ids.map((id) => `offer=${id}`).join('&')}&lang=${lang}`;

test('a handout with four offers with long summaries prints on one A4 page in Danish and English', async ({ page, request }) => {
  const admin = await devToken(request, 'nordjylland');
  const long = 'Et forløb for dig, der vil lære at leve godt med en kronisk sygdom: træning to gange om ugen, samtaler om kost, søvn og medicin, og et fællesskab med andre i samme situation. Du får en plan, som du kan følge bagefter, og hjælp til at finde en forening nær dig. Tag gerne en pårørende med.';
  const ids: string[] = [];
  for (const capacity of ['open', 'waitlist', 'full', 'open']) {
    const template = await offerTemplate(request, admin, unique('Et langt navn på et forløb om at leve med kronisk sygdom'));
    // Each with every limit, which the sheet says ("Hvem kan deltage").
    const eligibility = { ...template.eligibility, min_age: 18, max_age: 65, accepted_conditions: template.conditions, residence: 'municipality' };
    const change = { capacity, summary: long, cost: { dkk: 300, note: 'Betales ved start.' }, eligibility };
    ids.push((await createOffer(request, admin, { ...template, ...change, referral: { ...template.referral, self_referral: true } })).id);
  }
  for (const lang of ['da', 'en'] as const) {
    await page.goto(handoutUrl(ids, lang));
    const sheet = new HandoutPage(page, lang).sheet(lang);
    await expect(sheet.getByRole('region')).toHaveCount(4);
    await expect(sheet.getByRole('img', { name: T[lang].qrLabel })).toHaveCount(4);
    await page.emulateMedia({ media: 'print' });
    expect(await printedPages(page), `four offers on one A4 page (${lang})`).toBe(1);
    // Paper ages: it says when it was handed out (today in Denmark) and where the offers are.
    const today = new Intl.DateTimeFormat(lang === 'da' ? 'da-DK' : 'en-GB', { timeZone: 'Europe/Copenhagen', day: 'numeric', month: 'long', year: 'numeric' }).format(new Date());
    const host = new URL(page.url()).host;
    await expect(sheet.locator('.handout__foot')).toContainText(`${lang === 'da' ? 'Udleveret' : 'Handed out on'} ${today}. `);
    await expect(sheet.locator('.handout__foot')).toContainText(`(${host})`);
    // Under each code, its address to type (without "https://").
    for (const [i, id] of ids.entries()) await expect(sheet.locator('.offer-qr__url').nth(i)).toHaveText(`${host}/tilbud/${id}`);
    await page.emulateMedia({ media: 'screen' });
  }
});
