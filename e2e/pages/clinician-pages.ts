import { expect, type Locator, type Page } from '@playwright/test';
import { NO_DEV_LOGIN } from './admin-pages';

/** The clinician pages (`/klinik`, the patient handout, referrals), found by role and label, in
 *  Danish or English. */
export type Lang = 'da' | 'en';

export const T = {
  da: {
    frontLink: 'Er du læge eller sygeplejerske? Find tilbud til din patient',
    footerLink: 'For behandlere: find tilbud til en patient',
    searchH1: 'Find tilbud til din patient',
    kol: 'KOL',
    postcode: 'Patientens postnummer',
    age: 'Patientens alder (valgfrit)',
    search: 'Find tilbud',
    near: 'Tilbud nær 9000 Aalborg',
    intake: 'Afklarende samtale',
    defaultReferral: 'Standardhenvisning',
    notEligible: 'Kan ikke deltage',
    eligible: 'Kan deltage',
    choose: 'Vælg til patientarket',
    makeHandout: 'Lav patientark',
    handoutH1: 'Patientark',
    handoutLang: 'Arkets sprog',
    shareLink: 'Link til arket',
    shortText: 'Kort tekst til sms eller e-mail',
    print: 'Udskriv',
    sheetTitle: 'Forebyggelsestilbud til dig',
    demoNotice: 'Demodata: ikke et rigtigt tilbud',
    allDemo: 'Demodata: tilbuddene er opdigtet til afprøvning og findes ikke.',
    nextStep: 'Dit næste skridt',
    qrLabel: 'QR-kode med adressen på tilbuddets side',
    refer: 'Henvis til',
    signIn: 'Log ind',
    referH1: 'Henvis til',
    patientName: 'Patientens navn',
    phone: 'Telefonnummer',
    callTime: 'Hvornår kan patienten bedst ringes op? (valgfrit)',
    callTimeSent: 'Ringes helst op',
    lateAfternoon: 'Sidst på eftermiddagen (16–18)',
    conditions: 'Patientens sygdom',
    consent: 'Patienten har sagt ja til, at henvisningen sendes',
    send: 'Send henvisningen',
    sent: 'Henvisningen er sendt',
    errorsTitle: 'Der er et problem',
    myReferrals: 'Mine henvisninger',
    backToResults: 'Tilbage til søgningen',
    withdraw: 'Træk henvisningen tilbage',
    confirmWithdraw: 'Ja, træk den tilbage',
    keepReferral: 'Nej, behold den',
    withdrawn: 'Trukket tilbage',
    received: 'Modtaget',
    sent: 'Sendt',
    contacted: 'Kontaktet',
    enrolled: 'Tilmeldt',
    completed: 'Afsluttet',
    closingNote: 'Afslutningsnotat',
    firstSession: 'Første mødegang',
    inProgress: 'Henvisninger i gang',
    closed: 'Lukkede henvisninger',
    findPatient: 'Find en patient (navn eller kode)',
    patientNextStep: 'Næste skridt for patienten',
    openSheet: 'Åbn arket »Fortsæt efter forløbet«',
    sheetH1: 'Fortsæt efter forløbet',
    slipH: 'Du er henvist til et forebyggelsestilbud',
    reprintSlip: 'Vis arket til patienten igen (til udskrift)',
    slipFollow: 'Følg henvisningen',
    slipPrint: 'Udskriv arket',
    slipQrLabel: 'QR-kode med adressen på siden, hvor du følger henvisningen',
    statusCode: 'Kvitteringskode',
    statusContact: 'Telefonnummer eller e-mail',
    statusCheck: 'Se status',
    statusReceived: 'Status: Modtaget',
    changed: 'Nyt siden sidst',
    role: 'Rolle',
    clinicianRole: 'Kliniker (henviser)',
    orgKind: 'Organisationens type',
    orgName: 'Organisationens navn',
    practice: 'Almen praksis',
    devH1: 'Udviklingslogin',
    devFooter: 'og for behandlere, der henviser.',
    devSubmit: 'Log ind',
  },
  en: {
    frontLink: 'Are you a doctor or nurse? Find offers for your patient',
    footerLink: 'For clinicians: find offers for a patient',
    searchH1: 'Find offers for your patient',
    kol: 'COPD',
    postcode: "The patient's postcode",
    age: "The patient's age (optional)",
    search: 'Find offers',
    near: 'Offers near 9000 Aalborg',
    intake: 'Intake conversation',
    defaultReferral: 'Default referral',
    notEligible: 'Not eligible',
    eligible: 'Eligible',
    choose: 'Choose for the patient handout',
    makeHandout: 'Make patient handout',
    handoutH1: 'Patient handout',
    handoutLang: 'Language of the sheet',
    shareLink: 'Link to the handout',
    shortText: 'Short text for text message or e-mail',
    print: 'Print',
    sheetTitle: 'Prevention offers for you',
    demoNotice: 'Demo data: not a real offer',
    allDemo: 'Demo data: these offers are made up for testing and do not exist.',
    nextStep: 'Your next step',
    qrLabel: "QR code with the address of the offer's page",
    refer: 'Refer to',
    signIn: 'Sign in',
    referH1: 'Refer to',
    patientName: "The patient's name",
    phone: 'Phone number',
    callTime: 'When is the best time to call the patient? (optional)',
    callTimeSent: 'Best time to call',
    lateAfternoon: 'Late afternoon (16–18)',
    conditions: "The patient's condition",
    consent: 'The patient agreed to the referral being sent',
    send: 'Send the referral',
    sent: 'The referral has been sent',
    errorsTitle: 'There is a problem',
    myReferrals: 'My referrals',
    backToResults: 'Back to the search',
    withdraw: 'Withdraw the referral',
    confirmWithdraw: 'Yes, withdraw it',
    keepReferral: 'No, keep it',
    withdrawn: 'Withdrawn',
    received: 'Received',
    sent: 'Sent',
    contacted: 'Contacted',
    enrolled: 'Enrolled',
    completed: 'Completed',
    closingNote: 'Closing note',
    firstSession: 'First session',
    inProgress: 'Referrals in progress',
    closed: 'Closed referrals',
    findPatient: 'Find a patient (name or code)',
    patientNextStep: "The patient's next step",
    openSheet: 'Open the sheet “Carry on after the course”',
    sheetH1: 'Carry on after the course',
    slipH: 'You have been referred to a prevention offer',
    reprintSlip: "Show the patient's sheet again (to print)",
    slipFollow: 'Follow the referral',
    slipPrint: 'Print the sheet',
    slipQrLabel: 'QR code with the address of the page where you follow the referral',
    statusCode: 'Receipt code',
    statusContact: 'Phone number or e-mail',
    statusCheck: 'Check status',
    statusReceived: 'Status: Received',
    changed: 'New since last time',
    role: 'Role',
    clinicianRole: 'Clinician (referrer)',
    orgKind: "The organisation's kind",
    orgName: "The organisation's name",
    practice: 'General practice',
    devH1: 'Development sign-in',
    devFooter: 'and for referring clinicians.',
    devSubmit: 'Sign in',
  },
};

/** Sets the UI language before the page's scripts run. */
export async function useLanguage(page: Page, lang: Lang): Promise<void> {
  if (lang === 'en') await page.addInitScript(() => window.localStorage.setItem('forebyg.lang', 'en'));
}

/** `/klinik`: conditions, postcode and age in; offers grouped by intervention out. */
export class ClinicianSearchPage {
  readonly t: (typeof T)['da'];
  readonly heading: Locator;
  readonly postcode: Locator;
  readonly age: Locator;
  readonly submit: Locator;
  readonly resultsHeading: Locator;

  constructor(readonly page: Page, readonly lang: Lang = 'da') {
    this.t = T[lang];
    this.heading = page.getByRole('heading', { level: 1, name: this.t.searchH1 });
    this.postcode = page.getByLabel(this.t.postcode);
    this.age = page.getByLabel(this.t.age);
    this.submit = page.getByRole('button', { name: this.t.search, exact: true });
    this.resultsHeading = page.getByRole('heading', { level: 2, name: this.t.near });
  }

  async goto(query = ''): Promise<void> {
    await this.page.goto(`/klinik${query}`);
    await expect(this.heading).toBeVisible();
  }

  condition(name: string): Locator {
    return this.page.getByRole('checkbox', { name, exact: true });
  }

  /** An intervention's section of the results. */
  group(name: string): Locator {
    return this.page.getByRole('region', { name: new RegExp(`^${name}`) });
  }

  /** Every offer card of the results. */
  get cards(): Locator {
    return this.page.locator('.clinic-results').getByRole('article');
  }

  /** Cards with this eligibility verdict. */
  cardsWith(verdict: string): Locator {
    return this.cards.filter({ has: this.page.locator('.eligibility__verdict', { hasText: new RegExp(`${verdict}$`) }) });
  }

  async search(postcode: string, conditions: string[], age?: string): Promise<void> {
    for (const c of conditions) await this.condition(c).check();
    await this.postcode.fill(postcode);
    if (age) await this.age.fill(age);
    await this.submit.click();
    await expect(this.resultsHeading).toBeFocused();
  }

  /** The title of a card (its `<h4>`). */
  async title(card: Locator): Promise<string> {
    return (await card.getByRole('heading', { level: 4 }).innerText()).trim();
  }

  choose(title: string): Locator {
    return this.page.getByRole('checkbox', { name: `${this.t.choose}: ${title}` });
  }

  get makeHandout(): Locator {
    return this.page.getByRole('link', { name: this.t.makeHandout });
  }
}

/** `/klinik/til-patienten`: the handout, its language, print, share link and short text. */
export class HandoutPage {
  readonly t: (typeof T)['da'];
  readonly heading: Locator;
  readonly shareLink: Locator;
  readonly shortText: Locator;
  readonly print: Locator;

  constructor(readonly page: Page, readonly lang: Lang = 'da') {
    this.t = T[lang];
    this.heading = page.getByRole('heading', { level: 1, name: this.t.handoutH1 });
    this.shareLink = page.getByLabel(this.t.shareLink, { exact: true });
    this.shortText = page.getByLabel(this.t.shortText, { exact: true });
    this.print = page.getByRole('button', { name: this.t.print, exact: true });
  }

  /** The handout itself, titled in the handout's language. */
  sheet(handoutLang: Lang): Locator {
    return this.page.getByRole('article', { name: T[handoutLang].sheetTitle });
  }

  handoutLanguage(name: 'Dansk' | 'English'): Locator {
    return this.page.getByRole('radio', { name });
  }
}

/** The dev issuer's authorize page, as a clinician of a practice (or of `kind`, its label:
 *  "Hospitalsafdeling"). */
export async function chooseClinician(page: Page, lang: Lang, organisation: string, kind?: string): Promise<void> {
  const t = T[lang];
  await expect(page.getByRole('heading', { level: 1, name: t.devH1 }), NO_DEV_LOGIN).toBeVisible();
  // The page is the admin workspace's, but it speaks to the clinician too.
  await expect(page.locator('.site-footer')).toContainText(t.devFooter);
  await page.getByLabel(t.role).selectOption({ label: t.clinicianRole });
  await page.getByLabel(t.orgKind).selectOption({ label: kind ?? t.practice });
  await page.getByLabel(t.orgName).fill(organisation);
  await page.getByRole('button', { name: t.devSubmit }).click();
}

/** Counts the pages of the page printed to PDF (Chromium's print rendering, A4). */
export async function printedPages(page: Page): Promise<number> {
  const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true });
  return (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
}
