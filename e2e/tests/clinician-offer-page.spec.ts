import { expect, test } from './fixtures';
import { ClinicianSearchPage, HandoutPage } from '../pages/clinician-pages';
import { expectNoAxeViolations } from './a11y';

// From the clinician search an offer's page is the clinician's too: the way back returns to the
// patient's search, and "Til behandleren" (refer, the patient handout) comes before the citizen's
// "Jeg vil gerne deltage". The same page opened from a shared link is the citizen's.
test("an offer opened from the clinician search leads back to it and offers the clinician's actions", async ({ page }) => {
  const query = '?conditions=kol&postcode=9000&age=67';
  const search = new ClinicianSearchPage(page);
  await search.goto(query);
  await expect(search.resultsHeading).toBeVisible();
  const searchUrl = page.url();
  const card = search.cards.filter({ has: page.getByRole('link', { name: /^Henvis til / }) }).first();
  const title = await search.title(card);
  await card.getByRole('heading', { level: 4 }).getByRole('link').click();
  await expect(page).toHaveURL(/\/tilbud\/[^/?]+\?fra=klinik$/);
  const offerUrl = page.url();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);

  const actions = page.getByRole('region', { name: 'Til behandleren' });
  await expect(actions.getByRole('link', { name: `Henvis til ${title}` })).toHaveAttribute('href', /^\/klinik\/henvis\//);
  await expect(actions.getByRole('link', { name: 'Lav patientark' })).toBeVisible();
  // The clinician's actions come before the citizen's joining.
  const order = await page.evaluate(() => {
    const a = document.querySelector('.clinician-actions');
    const j = document.querySelector(
      'article.offer a[href$="/tilmeld"], article.offer .notice:not(.clinician-actions):not(.notice--demo)',
    );
    return a && j ? a.compareDocumentPosition(j) & Node.DOCUMENT_POSITION_FOLLOWING : -1;
  });
  expect(order).toBeGreaterThan(0);
  await expectNoAxeViolations(page, "an offer's page from the clinician search");

  await actions.getByRole('link', { name: 'Lav patientark' }).click();
  await expect(new HandoutPage(page).sheet('da').getByRole('heading', { level: 3 })).toHaveText([title]);
  await page.goBack();
  await expect(page).toHaveURL(offerUrl);

  // "Tilbage til søgningen" is the patient's search, not the citizen's.
  await page.getByRole('link', { name: 'Tilbage til søgningen' }).click();
  await expect(page).toHaveURL(searchUrl);
  await expect(search.resultsHeading).toBeVisible();
  // Back on the card whose title was followed, not at the top of the page.
  const titleLink = card.getByRole('heading', { level: 4 }).getByRole('link');
  await expect(titleLink).toBeFocused();
  await expect(titleLink).toBeInViewport();

  // Shared or scanned, the page is the citizen's.
  await page.goto(offerUrl.replace('?fra=klinik', ''));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
  await expect(page.getByRole('region', { name: 'Til behandleren' })).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'Tilbage til søgningen' })).toHaveAttribute('href', /^\/(\?|$)/);
});

// A full patient handout says so on the card whose box can no longer be ticked, not only in the
// bar far above it.
test('a full handout says why another offer cannot be chosen, where its box is', async ({ page }) => {
  const search = new ClinicianSearchPage(page);
  await search.goto('?conditions=kol&postcode=9000&age=67');
  await expect(search.resultsHeading).toBeVisible();
  const boxes = search.cards.getByRole('checkbox', { name: /^Vælg til patientarket/ });
  for (let i = 0; i < 4; i++) await boxes.nth(i).check();
  const fifth = boxes.nth(4);
  await expect(fifth).toBeDisabled();
  const why = 'Patientarket har højst 4 tilbud. Fjern et for at vælge dette.';
  const card = search.cards.nth(4);
  await expect(card.getByText(why)).toBeVisible();
  await expect(fifth).toHaveAccessibleDescription(why);
  // A chosen card says nothing of the kind; removing one opens the others again.
  await expect(search.cards.nth(0).getByText(why)).toHaveCount(0);
  await boxes.nth(0).uncheck();
  await expect(fifth).toBeEnabled();
  await expect(card.getByText(why)).toHaveCount(0);
});
