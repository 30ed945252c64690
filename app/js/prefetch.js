// Appended to the citizen app's JS module by scripts/build-app.sh, which fills in the chunk lists
// (no inline script: the CSP allows none). An offer page (/tilbud/<id>) needs, one after another,
// the main wasm, the offer page's chunks and the offer; a search in the address needs the main
// wasm, then the search's results part and the answer. This starts the chunks (and the offer)
// while the main wasm loads. The chunks land in the HTTP cache (content-hashed, immutable), where
// the chunk loader finds them; the offer's response waits on `window.forebygPrefetch` for the
// app's `api::get_offer`, which takes it once (a later visit asks the API again).
{
  const prefetch = (names) => {
    for (const name of names) fetch(new URL(name, import.meta.url)).catch(() => {});
  };
  const offer = /^\/tilbud\/([^/]+)\/?$/.exec(location.pathname);
  if (offer) {
    const url = `/api/v1/offers/${offer[1]}`;
    const response = fetch(url, { headers: { Accept: 'application/json, application/problem+json' } });
    response.catch(() => {});
    window.forebygPrefetch = { url, response };
    prefetch(__OFFER_CHUNKS__);
  } else if (location.pathname === '/' && /[?&](postcode|lat)=/.test(location.search)) {
    prefetch(__SEARCH_CHUNKS__);
  }
}
