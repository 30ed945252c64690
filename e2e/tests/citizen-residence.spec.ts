import { expect, test, type Page } from './fixtures';
import { expectNoAxeViolations } from './a11y';
import { bearer, createOffer, devToken, offerTemplate, signInAs, unique } from '../pages/admin-api';
import { AdminEditorPage } from '../pages/admin-pages';

// Who may attend (#15 point 3): an offer's residence rule (its municipality's residents, its
// region's, or anyone in Denmark) is data the admin sets; the offer page says who the offer is for
// in one plain sentence, and a result card says where participants must live, marked when the
// searched place lies in another region.

type Hit = { offer: { id: string; region: string; residence?: string }; digital: boolean };

async function useEnglish(page: Page): Promise<void> {
  await page.evaluate(() => localStorage.setItem('forebyg.lang', 'en'));
  await page.reload();
}

test('an admin limits an offer to the municipality, and the offer page says so in one sentence', async ({ page, request }) => {
  test.setTimeout(60_000);
  const token = await devToken(request, 'midtjylland');
  const template = await offerTemplate(request, token, unique('Bopælsregel'));
  const offer = await createOffer(request, token, { ...template, eligibility: { min_age: 18 } });
  const municipalities: { code: string; name: string }[] = (await (await request.get('/api/v1/taxonomy')).json()).municipalities;
  const name = municipalities.find((m) => m.code === offer.location.municipality_code)!.name;

  // Not stated yet: the sentence names the age only.
  await page.goto(`/tilbud/${offer.id}`);
  await expect(page.locator('.who-for')).toHaveText('Tilbuddet er for personer på 18 år og derover.');

  await signInAs(page, 'midtjylland');
  await page.goto(`/admin/tilbud/${offer.id}`);
  const editor = new AdminEditorPage(page);
  const residence = page.getByLabel('Hvor skal deltagerne bo');
  await expect(residence).toHaveValue('');
  await residence.selectOption({ label: 'Borgere i kommunen' });
  await editor.save.click();
  await expect(editor.message).toHaveText('Ændringerne er gemt.');
  await expectNoAxeViolations(page, 'offer editor with the residence rule');

  await page.goto(`/tilbud/${offer.id}`);
  const sentence = page.locator('.who-for');
  await expect(sentence).toHaveText(new RegExp(`^Tilbuddet er for personer på 18 år og derover, som bor i ${name}s? Kommune\\.$`));
  await expectNoAxeViolations(page, 'offer page with who may attend (da)');
  await useEnglish(page);
  await expect(sentence).toHaveText(`The offer is for people 18+ who live in ${name} Municipality.`);
  await expectNoAxeViolations(page, 'offer page with who may attend (en)');
});

test('a municipality rule without a place is refused with a sentence naming the field', async ({ request }) => {
  const token = await devToken(request, 'midtjylland');
  const template = await offerTemplate(request, token, unique('Digitalt kun for kommunen'));
  const res = await request.post('/api/v1/admin/offers', {
    headers: bearer(token),
    data: { ...template, format: 'digital', location: null, eligibility: { residence: 'municipality' } },
  });
  expect(res.status()).toBe(422);
  const problem = await res.json();
  const error = problem.errors.find((e: { field: string }) => e.field === 'eligibility.residence');
  expect(error?.message.da, JSON.stringify(problem)).toContain('skal have en adresse');
});

test('result cards say where participants must live, and mark offers of another region', async ({ page, request }) => {
  // A postcode near a region border whose first page holds an offer of the other region.
  let found: { postcode: string; other: Hit; own: Hit } | undefined;
  for (const postcode of ['7120', '7080', '6880', '8990', '7870', '9550']) {
    const answer = await (await request.get(`/api/v1/offers?postcode=${postcode}`)).json();
    const hits: Hit[] = answer.results;
    const other = hits.find((h) => !h.digital && h.offer.region !== answer.origin.region && h.offer.residence === 'region');
    const own = hits.find((h) => !h.digital && h.offer.region === answer.origin.region && h.offer.residence === 'region');
    if (other && own) {
      found = { postcode, other, own };
      break;
    }
  }
  expect(found, 'a border postcode with offers of both regions on its first page').toBeDefined();
  const { postcode, other, own } = found!;

  await page.goto(`/?postcode=${postcode}`);
  const card = (h: Hit) => page.getByRole('article').filter({ has: page.locator(`a[href="/tilbud/${h.offer.id}"]`) });
  await expect(card(other)).toContainText('Hvem kan deltage');
  await expect(card(other)).toContainText('Du søgte fra en anden region');
  await expect(card(own)).toContainText('For borgere i Region');
  await expect(card(own)).not.toContainText('Du søgte fra en anden region');
  // No "Du kan selv tilmelde dig" beside the rule that leaves the searcher out.
  await expect(card(other).getByRole('listitem').filter({ hasText: 'Du kan selv tilmelde dig' })).toHaveCount(0);
  await expectNoAxeViolations(page, 'result cards with residence rules (da)');

  await useEnglish(page);
  await expect(card(other)).toContainText('You searched from another region');
  await expect(card(own)).toContainText('For residents of');
  await expectNoAxeViolations(page, 'result cards with residence rules (en)');
  // The offer page of the other region's offer says why before its join button.
  await card(other).locator(`a[href="/tilbud/${other.offer.id}"]`).first().click();
  await expect(page.locator('.notice--residence')).toContainText(new RegExp(`^Check where you liveYou searched from ${postcode} .+, which lies in .*Region.*\\. The offer is only for residents of .*Region`));
});

// A municipality rule against the searched postcode's post town: a citizen searching from 9440
// Aabybro (Jammerbugt Kommune) sees that an Aalborg offer for Aalborg's residents is likely not
// for them; from 9000 (Aalborg) the card carries no mark. Icelandic (`is`), which no demo offer
// is given in, keeps the offer on the first page whatever the demo data holds nearby.
test('a municipality rule for another municipality than the searched postcode is said on the card, the offer page and the join form', async ({ page, request }) => {
  test.setTimeout(60_000);
  const token = await devToken(request, 'nordjylland');
  const template = await offerTemplate(request, token, unique('Kun for Aalborgs borgere'));
  const aalborg = { postcode: '9000', city: 'Aalborg', municipality_code: '0851', point: { lat: 57.048, lon: 9.92 } };
  const offer = await createOffer(request, token, {
    ...template,
    languages: ['da', 'is'],
    eligibility: { residence: 'municipality' },
    location: { ...template.location, ...aalborg },
  });
  const card = page.getByRole('article').filter({ has: page.locator(`a[href="/tilbud/${offer.id}"]`) });

  await page.goto('/?postcode=9440&language=is');
  await expect(card).toContainText('For borgere i Aalborg Kommune');
  await expect(card).toContainText('Du søgte fra et postnummer i en anden kommune');
  await expectNoAxeViolations(page, 'a result card marked for another municipality');

  // The offer page says it again before the join button, and so does the join form.
  const sentence =
    'Du søgte fra 9440 Aabybro, som ligger i Jammerbugt Kommune. Tilbuddet er kun for borgere i Aalborg Kommune. Bor du ikke dér, kan du ikke deltage.';
  await card.getByRole('link', { name: offer.title }).click();
  const notice = page.locator('.notice--residence');
  await expect(notice).toHaveText(`Tjek, hvor du bor${sentence}`);
  const noticeBox = await notice.boundingBox();
  const join = page.getByRole('link', { name: 'Jeg vil gerne deltage' });
  expect(noticeBox!.y, 'the notice comes before the join button').toBeLessThan((await join.boundingBox())!.y);
  await expectNoAxeViolations(page, 'an offer page with the residence notice');
  await join.click();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.locator('.notice--residence')).toContainText(sentence);

  await useEnglish(page);
  await expect(page.locator('.notice--residence')).toContainText(
    'You searched from 9440 Aabybro, which lies in Jammerbugt Municipality. The offer is only for residents of Aalborg Municipality.',
  );
  await page.goto('/?postcode=9440&language=is');
  await expect(card).toContainText('You searched from a postcode in another municipality');

  await page.goto('/?postcode=9000&language=is');
  await expect(card).toContainText('For residents of Aalborg Municipality');
  await expect(card).not.toContainText('another municipality');
  await card.getByRole('link', { name: offer.title }).click();
  await expect(page.getByRole('link', { name: 'I would like to join' })).toBeVisible();
  await expect(page.locator('.notice--residence')).toHaveCount(0);
});

// Found by a walk: a 67-year-old could ask to join an 18–65 course, its age limit said only far
// down its page. The card, the offer page's first screen and the join form say it now.
test('an age limit is said on the card, before the join button and on the join form', async ({ page, request }) => {
  const token = await devToken(request, 'nordjylland');
  const template = await offerTemplate(request, token, unique('Kun for 18-65-årige'));
  const offer = await createOffer(request, token, {
    ...template,
    languages: ['da', 'is'],
    eligibility: { min_age: 18, max_age: 65, residence: 'region' },
    location: { ...template.location, postcode: '9000', city: 'Aalborg', municipality_code: '0851', point: { lat: 57.048, lon: 9.92 } },
  });
  const card = page.getByRole('article').filter({ has: page.locator(`a[href="/tilbud/${offer.id}"]`) });
  await page.goto('/?postcode=9000&language=is');
  await expect(card.locator('dt', { hasText: 'Alder' })).toBeVisible();
  await expect(card.locator('dd', { hasText: /^18–65 år$/ })).toBeVisible();
  await expectNoAxeViolations(page, 'a result card with an age limit');

  await card.getByRole('link', { name: offer.title }).click();
  const facts = page.locator('.offer__key-facts');
  await expect(facts.locator('dt', { hasText: 'Hvem kan deltage' })).toBeVisible();
  await expect(facts).toContainText('Tilbuddet er for personer på 18–65 år, som bor i Region Nordjylland.');
  const join = page.getByRole('link', { name: 'Jeg vil gerne deltage' });
  expect((await facts.boundingBox())!.y, 'the limit comes before the join button').toBeLessThan((await join.boundingBox())!.y);
  await join.click();
  await expect(page.locator('.who-for')).toHaveText('Tilbuddet er for personer på 18–65 år, som bor i Region Nordjylland.');

  await useEnglish(page);
  await page.goto('/?postcode=9000&language=is');
  await expect(card.locator('dt', { hasText: 'Age' })).toBeVisible();
  await expect(card.locator('dd', { hasText: /^18–65$/ })).toBeVisible();
});
