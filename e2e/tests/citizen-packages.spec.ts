import { expect, test } from './fixtures';
import { expectNoAxeViolations } from './a11y';
import { SearchPage } from '../pages/search-page';

// Kronikerpakker for citizens: the offer page says in plain words which package components an
// offer delivers (names from the package records, which national admins edit), and the search
// can be narrowed to a package under "Flere valg", the choice kept in the address.
type Package = { code: string; name: { da: string; en: string }; components: { code: string; name: { da: string; en: string } }[] };

test('the offer page names the package components the offer delivers, in Danish and English', async ({ page, request }) => {
  const packages: Package[] = await (await request.get('/api/v1/packages')).json();
  const hit = (await (await request.get('/api/v1/offers?postcode=8000&package=kol&per_page=1')).json()).results[0];
  const offer = await (await request.get(`/api/v1/offers/${hit.offer.id}`)).json();
  const delivery = offer.packages.find((d: { package: string }) => d.package === 'kol');
  const kol = packages.find((p) => p.code === 'kol')!;
  const component = kol.components.find((c) => c.code === delivery.components[0])!;

  await page.goto(`/tilbud/${hit.offer.id}`);
  await expect(page.getByText('Tilbuddet er en del af en kronikerpakke', { exact: false })).toBeVisible();
  await expect(page.getByRole('listitem').filter({ hasText: `${kol.name.da}: ` })).toContainText(component.name.da);
  await expectNoAxeViolations(page, 'offer page with its kronikerpakke (da)');

  await page.evaluate(() => localStorage.setItem('forebyg.lang', 'en'));
  await page.reload();
  await expect(page.getByText('The offer is part of a chronic care package', { exact: false })).toBeVisible();
  await expect(page.getByRole('listitem').filter({ hasText: `${kol.name.en}: ` })).toContainText(component.name.en);
  await expectNoAxeViolations(page, 'offer page with its kronikerpakke (en)');
});

test('the search filters by kronikerpakke under "Flere valg", and the address keeps it', async ({ page, request }) => {
  // The heading counts the offers with a place within reach (digital ones are listed apart).
  const all = (await (await request.get('/api/v1/offers?postcode=8000&radius_km=10')).json()).nearby as number;
  const inKol = (await (await request.get('/api/v1/offers?postcode=8000&radius_km=10&package=kol')).json()).nearby as number;
  expect(inKol, 'the package narrows the demo search').toBeGreaterThan(0);
  expect(inKol).toBeLessThan(all);

  const search = new SearchPage(page);
  await search.goto();
  await search.moreOptions.click();
  const select = page.getByLabel('Kronikerpakke', { exact: true });
  await expect(select).toBeVisible();
  await select.selectOption({ label: 'Kronikerpakke for KOL' });
  await expectNoAxeViolations(page, 'search with the kronikerpakke filter open (da)');
  await search.search('8000', [], 'Inden for 10 km');
  await expect(page).toHaveURL(/[?&]package=kol(&|$)/);
  await expect(search.resultsHeading).toHaveText(new RegExp(`^${inKol} tilbud inden for 10 km`));

  // The address alone restores the filter (a shared or reloaded link).
  await page.reload();
  await expect(search.resultsHeading).toHaveText(new RegExp(`^${inKol} tilbud inden for 10 km`));
  await expect(page.getByLabel('Kronikerpakke', { exact: true })).toHaveValue('kol');
});

// An intervention the chosen package leaves out is found at no distance: the answer says so (not
// "try a larger distance") and offers the same search without the package.
test('a search for an intervention the package leaves out says so, with the search without it', async ({ page, request }) => {
  const query = '?postcode=8000&category=alkohol&package=kol';
  const answer = await (await request.get(`/api/v1/offers${query}`)).json();
  expect(answer.outside_package).toEqual(['alkohol']);
  const without = (await (await request.get('/api/v1/offers?postcode=8000&category=alkohol')).json()).nearby as number;
  expect(without, 'alcohol offers near 8000 outside the package').toBeGreaterThan(0);

  const search = new SearchPage(page);
  await page.goto(`/${query}`);
  await expect(search.resultsHeading).toHaveText(/^0 tilbud/);
  await expect(page.getByText('Samtale om alkohol indgår ikke i den valgte pakke: Kronikerpakke for KOL.')).toBeVisible();
  await page.getByRole('link', { name: 'Søg uden kronikerpakke' }).click();
  await expect(page).toHaveURL(/\?postcode=8000&category=alkohol$/);
  await expect(search.resultsHeading).toHaveText(new RegExp(`^${without} tilbud`));
  await expect(page.getByText(/indgår ikke i den valgte pakke/)).toHaveCount(0);
});

test('the clinician search filters by kronikerpakke too: every offer shown delivers part of it', async ({ page, request }) => {
  type Hit = { offer: { id: string; title: string } };
  type Group = { nearby: Hit[]; digital: Hit[] };
  const answer = await (await request.get('/api/v1/clinician/offers?conditions=kol&postcode=9000&package=kol')).json();
  const hits: Hit[] = answer.groups.flatMap((g: Group) => [...g.nearby, ...g.digital]);
  expect(hits.length, 'KOL package offers near Aalborg').toBeGreaterThan(0);
  for (const h of hits) {
    const offer = await (await request.get(`/api/v1/offers/${h.offer.id}`)).json();
    expect(offer.packages.map((d: { package: string }) => d.package), h.offer.id).toContain('kol');
  }

  await page.goto('/klinik');
  await page.getByRole('checkbox', { name: 'KOL', exact: true }).check();
  await page.getByLabel('Patientens postnummer').fill('9000');
  await page.getByLabel('Kronikerpakke').selectOption('kol');
  await page.getByRole('button', { name: 'Find tilbud' }).click();
  await expect(page).toHaveURL(/package=kol/);
  const cards = page.locator('article.clinic-card');
  await expect(cards).toHaveCount(hits.length);
  await expect(cards.first()).toContainText(hits[0].offer.title);
  await expectNoAxeViolations(page, 'clinician search filtered by package');
  // The choice is in the address: a reload keeps it.
  await page.reload();
  await expect(page.getByLabel('Kronikerpakke')).toHaveValue('kol');
  await expect(cards).toHaveCount(hits.length);
});
