// The QR code on the printed offer page: <forebyg-qr data-url="https://…/tilbud/…"> becomes a
// figure with an SVG QR code of that address and a caption (qrcode-generator 2.0.4, MIT). Loaded
// on offer pages and patient handouts only; on offer pages the element is shown in print only
// (app/style.css). Its texts live here rather than in the app's i18n.rs to keep them out of the
// wasm.
//
// scripts/build-app.sh replaces the address below with the content-hashed file in dist/.
import qrcode from '__QRCODE_JS__';

const TEXTS = {
  da: { caption: 'Scan koden for at åbne siden', label: 'QR-kode med adressen på denne side' },
  en: { caption: 'Scan the code to open this page', label: 'QR code with the address of this page' },
};
// `data-kind="offer"`: the code of an offer on a patient handout (a page about several offers).
const OFFER_TEXTS = {
  da: { caption: 'Scan koden for at se tilbuddet', label: 'QR-kode med adressen på tilbuddets side' },
  en: { caption: 'Scan the code to see the offer', label: "QR code with the address of the offer's page" },
};

// `data-kind="status"`: the status page with a referral's code filled in, on the patient's slip.
const STATUS_TEXTS = {
  da: { caption: 'Scan koden for at følge henvisningen', label: 'QR-kode med adressen på siden, hvor du følger henvisningen' },
  en: { caption: 'Scan the code to follow the referral', label: 'QR code with the address of the page where you follow the referral' },
};
const KINDS = { offer: OFFER_TEXTS, status: STATUS_TEXTS };

// A print-only code (an offer page's) is drawn when the page is printed, not when it opens:
// drawing takes a phone's main thread for a while (~24 ms on a desktop), for a code that is
// rarely printed. `beforeprint` comes before the print layout; the media query's change covers
// print previews and emulated print media.
const PRINT = window.matchMedia('print');
const drawForPrint = () => document.querySelectorAll('forebyg-qr').forEach((el) => el.draw());
window.addEventListener('beforeprint', drawForPrint);
PRINT.addEventListener('change', (e) => e.matches && drawForPrint());

class ForebygQr extends HTMLElement {
  connectedCallback() {
    if (this.classList.contains('print-only') && !PRINT.matches) return;
    // The app sets the attributes right after creating the element.
    requestAnimationFrame(() => this.draw());
  }

  draw() {
    const url = this.dataset.url;
    if (!this.isConnected || !url || this.dataset.qrFor === url) return;
    // The language of the element's part of the page (a handout may differ from the UI).
    const lang = this.closest('[lang]')?.lang === 'en' ? 'en' : 'da';
    const t = (KINDS[this.dataset.kind] ?? TEXTS)[lang];
    const qr = qrcode(0, 'M');
    qr.addData(url);
    qr.make();
    const code = document.createElement('div');
    code.className = 'offer-qr__code';
    code.setAttribute('role', 'img');
    code.setAttribute('aria-label', t.label);
    // A string of the library's making (path data and numbers only): no page text goes into it.
    code.innerHTML = qr.createSvgTag({ cellSize: 4, margin: 16, scalable: true });
    code.firstElementChild.setAttribute('aria-hidden', 'true');
    code.firstElementChild.setAttribute('focusable', 'false');
    const caption = document.createElement('figcaption');
    const address = document.createElement('span');
    address.className = 'offer-qr__url';
    // Typed by someone without a camera: no "https://" (a browser adds it), and a narrow caption
    // breaks the lines after a "/" rather than inside a word.
    const parts = url.replace(/^https?:\/\//, '').split(/(?<=\/)/);
    parts.forEach((part, i) => address.append(...(i ? [document.createElement('wbr'), part] : [part])));
    caption.append(t.caption, document.createElement('br'), address);
    const figure = document.createElement('figure');
    figure.className = 'offer-qr';
    figure.append(code, caption);
    this.replaceChildren(figure);
    // What the code holds, for the tests and anyone inspecting the page.
    this.dataset.qrFor = url;
  }
}

if (!customElements.get('forebyg-qr')) customElements.define('forebyg-qr', ForebygQr);
