// The QR code on the printed offer page: <forebyg-qr data-url="https://…/tilbud/…"> gets an SVG
// QR code of that address (qrcode-generator 2.0.4, MIT). Loaded on offer pages only; the figure
// around it is shown in print only (app/style.css).
//
// scripts/build-app.sh replaces the address below with the content-hashed file in dist/.
import qrcode from '__QRCODE_JS__';

class ForebygQr extends HTMLElement {
  connectedCallback() {
    // The app sets the attributes right after creating the element.
    requestAnimationFrame(() => this.draw());
  }

  draw() {
    const url = this.dataset.url;
    if (!this.isConnected || !url || this.dataset.qrFor === url) return;
    const qr = qrcode(0, 'M');
    qr.addData(url);
    qr.make();
    // A string of our own making (path data and numbers only): no user text goes into it.
    this.innerHTML = qr.createSvgTag({ cellSize: 4, margin: 16, scalable: true });
    this.firstElementChild.setAttribute('aria-hidden', 'true');
    this.firstElementChild.setAttribute('focusable', 'false');
    // What the code holds, for the tests and anyone inspecting the page.
    this.dataset.qrFor = url;
  }
}

if (!customElements.get('forebyg-qr')) customElements.define('forebyg-qr', ForebygQr);
