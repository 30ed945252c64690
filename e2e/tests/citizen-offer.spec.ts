import { expect, test } from './fixtures';
import { expectNoAxeViolations } from './a11y';
import { createOffer, devToken, offerTemplate, unique } from '../pages/admin-api';

test('offer page: directions, print and share tools, and "Meld fejl i oplysningerne"', async ({ page, request }) => {
  const r = await request.get('/api/v1/offers?postcode=8000&format=on-site&per_page=1');
  const id = (await r.json()).results[0].offer.id as string;
  await page.goto(`/tilbud/${id}`);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Find vej (åbner OpenStreetMap)' })).toHaveAttribute(
    'href',
    /^https:\/\/www\.openstreetmap\.org\/directions\?to=\d+(\.\d+)?%2C\d+(\.\d+)?$/,
  );
  await expect(page.getByRole('button', { name: 'Udskriv' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Del link' })).toBeVisible();

  await page.getByText('Meld fejl i oplysningerne').click();
  await page.getByRole('button', { name: 'Send fejlmelding' }).click();
  const summary = page.getByRole('alert').filter({ hasText: 'Der er et problem' });
  await expect(summary).toBeFocused();
  await expect(page.getByLabel('Beskriv fejlen')).toHaveAttribute('aria-invalid', 'true');
  await expectNoAxeViolations(page, 'offer report with errors (da)');
  await page.getByLabel('Hvad er forkert?').selectOption({ label: 'Tider eller datoer' });
  await page.getByLabel('Beskriv fejlen').fill('Holdet om tirsdagen er flyttet til onsdag.');
  await page.getByRole('button', { name: 'Send fejlmelding' }).click();
  await expect(page.getByText('Tak. Regionen tjekker oplysningerne.')).toBeVisible();
});

test('what joining means is visible before clicking: referral needed, waiting list, Danish-only text', async ({ page, request }) => {
  type Hit = { offer: { id: string; self_referral: boolean; capacity: string; title: string } };
  const hits: Hit[] = (await (await request.get('/api/v1/offers?postcode=8000&radius_km=60&format=on-site&per_page=50')).json()).results;
  const referral = hits.find((h) => !h.offer.self_referral)!;
  const waitlist = hits.find((h) => h.offer.self_referral && h.offer.capacity === 'waitlist')!;
  expect(referral && waitlist, 'the demo data has both kinds near Aarhus').toBeTruthy();

  // The result card says so.
  await page.goto('/?postcode=8000&radius_km=60&format=on-site&per_page=50');
  // (Demo titles repeat: find the card by its link.)
  const card = page.locator('article', { has: page.locator(`a[href="/tilbud/${referral.offer.id}"]`) });
  await expect(card.getByText('Kræver henvisning')).toBeVisible();

  // The offer page gives the next step instead of a button that cannot work.
  await page.goto(`/tilbud/${referral.offer.id}`);
  await expect(page.getByText('Tal med din læge – vis denne side')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Jeg vil gerne deltage' })).toHaveCount(0);
  await page.getByRole('link', { name: 'Udskriv eller del siden' }).click();
  await expect(page.getByRole('button', { name: 'Udskriv' })).toBeInViewport();
  await expectNoAxeViolations(page, 'offer needing a referral (da)');

  await page.goto(`/tilbud/${waitlist.offer.id}`);
  await expect(page.getByText('Der er venteliste', { exact: true })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Skriv mig på ventelisten' })).toBeVisible();

  // In English the page says the offer's own text is Danish.
  await page.evaluate(() => localStorage.setItem('forebyg.lang', 'en'));
  await page.reload();
  await expect(page.getByText('The description of this offer is only in Danish.')).toBeVisible();
  await expect(page.getByText('There is a waiting list', { exact: true })).toBeVisible();
  await expectNoAxeViolations(page, 'offer with a waiting list (en)');
});

test('a course with no start date yet says the start is to be agreed, not "Løbende optag"', async ({ page, request }) => {
  const token = await devToken(request, 'midtjylland');
  const template = await offerTemplate(request, token, unique('Startaftale'));
  const offer = await createOffer(request, token, {
    ...template,
    schedule: { ...template.schedule, enrolment: { kind: 'course', sessions: 8, weeks: 8 }, next_start: null },
  });
  const word = offer.title.split(' ')[1];
  await page.goto(`/?postcode=${offer.location.postcode}&q=${encodeURIComponent(word)}`);
  const card = page.locator('.result').filter({ hasText: offer.title });
  await expect(card.locator('dt', { hasText: /^Start$/ }).locator('xpath=following-sibling::dd[1]')).toHaveText('Start aftales');
  await expect(card).not.toContainText('Løbende optag');
  await card.getByRole('heading', { level: 3 }).getByRole('link').click();
  await expect(page.getByRole('heading', { level: 1, name: offer.title })).toBeVisible();
  await expect(page.locator('dt', { hasText: /^Næste start$/ }).locator('xpath=following-sibling::dd[1]')).toHaveText('Start aftales');
});

// A link drawn as a button keeps the focus look of a link (dark on yellow) when it has the
// keyboard focus, visited or not: white on the yellow focus colour is about 1.3:1.
test('a link drawn as a button stays readable with the keyboard focus', async ({ page, request }) => {
  type Hit = { offer: { id: string; self_referral: boolean; capacity: string } };
  const hits: Hit[] = (await (await request.get('/api/v1/offers?postcode=8000&self_referral=true&available=true')).json()).results;
  const open = hits.find((h) => h.offer.capacity !== 'waitlist')!;
  await page.goto(`/tilbud/${open.offer.id}`);
  const join = page.getByRole('link', { name: 'Jeg vil gerne deltage' });
  await expect(join).toBeVisible();
  // Reach it with the keyboard (its focus is then :focus-visible).
  await join.focus();
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Tab');
  await expect(join).toBeFocused();
  const contrast = await join.evaluate((el) => {
    const rgb = (c: string) => (c.match(/\d+(\.\d+)?/g) ?? []).slice(0, 3).map(Number);
    const lum = (c: number[]) => {
      const [r, g, b] = c.map((v) => v / 255).map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
      return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    };
    const style = getComputedStyle(el);
    const [a, b] = [lum(rgb(style.color)), lum(rgb(style.backgroundColor))].sort((x, y) => y - x);
    return (a + 0.05) / (b + 0.05);
  });
  expect(contrast).toBeGreaterThanOrEqual(4.5);
});

// A full course's join form, reached by its address (an old tab, a bookmark, Back), says it is
// full before anyone fills it in, as the offer page does. Its card and its page do not invite the
// citizen to sign up (a walk found "Du kan selv tilmelde dig" next to "Fuldt booket").
test('a full course says so instead of the join form', async ({ page, request }) => {
  const token = await devToken(request, 'midtjylland');
  const template = await offerTemplate(request, token, unique('Fuldt hold'));
  const offer = await createOffer(request, token, {
    ...template,
    capacity: 'full',
    referral: { ...template.referral, self_referral: true },
  });
  const word = offer.title.split(' ')[2];
  await page.goto(`/?postcode=${offer.location.postcode}&q=${encodeURIComponent(word)}`);
  const card = page.locator('.result').filter({ hasText: offer.title });
  await expect(card).toContainText('Fuldt booket');
  await expect(card).not.toContainText('Du kan selv tilmelde dig');
  await card.getByRole('heading', { level: 3 }).getByRole('link').click();
  await expect(page.getByRole('heading', { level: 1, name: offer.title })).toBeVisible();
  await expect(page.getByText('Du kan selv tilmelde dig, når der bliver plads.', { exact: true })).toBeVisible();
  await expect(page.getByText('Du kan selv tilmelde dig.', { exact: true })).toHaveCount(0);

  await page.goto(`/tilbud/${offer.id}/tilmeld`);
  await expect(page.getByText('Holdet er fuldt', { exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Send' })).toHaveCount(0);
  await expect(page.getByLabel('Dit navn')).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'Find et andet tilbud' })).toBeVisible();
  await expectNoAxeViolations(page, 'join form of a full course');
});
