import { expect, type Locator, type Page } from '@playwright/test';

/** The search page at `/`. */
export class SearchPage {
  readonly heading: Locator;
  readonly postcode: Locator;
  readonly radius: Locator;
  readonly submit: Locator;
  readonly resultsHeading: Locator;
  readonly resultList: Locator;
  readonly results: Locator;
  readonly errorSummary: Locator;
  readonly nextPage: Locator;
  readonly previousPage: Locator;
  readonly townConfirmation: Locator;
  readonly moreOptions: Locator;
  readonly condition: Locator;
  readonly useLocation: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: 'Find et forebyggelsestilbud' });
    this.postcode = page.getByLabel('Dit postnummer');
    this.radius = page.getByLabel('Hvor langt vil du rejse?');
    this.submit = page.getByRole('button', { name: 'Søg', exact: true });
    this.resultsHeading = page.getByRole('heading', { level: 2, name: /tilbud inden for/ });
    this.resultList = page.getByRole('list', { name: /tilbud inden for/ });
    this.results = this.resultList.getByRole('article');
    this.errorSummary = page.getByRole('alert');
    this.nextPage = page.getByRole('link', { name: 'Næste side' });
    this.previousPage = page.getByRole('link', { name: 'Forrige side' });
    this.townConfirmation = page.locator('#postcode-town');
    this.moreOptions = page.getByText(/^Flere valg/);
    // The illness is in the core search, not under "Flere valg" (issue #15 point 5).
    this.condition = page.getByLabel('Sygdom', { exact: true });
    this.useLocation = page.getByRole('button', { name: 'Brug min placering' });
  }

  category(name: string): Locator {
    return this.page.getByRole('checkbox', { name, exact: true });
  }

  async goto(query = ''): Promise<void> {
    await this.page.goto(`/${query}`);
    // The wasm app has started when the form is there.
    await expect(this.postcode).toBeVisible();
  }

  async search(postcode: string, categories: string[] = [], radius?: string): Promise<void> {
    await this.postcode.fill(postcode);
    for (const c of categories) await this.category(c).check();
    if (radius) {
      // The distance is under "Flere valg" (issue #15 point 5).
      if (!(await this.radius.isVisible())) await this.moreOptions.click();
      await this.radius.selectOption({ label: radius });
    }
    await this.submit.click();
  }

  /** The distance of each result card in km, `null` for a digital offer. */
  async distances(): Promise<(number | null)[]> {
    await expect(this.results.first()).toBeVisible();
    // "Afstand: " is visually hidden text inside the distance paragraph.
    const texts = await this.results.getByText('Afstand:', { exact: false }).locator('..').allTextContents();
    return texts.map((t) => {
      const m = /([\d.]+(?:,\d+)?) km/.exec(t);
      if (m) return Number(m[1].replace(/\./g, '').replace(',', '.'));
      expect(t).toContain('Digitalt');
      return null;
    });
  }

  /** The link (`<h3><a>`) of the n-th result. */
  resultLink(n: number): Locator {
    return this.results.nth(n).getByRole('heading', { level: 3 }).getByRole('link');
  }
}
