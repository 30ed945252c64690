import { expect, test, type APIRequestContext } from './fixtures';
import { SignupPage, type Lang } from '../pages/signup-page';
import { expectNoAxeViolations } from './a11y';

// Issue #15 point 6 (copy), in Danish and English, on a phone and a desktop: every error names its
// field; a phone number from another country is explained (write the e-mail address instead)
// rather than only refused; the format filter's options read as people think; and an English
// offer page says when the offer's own text is only in Danish. (The saved list and its buttons are
// in citizen-saved.spec.ts, the one message about a bad postcode in search.spec.ts.)

const COPY = {
  da: {
    name: 'Skriv dit navn.',
    contact: 'Skriv dit telefonnummer eller din e-mailadresse, så udbyderen kan kontakte dig.',
    consent: 'Du skal give samtykke, før vi kan sende din henvendelse.',
    foreign: 'Udbyderne kan kun ringe til danske telefonnumre. Har du ikke et dansk nummer, så skriv din e-mailadresse i stedet, og lad telefonfeltet være tomt.',
    bare: /Feltet skal udfyldes|Ugyldig værdi/,
    formatLabel: 'Hvordan foregår det?',
    formats: ['Alle former', 'Fremmøde', 'Digitalt', 'Både fremmøde og digitalt'],
    more: /^Flere valg/,
  },
  en: {
    name: 'Enter your name.',
    contact: 'Enter your phone number or e-mail address, so the provider can contact you.',
    consent: 'You must consent before we can send your request.',
    foreign: 'Providers can only call Danish phone numbers. If you do not have a Danish number, enter your e-mail address instead and leave the phone field empty.',
    bare: /This field is required|Invalid value/,
    formatLabel: 'How does it take place?',
    formats: ['All formats', 'On site', 'Digital', 'Both on site and digital'],
    more: /^More options/,
  },
} as const;

const DANISH_ONLY = 'The description of this offer is only in Danish.';

/** An offer near Aarhus that takes self-referrals and has places. */
async function selfReferralOffer(request: APIRequestContext): Promise<string> {
  const r = await request.get('/api/v1/offers?postcode=8000&self_referral=true&available=true&per_page=5');
  expect(r.ok()).toBe(true);
  return (await r.json()).results[0].offer.id as string;
}

for (const lang of ['da', 'en'] as const satisfies readonly Lang[]) {
  test(`copy (${lang}): errors name their field, a foreign phone number is explained, formats read plainly`, async ({ page, request }) => {
    const c = COPY[lang];
    if (lang === 'en') await page.addInitScript(() => window.localStorage.setItem('forebyg.lang', 'en'));
    const id = await selfReferralOffer(request);
    const signup = new SignupPage(page, lang);
    await signup.goto(id);

    // An empty form: each message says what to write where.
    await signup.submit.click();
    await expect(signup.errorSummary).toBeFocused();
    for (const m of [c.name, c.contact, c.consent]) await expect(signup.errorSummary.getByRole('link', { name: m, exact: true })).toBeVisible();
    await expect(signup.name).toHaveAccessibleDescription(new RegExp(c.name.replace('.', '\\.')));
    await expect(page.getByText(c.bare)).toHaveCount(0);
    await expectNoAxeViolations(page, `signup errors (${lang})`);

    // A Swedish number: the explanation and the way out, next to the field.
    await signup.fill({ name: 'Karin Svensson', phone: '+46 70 123 45 67' });
    await signup.submit.click();
    await expect(signup.errorSummary).toBeFocused();
    await expect(signup.errorSummary.getByRole('link', { name: c.foreign, exact: true })).toBeVisible();
    await expect(signup.phone).toHaveAttribute('aria-invalid', 'true');
    await expect(signup.phone).toHaveAccessibleDescription(new RegExp(c.foreign.split('.')[0]));
    await expectNoAxeViolations(page, `foreign phone number (${lang})`);

    // The offer page: in English it says the offer's own text is Danish; in Danish nothing.
    await page.goto(`/tilbud/${id}`);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(page.getByText(DANISH_ONLY)).toHaveCount(lang === 'en' ? 1 : 0);
    await expectNoAxeViolations(page, `offer page (${lang})`);

    // The format filter's options.
    await page.goto('/');
    await page.getByText(c.more).click();
    await expect(page.getByLabel(c.formatLabel).locator('option')).toHaveText([...c.formats]);
    await expectNoAxeViolations(page, `search form with more options (${lang})`);
  });
}
