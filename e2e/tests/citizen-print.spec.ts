import { expect, test, type APIRequestContext, type Page } from './fixtures';
import { readFileSync } from 'node:fs';
import { OfferPage } from '../pages/offer-page';
import { cspViolations, withProductionCsp } from './csp';

async function anOffer(request: APIRequestContext): Promise<string> {
  const r = await request.get('/api/v1/offers?postcode=8000&per_page=1');
  return (await r.json()).results[0].offer.id as string;
}

/** Decodes the page's QR code in the browser: its SVG drawn on a canvas, read by jsQR (a test-only
 *  dev dependency, Apache-2.0). */
async function decodeQr(page: Page): Promise<string | null> {
  // Evaluated by the test runner (not a <script> the page's CSP would rightly refuse).
  await page.evaluate(`${readFileSync(require.resolve('jsqr/dist/jsQR.js'), 'utf8')}\n;undefined`);
  return page.evaluate(async () => {
    const svg = document.querySelector('forebyg-qr svg')!.cloneNode(true) as SVGSVGElement;
    const size = 400;
    svg.setAttribute('width', String(size));
    svg.setAttribute('height', String(size));
    // A data: address: the site's CSP allows data: images (not blob:).
    const url = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg.outerHTML)}`;
    const img = new Image();
    await new Promise((ok, fail) => { img.onload = ok; img.onerror = fail; img.src = url; });
    const canvas = document.createElement('canvas');
    canvas.width = canvas.height = size;
    const ctx = canvas.getContext('2d')!;
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, size, size);
    ctx.drawImage(img, 0, 0, size, size);
    const data = ctx.getImageData(0, 0, size, size);
    const jsQR = (window as unknown as { jsQR: (d: Uint8ClampedArray, w: number, h: number) => { data: string } | null }).jsQR;
    return jsQR(data.data, size, size)?.data ?? null;
  });
}

for (const lang of ['da', 'en'] as const) {
  test(`the printed offer page has a QR code of its address (${lang})`, async ({ page, request, baseURL }) => {
    if (lang === 'en') await page.addInitScript(() => window.localStorage.setItem('forebyg.lang', 'en'));
    const id = await anOffer(request);
    const offer = new OfferPage(page);
    await offer.goto(id);
    const address = `${baseURL}/tilbud/${id}`;
    const name = lang === 'da' ? 'QR-kode med adressen på denne side' : 'QR code with the address of this page';
    const caption = lang === 'da' ? 'Scan koden for at åbne siden' : 'Scan the code to open this page';
    const code = page.locator('forebyg-qr');
    // Not shown on screen, and not drawn until the page is printed (it costs a phone's main thread).
    await expect(code).toBeAttached();
    await expect(code).toBeHidden();
    await expect(code).not.toHaveAttribute('data-qr-for', /./);

    await page.emulateMedia({ media: 'print' });
    await expect(code).toHaveAttribute('data-qr-for', address);
    const figure = page.getByRole('figure', { name: caption });
    await expect(figure).toBeVisible();
    await expect(figure.getByRole('img', { name })).toBeVisible();
    // The address under it as one types it (no "https://").
    await expect(figure).toContainText(address.replace(/^https?:\/\//, ''));
    // The screen-only tools are not printed.
    await expect(page.getByRole('button', { name: lang === 'da' ? 'Udskriv' : 'Print' })).toBeHidden();
    expect(await decodeQr(page)).toBe(address);

    await page.emulateMedia({ media: 'screen' });
    await expect(figure).toBeHidden();
  });
}

test('the QR code module is loaded on offer pages only, and works under the production CSP', async ({ page, request }) => {
  await withProductionCsp(page);
  const loaded: string[] = [];
  page.on('request', (r) => {
    if (/\/js\/(qr|qrcode)-/.test(r.url())) loaded.push(new URL(r.url()).pathname);
  });
  await page.goto('/?postcode=8000');
  await expect(page.getByRole('heading', { level: 2, name: /tilbud inden for/ })).toBeVisible();
  expect(loaded).toEqual([]);
  await new OfferPage(page).goto(await anOffer(request));
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('forebyg-qr svg')).toHaveCount(1);
  expect(loaded.some((u) => /^\/js\/qrcode-[0-9a-f]{8}\.js$/.test(u))).toBe(true);
  expect(await cspViolations(page)).toEqual([]);
});
