import { expect, test, type Page } from './fixtures';
import { expectNoAxeViolations } from './a11y';
import { createOffer, devToken, offerTemplate, unique } from '../pages/admin-api';
import { ClinicianSearchPage } from '../pages/clinician-pages';

// An offer only for the residents of its municipality: the clinician search decides it from the
// municipality of the patient's postcode's post town. 9000 lies in Aalborg Kommune, so a patient
// there may join an Aalborg offer ("ud fra postnummeret"); 9440 Aabybro lies in Jammerbugt, 16 km
// away, so the clinician is told to check, with the municipality the postcode belongs to. Before,
// both read "Tjek bopæl". Icelandic (`is`), which no demo offer is given in, puts the offer first
// in its group (the patient's language) whatever the demo data holds nearby.

const AALBORG = { postcode: '9000', city: 'Aalborg', municipality_code: '0851', point: { lat: 57.048, lon: 9.92 } };

async function card(page: Page, postcode: string, title: string) {
  const search = new ClinicianSearchPage(page);
  await search.goto(`?conditions=kol&postcode=${postcode}&age=67&language=is`);
  const found = search.cards.filter({ has: page.getByRole('heading', { name: title, exact: true }) });
  await expect(found).toHaveCount(1);
  return found;
}

test("an offer for the municipality's residents is open to a patient whose postcode lies there", async ({ page, request }) => {
  test.setTimeout(60_000);
  const token = await devToken(request, 'nordjylland');
  const title = unique('Kun for Aalborg');
  const template = await offerTemplate(request, token, title);
  await createOffer(request, token, {
    ...template,
    conditions: ['kol'],
    languages: ['da', 'is'],
    eligibility: { residence: 'municipality' },
    location: { ...template.location, ...AALBORG },
  });

  const here = await card(page, '9000', title);
  await expect(here.locator('.eligibility__verdict')).toHaveText(/Kan deltage$/);
  await expect(here.locator('.eligibility__reasons li')).toHaveText(['For borgere i Aalborg Kommune (ud fra postnummeret)']);
  await expectNoAxeViolations(page, 'a clinician card with a municipality rule met by the postcode');

  const neighbour = await card(page, '9440', title);
  await expect(neighbour.locator('.eligibility__verdict')).toHaveText(/Tjek kriterierne$/);
  await expect(neighbour.locator('.eligibility__reasons li')).toHaveText([
    'Tjek bopæl: tilbuddet er kun for borgere i Aalborg Kommune, og postnummeret hører til Jammerbugt Kommune',
  ]);

  await page.evaluate(() => localStorage.setItem('forebyg.lang', 'en'));
  await page.reload();
  await expect(neighbour.locator('.eligibility__reasons li')).toHaveText([
    'Check residence: the offer is only for residents of Aalborg Municipality, and the postcode belongs to Jammerbugt Municipality',
  ]);
});
