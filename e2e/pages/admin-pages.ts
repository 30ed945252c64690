import { expect, type Locator, type Page } from '@playwright/test';

/** The admin workspace's pages, found by role and label only. */
export const regionLabels: Record<string, string> = {
  nordjylland: 'Region Nordjylland',
  midtjylland: 'Region Midtjylland',
  syddanmark: 'Region Syddanmark',
  oestdanmark: 'Region Østdanmark',
};

/** `/admin/login`: "Log ind" starts the code flow with PKCE at the identity provider. */
export class AdminLoginPage {
  readonly heading: Locator;
  readonly submit: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: 'Log ind' });
    this.submit = page.getByRole('button', { name: 'Log ind' });
  }

  /**
   * The whole browser flow: `start` (an admin page) → /admin/login → Log ind → /admin/dev-login
   * (the dev issuer's authorize page) → /admin/callback → back at `start`, whose h1 is `h1`.
   */
  async signIn(region: string, role = 'Regional administrator', start = '/admin', h1 = 'Overblik'): Promise<void> {
    await this.page.goto(start);
    await expect(this.page).toHaveURL(/\/admin\/login$/);
    await expect(this.heading).toBeVisible();
    await this.submit.click();
    const dev = new AdminDevLoginPage(this.page);
    await expect(this.page).toHaveURL(/\/admin\/dev-login\?.*code_challenge_method=S256/);
    await expect(dev.heading, NO_DEV_LOGIN).toBeVisible();
    await dev.choose(role, region);
    await dev.submit.click();
    await expect(this.page.getByRole('heading', { level: 1, name: h1, exact: true })).toBeVisible();
    await expect(this.page).toHaveURL(new RegExp(`${start.replace(/[?]/g, '\\?')}$`));
  }
}

/**
 * What a test says when the development sign-in page is missing: dist/ was built to deploy, and a
 * deployed build has no such page (scripts/build-app.sh).
 */
export const NO_DEV_LOGIN = 'no development sign-in page: build dist/ with FOREBYG_DEV_LOGIN=1 scripts/build-app.sh';

/** `/admin/dev-login`: the development issuer's authorize page (role, region, provider). */
export class AdminDevLoginPage {
  readonly heading: Locator;
  readonly role: Locator;
  readonly region: Locator;
  readonly submit: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: 'Udviklingslogin' });
    this.role = page.getByLabel('Rolle');
    this.region = page.getByLabel('Region');
    this.submit = page.getByRole('button', { name: 'Log ind' });
  }

  async choose(role: string, region: string): Promise<void> {
    await this.role.selectOption({ label: role });
    if (await this.region.isVisible()) {
      await this.region.selectOption({ label: region });
    }
  }
}

export class AdminEditorPage {
  constructor(readonly page: Page) {}

  field(label: string): Locator {
    return this.page.getByLabel(label, { exact: true });
  }

  get save(): Locator {
    return this.page.getByRole('button', { name: /^(Gem ændringer|Opret tilbud)$/ });
  }

  get message(): Locator {
    return this.page.locator('#editor-message');
  }

  get conflict(): Locator {
    return this.page.getByRole('region', { name: 'Nogen har gemt tilbuddet, mens du redigerede' });
  }

  /** The weekly times: a group of rows (a day and two time pickers each). */
  get slots(): Locator {
    return this.page.getByRole('group', { name: 'Ugentlige tider' });
  }

  /** Adds a weekly time with the pickers. */
  async addSlot(day: string, start: string, end: string): Promise<void> {
    await this.slots.getByRole('button', { name: 'Tilføj en tid' }).click();
    const row = this.slots.getByRole('group').last();
    await row.getByLabel('Dag').selectOption({ label: day });
    await row.getByLabel('Fra kl.').fill(start);
    await row.getByLabel('Til kl.').fill(end);
  }

  /** Removes every weekly time. */
  async clearSlots(): Promise<void> {
    const remove = this.slots.getByRole('button', { name: /^Fjern tid/ });
    while ((await remove.count()) > 0) await remove.first().click();
  }

  /** Without `provider`, the one the form starts with (a provider editor's own). */
  async fillNew(o: { title: string; category: string; postcode: string; municipality: string; provider?: string }): Promise<void> {
    await this.field('Titel').fill(o.title);
    await this.field('Kort beskrivelse').fill('Et tilbud oprettet af en automatisk test i administrationen.');
    await this.field('Indsats').selectOption({ label: o.category });
    await this.page.getByRole('group', { name: 'Målgrupper' }).getByRole('checkbox', { name: 'KOL' }).check();
    await this.addSlot('Tirsdag', '10:00', '12:00');
    await this.field('Stedets navn').fill('Sundhedshuset');
    await this.field('Adresse').fill('Testvej 1');
    await this.field('Postnummer').fill(o.postcode);
    await this.page.getByRole('button', { name: 'Hent koordinater fra postnummeret' }).click();
    await expect(this.field('Breddegrad')).not.toHaveValue('');
    // The postcode's municipality comes with its coordinates (the admin may choose another).
    await expect(this.field('Kommune').locator('option:checked')).toHaveText(o.municipality);
    await this.field('Kommune').selectOption({ label: o.municipality });
    // The provider is picked from the provider records.
    if (o.provider) await this.field('Udbyder').selectOption({ label: o.provider });
  }
}

export const adminPages: { path: string; h1: string }[] = [
  { path: '/admin', h1: 'Overblik' },
  { path: '/admin/tilbud', h1: 'Tilbud' },
  { path: '/admin/tilbud/ny', h1: 'Opret et tilbud' },
  { path: '/admin/udbydere', h1: 'Udbydere' },
  { path: '/admin/udbydere/ny', h1: 'Opret udbyder' },
  { path: '/admin/steder', h1: 'Steder' },
  { path: '/admin/steder/ny', h1: 'Opret sted' },
  { path: '/admin/pakker', h1: 'Kronikerpakker' },
  { path: '/admin/pakker/kol', h1: 'Kronikerpakke for KOL' },
  { path: '/admin/foreninger', h1: 'Foreninger' },
  { path: '/admin/foreninger/ny', h1: 'Opret forening' },
  { path: '/admin/aktiviteter', h1: 'Aktiviteter' },
  { path: '/admin/aktiviteter/ny', h1: 'Opret aktivitet' },
  { path: '/admin/henvendelser', h1: 'Henvendelser' },
  { path: '/admin/fejlrapporter', h1: 'Fejlrapporter' },
  { path: '/admin/daekning', h1: 'Dækning' },
  { path: '/admin/import', h1: 'Import og eksport' },
  { path: '/admin/log', h1: 'Log' },
];

/** "Tilmeld" on an inbox card: its form, with the first session agreed when given (`on`
 * YYYY-MM-DD, `at` HH:MM), then "Tilmeld personen". */
export async function enrol(card: Locator, name: string, first?: { on: string; at?: string }): Promise<void> {
  await card.getByRole('button', { name: `Tilmeld: ${name}` }).click();
  const form = card.getByRole('group', { name: 'Tilmeld personen' });
  // The form opens with the focus on its first field.
  await expect(form.getByLabel('Dato for første mødegang (valgfri)')).toBeFocused();
  if (first) {
    await form.getByLabel('Dato for første mødegang (valgfri)').fill(first.on);
    if (first.at) await form.getByLabel('Klokkeslæt (valgfrit)').fill(first.at);
  }
  await form.getByRole('button', { name: 'Tilmeld personen' }).click();
}

/** An inbox card's history ("Historik og noter"), opened. The list is drawn anew after a step on
 * the card, closing it: it is opened once it has been. */
export async function openHistory(card: Locator): Promise<Locator> {
  const history = card.getByRole('list', { name: 'Historik' });
  await expect(async () => {
    if (!(await history.isVisible())) await card.getByText('Historik og noter').click();
    await expect(history).toBeVisible({ timeout: 1000 });
  }).toPass();
  return history;
}

/** The day `days` from today as YYYY-MM-DD, and as the app writes it ("mandag 11. januar 2027",
 * "Monday 11 January 2027"). */
export function dayAhead(days: number): { iso: string; da: string; en: string } {
  const d = new Date(Date.now() + days * 86_400_000);
  const [weekday, day, month, year] = [d.getUTCDay(), d.getUTCDate(), d.getUTCMonth(), d.getUTCFullYear()];
  const da = {
    weekdays: ['søndag', 'mandag', 'tirsdag', 'onsdag', 'torsdag', 'fredag', 'lørdag'],
    months: ['januar', 'februar', 'marts', 'april', 'maj', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'december'],
  };
  const en = {
    weekdays: ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'],
    months: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
  };
  return {
    iso: d.toISOString().slice(0, 10),
    da: `${da.weekdays[weekday]} ${day}. ${da.months[month]} ${year}`,
    en: `${en.weekdays[weekday]} ${day} ${en.months[month]} ${year}`,
  };
}

