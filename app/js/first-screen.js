// A page's first screen before the app (loaded by index.html as its own small module, just
// before the app's, so it runs first, long before the wasm). On /tilbud/<id> it fetches the offer and
// shows its first screen (title, demo notice, summary: index.html's `offer-first-screen`, which
// mirrors src/routes/offer.rs) in the static shell; the app takes over when its offer page is
// ready (src/mount.rs). The response waits on `window.forebygPrefetch` for the app's
// `api::get_offer`, which takes it once (a later visit asks the API again); `shown` settles after
// the first screen has been painted (or could not be), and app/js/prefetch.js starts the offer
// page's chunks then, so they do not compete with the offer for the connection.
//
// Only in Danish, the shell's language: a reader who chose English (the app's `forebyg.lang` in
// localStorage, src/context.rs) sees the shell's loading line until the app shows the offer.
//
// Every other page but the search page (`/`): the shell's intro is the search page's heading
// ("Find et forebyggelsestilbud"), which would name the wrong page (the clinician search at
// /klinik, say) until the app shows the right one, so it goes and the shell shows its loading line
// alone. No list of pages: whatever is not the search or an offer is neutral.
{
  const offer = /^\/tilbud\/([^/]+)\/?$/.exec(location.pathname);
  if (!offer && location.pathname !== '/') document.querySelector('#app[data-shell] > main > .page-intro')?.remove();
  if (offer) {
    const url = `/api/v1/offers/${offer[1]}`;
    const response = fetch(url, { headers: { Accept: 'application/json, application/problem+json' } });
    response.catch(() => {});
    // After the frame with the first screen and the one after it: by then the first screen is on
    // the screen, not only drawn.
    const afterPaint = () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(resolve))));
    const shown = response
      .then((r) => (r.ok ? r.clone().json() : null))
      .then((data) => {
        // The shell's <main>, unless the app has replaced the shell already (then its own page
        // shows the offer).
        const main = document.querySelector('#app[data-shell] > main');
        const template = document.getElementById('offer-first-screen');
        let english = false;
        try { english = localStorage.getItem('forebyg.lang') === 'en'; } catch { /* storage blocked */ }
        if (!data || !main || !template || english) return;
        const screen = template.content.cloneNode(true);
        const part = (name) => screen.querySelector(`[data-offer="${name}"]`);
        part('title').textContent = data.title;
        part('summary').textContent = data.summary;
        if (data.demo) screen.querySelector('article').classList.add('offer--demo');
        else part('demo').remove();
        for (const el of screen.querySelectorAll('[data-offer]')) el.removeAttribute('data-offer');
        main.replaceChildren(screen);
        return afterPaint();
      })
      .catch(() => {});
    window.forebygPrefetch = { url, response, shown };
  }
}
