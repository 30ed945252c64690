import { expect, test } from './fixtures';
import { expectNoAxeViolations } from './a11y';

// "Fortsæt bagefter" on the offer page: the association activities the offer links to, nearest
// to the place of the citizen's last search first (the demo store links each offer with a place
// to its municipality's activities that suit one of its conditions).
test('offer page lists the linked activities nearest the searched place, in Danish and English', async ({ page, request }) => {
  type Hit = { offer: { id: string } };
  const hits: Hit[] = (await (await request.get('/api/v1/offers?postcode=8000&radius_km=30&format=on-site&per_page=20')).json()).results;
  let id = '';
  let expected: { activity: { name: string }; association_name: string }[] = [];
  for (const h of hits) {
    expected = await (await request.get(`/api/v1/offers/${h.offer.id}/activities?postcode=8000`)).json();
    if (expected.length > 0) {
      id = h.offer.id;
      break;
    }
  }
  expect(id, 'a demo offer near Aarhus links to an activity').not.toBe('');
  const first = expected[0].activity.name as string;

  // The search is remembered in this tab; the offer page then measures from its place.
  await page.goto('/?postcode=8000&radius_km=30');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await page.waitForFunction(() => (sessionStorage.getItem('forebyg.last_search') ?? '').includes('postcode=8000'));
  await page.goto(`/tilbud/${id}`);
  const section = page.locator('section', { has: page.getByRole('heading', { name: 'Fortsæt bagefter', level: 2 }) });
  await expect(section).toBeVisible();
  await expect(section.getByText('Nærmeste først', { exact: false })).toBeVisible();
  await expect(section.getByRole('listitem')).toHaveCount(expected.length);
  await expect(section.getByRole('listitem').first()).toContainText(first);
  await expect(section.getByRole('listitem').first()).toContainText(expected[0].association_name);
  // The distance from the searched place is shown in plain words (km).
  await expect(section.getByRole('listitem').first()).toContainText('km');
  await expectNoAxeViolations(page, 'offer page with "Fortsæt bagefter" (da)');

  await page.evaluate(() => localStorage.setItem('forebyg.lang', 'en'));
  await page.reload();
  const en = page.locator('section', { has: page.getByRole('heading', { name: 'Continue afterwards', level: 2 }) });
  await expect(en.getByRole('listitem').first()).toContainText(first);
  await expect(en.getByText('Nearest first', { exact: false })).toBeVisible();
  await expectNoAxeViolations(page, 'offer page with "Continue afterwards" (en)');
});

test('an offer without linked activities has no "Fortsæt bagefter" section', async ({ page, request }) => {
  type Hit = { offer: { id: string } };
  const hits: Hit[] = (await (await request.get('/api/v1/offers?postcode=8000&format=digital&per_page=1')).json()).results;
  const unlinked = hits[0];
  // A digital demo offer has no place and so no linked activity.
  expect(await (await request.get(`/api/v1/offers/${unlinked.offer.id}/activities`)).json()).toEqual([]);
  // Wait for the page's own request for the linked activities, so the check below is not early.
  const answered = page.waitForResponse((r) => r.url().includes(`/api/v1/offers/${unlinked!.offer.id}/activities`));
  await page.goto(`/tilbud/${unlinked!.offer.id}`);
  expect((await answered).ok()).toBe(true);
  await expect(page.getByText('Sidst bekræftet', { exact: false })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Fortsæt bagefter' })).toHaveCount(0);
});
