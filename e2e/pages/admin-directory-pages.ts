import { expect, type Locator, type Page } from '@playwright/test';

/** The provider and location pages ("Udbydere", "Steder"), found by role and label only. */
export class AdminLocationPage {
  constructor(readonly page: Page) {}

  field(label: string): Locator {
    return this.page.getByLabel(label, { exact: true });
  }

  get save(): Locator {
    return this.page.getByRole('button', { name: /^(Gem ændringer|Opret)$/ });
  }

  get message(): Locator {
    return this.page.locator('#record-message');
  }

  get failure(): Locator {
    return this.page.locator('#record-failure');
  }

  get conflict(): Locator {
    return this.page.getByRole('region', { name: 'Nogen har gemt, mens du redigerede' });
  }

  get errorSummary(): Locator {
    return this.page.getByRole('alert').filter({ hasText: 'Der er et problem' });
  }

  /** Fills a new location of `provider` at `address` in `postcode` (coordinates looked up). */
  async fillNew(o: { provider: string; name: string; address: string; postcode: string; municipality: string }): Promise<void> {
    await this.field('Udbyder').selectOption({ label: o.provider });
    await this.field('Stedets navn').fill(o.name);
    await this.field('Adresse').fill(o.address);
    await this.field('Postnummer').fill(o.postcode);
    await this.page.getByRole('button', { name: 'Hent koordinater fra postnummeret' }).click();
    await expect(this.field('Breddegrad')).not.toHaveValue('');
    await expect(this.field('By')).not.toHaveValue('');
    await this.field('Kommune').selectOption({ label: o.municipality });
  }
}
