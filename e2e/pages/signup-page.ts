import { expect, type Locator, type Page } from '@playwright/test';

/** Texts of the citizen pages in both languages. */
export const T = {
  da: {
    join: 'Jeg vil gerne deltage',
    signupH1: 'Bed om at deltage',
    name: 'Dit navn',
    phone: 'Telefonnummer',
    email: 'E-mailadresse',
    contactTime: 'Hvornår må vi helst ringe?',
    message: 'Besked til udbyderen (valgfrit)',
    consent: /Jeg giver samtykke/,
    send: 'Send',
    receiptH1: 'Tak, vi har modtaget din henvendelse',
    statusLink: 'Se din henvendelse',
    statusH1: 'Følg din henvendelse',
    code: 'Kvitteringskode',
    contact: 'Telefonnummer eller e-mail',
    lookup: 'Se status',
    withdraw: 'Træk min henvendelse tilbage',
    withdrawYes: 'Ja, træk henvendelsen tilbage',
    withdrawn: 'Din henvendelse er trukket tilbage.',
    received: 'Status: Modtaget',
    withdrawnStatus: 'Status: Trukket tilbage',
    problem: 'Der er et problem',
  },
  en: {
    join: 'I would like to join',
    signupH1: 'Ask to join',
    name: 'Your name',
    phone: 'Phone number',
    email: 'E-mail address',
    contactTime: 'When should we preferably call?',
    message: 'Message to the provider (optional)',
    consent: /I consent/,
    send: 'Send',
    receiptH1: 'Thank you, we have received your request',
    statusLink: 'Check your request',
    statusH1: 'Follow your request',
    code: 'Receipt code',
    contact: 'Phone number or e-mail',
    lookup: 'Check status',
    withdraw: 'Withdraw my request',
    withdrawYes: 'Yes, withdraw the request',
    withdrawn: 'Your request has been withdrawn.',
    received: 'Status: Received',
    withdrawnStatus: 'Status: Withdrawn',
    problem: 'There is a problem',
  },
} as const;
export type Lang = keyof typeof T;

/** The self-referral form at `/tilbud/:id/tilmeld`. */
export class SignupPage {
  readonly t: (typeof T)[Lang];
  readonly heading: Locator;
  readonly name: Locator;
  readonly phone: Locator;
  readonly email: Locator;
  readonly contactTime: Locator;
  readonly message: Locator;
  readonly consent: Locator;
  readonly submit: Locator;
  readonly errorSummary: Locator;

  constructor(readonly page: Page, lang: Lang = 'da') {
    const t = (this.t = T[lang]);
    this.heading = page.getByRole('heading', { level: 1, name: t.signupH1 });
    this.name = page.getByLabel(t.name, { exact: true });
    this.phone = page.getByLabel(t.phone, { exact: true });
    this.email = page.getByLabel(t.email, { exact: true });
    this.contactTime = page.getByLabel(t.contactTime);
    this.message = page.getByLabel(t.message);
    this.consent = page.getByRole('checkbox', { name: t.consent });
    this.submit = page.getByRole('button', { name: t.send, exact: true });
    this.errorSummary = page.getByRole('alert').filter({ hasText: t.problem });
  }

  async goto(id: string): Promise<void> {
    await this.page.goto(`/tilbud/${id}/tilmeld`);
    await expect(this.name).toBeVisible();
  }

  async fill(v: { name: string; phone?: string; email?: string; message?: string; consent?: boolean }): Promise<void> {
    await this.name.fill(v.name);
    if (v.phone) await this.phone.fill(v.phone);
    if (v.email) await this.email.fill(v.email);
    if (v.message) await this.message.fill(v.message);
    if (v.consent ?? true) await this.consent.check();
  }
}

/** The receipt at `/kvittering/:code`. */
export class ReceiptPage {
  readonly heading: Locator;
  readonly code: Locator;
  readonly statusLink: Locator;

  constructor(readonly page: Page, lang: Lang = 'da') {
    const t = T[lang];
    this.heading = page.getByRole('heading', { level: 1, name: t.receiptH1 });
    this.code = page.locator('.receipt__code');
    this.statusLink = page.getByRole('main').getByRole('link', { name: t.statusLink });
  }

  async receiptCode(): Promise<string> {
    await expect(this.code).toHaveText(/^[A-Z0-9-]{4,}$/);
    return (await this.code.textContent())!.trim();
  }
}

/** The status lookup at `/status`. */
export class StatusPage {
  readonly t: (typeof T)[Lang];
  readonly heading: Locator;
  readonly code: Locator;
  readonly contact: Locator;
  readonly lookup: Locator;
  readonly withdraw: Locator;
  readonly withdrawYes: Locator;
  readonly result: Locator;
  readonly failure: Locator;

  constructor(readonly page: Page, lang: Lang = 'da') {
    const t = (this.t = T[lang]);
    this.heading = page.getByRole('heading', { level: 1, name: t.statusH1 });
    this.code = page.getByLabel(t.code);
    this.contact = page.getByLabel(t.contact);
    this.lookup = page.getByRole('button', { name: t.lookup });
    this.withdraw = page.getByRole('button', { name: t.withdraw });
    this.withdrawYes = page.getByRole('button', { name: t.withdrawYes });
    this.result = page.getByRole('heading', { level: 2, name: /^Status: / });
    this.failure = page.locator('#status-failure');
  }

  async check(code: string, contact: string): Promise<void> {
    await this.code.fill(code);
    await this.contact.fill(contact);
    await this.lookup.click();
  }
}
