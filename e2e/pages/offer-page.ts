import { expect, type Locator, type Page } from '@playwright/test';

/** The offer page at `/tilbud/:id`. */
export class OfferPage {
  readonly heading: Locator;
  readonly backLink: Locator;
  readonly demoNotice: Locator;
  readonly lastVerified: Locator;

  static readonly sections = [
    'Om tilbuddet',
    'Hvem er det for',
    'Hvad sker der',
    'Hvor',
    'Sådan kommer du med',
    'Pladser',
    'Pris',
    'Kontakt',
    'Udbyder og ansvarlig region',
  ];

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1 });
    this.backLink = page.getByRole('link', { name: 'Tilbage til søgningen' });
    this.demoNotice = page.getByText('Demodata: ikke et rigtigt tilbud');
    this.lastVerified = page.getByText(/^Sidst bekræftet: /);
  }

  section(name: string): Locator {
    return this.page.getByRole('heading', { level: 2, name, exact: true });
  }

  async goto(id: string): Promise<void> {
    await this.page.goto(`/tilbud/${id}`);
    await expect(this.heading).toBeVisible();
  }
}
